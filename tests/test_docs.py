"""The README's and docs/format.md's examples work: YAML examples load, CLI sessions run as shown."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from graph.cli import main
from graph.dataset import load_bytes, load_sources
from tests.helpers import ROOT

PAGES = [ROOT / "README.md", ROOT / "docs" / "format.md"]
_FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)
_PROGRAM = ".venv/bin/python -m graph "


def fenced(page: Path, language: str) -> list[str]:
    return [body for lang, body in _FENCE.findall(page.read_text(encoding="utf-8")) if lang == language]


def yaml_examples(page: Path) -> list[tuple[str, ...]]:
    """Each YAML example as the files it is loaded from.

    A block with ``meta`` is a whole dataset; a block without it is a second file added to the
    last whole dataset on the page (that is how the page presents it); a block of comments only
    (the editor hint) is not a dataset.
    """
    examples: list[tuple[str, ...]] = []
    whole = ""
    for block in fenced(page, "yaml"):
        document = yaml.safe_load(block)
        if document is None:
            continue
        whole = block if "meta" in document else whole
        examples.append((block,) if block is whole else (whole, block))
    return examples


EXAMPLES = [(page, files) for page in PAGES for files in yaml_examples(page)]


def test_each_page_has_yaml_examples() -> None:
    assert {page.name: len(yaml_examples(page)) for page in PAGES} == {"README.md": 1, "format.md": 2}


@pytest.mark.parametrize(("page", "files"), EXAMPLES, ids=[f"{p.name}-{i}" for i, (p, _) in enumerate(EXAMPLES)])
def test_yaml_example_loads(page: Path, files: tuple[str, ...]) -> None:
    if len(files) == 1:
        dataset = load_bytes(files[0].encode(), f"{page.name} example")
    else:
        dataset = load_sources([(f"{page.name} example {i}", text.encode()) for i, text in enumerate(files)])
    assert dataset.nodes


@dataclass(frozen=True)
class Session:
    """One ``$ command`` of a console block and the output the page shows for it."""

    arguments: tuple[str, ...]
    output: tuple[str, ...]

    @property
    def fails(self) -> bool:
        return bool(self.output) and self.output[0].startswith("Error:")

    @property
    def on_test_data(self) -> bool:
        """Commands on tests/data show output that must match line for line."""
        return any(argument.startswith("tests/data/") for argument in self.arguments)


def console_sessions(page: Path) -> list[Session]:
    sessions: list[Session] = []
    for block in fenced(page, "console"):
        for chunk in block.split("$ ")[1:]:
            command, *output = chunk.rstrip("\n").splitlines()
            if command.startswith(_PROGRAM):
                sessions.append(Session(tuple(shlex.split(command.removeprefix(_PROGRAM))), tuple(output)))
    return sessions


SESSIONS = console_sessions(ROOT / "README.md")


def test_the_readme_shows_cli_sessions() -> None:
    assert {session.arguments[0] for session in SESSIONS} >= {"validate", "stats", "export"}


@pytest.mark.parametrize("session", SESSIONS, ids=[" ".join(s.arguments) for s in SESSIONS])
def test_readme_cli_session_runs_as_shown(session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    arguments = [str(tmp_path / argument) if previous in ("-o", "--output") else argument
                 for previous, argument in zip(("", *session.arguments[:-1]), session.arguments, strict=True)]
    assert main(arguments) == (1 if session.fails else 0)
    shown = capsys.readouterr()
    actual = (shown.out + shown.err).splitlines()
    for line in session.output:
        if session.on_test_data:
            assert line in actual
        elif not re.search(r"\d|…", line):  # counts of the bundled dataset change as it grows
            assert any(line in printed for printed in actual), (line, actual)
