"""The legend of a view: which kinds, evidence levels and verdicts it shows, and how.

Every renderer (the page, static images, handouts) draws its legend from this one record, so
the key always matches the picture.
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
    label: str
    width: float
    line: str


@dataclass(frozen=True)
class VerdictEntry:
    label: str
    colour: str


@dataclass(frozen=True)
class Legend:
    """Legend entries for what a view shows, in the dataset's order."""

    kinds: tuple[KindEntry, ...]
    evidence: tuple[EvidenceEntry, ...]
    verdicts: tuple[VerdictEntry, ...]


def legend_for(view: View) -> Legend:
    """The legend entries for the kinds, evidence levels and verdicts present in ``view``."""
    kinds = {data["kind"] for _, data in view.graph.nodes(data=True)}
    levels = {data["evidence"] for *_, data in view.graph.edges(data=True)}
    verdicts = {data.get("verdict") for _, data in view.graph.nodes(data=True)}
    return Legend(
        kinds=tuple(KindEntry(k.label, k.colour, k.shape) for k in view.dataset.kinds if k.id in kinds),
        evidence=tuple(_evidence_entry(view, level.id) for level in
                       sorted(view.dataset.evidence, key=lambda e: -e.rank) if level.id in levels),
        verdicts=tuple(VerdictEntry(s.label, s.colour) for v, s in style.VERDICT_STYLES.items()
                       if CLAIM_KIND in kinds and v in verdicts),
    )


def _evidence_entry(view: View, level_id: str) -> EvidenceEntry:
    level = view.dataset.evidence_level(level_id)
    data = {"evidence": level.id, "evidence_rank": level.rank}
    return EvidenceEntry(level.label, style.edge_width(view.dataset, data), level.line)
