"""Content rules for the bundled restless legs syndrome dataset (``data/rls``).

Each rule is a small function that reads the loaded :class:`~graph.dataset.model.Dataset` and returns what
breaks it (an empty result means the rule holds). The tests apply the rules to the bundled data,
and ``test_rules_report_a_broken_copy`` applies them to a deliberately broken copy, so a rule that
could never fail would be caught.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from pathlib import Path

import pytest
import yaml

from graph import build_graph, lint_dataset, load_dataset
from graph.dataset.lint import cited_references, student_texts
from graph.dataset.model import CLAIM_KIND, VERDICTS, Claim, Dataset, Edge, Node, Threshold
from graph.errors import ValidationError

DATA = Path(__file__).resolve().parent.parent / "data" / "rls"
DATA_README = DATA.parent / "README.md"

REQUIRED_KINDS = (
    "condition", "complication", "cause", "mechanism", "feature", "test", "treatment", "lifestyle",
    "mimic",
)
DISPUTING_VERDICTS = ("unsupported", "contradicted")
CAUSAL_RELATIONS = ("causes", "leads_to", "mechanism_of", "risk_factor_for", "treats", "worsens")
DISPUTED_VASCULAR_SOURCES = (
    "peripheral_artery_disease", "chronic_venous_insufficiency", "hypertension_cvd", "dehydration",
    "seed_ischemic_nerve_hypothesis", "endovascular_arterial_revascularization",
    "vascular_risk_drugs",
)
DOPAMINE_AGONISTS = ("pramipexole", "ropinirole", "rotigotine")
# Relations that state a finding against a link; a disputed claim may point at them as the
# evidence it fails against.
NEGATING_RELATIONS = (
    "not_associated_with", "not_diagnostic_for", "insufficient_evidence_for", "not_sufficient_for",
)
# The certainty grade each evidence level must have (GRADE: trials start high and are rated down
# for limitations; observational data start low; mechanistic data are indirect; good-practice
# statements, consensus and expert knowledge are deliberately not graded).
EXPECTED_GRADES = {
    "guideline-strong": "moderate", "guideline-conditional": "moderate", "rct": "moderate",
    "regulatory": "moderate", "validated-instrument": "moderate", "genetic-association": "moderate",
    "guideline-conditional-low": "low", "guideline-other": "low", "observational": "low",
    "mechanistic": "very-low", "guideline-gps": "not-graded", "consensus": "not-graded",
    "expert-knowledge": "not-graded", "expert-opinion": "not-graded",
}
# How the authors talked to each other while building the graph; students should never read it.
AUTHORING_WORDS = (
    "fact sheet", "closest reference", "not verified", "unverified", "not checked", "second-hand",
    "as far as we know", "not captured", "textbook fact", "to be checked",
)
RECOMMENDATION_RELATIONS = ("recommended_for", "suggested_for", "suggested_against", "recommended_against")
# Relations that say something helps RLS, and the reference kinds that can carry such a claim.
TREATMENT_RELATIONS = ("treats", "reduces", "recommended_for", "suggested_for")
CONTROLLED_EVIDENCE_KINDS = ("trial", "guideline", "consensus")
# Links whose support is one small trial, whatever grade a guideline gave it.
SINGLE_TRIAL_EDGES = (
    "pneumatic_compression--treats--rls", "moderate_exercise--reduces--rls", "yoga--reduces--rls",
)
# A population names who advice is for; cut-offs and lab values belong in thresholds and notes.
TREATMENT_CRITERIA = re.compile(r"[0-9<>≤≥%]|ferritin|saturation|TSAT", re.IGNORECASE)
# Sentence openings that tell the reader what to do clinically; tours attribute advice instead
# ("AASM 2024 advises against …").
CLINICAL_IMPERATIVE = re.compile(
    r"(?:^|[.!?:;]\s+)(?:do not|don't|never|avoid|give|draw|take|stop|correct|treat|prescribe|"
    r"check|test|measure|switch|taper|remove|start (?:iron|treatment|a |an |the drug))\b",
    re.IGNORECASE)


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(DATA)


# Rules: each returns the offending ids (empty when the rule holds).


def nodes_missing_summary_or_reference(dataset: Dataset) -> list[str]:
    return [node.id for node in dataset.nodes
            if not node.summary.strip() or not node.references]


def uncited_references(dataset: Dataset) -> set[str]:
    return {ref.id for ref in dataset.references} - cited_references(dataset)


def references_no_edge_cites(dataset: Dataset) -> set[str]:
    """References that only nodes or claims cite: every source must stand behind some link."""
    return {ref.id for ref in dataset.references} - {ref for edge in dataset.edges for ref in edge.references}


def undated_references(dataset: Dataset) -> list[str]:
    """References without a year: students cannot tell how current they are.

    A source that carries no date (a web page) may leave the year out, provided its citation says
    it is undated and when it was accessed; inventing a publication year would mislead.
    """
    return [ref.id for ref in dataset.references if not ref.year
            and not ("undated" in ref.citation and "accessed" in ref.citation)]


def kinds_without_nodes(dataset: Dataset) -> set[str]:
    return {kind.id for kind in dataset.kinds} - {node.kind for node in dataset.nodes}


def isolated_nodes(dataset: Dataset) -> set[str]:
    graph = build_graph(dataset)
    graph.remove_nodes_from([n for n, kind in graph.nodes(data="kind") if kind == CLAIM_KIND])
    return {node for node in graph.nodes if graph.degree(node) == 0}


def bad_claims(dataset: Dataset) -> list[str]:
    """Claims with an unknown verdict, or no evidence besides the claim's own source."""
    return [claim.id for claim in dataset.claims
            if claim.verdict not in VERDICTS
            or not [ref for ref in claim.references if ref not in (claim.source, "SEED")]]


