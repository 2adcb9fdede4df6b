// Streamlit bidirectional component around the shared network script (vis-network and
// network.js come before this module). Clicking a node sends "selected", double-clicking sends
// "focused"; the network is rebuilt only when the view's key changes, so selecting a node keeps
// the zoom and pan.
export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  let holder = parentElement.querySelector(".kg-network");
  if (!holder) {
    holder = document.createElement("div");
    holder.className = "kg-network";
    parentElement.appendChild(holder);
  }
  if (!holder.kg || holder.kgKey !== data.key) {
    if (holder.kg) { holder.kg.destroy(); }
    holder.kg = kgNetwork(holder, data.payload, {
      height: data.height,
      onSelect: (id) => setTriggerValue("selected", id),
      onFocus: (id) => setTriggerValue("focused", id),
    });
    holder.kgKey = data.key;
    holder.kgZoomed = null;
  }
  window.network = holder.kg.network;
  const zoom = Boolean(data.zoom) && holder.kgZoomed !== data.zoom;
  if (data.selected) { holder.kg.select(data.selected, zoom); }
  if (zoom) { holder.kgZoomed = data.zoom; }
}
