"""Grammar from the data: counts agree, and a link reads right after a plural label."""

from __future__ import annotations

import pytest

from graph import Explorer, ViewSpec
from graph.wording import counted, listed, looks_plural, relative, statement
from tests.helpers import RLS


def test_counts_agree() -> None:
    assert [counted(n, "claim") for n in (0, 1, 2)] == ["0 claims", "1 claim", "2 claims"]


@pytest.mark.parametrize(("items", "text"), [([], ""), (["a"], "a"), (["a", "b"], "a and b"),
                                             (["a", "b", "c"], "a, b and c")])
def test_lists_read_as_a_sentence(items: list[str], text: str) -> None:
    assert listed(items) == text


@pytest.mark.parametrize("label", ["Dopamine-blocking drugs", "SSRIs, SNRIs, tricyclics", "MEIS1 risk variants",
                                   "Sedating (first-generation, brain-penetrant) antihistamines",
                                   "Periodic limb movements of sleep"])
def test_plural_labels_are_recognised(label: str) -> None:
    assert looks_plural(label)


@pytest.mark.parametrize("label", ["Caffeine", "Restless legs syndrome (Willis–Ekbom disease)", "Genetics",
                                   "Chronic venous insufficiency / varicose veins", "Female sex", "Diabetes"])
def test_singular_labels_are_left_alone(label: str) -> None:
    assert not looks_plural(label)


def test_a_plural_subject_takes_a_colon_and_a_plural_antecedent_each_of_which() -> None:
    assert statement("Dopamine-blocking drugs", "worsens", "RLS") == "Dopamine-blocking drugs: worsens RLS"
    assert statement("Caffeine", "worsens", "RLS") == "Caffeine worsens RLS"
    assert relative("Supportive features") == ", each of which" and relative("Iron") == ", which"


def test_the_tooltip_of_a_plural_subject_reads_right() -> None:
    """It once said "Dopamine-blocking drugs worsens Restless legs syndrome"."""
    from graph.present.styled import edge_tooltip

    view = Explorer.from_path(RLS).view(ViewSpec(focus="rls", direction="in"))
    key = ("dopamine_antagonists", "rls", "dopamine_antagonists--worsens--rls")
    tooltip = edge_tooltip(view, key, view.graph.edges[key])
    assert tooltip.startswith("Dopamine-blocking drugs: worsens Restless legs syndrome")