def claim_only_levels(dataset: Dataset) -> set[str]:
    return {level.id for level in dataset.evidence if level.claim_only}


def lowest_levels(dataset: Dataset) -> set[str]:
    lowest = min(level.rank for level in dataset.evidence)
    return {level.id for level in dataset.evidence if level.rank == lowest}


def overstated_disputed_edges(dataset: Dataset) -> set[str]:
    """Edges an unsupported or contradicted claim is about, neither claim-only nor a null finding."""
    disputed = {edge_id for claim in dataset.claims if claim.verdict in DISPUTING_VERDICTS
                for edge_id in claim.about_edges}
    allowed = claim_only_levels(dataset)
    return {edge.id for edge in dataset.edges if edge.id in disputed
            and edge.evidence not in allowed and edge.relation not in NEGATING_RELATIONS}


def overstated_vascular_links(dataset: Dataset) -> set[str]:
    """Causal links from disputed vascular ideas to RLS above the lowest evidence level."""
    allowed = lowest_levels(dataset)
    return {edge.id for edge in dataset.edges
            if edge.source in DISPUTED_VASCULAR_SOURCES and edge.target == "rls"
            and edge.relation in CAUSAL_RELATIONS and edge.evidence not in allowed}


def levels_misgraded(dataset: Dataset) -> set[str]:
    """Graded levels whose certainty is not the expected one, or that are missing from the table."""
    graded = {level.id: level.certainty for level in dataset.evidence if not level.claim_only}
    return {level for level, grade in graded.items() if EXPECTED_GRADES.get(level) != grade}


def guideline_certainty_mismatches(dataset: Dataset) -> set[str]:
    """Recommendation edges whose stated certainty differs from their level's grade."""
    return {edge.id for edge in dataset.edges if edge.recommendation and edge.recommendation.certainty
            and edge.recommendation.certainty != dataset.evidence_level(edge.evidence).certainty}


def single_trial_levels_above_trials(dataset: Dataset) -> set[str]:
    """Single-trial links, and older guideline gradings, ranked above randomised trials."""
    rank = {level.id: level.rank for level in dataset.evidence}
    ceiling = rank["rct"]
    single = {dataset.edge(edge_id).evidence for edge_id in SINGLE_TRIAL_EDGES}
    return {level for level in single | {"guideline-other"} if rank[level] > ceiling}


