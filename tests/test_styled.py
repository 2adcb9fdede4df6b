"""The styled view: one record per node and edge saying how it is drawn, for every renderer."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from graph import Explorer, ViewSpec
from graph.network.layout import Positions
from graph.present import style
from graph.present.placement import MAX_ZOOM, SCREENS, WIDE, Canvas, fit_scale
from graph.present.styled import CLUSTER_KIND, EMPHASES, StyledView, styled_view
from tests.helpers import RLS, ROOT, explorer

PHOTOSYNTHESIS = ROOT / "data" / "photosynthesis.yaml"


@cache
def rls() -> Explorer:
    return Explorer.from_path(RLS)


def test_evidence_is_one_line_style_per_certainty_grade_and_the_level_stays_in_the_tooltip() -> None:
    view = rls().view(ViewSpec(claims=True))
    edges = styled_view(view).edges
    looks = {(edge.dashes, edge.colour, edge.width) for edge in edges}
    assert len({edge.tier for edge in edges}) == len(looks) >= 4  # one look per grade, one grade per look
    trial = next(e for e in edges if e.evidence == "Randomised trial")
    assert trial.tier == "moderate" and trial.dashes == style.DASHES["dashed"]
    assert "Evidence: Randomised trial; Moderate certainty (dashed)" in trial.tooltip
    seed = next(e for e in edges if e.evidence == "Clinic article only (disputed)")
    assert seed.tier == "claim" and seed.colour == style.CLAIM_EDGE_COLOUR


def test_a_good_practice_statement_is_not_drawn_as_graded_evidence() -> None:
    """Caffeine → RLS rests on an ungraded good-practice statement; it was once drawn solid, as strong."""
    edges = {e.id: e for e in styled_view(rls().view(ViewSpec(focus="rls", direction="in"))).edges}
    caffeine, iron = edges["caffeine--worsens--rls"], edges["iron_deficiency--risk_factor_for--rls"]
    assert caffeine.tier == "not-graded" and caffeine.dashes is not None
    assert iron.tier == "low"
    grades = [tier.id for tier in style.tiers(rls().dataset)]
    assert grades.index(iron.tier) <= grades.index(caffeine.tier)


def test_negative_and_contrasting_relations_do_not_end_in_an_arrowhead() -> None:
    edges = {e.id: e for e in styled_view(rls().view(ViewSpec())).edges}
    assert edges["peripheral_artery_disease--not_associated_with--rls"].end == "bar"
    assert edges["iron_deficiency--risk_factor_for--rls"].end == "arrow"
    assert any(e.end == "bars" for e in edges.values())


def test_tier_follows_the_level_certainty_and_claim_only() -> None:
    dataset = explorer().dataset
    assert [style.evidence_tier(dataset, level).id for level in ("trial", "cohort", "claimed", "")] == [
        "high", "moderate", "claim", "claim"]


def test_a_dataset_without_a_certainty_scale_gets_grade_and_a_custom_one_keeps_its_own() -> None:
    assert [grade.id for grade in explorer().dataset.certainty] == [
        "high", "moderate", "low", "very-low", "not-graded"]
    own = Explorer.from_path(PHOTOSYNTHESIS).dataset
    assert [tier.label for tier in style.tiers(own)] == [
        "Established (solid)", "Simplified (dashed)", "Claim only (dash-dot, grey)"]


def test_claims_look_like_no_kind_and_carry_the_verdict_as_colour_and_word() -> None:
    view = explorer().view(ViewSpec(claims=True))
    styled = styled_view(view)
    kind_looks = {(k.shape, None) for k in view.dataset.kinds}
    claim = styled.node("claim1")
    assert (claim.shape, claim.border_dashes) not in kind_looks
    assert claim.border == style.VERDICT_STYLES["contradicted"].colour
    assert claim.label.startswith("[Contradicted]")
    supported, pill = styled.node("claim2"), styled.node("pill")
    assert supported.colour != pill.colour  # a supported claim is not drawn like a treatment
    assert "Source: A clinic's web page." in claim.tooltip


@pytest.mark.parametrize("path", [RLS, PHOTOSYNTHESIS])
def test_path_colour_differs_from_every_kind_and_verdict_colour(path: Path) -> None:
    dataset = Explorer.from_path(path).dataset
    used = {k.colour.upper() for k in dataset.kinds} | {v.colour.upper() for v in style.VERDICT_STYLES.values()}
    assert style.PATH_COLOUR.upper() not in used


def test_path_view_emphasises_the_path_and_dims_the_rest() -> None:
    view = rls().view(ViewSpec(path_from="iron_deficiency", path_to="iv_ferric_carboxymaltose"))
    styled = styled_view(view)
    assert {n.emphasis for n in styled.nodes} <= set(EMPHASES)
    on_path = {n.id for n in styled.nodes if n.emphasis == "path"}
    assert on_path == view.path_nodes
    assert all(n.emphasis == "dimmed" for n in styled.nodes if n.id not in on_path)
    path_edges = [e for e in styled.edges if e.emphasis == "path"]
    assert path_edges and all(e.colour == style.PATH_COLOUR for e in path_edges)
    assert all(e.opacity < 1 for e in styled.edges if e.emphasis == "dimmed")


def test_a_big_neighbourhood_is_grouped_into_clusters_that_open() -> None:
    view = rls().view(ViewSpec(focus="rls"))
    styled = styled_view(view)
    clusters = {c.id: c for c in styled.clusters}
    assert clusters, "76 neighbours must not be drawn one by one"
    closed = [n for n in styled.nodes if n.cluster is None]
    assert len(closed) <= 24
    members = [m for c in styled.clusters for m in c.members]
    assert len(members) == len(set(members)) and set(members) <= set(view.graph)
    assert all(styled.node(m).cluster == c.id for c in styled.clusters for m in c.members)
    for cluster in styled.clusters:
        node = styled.node(cluster.id)
        assert node.kind == CLUSTER_KIND and node.label.startswith(f"{len(cluster.members)} ×")
        shown = {n.id for n in closed if n.id != cluster.id} | set(cluster.members)
        assert set(cluster.positions) == shown
        assert len(set(cluster.positions.values())) == len(shown)  # nobody on top of anybody


def test_cluster_edges_stand_for_their_members_and_hide_them() -> None:
    styled = styled_view(rls().view(ViewSpec(focus="rls")))
    summaries = [e for e in styled.edges if e.members]
    hidden = {e.id for e in styled.edges if e.cluster}
    assert summaries and {m for e in summaries for m in e.members} <= hidden
    assert all(e.label == (f"{len(e.members)} links" if len(e.members) > 1 else "1 link") for e in summaries)
    assert any(len(e.members) == 1 for e in summaries)


def test_small_focus_views_are_not_clustered_and_renderers_may_refuse_clusters() -> None:
    assert styled_view(rls().view(ViewSpec(focus="iron_deficiency"))).clusters == ()
    assert styled_view(rls().view(ViewSpec(focus="rls")), cluster_above=None).clusters == ()


def test_overview_groups_big_kinds_keeps_the_conditions_and_heads_its_columns() -> None:
    styled = styled_view(rls().view())
    shown = [n for n in styled.nodes if n.cluster is None]
    assert len(shown) <= 20 and {"rls", "plmd"} <= {n.id for n in shown}
    texts = [h.text for h in styled.headings]
    assert texts[0].startswith("Cause") and "Treatment" in texts[-1]
    assert [h.x for h in styled.headings] == sorted(h.x for h in styled.headings)
    top = min(n.position[1] for n in shown)
    assert all(h.y < top for h in styled.headings)


def test_legend_has_one_entry_per_certainty_grade_naming_its_levels() -> None:
    legend = styled_view(rls().view(ViewSpec(claims=True))).legend
    assert [e.label for e in legend.evidence] == [
        "Moderate certainty (dashed)", "Low certainty (dotted)", "Very low certainty (widely spaced dots)",
        "Not graded (dash-dot-dot)", "Claim only (dash-dot, grey)"]
    assert "Randomised trial" in legend.evidence[0].levels
    assert [e.end for e in legend.ends] == ["arrow", "bar", "bars"]
    assert legend.verdicts and all(v.fill != v.colour for v in legend.verdicts)


def test_the_exports_of_one_view_resolve_its_look_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from graph.export import export_bytes
    from graph.present import styled

    resolved: list[int | None] = []
    resolve = styled._resolve
    monkeypatch.setattr(styled, "_resolve",
                        lambda view, above, screen: resolved.append(above) or resolve(view, above, screen))
    view = explorer().view(ViewSpec(claims=True, focus="low_iron"))
    for fmt in ("graphml", "gexf", "csv", "json"):
        export_bytes(view, fmt)
    assert resolved == [None]
    assert styled_view(view) is styled_view(view) and styled_view(view) is not styled_view(view, cluster_above=None)
    assert styled_view(explorer().view(ViewSpec(claims=True))) is not styled_view(view)


def drawn_px(styled: StyledView, nodes: set[str], positions: Positions, canvas: Canvas) -> float:
    """The smallest label size of ``nodes`` when the page fits them to ``canvas``, as the layout estimates it."""
    font = min(n.font_size for n in styled.nodes if n.id in nodes)
    return font * min(fit_scale({n: positions[n] for n in nodes}, styled.extents, canvas), MAX_ZOOM)


@pytest.mark.parametrize("query", [{}, {"from": "iron_deficiency", "to": "iv_ferric_carboxymaltose"}])
def test_a_phone_overview_or_path_is_a_few_big_groups_in_rows_that_read_on_its_canvas(query: dict) -> None:
    view = rls().view(ViewSpec.from_query(query))
    phone = SCREENS["narrow"]
    styled = styled_view(view, screen=phone)
    shown = {n.id: n.position for n in styled.nodes if n.cluster is None}
    assert set(shown) - {c.id for c in styled.clusters} <= view.path_nodes  # every kind off the path is a group
    assert styled.headings == ()
    assert drawn_px(styled, set(view.path_nodes) or set(shown), shown, phone.canvas) >= 11
    assert styled_view(view).headings or view.paths  # a wide screen keeps the columns and their headings


def test_claims_are_grouped_by_verdict_and_an_open_group_of_them_reads_on_the_canvas() -> None:
    styled = styled_view(rls().view(ViewSpec(claims=True)))
    claims = [c for c in styled.clusters if c.kind == "claim"]
    assert {c.label.split(" × ")[1] for c in claims} == {"Partly supported claim", "Supported claim",
                                                         "Unsupported claim"}
    biggest = max(claims, key=lambda c: len(c.members))
    assert {styled.view.graph.nodes[m]["verdict"] for m in biggest.members} == {"partly-supported"}
    assert drawn_px(styled, set(biggest.members), biggest.positions, WIDE.canvas) >= 11
