"""The command line: exit codes, messages and outputs."""

from __future__ import annotations

import json
import os
from dataclasses import fields
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph import ViewSpec
from graph.cli import _parser, main, view_spec
from graph.viewspec import query_names
from tests.helpers import DATA, TINY


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_prints_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(TINY))
    assert code == 0
    assert "5 nodes: cause 2, mechanism 1, condition 1, treatment 1" in out
    assert "evidence: cohort 2, trial 2, claimed 1" in out


def test_validate_reports_problems_as_file_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "validate", str(DATA / "broken" / "unknown_kind.yaml"))
    assert code == 1
    assert "unknown_kind.yaml:11: node kind 'couse' is not a kind id. Did you mean 'cause'?" in err
    assert "Traceback" not in err


def test_strict_validation_fails_on_quality_warnings(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = TINY.read_text().replace("references:\n", "references:\n  - {id: spare, citation: Unused., kind: other, "
                                    "verification: verified}\n", 1)
    (tmp_path / "d.yaml").write_text(text)
    assert run(capsys, "validate", "--strict", str(TINY))[0] == 0
    code, _, err = run(capsys, "validate", str(tmp_path / "d.yaml"))
    assert code == 0 and "Warning: " in err and "reference 'spare' is never cited." in err
    code, _, err = run(capsys, "validate", "--strict", str(tmp_path / "d.yaml"))
    assert code == 1 and "Error: " in err and "reference 'spare' is never cited." in err


def test_stats(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "stats", str(TINY))
    assert code == 0
    assert "connected components: 1 (sizes 5)" in out and "isolated nodes: none" in out
    assert "highest degree: The disease (3)" in out


def test_export_json_round_trips_with_required_attributes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "view.json"
    code, out, _ = run(capsys, "export", str(TINY), "--format", "json", "-o", str(target), "--claims", "on")
    assert code == 0 and "Wrote" in out
    graph = nx.node_link_graph(json.loads(target.read_text()), edges="edges")
    assert graph.number_of_nodes() == 7
    assert all({"kind", "label"} <= set(data) for _, data in graph.nodes(data=True))
    assert all({"relation", "evidence"} <= set(data) for *_, data in graph.edges(data=True))


def test_export_errors_are_messages_not_tracebacks(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "export", str(TINY), "-o", str(tmp_path / "x.unknown"))
    assert code == 1 and err.startswith("Error: cannot tell the format from 'x.unknown'")
    code, _, err = run(capsys, "export", str(TINY), "-o", str(tmp_path / "x.json"), "--focus", "pil")
    assert code == 1 and "Did you mean 'pill'?" in err
    code, _, err = run(capsys, "export", str(TINY), "-o", str(tmp_path / "missing" / "x.json"))
    assert code == 1 and "does not exist" in err


@pytest.mark.parametrize(("given", "missing"), [("--from", "--to"), ("--to", "--from")])
def test_half_a_path_is_refused_naming_the_missing_option(given: str, missing: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Half a path used to export the whole graph with exit code 0."""
    code, _, err = run(capsys, "export", str(TINY), "-o", str(tmp_path / "x.json"), given, "pill")
    assert code == 1
    assert err == (f"Error: {given} is given without {missing}: a path needs both ends. "
                   f"Add {missing} NODE_ID, or leave out {given}.\n")
    assert not list(tmp_path.iterdir())


def test_default_path_is_the_bundled_dataset(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate")
    assert code == 0 and "Restless legs syndrome" in out


def test_unwritable_folder_is_a_message(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def refuse(path: str | Path, *args: Any, **kwargs: Any) -> int:
        if Path(path).parent == tmp_path:
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)  # exports create their temporary file with os.open
    code, _, err = run(capsys, "export", str(TINY), "-o", str(tmp_path / "x.json"))
    assert code == 1 and err.startswith(f"Error: cannot write {tmp_path / 'x.json'}: Permission denied.")
    assert not list(tmp_path.iterdir())


APP_VIEWS = [
    ViewSpec(focus="disease", depth=2, direction="in", kinds=("cause", "condition"), evidence="cohort"),
    ViewSpec(claims=True, verdicts=("contradicted",), layout="force", path_from="bad_blood", path_to="disease"),
]


@pytest.mark.parametrize("spec", APP_VIEWS)
def test_the_cli_reads_every_view_option_as_the_app_writes_it_in_its_link(spec: ViewSpec) -> None:
    flags = [f"--{name}={value}" for name, value in spec.to_query().items()]
    assert view_spec(_parser().parse_args(["export", "-o", "x.json", *flags])) == spec


def test_every_view_option_is_a_flag_of_export_and_quiz() -> None:
    given = {"focus": "a", "depth": "2", "direction": "in", "kinds": "k", "relations": "r", "evidence": "e",
             "claims": "on", "verdicts": "supported", "layout": "force", "from": "a", "to": "b",
             "expand": "c,d", "hide": "e"}
    assert sorted(given) == sorted(query_names()) and len(query_names()) == len(fields(ViewSpec))
    for command in ("export", "quiz"):
        args = _parser().parse_args([command, "-o", "x", *(f"--{name}={value}" for name, value in given.items())])
        assert view_spec(args) == ViewSpec.from_query(given)


def test_expand_and_hide_grow_and_trim_the_exported_view(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, *_ = run(capsys, "export", str(TINY), "--focus", "brain_iron", "--direction", "out",
                   "--expand", "low_iron", "--hide", "pill", "-o", str(tmp_path / "v.json"))
    nodes = {node["id"] for node in json.loads((tmp_path / "v.json").read_text())["nodes"]}
    assert code == 0 and nodes == {"brain_iron", "disease", "low_iron"}


def test_verdicts_narrow_the_exported_claims(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, *_ = run(capsys, "export", str(TINY), "--claims", "on", "--verdicts", "supported",
                       "-o", str(tmp_path / "v.json"))
    claims = [n for n in json.loads((tmp_path / "v.json").read_text())["nodes"] if n["layer"] == "claims"]
    assert code == 0 and claims and {claim["verdict"] for claim in claims} == {"supported"}


def test_a_bad_view_option_is_an_error_about_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "export", str(TINY), "--verdicts", "maybe", "-o", "x.json")
    assert code == 1 and err.startswith("Error: ") and "maybe" in err and "Traceback" not in err
