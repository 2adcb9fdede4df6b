"""An upload of any importable file becomes the dataset's YAML, within the same limits as a YAML upload.

The app's uploader takes a dataset's YAML or anything ``kg import`` reads (a Kumu workbook, this
project's JSON, GraphML or GEXF, a CXL concept map). The size is checked before anything is
parsed, with the same message for every format; a file to import is turned into the YAML the
command line would write, and that YAML is then loaded under the upload's node and link limits,
so every upload is refused or accepted by one rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from graph.dataset.limits import upload_size_problem
from graph.dataset.reading import YAML_SUFFIXES
from graph.dataset.upload import load_upload
from graph.errors import ValidationError
from graph.importing.sources import IMPORT_SUFFIXES, import_sources
from graph.importing.yaml_writer import dataset_yaml

UPLOAD_SUFFIXES = (*YAML_SUFFIXES, *IMPORT_SUFFIXES)


@dataclass(frozen=True)
class Upload:
    """The dataset's files to load (name, YAML bytes), and what an imported file could not carry."""

    sources: tuple[tuple[str, bytes], ...]
    lost: tuple[str, ...] = ()


def upload_sources(data: bytes, name: str) -> Upload:
    """The uploaded file as a dataset's YAML, checked as an upload is; raises ValidationError."""
    too_big = upload_size_problem(len(data), name)
    if too_big:
        raise ValidationError([too_big])
    if Path(name).suffix.lower() in YAML_SUFFIXES:
        load_upload(data, name)
        return Upload(((name, data),))
    imported = import_sources([(name, data)])
    text = dataset_yaml(imported.record, f"Imported from {Path(name).name} by the app's upload.", imported.lost)
    yaml_name = f"{Path(name).stem}.yaml (imported from {Path(name).name})"
    load_upload(text.encode("utf-8"), yaml_name)
    return Upload(((yaml_name, text.encode("utf-8")),), imported.lost)