def uncontrolled_treatment_edges(dataset: Dataset) -> set[str]:
    """Treatment links to RLS stated as evidence although no trial, guideline or consensus backs them.

    Uncontrolled case series (the vein clinics' reports, for example) cannot make a treatment a
    fact: such a link is either a claim or an ``insufficient_evidence_for`` link.
    """
    claim_only = claim_only_levels(dataset)
    kinds = {ref.id: ref.kind for ref in dataset.references}
    return {edge.id for edge in dataset.edges
            if edge.target == "rls" and edge.relation in TREATMENT_RELATIONS
            and edge.evidence not in claim_only
            and not any(kinds.get(ref) in CONTROLLED_EVIDENCE_KINDS for ref in edge.references)}


def recommendations_without_population(dataset: Dataset) -> set[str]:
    """Recommendation links with no recommendation, no population, or aimed at a non-condition.

    A recommendation is about treating a condition in a population; ``iron --suggested_for-->
    pregnancy`` would read as iron for every pregnancy.
    """
    conditions = {node.id for node in dataset.nodes if node.kind == "condition"}
    return {edge.id for edge in dataset.edges if edge.relation in RECOMMENDATION_RELATIONS
            and (edge.recommendation is None or not edge.recommendation.population.strip()
                 or edge.target not in conditions)}


def authoring_words(dataset: Dataset) -> set[str]:
    """Where student-facing text, citations included, uses the authors' working vocabulary."""
    texts = [*student_texts(dataset),
             *((f"reference '{ref.id}' citation", ref.citation) for ref in dataset.references)]
    return {where for where, text in texts
            if any(word in text.lower() for word in AUTHORING_WORDS)}


def seed_cited_as_evidence(dataset: Dataset) -> set[str]:
    """Nodes, and edges above the claim-only level, that cite the seed article.

    The seed reference is "verified" only in the sense that it was read; what rests on it must
    show as a claim, never as checked evidence.
    """
    claim_only = claim_only_levels(dataset)
    return ({edge.id for edge in dataset.edges if "SEED" in edge.references and edge.evidence not in claim_only}
            | {node.id for node in dataset.nodes if "SEED" in node.references})


def populations_with_treatment_criteria(dataset: Dataset) -> set[str]:
    """Recommendations and thresholds whose population carries a cut-off instead of naming people."""
    recommendations = {edge.id for edge in dataset.edges if edge.recommendation
                       and TREATMENT_CRITERIA.search(edge.recommendation.population)}
    thresholds = {f"{node.id} threshold {t.operator} {t.value:g}" for node in dataset.nodes
                  for t in node.thresholds if TREATMENT_CRITERIA.search(t.population)}
    return recommendations | thresholds


def imperative_captions(dataset: Dataset) -> set[str]:
    """Tour steps, and threshold meanings, that give clinical orders instead of attributed guidance."""
    steps = {f"tour '{tour.id}' step {n}" for tour in dataset.tours
             for n, step in enumerate(tour.steps, 1) if CLINICAL_IMPERATIVE.search(step.caption.strip())}
    meanings = {f"{node.id} threshold {t.operator} {t.value:g}" for node in dataset.nodes
                for t in node.thresholds if CLINICAL_IMPERATIVE.search(t.meaning.strip())}
    return steps | meanings


def seed_only_edges_citing_trials(dataset: Dataset) -> set[str]:
    """Claim-only edges that cite a randomised trial: a link a trial supports is graded as a trial.

    A claim-only edge cites the seed article and the evidence *against* it; when a trial stands
    behind the link, however small, the link belongs at the trial's level and its claim's verdict
    cannot be ``unsupported``.
    """
    claim_only = claim_only_levels(dataset)
    kinds = {ref.id: ref.kind for ref in dataset.references}
    return {edge.id for edge in dataset.edges if edge.evidence in claim_only
            and any(kinds.get(ref) == "trial" for ref in edge.references)}


