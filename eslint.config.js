// ESLint's flat config for the page scripts under graph/ and the node tests under tests/js/.
// ESLint is not a dependency of the Python package: scripts/test.sh installs it (exact versions)
// under .cache/eslint and points NODE_PATH at it.
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

// The page scripts are concatenated into one page: network.js defines kgNetwork, kgScreen and the KG_
// constants the others use, the component module is given KG_VIS_URL, vis-network defines vis.
const pageGlobals = { ...globals.browser, vis: "readonly", kgNetwork: "readonly", kgScreen: "readonly", KG_VIS_URL: "readonly",
  kgLoadVis: "readonly", module: "readonly" };

module.exports = [
  { ignores: ["graph/present/vendor/**"] },  // vis-network's own minified build, shipped as it is
  js.configs.recommended,
  {
    files: ["graph/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "script", globals: pageGlobals },
    rules: { "no-unused-vars": ["error", { vars: "local" }] },
  },
  {
    files: ["graph/present/templates/network.js"],
    languageOptions: { globals: { kgNetwork: "off", kgScreen: "off" } },
  },
  {
    files: ["graph/present/templates/vis_loader.js"],
    languageOptions: { globals: { kgLoadVis: "off" } },
  },
  {
    files: ["graph/present/templates/network_component.js"],
    languageOptions: { sourceType: "module" },
  },
  {
    files: ["ui/**/*.js"],  // the app's own components: one module each, given KG_VIS_URL
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: pageGlobals },
  },
  {
    files: ["ui/build_layout.js"],  // pure helpers put before ui/build_canvas.js, and required by the node tests
    languageOptions: { sourceType: "script" },
    rules: { "no-unused-vars": ["error", { vars: "local" }] },
  },
  {
    files: ["ui/build_canvas.js"],
    languageOptions: { globals: { kgDrawnAs: "readonly", kgPairs: "readonly", kgPlaceNames: "readonly", kgRows: "readonly" } },
  },
  {
    files: ["tests/js/**/*.js", "eslint.config.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: globals.node },
  },
];
