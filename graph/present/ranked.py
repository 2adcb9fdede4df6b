"""The links into a focus node as a short list ranked by certainty: the picture's answer in words.

When a focus view shows links of several relations into its focus ("What causes RLS?": risk
factors, things that worsen it, a null finding), hovering is the only way to tell the lines apart.
This list names each linked node with its relation, grouped by the certainty grade drawn (most
certain first), and ends with what was looked for and not found. It sits beside the picture and
serves as its text alternative.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from graph.dataset.model import CLAIM_KIND
from graph.network.view import View
from graph.present import style
from graph.present.markdown import escape_markdown

NOT_FOUND = "Looked for and not found, or advised against"
TOLD_APART = "Told apart or compared"


@dataclass(frozen=True)
class RankedItem:
    node: str
    label: str
    phrase: str


@dataclass(frozen=True)
class RankedGroup:
    """The links of one certainty grade (or of negative or contrasting relations)."""

    heading: str
    items: tuple[RankedItem, ...]


@dataclass(frozen=True)
class RankedLinks:
    title: str
    groups: tuple[RankedGroup, ...]


def ranked_links(view: View) -> RankedLinks | None:
    """The links into the focus by certainty, when they have more than one relation; else None."""
    focus = view.spec.focus
    if not focus or focus not in view.graph or view.graph.nodes[focus]["kind"] == CLAIM_KIND:
        return None
    links = [(source, data) for source, _, data in view.graph.in_edges(focus, data=True) if data["evidence"]]
    if len({data["relation"] for _, data in links}) < 2:
        return None
    return RankedLinks(_title(view, [source for source, _ in links]), _groups(view, links))


def _title(view: View, sources: list[str]) -> str:
    kinds = {view.graph.nodes[source]["kind"] for source in sources}
    what = view.dataset.kind(kinds.pop()).label if len(kinds) == 1 else "Links"
    return f"{what} → {view.graph.nodes[view.spec.focus]['label']}, by certainty"


def _groups(view: View, links: list[tuple[str, dict]]) -> tuple[RankedGroup, ...]:
    """One group per grade present, most certain first, then negative, then contrasting links."""
    grouped: dict[str, list[tuple[int, RankedItem]]] = defaultdict(list)
    headings = {tier.id: tier.label for tier in style.tiers(view.dataset)} | {
        "negative": NOT_FOUND, "contrast": TOLD_APART}
    for source, data in links:
        key = data["polarity"] if data["polarity"] != "positive" else style.evidence_tier(
            view.dataset, data["evidence"]).id
        item = RankedItem(source, view.graph.nodes[source]["label"],
                          style.relation_phrase(view.dataset, data["relation"]))
        grouped[key].append((-data["evidence_rank"], item))
    return tuple(RankedGroup(headings[key], tuple(item for _, item in sorted(grouped[key], key=_order)))
                 for key in headings if key in grouped)


def _order(entry: tuple[int, RankedItem]) -> tuple[int, str]:
    return entry[0], entry[1].label.casefold()


def ranked_markdown(ranked: RankedLinks) -> str:
    """The list as escaped Markdown: a bold heading per group, one bullet per linked node."""
    lines: list[str] = []
    for group in ranked.groups:
        lines += ["", f"**{escape_markdown(group.heading)}**", ""]
        lines += [f"- {escape_markdown(item.label)}: {escape_markdown(item.phrase)}" for item in group.items]
    return "\n".join(lines).strip()
