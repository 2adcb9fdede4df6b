"""What a handout says, once, for every format that writes one (Markdown, DOCX).

:func:`handout_blocks` lists the handout as plain-text blocks (title, disclaimer, picture,
headings, paragraphs and bullets), each made of runs: plain, bold, a bracketed aside or a link.
The Markdown and DOCX writers only render them, so both say the same things in the same order:
the title, the disclaimer, the picture with its short alt text, its long description, the path,
the links into the focus by certainty, the connections as sentences grouped by source, each shown
node's thresholds, the claims checked and the references.

Runs are joined with one space, except before one that starts with closing punctuation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from graph.dataset.model import ABOUT_RELATION, Reference
from graph.export.common import shown_references
from graph.export.describe import alt_text, long_description
from graph.export.tabular import describe_threshold
from graph.network.view import View
from graph.present import style
from graph.present.details import grade_words
from graph.present.ranked import ranked_links
from graph.wording import statement

CLOSING = tuple(".,:;)")


@dataclass(frozen=True)
class Run:
    """A stretch of text: ``bold``, an ``aside`` (shown in brackets) or a ``link`` to follow."""

    text: str
    bold: bool = False
    aside: bool = False
    link: str = ""


@dataclass(frozen=True)
class Block:
    """One paragraph of a handout: its role (title, quote, picture, heading, subheading, paragraph
    or bullet) and its runs."""

    role: str
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        """The block as plain text, asides in brackets."""
        return joined(f"({run.text})" if run.aside else run.text for run in self.runs)


def joined(parts: Iterable[str]) -> str:
    """Texts joined with one space, none before closing punctuation."""
    return "".join(space_before(index, part) + part for index, part in enumerate(parts))


def space_before(index: int, text: str) -> str:
    """The space before the ``index``-th part of a block: none first or before closing punctuation."""
    return "" if index == 0 or text.startswith(CLOSING) else " "


def block(role: str, *runs: Run | str) -> Block:
    """A block from runs, plain texts given as strings; empty runs are dropped."""
    return Block(role, tuple(run if isinstance(run, Run) else Run(run) for run in runs if _text(run)))


def _text(run: Run | str) -> str:
    return run.text if isinstance(run, Run) else run


def handout_blocks(view: View) -> list[Block]:
    """Every block of the handout of ``view``, in order."""
    disclaimer = view.dataset.meta.disclaimer
    return [block("title", view.title), *([block("quote", disclaimer)] if disclaimer else []),
            block("picture", alt_text(view)), block("heading", "About the picture"),
            block("paragraph", long_description(view)), *_paths(view), *_ranked(view), *_connections(view),
            *_thresholds(view), *_claims(view), *_references(view)]


def _paths(view: View) -> list[Block]:
    if not view.path_sentences:
        return []
    return [block("heading", "Path"), *(block("bullet", sentence) for sentence in view.path_sentences)]


def _ranked(view: View) -> list[Block]:
    """The links into the focus by certainty, as beside the app's picture (when relations meet there)."""
    ranked = ranked_links(view)
    if not ranked:
        return []
    blocks = [block("heading", ranked.title)]
    for group in ranked.groups:
        blocks += [block("paragraph", Run(group.heading, bold=True)),
                   *(block("bullet", item.label, ":", item.phrase) for item in group.items)]
    return blocks


def _connections(view: View) -> list[Block]:
    """A subheading per source node, then one sentence per link it starts, in graph order."""
    groups: dict[str, list[Block]] = defaultdict(list)
    for source, target, data in view.graph.edges(data=True):
        if data["relation"] != ABOUT_RELATION:
            groups[source].append(block("bullet", *connection_runs(view, source, target, data)))
    blocks = [block("heading", "Connections")] if groups else []
    for source in (node for node in view.graph if node in groups):
        blocks += [block("subheading", view.graph.nodes[source]["label"]), *groups[source]]
    return blocks


def connection_runs(view: View, source: str, target: str, data: dict) -> tuple[Run, ...]:
    """E.g. ``Low iron leads to Brain iron deficiency (Cohort study, moderate certainty; ref2).``"""
    nodes, dataset = view.graph.nodes, view.dataset
    level = dataset.evidence_level(data["evidence"])
    evidence = level.label if level.claim_only else f"{level.label}, {grade_words(dataset, level.certainty)}"
    phrase = style.relation_phrase(dataset, data["relation"])
    text = statement(nodes[source]["label"], phrase, nodes[target]["label"])
    return Run(text), Run("; ".join([evidence, *data["references"]]), aside=True), Run(".")


def _thresholds(view: View) -> list[Block]:
    """Each shown node's cut-offs, e.g. ``Serum ferritin ≤ 75 ng/mL (adults): give iron [ref1]``."""
    bullets = [block("bullet", Run(data["label"], bold=True), describe_threshold(row))
               for _, data in view.graph.nodes(data=True) for row in data["thresholds"]]
    return [block("heading", "Thresholds"), *bullets] if bullets else []


def _claims(view: View) -> list[Block]:
    claims = [data for _, data in view.graph.nodes(data=True) if "verdict" in data]
    return [block("heading", "Claims checked"), *map(_claim, claims)] if claims else []


def _claim(data: dict) -> Block:
    sources = "; ".join([f"claimed by {data['source']}", *data["references"]])
    return block("bullet", Run(style.VERDICT_STYLES[data["verdict"]].label, bold=True), ":", data["summary"],
                 Run(sources, aside=True), data["text"])


def _references(view: View) -> list[Block]:
    references = shown_references(view)
    return [block("heading", "References"), *map(_reference, references)] if references else []


def _reference(reference: Reference) -> Block:
    label = (f"doi:{reference.doi}" if reference.doi else reference.link) if reference.link else ""
    return block("bullet", Run(reference.id, bold=True), ":", reference.citation, Run(label, link=reference.link),
                 "(needs verification)" if reference.needs_verification else "")
