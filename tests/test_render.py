"""The network page: offline, escaped, styled from the data, with a legend and a global ``network``."""

from __future__ import annotations

import json
import re

from pyvis.network import Network

from graph import ViewSpec
from graph.present.placement import FIT_MARGIN, HEADING_PX, MAX_ZOOM, MIN_LABEL_PX, NARROW_BELOW_PX, PHONE_BAR_PX
from graph.present.render import (
    add_records,
    component_script,
    component_style,
    network_payload,
    network_script,
    render_html,
    vis_asset,
    vis_edge,
    vis_node,
)
from graph.present.style import PATH_COLOUR
from graph.present.styled import styled_view
from tests.helpers import RLS, XSS, explorer

REMOTE_RESOURCE = re.compile(r"""<(script|link|img|iframe)[^>]+(src|href)=["']?(https?:)?//""", re.I)


def payload_of(html: str) -> dict:
    return json.loads(re.search(r"var payload = (.*);\n", html).group(1))


def test_page_has_no_remote_resources_and_inlines_vis() -> None:
    html = render_html(explorer().view())
    assert not REMOTE_RESOURCE.search(html)
    assert "cdn.jsdelivr" not in html and "cdnjs" not in html and "bootstrap" not in html.lower()
    assert "var kg = kgNetwork(" in html
    assert len(html) > 600_000  # vis-network itself is inlined


def test_the_page_and_the_app_component_share_one_network_script() -> None:
    html, component = render_html(explorer().view()), component_script("app/static/vis.js")
    script = network_script()
    assert "function kgNetwork(" in script and script in html and script in component
    assert html.count("new vis.Network(") == component.count("new vis.Network(") == 1


def test_the_app_component_loads_vis_network_by_url_instead_of_carrying_it() -> None:
    """A component's script and style travel with every rerun: they must stay small."""
    component, style = component_script("app/static/vis.js"), component_style()
    assert 'const KG_VIS_URL = "app/static/vis.js";' in component
    assert vis_asset("vis-network.min.js") not in component
    assert len(component) + len(style) < 120_000
    assert style.startswith("div.vis-tooltip{") and "position:absolute" in style


def test_styles_come_from_kinds_and_evidence() -> None:
    payload = network_payload(explorer().view())
    pill = next(n for n in payload["nodes"] if n["id"] == "pill")
    assert (pill["shape"], pill["color"]["background"]) == ("box", "#009E73")
    edges = {e["id"]: e for e in payload["edges"]}
    assert edges["pill--treats--disease"]["dashes"] is False
    assert edges["low_iron--leads_to--brain_iron"]["dashes"] == [8, 6]
    assert edges["pill--treats--disease"]["width"] > edges["low_iron--leads_to--brain_iron"]["width"]
    assert pill["color"]["hover"]["background"] == pill["color"]["background"]  # hover keeps the kind colour
    assert json.loads(payload["options"])["physics"]["enabled"] is False


def test_positions_are_fixed_and_path_is_highlighted() -> None:
    view = explorer().view(ViewSpec(path_from="low_iron", path_to="pill"))
    payload = network_payload(view)
    assert all((n["x"], n["y"]) == view.layout_positions[n["id"]] for n in payload["nodes"])
    path_edge = next(e for e in payload["edges"] if e["id"] == "pill--treats--low_iron")
    assert path_edge["color"]["color"] == PATH_COLOUR


def test_legend_lists_kinds_evidence_and_verdicts_shown() -> None:
    legend = json.dumps(network_payload(explorer().view(ViewSpec(claims=True)))["legend"])
    for text in ("Cause", "Treatment", "High certainty (solid)", "Randomised trial", "Claimed only", "Contradicted",
                 "Supported"):
        assert text in legend
    assert "Contradicted" not in json.dumps(network_payload(explorer().view())["legend"])


def test_vis_keyboard_is_off_so_keys_outside_the_graph_never_move_it() -> None:
    options = json.loads(network_payload(explorer().view())["options"])
    assert options["interaction"]["keyboard"]["enabled"] is False


def test_payloads_are_escaped_everywhere_in_the_page() -> None:
    view = explorer(XSS).view(ViewSpec(claims=True))
    html = render_html(view)
    script_free = re.sub(r"<script>.*?</script>", "", html, flags=re.S)
    assert "<img" not in script_free.lower()
    payload_json = re.search(r"var payload = (.*);\n", html).group(1)
    assert "<" not in payload_json and ">" not in payload_json  # tojson escapes them
    labels = {n["label"] for n in payload_of(html)["nodes"]}
    assert any("<img" in label for label in labels)  # shown as text, not markup
    assert "&lt;" in html.split("<body>", 1)[1].split("<script>", 1)[0]


def test_records_are_exactly_what_pyvis_add_node_and_add_edge_make() -> None:
    """The fast path fills pyvis's lists directly; the records must equal pyvis's own, key order too."""
    styled = styled_view(explorer(RLS).view(ViewSpec(claims=True)))
    fast, slow = (Network(directed=True) for _ in range(2))
    add_records(fast, styled)
    for node in styled.nodes:
        slow.add_node(node.id, **vis_node(node))
    for edge in styled.edges:
        slow.add_edge(edge.source, edge.target, **vis_edge(edge))
    assert json.dumps(fast.get_network_data()[:2]) == json.dumps(slow.get_network_data()[:2])
    assert fast.node_ids == slow.node_ids and fast.node_map == slow.node_map


def test_the_page_takes_its_zoom_and_label_rules_from_the_payload() -> None:
    rules = network_payload(explorer().view())["rules"]
    assert rules == {"max_zoom": MAX_ZOOM, "min_label_px": MIN_LABEL_PX, "heading_px": HEADING_PX,
                     "fit_margin": FIT_MARGIN, "narrow_below_px": NARROW_BELOW_PX, "phone_bar_px": PHONE_BAR_PX}
    script = network_script()
    assert all(f"rules.{name}" in script for name in rules)
    assert str(MAX_ZOOM) not in script and "KG_MAX_ZOOM" not in script and "KG_MIN_LABEL_PX" not in script
