"""A class's concept maps laid over one another: who drew which link, and the common misconceptions.

Kit-Build's diagnosis for a whole class: every link any student drew, with how many drew it and
what the map says of it; the links drawn that the map does not state (reversed, with another
relation, or not there at all), most common first, which is where to start the next lesson; and a
row per student with their precision and recall. The rows are plain data; the command line writes
them with the CSV export's writer, which keeps a label that starts like a formula inert.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from graph.teaching.concept_map import Proposition, StudentMap
from graph.teaching.map_scoring import MISSING, RIGHT, VERDICT_WORDS, MapScore

Row = dict[str, str | int | float | bool]


@dataclass(frozen=True)
class OverlayLink:
    """One link, how many students drew it, and its verdict."""

    link: Proposition
    students: int
    verdict: str


@dataclass(frozen=True)
class ClassOverlay:
    """Every drawn link (most drawn first) and every student's score."""

    links: tuple[OverlayLink, ...]
    students: tuple[tuple[str, StudentMap, MapScore], ...]

    @property
    def misconceptions(self) -> tuple[OverlayLink, ...]:
        """Links drawn that the map does not state, most common first."""
        return tuple(link for link in self.links if link.verdict not in (RIGHT, MISSING))


def class_overlay(scored: list[tuple[str, StudentMap, MapScore]]) -> ClassOverlay:
    """The overlay of ``scored`` maps: (student name, map, its score), in the order given."""
    counts: Counter[Proposition] = Counter()
    verdicts: dict[Proposition, str] = {}
    for _, _, score in scored:
        for item in score.verdicts:
            drawn = item.verdict != MISSING
            if drawn or item.link not in verdicts:  # a link drawn by anyone is judged as drawn
                verdicts[item.link] = item.verdict
            counts[item.link] += drawn
    ordered = sorted(verdicts, key=lambda link: (-counts[link], link))
    return ClassOverlay(tuple(OverlayLink(link, counts[link], verdicts[link]) for link in ordered), tuple(scored))


LINK_COLUMNS = ("source", "relation", "target", "students", "of", "verdict")
STUDENT_COLUMNS = ("student", "level", "drawn", "right", "missing", "precision", "recall")


def overlay_link_rows(overlay: ClassOverlay, labels: dict[str, str], phrases: dict[str, str]) -> list[Row]:
    """The links as table rows: source, relation, target (as read), students who drew it, verdict."""
    return [dict(zip(LINK_COLUMNS, (labels[s], phrases[r], labels[t], link.students, len(overlay.students),
                                    VERDICT_WORDS[link.verdict]), strict=True))
            for link in overlay.links for s, r, t in [link.link]]


def overlay_student_rows(overlay: ClassOverlay) -> list[Row]:
    """One row per student: level, links drawn, right, missing, precision and recall."""
    return [dict(zip(STUDENT_COLUMNS, (name, mapped.level, score.drawn, score.right, len(score.of(MISSING)),
                                       f"{score.precision:.2f}", f"{score.recall:.2f}"), strict=True))
            for name, mapped, score in overlay.students]
