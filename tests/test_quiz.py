"""Quizzes from the graph: the same seed gives the same quiz, and every question has exactly one
right answer that is true in the graph, checked here against the graph itself (not the question's
own explanation), over many seeds, several datasets and views. Also the Markdown bank, opened by
a CommonMark parser, and the ``quiz`` command.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from markdown_it import MarkdownIt

from graph import Explorer, ViewSpec, ViewSpecError
from graph.cli import main
from graph.present.style import evidence_tier, tiers
from graph.teaching import QUESTION_KINDS, Question, count_by_kind, make_quiz, markdown_text, question_bank
from tests.test_docs import console_sessions

ROOT = Path(__file__).resolve().parent.parent
DATASETS = {"rls": ROOT / "data" / "rls", "photosynthesis": ROOT / "data" / "photosynthesis.yaml",
            "tiny": ROOT / "tests" / "data" / "tiny.yaml", "xss": ROOT / "tests" / "data" / "xss.yaml"}
SEEDS = range(8)


@cache
def explorer(name: str) -> Explorer:
    return Explorer.from_path(DATASETS[name])


@cache
def edges_by_key(name: str) -> dict[str, tuple[str, str, dict]]:
    return {key: (u, v, data) for u, v, key, data in explorer(name).graph.edges(keys=True, data=True)}


# The truth, read from the graph ----------------------------------------------------------------

def relations(graph: nx.MultiDiGraph, source: str, target: str) -> set[str]:
    return {data["relation"] for data in graph.get_edge_data(source, target, default={}).values()}


def best_tier(name: str, source: str, target: str, relation: str) -> int:
    """The strongest evidence tier of the ``relation`` links, higher is stronger (lowest of all: no link)."""
    dataset, graph = explorer(name).dataset, explorer(name).graph
    drawn = tiers(dataset)
    return max((-drawn.index(evidence_tier(dataset, data["evidence"]))
                for data in graph.get_edge_data(source, target, default={}).values()
                if data["relation"] == relation), default=-len(drawn))


def ends(question: Question, node: str) -> tuple[str, str]:
    """(source, target) of a link between the question's anchor and ``node``."""
    return (question.anchor, node) if question.hidden == "target" else (node, question.anchor)


def true_options(name: str, question: Question) -> list[str]:
    """The ids of the options the graph makes right, computed independently of the generator."""
    graph = explorer(name).graph
    ids = [option.id for option in question.options]
    if question.kind == "complete-link":
        return [node for node in ids if question.relation in relations(graph, *ends(question, node))]
    if question.kind == "relation":
        source, target, _ = edges_by_key(name)[question.about[0]]
        return [relation for relation in ids if relation in relations(graph, source, target)]
    if question.kind == "claim":
        return [verdict for verdict in ids if verdict == explorer(name).dataset.claim(question.anchor).verdict]
    ranks = {node: best_tier(name, *ends(question, node), question.relation) for node in ids}
    return [node for node in ids if all(ranks[node] > ranks[other] for other in ids if other != node)]


def check(name: str, question: Question) -> None:
    assert true_options(name, question) == [question.correct.id], question
    assert len({option.id for option in question.options}) == len(question.options) >= 3
    assert question.explanation.statement and question.explanation.evidence
    if question.kind == "complete-link":
        check_distractor_nodes(name, question)
    if question.kind == "relation":
        check_distractor_relations(name, question)


def check_distractor_nodes(name: str, question: Question) -> None:
    """Distractors are of the answer's kind and share no edge at all with the node in the prompt."""
    graph = explorer(name).graph
    kind = graph.nodes[question.correct.id]["kind"]
    for option in question.options:
        assert graph.nodes[option.id]["kind"] == kind
        if option != question.correct:
            assert not graph.has_edge(question.anchor, option.id) and not graph.has_edge(option.id, question.anchor)


def check_distractor_relations(name: str, question: Question) -> None:
    """A wrong relation is used nowhere from a node of the source's kind or to one of the target's kind."""
    graph = explorer(name).graph
    source, target, _ = edges_by_key(name)[question.about[0]]
    kinds = graph.nodes[source]["kind"], graph.nodes[target]["kind"]
    wrong = {option.id for option in question.options if option != question.correct}
    for u, v, data in graph.edges(data=True):
        if data["relation"] in wrong:
            assert graph.nodes[u]["kind"] != kinds[0], (question.prompt, data["id"])
            assert graph.nodes[v]["kind"] != kinds[1], (question.prompt, data["id"])


# Exactly one right answer ----------------------------------------------------------------------

@pytest.mark.parametrize("name", ["rls", "photosynthesis", "tiny", "xss"])
def test_every_question_has_one_true_answer_and_false_distractors(name: str) -> None:
    checked = 0
    for seed in SEEDS:
        for question in question_bank(explorer(name), ViewSpec(claims=True), seed):
            check(name, question)
            checked += 1
    assert checked >= len(SEEDS)


