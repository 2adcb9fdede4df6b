"""The view's URL form round-trips exactly."""

from __future__ import annotations

import pytest

from graph import ViewSpec, ViewSpecError

SPECS = [
    ViewSpec(),
    ViewSpec(focus="a", depth=3, direction="in", kinds=("x", "y"), relations=("r",), evidence="e",
             claims=True, layout="force", path_from="a", path_to="b"),
]


@pytest.mark.parametrize("spec", SPECS)
def test_query_round_trip(spec: ViewSpec) -> None:
    assert ViewSpec.from_query(spec.to_query()) == spec


def test_query_uses_short_public_names_and_omits_defaults() -> None:
    assert ViewSpec(path_from="a", path_to="b", claims=True).to_query() == {"from": "a", "to": "b", "claims": "on"}
    assert ViewSpec().to_query() == {}


def test_bad_query_values_raise_view_errors() -> None:
    with pytest.raises(ViewSpecError, match="cannot read the view from the link"):
        ViewSpec.from_query({"depth": "deep"})
    with pytest.raises(ViewSpecError, match="claims must be 'on' or 'off'"):
        ViewSpec.from_query({"claims": "maybe"})
    assert ViewSpec.from_query({"dataset": "rls", "utm": "x"}) == ViewSpec()


def test_half_a_path_names_its_missing_end() -> None:
    assert ViewSpec(path_from="a").missing_path_end == "path_to"
    assert ViewSpec(path_to="b").missing_path_end == "path_from"
    assert ViewSpec(path_from="a", path_to="b").missing_path_end is None
    assert ViewSpec().missing_path_end is None
