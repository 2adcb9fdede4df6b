// The network as drawn, shared by the app's component and the standalone page (and pages built on
// it). vis-network is loaded before this script. Python's styled view has already decided how each
// node and edge looks; this script adds what only a browser can do: fit and zoom, hide labels too
// small to read (no smudges), edge labels on hover and selection, groups that open on click, column
// headings, a legend with real swatches, a keyboard that only works inside the graph, zoom, fit and
// reset buttons on the canvas, a touch mode that lets one finger scroll the page until the reader
// asks to move the graph, and a refit whenever the window or the column changes size. The zoom
// limit, the smallest label drawn and the headings' size come with the payload (`rules`), from the
// Python that laid the picture out for them. The pure helpers at the end load in node for tests.
/* exported kgNetwork */

const KG_MIN_HEIGHT = 430;
const KG_MAX_HEIGHT = 760;
const KG_ANIMATION = { duration: 350, easingFunction: "easeInOutQuad" };
const KG_FADED = 0.2;  // opacity of what is not next to the highlighted node
const KG_KEYS_HELP = "Arrow keys move between nodes, Enter shows the selected node's details "
  + "(or opens a group), Shift+Enter focuses on it, + and - zoom, 0 shows everything, Escape closes a group.";

// Build the network inside `holder`. `events`: {height, onSelect(id), onFocus(id), onGroup(id),
// onScreen(name)}; height is a number of pixels, or "screen" to fill the window below the holder's
// top (legend included on a wide screen).
function kgNetwork(holder, payload, events) {
  holder.replaceChildren();
  holder.classList.add("kg-holder");
  const frame = kgElement("div", "kg-frame");
  frame.tabIndex = 0;
  frame.setAttribute("role", "application");
  frame.setAttribute("aria-roledescription", "network diagram");
  frame.setAttribute("aria-label", payload.description + " " + KG_KEYS_HELP);
  const live = kgElement("div", "kg-live");
  live.setAttribute("aria-live", "polite");
  const legend = kgLegend(payload);
  holder.append(frame, legend, live);
  frame.style.height = kgHeight(holder, legend, events.height, payload.rules) + "px";
  frame.setAttribute("data-touch", String(kgTouchScreen()));

  const nodes = new vis.DataSet(payload.nodes);
  const edges = new vis.DataSet(payload.edges);
  const options = JSON.parse(payload.options);
  options.nodes = { ...options.nodes, chosen: { node: kgSelectionMark, label: false } };
  const network = new vis.Network(frame, { nodes: nodes, edges: edges }, options);
  network.canvas.frame.tabIndex = -1;  // the labelled frame around it takes keyboard focus
  const kg = { holder, frame, live, network, nodes, edges, payload, events, open: null, selected: null,
    hovered: null, picked: new Set(), pointed: null, shown: null, zoomingTo: null, faded: { nodes: new Set(), edges: new Set() } };
  kgHideSmallLabels(network, payload.rules);
  kgHeadings(kg);
  kgEdgeLabels(kg);
  kgPointer(kg);
  kgNeighbours(kg);
  kgKeyboard(kg);
  kgControls(kg);
  kgTouch(kg);
  kgInitialZoom(kg);
  const unwatch = kgRefitOnResize(kg, legend);
  network.once("afterDrawing", () => holder.setAttribute("data-drawn", "yes"));
  return {
    network: network,
    select: (id, zoom) => kgSelect(kg, id, zoom),
    group: (id) => { if (id !== kg.open) { id ? kgOpenCluster(kg, id) : kgCloseCluster(kg); } },
    destroy: () => { unwatch(); network.destroy(); },
  };
}

// The selected node wears a thick black border and a dark halo, so it stands out in a crowd of
// its kind's colour; hovering a node thickens its border only.
function kgSelectionMark(values, id, selected) {
  values.borderWidth += selected ? 3 : 1;
  values.borderColor = "#000000";
  if (selected) {
    values.shadow = true;
    values.shadowColor = "rgba(0, 0, 0, 0.55)";
    values.shadowSize = 14;
    values.shadowX = 0;
    values.shadowY = 0;
  }
}