def readme_counts(dataset: Dataset) -> str:
    """The counts sentence ``data/README.md`` must contain, computed from the dataset."""
    whole_claims = {claim.id[:7] for claim in dataset.claims}
    return (f"{len(dataset.nodes)} nodes, {len(dataset.edges)} evidence-graded edges, "
            f"{len(dataset.references)} references, {len(dataset.tours)} guided tours, and the "
            f"{len(whole_claims)} claims of a vascular clinic's marketing article, checked as "
            f"{len(dataset.claims)} statements once compound claims are split")


def edges_between(dataset: Dataset, source: str, relation: str, target: str) -> list[Edge]:
    return [edge for edge in dataset.edges
            if (edge.source, edge.relation, edge.target) == (source, relation, target)]


def has_threshold(node: Node, operator: str, value: float, population: str = "",
                  upper: float | None = None) -> bool:
    def matches(t: Threshold) -> bool:
        return (t.operator == operator and t.value == value and t.upper == upper
                and (not population or t.population == population))
    return any(matches(threshold) for threshold in node.thresholds)


# The bundled dataset.


def test_bundled_dataset_loads_without_problems() -> None:
    try:
        load_dataset(DATA)
    except ValidationError as error:  # pragma: no cover - shown only when the data is broken
        pytest.fail("data/rls does not validate:\n" + "\n".join(map(str, error.problems)))


def test_lint_finds_nothing(dataset: Dataset) -> None:
    assert [problem.message for problem in lint_dataset(dataset)] == []


def test_every_node_has_a_summary_and_a_reference(dataset: Dataset) -> None:
    assert nodes_missing_summary_or_reference(dataset) == []


def test_every_defined_reference_is_cited(dataset: Dataset) -> None:
    assert uncited_references(dataset) == set()


def test_every_reference_backs_a_link(dataset: Dataset) -> None:
    assert references_no_edge_cites(dataset) == set()


def test_every_kind_has_nodes(dataset: Dataset) -> None:
    assert kinds_without_nodes(dataset) == set()


def test_no_node_is_isolated(dataset: Dataset) -> None:
    assert isolated_nodes(dataset) == set()


def test_every_claim_has_a_verdict_and_real_evidence(dataset: Dataset) -> None:
    assert bad_claims(dataset) == []


def test_all_32_seed_claims_are_present(dataset: Dataset) -> None:
    ids = {claim.id for claim in dataset.claims}
    whole = {f"claim{n:02d}" for n in range(1, 33)}
    assert whole <= ids
    assert {claim_id[:7] for claim_id in ids - whole} <= whole, "split parts are claimNNb, claimNNc…"
    assert {claim.source for claim in dataset.claims} == {"SEED"}


@pytest.mark.parametrize(("claim_id", "verdict"), [
    ("claim11", "partly-supported"), ("claim11b", "unsupported"),
    ("claim13", "partly-supported"), ("claim13b", "partly-supported"), ("claim13c", "partly-supported"),
    ("claim16", "supported"), ("claim16b", "partly-supported"),
])
def test_compound_claims_are_split_by_verdict(dataset: Dataset, claim_id: str, verdict: str) -> None:
    assert dataset.claim(claim_id).verdict == verdict


def test_vascular_test_claim_points_at_the_finding_against_it(dataset: Dataset) -> None:
    claim = dataset.claim("claim15")
    assert "abi_doppler_ultrasound--not_diagnostic_for--rls" in claim.about_edges


def test_disputed_edges_use_the_claim_only_level(dataset: Dataset) -> None:
    assert claim_only_levels(dataset) == {"seed-only"}
    assert overstated_disputed_edges(dataset) == set()


def test_vascular_causal_links_to_rls_are_only_at_the_lowest_level(dataset: Dataset) -> None:
    assert lowest_levels(dataset) == {"seed-only"}
    assert overstated_vascular_links(dataset) == set()


def test_coverage(dataset: Dataset) -> None:
    assert len(dataset.nodes) >= 100
    assert len(dataset.edges) >= 170
    kinds = {node.kind for node in dataset.nodes}
    assert set(REQUIRED_KINDS) <= kinds


def test_every_evidence_level_has_its_certainty_grade(dataset: Dataset) -> None:
    assert levels_misgraded(dataset) == set()


