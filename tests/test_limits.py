"""The upload limit is one number: the library, the uploader in the browser and the server agree on it."""

from __future__ import annotations

import tomllib
from pathlib import Path

from graph.dataset.limits import MAX_UPLOAD_BYTES, MAX_UPLOAD_MB, upload_caption, upload_size_problem

CONFIG = Path(__file__).resolve().parent.parent / "ui" / "config.toml"


def test_the_limit_is_in_the_browsers_megabytes() -> None:
    """Streamlit's uploader refuses a file over MB × 1,000,000 bytes in the browser (outside Windows)."""
    assert MAX_UPLOAD_BYTES == MAX_UPLOAD_MB * 1_000_000 == 2_000_000


def test_a_file_at_the_limit_passes_and_one_byte_more_is_refused() -> None:
    assert upload_size_problem(2_000_000, "at.yaml") is None
    problem = upload_size_problem(2_000_001, "over.yaml")
    assert problem is not None and (problem.file, problem.line) == ("over.yaml", 1)
    assert problem.message == "the file is 2,000,001 bytes; uploads are limited to 2 MB (2,000,000 bytes)."


def test_the_server_caps_upload_requests_at_the_same_number() -> None:
    """The server counts its cap in MiB, so it never refuses what the library allows."""
    cap_mb = tomllib.loads(CONFIG.read_text(encoding="utf-8"))["server"]["maxUploadSize"]
    assert cap_mb == MAX_UPLOAD_MB and cap_mb * 1024 * 1024 >= MAX_UPLOAD_BYTES


def test_the_caption_states_the_limit() -> None:
    assert upload_caption().startswith(f"one file of up to {MAX_UPLOAD_MB} MB,")
