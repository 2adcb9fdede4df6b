#!/usr/bin/env bash
# Install everything the tests need (Python packages in .venv, exactly as locked in
# requirements-dev.txt; Chromium, Graphviz, Poppler, nginx, LibreOffice Impress and Calc (they open the decks and tables)
# and the fonts that draw every script and emoji, from Debian), then lint, type-check and run the whole test suite. Extra arguments go to pytest.
#
# --latest (first argument): run everything in .venv-latest on the newest versions the ranges in
# pyproject.toml allow instead of the lock, to notice a new release on purpose.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.venv
if [ "${1:-}" = "--latest" ]; then
  shift
  venv=.venv-latest
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.txt
  mkdir -p .cache
  .venv/bin/uv pip compile pyproject.toml --extra test --upgrade --quiet -o .cache/latest.txt
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check --upgrade -r .cache/latest.txt
  echo "On the newest versions allowed (.cache/latest.txt):" \
    "$(grep -iE '^(pyyaml|streamlit|networkx|pyvis)==' .cache/latest.txt | tr '\n' ' ')"
else
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.txt
fi

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v dot >/dev/null || missing+=(graphviz)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || missing+=(nginx-light)  # checks deploy/'s site file
for package in libreoffice-impress-nogui libreoffice-calc-nogui libreoffice-writer-nogui; do  # decks, tables, handouts
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
fc-list 2>/dev/null | grep -qi "Noto Color Emoji" || missing+=(fonts-noto-color-emoji)
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi

# Mermaid's own parser, from the npm registry, checks the Mermaid export (skipped without npm).
mermaid_js=.cache/mermaid/node_modules/mermaid/dist/mermaid.min.js
if [ ! -f "$mermaid_js" ] && command -v npm >/dev/null; then
  npm install --silent --no-audit --no-fund --prefix .cache/mermaid mermaid@11.17.2 >/dev/null \
    || echo "Could not install Mermaid; its parser check will be skipped." >&2
fi
[ -f "$mermaid_js" ] && export MERMAID_JS="$PWD/$mermaid_js"

# Cytoscape.js itself, from the npm registry, reads the Cytoscape export (skipped without npm).
cytoscape_js=.cache/cytoscape/node_modules/cytoscape/dist/cytoscape.min.js
if [ ! -f "$cytoscape_js" ] && command -v npm >/dev/null; then
  npm install --silent --no-audit --no-fund --prefix .cache/cytoscape cytoscape@3.35.0 >/dev/null \
    || echo "Could not install Cytoscape.js; its reader check will be skipped." >&2
fi
[ -f "$cytoscape_js" ] && export CYTOSCAPE_JS="$PWD/$cytoscape_js"

# scorm-again, a SCORM 1.2 run-time from the npm registry, plays the SCORM package as an LMS would (skipped without npm).
scorm_again_js=.cache/scorm-again/node_modules/scorm-again/dist/scorm12.min.js
if [ ! -f "$scorm_again_js" ] && command -v npm >/dev/null; then
  npm install --silent --no-audit --no-fund --prefix .cache/scorm-again scorm-again@3.4.3 >/dev/null \
    || echo "Could not install scorm-again; the SCORM run-time check will be skipped." >&2
fi
[ -f "$scorm_again_js" ] && export SCORM_AGAIN_JS="$PWD/$scorm_again_js"

# axe-core, from the npm registry, checks the app's views for accessibility (skipped without npm).
axe_js=.cache/axe-core/node_modules/axe-core/axe.min.js
if [ ! -f "$axe_js" ] && command -v npm >/dev/null; then
  npm install --silent --no-audit --no-fund --prefix .cache/axe-core axe-core@4.14.1 >/dev/null \
    || echo "Could not install axe-core; the accessibility checks will be skipped." >&2
fi
[ -f "$axe_js" ] && export AXE_JS="$PWD/$axe_js"

# ESLint over the page scripts, and node's own test runner over their pure functions (tests/js).
eslint=.cache/eslint/node_modules/.bin/eslint
if [ ! -x "$eslint" ]; then
  npm install --silent --no-audit --no-fund --prefix .cache/eslint eslint@9.39.5 @eslint/js@9.39.5 globals@17.14.0 \
    >/dev/null
fi
NODE_PATH="$PWD/.cache/eslint/node_modules" "$eslint" graph ui tests/js eslint.config.js
node --test tests/js/

"$venv/bin/ruff" check .
"$venv/bin/mypy"
status=0
"$venv/bin/python" -m pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
  echo "No tests were collected: that is a failure." >&2
  exit 1
fi
exit "$status"
