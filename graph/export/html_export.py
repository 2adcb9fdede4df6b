"""The lesson page: the interactive view as one self-contained HTML file that works offline and on touch.

The page has the title, the dataset's disclaimer, the network with its legend (drawn by the
shared network script, :func:`graph.present.network_script`, as in the app), the path as
sentences, a search box that finds a node by name or other name and selects it, a details pane
that opens on click or tap (summary, connections with evidence, references with DOI links) and
stays until another node is chosen, and the full list of references the view cites. vis-network,
the network script and the page's own script (``templates/lesson.js``) are inlined, so nothing is
fetched. Every text is escaped: the template autoescapes, data enters as JSON through ``tojson``,
and the script inserts it with ``textContent``; only http(s) addresses become links.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import BinaryIO

import jinja2

from graph.export.common import shown_references
from graph.export.files import path_or_stream
from graph.export.lesson import lesson_data, reference_entry
from graph.export.options import DEFAULTS, ExportOptions
from graph.network.view import View
from graph.present import network_payload, network_script
from graph.present.render import component_style, vis_asset


@path_or_stream
def write_html(view: View, stream: BinaryIO, options: ExportOptions = DEFAULTS) -> None:
    """Write the lesson page as UTF-8 HTML."""
    stream.write(lesson_html(view).encode("utf-8"))


def lesson_html(view: View) -> str:
    """The complete lesson page for ``view``."""
    example = next((data["label"] for _, data in view.graph.nodes(data=True)), "")
    return template("lesson.html.j2").render(
        title=view.title, disclaimer=view.dataset.meta.disclaimer, example=example,
        path=list(view.path_sentences), references=[reference_entry(r) for r in shown_references(view)],
        payload=network_payload(view), lesson=lesson_data(view),
        vis_js=vis_asset("vis-network.min.js"), network_js=network_script(), network_css=component_style(),
        lesson_css=asset("lesson.css"), lesson_js=asset("lesson.js"),
    )


@lru_cache(maxsize=8)
def asset(name: str) -> str:
    """A file of ``templates/`` (a page's script or style sheet), read once."""
    return resources.files("graph.export").joinpath("templates", name).read_text(encoding="utf-8")


@lru_cache(maxsize=4)
def template(name: str) -> jinja2.Template:
    """A page template of ``templates/``, autoescaping, and failing on a name it is not given."""
    environment = jinja2.Environment(loader=jinja2.PackageLoader("graph.export", "templates"), autoescape=True,
                                     undefined=jinja2.StrictUndefined)
    return environment.get_template(name)
