"""Loading an uploaded dataset within the limits a shared classroom server can afford."""

from __future__ import annotations

from graph.dataset.limits import upload_count_problems, upload_size_problem
from graph.dataset.loading import load_bytes
from graph.dataset.model import Dataset
from graph.errors import ValidationError


def load_upload(data: bytes, name: str) -> Dataset:
    """Load and validate an uploaded file, refusing it when it is over the size or count limits.

    The size is checked before parsing, so an oversized upload costs nothing; the node and link
    counts after, with every problem reported as ``NAME:LINE: message``.
    """
    too_big = upload_size_problem(len(data), name)
    if too_big:
        raise ValidationError([too_big])
    dataset = load_bytes(data, name)
    too_many = upload_count_problems(dataset, name)
    if too_many:
        raise ValidationError(too_many)
    return dataset
