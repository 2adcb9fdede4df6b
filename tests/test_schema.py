"""The format is declared once: the JSON Schema, the docs' tables and the model agree with it."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from graph.dataset import model
from graph.dataset.fields import derived_fields, record_fields
from graph.dataset.formatdoc import update_format_doc
from graph.dataset.reading import dataset_files
from graph.dataset.schema import json_schema
from graph.dataset.vocabulary import LINE_STYLES, SHAPES
from graph.export import cyjs_export, dot_export, mermaid_export
from graph.present import style
from graph.viewspec import ViewSpec
from tests.helpers import DATA, ROOT

SCHEMA_FILE = ROOT / "schema" / "dataset.schema.json"
FORMAT_DOC = ROOT / "docs" / "format.md"
RECORDS = [value for value in vars(model).values()
           if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == model.__name__]


class DatesAsText(yaml.SafeLoader):
    """Reads unquoted dates as text, as the loader and YAML 1.2 editors do (meta.reviewed)."""


DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if not tag.endswith(":timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
VALID = [ROOT / "data" / "rls", ROOT / "data" / "photosynthesis.yaml", DATA / "tiny.yaml", DATA / "xss.yaml",
         DATA / "tours.yaml"]


def test_committed_schema_is_current() -> None:
    """Regenerate with: python -m graph schema -o schema/dataset.schema.json"""
    assert json.loads(SCHEMA_FILE.read_text()) == json_schema()


def test_committed_format_doc_is_current() -> None:
    """Regenerate with: python -m graph schema --docs docs/format.md"""
    text = FORMAT_DOC.read_text(encoding="utf-8")
    assert text.count("<!-- format: ") == 11
    assert update_format_doc(text) == text


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.__name__)
def test_every_record_field_is_a_declared_key(record: type) -> None:
    declared = {field.part_of or field.name for field in record_fields(record)}
    assert declared | set(derived_fields(record)) == {field.name for field in dataclasses.fields(record)}


def test_tour_step_keys_mirror_every_view_spec_field() -> None:
    attributes = {field.attribute or field.name for field in model.VIEW_KEYS}
    assert attributes == {field.name for field in dataclasses.fields(ViewSpec)}


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_datasets_pass_the_json_schema(path: Path) -> None:
    validator = jsonschema.Draft202012Validator(json_schema())
    for file in dataset_files(path):
        errors = list(validator.iter_errors(yaml.load(file.read_text(), Loader=DatesAsText)))
        assert not errors, (file, errors[:3])


@pytest.mark.parametrize("name", ["unknown_key.yaml", "missing_field.yaml", "wrong_type.yaml",
                                  "tour_without_steps.yaml", "tour_depth_out_of_range.yaml",
                                  "tour_unknown_verdict.yaml"])
def test_broken_files_fail_the_json_schema_too(name: str) -> None:
    document = yaml.safe_load((DATA / "broken" / name).read_text())
    assert list(jsonschema.Draft202012Validator(json_schema()).iter_errors(document))


def test_every_renderer_covers_the_vocabulary() -> None:
    """Shapes and line styles are declared once; each output format maps every one of them."""
    for mapping in (cyjs_export.SHAPES, dot_export.SHAPES, mermaid_export.SHAPES):
        assert set(SHAPES) <= set(mapping)
    for mapping in (style.DASHES, dot_export.LINES):
        assert set(LINE_STYLES) <= set(mapping)
