"""Start the app (``kg app``) from a checkout or an installed copy, with the project's server settings.

``streamlit run app.py`` reads ``.streamlit/config.toml`` from the working directory, which an
installed copy run elsewhere does not have. The settings live once, in ``ui/config.toml`` (the
checkout's ``.streamlit/config.toml`` links to it), and are passed to Streamlit as options here,
so the app is private and fast wherever it is started from.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app.py"
CONFIG = Path(__file__).with_name("config.toml")


def config_options() -> list[str]:
    """The settings of ``ui/config.toml`` as Streamlit command-line options (``--server.address=…``)."""
    settings = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    return [f"--{section}.{key}={_option_value(value)}"
            for section, values in settings.items() for key, value in values.items()]


def streamlit_command(extra: list[str]) -> list[str]:
    """The command that serves the app; ``extra`` options (``--server.port=8600``) come last and win."""
    return [sys.executable, "-m", "streamlit", "run", str(APP), *config_options(), *extra]


def run_app(extra: list[str]) -> int:
    """Serve the app until it is stopped (Ctrl+C); returns Streamlit's exit code."""
    try:
        return subprocess.call(streamlit_command(extra))
    except KeyboardInterrupt:
        return 130


def _option_value(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


__all__ = ["APP", "CONFIG", "config_options", "run_app", "streamlit_command"]
