// Streamlit bidirectional component: the canvas a student rebuilds a map on. Every node is placed
// where the explorer draws it; the links already given are grey, the student's own are blue. A
// drag from one node to another (mouse or touch, vis-network's edge-adding mode, always on) sends
// "link" with both ends and the relation chosen in the list above the canvas. The network is
// rebuilt only when the nodes change, so adding a link keeps the zoom and pan.
// A canvas narrower than the data's narrow_below_px (a phone) lays the nodes out in rows of two,
// in the explorer's reading order, at a font scaled to the canvas width and a zoom of 1, and grows
// as tall as its rows: fitted into a phone's width, the explorer's positions drew labels at 4-8 px.
// vis-network comes through kgLoadVis (graph/present/templates/vis_loader.js, before this module).
export default function (component) {
  kgLoadVis()
    .then(() => kgBuildRender(component))
    .catch((error) => kgBuildFailed(component.parentElement, error));
}

const KG_STRETCHES = [1, 1.3, 1.6];  // a wide canvas's picture, stretched taller
const KG_GAPS = [24, 32, 40, 52, 64, 80];  // a phone's gaps between rows, in px

function kgBuildFailed(parent, error) {
  const message = document.createElement("p");
  message.textContent = `The map could not be drawn: ${error.message}. Reload the page to try again.`;
  parent.replaceChildren(message);
}

function kgBuildRender(component) {
  const data = component.data;
  const holder = kgBuildHolder(component.parentElement, data);
  holder.kgComponent = component;
  const rebuild = !holder.kgNet || holder.kgKey !== data.key || holder.kgRows !== kgBuildNarrow(holder, data);
  if (rebuild) {
    holder.kgBends = new Map();
    holder.kgNumbered = new Set();
    holder.kgOrder = [];
    holder.kgPlacedFor = null;
  }
  holder.kgLabels = new Map(data.nodes.map((node) => [node.id, node.label]));
  holder.kgGiven = new Map(data.edges.map((edge) => [edge.id, edge]));
  kgBuildDraw(holder);
  if (rebuild) {
    kgBuildRebuild(holder, data, component);
  } else if (holder.kgPlacedFor !== kgBuildLinksKey(holder)) {  // a run that changed no link keeps its bends
    holder.kgNet.once("afterDrawing", () => kgBuildPlace(holder, holder.kgNet, kgBuildVisible(holder.kgNet)));
    holder.kgNet.redraw();
  }
  kgBuildConnect(holder);
}

function kgBuildRebuild(holder, data, component) {
  if (holder.kgNet) { holder.kgNet.destroy(); }
  holder.removeAttribute("data-drawn");
  holder.kgRows = kgBuildNarrow(holder, data);
  holder.kgNet = kgBuildNetwork(holder.querySelector(".kg-build-canvas"), data, component);
  holder.kgKey = data.key;
}

function kgBuildEdgeKey(edge) {
  return `${edge.from}\u0000${edge.to}\u0000${edge.label}`;
}

// The links on the canvas, as one string: placing their names again is needed only when it changes.
function kgBuildLinksKey(holder) {
  return [...holder.kgGiven.values()].map(kgBuildEdgeKey).join("\u0001");
}

// The part of the canvas on screen, less a margin, in canvas coordinates.
function kgBuildVisible(network) {
  const canvas = network.body.container;
  const corner = network.DOMtoCanvas({ x: 4, y: 4 });
  const far = network.DOMtoCanvas({ x: canvas.clientWidth - 4, y: canvas.clientHeight - 4 });
  return { l: corner.x, t: corner.y, r: far.x, b: far.y };
}

// Bend the links so that every name can be read (ui/build_layout.js), keeping the bends for the
// next run. A name that still cannot be read whole is drawn as a number instead, and the link
// written out in full in the numbered list under the canvas (kept numbered while the canvas
// lasts). The links' count is written once they are drawn so.
function kgBuildPlace(holder, network, bounds) {
  let placed = kgBuildBend(holder, network, bounds);
  if (placed.hidden > 0) {
    placed.links.forEach((link, i) => { if (placed.hiddenAt[i]) { holder.kgNumbered.add(link.key); } });
    kgBuildDraw(holder);
    network.redraw();
    placed = kgBuildBend(holder, network, bounds);
  }
  kgBuildList(holder);
  holder.kgPlacedFor = kgBuildLinksKey(holder);
  holder.setAttribute("data-links", String(placed.links.length));
  holder.setAttribute("data-hidden-names", String(placed.hidden));
  return { hidden: placed.hidden, numbered: kgBuildNumbers(holder).size };
}

function kgBuildBend(holder, network, bounds) {
  const links = kgBuildLinks(holder, network);
  const placed = kgPlaceNames(kgBuildBoxes(network), links, bounds);
  holder.kgBends = new Map(links.map((link, i) => [link.key, placed.bends[i]]));
  holder.kgOrder = placed.order.map((i) => links[i].key);
  kgBuildDraw(holder);
  network.redraw();
  return { ...placed, links };
}

