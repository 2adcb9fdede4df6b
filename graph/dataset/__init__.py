"""Reading and validating a dataset: the declared format, safe YAML, checks and typed records.

Bytes or files go in; a validated :class:`Dataset` comes out, or a
:class:`~graph.errors.ValidationError` listing every problem with its file and line.
"""

from graph.dataset.cache import cached_load
from graph.dataset.formatdoc import write_format_doc
from graph.dataset.limits import MAX_UPLOAD_BYTES, MAX_UPLOAD_MB, upload_caption
from graph.dataset.lint import lint_dataset
from graph.dataset.loading import load_bytes, load_dataset, load_sources
from graph.dataset.model import Dataset, Tour, TourStep
from graph.dataset.reading import dataset_files, read_sources
from graph.dataset.schema import json_schema
from graph.dataset.upload import load_upload
from graph.dataset.views import check_view
from graph.dataset.vocabulary import VERDICTS

__all__ = ["MAX_UPLOAD_BYTES", "MAX_UPLOAD_MB", "VERDICTS", "Dataset", "Tour", "TourStep", "cached_load", "check_view",
           "dataset_files", "json_schema", "lint_dataset", "load_bytes", "load_dataset", "load_sources", "load_upload",
           "read_sources",
           "upload_caption", "write_format_doc"]
