#!/usr/bin/env bash
# Refresh the lock files from the ranges in pyproject.toml: requirements.txt (the app) and
# requirements-dev.txt (the app, the tests and the benchmark), every version pinned with its
# hashes, for every platform, with uv (https://docs.astral.sh/uv/). Extra arguments go to uv,
# e.g. --upgrade-package pyyaml.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x .venv/bin/uv ] || { python3 -m venv .venv && .venv/bin/pip install --quiet --disable-pip-version-check uv; }
compile=(.venv/bin/uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes
         --no-header --custom-compile-command "bash scripts/lock.sh")
header() { printf '# %s, locked with hashes from pyproject.toml by `bash scripts/lock.sh`. Do not edit.\n' "$1"; }
# uv keeps the versions already in its output file where the ranges still allow them, so a new
# dependency changes the lock by what it needs and no more (--upgrade asks for the newest of all).
lock() {  # lock FILE DESCRIPTION UV-ARGUMENTS...
  local file=$1 description=$2
  shift 2
  cp "$file" "$file.new"
  "${compile[@]}" "$@" -o "$file.new" >/dev/null
  { header "$description"; cat "$file.new"; } > "$file"
  rm "$file.new"
}
lock requirements.txt "The app's dependencies" "$@"
lock requirements-dev.txt "The app's, the tests' and the benchmark's dependencies" --extra test "$@"
echo "Locked $(grep -c '==' requirements.txt) packages for the app, $(grep -c '==' requirements-dev.txt) with the tests."
