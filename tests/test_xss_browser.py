"""No script from a dataset ever runs: payloads stay text in the app and in every export.

The hostile dataset is tests/data/xss.yaml plus payloads that run script if any output lets them
through: each calls ``alert`` (a dialog Chromium reports) and sets ``document.title`` to "pwned".
They sit in labels, summaries, texts, notes, claims, citations, reference URLs and tour texts.
Outputs are opened by their consumers: Chromium for the app, the lesson page, SVG and
Graphviz's SVG; markdown-it (HTML allowed, as on many sites) then Chromium for the handout and
the quiz; the GIFT text is checked for markup Moodle would render. Reference links are followed
only for http, https and DOI URLs.
"""

from __future__ import annotations

import html.parser
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from markdown_it import MarkdownIt

from graph import Explorer, View, ViewSpec, load_bytes
from graph.export import export_bytes
from graph.teaching import gift_text, make_quiz, markdown_text
from tests.helpers import record_dialogs

ROOT = Path(__file__).resolve().parent.parent
XSS = ROOT / "tests" / "data" / "xss.yaml"
SHOTS = ROOT / "out" / "screenshots"
DRAW_TIMEOUT_MS = 30_000
RUN = "alert('xss');document.title='pwned'"
PAYLOADS = {
    "img": f'<img src=x onerror="{RUN}">',
    "script": f"</script><script>{RUN}</script>",
    "svg": f'<svg onload="{RUN}"></svg>',
    "attribute": f'" onmouseover="{RUN}" data-x="',
    "iframe": f"<iframe srcdoc=\"<script>parent.{RUN.replace('alert', 'parent.alert')}</script>\"></iframe>",
    "markdown_link": f"[click me](javascript:{RUN})",
    "template": "{{ 7*7 }} ${alert('xss')} {% raw %}",
}
UNSAFE_URLS = {"jsref": f"javascript:{RUN}", "dataref": "data:text/html,<script>alert('xss')</script>",
               "vbref": "vbscript:msgbox(1)", "spaced": f" javascript:{RUN}"}
INJECTED = """() => {
  const selector = 'img[src="x"], svg[onload], iframe[srcdoc], [onerror], [onmouseover], [onload], '
    + 'a[href^="javascript"], a[href^="data:"], a[href^="vbscript"]';
  const roots = [document];
  for (let i = 0; i < roots.length; i++) {
    roots[i].querySelectorAll('*').forEach(el => { if (el.shadowRoot) roots.push(el.shadowRoot); });
  }
  return roots.flatMap(root => [...root.querySelectorAll(selector)].map(el => el.outerHTML.slice(0, 120)));
}"""
LINKS = """() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))"""
NODE_CENTRE = """id => { const p = network.canvasToDOM(network.getPosition(id));
  const box = network.canvas.frame.canvas.getBoundingClientRect();
  return {x: box.left + p.x, y: box.top + p.y, hit: network.getNodeAt(p)}; }"""


