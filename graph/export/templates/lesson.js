// The lesson page's own script, on top of the shared network script (kgNetwork): a search box that
// finds a node by name or other name and selects it, and a details pane that opens on click or tap
// and stays until another node is chosen or it is closed. Every text comes from JSON and is put in
// with textContent; a link is made only for an http(s) address.
"use strict";

const LESSON_RESULTS = 8;

function lessonStart() {
  const payload = JSON.parse(document.getElementById("lesson-payload").textContent);
  const data = JSON.parse(document.getElementById("lesson-data").textContent);
  const pane = document.getElementById("lesson-details");
  const references = new Map(data.references.map((ref) => [ref.id, ref]));
  const lesson = { data, pane, references, kg: null };
  lesson.kg = kgNetwork(document.getElementById("mynetwork"), payload,
    { height: "screen", onSelect: (id) => lessonShow(lesson, id, true) });
  lessonSearch(lesson, document.getElementById("lesson-search"), document.getElementById("lesson-results"));
  if (payload.focus) { lessonChoose(lesson, payload.focus, false); }
  lesson.kg.network.once("afterDrawing", () => document.body.setAttribute("data-drawn", "yes"));
  window.lesson = lesson;
}

function lessonElement(tag, text, className) {
  const element = document.createElement(tag);
  if (text !== undefined) { element.textContent = text; }
  if (className) { element.className = className; }
  return element;
}

function lessonChoose(lesson, id, zoom) {
  lesson.kg.select(id, zoom);
  lessonShow(lesson, id, zoom);
}

// Search --------------------------------------------------------------------------------------------

function lessonFold(text) {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
}

function lessonMatches(lesson, query) {
  const wanted = lessonFold(query);
  if (!wanted) { return []; }
  const scored = [];
  for (const node of Object.values(lesson.data.nodes)) {
    const names = [node.label, ...node.aliases].map(lessonFold);
    const rank = names.some((name) => name.startsWith(wanted)) ? 0 : names.some((name) => name.includes(wanted)) ? 1 : -1;
    if (rank >= 0) { scored.push([rank, node.label, node]); }
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
  return scored.slice(0, LESSON_RESULTS).map((item) => item[2]);
}

function lessonSearch(lesson, input, results) {
  const pick = (node) => { results.replaceChildren(); input.value = node.label; lessonChoose(lesson, node.id, true); };
  input.addEventListener("input", () => {
    results.replaceChildren(...lessonMatches(lesson, input.value).map((node) => {
      const button = lessonElement("button", node.label);
      button.type = "button";
      if (node.aliases.length) { button.append(lessonElement("span", " (" + node.aliases.join(", ") + ")", "lesson-hint")); }
      button.addEventListener("click", () => pick(node));
      const item = lessonElement("li");
      item.append(button);
      return item;
    }));
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      const first = lessonMatches(lesson, input.value)[0];
      if (first) { pick(first); }
    } else if (event.key === "Escape") { results.replaceChildren(); }
  });
}

// Details -------------------------------------------------------------------------------------------

function lessonShow(lesson, id, reveal) {
  const node = lesson.data.nodes[id];
  if (!node) { return; }
  const close = lessonElement("button", "Close", "lesson-close");
  close.type = "button";
  close.addEventListener("click", () => lessonClear(lesson));
  const parts = [close, lessonElement("h2", node.label), lessonElement("p", node.kind, "lesson-kind"),
    lessonElement("p", node.summary)];
  if (node.text && node.text !== node.summary) { parts.push(lessonElement("p", node.text)); }
  if (node.needs_verification) { parts.push(lessonElement("p", "Needs verification.", "lesson-hint")); }
  parts.push(...lessonFacts(node), ...lessonThresholds(node), ...lessonConnections(lesson, node),
    ...lessonReferences(lesson, node.references, "References"));
  lesson.pane.replaceChildren(...parts);
  lesson.pane.dataset.node = id;
  // On a narrow screen the pane sits below the graph: bring its top into view when the reader
  // chose a node (not on load), scrolling this page only, never a course page that embeds it.
  const top = lesson.pane.getBoundingClientRect().top;
  if (reveal && top > window.innerHeight * 0.8) {
    window.scrollTo({ top: window.scrollY + top, behavior: "smooth" });
  }
}

function lessonClear(lesson) {
  lesson.pane.replaceChildren(lessonElement("p", "Tap or click a node, or find it by name, to read about it here.",
    "lesson-hint"));
  delete lesson.pane.dataset.node;
  lesson.kg.select(null, false);
}

// Other names and free facts, e.g. "also called: PLMD".
function lessonFacts(node) {
  if (!node.facts.length) { return []; }
  const list = lessonElement("ul");
  for (const [name, value] of node.facts) {
    const item = lessonElement("li");
    item.append(lessonElement("strong", name), document.createTextNode(": " + value));
    list.append(item);
  }
  return [list];
}

// Cut-offs as the app shows them: "≤ 75 ng/mL (adults): meaning · references · needs verification".
function lessonThresholds(node) {
  if (!node.thresholds.length) { return []; }
  const list = lessonElement("ul");
  for (const row of node.thresholds) {
    const item = lessonElement("li");
    const who = row.Population ? " (" + row.Population + ")" : "";
    const notes = [row.References, row.Verification].filter(Boolean).join(" · ");
    item.append(lessonElement("strong", row.Value),
      document.createTextNode(who + ": " + row.Meaning + (notes ? " · " + notes : "")));
    list.append(item);
  }
  return [lessonElement("h3", "Thresholds"), list];
}

function lessonConnections(lesson, node) {
  if (!node.connections.length) { return []; }
  const list = lessonElement("ul");
  for (const link of node.connections) {
    const item = lessonElement("li", link.phrase + " ");
    const other = lessonElement("button", link.label, "lesson-node-link");
    other.type = "button";
    other.addEventListener("click", () => lessonChoose(lesson, link.other, true));
    item.append(other, lessonElement("span", " (" + [link.evidence, ...link.references].join("; ") + ")"));
    if (link.note) { item.append(lessonElement("div", link.note, "lesson-hint")); }
    list.append(item);
  }
  return [lessonElement("h3", "Connections"), list];
}

function lessonReferences(lesson, ids, heading) {
  const shown = ids.map((id) => lesson.references.get(id)).filter(Boolean);
  if (!shown.length) { return []; }
  const list = lessonElement("ul");
  for (const ref of shown) {
    const item = lessonElement("li");
    item.append(lessonElement("strong", ref.id), document.createTextNode(": " + ref.citation + " "));
    if (/^https?:\/\//i.test(ref.link)) {
      const anchor = lessonElement("a", ref.link_label);
      anchor.href = ref.link;
      anchor.target = "_blank";  // inside a course page's frame, a link must not replace the lesson
      anchor.rel = "noopener noreferrer";
      item.append(anchor);
    }
    if (ref.needs_verification) { item.append(lessonElement("em", " (needs verification)")); }
    list.append(item);
  }
  return [lessonElement("h3", heading), list];
}

lessonStart();
