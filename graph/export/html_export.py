"""The interactive view as one self-contained HTML file that works offline.

The page is the app's own renderer (:func:`graph.present.render.render_html`): vis-network inlined,
every text escaped, legend and title included. This module only writes it out.
"""

from __future__ import annotations

from typing import BinaryIO

from graph.export.files import path_or_stream
from graph.export.options import DEFAULTS, ExportOptions
from graph.network.view import View
from graph.present.render import render_html


@path_or_stream
def write_html(view: View, stream: BinaryIO, options: ExportOptions = DEFAULTS) -> None:
    """Write the interactive page as UTF-8 HTML."""
    stream.write(render_html(view).encode("utf-8"))