function kgElement(tag, className, text) {
  const element = document.createElement(tag);
  if (className) { element.className = className; }
  if (text !== undefined) { element.textContent = text; }
  return element;
}

// The canvas's height: `wanted` pixels, or on a wide screen the window below the holder's top less
// the legend; on a narrow one (a phone, whose page scrolls, and where the legend, many lines long,
// follows below the picture) the window less the payload's room for the app's bar, so that the
// picture, scrolled to, fills the screen: a phone's canvas is too small for its page's top.
function kgHeight(holder, legend, wanted, rules) {
  if (typeof wanted === "number") { return wanted; }
  if (kgScreen(holder.clientWidth, rules) === "narrow") { return kgClampedHeight(window.innerHeight - rules.phone_bar_px); }
  const top = holder.getBoundingClientRect().top + window.scrollY;
  return kgClampedHeight(window.innerHeight - top - legend.getBoundingClientRect().height - 12);
}

function kgClampedHeight(room) {
  return Math.max(KG_MIN_HEIGHT, Math.min(KG_MAX_HEIGHT, Math.round(room)));
}

// The screen a network this wide is laid out for ("narrow": a phone's canvas), by the payload's rules.
function kgScreen(width, rules) {
  return width < rules.narrow_below_px ? "narrow" : "wide";
}

// A new window size or column width gives the canvas a new height and refits the view, once per
// frame however many resize events come, and asks for another layout when the network crosses
// the payload's narrow width. Returns the function that stops watching.
function kgRefitOnResize(kg, legend) {
  let width = kg.holder.clientWidth;
  let height = window.innerHeight;
  let pending = false;
  const refit = () => {
    pending = false;
    if (kg.holder.clientWidth === width && window.innerHeight === height) { return; }
    width = kg.holder.clientWidth;
    height = window.innerHeight;
    kg.frame.style.height = kgHeight(kg.holder, legend, kg.events.height, kg.payload.rules) + "px";
    kg.network.setSize("100%", "100%");
    kg.network.redraw();
    kgFitView(kg, false);
    const screen = kgScreen(width, kg.payload.rules);
    if (width && screen !== kg.payload.screen) { kg.events.onScreen?.(screen); }
  };
  const later = () => { if (!pending) { pending = true; requestAnimationFrame(refit); } };
  const observer = new ResizeObserver(later);
  observer.observe(kg.holder);
  window.addEventListener("resize", later);
  return () => { observer.disconnect(); window.removeEventListener("resize", later); };
}

// Labels ------------------------------------------------------------------------------------------

// vis draws labels down to one pixel below scaling.label.drawThreshold and fades them on the way;
// here each label gets, before every frame, a threshold that shows it fully or not at all.
function kgHideSmallLabels(network, rules) {
  network.on("beforeDrawing", () => {
    const scale = network.getScale();
    for (const id of network.body.nodeIndices) { kgLabelThreshold(network.body.nodes[id], scale, rules); }
    for (const id of network.body.edgeIndices) { kgLabelThreshold(network.body.edges[id], scale, rules); }
  });
}

// A label is drawn when its size on screen reaches the payload's smallest readable size.
function kgLabelShown(size, scale, rules) {
  return size * scale >= rules.min_label_px;
}

function kgLabelThreshold(item, scale, rules) {
  const label = item.labelModule;
  const wanted = kgLabelShown(label.fontOptions.size, scale, rules) ? 0 : Infinity;
  const scaling = label.elementOptions.scaling;
  if (scaling.label.drawThreshold !== wanted) {
    label.elementOptions.scaling = { ...scaling, label: { ...scaling.label, drawThreshold: wanted } };
  }
}

