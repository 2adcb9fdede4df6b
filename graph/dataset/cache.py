"""A disk cache of validated datasets, keyed by the hash of their files and of the library's code.

Parsing and validating 20,000 nodes takes seconds; reading the validated dataset back takes a
fraction of that. :func:`cached_load` returns the cached dataset when the same files (names and
bytes) were validated before by the same code, across reruns and server restarts, and otherwise
loads them with :func:`~graph.dataset.loading.load_sources` and stores the result. A dataset
with problems is never stored, so its problems are reported every time.

An entry is plain JSON data behind a header line holding its format and the SHA-256 of the JSON:
reading one never runs code, a damaged byte never passes for a different dataset, and the records
are rebuilt with every value's type checked (:mod:`graph.dataset.plain`). Any entry that fails a
check, or cannot be read at all, is deleted and rebuilt. The folder is still one only the current
user may write (created with mode 0700, refused otherwise). The key includes a hash of every
module of the ``graph`` package and its version, so a change anywhere in the library (the model
imports rules from ``graph/viewspec.py``) never serves an old shape.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path

from graph.dataset.loading import load_sources
from graph.dataset.model import Dataset
from graph.dataset.plain import PlainDataError, from_plain, to_plain
from graph.dataset.yamlsafe import paused_gc

CACHE_ENV = "KG_CACHE_DIR"
KEPT_ENTRIES = 16
PACKAGE = "knowledge-graph-explorer"
_SUFFIX = ".dataset.json"
_MAGIC = b"kg-dataset-cache 1 "
_LIBRARY = Path(__file__).resolve().parent.parent


def cached_load(sources: Iterable[tuple[str, bytes]], folder: Path | None = None) -> Dataset:
    """The validated dataset of ``(file name, bytes)`` pairs, from the cache when it has it.

    Raises ValidationError, exactly as ``load_sources`` does, when the files have problems.
    """
    sources = list(sources)
    folder = folder or cache_folder()
    entry = folder / f"{cache_key(sources)}{_SUFFIX}" if _private(folder) else None
    cached = _read(entry) if entry else None
    if cached is not None:
        return cached
    dataset = load_sources(sources)
    if entry:
        _write(entry, dataset)
    return dataset


def cache_folder() -> Path:
    """``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/knowledge-graph-explorer`` (``~/.cache/...``)."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "knowledge-graph-explorer"


def cache_key(sources: list[tuple[str, bytes]]) -> str:
    """The entry name of these files: their names and bytes, the library's code and its version."""
    digest = hashlib.sha256(code_version().encode())
    for name, data in sources:
        digest.update(name.encode("utf-8", "surrogatepass") + b"\0" + len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()[:32]


@cache
def code_version() -> str:
    """A hash of every module of the ``graph`` package and of its version: new code means new keys."""
    digest = hashlib.sha256(_package_version().encode() + b"\0")
    for module in sorted(_LIBRARY.rglob("*.py")):
        digest.update(module.relative_to(_LIBRARY).as_posix().encode() + b"\0" + module.read_bytes())
    return digest.hexdigest()


def _package_version() -> str:
    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:  # run from a checkout: its source is hashed anyway
        return "source"


def _private(folder: Path) -> bool:
    """Create the folder for this user only; refuse one that others could write into."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError:
        return False
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read(entry: Path) -> Dataset | None:
    """The entry's dataset; None (and the entry removed) when it is missing, damaged or not ours."""
    try:
        with paused_gc():
            dataset = decode_entry(entry.read_bytes())
        entry.touch()
        return dataset
    except FileNotFoundError:
        return None
    except (OSError, MemoryError, RecursionError, PlainDataError):
        entry.unlink(missing_ok=True)
        return None


def decode_entry(data: bytes) -> Dataset:
    """The dataset stored in an entry's bytes; raises PlainDataError unless every check passes."""
    header, _, body = data.partition(b"\n")
    if header != _MAGIC + hashlib.sha256(body).hexdigest().encode():
        raise PlainDataError("not a cache entry of this format, or damaged.")
    try:
        plain = json.loads(body)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise PlainDataError(f"not JSON: {exc}") from None
    return from_plain(Dataset, plain)


def encode_entry(dataset: Dataset) -> bytes:
    """The bytes of an entry holding ``dataset``."""
    body = json.dumps(to_plain(dataset), ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()
    return _MAGIC + hashlib.sha256(body).hexdigest().encode() + b"\n" + body


def _write(entry: Path, dataset: Dataset) -> None:
    """Store atomically (a reader never sees half a file), then keep only the newest entries."""
    partial = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
    try:
        partial.write_bytes(encode_entry(dataset))
        os.replace(partial, entry)
        _prune(entry.parent)
    except (OSError, ValueError):
        partial.unlink(missing_ok=True)


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob(f"*{_SUFFIX}"), key=lambda path: path.stat().st_mtime, reverse=True)
    for old in entries[KEPT_ENTRIES:]:
        old.unlink(missing_ok=True)
