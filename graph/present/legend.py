"""The legend of a view: which kinds, certainty grades, line ends and verdicts it shows, and how each is drawn.

Every renderer (the page, the app's network, static images, handouts) draws its legend from this
one record, so the key always matches the picture. Evidence appears as its certainty grades (one
line style each), each listing the exact levels of the view that it stands for; line ends
(arrowhead, bar, bars at both ends) say whether a link holds, was looked for and not found, or
contrasts two things.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.dataset.model import CLAIM_KIND
from graph.network.view import View
from graph.present import style


@dataclass(frozen=True)
class KindEntry:
    label: str
    colour: str
    shape: str


@dataclass(frozen=True)
class EvidenceEntry:
    """One line style: its tier's label, width, line name (a key of ``style.DASHES``) and colour,
    and the labels of the evidence levels shown in the view that are drawn this way."""

    label: str
    width: float
    line: str
    colour: str = style.EDGE_COLOUR
    levels: tuple[str, ...] = ()

    @property
    def dashes(self) -> tuple[int, ...] | None:
        return style.DASHES[self.line]


@dataclass(frozen=True)
class EndEntry:
    """A line end shown in the view ('arrow', 'bar' or 'bars') and what it means."""

    end: str
    label: str


@dataclass(frozen=True)
class VerdictEntry:
    """A verdict on claims: the claim's pale fill, its dashed border in the verdict's colour."""

    label: str
    colour: str

    @property
    def fill(self) -> str:
        return style.claim_fill(self.colour)


@dataclass(frozen=True)
class Legend:
    """Legend entries for what a view shows, in the dataset's order; ``path`` when a path is drawn."""

    kinds: tuple[KindEntry, ...]
    evidence: tuple[EvidenceEntry, ...]
    verdicts: tuple[VerdictEntry, ...]
    path: bool = False
    ends: tuple[EndEntry, ...] = ()
    lines_heading: str = "Evidence (line)"  # what the line styles stand for (a class overlay: verdicts)


def legend_for(view: View) -> Legend:
    """The legend entries for the kinds, evidence tiers and verdicts present in ``view``."""
    kinds = {data["kind"] for _, data in view.graph.nodes(data=True)}
    verdicts = {data.get("verdict") for _, data in view.graph.nodes(data=True)}
    return Legend(
        kinds=tuple(KindEntry(k.label, k.colour, k.shape) for k in view.dataset.kinds if k.id in kinds),
        evidence=_evidence_entries(view),
        verdicts=tuple(VerdictEntry(s.label, s.colour) for v, s in style.VERDICT_STYLES.items()
                       if CLAIM_KIND in kinds and v in verdicts),
        path=bool(view.paths),
        ends=_end_entries(view),
    )


def _end_entries(view: View) -> tuple[EndEntry, ...]:
    """The line ends of the view, once any link is not a plain arrow (an arrow alone needs no key)."""
    shown = {style.edge_end(view.dataset, data["relation"]) for *_, data in view.graph.edges(data=True)}
    if shown <= {"arrow"}:
        return ()
    return tuple(EndEntry(end, style.END_WORDS[end]) for end in style.END_WORDS if end in shown)


def _evidence_entries(view: View) -> tuple[EvidenceEntry, ...]:
    """One entry per tier present, strongest first, naming the levels it covers."""
    shown = {data["evidence"] for *_, data in view.graph.edges(data=True)}
    drawn = style.tiers(view.dataset)
    levels: dict[str, list[str]] = {tier.id: [] for tier in drawn}
    for level in sorted(view.dataset.evidence, key=lambda e: -e.rank):
        if level.id in shown:
            levels[style.evidence_tier(view.dataset, level.id).id].append(level.label)
    if "" in shown:
        levels["claim"].append("Claim links (a claim is about this)")
    return tuple(EvidenceEntry(tier.label, tier.width, tier.line, tier.colour, tuple(levels[tier.id]))
                 for tier in drawn if levels[tier.id])