// Column headings ("Cause", "Mechanism" …) above a layered whole-graph view, at a fixed screen size.
// They belong to the closed picture, so an open group hides them; a heading that would run into the
// one drawn before it is left out. The holder's data-headings lists the headings drawn.
function kgHeadings(kg) {
  const headings = kg.payload.headings;
  const size = kg.payload.rules.heading_px;
  if (!headings.length) { return; }
  kg.network.on("afterDrawing", (ctx) => {
    const scale = kg.network.getScale();
    ctx.save();
    ctx.font = "bold " + size / scale + "px DejaVu Sans, Arial, sans-serif";
    ctx.fillStyle = "#444444";
    ctx.textAlign = "center";
    ctx.textBaseline = "bottom";
    const line = (size + 3) / scale;
    const drawn = kg.open ? [] : kgHeadingsApart(headings, (text) => ctx.measureText(text).width, 6 / scale);
    for (const heading of drawn) {
      heading.text.split(" · ").reverse().forEach((text, i) => ctx.fillText(text, heading.x, heading.y - i * line));
    }
    ctx.restore();
    kg.holder.setAttribute("data-headings", drawn.map((heading) => heading.text).join(" | "));
  });
}

// The headings, left to right, that keep `gap` clear of the last one kept (widths from `measure`).
function kgHeadingsApart(headings, measure, gap) {
  const kept = [];
  let right = -Infinity;
  for (const heading of [...headings].sort((a, b) => a.x - b.x)) {
    const half = Math.max(...heading.text.split(" · ").map(measure)) / 2;
    if (heading.x - half >= right + gap) {
      kept.push(heading);
      right = heading.x + half;
    }
  }
  return kept;
}

// Edge labels: always on path edges and where they fit in small views (decided in Python);
// otherwise on hovering the edge, or while one of its ends is selected.
function kgEdgeLabels(kg) {
  const unhover = (id) => kgEdgeLabel(kg, id, kg.picked.has(id));
  kg.network.on("hoverEdge", (event) => { kg.hovered = event.edge; kgEdgeLabel(kg, event.edge, true); });
  kg.network.on("blurEdge", (event) => unhover(event.edge));
  kg.frame.addEventListener("mouseleave", () => { if (kg.hovered !== null) { unhover(kg.hovered); } });
  kg.network.on("select", (event) => kgEdgeLabelsFor(kg, event.nodes.length ? [] : event.edges));
}

// Labels for the edges the user picked themselves (a node's many edges would crowd each other).
function kgEdgeLabelsFor(kg, picked) {
  kg.picked = new Set(picked);
  kg.edges.forEach((edge) => kgEdgeLabel(kg, edge.id, kg.picked.has(edge.id)));
}

function kgEdgeLabel(kg, id, show) {
  const edge = kg.edges.get(id);
  if (!edge || edge.kg.shown) { return; }
  const label = show ? edge.kg.label : "";
  if ((edge.label || "") !== label) { kg.edges.update({ id: id, label: label }); }
}

// Groups ------------------------------------------------------------------------------------------

function kgOpenCluster(kg, id) {
  const cluster = kg.payload.clusters.find((c) => c.id === id);
  if (!cluster) { return; }
  kg.open = id;
  kgArrange(kg, cluster.positions, cluster);
  kg.holder.setAttribute("data-open-cluster", id);
  kgCloseButton(kg, cluster);
  kgFit(kg, cluster.members, false);
  // Members hidden until now have no measured label yet: fit again once they are drawn.
  kg.network.once("afterDrawing", () => { if (kg.open === id) { kgFit(kg, cluster.members, false); } });
  kgAnnounce(kg, "Opened " + kg.nodes.get(id).label + ". Escape closes the group.");
  kgHighlight(kg);
  kg.events.onGroup?.(id);
}

function kgCloseCluster(kg) {
  if (!kg.open) { return; }
  const positions = Object.fromEntries(kg.payload.nodes.filter((n) => !n.hidden).map((n) => [n.id, [n.x, n.y]]));
  kg.open = null;
  kgArrange(kg, positions);
  kg.holder.removeAttribute("data-open-cluster");
  kg.frame.querySelector(".kg-close")?.remove();
  kgFit(kg, null, false);
  kgAnnounce(kg, "Group closed.");
  kgHighlight(kg);
  kg.events.onGroup?.(null);
}

