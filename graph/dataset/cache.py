"""A disk cache of validated datasets, keyed by the hash of their files and of the loader's code.

Parsing and validating 20,000 nodes takes seconds; reading the validated dataset back takes a
tenth of a second. :func:`cached_load` returns the cached dataset when the same files (names and
bytes) were validated before by the same code, across reruns and server restarts, and otherwise
loads them with :func:`~graph.dataset.loading.load_sources` and stores the result. A dataset
with problems is never stored, so its problems are reported every time.

The entries are pickles, which can run code when read, so the cache lives in a folder only the
current user may write (created with mode 0700, refused otherwise), and a damaged or unreadable
entry is ignored and rebuilt. The key includes a hash of this package's source, so changing the
format or the model never serves an old shape.
"""

from __future__ import annotations

import copyreg
import hashlib
import os
import pickle
import stat
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from types import MappingProxyType

from graph.dataset.loading import load_sources
from graph.dataset.model import Dataset
from graph.dataset.yamlsafe import paused_gc

CACHE_ENV = "KG_CACHE_DIR"
KEPT_ENTRIES = 16
_SUFFIX = ".dataset.pickle"


def cached_load(sources: Iterable[tuple[str, bytes]], folder: Path | None = None) -> Dataset:
    """The validated dataset of ``(file name, bytes)`` pairs, from the cache when it has it.

    Raises ValidationError, exactly as ``load_sources`` does, when the files have problems.
    """
    sources = list(sources)
    folder = folder or cache_folder()
    entry = folder / f"{_key(sources)}{_SUFFIX}" if _private(folder) else None
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


def _key(sources: list[tuple[str, bytes]]) -> str:
    digest = hashlib.sha256(_code_version().encode())
    for name, data in sources:
        digest.update(name.encode("utf-8", "surrogatepass") + b"\0" + len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()[:32]


@cache
def _code_version() -> str:
    """A hash of the dataset package's source: a new format or model means new keys."""
    digest = hashlib.sha256()
    for module in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(module.name.encode() + module.read_bytes())
    return digest.hexdigest()


def _private(folder: Path) -> bool:
    """Create the folder for this user only; refuse one that others could write into."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError:
        return False
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read(entry: Path) -> Dataset | None:
    try:
        with entry.open("rb") as stream, paused_gc():
            dataset = pickle.load(stream)  # our own entry, in a folder only this user can write
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    if not isinstance(dataset, Dataset):
        return None
    entry.touch()
    return dataset


def _write(entry: Path, dataset: Dataset) -> None:
    """Store atomically (a reader never sees half a file), then keep only the newest entries."""
    partial = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
    try:
        with partial.open("wb") as stream:
            pickle.dump(dataset, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, entry)
        _prune(entry.parent)
    except (OSError, pickle.PicklingError):
        partial.unlink(missing_ok=True)


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob(f"*{_SUFFIX}"), key=lambda path: path.stat().st_mtime, reverse=True)
    for old in entries[KEPT_ENTRIES:]:
        old.unlink(missing_ok=True)


def _mapping_proxy(values: dict) -> MappingProxyType:
    """Rebuild a read-only mapping (node attributes) when a cached dataset is read."""
    return MappingProxyType(values)


copyreg.pickle(MappingProxyType, lambda proxy: (_mapping_proxy, (dict(proxy),)))