// Every link as vis-network draws it: its bend, and its name or number, in the order placed
// (vis-network draws them in the order they were added, each line then its name).
function kgBuildDraw(holder) {
  const numbers = kgBuildNumbers(holder);
  const place = new Map((holder.kgOrder || []).map((key, i) => [key, i]));
  const edges = [...holder.kgGiven.values()].map((edge) => ({ edge, key: kgBuildEdgeKey(edge) }));
  const rank = (item) => (place.has(item.key) ? place.get(item.key) : place.size);
  edges.sort((a, b) => rank(a) - rank(b));
  holder.kgEdges.clear();
  holder.kgEdges.add(edges.map(({ edge, key }) => kgDrawnAs({ ...edge, label: numbers.has(key) ? String(numbers.get(key))
    : edge.label }, holder.kgBends.get(key) || 0)));
}

// The numbered links' numbers, 1 up, in the links' order.
function kgBuildNumbers(holder) {
  const keys = [...holder.kgGiven.values()].map(kgBuildEdgeKey).filter((key) => holder.kgNumbered.has(key));
  return new Map(keys.map((key, i) => [key, i + 1]));
}

// The numbered links, written out under the canvas ("2. Serum ferritin guides the use of Oral
// ferrous sulfate"), in the page's text colour (the given links' grey is too pale to read text in);
// nothing when every name is on the canvas.
function kgBuildList(holder) {
  const list = holder.querySelector(".kg-build-names");
  const numbers = kgBuildNumbers(holder);
  const label = (id) => holder.kgLabels.get(id) || id;
  list.replaceChildren(...[...holder.kgGiven.values()].filter((edge) => numbers.has(kgBuildEdgeKey(edge))).map((edge) => {
    const item = document.createElement("li");
    item.value = numbers.get(kgBuildEdgeKey(edge));
    item.textContent = `${label(edge.from)} ${edge.label} ${label(edge.to)}`;
    return item;
  }));
  list.hidden = numbers.size === 0;
}

// The links drawn, each with its name's size (vis-network measures it as it draws it) and bend.
function kgBuildLinks(holder, network) {
  return [...holder.kgGiven.values()].map((edge) => {
    const size = network.body.edges[edge.id].labelModule.size;
    const key = kgBuildEdgeKey(edge);
    return { id: edge.id, key, from: edge.from, to: edge.to, width: size.width, height: size.height,
      bend: holder.kgBends.get(key) || 0, kept: holder.kgBends.has(key) };
  });
}

// Every node's centre and size, as drawn.
function kgBuildBoxes(network) {
  const boxes = {};
  for (const id of network.body.nodeIndices) {
    const box = network.getBoundingBox(id);
    boxes[id] = { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2, width: box.right - box.left,
      height: box.bottom - box.top };
  }
  return boxes;
}

function kgBuildNarrow(holder, data) {
  return holder.querySelector(".kg-build-canvas").clientWidth < data.narrow_below_px;
}

// Turning a phone or resizing a window across the narrow width lays the canvas out again.
function kgBuildWatch(holder) {
  window.addEventListener("resize", () => {
    if (holder.kgNet && holder.kgRows !== kgBuildNarrow(holder, holder.kgComponent.data)) {
      kgBuildRender(holder.kgComponent);
    }
  });
}

// Changing the data leaves vis-network's edge-adding mode, so every run re-enters it, after the
// changes have been drawn.
function kgBuildConnect(holder) {
  window.setTimeout(() => holder.kgNet.addEdgeMode(), 0);
}

// The relation list and the canvas, made once; the list keeps the student's choice between runs.
function kgBuildHolder(parent, data) {
  let holder = parent.querySelector(".kg-build");
  if (!holder) {
    holder = document.createElement("div");
    holder.className = "kg-build";
    holder.innerHTML = '<label class="kg-build-relation">Relation for links drawn by dragging '
      + "<select></select></label>"
      + '<div class="kg-build-canvas" role="application" aria-label="Concept map: drag from one node '
      + 'to another to link them"></div>'
      + '<ol class="kg-build-names" aria-label="Links numbered on the map" hidden></ol>';
    parent.appendChild(holder);
    holder.kgEdges = new vis.DataSet();
    holder.kgBends = new Map();
    kgBuildWatch(holder);
  }
  kgBuildOptions(holder.querySelector("select"), data.relations);
  return holder;
}

function kgBuildOptions(select, relations) {
  const chosen = select.value;
  select.replaceChildren(...relations.map((relation) => new Option(relation.text, relation.value)));
  if (relations.some((relation) => relation.value === chosen)) { select.value = chosen; }
}

