"""Exports of a view, one module per format, written atomically.

``export_view(view, "graphml", "out.graphml")`` writes a file (temporary file, then rename, so a
failed export leaves nothing behind); ``export_bytes`` returns the bytes, for downloads. Every
writer takes a view and a binary file object: ``write_FORMAT(view, stream, **options)``.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from graph.errors import ExportError
from graph.export.csv_export import write_csv
from graph.export.cyjs_export import write_cyjs
from graph.export.dot_export import write_dot
from graph.export.gexf_export import write_gexf
from graph.export.graphml_export import write_graphml
from graph.export.html_export import write_html
from graph.export.json_export import write_json
from graph.export.markdown_export import image_option, write_md
from graph.export.mermaid_export import write_mermaid
from graph.network.view import View

Writer = Callable[..., None]


def _image_writer(fmt: str) -> Writer:
    """A writer that imports matplotlib only when an image is first asked for (it takes ~0.3 s)."""

    def write(view: View, stream: BinaryIO, **options: object) -> None:
        from graph.export import image_export

        getattr(image_export, f"write_{fmt}")(view, stream, **options)

    return write


PathOptions = Callable[[Path], dict[str, object]]


@dataclass(frozen=True)
class Format:
    """An export format: its name, file suffix, MIME type and writer.

    ``path_options`` gives default options that depend on the target file (the Markdown
    handout links the PNG of the same name); options passed by the caller win.
    """

    name: str
    suffix: str
    mime: str
    description: str
    writer: Writer
    path_options: PathOptions | None = None


FORMATS: dict[str, Format] = {
    fmt.name: fmt
    for fmt in (
        Format("json", ".json", "application/json", "NetworkX node-link JSON", write_json),
        Format("graphml", ".graphml", "application/graphml+xml",
               "GraphML for Gephi, yEd and Cytoscape", write_graphml),
        Format("gexf", ".gexf", "application/gexf+xml", "GEXF for Gephi, with colours and positions",
               write_gexf),
        Format("csv", ".zip", "application/zip", "nodes.csv and edges.csv in a zip", write_csv),
        Format("cyjs", ".cyjs", "application/json", "Cytoscape.js elements and style", write_cyjs),
        Format("dot", ".dot", "text/vnd.graphviz", "Graphviz DOT", write_dot),
        Format("mermaid", ".mmd", "text/vnd.mermaid", "Mermaid flowchart", write_mermaid),
        Format("html", ".html", "text/html", "Interactive page, one file, works offline", write_html),
        Format("png", ".png", "image/png", "Static diagram with legend and references (scale 1-4)",
               _image_writer("png")),
        Format("svg", ".svg", "image/svg+xml", "Static vector diagram, texts kept as text", _image_writer("svg")),
        Format("pdf", ".pdf", "application/pdf", "Static vector diagram for print", _image_writer("pdf")),
        Format("md", ".md", "text/markdown", "Handout: picture, alt text, sentences, references",
               write_md, image_option),
    )
}


def guess_format(path: str | Path) -> str:
    """The format named by a file's suffix, e.g. ``out.graphml`` → ``graphml``."""
    suffix = Path(path).suffix.lower()
    for fmt in FORMATS.values():
        if fmt.suffix == suffix:
            return fmt.name
    raise ExportError(f"cannot tell the format from '{Path(path).name}'. "
                      f"Use --format with one of: {', '.join(FORMATS)}.")


def export_bytes(view: View, fmt: str, **options: object) -> bytes:
    """The export as bytes (for a download button)."""
    buffer = io.BytesIO()
    _format(fmt).writer(view, buffer, **options)
    return buffer.getvalue()


def export_view(view: View, fmt: str, target: str | Path | BinaryIO, **options: object) -> None:
    """Write the export to a path (atomically) or to an open binary file."""
    chosen = _format(fmt)
    if not isinstance(target, (str, Path)):
        chosen.writer(view, target, **options)
        return
    options = {**(chosen.path_options(Path(target)) if chosen.path_options else {}), **options}
    _write_atomically(Path(target), lambda stream: chosen.writer(view, stream, **options))


def _write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise ExportError(f"cannot write {path}: the folder {directory} does not exist.")
    try:
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror}.") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise ExportError(f"cannot write {path}: {exc.strerror}.") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _format(name: str) -> Format:
    if name not in FORMATS:
        raise ExportError(f"unknown export format '{name}'. Use one of: {', '.join(FORMATS)}.")
    return FORMATS[name]