@pytest.mark.parametrize("spec", [
    ViewSpec(focus="iron_deficiency"), ViewSpec(focus="augmentation", claims=True),
    ViewSpec(focus="rls", relations=("risk_factor_for", "worsens")), ViewSpec(evidence="consensus", claims=True),
    ViewSpec(path_from="iron_deficiency", path_to="iv_ferric_carboxymaltose"),
], ids=["iron", "augmentation+claims", "rls-risks", "consensus+", "path"])
def test_views_give_true_questions_about_what_is_shown(spec: ViewSpec) -> None:
    view = explorer("rls").view(spec)
    shown_edges = {key for *_, key in view.graph.edges(keys=True)}
    for seed in SEEDS:
        for question in question_bank(explorer("rls"), spec, seed):
            check("rls", question)
            assert question.anchor in view.graph
            if question.kind in ("complete-link", "relation"):
                assert set(question.about) <= shown_edges


def test_a_relation_filter_limits_link_questions_to_that_relation() -> None:
    bank = question_bank(explorer("rls"), ViewSpec(relations=("risk_factor_for",)), seed=1)
    assert bank
    assert {q.relation for q in bank if q.kind in ("complete-link", "relation", "strongest")} == {"risk_factor_for"}


def test_claim_questions_need_the_claims_layer() -> None:
    kinds_off = count_by_kind(question_bank(explorer("rls"), ViewSpec(), seed=0))
    kinds_on = count_by_kind(question_bank(explorer("rls"), ViewSpec(claims=True), seed=0))
    assert kinds_off["claim"] == 0
    assert kinds_on["claim"] == len(explorer("rls").dataset.claims)


def test_rls_yields_every_kind_of_question() -> None:
    kinds = count_by_kind(question_bank(explorer("rls"), ViewSpec(claims=True), seed=0))
    assert all(kinds[kind] >= 3 for kind in QUESTION_KINDS), kinds


def test_unknown_focus_is_a_view_error() -> None:
    with pytest.raises(ViewSpecError, match="'no_such_node' is not a node id"):
        make_quiz(explorer("rls"), ViewSpec(focus="no_such_node"))


# Seeds -----------------------------------------------------------------------------------------

def test_same_seed_same_quiz_and_another_seed_another() -> None:
    spec = ViewSpec(claims=True)
    first = make_quiz(explorer("rls"), spec, seed=11, count=12)
    again = make_quiz(Explorer.from_path(DATASETS["rls"]), spec, seed=11, count=12)
    other = make_quiz(explorer("rls"), spec, seed=12, count=12)
    assert first == again
    assert [q.id for q in first.questions] != [q.id for q in other.questions]


def test_same_seed_same_file_across_processes(tmp_path: Path) -> None:
    """Hash randomisation differs per process; a set iterated anywhere would show up here."""
    dataset = shutil.copytree(DATASETS["rls"], tmp_path / "rls")  # a copy: content edits cannot race the runs
    texts = []
    for hash_seed in ("1", "2"):
        out = tmp_path / f"bank{hash_seed}.gift"
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        command = ["quiz", str(dataset), "-o", str(out), "--seed", "3", "--count", "40"]
        subprocess.run([sys.executable, "-m", "graph", *command],
                       cwd=ROOT, env=env, check=True, capture_output=True)
        texts.append(out.read_text(encoding="utf-8"))
    assert texts[0] == texts[1]


def test_kinds_take_turns_and_no_prompt_repeats() -> None:
    quiz = make_quiz(explorer("rls"), ViewSpec(claims=True), seed=2, count=8)
    assert [q.kind for q in quiz.questions] == list(QUESTION_KINDS) * 2
    assert len({q.prompt for q in quiz.questions}) == 8


def test_score_counts_right_answers() -> None:
    quiz = make_quiz(explorer("tiny"), ViewSpec(claims=True), seed=0, count=4)
    right = {q.id: q.correct.id for q in quiz.questions}
    wrong = {q.id: next(o.id for o in q.options if o != q.correct) for q in quiz.questions}
    assert quiz.score(right) == len(quiz.questions) > 0
    assert quiz.score(wrong) == quiz.score({}) == 0


# The Markdown bank, opened by a CommonMark parser ----------------------------------------------

