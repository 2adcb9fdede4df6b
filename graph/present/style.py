"""How things look, shared by every renderer: the screen, static images and exports.

Kinds bring their own colour and shape. Evidence is drawn as one of at most four line styles that
the eye can tell apart, by tier: a level's ``line`` (solid = strong, dashed = moderate, dotted =
weak) unless it is ``claim_only`` (the claim tier); the exact level stays in tooltips, details and
exports' data. Claims are coloured by verdict from the Okabe–Ito colour-blind-safe palette and
also carry the verdict in their label, so colour is never the only cue. The path colour is a
violet that no kind or verdict uses.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.dataset.model import Dataset
from graph.dataset.vocabulary import VERDICTS

CLAIM_EDGE_COLOUR = "#777777"
EDGE_COLOUR = "#4d4d4d"
PATH_COLOUR = "#6A00F4"
FOCUS_BORDER = "#000000"
DASHES = {"solid": None, "dashed": (8, 6), "dotted": (2, 5), "dashdot": (12, 4, 2, 4)}
LABEL_INSIDE = ("ellipse", "box", "database", "circle", "text")


@dataclass(frozen=True)
class Tier:
    """A strength tier of evidence: one line style, one width, a name a student reads."""

    id: str
    label: str
    line: str
    width: float
    colour: str


TIERS = (
    Tier("strong", "Strong (solid)", "solid", 2.5, EDGE_COLOUR),
    Tier("moderate", "Moderate (dashed)", "dashed", 2.0, EDGE_COLOUR),
    Tier("weak", "Weak (dotted)", "dotted", 2.0, EDGE_COLOUR),
    Tier("claim", "Claim only (dash-dot, grey)", "dashdot", 1.5, CLAIM_EDGE_COLOUR),
)
TIER_BY_ID = {tier.id: tier for tier in TIERS}
_TIER_OF_LINE = {"solid": "strong", "dashed": "moderate", "dotted": "weak"}


def evidence_tier(dataset: Dataset, evidence_id: str) -> Tier:
    """The tier of an evidence level (claim links, which have no level, are in the claim tier)."""
    if not evidence_id:
        return TIER_BY_ID["claim"]
    level = dataset.evidence_level(evidence_id)
    return TIER_BY_ID["claim" if level.claim_only else _TIER_OF_LINE[level.line]]


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
