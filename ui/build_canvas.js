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

function kgBuildFailed(parent, error) {
  const message = document.createElement("p");
  message.textContent = `The map could not be drawn: ${error.message}. Reload the page to try again.`;
  parent.replaceChildren(message);
}

function kgBuildRender(component) {
  const data = component.data;
  const holder = kgBuildHolder(component.parentElement, data);
  holder.kgComponent = component;
  if (!holder.kgNet || holder.kgKey !== data.key || holder.kgRows !== kgBuildNarrow(holder, data)) {
    kgBuildRebuild(holder, data, component);
  }
  holder.kgEdges.clear();
  holder.kgEdges.add(data.edges);
  holder.setAttribute("data-links", String(data.edges.length));
  kgBuildConnect(holder);
}

function kgBuildRebuild(holder, data, component) {
  if (holder.kgNet) { holder.kgNet.destroy(); }
  holder.removeAttribute("data-drawn");
  holder.kgRows = kgBuildNarrow(holder, data);
  holder.kgNet = kgBuildNetwork(holder.querySelector(".kg-build-canvas"), data, component);
  holder.kgKey = data.key;
}

function kgBuildNarrow(holder, data) {
  return holder.querySelector(".kg-build-canvas").clientWidth < data.narrow_below_px;
}

// Turning a phone or resizing a window across the narrow width lays the canvas out again.
function kgBuildWatch(holder) {
  window.addEventListener("resize", () => {
    const component = holder.kgComponent;
    if (holder.kgNet && holder.kgRows !== kgBuildNarrow(holder, component.data)) {
      kgBuildRebuild(holder, component.data, component);
      kgBuildConnect(holder);
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
      + 'to another to link them"></div>';
    parent.appendChild(holder);
    holder.kgEdges = new vis.DataSet();
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
  const rows = holder.kgRows ? kgBuildRows(data.nodes, canvas.clientWidth) : null;
  canvas.style.height = rows ? `${rows.height}px` : "";
  const nodes = new vis.DataSet(rows ? rows.nodes : data.nodes);
  const options = kgBuildOptionsFor(holder, component, rows);
  const network = new vis.Network(canvas, { nodes, edges: holder.kgEdges }, options);
  network.once("afterDrawing", () => {
    if (rows) { network.moveTo({ position: rows.centre, scale: 1, animation: false }); }
    network.addEdgeMode();
    holder.setAttribute("data-drawn", "yes");
  });
  holder.kgPosition = (id) => network.canvasToDOM(network.getPosition(id));
  return network;
}

// A phone's layout: two nodes a row, in the order the explorer's picture reads (top to bottom,
// then left to right), so neighbours there stay near here. The zoom is 1, so the font is the size
// on screen: an 11th of a column's width, 12 to 16 px. Each row is seven lines of that font high,
// room for a four-line label and the links between the rows.
function kgBuildRows(nodes, width) {
  const column = width / 2;
  const font = Math.max(12, Math.min(16, Math.floor(column / 11)));
  const pitch = font * 7;
  const order = [...nodes].sort((a, b) => a.y - b.y || a.x - b.x);
  const placed = order.map((node, i) => ({ ...node, x: (i % 2 - 0.5) * column, y: Math.floor(i / 2) * pitch }));
  const count = Math.ceil(order.length / 2);
  return { nodes: placed, font, column, height: count * pitch, centre: { x: 0, y: (count - 1) * pitch / 2 } };
}

function kgBuildOptionsFor(holder, component, rows) {
  const font = rows ? rows.font : 16;
  return {
    physics: false,
    nodes: { shape: "box", margin: rows ? 6 : 8, widthConstraint: { maximum: rows ? rows.column - 16 : 160 },
      font: { size: font }, color: { background: "#eef3fb", border: "#4a6d9c" } },
    edges: { arrows: "to", font: { size: rows ? font - 2 : 13, align: rows ? "horizontal" : "middle", background: "#ffffff" },
      smooth: rows ? { type: "curvedCW", roundness: 0.2 } : false },
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
