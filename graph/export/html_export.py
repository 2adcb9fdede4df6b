"""The interactive view as one self-contained HTML file that works offline.

The page is the app's own renderer (:func:`graph.present.render.render_html`): vis-network inlined,
every text escaped, legend and title included. This module only writes it out.
"""

from __future__ import annotations

from typing import BinaryIO

from graph.network.view import View
from graph.present.render import render_html


def write_html(view: View, stream: BinaryIO) -> None:
    """Write the interactive page as UTF-8 HTML."""
    stream.write(render_html(view).encode("utf-8"))
