"""The published JSON Schema matches the format the loader enforces."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from graph.dataset.loading import dataset_files
from graph.dataset.schema import json_schema
from tests.helpers import DATA, ROOT

SCHEMA_FILE = ROOT / "schema" / "dataset.schema.json"


class DatesAsText(yaml.SafeLoader):
    """Reads unquoted dates as text, as the loader and YAML 1.2 editors do (meta.reviewed)."""


DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if not tag.endswith(":timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
VALID = [ROOT / "data" / "rls", ROOT / "data" / "photosynthesis.yaml", DATA / "tiny.yaml", DATA / "xss.yaml"]


def test_committed_schema_is_current() -> None:
    """Regenerate with: python -m graph schema -o schema/dataset.schema.json"""
    assert json.loads(SCHEMA_FILE.read_text()) == json_schema()


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_datasets_pass_the_json_schema(path: Path) -> None:
    validator = jsonschema.Draft202012Validator(json_schema())
    for file in dataset_files(path):
        errors = list(validator.iter_errors(yaml.load(file.read_text(), Loader=DatesAsText)))
        assert not errors, (file, errors[:3])


@pytest.mark.parametrize("name", ["unknown_key.yaml", "missing_field.yaml", "wrong_type.yaml"])
def test_broken_files_fail_the_json_schema_too(name: str) -> None:
    document = yaml.safe_load((DATA / "broken" / name).read_text())
    assert list(jsonschema.Draft202012Validator(json_schema()).iter_errors(document))
