"""Export 100 views of the RLS dataset in one process and report memory, file handles and speed.

Run from the repository root: ``.venv/bin/python -m bench.bench_export [DATASET] [COUNT]``.
Each export focuses on a
different node (cycling through the dataset) and the formats are cycled too, all through
``export_view`` into a temporary folder. Peak RSS is reported after 10, 50 and 100 exports: if it
keeps growing, something (a matplotlib figure, an open file) is leaking. Image formats are
also timed on the whole graph against a baseline measured in the same run: networkx's bare
``draw_networkx`` of the same view (no legend, caption or styling), for each page preset, and
the size of the largest picture (the claims layer at scale 4) is reported before and after the
40-megapixel cap.
"""

from __future__ import annotations

import io
import os
import resource
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import networkx as nx
from matplotlib.figure import Figure

from graph import Explorer, View, ViewSpec
from graph.export import FORMATS, ExportOptions, export_bytes, export_view
from graph.export.image_export import picture_size, png_pixels
from graph.export.pages import pixels

FORMAT_CYCLE = ["png", "svg", "pdf", "graphml", "gexf", "dot", "mermaid", "csv", "md", "json", "cyjs"]
CHECKPOINTS = (10, 50, 100)


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def run(dataset: str, count: int) -> dict[str, list[float]]:
    """Export ``count`` views, printing checkpoints; return seconds per export by format."""
    explorer = Explorer.from_path(dataset)
    nodes = sorted(explorer.graph)
    timings: dict[str, list[float]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as folder:
        for index in range(count):
            fmt = FORMAT_CYCLE[index % len(FORMAT_CYCLE)]
            view = explorer.view(ViewSpec(focus=nodes[index % len(nodes)], claims=True))
            start = time.perf_counter()
            export_view(view, fmt, Path(folder) / f"view{index}{FORMATS[fmt].suffix}")
            timings[fmt].append(time.perf_counter() - start)
            if index + 1 in CHECKPOINTS:
                print(f"after {index + 1:3d} exports: peak RSS {peak_rss_mib():7.1f} MiB")
    return timings


def median_ms(work: Callable[[], object], repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def bare_drawing(view: View, fmt: str) -> None:
    """Baseline: networkx's own ``draw_networkx`` of the same view, no legend, caption or styling."""
    figure = Figure(figsize=(12, 8))
    nx.draw_networkx(view.graph, view.layout_positions, ax=figure.add_subplot(), font_size=7, node_size=200)
    figure.savefig(io.BytesIO(), format=fmt, dpi=100)


def compare_overview(dataset: str, fmt: str) -> str:
    """Our export of the whole graph on each page against the bare networkx drawing of it, same run."""
    view = Explorer.from_path(dataset).view(ViewSpec(claims=True))
    bare = median_ms(lambda: bare_drawing(view, fmt), repeats=3)
    pages = [f"{page} {median_ms(lambda page=page: export_bytes(view, fmt, page=page), repeats=3):7.1f} ms"
             for page in ("poster", "slide", "a4")]
    return f"overview {', '.join(pages)} vs bare nx.draw_networkx {bare:7.1f} ms"


def largest_picture(dataset: str) -> str:
    """The claims layer's PNG at scale 4: the size it would have, and the size drawn under the cap."""
    view = Explorer.from_path(dataset).view(ViewSpec(claims=True))
    options = ExportOptions(scale=4)
    (width, height), (drawn_w, drawn_h) = pixels(picture_size(view, options), 4), png_pixels(view, options)
    return (f"claims layer PNG at scale 4: {width} x {height} px ({width * height / 1e6:.1f} MP) would be drawn; "
            f"capped to {drawn_w} x {drawn_h} px ({drawn_w * drawn_h / 1e6:.1f} MP)")


def main() -> None:
    dataset = sys.argv[1] if len(sys.argv) > 1 else "data/rls"
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    before = open_fds()
    print(f"open file descriptors before: {before}")
    timings = run(dataset, count)
    print(f"open file descriptors after:  {open_fds()}")
    for fmt in FORMAT_CYCLE:
        if timings[fmt]:
            median = statistics.median(timings[fmt]) * 1000
            line = f"{fmt:8s} median {median:8.1f} ms over {len(timings[fmt])} exports"
            if fmt in ("png", "svg", "pdf"):
                line += f"; {compare_overview(dataset, fmt)}"
            print(line)
    print(largest_picture(dataset))


if __name__ == "__main__":
    main()