def _yaml(text: str) -> str:
    """A YAML double-quoted string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def hostile_yaml() -> str:
    """tests/data/xss.yaml with every payload added to every kind of text, and a tour."""
    p = {name: _yaml(text) for name, text in PAYLOADS.items()}
    refs = "".join(f"  - {{id: {ref}, citation: {p['img']}, kind: web-page, verification: verified, "
                   f"url: {_yaml(url)}}}\n" for ref, url in UNSAFE_URLS.items())
    nodes = (f"  - {{id: handler, label: {p['attribute']}, kind: cause, summary: {p['svg']}, text: {p['iframe']}, "
             f"aliases: [{p['markdown_link']}], references: [{', '.join(UNSAFE_URLS)}]}}\n"
             f"  - {{id: templ, label: {p['template']}, kind: cause, summary: {p['markdown_link']}, "
             f"references: [jsref]}}\n")
    edges = (f"  - {{source: handler, target: script, relation: leads_to, evidence: cohort, references: [jsref], "
             f"note: {p['img']}}}\n"
             f"  - {{source: templ, target: script, relation: leads_to, evidence: trial, references: [dataref], "
             f"note: {p['script']}}}\n")
    claims = (f"  - {{id: claim_evil, statement: {p['svg']}, source: jsref, verdict: unsupported, "
              f"note: {p['markdown_link']}, references: [dataref], about_nodes: [handler]}}\n")
    tours = (f"tours:\n  - id: evil\n    title: {p['img']}\n    description: {p['script']}\n    steps:\n"
             f"      - {{caption: {p['svg']}, focus: handler}}\n"
             f"      - {{caption: {p['markdown_link']}, focus: templ}}\n")
    text = XSS.read_text(encoding="utf-8")
    for section, extra in (("references", refs), ("nodes", nodes), ("edges", edges), ("claims", claims)):
        text = text.replace(f"\n{section}:\n", f"\n{section}:\n{extra}", 1)
    return text + tours


@cache
def hostile() -> Explorer:
    return Explorer(load_bytes(hostile_yaml().encode(), "hostile.yaml"))


@cache
def hostile_view() -> View:
    return hostile().view(ViewSpec(claims=True))


@pytest.fixture
def hostile_file(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    path.write_text(hostile_yaml(), encoding="utf-8")
    return path


def test_hostile_dataset_carries_every_payload() -> None:
    graph, dataset = hostile_view().graph, hostile().dataset
    texts = [str(value) for _, data in graph.nodes(data=True) for value in data.values()]
    texts += [str(value) for *_, data in graph.edges(data=True) for value in data.values()]
    texts += [ref.citation for ref in dataset.references] + [dataset.tours[0].description]
    assert all(any(payload in text for text in texts) for payload in PAYLOADS.values())
    assert dataset.tours[0].title == PAYLOADS["img"]


# Links --------------------------------------------------------------------------------------------

def test_reference_links_follow_only_web_and_doi_urls() -> None:
    dataset = hostile().dataset
    assert all(dataset.reference(ref).link == "" for ref in UNSAFE_URLS)
    assert dataset.reference("web").link == "https://example.org/?a=1&b=<2>"
    assert dataset.reference("ref1").link == "https://doi.org/10.1000/xss.1"


# Text exports read by their consumers ---------------------------------------------------------------

class _Markup(html.parser.HTMLParser):
    """Tags, event-handler attributes and link targets of an HTML text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.handlers: list[str] = []
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.handlers += [name for name, _ in attrs if name.startswith("on")]
        self.targets += [value or "" for name, value in attrs if name in ("href", "src", "srcdoc", "action")]


def markup_of(text: str) -> _Markup:
    parser = _Markup()
    parser.feed(text)
    return parser


def assert_inert_html(text: str, allowed_tags: set[str]) -> None:
    """No element outside ``allowed_tags``, no event handler, every link http(s) or relative."""
    markup = markup_of(text)
    assert set(markup.tags) <= allowed_tags, set(markup.tags) - allowed_tags
    assert markup.handlers == []
    assert all(urlsplit(target.strip()).scheme in ("", "http", "https") for target in markup.targets), markup.targets


MARKDOWN_TAGS = {"h1", "h2", "h3", "h4", "p", "ul", "ol", "li", "em", "strong", "a", "img", "code", "pre",
                 "blockquote", "table", "thead", "tbody", "tr", "th", "td", "hr", "br"}


def handout() -> str:
    return export_bytes(hostile_view(), "md", image_name="view.png").decode("utf-8")


def quiz_markdown() -> str:
    return markdown_text(make_quiz(hostile(), ViewSpec(claims=True), seed=1))


@pytest.mark.parametrize("make", [handout, quiz_markdown], ids=["handout", "quiz"])
def test_markdown_renders_payloads_as_text(make: Any) -> None:
    rendered = MarkdownIt("commonmark").render(make())
    assert_inert_html(rendered, MARKDOWN_TAGS)
    images = [t for t in markup_of(rendered).targets if t.endswith(".png")]
    assert all(not urlsplit(t).scheme for t in images)


def test_gift_quiz_holds_no_markup_moodle_would_render() -> None:
    """Every GIFT text is declared [html], so what Moodle renders is the text without GIFT's escapes."""
    text = gift_text(make_quiz(hostile(), ViewSpec(claims=True), seed=1))
    assert text.count("[html]") > 10
    assert_inert_html(re.sub(r"\\(.)", r"\1", text), {"p"})


