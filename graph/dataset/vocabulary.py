"""The fixed words of the format, declared once: verdicts, verification states and every other list of choices.

Every other module (the schema, the model, styles, the guide, exports, lint rules) reads these
records rather than keeping its own list, so adding or renaming a verdict is one edit here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    """Our verdict on a claim: its id in YAML, its label, what it means, and its colour.

    Colours are from the Okabe–Ito colour-blind-safe palette; the label is always shown with the
    colour, so colour is never the only cue. ``disputes`` marks verdicts that say the claim does
    not hold, so nothing the claim asserts may be stated above the claim-only evidence level.
    """

    id: str
    label: str
    meaning: str
    colour: str
    disputes: bool = False


VERDICT_LIST = (
    Verdict("supported", "Supported", "the evidence agrees with the claim.", "#009E73"),
    Verdict("partly-supported", "Partly supported",
            "part of the claim holds, part does not, or it needs a qualification.", "#56B4E9"),
    Verdict("unsupported", "Unsupported", "no good evidence for the claim was found.", "#E69F00", True),
    Verdict("contradicted", "Contradicted", "good evidence points the other way.", "#D55E00", True),
    Verdict("outdated", "Outdated", "it was accepted once, but current guidance has moved on.", "#CC79A7"),
)
VERDICTS = {verdict.id: verdict for verdict in VERDICT_LIST}
# The colours a kind without its own takes, in order, skipping those another kind declares: the
# Okabe–Ito palette (grey in place of its black, which the focus ring uses), then a brown, an
# indigo and a wine. Under simulated protanopia, deuteranopia and tritanopia (Machado 2009) each
# extra stays at least 19 ΔE (CIE 1976) from every other colour here, the path violet and black.
KIND_PALETTE = (
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999",
    "#6E3B23", "#332288", "#882255",
)
VERIFICATION_STATES = ("verified", "secondary", "unverified")
SHAPES = (
    "ellipse", "box", "diamond", "dot", "square", "triangle", "triangleDown", "star", "hexagon",
    "database",
)
# The line styles a certainty grade may take; "dashdot" is kept for claim-only links (CLAIM_LINE).
LINE_STYLES = ("solid", "dashed", "dotted", "sparse", "dashdotdot")
CLAIM_LINE = "dashdot"
POLARITIES = ("positive", "negative", "contrast")
REFERENCE_KINDS = (
    "guideline", "consensus", "systematic-review", "review", "trial", "observational", "genetic",
    "mechanistic", "regulatory", "book", "web-page", "other",
)
OPERATORS = ("<", "<=", ">", ">=", "between")
RECOMMENDATION_DIRECTIONS = ("for", "against")
RECOMMENDATION_STRENGTHS = ("strong", "conditional", "good-practice")
CLAIM_KIND = "claim"
ABOUT_RELATION = "is_about"


def drawn_label(data: dict) -> str:
    """A node's label as drawn and sized: a claim's label starts with its verdict in words."""
    if data["kind"] == CLAIM_KIND:
        return f"[{VERDICTS[data['verdict']].label}] {data['label']}"
    return data["label"]
