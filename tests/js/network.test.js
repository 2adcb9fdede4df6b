// Unit tests for the pure helpers of graph/present/templates/network.js (no browser needed).
// Run: node --test tests/js/
"use strict";

const assert = require("node:assert/strict");
const path = require("node:path");
const test = require("node:test");

const network = require(path.join(__dirname, "..", "..", "graph", "present", "templates", "network.js"));

const RULES = { max_zoom: 1.3, min_label_px: 9, heading_px: 13, fit_margin: 12, narrow_below_px: 560 };

test("a label is drawn only once it reaches the smallest readable size on screen", () => {
  assert.equal(network.kgLabelShown(18, 0.5, RULES), true);
  assert.equal(network.kgLabelShown(17, 0.5, RULES), false);
  assert.equal(network.kgLabelShown(17, 0.5, { ...RULES, min_label_px: 8 }), true);
});

test("fitting a small picture stops at the payload's zoom limit", () => {
  const fitted = network.kgFitted([{ left: -10, right: 10, top: -5, bottom: 5 }], { width: 600, height: 400 }, 0, RULES);
  assert.equal(fitted.scale, 1.3);
  assert.deepEqual(fitted.position, { x: 0, y: 0 });
  assert.equal(network.kgFitted([{ left: 0, right: 1, top: 0, bottom: 1 }], { width: 600, height: 400 }, 0,
    { ...RULES, max_zoom: 2 }).scale, 2);
});

test("fitting a wide picture fills the canvas less the margin, and leaves room above for headings", () => {
  const boxes = [{ left: 0, right: 400, top: 0, bottom: 50 }, { left: 800, right: 1176, top: 100, bottom: 150 }];
  const fitted = network.kgFitted(boxes, { width: 612, height: 400 }, 40, RULES);
  assert.equal(fitted.scale, (612 - 24) / 1176);
  assert.equal(fitted.position.x, 588);
  assert.ok(fitted.position.y < 75, "the centre moves down so the headings fit above");
});

test("fitting leaves room below for a touch screen's canvas buttons", () => {
  const boxes = [{ left: 0, right: 100, top: 0, bottom: 400 }];
  const fitted = network.kgFitted(boxes, { width: 356, height: 428 }, 0, RULES, 52);
  assert.equal(fitted.scale, (428 - 24 - 52) / 400);
  assert.ok(fitted.position.y > 200, "the centre moves up so the buttons cover no node");
});

test("headings take one line of the payload's heading size per stacked kind", () => {
  assert.equal(network.kgHeadingRoom([], RULES), 0);
  const headings = [{ text: "Cause" }, { text: "Test · Treatment" }];
  assert.equal(network.kgHeadingRoom(headings, RULES), 2 * 16 + 8);
  assert.equal(network.kgHeadingRoom(headings, { ...RULES, heading_px: 20 }), 2 * 23 + 8);
});

test("an arrow key moves to the nearest node that way, straying sideways costing double", () => {
  const here = { x: 0, y: 0 };
  const places = [{ id: "far-right", x: 300, y: 0 }, { id: "near-right-high", x: 100, y: -120 },
    { id: "right", x: 150, y: 10 }, { id: "left", x: -50, y: 0 }];
  assert.equal(network.kgNearest(here, places, [1, 0]), "right");
  assert.equal(network.kgNearest(here, places, [-1, 0]), "left");
  assert.equal(network.kgNearest(here, places, [0, 1]), "right");
  assert.equal(network.kgNearest(here, [{ id: "askew", x: 100, y: 60 }, { id: "ahead", x: 200, y: 0 }], [1, 0]),
    "ahead");
  assert.equal(network.kgNearest(here, [{ id: "same", x: 0.5, y: 0 }], [1, 0]), null);
});

test("the network's height stays between its limits", () => {
  assert.equal(network.kgClampedHeight(100), 430);
  assert.equal(network.kgClampedHeight(600.4), 600);
  assert.equal(network.kgClampedHeight(5000), 760);
});

test("a column heading that would run into the one before it is left out", () => {
  const headings = [{ text: "Mechanism", x: 40 }, { text: "Cause", x: 0 }, { text: "Condition", x: 100 }];
  const width = (text) => text.length * 6;
  assert.deepEqual(network.kgHeadingsApart(headings, width, 4).map((h) => h.text), ["Cause", "Condition"]);
  assert.equal(network.kgHeadingsApart(headings, () => 10, 4).length, 3);
});

test("highlighting a node fades every shown node and link not next to it, and nothing without one", () => {
  const edges = [{ id: "ab", from: "a", to: "b" }, { id: "ca", from: "c", to: "a" }, { id: "cd", from: "c", to: "d" }];
  const faded = network.kgFaded("a", ["a", "b", "c", "d", "e"], edges);
  assert.deepEqual([...faded.nodes].sort(), ["d", "e"]);
  assert.deepEqual([...faded.edges], ["cd"]);
  const none = network.kgFaded(null, ["a", "b"], edges);
  assert.equal(none.nodes.size + none.edges.size, 0);
});

test("a network narrower than the payload's narrow width asks for a phone's layout", () => {
  assert.equal(network.kgScreen(358, RULES), "narrow");
  assert.equal(network.kgScreen(559, RULES), "narrow");
  assert.equal(network.kgScreen(560, RULES), "wide");
  assert.equal(network.kgScreen(900, { ...RULES, narrow_below_px: 1000 }), "narrow");
});

test("a zoom pressed while the last is still moving starts from where that one is going", () => {
  const scales = [];
  const view = { getScale: () => 1, getViewPosition: () => ({ x: 0, y: 0 }), moveTo: (to) => scales.push(to.scale) };
  const kg = { network: view, selected: null, zoomingTo: null };
  network.kgZoom(kg, 1.25, 0);
  network.kgZoom(kg, 1.25, 100);
  network.kgZoom(kg, 0.8, 200);
  assert.deepEqual(scales, [1.25, 1.5625, 1.25]);
  network.kgZoom(kg, 0.8, 1000);
  assert.equal(scales.at(-1), 0.8, "once the animation has ended, from the scale on screen");
  assert.equal(network.kgZoomBase({ scale: 2, until: 10 }, 9, 1), 2);
  assert.equal(network.kgZoomBase({ scale: 2, until: 10 }, 10, 1), 1);
});
