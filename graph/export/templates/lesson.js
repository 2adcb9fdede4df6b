// The lesson page's own script, on top of the shared network script (kgNetwork): a search box that
// finds a node by name or other name, ranked as the app ranks, and selects it, and a details pane that opens on click or tap
// and stays until another node is chosen or it is closed. Every text comes from JSON and is put in
// with textContent; a link is made only for an http(s) address.
"use strict";

const LESSON_RESULTS = 12;  // as many as graph/network/search.py MAX_HITS

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
// The ranking of graph/network/search.py, step for step (see its docstring for the ladder and the
// tie-breaks); both are tested against tests/data/search_cases.json.

const SEARCH_EXACT = 0, SEARCH_WHOLE_WORDS = 1, SEARCH_PREFIX = 2, SEARCH_MISSPELT = 3, SEARCH_SUMMARY = 4;
const SEARCH_CHARACTERS_PER_EDIT = 4, SEARCH_LEFTOVER_WEIGHT = 64;

// Text folded into words: accents dropped, lower case, split at anything not a letter or digit.
function searchWords(text) {
  return text.normalize("NFKD").replace(/\p{Mn}/gu, "").toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
}

function searchSame(first, second) {
  return first.length === second.length && first.every((word, index) => word === second[index]);
}

// Edits (insert, delete, replace, swap two neighbours) from first to second, capped at cap + 1.
function searchEditDistance(first, second, cap) {
  const a = [...first], b = [...second];
  if (Math.abs(a.length - b.length) > cap) { return cap + 1; }
  let twoBack = [], before = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      row[j] = Math.min(before[j] + 1, row[j - 1] + 1, before[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) { row[j] = Math.min(row[j], twoBack[j - 2] + 1); }
    }
    if (Math.min(...row) > cap) { return cap + 1; }
    [twoBack, before] = [before, row];
  }
  return Math.min(before[b.length], cap + 1);
}

// [rung, closeness, offset of the first matching word] of a folded name, or null.
function searchNameMatch(name, wanted) {
  if (searchSame(name, wanted)) { return [SEARCH_EXACT, 0, 0]; }
  const size = wanted.length, windows = [];
  for (let start = 0; start + size <= name.length; start += 1) { windows.push(name.slice(start, start + size)); }
  const last = size - 1;
  const tests = [[SEARCH_WHOLE_WORDS, (window) => searchSame(window, wanted)],
    [SEARCH_PREFIX, (window) => searchSame(window.slice(0, last), wanted.slice(0, last)) && window[last].startsWith(wanted[last])]];
  for (const [rank, test] of tests) {
    const offset = windows.findIndex(test);
    if (offset >= 0) { return [rank, 0, offset]; }
  }
  const typed = wanted.join(" "), allowed = Math.floor([...typed].length / SEARCH_CHARACTERS_PER_EDIT);
  let best = null;
  windows.forEach((window, offset) => {
    const edits = searchEditDistance(window.join(" "), typed, allowed);
    const closeness = edits * SEARCH_LEFTOVER_WEIGHT + windows.length - 1;  // then fewer words left out
    if (edits <= allowed && (best === null || closeness < best[1])) { best = [SEARCH_MISSPELT, closeness, offset]; }
  });
  return best;
}

function searchOrder(hit) {
  return [hit.rank, hit.closeness, hit.offset > 0 ? 1 : 0, -hit.links, [...hit.matched].length, hit.node];
}

function searchCompare(first, second) {
  const a = searchOrder(first), b = searchOrder(second);
  for (let index = 0; index < a.length; index += 1) {
    if (a[index] !== b[index]) { return a[index] < b[index] ? -1 : 1; }
  }
  return 0;
}

function searchSummaryHit(entry, names, wanted) {
  const inNames = names.flat(), everywhere = inNames.concat(searchWords(entry.summary));
  const begins = (word, candidates) => candidates.some((candidate) => candidate.startsWith(word));
  if (!wanted.every((word) => begins(word, everywhere))) { return null; }
  const named = wanted.filter((word) => begins(word, inNames)).length;
  return { node: entry.id, label: entry.label, matched: entry.label, rank: SEARCH_SUMMARY, links: entry.links,
    closeness: -named, offset: 0 };
}

// The best way an entry ({id, label, aliases, summary, links}) matches the folded words, or null.
function searchBestHit(entry, wanted) {
  const names = [entry.label, ...entry.aliases];
  const folded = names.map(searchWords);
  const hits = [];
  names.forEach((name, index) => {
    const found = searchNameMatch(folded[index], wanted);
    if (found) {
      hits.push({ node: entry.id, label: entry.label, matched: name, rank: found[0], links: entry.links,
        closeness: found[1], offset: found[2] });
    }
  });
  return hits.length ? hits.sort(searchCompare)[0] : searchSummaryHit(entry, folded, wanted);
}

// The entries that match text, best first, at most limit (as search() in graph/network/search.py).
function searchEntries(entries, text, limit) {
  const wanted = searchWords(text);
  if (!wanted.length) { return []; }
  const found = entries.map((entry) => searchBestHit(entry, wanted)).filter(Boolean);
  return found.sort(searchCompare).slice(0, limit);
}

function lessonSearch(lesson, input, results) {
  const pick = (hit) => { results.replaceChildren(); input.value = hit.label; lessonChoose(lesson, hit.node, true); };
  const matches = () => searchEntries(lesson.data.search, input.value, LESSON_RESULTS);
  input.addEventListener("input", () => {
    results.replaceChildren(...matches().map((hit) => {
      const button = lessonElement("button", hit.label);
      button.type = "button";
      button.dataset.node = hit.node;
      if (hit.matched !== hit.label) { button.append(lessonElement("span", " · also “" + hit.matched + "”", "lesson-hint")); }
      button.addEventListener("click", () => pick(hit));
      const item = lessonElement("li");
      item.append(button);
      return item;
    }));
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      const first = matches()[0];
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

if (typeof document !== "undefined") { lessonStart(); }
if (typeof module !== "undefined") { module.exports = { searchEntries, searchWords, searchEditDistance }; }