def test_a_guideline_link_is_drawn_at_the_certainty_the_guideline_gave(dataset: Dataset) -> None:
    assert guideline_certainty_mismatches(dataset) == set()


def test_a_single_small_trial_cannot_outrank_consensus_or_trials(dataset: Dataset) -> None:
    assert single_trial_levels_above_trials(dataset) == set()


def test_treatments_rest_on_trials_guidelines_or_consensus(dataset: Dataset) -> None:
    assert uncontrolled_treatment_edges(dataset) == set()


def test_every_recommendation_names_its_population(dataset: Dataset) -> None:
    assert recommendations_without_population(dataset) == set()


def test_populations_are_populations_not_treatment_criteria(dataset: Dataset) -> None:
    assert populations_with_treatment_criteria(dataset) == set()


def test_tours_and_cut_offs_attribute_advice_instead_of_giving_orders(dataset: Dataset) -> None:
    assert imperative_captions(dataset) == set()


def test_a_link_a_trial_supports_is_not_claim_only(dataset: Dataset) -> None:
    assert seed_only_edges_citing_trials(dataset) == set()


def test_data_readme_counts_are_current(dataset: Dataset) -> None:
    expected = readme_counts(dataset)
    assert expected in " ".join(DATA_README.read_text(encoding="utf-8").split()), (
        f"update the counts in data/README.md to: {expected}")


def test_no_authoring_words_in_student_facing_text(dataset: Dataset) -> None:

    assert authoring_words(dataset) == set()


def test_the_seed_article_backs_only_claims(dataset: Dataset) -> None:
    assert seed_cited_as_evidence(dataset) == set()


# Content spot checks.


@pytest.mark.parametrize("drug", DOPAMINE_AGONISTS)
def test_dopamine_agonists_are_conditionally_advised_against(dataset: Dataset, drug: str) -> None:
    (edge,) = edges_between(dataset, drug, "suggested_against", "rls")
    assert edge.recommendation is not None
    assert (edge.recommendation.direction, edge.recommendation.strength) == ("against", "conditional")
    assert edges_between(dataset, drug, "can_cause", "augmentation")


@pytest.mark.parametrize("drug", DOPAMINE_AGONISTS)
def test_a_licensed_dopamine_agonist_is_still_advised_against(dataset: Dataset, drug: str) -> None:
    (approval,) = edges_between(dataset, drug, "approved_for", "rls")
    (advice,) = edges_between(dataset, drug, "suggested_against", "rls")
    assert approval.evidence == "regulatory"
    assert dataset.evidence_level(advice.evidence).rank > dataset.evidence_level(approval.evidence).rank


def test_gabapentin_enacarbil_is_licensed_and_recommended(dataset: Dataset) -> None:
    assert edges_between(dataset, "gabapentin_enacarbil", "approved_for", "rls")
    assert edges_between(dataset, "gabapentin_enacarbil", "recommended_for", "rls")


def test_every_reference_has_a_year(dataset: Dataset) -> None:
    assert undated_references(dataset) == []


def test_meta_says_when_the_content_was_last_reviewed(dataset: Dataset) -> None:
    reviewed = datetime.date.fromisoformat(dataset.meta.reviewed)
    newest = max(ref.year or 0 for ref in dataset.references)
    assert newest <= reviewed.year and reviewed <= datetime.date.today()


@pytest.mark.parametrize("drug", ["iv_ferric_carboxymaltose", "gabapentin_enacarbil"])
def test_first_line_treatments_are_strongly_recommended(dataset: Dataset, drug: str) -> None:
    (edge,) = edges_between(dataset, drug, "recommended_for", "rls")
    assert edge.recommendation is not None
    assert (edge.recommendation.direction, edge.recommendation.strength) == ("for", "strong")


def test_ferritin_thresholds(dataset: Dataset) -> None:
    ferritin = dataset.node("serum_ferritin")
    assert has_threshold(ferritin, "<=", 75, "adults")
    assert has_threshold(ferritin, "between", 75, "adults", upper=100)
    assert has_threshold(ferritin, "<", 50, "children")
    assert has_threshold(ferritin, "<", 200, "ESRD")