// Show exactly the nodes in `positions`, there, and the edges whose both ends are shown. With an
// open `cluster`, the type of everything but its members (drawn at their own size) is its
// font_scale times the closed picture's, as the layout counted it.
function kgArrange(kg, positions, cluster = null) {
  const members = new Set(cluster ? cluster.members : []);
  const scale = cluster ? cluster.font_scale : 1;
  kg.nodes.update(kg.payload.nodes.map((node) => {
    const at = positions[node.id];
    if (!at) { return { id: node.id, hidden: true }; }
    const times = members.has(node.id) ? 1 : scale;
    return { id: node.id, x: at[0], y: at[1], hidden: false, font: { ...node.font, size: node.font.size * times },
      widthConstraint: { maximum: node.widthConstraint.maximum * times } };
  }));
  kg.edges.update(kg.payload.edges.map((edge) => ({ id: edge.id, hidden: !(edge.from in positions && edge.to in positions),
    font: { ...edge.font, size: edge.font.size * scale } })));
}

function kgCloseButton(kg, cluster) {
  kg.frame.querySelector(".kg-close")?.remove();
  const button = kgElement("button", "kg-close", "Close group: " + kg.nodes.get(cluster.id).label);
  button.type = "button";
  button.addEventListener("click", () => { kgCloseCluster(kg); kg.frame.focus(); });
  kg.frame.append(button);
}

// Neighbours --------------------------------------------------------------------------------------

// The node pointed at (else the one selected, by a click, a tap or the keyboard) keeps itself, its
// neighbours and its links as drawn, and the rest fade, so its links stand out in a crowd. The
// holder's data-highlight names the node.
function kgNeighbours(kg) {
  kg.network.on("hoverNode", (event) => { kg.pointed = event.node; kgHighlight(kg); });
  kg.network.on("blurNode", () => { kg.pointed = null; kgHighlight(kg); });
  kg.frame.addEventListener("mouseleave", () => { if (kg.pointed !== null) { kg.pointed = null; kgHighlight(kg); } });
}

function kgHighlight(kg) {
  const id = kg.pointed ?? kg.selected;
  const centre = id !== null && kg.nodes.get(id) && !kg.nodes.get(id).hidden ? id : null;
  const shown = kg.edges.get({ filter: (edge) => !edge.hidden, fields: ["id", "from", "to"] });
  kgFade(kg, kgFaded(centre, kg.nodes.getIds({ filter: (node) => !node.hidden }), shown));
  centre === null ? kg.holder.removeAttribute("data-highlight") : kg.holder.setAttribute("data-highlight", centre);
}

// Fade `faded`'s nodes and edges and bring back the others, updating only those that change.
function kgFade(kg, faded) {
  const changed = (items, now, was) => items.filter((item) => now.has(item.id) !== was.has(item.id));
  const opacity = (own, fade) => (fade ? Math.min(own ?? 1, KG_FADED) : own ?? 1);
  kg.nodes.update(changed(kg.payload.nodes, faded.nodes, kg.faded.nodes)
    .map((n) => ({ id: n.id, opacity: opacity(n.opacity, faded.nodes.has(n.id)) })));
  kg.edges.update(changed(kg.payload.edges, faded.edges, kg.faded.edges)
    .map((e) => ({ id: e.id, color: { ...e.color, opacity: opacity(e.color.opacity, faded.edges.has(e.id)) } })));
  kg.faded = faded;
}

// What fades when `centre` is highlighted: the shown nodes that are neither it nor linked to it by a
// shown edge, and the shown edges that do not touch it (nothing without a centre).
function kgFaded(centre, nodeIds, edges) {
  if (centre === null) { return { nodes: new Set(), edges: new Set() }; }
  const kept = new Set([centre]);
  const fadedEdges = new Set();
  for (const edge of edges) {
    if (edge.from === centre || edge.to === centre) { kept.add(edge.from); kept.add(edge.to); }
    else { fadedEdges.add(edge.id); }
  }
  return { nodes: new Set(nodeIds.filter((id) => !kept.has(id))), edges: fadedEdges };
}

// Pointer, keyboard, selection ---------------------------------------------------------------------

function kgPointer(kg) {
  kg.network.on("click", (event) => {
    const id = event.nodes[0];
    if (id === undefined) { return; }
    if (kg.nodes.get(id).kg.members.length) { kgOpenCluster(kg, id); return; }
    kg.selected = id;
    kgHighlight(kg);
    kg.events.onSelect?.(id);
  });
  kg.network.on("doubleClick", (event) => {
    const id = event.nodes[0];
    if (id !== undefined && !kg.nodes.get(id).kg.members.length) { kg.events.onFocus?.(id); }
  });
}

