"""Exports of a view, one module per format, written atomically.

``export_view(view, "graphml", "out.graphml")`` writes a file (temporary file, then rename, so a
failed export leaves nothing behind); ``export_bytes`` returns the bytes, for downloads. Every
writer (images too: ``image_export.write_png``…) takes a view, a path or binary stream, and options:
``write_FORMAT(view, path_or_stream, options)``. Options are checked against what the format
uses (``export_bytes(view, "json", scale=2)`` is an :class:`ExportError`). A format declares its
companion files (the handout's picture, an image's separate references): :func:`plan_files`
lists them for a target name and :func:`write_files` writes them all, never replacing a
companion that is already there unless asked to.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import ExportError
from graph.export.csv_export import write_csv
from graph.export.cxl_export import write_cxl
from graph.export.cyjs_export import write_cyjs, write_cytoscape
from graph.export.dot_export import write_dot
from graph.export.files import Target
from graph.export.gexf_export import write_gexf
from graph.export.graphml_export import write_graphml
from graph.export.html_export import write_html
from graph.export.json_export import write_json
from graph.export.markdown_export import write_md
from graph.export.mermaid_export import write_mermaid
from graph.export.options import PAGES, REFERENCES, ExportOptions, make_options
from graph.export.pages import HANDOUT_SCALE
from graph.export.scorm import course_notes, write_scorm
from graph.files import Write, write_all_atomically, write_atomically
from graph.network.view import View

__all__ = [
    "FORMATS", "IMAGE_FORMATS", "PAGES", "REFERENCES", "Companion", "ExportOptions", "Format",
    "PlannedFile", "export_bytes", "export_notes", "export_view", "guess_format", "plan_files", "write_files",
]

Writer = Callable[[View, Target, ExportOptions], None]
IMAGE_OPTIONS = ("title", "scale", "page", "references", "part")
IMAGE_FORMATS = ("png", "svg", "pdf")
# A handout's picture: the graph and legend on the handout column, at 300 dpi.
HANDOUT_PICTURE = {"part": "graph", "image_name": "", "page": "handout", "scale": HANDOUT_SCALE}


def _write_xlsx(view: View, target: Target, options: ExportOptions) -> None:
    """The workbook writer, imported when a workbook is first asked for (openpyxl takes ~0.2 s)."""
    from graph.export.xlsx_export import write_xlsx

    write_xlsx(view, target, options)


def _write_docx(view: View, target: Target, options: ExportOptions) -> None:
    """The Word handout's writer, imported when first asked for (python-docx and matplotlib)."""
    from graph.export.docx_export import write_docx

    write_docx(view, target, options)


def _image_writer(fmt: str) -> Writer:
    """A writer that imports matplotlib only when an image is first asked for (it takes ~0.3 s)."""

    def write(view: View, target: Target, options: ExportOptions) -> None:
        from graph.export import image_export

        getattr(image_export, f"write_{fmt}")(view, target, options)

    return write


@dataclass(frozen=True)
class Companion:
    """A second file an export comes with, named after the main file.

    ``ending`` replaces the main file's suffix (``.png``: ``handout.md`` comes with
    ``handout.png``); ``changes`` are the options that differ from the main file's; ``linked_as``
    names the main file's option that holds the companion's name; ``when`` says for which
    options the companion exists.
    """

    fmt: str
    ending: str
    changes: Mapping[str, object]
    linked_as: str = ""
    when: Callable[[ExportOptions], bool] = lambda options: True


def _separate_references(suffix: str) -> Companion:
    return Companion(suffix.lstrip("."), f"-references{suffix}", {"part": "references"},
                     when=lambda options: options.references == "separate" and options.part == "whole")


@dataclass(frozen=True)
class Format:
    """An export format: its name, file suffix, MIME type, writer, options and companions."""

    name: str
    suffix: str
    mime: str
    description: str
    writer: Writer
    options: tuple[str, ...] = ("title",)
    companions: tuple[Companion, ...] = field(default=())


FORMATS: dict[str, Format] = {
    fmt.name: fmt
    for fmt in (
        Format("json", ".json", "application/json", "NetworkX node-link JSON", write_json),
        Format("graphml", ".graphml", "application/graphml+xml",
               "GraphML for Gephi, yEd and Cytoscape", write_graphml),
        Format("gexf", ".gexf", "application/gexf+xml", "GEXF for Gephi, with colours and positions",
               write_gexf),
        Format("csv", ".zip", "application/zip", "CSV tables (nodes, edges, references...) in a zip",
               write_csv),
        Format("xlsx", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               "Spreadsheet: nodes, links, references, kinds, evidence as typed sheets", _write_xlsx),
        Format("cxl", ".cxl", "application/xml", "CXL concept map for CmapTools, with the focus question",
               write_cxl),
        Format("cyjs", ".cyjs", "application/json", "Cytoscape.js elements and style", write_cyjs),
        Format("cytoscape", ".cytoscape.zip", "application/zip",
               "Cytoscape: network.cyjs and its styles.json in a zip", write_cytoscape),
        Format("dot", ".dot", "text/vnd.graphviz", "Graphviz DOT", write_dot),
        Format("mermaid", ".mmd", "text/vnd.mermaid", "Mermaid flowchart", write_mermaid),
        Format("html", ".html", "text/html", "Lesson page: one file, works offline and on touch screens",
               write_html),
        Format("png", ".png", "image/png", "Picture for slides, print or posters (scale 1-4)",
               _image_writer("png"), IMAGE_OPTIONS, (_separate_references(".png"),)),
        Format("svg", ".svg", "image/svg+xml", "Vector picture, texts kept as text", _image_writer("svg"),
               IMAGE_OPTIONS, (_separate_references(".svg"),)),
        Format("pdf", ".pdf", "application/pdf", "Vector picture for print (separate references: page 2)",
               _image_writer("pdf"), IMAGE_OPTIONS),
        Format("md", ".md", "text/markdown", "Handout: picture, sentences, references", write_md,
               ("title", "image_name"), (Companion("png", ".png", HANDOUT_PICTURE, linked_as="image_name"),)),
        Format("docx", ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
               "Handout as a Word document, its picture embedded for a 16 cm column at 300 dpi", _write_docx),
        Format("scorm", ".scorm.zip", "application/zip",
               "SCORM 1.2 course package for an LMS (Moodle, Canvas): lesson page and a scored quiz",
               write_scorm, ("title", "pass_score")),
    )
}


