"""An installed copy works outside the checkout: packages, templates, vis-network and the bundled data."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from ui import launch

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def test_every_package_in_the_checkout_is_declared() -> None:
    found = {str(init.parent.relative_to(ROOT)).replace("/", ".")
             for top in ("graph", "ui") for init in (ROOT / top).rglob("__init__.py")}
    assert found | {"graph.data"} == set(PROJECT["tool"]["setuptools"]["packages"])


def test_the_app_is_started_with_the_settings_of_its_config_file() -> None:
    options = launch.config_options()
    assert "--server.address=127.0.0.1" in options and "--runner.postScriptGC=false" in options
    assert "--server.fileWatcherType=none" in options  # the watcher cost seconds of CPU per page load
    settings = tomllib.loads(launch.CONFIG.read_text())
    assert len(options) == sum(len(values) for values in settings.values())
    assert (ROOT / ".streamlit" / "config.toml").resolve() == launch.CONFIG


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--wheel-dir", str(out), str(ROOT)], check=True, capture_output=True)
    return next(out.glob("*.whl"))


def test_the_wheel_holds_the_files_the_package_reads(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {"graph/py.typed", "graph/data/rls/00-meta.yaml", "graph/data/photosynthesis.yaml", "app.py",
                "graph/present/vendor/vis-network/vis-network.min.js", "graph/present/templates/network.js",
                "graph/export/templates/lesson.html.j2", "ui/config.toml", "ui/build_canvas.js", "ui/build_layout.js",
                "ui/build_canvas.css"}
    assert expected <= names
    assert not any(name.startswith(("tests/", "bench/")) for name in names)


def test_an_installed_copy_validates_and_exports_the_bundled_data_from_elsewhere(
        wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site),
                    str(wheel)], check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    def kg(*args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "graph", *args], cwd=elsewhere, capture_output=True,
                              text=True, env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}, check=True)
        return done.stdout

    assert f"{site}/graph/data/rls: valid." in kg("validate")
    kg("export", "--format", "html", "-o", "view.html")
    kg("export", "--focus", "rls", "--format", "png", "-o", "view.png")
    assert "new vis.Network" in (elsewhere / "view.html").read_text()
    assert (elsewhere / "view.png").read_bytes().startswith(b"\x89PNG")
