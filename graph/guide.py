"""The "how to read this graph" guide, generated from the dataset's own evidence scale."""

from __future__ import annotations

from graph import style
from graph.markdown import escape_markdown
from graph.model import Dataset

VERDICT_MEANINGS = {
    "supported": "the evidence agrees with the claim.",
    "partly-supported": "part of the claim holds, part does not, or it needs a qualification.",
    "unsupported": "no good evidence for the claim was found.",
    "contradicted": "good evidence points the other way.",
    "outdated": "it was accepted once, but current guidance has moved on.",
}


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
    lines += [f"- **{style.VERDICT_STYLES[v].label}**: {meaning}" for v, meaning in VERDICT_MEANINGS.items()]
    return "\n".join(lines)


def _cell(text: str) -> str:
    return escape_markdown(text.replace("\n", " "))
