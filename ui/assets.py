"""Files the browser fetches once and caches, served from Streamlit's static folder.

A component's script is sent again with every rerun, so the 470 KB of vis-network would travel
thirty times a minute to a class clicking around. Instead it is written once into ``static/``
(next to ``app.py``; Streamlit serves it at ``app/static/…`` when ``server.enableStaticServing``
is on) under a name that includes a hash of its content, so browsers may keep it for good and a
new version gets a new name.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from graph.errors import ExportError
from graph.files import write_bytes
from graph.present import vis_asset

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"


def published_vis_network() -> str:
    """The URL of vis-network's script: in the static folder, or inline if that folder is read-only."""
    code = vis_asset("vis-network.min.js").encode("utf-8")
    name = f"vis-network-{hashlib.sha256(code).hexdigest()[:12]}.min.js"
    try:
        _publish(STATIC_DIR / name, code)
    except (OSError, ExportError):
        return "data:text/javascript;base64," + base64.b64encode(code).decode("ascii")
    return f"app/static/{name}"


def _publish(target: Path, code: bytes) -> None:
    """Write ``code`` to ``target`` unless it is already there, atomically."""
    if target.is_file() and target.stat().st_size == len(code):
        return
    target.parent.mkdir(exist_ok=True)
    write_bytes(target, code)
