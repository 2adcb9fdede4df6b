// Streamlit bidirectional component: the canvas a student rebuilds a map on. Every node is placed
// where the explorer draws it; the links already given are grey, the student's own are blue. A
// drag from one node to another (mouse or touch, vis-network's edge-adding mode, always on) sends
// "link" with both ends and the relation chosen in the list above the canvas. The network is
// rebuilt only when the nodes change, so adding a link keeps the zoom and pan.
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
  if (!holder.kgNet || holder.kgKey !== data.key) {
    if (holder.kgNet) { holder.kgNet.destroy(); }
    holder.kgNet = kgBuildNetwork(holder.querySelector(".kg-build-canvas"), data, component);
    holder.kgKey = data.key;
  }
  holder.kgEdges.clear();
  holder.kgEdges.add(data.edges);
  holder.setAttribute("data-links", String(data.edges.length));
  kgBuildConnect(holder);
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
  const nodes = new vis.DataSet(data.nodes);
  const network = new vis.Network(canvas, { nodes, edges: holder.kgEdges }, kgBuildOptionsFor(holder, component));
  network.once("afterDrawing", () => {
    network.addEdgeMode();
    holder.setAttribute("data-drawn", "yes");
  });
  holder.kgPosition = (id) => network.canvasToDOM(network.getPosition(id));
  return network;
}

function kgBuildOptionsFor(holder, component) {
  return {
    physics: false,
    nodes: { shape: "box", margin: 8, widthConstraint: { maximum: 160 }, font: { size: 16 },
      color: { background: "#eef3fb", border: "#4a6d9c" } },
    edges: { arrows: "to", font: { size: 13, align: "middle" }, smooth: false },
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
