"""Find nodes by name, best match first: the one search behind every place a person names a node.

The ranking ladder, each rung above the next:

1. ``EXACT``: the text is a node's label or one of its aliases ("RLS", "iron deficiency").
2. ``WHOLE_WORDS``: the text's words appear, whole and in order, in a name ("restless" →
   *Restless legs syndrome*; "iron" offers every node with the word iron).
3. ``PREFIX``: the same, with the last word only begun ("augm" → *Dopaminergic augmentation*).
4. ``MISSPELT``: a run of a name's words is a few edits away from the text ("feritin" →
   *Serum ferritin*): one edit per four characters typed, none under four.
5. ``SUMMARY``: every word of the text (whole or begun) is among the node's names and summary
   together ("ferritin level").

Ties within a rung are broken, in order, by: closeness (fewer edits for a misspelling, then fewer of
the name's words left out of the match; more of the
text's words in the names for a summary match); a match at the start of a name before one
inside it; the better-connected node (more links in the dataset: the likelier meaning); the
shorter name matched; the node id. Text is compared folded: accents dropped, lower case, words
split at anything that is not a letter or digit, so "Willis-Ekbom" equals "willis ekbom".
Claims are not searched: they are statements, not things.

``graph/export/templates/lesson.js`` ranks the same way for the lesson page; both are tested
against one table of cases (``tests/data/search_cases.json``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from graph.dataset.model import Dataset

EXACT, WHOLE_WORDS, PREFIX, MISSPELT, SUMMARY = range(5)
CHARACTERS_PER_EDIT = 4
MAX_HITS = 12
LEFTOVER_WEIGHT = 64  # a misspelling's closeness: its edits first, then how many words of the name it leaves out
EDITS_KEPT = 1 << 16
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class SearchEntry:
    """What search knows of a node: its names and summary, as typed and as folded words."""

    node: str
    label: str
    aliases: tuple[str, ...]
    summary: str
    links: int

    @property
    def names(self) -> tuple[str, ...]:
        return self.label, *self.aliases

    @cached_property
    def folded_names(self) -> tuple[tuple[str, ...], ...]:
        """Each name as folded words (see :func:`words`), computed once."""
        return tuple(words(name) for name in self.names)

    @cached_property
    def name_words(self) -> frozenset[str]:
        return frozenset(word for name in self.folded_names for word in name)

    @cached_property
    def every_word(self) -> frozenset[str]:
        """The words of the names and the summary together (the last rung's haystack)."""
        return self.name_words | frozenset(words(self.summary))


@dataclass(frozen=True)
class SearchHit:
    """A node that matches, the name that matched (label or alias) and how well."""

    node: str
    label: str
    matched: str
    rank: int
    links: int = 0
    closeness: int = 0
    offset: int = 0

    @property
    def via_alias(self) -> bool:
        return self.matched != self.label

    @property
    def order(self) -> tuple[int, int, bool, int, int, str]:
        """The sort key: rung, closeness, start of a name first, links, name length, id."""
        return self.rank, self.closeness, self.offset > 0, -self.links, len(self.matched), self.node


def search_entries(dataset: Dataset) -> tuple[SearchEntry, ...]:
    """Every node of ``dataset`` as search sees it, with its number of links."""
    links = dict.fromkeys((node.id for node in dataset.nodes), 0)
    for edge in dataset.edges:
        links[edge.source] += 1
        links[edge.target] += 1
    return tuple(SearchEntry(node.id, node.label, tuple(node.aliases), node.summary, links[node.id])
                 for node in dataset.nodes)


def example_name(entries: Iterable[SearchEntry], longest: int = 20) -> str | None:
    """A name to offer as an example of what to type, so the search box's hint belongs to the
    dataset on screen: the label of the most linked node whose label is short enough to type
    (ties by label), else the shortest label."""
    ordered = sorted(entries, key=lambda entry: (-entry.links, entry.label))
    short = [entry.label for entry in ordered if 0 < len(entry.label.strip()) <= longest]
    labels = [entry.label for entry in ordered if entry.label.strip()]
    return short[0] if short else min(labels, key=len, default=None)


def search(entries: Iterable[SearchEntry], text: str, limit: int = MAX_HITS) -> list[SearchHit]:
    """The entries that match ``text``, best first (see the module's ladder), at most ``limit``."""
    wanted = words(text)
    if not wanted:
        return []
    found = [hit for entry in entries if (hit := best_hit(entry, wanted)) is not None]
    return sorted(found, key=lambda hit: hit.order)[:limit]


def words(text: str) -> tuple[str, ...]:
    """``text`` folded into words: accents dropped, lower case, split at non-alphanumerics."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(char for char in decomposed if not unicodedata.combining(char))
    return tuple(_WORD.findall(text.lower()))


def best_hit(entry: SearchEntry, wanted: tuple[str, ...]) -> SearchHit | None:
    """The best way ``entry`` matches the folded words ``wanted``, or None."""
    hits = [hit for name, folded in zip(entry.names, entry.folded_names, strict=True)
            if (hit := _name_hit(entry, name, folded, wanted)) is not None]
    if hits:
        return min(hits, key=lambda hit: hit.order)
    return _summary_hit(entry, wanted)


def _name_hit(entry: SearchEntry, name: str, folded: tuple[str, ...], wanted: tuple[str, ...]) -> SearchHit | None:
    """How one name (``folded`` into words) matches: exact, whole words, prefix or misspelt."""
    found = name_match(folded, wanted)
    if found is None:
        return None
    rank, closeness, offset = found
    return SearchHit(entry.node, entry.label, name, rank, entry.links, closeness, offset)


def name_match(name: tuple[str, ...], wanted: tuple[str, ...]) -> tuple[int, int, int] | None:
    """(rung, closeness, offset of the first matching word) of the folded ``name``, or None."""
    if name == wanted:
        return EXACT, 0, 0
    size = len(wanted)
    windows = [name[start:start + size] for start in range(len(name) - size + 1)]
    for rank, test in ((WHOLE_WORDS, _is_whole), (PREFIX, _is_prefix)):
        offset = next((start for start, window in enumerate(windows) if test(window, wanted)), None)
        if offset is not None:
            return rank, 0, offset
    return _misspelt(windows, " ".join(wanted))


def _is_whole(window: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    return window == wanted


def _is_prefix(window: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    return window[:-1] == wanted[:-1] and window[-1].startswith(wanted[-1])


def _misspelt(windows: list[tuple[str, ...]], typed: str) -> tuple[int, int, int] | None:
    """The closest window within the edits allowed for ``typed``: (MISSPELT, edits, offset)."""
    allowed = len(typed) // CHARACTERS_PER_EDIT
    near = [(offset, window) for offset, window in enumerate(windows)
            if abs(sum(map(len, window)) + len(window) - 1 - len(typed)) <= allowed]
    scored = [(edits * LEFTOVER_WEIGHT + len(windows) - 1, offset) for offset, window in near
              if (edits := edit_distance(" ".join(window), typed, allowed)) <= allowed]
    return (MISSPELT, *min(scored)) if scored else None


@lru_cache(maxsize=EDITS_KEPT)
def edit_distance(first: str, second: str, cap: int) -> int:
    """Edits (insert, delete, replace, swap two neighbours) from ``first`` to ``second``;
    anything over ``cap`` is reported as ``cap + 1`` without being computed in full. Kept for
    the words a dataset repeats (thousands of names share a few hundred words)."""
    if abs(len(first) - len(second)) > cap:
        return cap + 1
    two_back: list[int] = []
    before = list(range(len(second) + 1))
    for i, a in enumerate(first, start=1):
        row = [i] + [0] * len(second)
        for j, b in enumerate(second, start=1):
            row[j] = min(before[j] + 1, row[j - 1] + 1, before[j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                row[j] = min(row[j], two_back[j - 2] + 1)
        if min(row) > cap:
            return cap + 1
        two_back, before = before, row
    return min(before[-1], cap + 1)


def _summary_hit(entry: SearchEntry, wanted: tuple[str, ...]) -> SearchHit | None:
    """A match of every wanted word among the names and summary together, or None."""
    if not all(_begins_any(word, entry.every_word) for word in wanted):
        return None
    named = sum(_begins_any(word, entry.name_words) for word in wanted)
    return SearchHit(entry.node, entry.label, entry.label, SUMMARY, entry.links, -named, 0)


def _begins_any(word: str, candidates: frozenset[str]) -> bool:
    return any(candidate.startswith(word) for candidate in candidates)
