"""Where the bundled datasets are: ``data/`` beside the package in a checkout, inside it when installed.

``pip install .`` copies the checkout's ``data/`` folder into the package as ``graph/data/``
(see ``pyproject.toml``), so the default dataset, the CLI and the app work the same from an
installed copy run in any directory.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]


def _data_dir() -> Path:
    installed = _PACKAGE / "data"
    return installed if installed.is_dir() else _PACKAGE.parent / "data"


DATA_DIR = _data_dir()
DEFAULT_DATASET = DATA_DIR / "rls"

__all__ = ["DATA_DIR", "DEFAULT_DATASET"]
