"""The YAML reader's limits give the project's own messages, whichever YAML parser is installed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from graph import ValidationError
from graph.dataset import yamlsafe

BROKEN = Path(__file__).parent / "data" / "broken"
LOADERS = [pytest.param(yaml.SafeLoader, id="pure-python")]
if getattr(yaml, "CSafeLoader", None):
    LOADERS.append(pytest.param(yaml.CSafeLoader, id="libyaml"))

# Nested deeper than libyaml's own limit (1,000 levels since PyYAML 6.0.4) and than ours (40).
DEEP = {
    "flow on one line": ("meta: " + "[" * 2_000 + "]" * 2_000 + "\n", 1),
    "flow over many lines": ("meta: [\n" + " [\n" * 2_000 + "]" * 2_001 + "\n", 40),
    "block": ("meta:\n" + "".join("  " * depth + "-\n" for depth in range(1, 1_200)), 41),
    "flow after valid lines": ("a: 1\nb: 2\nmeta: {k: " + "[" * 1_500 + "]" * 1_500 + "}\n", 3),
}


@pytest.fixture(params=LOADERS)
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> type:
    monkeypatch.setattr(yamlsafe, "_PARSER", request.param)
    return request.param


def nesting_problem(text: str) -> str:
    with pytest.raises(ValidationError) as caught:
        yamlsafe.compose_yaml(text, "deep.yaml")
    (problem,) = caught.value.problems
    return str(problem)


@pytest.mark.parametrize("case", sorted(DEEP))
def test_deep_nesting_gives_the_project_message_with_either_parser(parser: type, case: str) -> None:
    text, line = DEEP[case]
    assert nesting_problem(text) == f"deep.yaml:{line}: values are nested more than 40 levels deep."


def test_the_corpus_file_gives_the_same_message_with_either_parser(parser: type) -> None:
    text = (BROKEN / "deep_nesting.yaml").read_text()
    assert nesting_problem(text) == "deep.yaml:1: values are nested more than 40 levels deep."


def test_other_syntax_errors_keep_the_parser_description(parser: type) -> None:
    with pytest.raises(ValidationError, match=r"bad\.yaml:2: YAML syntax error: while parsing a flow sequence"):
        yamlsafe.compose_yaml("meta: [1, 2\n", "bad.yaml")
