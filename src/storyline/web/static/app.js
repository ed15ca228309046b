// storyline pages: small conveniences, no dependencies. Article text is never put
// into the page from here; it arrives escaped in the server's HTML.
(function () {
  "use strict";

  // Timeline: open or close every story at once.
  document.querySelectorAll("button.toggle-all").forEach(function (button) {
    button.addEventListener("click", function () {
      var open = button.dataset.open === "true";
      document.querySelectorAll("li.story > details").forEach(function (d) {
        d.open = open;
      });
    });
  });

  // A link to a story (#s-...) opens it.
  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    var details = target && target.querySelector("details");
    if (details) details.open = true;
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
})();
