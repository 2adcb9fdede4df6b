"""Details panel rows, search, the text alternative and the evidence guide."""

from __future__ import annotations

from graph import Explorer, ViewSpec, load_bytes
from graph.export.tabular import describe_threshold
from graph.network.search import search_entries
from graph.present.details import Connection, LinkRow, ThresholdRow, connection_rows, node_details, view_table
from graph.present.guide import evidence_guide
from graph.present.markdown import escape_markdown
from graph.present.styled import styled_view
from tests.helpers import RLS, TINY, explorer

CHECKED_OR_NOT = """    thresholds:
      - {operator: "<", value: 1, meaning: cites an unchecked source, references: [ref2]}
      - {operator: "<", value: 2, meaning: flagged, references: [ref1], verification: secondary}
      - {operator: "<", value: 3, meaning: cites nothing; its node cites a checked source}
      - {operator: "<", value: 4, meaning: checked by hand, references: [ref2], verification: verified}
"""


def test_node_details_show_thresholds_facts_and_references() -> None:
    details = node_details(explorer().dataset, explorer().graph, "pill")
    assert details.thresholds[1] == ThresholdRow("75–100 ng/mL", "adults", "IV iron only", (), False)
    assert ("dose mg", "65") in details.facts
    assert details.references == ["ref1: Doe J. A trial. J Test. 2020;1:1-2. https://doi.org/10.1000/test.1"]


def test_a_threshold_says_when_nobody_has_checked_it() -> None:
    """Its own flag wins; else its references decide, or its node's when it cites none."""
    text = TINY.read_text(encoding="utf-8")
    start = text.index("    thresholds:\n")
    end = text.index("  - {id: bad_blood")
    dataset = load_bytes((text[:start] + CHECKED_OR_NOT + text[end:]).encode(), "checked.yaml")
    graph = Explorer(dataset).graph
    rows = node_details(dataset, graph, "pill").thresholds
    assert [row.needs_verification for row in rows] == [True, True, False, False]
    phrases = [describe_threshold(t) for t in graph.nodes["pill"]["thresholds"]]
    assert phrases[0] == "< 1: cites an unchecked source [ref2] (needs verification)"
    assert phrases[3] == "< 4: checked by hand [ref2]"


def test_connections_are_grouped_by_phrase_read_from_the_node() -> None:
    rows = connection_rows(explorer().dataset, explorer().graph, "disease")
    assert set(rows) == {"has as a mechanism", "is treated by", "is caused by", "has claims about it"}
    evidence = "Randomised trial (high certainty); strong recommendation for (adults)"
    assert rows["is treated by"][0] == Connection("pill", "Iron pill", evidence, "", ("ref1",))


def test_a_claim_is_headed_by_its_statement_with_its_verdict_beside_it() -> None:
    """A claim's heading was once its id ("Claim claim1") and its verdict a grey caption."""
    details = node_details(explorer().dataset, explorer().graph, "claim1")
    assert (details.label, details.verdict) == ("Bad blood flow causes the disease.", "Contradicted")
    assert "verdict" not in details.kind_label


def test_a_nodes_list_of_claims_gives_each_verdict() -> None:
    rows = connection_rows(explorer().dataset, explorer().graph, "pill")["has claims about it"]
    assert [(row.label, row.verdict) for row in rows] == [("Iron pills help.", "Supported")]


def test_unverified_references_are_marked() -> None:
    details = node_details(explorer().dataset, explorer().graph, "low_iron")
    assert details.needs_verification and details.references[0].endswith("[needs verification]")


def test_text_alternative_lists_every_visible_link() -> None:
    view = explorer().view(ViewSpec(focus="disease"))
    rows = view_table(view)
    assert len(rows) == view.graph.number_of_edges()
    assert LinkRow("Iron pill", "treats", "The disease", "the link holds",
                   "Randomised trial (high certainty); strong recommendation for (adults)", ("ref1",)) in rows
    assert rows[0].cells.keys() == {"From", "Relation", "To", "Finding", "Evidence", "References"}


def test_guide_lists_levels_strongest_first_and_verdicts() -> None:
    guide = evidence_guide(explorer().dataset)
    assert guide.index("Randomised trial") < guide.index("Cohort study") < guide.index("Claimed only")
    assert "**Contradicted**" in guide


def test_guide_and_legend_use_the_same_words_for_the_same_line() -> None:
    """The guide once called claim-only links "dotted" while the legend said "dash-dot, grey"."""
    view = Explorer.from_path(RLS).view(ViewSpec(claims=True))
    guide = evidence_guide(view.dataset)
    for entry in styled_view(view).legend.evidence:
        assert f"| {escape_markdown(entry.label)} |" in guide
    assert "dotted lines" not in guide and "dash-dot, grey lines" in guide
    assert all(end.label in guide for end in styled_view(view).legend.ends)


def test_markdown_escaping_keeps_plain_text_readable() -> None:
    assert escape_markdown("<b>*x*</b> [a](b) $1 ~~s~~") == "\\<b\\>\\*x\\*\\</b\\> \\[a\\](b) \\$1 \\~\\~s\\~\\~"
    assert escape_markdown("Iron (oral), 65 mg.") == "Iron (oral), 65 mg."
    assert escape_markdown("- item") == "\\- item" and escape_markdown("12. item") == "12\\. item"


def test_explorer_builds_its_search_entries_once() -> None:
    assert explorer().search_entries is explorer().search_entries
    assert explorer().search_entries == search_entries(explorer().dataset)