function kgKeyboard(kg) {
  const arrows = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };
  kg.frame.addEventListener("keydown", (event) => {
    if (event.target.closest("button")) { return; }
    const key = event.key;
    if (arrows[key]) { kgStep(kg, arrows[key]); }
    else if (key === "Enter" || key === " ") { kgActivate(kg, event.shiftKey); }
    else if (key === "+" || key === "=") { kgZoom(kg, 1.25); }
    else if (key === "-" || key === "_") { kgZoom(kg, 0.8); }
    else if (key === "0") { kgFit(kg, null, true); }
    else if (key === "Escape") { kg.open ? kgCloseCluster(kg) : kgSelect(kg, null, false); }
    else { return; }
    event.preventDefault();
    event.stopPropagation();
  });
}

// Move the selection to the nearest shown node in the arrow's direction.
function kgStep(kg, [dx, dy]) {
  const shown = kg.nodes.get({ filter: (node) => !node.hidden });
  const here = kg.selected && kg.nodes.get(kg.selected) && !kg.nodes.get(kg.selected).hidden
    ? kg.network.getPosition(kg.selected) : null;
  if (!here) { return kgSelect(kg, kgStart(kg, shown), false); }
  const places = shown.filter((node) => node.id !== kg.selected)
    .map((node) => ({ id: node.id, ...kg.network.getPosition(node.id) }));
  const best = kgNearest(here, places, [dx, dy]);
  if (best !== null) { kgSelect(kg, best, false); }
}

// The id of the place nearest `here` in the direction [dx, dy], straying sideways costing double;
// null when nothing lies that way.
function kgNearest(here, places, [dx, dy]) {
  let best = null;
  let bestCost = Infinity;
  for (const p of places) {
    const along = (p.x - here.x) * dx + (p.y - here.y) * dy;
    const across = Math.abs((p.x - here.x) * dy - (p.y - here.y) * dx);
    const cost = along + 2 * across;
    if (along > 1 && cost < bestCost) { best = p.id; bestCost = cost; }
  }
  return best;
}

function kgStart(kg, shown) {
  const focus = kg.payload.focus;
  return shown.some((node) => node.id === focus) ? focus : shown[0]?.id;
}

function kgActivate(kg, focus) {
  const id = kg.selected;
  if (!id) { return kgSelect(kg, kgStart(kg, kg.nodes.get({ filter: (n) => !n.hidden })), false); }
  if (kg.nodes.get(id).kg.members.length) { return kgOpenCluster(kg, id); }
  (focus ? kg.events.onFocus : kg.events.onSelect)?.(id);
}

// A zoom pressed while the last one is still moving starts from where that one is going, so two
// quick presses of + zoom in twice as far as one, not by whatever the animation had reached. Any
// other move of the view (a fit, a selection brought into view, the wheel or a pinch) forgets it.
function kgZoom(kg, factor, now = performance.now()) {
  const scale = kgZoomBase(kg.zoomingTo, now, kg.network.getScale()) * factor;
  const position = kg.selected ? kg.network.getPosition(kg.selected) : kg.network.getViewPosition();
  kg.zoomingTo = { scale: scale, until: now + KG_ANIMATION.duration };
  kg.network.moveTo({ scale: scale, position: position, animation: KG_ANIMATION });
}

function kgZoomBase(zoomingTo, now, current) {
  return zoomingTo && now < zoomingTo.until ? zoomingTo.scale : current;
}

// Select `id` (opening its group if it is inside one); `zoom` brings it close too. Selecting again
// the node last shown (the app does on every run) leaves the view and the announcement alone: a
// group just opened beside an off-screen selection stays in view, and its announcement stands.
function kgSelect(kg, id, zoom) {
  if (!id || !kg.nodes.get(id)) {
    kg.selected = null;
    kg.shown = null;
    kg.network.unselectAll();
    kgHighlight(kg);
    return;
  }
  const cluster = kg.nodes.get(id).kg.cluster;
  const hidden = kg.nodes.get(id).hidden && cluster;
  if (hidden) { kgOpenCluster(kg, cluster); }
  const news = hidden || zoom || id !== kg.shown;
  kg.selected = id;
  kg.network.selectNodes([id]);
  kgHighlight(kg);
  kgEdgeLabelsFor(kg, []);
  if (news) { kgShowSelected(kg, id, zoom); }
}

