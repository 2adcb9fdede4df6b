// Streamlit bidirectional component around vis-network (vis is inlined before this module).
// Clicking a node sends "selected", double-clicking sends "focused"; the network is rebuilt
// only when the view's key changes, so selecting a node keeps the zoom and pan.
export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  let holder = parentElement.querySelector(".kg-network");
  if (!holder) {
    holder = document.createElement("div");
    holder.className = "kg-network";
    holder.setAttribute("role", "img");
    parentElement.appendChild(holder);
  }
  holder.style.height = data.height + "px";
  holder.setAttribute("aria-label", data.description);
  if (!holder.kgNetwork || holder.kgKey !== data.key) {
    if (holder.kgNetwork) { holder.kgNetwork.destroy(); }
    const payload = data.payload;
    const network = new vis.Network(holder,
      { nodes: new vis.DataSet(payload.nodes), edges: new vis.DataSet(payload.edges) },
      JSON.parse(payload.options));
    network.on("click", (event) => {
      if (event.nodes.length) { setTriggerValue("selected", event.nodes[0]); }
    });
    network.on("doubleClick", (event) => {
      if (event.nodes.length) { setTriggerValue("focused", event.nodes[0]); }
    });
    network.once("afterDrawing", () => holder.setAttribute("data-drawn", "yes"));
    requestAnimationFrame(() => { network.redraw(); network.fit({ animation: false }); });
    holder.kgNetwork = network;
    holder.kgKey = data.key;
    holder.kgZoomed = null;
  }
  window.network = holder.kgNetwork;
  if (data.selected && holder.kgNetwork.body.data.nodes.get(data.selected)) {
    holder.kgNetwork.selectNodes([data.selected]);
    if (data.zoom && holder.kgZoomed !== data.zoom) {
      holder.kgNetwork.focus(data.selected, { scale: 1.1, animation: false });
      holder.kgZoomed = data.zoom;
    }
  }
}