def test_children_and_pregnancy_have_their_own_iron_advice(dataset: Dataset) -> None:
    children = dataset.edge("oral_ferrous_sulfate--suggested_for--rls--children")
    pregnancy = dataset.edge("oral_ferrous_sulfate--suggested_for--rls--pregnancy")
    assert children.recommendation and children.recommendation.population.startswith("children")
    assert children.recommendation.strength == "conditional"
    assert pregnancy.target == "rls" and pregnancy.recommendation
    assert pregnancy.recommendation.population == "pregnancy"
    assert has_threshold(dataset.node("serum_ferritin"), "<", 75, "pregnancy")


@pytest.mark.parametrize("drug", ["clonazepam", "levodopa", "low_dose_opioids"])
def test_drugs_kept_for_refractory_rls_in_pregnancy_carry_a_caution(dataset: Dataset, drug: str) -> None:
    (edge,) = edges_between(dataset, drug, "caution_in", "pregnancy")
    assert "PICCHIETTI2015" in edge.references


@pytest.mark.parametrize("agonist", DOPAMINE_AGONISTS)
def test_levodopa_augments_more_than_each_agonist(dataset: Dataset, agonist: str) -> None:
    assert edges_between(dataset, agonist, "lower_augmentation_than", "levodopa")


def test_ferric_carboxymaltose_trial_range_is_not_its_cut_off(dataset: Dataset) -> None:
    fcm = dataset.node("iv_ferric_carboxymaltose")
    assert "300" in str(fcm.attributes["ferritin_range_in_trials"])
    assert "100" in str(fcm.attributes["treatment_cut_off"])
    assert has_threshold(dataset.node("serum_ferritin"), ">", 100, "adults")


def test_pregabalin_placebo_comparison_lasted_12_weeks(dataset: Dataset) -> None:
    summary = dataset.node("pregabalin").summary
    assert "placebo over 12 weeks" in summary and "52-week trial it beat placebo" not in summary


def test_ischaemic_rest_pain_is_a_mimic_caused_by_pad(dataset: Dataset) -> None:
    assert edges_between(dataset, "ischaemic_rest_pain", "mimics", "rls")
    assert edges_between(dataset, "peripheral_artery_disease", "causes", "ischaemic_rest_pain")


def test_transferrin_saturation_thresholds(dataset: Dataset) -> None:
    tsat = dataset.node("transferrin_saturation")
    assert has_threshold(tsat, "<", 20)
    assert has_threshold(tsat, ">=", 45)


def test_pad_null_finding_is_observational(dataset: Dataset) -> None:
    (edge,) = edges_between(dataset, "peripheral_artery_disease", "not_associated_with", "rls")
    assert edge.evidence == "observational"
    assert "no association found" in edge.note


def test_dopamine_agonist_claim_is_outdated(dataset: Dataset) -> None:
    about_agonists = [claim for claim in dataset.claims
                      if set(DOPAMINE_AGONISTS) <= set(claim.about_nodes)]
    assert [claim.verdict for claim in about_agonists] == ["outdated"]


# The rules can fail.


def test_rules_report_a_broken_copy(dataset: Dataset) -> None:
    pad_cause = dataset.edge("peripheral_artery_disease--causes--rls")
    assert pad_cause.evidence in claim_only_levels(dataset)
    overstated = dataclasses.replace(pad_cause, evidence="observational")
    orphan = Node(id="orphan", label="Orphan", kind="cause", summary="")
    seed_backed = Claim(id="claim99", statement="x", source="SEED", verdict="maybe", note="x",
                        references=("SEED",), about_edges=(pad_cause.id,))
    broken = dataclasses.replace(
        dataset,
        nodes=(*dataset.nodes, orphan),
        edges=tuple(overstated if edge.id == pad_cause.id else edge for edge in dataset.edges),
        claims=(*dataset.claims, seed_backed),
    )
    assert nodes_missing_summary_or_reference(broken) == ["orphan"]
    assert isolated_nodes(broken) == {"orphan"}
    assert bad_claims(broken) == ["claim99"]
    assert overstated_disputed_edges(broken) == {pad_cause.id}
    assert overstated_vascular_links(broken) == {pad_cause.id}
    assert lint_dataset(broken)