// Bring the selected node into view (close, with `zoom`) and say which it is.
function kgShowSelected(kg, id, zoom) {
  kg.shown = id;
  kg.zoomingTo = null;
  if (zoom) { kg.network.focus(id, { scale: Math.max(kg.network.getScale(), 1.0), animation: false }); }
  if (!kgOnScreen(kg, id)) { kg.network.focus(id, { scale: kg.network.getScale(), animation: KG_ANIMATION }); }
  kgAnnounce(kg, "Selected: " + kg.nodes.get(id).title.split("\n").slice(0, 2).join(", ") + ".");
}

function kgOnScreen(kg, id) {
  const p = kg.network.canvasToDOM(kg.network.getPosition(id));
  const canvas = kg.network.canvas.frame.canvas;
  return p.x >= 0 && p.y >= 0 && p.x <= canvas.clientWidth && p.y <= canvas.clientHeight;
}

function kgAnnounce(kg, text) { kg.live.textContent = text; }

function kgInitialZoom(kg) {
  requestAnimationFrame(() => {
    kg.network.redraw();
    kgFitView(kg, false);
  });
}

// Fit what the view is about: an open group's members, else a path view's path, else the whole
// picture, no closer than the zoom limit.
function kgFitView(kg, animate) {
  if (kg.open) { return kgFit(kg, kg.payload.clusters.find((c) => c.id === kg.open).members, animate); }
  kgFit(kg, kg.payload.path.length ? kg.payload.path : null, animate);
}

// Back to the picture as first drawn: no group open, nothing selected, the first zoom.
function kgReset(kg) {
  if (kg.open) { kgCloseCluster(kg); }
  kgSelect(kg, null, false);
  kgFitView(kg, true);
  kgAnnounce(kg, "View reset.");
}

// Zoom so that the nodes `ids` (all shown nodes if null) fill the canvas, less the room the column
// headings (or an open group's Close button) take above them and, on a touch screen, the room its
// big canvas buttons take below them (there they span the canvas). vis-network's own fit leaves a
// tenth of the canvas empty.
function kgFit(kg, ids, animate) {
  const shown = (ids || kg.nodes.getIds({ filter: (node) => !node.hidden })).filter((id) => kg.network.body.nodes[id]);
  if (!shown.length) { return; }
  const boxes = shown.map((id) => kg.network.getBoundingBox(id));
  const canvas = kg.network.canvas.frame.canvas;
  const close = kg.frame.querySelector(".kg-close");
  const headings = kgHeadingRoom(kg.payload.headings, kg.payload.rules);
  const above = ids ? (close ? close.offsetTop + close.offsetHeight : 0) : headings;
  const below = kg.moveToggle ? kg.controls.offsetHeight : 0;
  const view = kgFitted(boxes, { width: canvas.clientWidth, height: canvas.clientHeight }, above, kg.payload.rules,
    below);
  kg.zoomingTo = null;
  kg.network.moveTo({ ...view, animation: animate ? KG_ANIMATION : false });
}

// The scale and centre that fit `boxes` to `canvas` less the margin, `above` pixels at the top and
// `below` pixels at the bottom, never closer than the payload's zoom limit.
function kgFitted(boxes, canvas, above, rules, below = 0) {
  const left = Math.min(...boxes.map((b) => b.left));
  const right = Math.max(...boxes.map((b) => b.right));
  const top = Math.min(...boxes.map((b) => b.top));
  const bottom = Math.max(...boxes.map((b) => b.bottom));
  const margin = rules.fit_margin;
  const scale = Math.min(rules.max_zoom, (canvas.width - 2 * margin) / Math.max(right - left, 1),
    (canvas.height - 2 * margin - above - below) / Math.max(bottom - top, 1));
  return { scale: scale, position: { x: (left + right) / 2, y: (top + bottom) / 2 - (above - below) / 2 / scale } };
}