function kgBuildNetwork(canvas, data, component) {
  const holder = canvas.parentElement;
  const phone = holder.kgRows ? kgBuildPhone(canvas.clientWidth) : null;
  const nodes = new vis.DataSet(data.nodes);
  const options = kgBuildOptionsFor(holder, component, phone);
  const network = new vis.Network(canvas, { nodes, edges: holder.kgEdges }, options);
  network.once("afterDrawing", () => {
    if (phone) {
      kgBuildSpread(holder, network, nodes, data.nodes);
    } else {
      kgBuildStretch(holder, network, nodes, data.nodes);
    }
    network.addEdgeMode();
    holder.setAttribute("data-drawn", "yes");
  });
  network.redraw();
  holder.kgPosition = (id) => network.canvasToDOM(network.getPosition(id));
  return network;
}

// A wide canvas draws the nodes where the explorer does, fitted into it; when a link's name can
// be read there only as a number, or not at all, the picture is stretched taller, a step at a
// time, and the stretch with the fewest names hidden, then numbered, wins.
function kgBuildStretch(holder, network, nodes, given) {
  let best = null;
  let tried = null;
  for (const stretch of KG_STRETCHES) {
    const placed = kgBuildStretchTo(holder, network, nodes, given, stretch);
    tried = stretch;
    if (!best || placed.hidden < best.hidden || (placed.hidden === best.hidden && placed.numbered < best.numbered)) {
      best = { stretch, ...placed };
    }
    if (best.hidden === 0 && best.numbered === 0) { break; }
  }
  if (best.stretch !== tried) { kgBuildStretchTo(holder, network, nodes, given, best.stretch); }
}

function kgBuildStretchTo(holder, network, nodes, given, stretch) {
  nodes.update(given.map((node) => ({ id: node.id, x: node.x, y: Math.round(node.y * stretch) })));
  network.fit({ animation: false });
  holder.kgBends = new Map();
  holder.kgNumbered = new Set();
  holder.kgOrder = [];
  kgBuildDraw(holder);
  network.redraw();
  return kgBuildPlace(holder, network, kgBuildVisible(network));
}

// A phone's sizes, at a zoom of 1, so a font is its size on screen: nodes a third of the
// canvas's width, at an 11th of half of it (12 to 16 px), with the links' names, 2 px smaller,
// in the band between.
function kgBuildPhone(width) {
  const font = Math.max(12, Math.min(16, Math.floor(width / 22)));
  const node = Math.round(width / 3);
  return { font, node, name: width - 2 * node - 16 };
}

// A phone's rows (kgRows, ui/build_layout.js) are spread further apart, a step at a time, until
// every link's name can be read (or they are as far apart as they go, when the fewest hidden
// wins); the canvas grows as tall as its rows.
function kgBuildSpread(holder, network, nodes, given) {
  const canvas = network.body.container;
  const width = canvas.clientWidth;
  const sizes = kgBuildBoxes(network);
  const links = kgBuildLinks(holder, network);
  const reading = [...given].sort((a, b) => a.y - b.y || a.x - b.x).map((node) => node.id);
  const orders = [reading, kgPairs(reading, links)];
  let best = null;
  for (const gap of KG_GAPS) {
    for (const order of orders) {
      const rows = kgRows(order, sizes, links, width, gap);
      const boxes = Object.fromEntries(rows.nodes.map((node) => [node.id, { ...sizes[node.id], x: node.x, y: node.y }]));
      const placed = kgPlaceNames(boxes, links, kgBuildRowBounds(rows, width));
      if (!best || placed.hidden < best.hidden || (placed.hidden === best.hidden && placed.cost < best.cost)) {
        best = { rows, hidden: placed.hidden, cost: placed.cost };
      }
    }
    if (best.hidden === 0) { break; }
  }
  nodes.update(best.rows.nodes);
  canvas.style.height = `${Math.ceil(best.rows.height)}px`;
  network.setSize("100%", `${Math.ceil(best.rows.height)}px`);
  network.moveTo({ position: best.rows.centre, scale: 1, animation: false });
  network.redraw();
  kgBuildPlace(holder, network, kgBuildRowBounds(best.rows, width));
}

// Where a phone's names may lie: the canvas, less a margin, at a zoom of 1.
function kgBuildRowBounds(rows, width) {
  return { l: -width / 2 + 4, r: width / 2 - 4, t: rows.top + 2, b: rows.bottom - 2 };
}

function kgBuildOptionsFor(holder, component, phone) {
  return {
    physics: false,
    nodes: { shape: "box", margin: phone ? 6 : 8, widthConstraint: { maximum: phone ? phone.node : 160 },
      font: { size: phone ? phone.font : 16 }, color: { background: "#eef3fb", border: "#4a6d9c" } },
    edges: { arrows: "to", font: { size: phone ? phone.font - 2 : 13, align: "horizontal", background: "#ffffff" },
      widthConstraint: { maximum: phone ? phone.name : 140 }, smooth: false },
    interaction: { dragNodes: false, hover: false, zoomView: true },
    manipulation: {
      enabled: false,
      addEdge: (edge, callback) => {
        callback(null);
        if (edge.from !== edge.to) {
          const relation = holder.querySelector("select").value;
          component.setTriggerValue("link", { source: edge.from, target: edge.to, relation });
        }
        kgBuildConnect(holder);
      },
    },
  };
}
