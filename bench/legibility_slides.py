"""How legible the static pictures are, per page preset: the smallest text and the unnamed nodes.

Run from the repository root: ``.venv/bin/python -m bench.legibility_slides``. Each view is
written as SVG on each preset and opened in Chromium; a text's size is its font size times the
scale of its screen transform (``getScreenCTM``), as ``bench/legibility.py`` reads labels in the
app. A slide is measured in pixels of its 1920 × 1080 picture, A4 and poster in points as printed
(an SVG sized in points is drawn at 96 px per inch). Node markers and their labels carry paired
SVG ids (``kg-node-N``, ``kg-label-N``), so a node drawn without its name is counted.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PX_PER_PT = 96 / 72
VIEWS = {
    "whole graph": {},
    "RLS depth 1": {"focus": "rls"},
    "path iron deficiency → IV FCM": {"from": "iron_deficiency", "to": "iv_ferric_carboxymaltose"},
    "claims around RLS": {"focus": "rls", "claims": "on"},
}
MEASURE = """() => {
  const scale = e => { const m = e.getScreenCTM(); return Math.hypot(m.a, m.b); };
  const texts = [...document.querySelectorAll('text')].filter(t => t.textContent.trim());
  const size = t => parseFloat(getComputedStyle(t).fontSize) * scale(t);
  const titles = texts.filter(t => t.closest('[id^="kg-title"]')).map(size);
  const others = texts.filter(t => !t.closest('[id^="kg-title"]')).map(size);
  const nodes = [...document.querySelectorAll('[id^="kg-node-"]')];
  const unnamed = nodes.filter(n => !document.getElementById('kg-label-' + n.id.slice(8))).length;
  return {text: Math.min(...others), title: titles.length ? Math.min(...titles) : null,
          nodes: nodes.length, unnamed: unnamed};
}"""


def measure_svg(page: Any, path: Path, unit: str) -> dict[str, Any]:
    """Open the SVG at ``path`` in ``page`` and read its smallest texts (in ``unit``: px or pt)."""
    page.goto(path.as_uri())
    figures = page.evaluate(MEASURE)
    per = PX_PER_PT if unit == "pt" else 1.0
    for name in ("text", "title"):  # to 0.01, as the browser's float arithmetic leaves 8.99985 for 9
        figures[name] = round(figures[name] / per, 2) if figures[name] is not None else None
    return figures


def write_views(folder: Path) -> list[tuple[str, str, Path]]:
    """Every view of VIEWS on every preset, as SVG files in ``folder``: (view, preset, path)."""
    from graph import Explorer, ViewSpec
    from graph.export import PAGES, export_view

    explorer = Explorer.from_path(ROOT / "data" / "rls")
    written = []
    for index, (name, query) in enumerate(VIEWS.items()):
        view = explorer.view(ViewSpec.from_query(query))
        for preset in PAGES:
            path = folder / f"view{index}-{preset}.svg"
            export_view(view, "svg", path, page=preset)
            written.append((name, preset, path))
    return written


def run() -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    from graph.export.pages import MINIMUMS
    from tests.conftest import CHROMIUM_ARGS

    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as folder:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        page = browser.new_page()
        return [{"view": name, "preset": preset, "unit": MINIMUMS[preset][2],
                 **measure_svg(page, path, MINIMUMS[preset][2])}
                for name, preset, path in write_views(Path(folder))]


def main() -> None:
    from graph.export.pages import MINIMUMS

    print("view | preset | smallest text | title | minimum (text, title) | nodes drawn | unnamed")
    print("--- | --- | --- | --- | --- | --- | ---")
    for row in run():
        low, title, unit = MINIMUMS[row["preset"]]
        print(f"{row['view']} | {row['preset']} | {row['text']:.1f} {unit} | {row['title']:.1f} {unit} | "
              f"{low:g}, {title:g} {unit} | {row['nodes']} | {row['unnamed']}")


if __name__ == "__main__":
    main()
