// The actor network page: fetches /api/network with the page's filters and draws it
// as SVG with a small force layout (Fruchterman-Reingold, started from a circle so the
// drawing is the same every time). A country and its government are one node unless
// "show governments apart" is ticked (?governments=apart). Clicking an actor (circle or
// name) opens its own network; clicking a link lists the events on it with their
// evidence (/api/network/links). Names and evidence go into the page through
// textContent and attribute values only, never as markup.
(function () {
  "use strict";

  var box = document.getElementById("network");
  if (!box) return;
  var svg = document.getElementById("network-svg");
  var status = document.getElementById("network-status");
  var rows = document.getElementById("network-rows");
  var panel = document.getElementById("link-events");
  var apartBox = document.getElementById("governments-apart");
  var NS = "http://www.w3.org/2000/svg";
  var W = 960;
  var H = 640;
  var MARGIN_X = 130;  // room for labels beside the outermost actors
  var MARGIN_Y = 40;
  var BEND = 0.12;  // links are slightly curved
  var GRAVITY = 0.4;  // pull towards the middle, so loose actors stay in view
  var QUADS = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"];
  var query = box.dataset.query || "";
  var chosen = box.dataset.actor || "";
  var apart = new URLSearchParams(window.location.search).get("governments") === "apart";
  var LINK_EVENTS = 20;

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (key) {
      node.setAttribute(key, String(attrs[key]));
    });
    if (parent) parent.appendChild(node);
    return node;
  }

  function quadClass(quad) {
    return QUADS.indexOf(quad) >= 0 ? "quad-" + quad : "quad-none";
  }

  function quadLabel(quad) {
    return quad ? String(quad).replace(/_/g, " ") : "no category";
  }

  function counts(map) {
    return Object.keys(map || {})
      .sort(function (a, b) { return map[b] - map[a] || (a < b ? -1 : 1); })
      .map(function (key) { return key + " " + map[key]; })
      .join(", ");
  }

  function nodeUrl(id) {
    var params = new URLSearchParams(query);
    params.set("actor", id);
    if (apart) params.set("governments", "apart");
    return "/network?" + params.toString();
  }

  function articleUrl(docId, start, end) {
    return "/articles/" + encodeURIComponent(docId) + "?start=" + start + "&end=" + end + "#c" + start;
  }

  function members(d) {
    return d.members && d.members.length ? d.members : [d.id];
  }

  function html(name, text, parent, cls) {
    var node = document.createElement(name);
    if (text !== undefined && text !== null) node.textContent = text;
    if (cls) node.className = cls;
    if (parent) parent.appendChild(node);
    return node;
  }

  // One event on a link: date, type, who acted on whom, and the sentence it was read
  // in, linking to the article at that passage.
  function eventItem(e, list) {
    var li = html("li", null, list, "link-event");
    var head = html("div", null, li, "link-event-head");
    html("span", e.date || "undated", head, "when");
    html("span", e.type, head, "type " + quadClass(e.quad));
    html("span", e.source.name + " → " + e.targets.map(function (t) { return t.name; }).join(", "), head, "who");
    var quote = html("blockquote", null, li, "evidence");
    var link = html("a", e.evidence.text, html("p", null, quote), "evidence-link");
    link.href = articleUrl(e.doc_id, e.evidence.start, e.evidence.end);
  }

  // Lists the events on the link between nodes a and b, `offset` of them left out.
  function showLink(a, b, offset) {
    var params = new URLSearchParams(query);
    members(a).forEach(function (id) { params.append("a", id); });
    members(b).forEach(function (id) { params.append("b", id); });
    params.set("limit", String(LINK_EVENTS));
    params.set("offset", String(offset));
    if (!offset) {
      while (panel.firstChild) panel.removeChild(panel.firstChild);
      html("h2", a.name + " — " + b.name, panel);
      html("p", "Loading the events on this link…", panel, "link-status");
      html("ol", null, panel, "link-list");
      panel.hidden = false;
      panel.dataset.ready = "false";
    }
    var status = panel.querySelector(".link-status");
    var list = panel.querySelector(".link-list");
    var more = panel.querySelector("button.more");
    if (more) more.remove();
    fetch("/api/network/links?" + params.toString(), { headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) throw new Error(body.error || "status " + response.status);
          return body;
        });
      })
      .then(function (page) {
        page.items.forEach(function (e) { eventItem(e, list); });
        var shown = offset + page.items.length;
        status.textContent = page.total + " event" + (page.total === 1 ? "" : "s") +
          " between them" + (shown < page.total ? ", the first " + shown + " shown" : "") +
          ", each with the sentence it was read in:";
        if (shown < page.total) {
          var button = html("button", "Show more", panel, "more");
          button.type = "button";
          button.addEventListener("click", function () { showLink(a, b, shown); });
        }
        panel.dataset.ready = "true";
        if (!offset) panel.scrollIntoView({ block: "nearest" });
      })
      .catch(function (err) {
        status.textContent = "The events could not be loaded: " + err.message;
        panel.dataset.ready = "error";
      });
  }

  // Positions nodes in place (x, y), then fits them into the drawing area.
  function layout(nodes, links) {
    var n = nodes.length;
    if (n === 0) return;
    var k = Math.sqrt((W * H) / n) * 0.7;
    nodes.forEach(function (d, i) {
      var angle = (2 * Math.PI * i) / n;
      d.x = W / 2 + (W / 3) * Math.cos(angle);
      d.y = H / 2 + (H / 3) * Math.sin(angle);
    });
    var temperature = W / 8;
    for (var step = 0; step < 400; step++) {
      nodes.forEach(function (d) { d.dx = 0; d.dy = 0; });
      for (var i = 0; i < n; i++) {
        for (var j = i + 1; j < n; j++) {
          var a = nodes[i];
          var b = nodes[j];
          var dx = a.x - b.x;
          var dy = a.y - b.y;
          var dist = Math.sqrt(dx * dx + dy * dy) || 0.01;
          if (dist > 3 * k) continue;  // far actors no longer push (FR's grid variant)
          var push = (k * k) / dist;
          a.dx += (dx / dist) * push; a.dy += (dy / dist) * push;
          b.dx -= (dx / dist) * push; b.dy -= (dy / dist) * push;
        }
      }
      links.forEach(function (l) {
        var a = nodes[l.s];
        var b = nodes[l.t];
        var dx = a.x - b.x;
        var dy = a.y - b.y;
        var dist = Math.sqrt(dx * dx + dy * dy) || 0.01;
        var pull = (dist * dist) / k;
        a.dx -= (dx / dist) * pull; a.dy -= (dy / dist) * pull;
        b.dx += (dx / dist) * pull; b.dy += (dy / dist) * pull;
      });
      nodes.forEach(function (d) {  // gravity keeps loose actors near the middle
        d.dx -= (d.x - W / 2) * GRAVITY;
        d.dy -= (d.y - H / 2) * GRAVITY;
        var len = Math.sqrt(d.dx * d.dx + d.dy * d.dy) || 1;
        var move = Math.min(len, temperature);
        d.x += (d.dx / len) * move;
        d.y += (d.dy / len) * move;
      });
      temperature = Math.max(temperature * 0.985, 0.5);
    }
    var xs = nodes.map(function (d) { return d.x; });
    var ys = nodes.map(function (d) { return d.y; });
    var minX = Math.min.apply(null, xs);
    var minY = Math.min.apply(null, ys);
    var spanX = Math.max.apply(null, xs) - minX || 1;
    var spanY = Math.max.apply(null, ys) - minY || 1;
    nodes.forEach(function (d) {
      d.x = n === 1 ? W / 2 : MARGIN_X + ((d.x - minX) / spanX) * (W - 2 * MARGIN_X);
      d.y = n === 1 ? H / 2 : MARGIN_Y + ((d.y - minY) / spanY) * (H - 2 * MARGIN_Y);
    });
  }

  // Points along an edge's curve, so labels can keep off it.
  function edgePoints(a, b) {
    var cx = (a.x + b.x) / 2 - (b.y - a.y) * BEND;
    var cy = (a.y + b.y) / 2 + (b.x - a.x) * BEND;
    var points = [];
    for (var i = 1; i < 12; i++) {
      var t = i / 12;
      var u = 1 - t;
      points.push({ x: u * u * a.x + 2 * u * t * cx + t * t * b.x, y: u * u * a.y + 2 * u * t * cy + t * t * b.y });
    }
    return points;
  }

  function edgePath(a, b, ra) {
    if (a === b) {  // an actor acting on itself: a small loop above it
      var top = a.y - ra;
      return "M " + (a.x - 4) + " " + top + " C " + (a.x - 30) + " " + (top - 40) + " " +
        (a.x + 30) + " " + (top - 40) + " " + (a.x + 4) + " " + top;
    }
    var mx = (a.x + b.x) / 2;
    var my = (a.y + b.y) / 2;
    var cx = mx - (b.y - a.y) * BEND;
    var cy = my + (b.x - a.x) * BEND;
    return "M " + a.x + " " + a.y + " Q " + cx + " " + cy + " " + b.x + " " + b.y;
  }

  function radius(node) {
    return 6 + 2.2 * Math.sqrt(node.events || 1);
  }

  function overlap(a, b) {
    var w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
    var h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
    return w > 0 && h > 0 ? w * h : 0;
  }

  // Puts a node's label right, left, above or below it, wherever it covers the least
  // of the labels already placed, the circles and the drawing's edge.
  function placeLabel(label, d, r, circles, placed, points) {
    var width = label.getComputedTextLength ? label.getComputedTextLength() : d.name.length * 7;
    var height = 14;
    var options = [
      { x: d.x + r + 4, y: d.y + 4, anchor: "start", x0: d.x + r + 4, y0: d.y - 8 },
      { x: d.x - r - 4, y: d.y + 4, anchor: "end", x0: d.x - r - 4 - width, y0: d.y - 8 },
      { x: d.x, y: d.y - r - 5, anchor: "middle", x0: d.x - width / 2, y0: d.y - r - 17 },
      { x: d.x, y: d.y + r + 14, anchor: "middle", x0: d.x - width / 2, y0: d.y + r + 3 },
    ];
    var best = null;
    options.forEach(function (o, rank) {
      var box = { x0: o.x0, y0: o.y0, x1: o.x0 + width, y1: o.y0 + height };
      var cost = rank;  // prefer the right, then the left
      placed.forEach(function (p) { cost += overlap(box, p) * 4; });
      circles.forEach(function (c) { cost += overlap(box, c) * 2; });
      points.forEach(function (p) {
        if (p.x > box.x0 && p.x < box.x1 && p.y > box.y0 && p.y < box.y1) cost += 60;
      });
      cost += Math.max(0, -box.x0, box.x1 - W, -box.y0, box.y1 - H) * 50;
      if (best === null || cost < best.cost) best = { cost: cost, o: o, box: box };
    });
    label.setAttribute("x", best.o.x.toFixed(1));
    label.setAttribute("y", best.o.y.toFixed(1));
    label.setAttribute("text-anchor", best.o.anchor);
    placed.push(best.box);
  }

  function draw(data) {
    var nodes = (data.nodes || []).map(function (d) { return Object.assign({}, d); });
    var index = new Map(nodes.map(function (d, i) { return [d.id, i]; }));
    var edges = (data.edges || []).filter(function (e) {
      return index.has(e.source) && index.has(e.target);
    });
    var links = edges
      .filter(function (e) { return e.source !== e.target; })
      .map(function (e) { return { s: index.get(e.source), t: index.get(e.target) }; });
    layout(nodes, links);

    while (svg.firstChild) svg.removeChild(svg.firstChild);
    while (rows.firstChild) rows.removeChild(rows.firstChild);
    var edgeLayer = el("g", { class: "edges" }, svg);
    var nodeLayer = el("g", { class: "nodes" }, svg);
    edges.forEach(function (e) {
      var a = nodes[index.get(e.source)];
      var b = nodes[index.get(e.target)];
      var path = el("path", {
        class: "edge " + quadClass(e.quad) + (String(e.quad || "").indexOf("verbal") === 0 ? " verbal" : ""),
        d: edgePath(a, b, radius(a)),
        "stroke-width": Math.min(1.5 + 1.5 * Math.sqrt(e.count || 1), 14).toFixed(1),
        "data-source": e.source,
        "data-target": e.target,
      }, edgeLayer);
      var about = a.name + " — " + b.name + ": " + e.count + " event" + (e.count === 1 ? "" : "s") +
        " (" + quadLabel(e.quad) + "; " + counts(e.types) + ")";
      el("title", {}, path).textContent = about;
      if (a !== b) {  // a wider, unseen stroke along the link takes the clicks
        var hit = el("path", {
          class: "edge-hit",
          d: path.getAttribute("d"),
          "stroke-width": Math.max(14, Number(path.getAttribute("stroke-width")) + 8),
          "data-source": e.source,
          "data-target": e.target,
        }, edgeLayer);
        el("title", {}, hit).textContent = about + ". Click to list them.";
        hit.addEventListener("click", function () { showLink(a, b, 0); });
      }
      var tr = document.createElement("tr");
      [a.name, b.name, String(e.count), quadLabel(e.quad), counts(e.types)].forEach(function (text) {
        var td = document.createElement("td");
        td.textContent = text;
        tr.appendChild(td);
      });
      var cell = document.createElement("td");
      if (a !== b) {
        var button = html("button", "events", cell, "link-button");
        button.type = "button";
        button.addEventListener("click", function () { showLink(a, b, 0); });
      }
      tr.appendChild(cell);
      rows.appendChild(tr);
    });
    if (window.storylineLabelCells) window.storylineLabelCells(rows.closest("table"));
    var circles = nodes.map(function (d) {
      var r = radius(d);
      return { x0: d.x - r, y0: d.y - r, x1: d.x + r, y1: d.y + r };
    });
    var placed = [];
    var points = [];
    edges.forEach(function (e) {
      var a = nodes[index.get(e.source)];
      var b = nodes[index.get(e.target)];
      if (a !== b) points = points.concat(edgePoints(a, b));
    });
    nodes.forEach(function (d) {
      var link = el("a", {
        href: nodeUrl(d.id),
        class: "node kind-" + (d.kind || "none") + (members(d).indexOf(chosen) >= 0 ? " selected" : ""),
        "data-id": d.id,
        "data-members": members(d).join(" "),
      }, nodeLayer);
      var r = radius(d);
      el("circle", { cx: d.x.toFixed(1), cy: d.y.toFixed(1), r: r.toFixed(1) }, link);
      var label = el("text", {}, link);
      label.textContent = d.name;
      placeLabel(label, d, r, circles, placed, points);
      var extra = [d.kind, d.country, d.sector].filter(Boolean).join(", ");
      var merged = members(d).length > 1 ? ", with its government" : "";
      el("title", {}, link).textContent = d.name + (extra ? " (" + extra + ")" : "") + merged + ": " +
        d.events + " event" + (d.events === 1 ? "" : "s") + ". Click to show its network.";
    });
    status.textContent = nodes.length
      ? nodes.length + " actors joined by " + edges.length + " links."
      : "No events between actors match these filters.";
    box.dataset.ready = "true";
  }

  function load() {
    var params = new URLSearchParams(query);
    if (!apart) params.set("merge_governments", "true");
    box.dataset.ready = "false";
    fetch(box.dataset.api + "?" + params.toString(), { headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) throw new Error(body.error || "status " + response.status);
          return body;
        });
      })
      .then(draw)
      .catch(function (err) {
        status.textContent = "The network could not be loaded: " + err.message;
        status.classList.add("error");
        box.dataset.ready = "error";
      });
  }

  if (apartBox) {
    apartBox.checked = apart;
    apartBox.addEventListener("change", function () {
      apart = apartBox.checked;
      var url = new URL(window.location.href);
      if (apart) url.searchParams.set("governments", "apart");
      else url.searchParams.delete("governments");
      window.history.replaceState(null, "", url.toString());
      if (panel) panel.hidden = true;
      load();
    });
  }
  load();
})();
