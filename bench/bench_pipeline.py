"""Benchmark the pipeline on synthetic datasets: load, build, layout and render.

Run: ``.venv/bin/python -m bench.bench_pipeline [--sizes 100 1000 5000] [--repeats 5]``

Each stage is reported as a median over repeats, next to a baseline measured in the same run:
loading against a bare ``yaml.load`` with libyaml (the floor for any YAML reader), the force
layout against networkx's spring layout (one run; it needs scipy from 500 nodes), and rendering
against pyvis's own ``from_nx`` + ``generate_html`` on the same graph.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import yaml
from pyvis.network import Network

from graph import Explorer, ViewSpec, load_bytes
from graph.network.layout import compute_layout
from graph.present.render import render_html

TIERS = ("cause", "mechanism", "condition", "feature", "test", "treatment")


def synthetic_yaml(size: int, seed: int = 1) -> bytes:
    """A valid dataset with ``size`` nodes and about three edges per node."""
    rng = random.Random(seed)
    document = {
        "meta": {"title": f"Synthetic {size}"},
        "kinds": [{"id": k, "label": k.title(), "colour": "#56B4E9", "shape": "dot", "tier": i}
                  for i, k in enumerate(TIERS)],
        "relations": [{"id": "links", "label": "links to", "inverse": "is linked from"}],
        "evidence": [{"id": "strong", "rank": 2, "label": "Strong", "certainty": "high"},
                     {"id": "weak", "rank": 1, "label": "Weak", "certainty": "low"}],
        "references": [{"id": "ref", "citation": "A reference.", "kind": "other", "verification": "verified"}],
        "nodes": [{"id": f"n{i}", "label": f"Node {i}", "kind": TIERS[i % len(TIERS)],
                   "summary": "A synthetic node.", "references": ["ref"]} for i in range(size)],
        "edges": _edges(size, rng),
    }
    return yaml.safe_dump(document, sort_keys=False).encode()


def _edges(size: int, rng: random.Random) -> list[dict]:
    pairs = {(i, rng.randrange(size)) for i in range(size) for _ in range(3)}
    return [{"source": f"n{a}", "target": f"n{b}", "relation": "links", "evidence": rng.choice(["strong", "weak"]),
             "references": ["ref"]} for a, b in sorted(pairs) if a != b]


def median_seconds(work: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def pyvis_baseline(graph: nx.MultiDiGraph) -> str:
    net = Network(directed=True, cdn_resources="in_line")
    net.from_nx(nx.DiGraph(graph))
    return net.generate_html()


def networkx_spring(graph: nx.MultiDiGraph) -> dict:
    """The layout the force layout replaced: networkx's spring layout, 200 iterations."""
    return nx.spring_layout(nx.Graph(graph.to_undirected()), seed=7, iterations=200, method="force")


def bench_size(size: int, repeats: int) -> list[tuple[str, float, str, float]]:
    data = synthetic_yaml(size)
    explorer = Explorer(load_bytes(data, "synthetic.yaml"))
    view = explorer.view(ViewSpec())
    parse = median_seconds(lambda: yaml.load(data, Loader=yaml.CSafeLoader), repeats)
    pyvis = median_seconds(lambda: pyvis_baseline(explorer.graph), repeats)
    return [
        ("load + validate", median_seconds(lambda: load_bytes(data, "synthetic.yaml"), repeats), "yaml.load", parse),
        ("build graph", median_seconds(lambda: Explorer(explorer.dataset).graph, repeats), "yaml.load", parse),
        ("layered layout", median_seconds(lambda: compute_layout(explorer.graph, "layered"), repeats),
         "yaml.load", parse),
        ("force layout", median_seconds(lambda: compute_layout(explorer.graph, "force"), repeats),
         "nx.spring_layout", median_seconds(lambda: networkx_spring(explorer.graph), 1)),
        ("render html", median_seconds(lambda: render_html(view), repeats), "pyvis from_nx+html", pyvis),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    print(f"{'nodes':>6} {'stage':<16} {'median s':>9} {'baseline':<19} {'base s':>8} {'ratio':>7}")
    for size in args.sizes:
        for stage, seconds, baseline, base_seconds in bench_size(size, args.repeats):
            print(f"{size:>6} {stage:<16} {seconds:>9.3f} {baseline:<19} {base_seconds:>8.3f} "
                  f"{seconds / base_seconds:>6.1f}x")
    print(f"(YAML of the largest size: {len(synthetic_yaml(args.sizes[-1])) / 1024:.0f} KiB; {Path(__file__).name})")


if __name__ == "__main__":
    main()
