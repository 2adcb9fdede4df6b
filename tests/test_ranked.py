"""The links into a focus ranked by certainty: the list beside "What causes RLS?"."""

from __future__ import annotations

from graph import Explorer, ViewSpec
from graph.present.ranked import NOT_FOUND, RankedGroup, RankedItem, RankedLinks, ranked_links, ranked_markdown
from tests.helpers import RLS, explorer

WHAT_CAUSES_RLS = ViewSpec(focus="rls", direction="in", kinds=("cause",))


def test_what_causes_rls_is_answered_by_certainty_with_the_null_finding_last() -> None:
    ranked = ranked_links(Explorer.from_path(RLS).view(WHAT_CAUSES_RLS))
    assert ranked is not None and ranked.title.endswith("Restless legs syndrome (Willis–Ekbom disease), by certainty")
    headings = [group.heading for group in ranked.groups]
    assert headings[-1] == NOT_FOUND
    assert [item.node for item in ranked.groups[-1].items] == ["peripheral_artery_disease"]
    where = {item.node: index for index, group in enumerate(ranked.groups) for item in group.items}
    assert where["iron_deficiency"] <= where["caffeine"]
    assert headings.index("Not graded (dash-dot-dot)") == where["caffeine"]


def test_one_relation_into_the_focus_needs_no_list() -> None:
    assert ranked_links(explorer().view(ViewSpec(focus="brain_iron", direction="in"))) is None
    assert ranked_links(explorer().view(ViewSpec())) is None


def test_the_list_escapes_dataset_text() -> None:
    ranked = ranked_links(Explorer.from_path(RLS).view(WHAT_CAUSES_RLS))
    assert ranked is not None
    text = ranked_markdown(ranked)
    assert "**Low certainty (dotted)**" in text and "- Caffeine: worsens" in text
    assert "Chronic venous insufficiency / varicose veins" in text and "(≈164 loci)" in text


def test_dataset_markup_in_the_list_stays_text() -> None:
    hostile = RankedLinks("t", (RankedGroup("<b>Low</b>", (RankedItem("x", "<img src=x onerror=alert(1)>", "*is*"),)),))
    text = ranked_markdown(hostile)
    assert "<" not in text.replace("\\<", "") and "\\*is\\*" in text