def test_mermaid_labels_hold_no_markup_or_click_directives() -> None:
    text = export_bytes(hostile_view(), "mermaid").decode("utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("%%"))
    assert markup_of(body).tags == []
    assert not any(line.strip().startswith(("click ", "href ", "callback ")) for line in body.splitlines())


def test_graphviz_svg_of_the_dot_export_holds_no_script() -> None:
    if shutil.which("dot") is None:
        pytest.skip("graphviz is not installed")
    svg = dot_svg()
    assert_inert_html(svg, {"svg", "g", "title", "polygon", "text", "path", "ellipse", "polyline", "a"})


@cache
def dot_svg() -> str:
    dot = export_bytes(hostile_view(), "dot")
    return subprocess.run(["dot", "-Tsvg"], input=dot, capture_output=True, check=True, timeout=60).stdout.decode()


# In Chromium --------------------------------------------------------------------------------------

def assert_nothing_ran(page: Any, dialogs: list[str], title: str) -> None:
    """No dialog, no element built from a payload, no changed title, only web links."""
    page.wait_for_timeout(300)  # give an onerror/onload handler time to fire
    assert dialogs == []
    assert page.evaluate(INJECTED) == []
    assert page.title() == title != "pwned"
    assert all(urlsplit(href).scheme in ("", "http", "https") for href in page.evaluate(LINKS))


def hover_all_nodes(page: Any, nodes: list[str]) -> None:
    """Show every node's tooltip; each must be text only."""
    for node in nodes:
        centre = page.evaluate(NODE_CENTRE, node)
        if centre["hit"] != node:
            continue
        page.mouse.move(centre["x"], centre["y"])
        tooltip = page.locator("div.vis-tooltip")
        tooltip.wait_for(state="visible", timeout=DRAW_TIMEOUT_MS)
        assert tooltip.locator(":not(br)").count() == 0


@pytest.mark.browser
def test_lesson_page_runs_no_payload(page: Any, tmp_path: Path) -> None:
    view = hostile_view()
    target = tmp_path / "lesson.html"
    target.write_bytes(export_bytes(view, "html"))
    dialogs = record_dialogs(page)
    open_lesson(page, target)
    hover_all_nodes(page, ["handler", "templ", "img", "script", "claim_evil"])
    for node in ("templ", "claim_evil", "handler"):  # the pane keeps the last one clicked
        click_node(page, node)
    pane_text = page.locator("body").inner_text()
    assert PAYLOADS["svg"] in pane_text and PAYLOADS["iframe"] in pane_text
    assert_nothing_ran(page, dialogs, view.title)


@pytest.mark.browser
@pytest.mark.parametrize("source", ["svg", "dot"])
def test_svg_pictures_run_no_payload(page: Any, tmp_path: Path, source: str) -> None:
    if source == "dot" and shutil.which("dot") is None:
        pytest.skip("graphviz is not installed")
    data = export_bytes(hostile_view(), "svg") if source == "svg" else dot_svg().encode()
    target = tmp_path / f"{source}.svg"
    target.write_bytes(data)
    dialogs = record_dialogs(page)
    page.goto(target.as_uri())
    assert_nothing_ran(page, dialogs, page.title())
    assert page.title() != "pwned"


@pytest.mark.browser
@pytest.mark.parametrize("make", [handout, quiz_markdown], ids=["handout", "quiz"])
def test_rendered_markdown_runs_no_payload(page: Any, tmp_path: Path, make: Any) -> None:
    target = tmp_path / "page.html"
    target.write_text(f"<!doctype html><title>md</title>{MarkdownIt('commonmark').render(make())}", encoding="utf-8")
    dialogs = record_dialogs(page)
    page.goto(target.as_uri())
    assert_nothing_ran(page, dialogs, "md")


def open_lesson(page: Any, target: Path) -> None:
    """Open a lesson page and expose its network as ``network``, as in the app."""
    page.goto(target.as_uri())
    page.locator("body[data-drawn=yes]").wait_for(timeout=DRAW_TIMEOUT_MS)
    page.evaluate("() => { window.network = window.network || window.lesson.kg.network; }")


def click_node(page: Any, node: str) -> None:
    centre = page.evaluate(NODE_CENTRE, node)
    assert centre["hit"] == node, f"another node covers {node}: {centre['hit']}"
    page.mouse.click(centre["x"], centre["y"])
    page.wait_for_timeout(200)


def wait_for_network(page: Any, nodes: int) -> None:
    page.wait_for_function(f"() => window.network && network.body.data.nodes.length === {nodes}",
                           timeout=DRAW_TIMEOUT_MS)
    page.locator(".kg-network[data-drawn=yes]").wait_for(timeout=DRAW_TIMEOUT_MS)


@pytest.mark.browser
def test_app_runs_no_payload_in_tooltips_details_or_tours(page: Any, app_url: str, hostile_file: Path) -> None:
    from playwright.sync_api import expect

    dialogs = record_dialogs(page)
    page.goto(f"{app_url}/?claims=on")
    page.wait_for_function("() => window.network && network.body.data.nodes.length > 0", timeout=DRAW_TIMEOUT_MS)
    title = page.title()
    page.locator('[data-testid="stSidebar"] input[type="file"]').set_input_files(hostile_file)
    wait_for_network(page, hostile().view().graph.number_of_nodes())
    hover_all_nodes(page, ["handler", "templ", "img", "script"])
    for node in ("handler", "templ"):
        centre = page.evaluate(NODE_CENTRE, node)
        page.mouse.click(centre["x"], centre["y"])
        label = hostile().graph.nodes[node]["label"].strip('" ')[:8]
        page.locator("h3", has_text=label).wait_for(timeout=DRAW_TIMEOUT_MS)
    assert_nothing_ran(page, dialogs, title)
    page.locator(".st-key-tour_start_evil button").first.click()
    step = page.locator(".st-key-tour_step")
    expect(step).to_contain_text(PAYLOADS["svg"], timeout=DRAW_TIMEOUT_MS)
    expect(step).to_contain_text(PAYLOADS["img"])
    assert_nothing_ran(page, dialogs, title)
    page.locator(".st-key-tour_next button").click()
    expect(step).to_contain_text(PAYLOADS["markdown_link"], timeout=DRAW_TIMEOUT_MS)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "xss-tour.png"))
    assert_nothing_ran(page, dialogs, title)
    take_quiz(page)
    page.screenshot(path=str(SHOTS / "xss-quiz.png"))
    assert_nothing_ran(page, dialogs, title)