// Pixels the column headings need above the picture.
function kgHeadingRoom(headings, rules) {
  if (!headings.length) { return 0; }
  const lines = Math.max(...headings.map((heading) => heading.text.split(" · ").length));
  return lines * (rules.heading_px + 3) + 8;
}

// On-canvas controls and touch ---------------------------------------------------------------------

// Zoom, fit and reset as buttons on the canvas (the keyboard's +, - and 0 for a mouse or a finger).
function kgControls(kg) {
  const bar = kgElement("div", "kg-controls");
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", "Zoom and fit");
  bar.append(
    kgButton("+", "Zoom in", () => kgZoom(kg, 1.25)),
    kgButton("−", "Zoom out", () => kgZoom(kg, 0.8)),
    kgButton("Fit", "Fit the whole view on screen", () => kgFit(kg, null, true)),
    kgButton("Reset", "Reset the view as first drawn", () => kgReset(kg)),
  );
  kg.frame.append(bar);
  kg.controls = bar;
  kg.network.on("zoom", () => { kg.zoomingTo = null; });  // the wheel or a pinch
}

function kgButton(text, label, action) {
  const button = kgElement("button", "kg-control", text);
  button.type = "button";
  button.title = label;
  if (label !== text) { button.setAttribute("aria-label", label); }
  button.addEventListener("click", action);
  return button;
}

function kgTouchScreen() {
  return navigator.maxTouchPoints > 0 || window.matchMedia("(pointer: coarse)").matches;
}

// On a touch screen one finger over the graph scrolls the page, as everywhere else on it, and a tap
// still selects; the "Move graph" button switches to dragging and pinching the graph itself.
function kgTouch(kg) {
  if (!kgTouchScreen()) { return; }
  const toggle = kgButton("Move graph", "Move graph", () => {
    const moving = toggle.getAttribute("aria-pressed") !== "true";
    kgMoveMode(kg, moving);
    kgAnnounce(kg, moving ? "Drag to move the graph, pinch to zoom it." : "Swiping scrolls the page again.");
  });
  toggle.classList.add("kg-move");
  kg.controls.append(toggle);
  kg.moveToggle = toggle;
  kgMoveMode(kg, false);
}

function kgMoveMode(kg, moving) {
  kg.moveToggle.setAttribute("aria-pressed", String(moving));
  kg.network.setOptions({ interaction: { dragView: moving, zoomView: moving, dragNodes: false } });
  kg.network.canvas.frame.canvas.style.touchAction = moving ? "none" : "manipulation";
  kg.frame.setAttribute("data-moving", String(moving));
}

// Legend -------------------------------------------------------------------------------------------

function kgLegend(payload) {
  const legend = payload.legend;
  const box = kgElement("div", "kg-legend");
  box.setAttribute("role", "group");
  box.setAttribute("aria-label", "Legend");
  const toggle = kgElement("button", "kg-legend-toggle", "Legend ▾");
  toggle.type = "button";
  toggle.setAttribute("aria-expanded", "true");
  toggle.addEventListener("click", () => {
    const open = box.classList.toggle("kg-legend-closed") === false;
    toggle.setAttribute("aria-expanded", String(open));
    toggle.textContent = open ? "Legend ▾" : "Legend ▸";
  });
  box.append(toggle);
  const section = (title, items) => {
    if (!items.length) { return; }
    if (title) { box.append(kgElement("span", "kg-legend-title", title)); }
    for (const [draw, text, hint] of items) {
      const item = kgElement("span", "kg-legend-item");
      const swatch = kgElement("canvas", "kg-swatch");
      swatch.width = 36;
      swatch.height = 18;
      swatch.setAttribute("aria-hidden", "true");
      draw(swatch.getContext("2d"));
      item.append(swatch, kgElement("span", "", text));
      if (hint) { item.title = hint; }
      box.append(item);
    }
  };
  section("Kinds:", legend.kinds.map((k) => [(c) => kgShape(c, k.shape, k.colour, "#333333", null, 1), k.label]));
  section("Claims:", legend.verdicts.map((v) => [(c) => kgShape(c, "box", v.fill, v.colour, legend.claim_dashes, 2.5),
    v.label]));
  section("Evidence:", legend.evidence.map((e) => [(c) => kgLine(c, e.colour, e.width, e.dashes), e.label,
    e.levels.join("; ")]));
  section("Line ends:", legend.ends.map((e) => [(c) => kgEnd(c, e.end), e.label]));
  const extra = [];
  if (legend.path) { extra.push([(c) => kgLine(c, legend.path_colour, 5, null), "Path"]); }
  if (legend.groups) { extra.push([(c) => kgShape(c, "box", "#dddddd", "#333333", null, 2.5), "Group: click to open"]); }
  section("", extra);
  return box;
}

