"""Dataset text in the app stays text under Streamlit's Markdown: no autolinks, icons, emoji or colours.

Backslash escapes stop CommonMark's markup, but Streamlit's Markdown also links bare URLs,
``www.`` names and e-mail addresses, and turns ``:material/home:``, ``:smile:`` and ``:red[…]``
into icons, emoji and coloured text (ui/text.py breaks each pattern).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.test_xss_browser import DRAW_TIMEOUT_MS, wait_for_network

TINY = Path(__file__).parent / "data" / "tiny.yaml"
LABEL = "Iron: see www.evil.example"
SUMMARY = "Write to a@evil.example or https://evil.example/x :material/home: :red[red words] :smile:"
VISIBLE = """() => [...document.querySelectorAll('[data-testid="stMarkdownContainer"]')]
  .map(el => el.innerText.replaceAll('\\u2060', '')).join('\\n')"""
LINKS = """() => [...document.querySelectorAll('a[href]')].map(a => new URL(a.href))
  .filter(url => url.hostname.includes('evil') || url.href.includes('@evil')).map(url => url.href)"""


@pytest.fixture
def markup_file(tmp_path: Path) -> Path:
    text = TINY.read_text().replace("    label: Low iron\n", f'    label: "{LABEL}"\n').replace(
        "    summary: Too little iron in the body.\n", f'    summary: "{SUMMARY}"\n')
    assert LABEL in text and SUMMARY in text
    target = tmp_path / "markup.yaml"
    target.write_text(text)
    return target


@pytest.mark.browser
def test_details_show_urls_shortcodes_and_colour_markup_as_typed(page: Any, app_url: str,
                                                                  markup_file: Path) -> None:
    page.goto(app_url)
    page.wait_for_function("() => window.network && network.body.data.nodes.length > 0", timeout=DRAW_TIMEOUT_MS)
    page.locator('[data-testid="stSidebar"] input[type="file"]').set_input_files(markup_file)
    wait_for_network(page, 5)
    search = page.get_by_role("textbox", name="Search (label or alias)")
    search.fill("iron deficiency")  # an alias of the node, found as a student would find it
    search.press("Enter")
    page.locator("h3", has_text="Iron").wait_for(timeout=DRAW_TIMEOUT_MS)
    page.get_by_text("red words").first.wait_for(timeout=DRAW_TIMEOUT_MS)
    shown = page.evaluate(VISIBLE)
    assert LABEL in shown and SUMMARY in shown
    assert page.evaluate(LINKS) == []