@dataclass(frozen=True)
class PlannedFile:
    """One file of an export: where it goes, its format and its checked options."""

    target: Path
    fmt: str
    options: ExportOptions


def guess_format(path: str | Path) -> str:
    """The format named by a file's ending, e.g. ``out.graphml`` → ``graphml``, ``course.scorm.zip`` → ``scorm``
    (the longest ending that fits wins, so a plain ``.zip`` is the CSV tables)."""
    name = Path(path).name.lower()
    for fmt in sorted(FORMATS.values(), key=lambda fmt: -len(fmt.suffix)):
        if name.endswith(fmt.suffix):
            return fmt.name
    raise ExportError(f"cannot tell the format from '{Path(path).name}'. "
                      f"Use --format with one of: {', '.join(FORMATS)}.")


def export_bytes(view: View, fmt: str, options: ExportOptions | None = None, **given: object) -> bytes:
    """The export as bytes (for a download button); ``given`` are checked option values."""
    buffer = io.BytesIO()
    export_view(view, fmt, buffer, options, **given)
    return buffer.getvalue()


def export_view(view: View, fmt: str, target: Target, options: ExportOptions | None = None,
                **given: object) -> None:
    """Write the export to a path (atomically) or to an open binary file; companions are not written."""
    chosen = _format(fmt)
    checked = _options(chosen, options, given)
    if isinstance(target, (str, Path)):
        write_atomically(Path(target), _stream_writer(view, chosen, _linked(chosen, Path(target), checked)))
    else:
        _stream_writer(view, chosen, checked)(target)


def _stream_writer(view: View, chosen: Format, options: ExportOptions) -> Write:
    """A function writing the export to a binary stream, with the title the options give."""
    shown = dataclasses.replace(view, title=options.title) if options.title else view
    return lambda stream: chosen.writer(shown, stream, options)


def plan_files(fmt: str, target: str | Path, options: ExportOptions | None = None, /,
               **given: object) -> list[PlannedFile]:
    """The main file and its companions, for writing (CLI) or for download buttons (app)."""
    chosen = _format(fmt)
    main = _linked(chosen, Path(target), _options(chosen, options, given))
    planned = [PlannedFile(Path(target), fmt, main)]
    for companion in chosen.companions:
        if companion.when(main):
            planned.append(PlannedFile(_companion_path(Path(target), companion), companion.fmt,
                                       main.with_changes(**companion.changes)))
    return planned


def write_files(view: View, planned: list[PlannedFile], force: bool = False) -> list[Path]:
    """Write planned files, all or none; refuse (before writing anything) to replace a companion unless ``force``.

    Every file is written to a temporary file before any is renamed into place, companions first,
    so a handout's text never appears when its picture failed, nor before it.
    """
    existing = [item.target for item in planned[1:] if item.target.exists()]
    if existing and not force:
        names = ", ".join(str(path) for path in existing)
        raise ExportError(f"{names} already exists and would be replaced. Choose another output name, "
                          "or pass --force to replace it.")
    write_all_atomically([(item.target, _stream_writer(view, _format(item.fmt), item.options))
                          for item in reversed(planned)])
    return [item.target for item in planned]


def export_notes(view: View, fmt: str, options: ExportOptions | None = None, **given: object) -> list[str]:
    """What the user should know about this export before making it, e.g. a PNG's reduced scale or
    the number of questions in a course package."""
    checked = _options(_format(fmt), options, given)
    if fmt == "scorm":
        return course_notes(view, checked)
    if fmt != "png":
        return []
    from graph.export import image_export, pages

    note = pages.pixel_note(image_export.picture_size(view, checked), checked.scale, pages.PAGES[checked.page].dpi)
    return [note] if note else []


def _companion_path(target: Path, companion: Companion) -> Path:
    return target.with_name(target.stem + companion.ending)


def _linked(chosen: Format, target: Path, options: ExportOptions) -> ExportOptions:
    """Options naming each linked companion after ``target`` unless the caller named it."""
    for companion in chosen.companions:
        if companion.linked_as and not getattr(options, companion.linked_as):
            name = _companion_path(target, companion).name
            options = options.with_changes(**{companion.linked_as: name})
    return options


def _options(chosen: Format, options: ExportOptions | None, given: Mapping[str, object]) -> ExportOptions:
    checked = make_options(chosen.name, chosen.options, given)
    if options is None:
        return checked
    return options.with_changes(**given) if given else options


def _format(name: str) -> Format:
    if name not in FORMATS:
        raise ExportError(f"unknown export format '{name}'. Use one of: {', '.join(FORMATS)}.")
    return FORMATS[name]