class TextAndTags(HTMLParser):
    """The tags and the text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def rendered(markdown: str) -> TextAndTags:
    parser = TextAndTags()
    parser.feed(MarkdownIt("commonmark").render(markdown))
    return parser


def test_markdown_bank_shows_every_data_text_literally() -> None:
    quiz = make_quiz(explorer("xss"), ViewSpec(claims=True), seed=0, count=10)
    page = rendered(markdown_text(quiz))
    text = " ".join("".join(page.text).split())
    assert page.tags <= {"h1", "h2", "p", "ul", "ol", "li", "strong"}
    for question in quiz.questions:
        assert " ".join(question.prompt.split()) in text
        assert all(option.text in text for option in question.options)
        assert all(" ".join(ref.split()) in text for ref in question.explanation.references)


def test_markdown_bank_lists_questions_then_the_answer_key() -> None:
    quiz = make_quiz(explorer("tiny"), ViewSpec(claims=True), seed=0, count=3)
    text = markdown_text(quiz)
    assert text.startswith("# Quiz: Tiny test graph\n")
    assert text.index("## Question 3") < text.index("## Answers")
    letter = "ABCDE"[quiz.questions[0].answer]
    assert f"1. **{letter}. {quiz.questions[0].correct.text}.**" in text


# The quiz command ------------------------------------------------------------------------------

def test_quiz_command_writes_gift_and_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quiz", str(DATASETS["tiny"]), "-o", str(tmp_path / "bank.md"), "--seed", "1"]) == 0
    assert main(["quiz", str(DATASETS["tiny"]), "-o", str(tmp_path / "bank.txt"), "--format", "gift"]) == 0
    out = capsys.readouterr().out
    assert f"Wrote {tmp_path / 'bank.md'} (md: " in out and f"Wrote {tmp_path / 'bank.txt'} (gift: " in out
    assert (tmp_path / "bank.md").read_text(encoding="utf-8").startswith("# Quiz: Tiny test graph")
    assert "::01 " in (tmp_path / "bank.txt").read_text(encoding="utf-8")


def test_quiz_command_narrows_to_a_focus(tmp_path: Path) -> None:
    out = tmp_path / "pill.md"
    assert main(["quiz", str(DATASETS["tiny"]), "-o", str(out), "--focus", "pill", "--claims", "off"]) == 0
    expected = make_quiz(explorer("tiny"), ViewSpec(focus="pill"), seed=0, count=20)
    assert expected.questions
    assert out.read_text(encoding="utf-8") == markdown_text(expected)
    assert expected != make_quiz(explorer("tiny"), ViewSpec(claims=True), seed=0, count=20)


@pytest.mark.parametrize(("arguments", "message"), [
    (["--focus", "low_irn"], "Error: focus 'low_irn' is not a node id. Did you mean 'low_iron'?"),
    (["--focus", "bad_blood", "--claims", "off"], "Error: the view yields no questions"),
], ids=["unknown-focus", "no-questions"])
def test_quiz_command_errors_are_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          arguments: list[str], message: str) -> None:
    assert main(["quiz", str(DATASETS["tiny"]), "-o", str(tmp_path / "q.md"), *arguments]) == 1
    assert capsys.readouterr().err.startswith(message)
    assert not (tmp_path / "q.md").exists()


def test_the_learning_guide_cli_sessions_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """docs/learning.md's quiz and course-package commands run and report what they wrote (counts follow the data)."""
    monkeypatch.chdir(ROOT)
    sessions = console_sessions(ROOT / "docs" / "learning.md")
    assert [session.arguments[0] for session in sessions] == ["quiz", "quiz", "export", "export"]
    for session in sessions:
        arguments = [str(tmp_path / a) if before == "-o" else a
                     for before, a in zip(("", *session.arguments[:-1]), session.arguments, strict=True)]
        assert main(arguments) == 0
        written = capsys.readouterr().out
        shown = next(line for line in session.output if line.startswith("Wrote "))  # notes go to stderr
        assert written.startswith(shown.split("(")[0].replace("Wrote ", f"Wrote {tmp_path}/"))


def test_a_near_synonym_of_the_answer_is_never_offered_beside_it(tmp_path: Path) -> None:
    """"Iron pills" beside the key "Iron pill" would be a second right answer; so would an alias."""
    text = (ROOT / "tests" / "data" / "tiny.yaml").read_text(encoding="utf-8")
    extra = "".join(f"  - {{id: {node}, label: {label}, kind: treatment, summary: A treatment., references: [ref1]}}\n"
                    for node, label in [("pills", "Iron pills"), ("rest", "Rest"), ("massage", "Massage"),
                                        ("tablet", "Tablet")])
    text = text.replace("edges:\n", extra + "edges:\n", 1)
    text = text.replace("    label: Iron pill\n", "    label: Iron pill\n    aliases: [tablet]\n", 1)
    path = tmp_path / "synonyms.yaml"
    path.write_text(text, encoding="utf-8")
    quizzes = [make_quiz(Explorer.from_path(path), ViewSpec(), seed=seed, count=20) for seed in range(10)]
    offered = [{option.id for option in question.options} for quiz in quizzes for question in quiz.questions
               if question.correct.id == "pill"]
    assert offered, "the test needs questions whose answer is the iron pill"
    assert all(not {"pills", "tablet"} & options for options in offered)
