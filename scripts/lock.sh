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
{ header "The app's dependencies"; "${compile[@]}" "$@" -o -; } > requirements.txt.new
{ header "The app's, the tests' and the benchmark's dependencies"; "${compile[@]}" --extra test "$@" -o -; } \
  > requirements-dev.txt.new
mv requirements.txt.new requirements.txt
mv requirements-dev.txt.new requirements-dev.txt
echo "Locked $(grep -c '==' requirements.txt) packages for the app, $(grep -c '==' requirements-dev.txt) with the tests."
