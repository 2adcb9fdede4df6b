// The lesson page's search (graph/export/templates/lesson.js) against the shared case table,
// tests/data/search_cases.json, the same table tests/test_search.py runs against the library.
// The datasets' search entries come from tests/golden/search_entries.json (see tests/test_search.py).
"use strict";

const { test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { searchEntries, searchWords, searchEditDistance } = require("../../graph/export/templates/lesson.js");

const ROOT = path.join(__dirname, "..", "..");
const read = (name) => JSON.parse(fs.readFileSync(path.join(ROOT, name), "utf8"));
const CASES = read("tests/data/search_cases.json");
const ENTRIES = read("tests/golden/search_entries.json");
const LIMIT = 12;

for (const item of CASES.cases) {
  test(`${item.dataset}: ${item.query}`, () => {
    const hits = searchEntries(ENTRIES[item.dataset], item.query, LIMIT).map((hit) => hit.node);
    if ("first" in item) {
      assert.deepEqual(hits.slice(0, 1), [item.first], item.why);
    } else {
      assert.ok(hits.includes(item.offers), item.why);
    }
  });
}

test("words are folded as the library folds them", () => {
  assert.deepEqual(searchWords("Café-au-lait  SPOTS (α2δ)"), ["cafe", "au", "lait", "spots", "α2δ"]);
  assert.deepEqual(searchWords(" ,; "), []);
});

test("edit distance counts a swap of neighbours as one edit and stops at its cap", () => {
  assert.equal(searchEditDistance("ferritin", "ferirtin", 5), 1);
  assert.equal(searchEditDistance("kitten", "sitting", 5), 3);
  assert.equal(searchEditDistance("ferritin", "transferrin", 2), 3);
});

test("empty text finds nothing and the limit holds", () => {
  assert.deepEqual(searchEntries(ENTRIES.rls, "  ", LIMIT), []);
  assert.equal(searchEntries(ENTRIES.rls, "a", LIMIT).length, LIMIT);
});
