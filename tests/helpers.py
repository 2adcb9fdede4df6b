"""Shared test data paths and a cached explorer for the tiny dataset."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from graph import Explorer

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
TINY = DATA / "tiny.yaml"
XSS = DATA / "xss.yaml"
RLS = ROOT / "data" / "rls"


@cache
def explorer(path: Path = TINY) -> Explorer:
    return Explorer.from_path(path)
