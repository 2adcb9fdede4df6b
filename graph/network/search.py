"""Find nodes by label or alias, best match first.

Ranking follows what a reader expects from a search box: a name typed in full (label or alias)
wins, then names that start with the text as whole words ("restless" → *Restless legs
syndrome*), then names that merely start with it, then names with a word starting with it,
then names containing it, then close misspellings. Within a rank the better-connected node wins
(it is the likelier meaning: "augment" → *Augmentation* before *Augmentation assessment*), then
the label beats an alias, then the shorter name.
Claims are not searched: they are statements, not things.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import networkx as nx

from graph.dataset.vocabulary import CLAIM_KIND

EXACT, WHOLE_WORDS, PREFIX, WORD_PREFIX, CONTAINS, FUZZY = range(6)
FUZZY_CUTOFF = 0.75
MAX_HITS = 8


@dataclass(frozen=True)
class SearchHit:
    """A node that matches, the name that matched (label or alias) and how well."""

    node: str
    label: str
    matched: str
    rank: int
    degree: int = 0

    @property
    def via_alias(self) -> bool:
        return self.matched != self.label


def search_index(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Node id → the text a picker shows: the label, then aliases in brackets, sorted by label."""
    entries = {
        node: data["label"] + (f" ({', '.join(data['aliases'])})" if data["aliases"] else "")
        for node, data in graph.nodes(data=True) if data["kind"] != CLAIM_KIND
    }
    return dict(sorted(entries.items(), key=lambda item: item[1].casefold()))


def search(graph: nx.MultiDiGraph, text: str, limit: int = MAX_HITS) -> list[SearchHit]:
    """Nodes whose label or an alias matches ``text``, best first, at most ``limit``."""
    needle = " ".join(text.casefold().split())
    if not needle:
        return []
    hits = (_best_hit(node, data, needle, graph.degree(node))
            for node, data in graph.nodes(data=True) if data["kind"] != CLAIM_KIND)
    found = [hit for hit in hits if hit is not None]
    return sorted(found, key=_order)[:limit]


def _order(hit: SearchHit) -> tuple[int, int, bool, int, str]:
    return hit.rank, -hit.degree, hit.via_alias, len(hit.matched), hit.label.casefold()


def find_nodes(graph: nx.MultiDiGraph, text: str) -> list[str]:
    """Ids of the nodes :func:`search` finds, best first."""
    return [hit.node for hit in search(graph, text)]


def _best_hit(node: str, data: dict, needle: str, degree: int) -> SearchHit | None:
    names = [data["label"], *data["aliases"]]
    scored = [(rank, index, name) for index, name in enumerate(names)
              if (rank := match_rank(name, needle)) is not None]
    if not scored:
        return None
    rank, _, name = min(scored, key=lambda item: (item[0], item[1] > 0, len(item[2])))
    return SearchHit(node, data["label"], name, rank, degree)


def match_rank(name: str, needle: str) -> int | None:
    """How ``name`` matches the (case-folded) ``needle``: EXACT … FUZZY, or None."""
    folded = " ".join(name.casefold().split())
    if folded == needle:
        return EXACT
    if folded.startswith(needle):
        return WHOLE_WORDS if not folded[len(needle)].isalnum() else PREFIX
    if any(word.startswith(needle) for word in _word_starts(folded)):
        return WORD_PREFIX
    if needle in folded:
        return CONTAINS
    if max(difflib.SequenceMatcher(None, needle, part).ratio() for part in _spans(folded, needle)) >= FUZZY_CUTOFF:
        return FUZZY
    return None


def _spans(text: str, needle: str) -> list[str]:
    """The whole text and each run of as many words as ``needle`` has, to compare a misspelling with."""
    words, size = text.split(), len(needle.split())
    return [text, *(" ".join(words[i:i + size]) for i in range(len(words) - size + 1))]


def _word_starts(text: str) -> list[str]:
    """Every suffix of ``text`` that begins a word (after a space, hyphen, slash or bracket)."""
    return [text[i:] for i in range(1, len(text)) if text[i - 1] in " -/(" and text[i].isalnum()]
