// Streamlit bidirectional component around the shared network script (network.js comes before
// this module). Clicking a node sends "selected", double-clicking sends "focused", opening or
// closing a group sends "group" (the app opens the one its link names), a network narrower or
// wider than its payload was laid out for sends "screen" (before drawing, on the first run); the network is
// rebuilt only when the view's key changes, so selecting a node keeps the zoom and pan. When the
// data carries a `report_drawn` token (a session's first run, drawn without the sidebar's controls),
// the component sends "drawn" once the picture is on screen, or once it has failed ("reconnected"
// instead of true when the page has outlived its server session).
// vis-network comes through kgLoadVis (vis_loader.js, before this module).
export default function (component) {
  kgLoadVis()
    .then(() => kgRender(component))
    .catch((error) => kgFailed(component, error));
}

// The app sends its data as the bytes of one JSON object (cheaper for the server than a dict).
function kgData(component) {
  const raw = component.data;
  return raw instanceof Uint8Array ? JSON.parse(new TextDecoder().decode(raw)) : raw;
}

function kgRender(component) {
  const { parentElement, setTriggerValue } = component;
  const data = kgData(component);
  let holder = parentElement.querySelector(".kg-network");
  if (!holder) {
    holder = document.createElement("div");
    holder.className = "kg-network";
    parentElement.appendChild(holder);
  }
  const screen = holder.clientWidth ? kgScreen(holder.clientWidth, data.payload.rules) : data.payload.screen;
  if (screen !== data.payload.screen && holder.kgAsked !== screen) {
    holder.kgAsked = screen;  // asked once per screen: a payload that still does not fit is drawn as it is
    setTriggerValue("screen", screen);
    if (!holder.kg) { return; }  // nothing drawn yet: wait for the layout made for this screen
  }
  if (!holder.kg || holder.kgKey !== data.key) {
    if (holder.kg) { holder.kg.destroy(); }
    holder.kg = kgNetwork(holder, data.payload, {
      height: data.height,
      onSelect: (id) => setTriggerValue("selected", id),
      onFocus: (id) => setTriggerValue("focused", id),
      onGroup: (id) => { if (id !== holder.kgGroup) { holder.kgGroup = id; setTriggerValue("group", id); } },
      onScreen: (wanted) => { if (wanted !== holder.kgAsked) { holder.kgAsked = wanted; setTriggerValue("screen", wanted); } },
    });
    holder.kgKey = data.key;
    holder.kgZoomed = null;
  }
  window.network = holder.kg.network;
  holder.kgGroup = data.group;  // the group the app knows is open: opening it here is no news
  holder.kg.group(data.group);
  const zoom = Boolean(data.zoom) && holder.kgZoomed !== data.zoom;
  if (data.selected) { holder.kg.select(data.selected, zoom); }
  if (zoom) { holder.kgZoomed = data.zoom; }
  if (data.report_drawn && holder.kgReported !== data.report_drawn) {
    holder.kgReported = data.report_drawn;  // once per token, however often the component is called
    const report = kgSessionReport(data.report_drawn);
    kgWhenDrawn(holder, () => setTriggerValue("drawn", report));
  }
}

// A token is issued once per server session, and a page outlives its session only when Streamlit
// reconnected it to a new one (its server stopped; behind a balancer, another replica took over):
// a second token in the same page says so ("reconnected"), and the app asks the reader to reload.
function kgSessionReport(token) {
  const reconnected = Boolean(window.kgSessionToken) && window.kgSessionToken !== token;
  window.kgSessionToken = token;
  return reconnected ? "reconnected" : true;
}

function kgWhenDrawn(holder, callback) {
  if (holder.getAttribute("data-drawn") === "yes") {
    callback();
  } else {
    holder.kg.network.once("afterDrawing", callback);
  }
}

// Without vis-network there is no picture: say why where it would be, and still let the controls come.
function kgFailed(component, error) {
  const { parentElement, setTriggerValue } = component;
  const data = kgData(component);
  const message = document.createElement("p");
  message.className = "kg-failed";
  message.textContent = `The network could not be drawn: ${error.message}. Reload the page to try again.`;
  parentElement.replaceChildren(message);
  if (data.report_drawn) { setTriggerValue("drawn", true); }
}