def take_quiz(page: Any) -> None:
    """Leave the tour, show everything, start the app's quiz, answer and check the first question."""
    from playwright.sync_api import expect

    page.locator(".st-key-tour_leave button").click()
    expect(page.locator(".st-key-tour_step")).to_have_count(0, timeout=DRAW_TIMEOUT_MS)
    page.locator(".st-key-show_everything button").click()  # as a person would: once the tour has gone
    expect(page.locator("h2", has_text=": around")).to_have_count(0, timeout=DRAW_TIMEOUT_MS)
    page.get_by_text("Quiz yourself on this view").click()
    page.locator(".st-key-quiz_start button").click()
    expect(page.get_by_text("Question 1 of").first).to_be_visible(timeout=DRAW_TIMEOUT_MS)
    page.locator('[class*="st-key-quiz_choice_"] [data-testid="stRadioOption"]').first.click()
    page.locator(".st-key-quiz_check button").click()
    page.wait_for_timeout(1000)


# Valid but unusual text is drawn ---------------------------------------------------------------

ODD = {"low_iron": "نقص الحديد — מחסור בברזל", "pill": "Iron 🩸 pills 💊", "disease": "Fer sérique – 铁蛋白"}


@pytest.mark.browser
def test_right_to_left_and_emoji_labels_are_drawn(page: Any, tmp_path: Path) -> None:
    text = (ROOT / "tests" / "data" / "tiny.yaml").read_text(encoding="utf-8")
    for old, node in (("label: Low iron", "low_iron"), ("label: Iron pill", "pill"),
                      ("label: The disease,", "disease")):
        text = text.replace(old, f"label: {ODD[node]}" + ("," if old.endswith(",") else ""))
    view = Explorer(load_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode(), "odd.yaml")).view()
    target = tmp_path / "odd.html"
    target.write_bytes(export_bytes(view, "html"))
    open_lesson(page, target)
    labels = page.evaluate("() => Object.fromEntries(network.body.data.nodes.get().map(n => [n.id, n.label]))")
    assert {node: labels[node] for node in ODD} == {node: view.graph.nodes[node]["label"] for node in ODD}
    assert all(ODD[node] in labels[node].replace("\n", " ") for node in ODD)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "odd-labels.png"))
    widths = page.evaluate("ids => ids.map(id => { const b = network.getBoundingBox(id); return b.right - b.left; })",
                           list(ODD))
    assert all(width > 20 for width in widths)
    face = page.evaluate("id => network.body.nodes[id].options.font.face", "pill")
    assert {node: page.evaluate(MISSING_GLYPHS, [ODD[node], face]) for node in ODD} == {node: [] for node in ODD}


# Characters the canvas draws as the missing-glyph box: drawn exactly like U+10FFFD, which no font has.
MISSING_GLYPHS = r"""([text, face]) => {
  const canvas = document.createElement('canvas'); canvas.width = canvas.height = 64;
  const ctx = canvas.getContext('2d');
  const draw = ch => { ctx.clearRect(0, 0, 64, 64); ctx.font = `32px ${face}`; ctx.fillText(ch, 4, 44);
                       return ctx.getImageData(0, 0, 64, 64).data.join(','); };
  const box = draw('\u{10FFFD}');
  return [...text].filter(ch => ch.trim() && draw(ch) === box);
}"""