function kgLine(ctx, colour, width, dashes) {
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.setLineDash(dashes || []);
  ctx.beginPath();
  ctx.moveTo(2, 9);
  ctx.lineTo(34, 9);
  ctx.stroke();
}

// A short line ending as the network's links end: an arrowhead, a bar, or a bar at both ends.
function kgEnd(ctx, end) {
  kgLine(ctx, "#4d4d4d", 2, null);
  ctx.fillStyle = "#4d4d4d";
  if (end === "arrow") {
    ctx.beginPath(); ctx.moveTo(34, 9); ctx.lineTo(26, 4); ctx.lineTo(26, 14); ctx.closePath(); ctx.fill();
    return;
  }
  ctx.fillRect(31, 2, 3, 14);
  if (end === "bars") { ctx.fillRect(2, 2, 3, 14); }
}

// The shapes vis-network draws, small: enough to match a node to its kind.
function kgShape(ctx, shape, fill, border, dashes, width) {
  const x = 18;
  const y = 9;
  const r = 7;
  const polygon = (points) => { ctx.beginPath(); points.forEach(([px, py], i) => (i ? ctx.lineTo(px, py) : ctx.moveTo(px, py))); ctx.closePath(); };
  const star = () => polygon(Array.from({ length: 10 }, (_, i) => {
    const a = -Math.PI / 2 + i * Math.PI / 5;
    const radius = i % 2 ? r * 0.45 : r + 1;
    return [x + radius * Math.cos(a), y + radius * Math.sin(a)];
  }));
  const shapes = {
    dot: () => { ctx.beginPath(); ctx.arc(x, y, r - 1, 0, 2 * Math.PI); },
    circle: () => { ctx.beginPath(); ctx.arc(x, y, r - 1, 0, 2 * Math.PI); },
    ellipse: () => { ctx.beginPath(); ctx.ellipse(x, y, r + 7, r - 1, 0, 0, 2 * Math.PI); },
    box: () => { ctx.beginPath(); ctx.roundRect(x - 14, y - 7, 28, 14, 4); },
    database: () => { ctx.beginPath(); ctx.roundRect(x - 10, y - 8, 20, 16, 6); },
    square: () => polygon([[x - r, y - r], [x + r, y - r], [x + r, y + r], [x - r, y + r]]),
    diamond: () => polygon([[x, y - r - 1], [x + r + 1, y], [x, y + r + 1], [x - r - 1, y]]),
    triangle: () => polygon([[x, y - r - 1], [x + r + 1, y + r], [x - r - 1, y + r]]),
    triangleDown: () => polygon([[x - r - 1, y - r], [x + r + 1, y - r], [x, y + r + 1]]),
    hexagon: () => polygon(Array.from({ length: 6 }, (_, i) => [x + r * Math.cos(i * Math.PI / 3), y + r * Math.sin(i * Math.PI / 3)])),
    star: star,
  };
  (shapes[shape] || shapes.dot)();
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.strokeStyle = border;
  ctx.lineWidth = width;
  ctx.setLineDash(dashes || []);
  ctx.stroke();
}

// The pure helpers, for `node --test tests/js/` (a browser has no `module`).
if (typeof module !== "undefined") {
  module.exports = { kgClampedHeight, kgFaded, kgFitted, kgHeadingRoom, kgHeadingsApart, kgLabelShown, kgNearest,
    kgScreen, kgZoom, kgZoomBase };
}
