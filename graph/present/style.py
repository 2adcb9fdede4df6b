"""How things look, shared by every renderer: the screen, static images and exports.

Kinds bring their own colour and shape. Evidence is drawn by certainty: each grade of the
dataset's certainty scale has its own line style and width (solid for high certainty, then
dashed, dotted, widely spaced dots, and dash-dot-dot for "not graded"), and claim-only links are
grey dash-dot. One line style means one grade everywhere: the picture, the legend, the evidence
guide and every export. The exact evidence level stays in tooltips, details and exports' data.
A relation's polarity sets the ends of its line: an arrowhead for a positive link, a bar for a
negative one (no association, advised against), a bar at both ends for a contrast (told apart,
compared).
Claims are coloured by verdict from the Okabe–Ito colour-blind-safe palette and also carry the
verdict in their label, so colour is never the only cue. The path colour is a violet that no kind
or verdict uses.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.dataset.model import Dataset
from graph.dataset.vocabulary import CLAIM_LINE, VERDICTS

CLAIM_EDGE_COLOUR = "#777777"
EDGE_COLOUR = "#4d4d4d"
PATH_COLOUR = "#6A00F4"
FOCUS_BORDER = "#000000"
LABEL_INSIDE = ("ellipse", "box", "database", "circle", "text")
LABEL_BACKING = "rgba(255,255,255,0.8)"  # behind a label below its shape: links crossing it leave it legible


@dataclass(frozen=True)
class Line:
    """A line style: how it is named to a student, its dash pattern in pixels and its width."""

    words: str
    dashes: tuple[int, ...] | None
    width: float


LINES = {
    "solid": Line("solid", None, 3.0),
    "dashed": Line("dashed", (8, 6), 2.5),
    "dotted": Line("dotted", (2, 5), 2.0),
    "sparse": Line("widely spaced dots", (2, 11), 1.75),
    "dashdotdot": Line("dash-dot-dot", (12, 4, 2, 4, 2, 4), 2.0),
    CLAIM_LINE: Line("dash-dot, grey", (12, 4, 2, 4), 1.5),
}
DASHES = {name: line.dashes for name, line in LINES.items()}
ENDS = {"positive": "arrow", "negative": "bar", "contrast": "bars"}
POLARITY_WORDS = {"positive": "the link holds", "negative": "not found, or advised against",
                  "contrast": "told apart or compared"}
END_WORDS = {"arrow": f"Arrowhead: {POLARITY_WORDS['positive']}", "bar": f"Bar: {POLARITY_WORDS['negative']}",
             "bars": f"Bar at both ends: {POLARITY_WORDS['contrast']}"}


@dataclass(frozen=True)
class Tier:
    """A certainty grade as drawn: one line style, one width, a name a student reads."""

    id: str
    label: str
    line: str
    width: float
    colour: str


CLAIM_TIER = Tier("claim", "Claim only (dash-dot, grey)", CLAIM_LINE, LINES[CLAIM_LINE].width, CLAIM_EDGE_COLOUR)


def tiers(dataset: Dataset) -> tuple[Tier, ...]:
    """The dataset's certainty grades as drawn, most certain first, then the claim tier."""
    drawn = tuple(Tier(grade.id, f"{grade.label} ({LINES[grade.line].words})", grade.line,
                       LINES[grade.line].width, EDGE_COLOUR) for grade in dataset.certainty)
    return (*drawn, CLAIM_TIER)


def evidence_tier(dataset: Dataset, evidence_id: str) -> Tier:
    """How links at an evidence level are drawn (claim links, which have no level, as claims)."""
    level = dataset.evidence_level(evidence_id) if evidence_id else None
    if level is None or level.claim_only:
        return CLAIM_TIER
    return next(tier for tier in tiers(dataset) if tier.id == level.certainty)


def edge_end(dataset: Dataset, relation: str) -> str:
    """The ends of a link's line: 'arrow', 'bar' or 'bars' (both ends) from its relation's polarity."""
    if relation not in dataset.ids("relations"):
        return "arrow"
    return ENDS[dataset.relation(relation).polarity]


VERDICT_STYLES = VERDICTS
CLAIM_SHAPE = "box"
CLAIM_BORDER_DASHES = (6, 4)
CLAIM_BORDER_WIDTH = 3.0
CLAIM_TINT = 0.3


def tint(colour: str, share: float) -> str:
    """``colour`` mixed with white: ``share`` of the colour, the rest white."""
    channels = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * share):02x}" for c in channels)


def claim_fill(verdict_colour: str) -> str:
    """A claim's fill: a pale tint of its verdict's colour (the border carries the full colour),
    so a supported claim never looks like a treatment of the same green."""
    return tint(verdict_colour, CLAIM_TINT)


def label_colour(fill: str) -> str:
    """Black or white, whichever reads better on ``fill`` (relative luminance, WCAG)."""
    channels = [int(fill[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#000000" if luminance > 0.18 else "#ffffff"


def relation_phrase(dataset: Dataset, relation: str) -> str:
    """The relation's verb phrase; claim links read "is about"."""
    if relation not in {r.id for r in dataset.relations}:
        return relation.replace("_", " ")
    return dataset.relation(relation).label
