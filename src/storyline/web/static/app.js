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

  // Each cell of a listing is named by its column, shown before it on a phone where
  // the rows are stacked (style.css). Tables filled later call it again.
  function labelCells(table) {
    var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    table.querySelectorAll("tbody tr").forEach(function (tr) {
      Array.prototype.forEach.call(tr.children, function (td, i) {
        if (heads[i] && !td.hasAttribute("data-label")) td.setAttribute("data-label", heads[i]);
      });
    });
  }
  document.querySelectorAll("table.listing").forEach(labelCells);
  window.storylineLabelCells = labelCells;
})();
