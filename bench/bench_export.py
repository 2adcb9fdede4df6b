"""Export 100 views of the RLS dataset in one process and report memory, file handles and speed.

Run from the repository root: ``.venv/bin/python -m bench.bench_export [DATASET] [COUNT]``.
Each export focuses on a
different node (cycling through the dataset) and the formats are cycled too, all through
``export_view`` into a temporary folder. Peak RSS is reported after 10, 50 and 100 exports: if it
keeps growing, something (a matplotlib figure, an open file) is leaking.
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from graph import Explorer, ViewSpec
from graph.export import FORMATS, export_view

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
            print(f"{fmt:8s} median {median:8.1f} ms over {len(timings[fmt])} exports")


if __name__ == "__main__":
    main()
