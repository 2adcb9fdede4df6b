"""Question banks as JSON: every question with what it stands for, for other quiz builders and checkers.

Each question carries its kind, its stem, its options (the node, relation or verdict id each
stands for, its text and its feedback), which option is right, the explanation, and the ids it
tests (the edges or the claim, the node in the stem, the relation), so a tool can build H5P or QTI
items from it, or check every answer against the graph.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from graph.teaching.questions import Question, Quiz
from graph.teaching.writing import TextTarget, write_text

BANK_VERSION = 1


def json_text(quiz: Quiz) -> str:
    """The quiz as indented JSON (UTF-8 text, keys in a fixed order)."""
    bank = {"format": "knowledge-graph-explorer/question-bank", "version": BANK_VERSION, "title": quiz.title,
            "dataset": quiz.dataset, "seed": quiz.seed,
            "questions": [question_record(number, q) for number, q in enumerate(quiz.questions, start=1)]}
    return json.dumps(bank, ensure_ascii=False, indent=2) + "\n"


def question_record(number: int, question: Question) -> dict[str, Any]:
    """One question as plain data."""
    options = [{**asdict(option), "correct": index == question.answer}
               for index, option in enumerate(question.options)]
    return {"number": number, "id": question.id, "kind": question.kind, "kind_label": question.kind_label,
            "stem": question.prompt, "options": options, "answer": question.answer,
            "explanation": {**asdict(question.explanation), "references": list(question.explanation.references)},
            "tests": {"about": list(question.about), "anchor": question.anchor, "relation": question.relation,
                      "hidden": question.hidden}}


def write_json_bank(quiz: Quiz, target: TextTarget) -> None:
    """Write the quiz as JSON to a path or an open text stream."""
    write_text(json_text(quiz), target)
