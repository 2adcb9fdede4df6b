"""The "how to read this graph" guide, generated from the dataset's own certainty and evidence scales.

Its words for each line are the legend's (:func:`graph.present.style.tiers`), so the guide and
the legend always say the same thing about the same line.
"""

from __future__ import annotations

from graph.dataset.model import Dataset
from graph.dataset.vocabulary import VERDICT_LIST
from graph.present import style
from graph.present.markdown import escape_markdown


def evidence_guide(dataset: Dataset) -> str:
    """Markdown explaining line styles (certainty), line ends (polarity), evidence levels and verdicts."""
    lines = [
        "Each link carries an **evidence level** (what kind of source it rests on) and that level's "
        "**certainty** (how sure the evidence is). The line style shows the certainty, the same on "
        "screen, in the legend and in every export. Links marked *needs verification* cite sources "
        "nobody has yet checked against the original.",
        "",
        "| Line | What it means |",
        "|---|---|",
        *(f"| {_cell(tier.label)} | {_cell(_meaning(dataset, tier.id))} |" for tier in style.tiers(dataset)),
        "",
        "The end of a line says what kind of statement it is:",
        "",
        *(f"- {words}." for words in style.END_WORDS.values()),
        "",
        "| Evidence level | Line | What it means |",
        "|---|---|---|",
    ]
    for level in sorted(dataset.evidence, key=lambda e: -e.rank):
        tier = style.evidence_tier(dataset, level.id)
        lines.append(f"| {_cell(level.label)} | {_cell(tier.label)} | {_cell(level.description)} |")
    lines += ["", "**Claims** are statements made by a source (for example a web page), drawn as boxes "
              f"coloured by our verdict and joined by {style.LINES[style.CLAIM_TIER.line].words} lines to what "
              "they are about:", ""]
    lines += [f"- **{verdict.label}**: {verdict.meaning}" for verdict in VERDICT_LIST]
    return "\n".join(lines)


def _meaning(dataset: Dataset, tier_id: str) -> str:
    if tier_id == style.CLAIM_TIER.id:
        return "Asserted by a source, with no good evidence behind it; shown only with the claims layer."
    return dataset.certainty_grade(tier_id).description


def _cell(text: str) -> str:
    return escape_markdown(text.replace("\n", " "))
