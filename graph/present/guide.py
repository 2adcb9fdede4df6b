"""The "how to read this graph" guide, generated from the dataset's own evidence scale."""

from __future__ import annotations

from graph.dataset.model import Dataset
from graph.dataset.vocabulary import VERDICT_LIST
from graph.present.markdown import escape_markdown


def evidence_guide(dataset: Dataset) -> str:
    """Markdown explaining line styles, evidence levels (strongest first) and verdicts."""
    lines = [
        "Each link carries an **evidence level**: thicker lines are stronger evidence, and the line "
        "style (solid, dashed, dotted) repeats it without relying on width. Links marked "
        "*needs verification* cite sources nobody has yet checked against the original.",
        "",
        "| Evidence level | Line | What it means |",
        "|---|---|---|",
    ]
    for level in sorted(dataset.evidence, key=lambda e: -e.rank):
        lines.append(f"| {_cell(level.label)} | {level.line} | {_cell(level.description)} |")
    lines += ["", "**Claims** are statements made by a source (for example a web page), drawn as boxes "
              "coloured by our verdict and joined by dotted lines to what they are about:", ""]
    lines += [f"- **{verdict.label}**: {verdict.meaning}" for verdict in VERDICT_LIST]
    return "\n".join(lines)


def _cell(text: str) -> str:
    return escape_markdown(text.replace("\n", " "))