def test_reference_rules_report_a_broken_copy(dataset: Dataset) -> None:
    assert kinds_without_nodes(dataclasses.replace(
        dataset, nodes=tuple(n for n in dataset.nodes if n.kind != "lifestyle"))) == {"lifestyle"}
    unused = dataclasses.replace(dataset, edges=tuple(
        edge for edge in dataset.edges if "LI2015" not in edge.references))
    assert uncited_references(unused) == {"LI2015"}


def test_evidence_rank_rules_report_a_broken_copy(dataset: Dataset) -> None:
    def regraded(level_id: str, rank: int, certainty: str = "") -> Dataset:
        levels = tuple(
            dataclasses.replace(level, rank=rank, certainty=certainty or level.certainty) if level.id == level_id
            else level for level in dataset.evidence)
        return dataclasses.replace(dataset, evidence=levels)

    old_order = regraded("guideline-other", 20)
    assert single_trial_levels_above_trials(old_order) == {"guideline-other"}
    good_practice_as_strong = regraded("guideline-gps", 11, "moderate")
    assert levels_misgraded(good_practice_as_strong) == {"guideline-gps"}
    assert guideline_certainty_mismatches(regraded("guideline-conditional-low", 8, "moderate"))


def test_treatment_rule_reports_a_broken_copy(dataset: Dataset) -> None:
    venous = dataset.edge("venous_ablation_sclerotherapy--treats--rls")
    as_fact = dataclasses.replace(venous, evidence="observational",
                                  references=("KANTER1995", "SUNDARESAN2019"))
    broken = dataclasses.replace(
        dataset, edges=tuple(as_fact if edge.id == venous.id else edge for edge in dataset.edges))
    assert uncontrolled_treatment_edges(broken) == {venous.id}


def test_recommendation_rule_reports_a_broken_copy(dataset: Dataset) -> None:
    adults = dataset.edge("pregabalin--recommended_for--rls")
    children = dataset.edge("oral_ferrous_sulfate--suggested_for--rls--children")
    pregnancy = dataset.edge("oral_ferrous_sulfate--suggested_for--rls--pregnancy")
    assert adults.recommendation is not None and children.recommendation is not None
    broken_edges = {
        adults.id: dataclasses.replace(adults, recommendation=None),
        children.id: dataclasses.replace(children, recommendation=dataclasses.replace(
            children.recommendation, population=" ")),
        pregnancy.id: dataclasses.replace(pregnancy, target="pregnancy"),
    }
    broken = dataclasses.replace(
        dataset, edges=tuple(broken_edges.get(edge.id, edge) for edge in dataset.edges))
    assert recommendations_without_population(broken) == set(broken_edges)


def test_authoring_word_rules_report_a_broken_copy(dataset: Dataset) -> None:
    valerian = dataset.node("valerian")
    akathisia = dataset.edge("dopamine_antagonists--causes--akathisia")
    mouse = dataset.reference("MOUSE2018")
    unsure = dataclasses.replace(valerian, summary=valerian.summary + " (not verified)")
    leaky = dataclasses.replace(akathisia, note="No source in the fact sheet; closest reference cited.")
    vague = dataclasses.replace(mouse, citation=mouse.citation + " (authors not captured)")
    broken = dataclasses.replace(
        dataset,
        nodes=tuple(unsure if node.id == valerian.id else node for node in dataset.nodes),
        edges=tuple(leaky if edge.id == akathisia.id else edge for edge in dataset.edges),
        references=tuple(vague if ref.id == mouse.id else ref for ref in dataset.references),
    )
    assert authoring_words(broken) == {
        "node 'valerian' summary", f"edge '{akathisia.id}' note", "reference 'MOUSE2018' citation"}
    assert len(lint_dataset(broken)) == 2


