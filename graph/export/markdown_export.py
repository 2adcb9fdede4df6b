"""A Markdown handout of a view: title, picture, its description, connections, thresholds, claims,
references.

The picture is linked, not embedded: ``![alt](image_name)``, a file next to the handout, drawn
graph-only (the references are in the text). The ``md`` format declares it as its companion, so
``plan_files("md", "handout.md")`` names ``handout.png`` and the CLI and app write or offer both.
The alt text is short (at most 250 characters); the long description is the section "About the
picture". Every text from the dataset is Markdown-escaped, so a label cannot become a link, an
image or HTML.
"""

from __future__ import annotations

from collections import defaultdict
from typing import BinaryIO
from urllib.parse import quote

from graph.dataset.model import ABOUT_RELATION, Reference
from graph.export.common import shown_references
from graph.export.describe import alt_text, long_description
from graph.export.files import path_or_stream
from graph.export.options import DEFAULTS, ExportOptions
from graph.export.tabular import describe_threshold
from graph.network.view import View
from graph.present import style
from graph.present.details import grade_words
from graph.present.markdown import escape_markdown
from graph.present.ranked import ranked_links, ranked_markdown
from graph.wording import statement

DEFAULT_IMAGE = "view.png"
URL_SAFE = ":/?#@!$&'*+,;=%~"


def md(text: str) -> str:
    """Dataset text for Markdown: whitespace (newlines too) collapsed, special characters escaped."""
    return escape_markdown(" ".join(text.split()))


@path_or_stream
def write_md(view: View, stream: BinaryIO, options: ExportOptions = DEFAULTS) -> None:
    """Write the handout as UTF-8 Markdown that links the picture ``options.image_name``."""
    stream.write(markdown_text(view, options.image_name or DEFAULT_IMAGE).encode("utf-8"))


def markdown_text(view: View, image_name: str = DEFAULT_IMAGE) -> str:
    """The handout's Markdown text."""
    sections = [[f"# {md(view.title)}"], _disclaimer(view),
                [f"![{md(alt_text(view))}]({quote(image_name, safe=URL_SAFE)})"],
                ["## About the picture", "", md(long_description(view))], _paths(view), _ranked(view),
                _connections(view), _thresholds(view), _claims(view), _references(view)]
    return "\n\n".join("\n".join(section) for section in sections if section) + "\n"


def _disclaimer(view: View) -> list[str]:
    disclaimer = view.dataset.meta.disclaimer
    return [f"> {md(disclaimer)}"] if disclaimer else []


def _paths(view: View) -> list[str]:
    if not view.path_sentences:
        return []
    return ["## Path", "", *(f"- {md(sentence)}" for sentence in view.path_sentences)]


def _ranked(view: View) -> list[str]:
    """The links into the focus by certainty, as beside the app's picture (when relations meet there)."""
    ranked = ranked_links(view)
    return [f"## {md(ranked.title)}", "", ranked_markdown(ranked)] if ranked else []


def _connections(view: View) -> list[str]:
    """One heading per source node, then one sentence per link it starts, in graph order."""
    groups: dict[str, list[str]] = defaultdict(list)
    for source, target, data in view.graph.edges(data=True):
        if data["relation"] != ABOUT_RELATION:
            groups[source].append(f"- {connection_sentence(view, source, target, data)}")
    lines = ["## Connections"]
    for source in (node for node in view.graph if node in groups):
        lines += ["", f"### {md(view.graph.nodes[source]['label'])}", "", *groups[source]]
    return lines if groups else []


def connection_sentence(view: View, source: str, target: str, data: dict) -> str:
    """E.g. ``Low iron leads to Brain iron deficiency (Cohort study, moderate certainty; ref2).``, escaped."""
    nodes, dataset = view.graph.nodes, view.dataset
    level = dataset.evidence_level(data["evidence"])
    evidence = level.label if level.claim_only else f"{level.label}, {grade_words(dataset, level.certainty)}"
    details = "; ".join([evidence, *data["references"]])
    phrase = style.relation_phrase(dataset, data["relation"])
    text = statement(nodes[source]["label"], phrase, nodes[target]["label"])
    return f"{md(text)} \\({md(details)}\\)."


def _thresholds(view: View) -> list[str]:
    """Each shown node's cut-offs, e.g. ``- **Serum ferritin** ≤ 75 ng/mL (adults): give iron [ref1]``."""
    lines = [f"- **{md(data['label'])}** {md(describe_threshold(row))}"
             for _, data in view.graph.nodes(data=True) for row in data["thresholds"]]
    return ["## Thresholds", "", *lines] if lines else []


def _claims(view: View) -> list[str]:
    claims = [(node, data) for node, data in view.graph.nodes(data=True) if "verdict" in data]
    return ["## Claims checked", "", *(_claim_line(data) for _, data in claims)] if claims else []


def _claim_line(data: dict) -> str:
    verdict = style.VERDICT_STYLES[data["verdict"]].label
    sources = "; ".join([f"claimed by {data['source']}", *data["references"]])
    return f"- **{md(verdict)}**: {md(data['summary'])} \\({md(sources)}\\) {md(data['text'])}".rstrip()


def _references(view: View) -> list[str]:
    references = shown_references(view)
    return ["## References", "", *(_reference_line(ref) for ref in references)] if references else []


def _reference_line(reference: Reference) -> str:
    line = f"- **{md(reference.id)}**: {md(reference.citation)}"
    if reference.link:
        label = f"doi:{reference.doi}" if reference.doi else reference.link
        line += f" [{md(label)}]({quote(reference.link, safe=URL_SAFE)})"
    return line + (" (needs verification)" if reference.needs_verification else "")
