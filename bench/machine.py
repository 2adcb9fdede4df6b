"""A one-paragraph description of the machine a benchmark ran on, for its results file."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path


def describe_machine() -> str:
    """CPU, cores, memory, load, OS, and the versions that shape the figures."""
    cpu = _first_value("/proc/cpuinfo", "model name") or platform.processor() or "unknown CPU"
    memory_gib = int(_first_value("/proc/meminfo", "MemTotal").split()[0]) / 1024 / 1024
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    versions = ", ".join(f"{name} {_version(name)}" for name in ("streamlit", "uvloop", "pyvis", "networkx", "PyYAML"))
    return (f"Machine: {cpu}, {os.cpu_count()} cores, {memory_gib:.0f} GiB RAM, {platform.platform()}; "
            f"load average at the end {load} (the machine is shared, so figures are noisy). "
            f"Python {platform.python_version()}, {versions}, {_chromium()}.")


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def _first_value(path: str, key: str) -> str:
    try:
        lines = Path(path).read_text().splitlines()
    except OSError:
        return ""
    return next((line.split(":", 1)[1].strip() for line in lines if line.startswith(key)), "")


def _chromium() -> str:
    try:
        return subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True,
                              timeout=20).stdout.strip() or "Chromium (version unknown)"
    except (OSError, subprocess.SubprocessError):
        return "no Chromium"