def test_reference_without_a_link_is_reported(dataset: Dataset) -> None:
    unlinked = dataclasses.replace(dataset, edges=tuple(
        edge for edge in dataset.edges if "ENGLAND2005" not in edge.references))
    assert uncited_references(unlinked) == set()
    assert references_no_edge_cites(unlinked) == {"ENGLAND2005"}
    undated = dataclasses.replace(dataset, references=tuple(
        dataclasses.replace(ref, year=None) if ref.id == "MOUSE2018" else ref for ref in dataset.references))
    assert undated_references(undated) == ["MOUSE2018"]


def test_seed_rules_report_a_broken_copy(dataset: Dataset) -> None:
    seed_link = dataset.edge("peripheral_artery_disease--leads_to--seed_ischemic_nerve_hypothesis")
    assert seed_link.references == ("SEED",)
    upgraded = dataclasses.replace(seed_link, evidence="mechanistic")
    broken = dataclasses.replace(
        dataset, edges=tuple(upgraded if edge.id == seed_link.id else edge for edge in dataset.edges))
    assert seed_cited_as_evidence(broken) == {seed_link.id}
    assert any(seed_link.id in problem.message for problem in lint_dataset(broken))


def test_disputed_claims_may_point_only_at_claims_or_null_findings(dataset: Dataset) -> None:
    claim = dataset.claim("claim04")
    assert claim.verdict in DISPUTING_VERDICTS
    pointing_at_evidence = dataclasses.replace(

        claim, about_edges=(*claim.about_edges, "iron_deficiency--risk_factor_for--rls"))
    broken = dataclasses.replace(
        dataset, claims=tuple(pointing_at_evidence if c.id == claim.id else c for c in dataset.claims))
    assert overstated_disputed_edges(broken) == {"iron_deficiency--risk_factor_for--rls"}


def test_population_and_imperative_rules_report_a_broken_copy(dataset: Dataset) -> None:
    adults = dataset.edge("pregabalin--recommended_for--rls")
    assert adults.recommendation is not None
    criteria = dataclasses.replace(adults, recommendation=dataclasses.replace(
        adults.recommendation, population="adults with ferritin ≤ 75 ng/mL"))
    tour = dataset.tours[0]
    ordering = dataclasses.replace(tour, steps=(
        dataclasses.replace(tour.steps[0], caption="Iron matters. Do not give IV iron when TSAT is high."),
        *tour.steps[1:]))
    broken = dataclasses.replace(
        dataset, edges=tuple(criteria if edge.id == adults.id else edge for edge in dataset.edges),
        tours=(ordering, *dataset.tours[1:]))
    assert populations_with_treatment_criteria(broken) == {adults.id}
    assert imperative_captions(broken) == {f"tour '{tour.id}' step 1"}


def test_trial_and_readme_rules_report_a_broken_copy(dataset: Dataset) -> None:
    yoga = dataset.edge("yoga--reduces--rls")
    as_claim = dataclasses.replace(yoga, evidence="seed-only", references=("SEED", "YOGA2020"))
    broken = dataclasses.replace(
        dataset, edges=tuple(as_claim if edge.id == yoga.id else edge for edge in dataset.edges))
    assert seed_only_edges_citing_trials(broken) == {yoga.id}
    fewer = dataclasses.replace(dataset, tours=dataset.tours[1:])
    assert readme_counts(fewer) not in " ".join(DATA_README.read_text(encoding="utf-8").split())


@pytest.mark.parametrize("path", [DATA, DATA.parent / "photosynthesis.yaml"], ids=["rls", "photosynthesis"])
def test_bundled_data_declares_every_grade_and_polarity(path: Path) -> None:
    """Read as written, not through defaults: each level names its grade, each relation its polarity."""
    sections: dict[str, list[dict]] = {"evidence": [], "relations": []}
    for file in sorted(path.glob("*.yaml")) if path.is_dir() else [path]:
        document = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        for name, entries in sections.items():
            entries += document.get(name, [])
    assert sections["evidence"] and sections["relations"]
    ungraded = [level["id"] for level in sections["evidence"]
                if "certainty" not in level and not level.get("claim_only")]
    assert ungraded == []
    assert [relation["id"] for relation in sections["relations"] if "polarity" not in relation] == []
