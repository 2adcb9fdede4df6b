"""Scale benchmark: synthetic datasets of 100 to 20,000 nodes, in the library and in headless Chromium.

Run: ``.venv/bin/python -m bench.bench_scale`` (the full run takes many minutes), or a quick
subset: ``.venv/bin/python -m bench.bench_scale --sizes 100,1000 --repeat 3 --no-browser``.

Every figure is a median over ``--repeat`` runs, next to a baseline measured in the same run:
loading against a bare libyaml ``yaml.load`` of the same files, the drawn view's payload against
pyvis's own ``from_nx`` + ``generate_html``, the CLI against a Python process that only parses
the YAML, first draws against a hello-world Streamlit app (the floor) and against pyvis's own
default page (``from_nx``, physics on) in Streamlit. It prints our figure, theirs and the ratio,
and writes ``bench/results.md`` with a description of the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import yaml
from pyvis.network import Network

from bench import browser_timing as browser
from bench.machine import describe_machine
from bench.synthetic import dataset_name, write_dataset
from graph import Explorer, ViewSpec
from graph.dataset import dataset_files, load_dataset
from graph.network import bounded_view, build_graph, is_large
from graph.network.layout import compute_layout
from graph.present.render import network_payload, render_html

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.md"
RLS = ROOT / "data" / "rls"
PYVIS_BROWSER_MAX_NODES = 1000
BROWSER_TIMEOUT = 90.0
PYVIS_TIMEOUT = 60.0
SHORT_PAGE_REPEAT = 7  # the floor and RLS take about a second a run: the headline target gets steady medians


@dataclass(frozen=True)
class Row:
    """One measure: ours, the baseline's, and the target if the issue sets one."""

    measure: str
    size: str
    ours: float
    baseline: str = ""
    theirs: float | None = None
    target: str = ""
    unit: str = "s"

    def cells(self) -> list[str]:
        ratio = f"{self.ours / self.theirs:.2f}×" if self.theirs else ""
        theirs = _number(self.theirs, self.unit) if self.theirs is not None else ""
        return [self.measure, self.size, _number(self.ours, self.unit), self.baseline, theirs, ratio, self.target]


def _number(value: float, unit: str) -> str:
    if value == float("inf"):
        return "did not finish"
    if value != value:
        return "failed"
    cpu = f" (CPU {value.cpu:.3f})" if isinstance(value, Seconds) else ""
    formats = {"MiB": f"{value:.0f} MiB", "ms": f"{value:.1f} ms", "count": f"{value:,.0f}"}
    return formats.get(unit, f"{value:.3f} s{cpu}")


class Seconds(float):
    """A median wall-clock time that also carries the median CPU time of the same runs.

    The machine is shared, so wall-clock figures include waiting for a core; CPU time does not.
    """

    cpu: float

    def __new__(cls, wall: float, cpu: float) -> Seconds:
        seconds = super().__new__(cls, wall)
        seconds.cpu = cpu
        return seconds


def median_seconds(work: Callable[[], object], repeat: int, children: bool = False) -> float:
    """Median wall-clock (and CPU) time of ``work``, CPU of child processes if ``children``; NaN
    (reported as failed) if it raises, so one broken stage cannot hide every other figure."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), _cpu_seconds(children)
        try:
            work()
        except Exception as exc:  # a benchmark reports a broken stage and carries on
            print(f"failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            return float("nan")
        walls.append(time.perf_counter() - wall)
        cpus.append(_cpu_seconds(children) - cpu)
    return Seconds(statistics.median(walls), statistics.median(cpus))


def _cpu_seconds(children: bool) -> float:
    if not children:
        return time.process_time()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bare_yaml(path: Path) -> list[object]:
    """The floor for any YAML reader: libyaml straight to Python objects, no checks, no line numbers."""
    return [yaml.load(file.read_bytes(), Loader=yaml.CSafeLoader) for file in dataset_files(path)]


def drawn_view(explorer: Explorer) -> object:
    """The view the app draws first: bounded for a large graph, else the whole evidence graph."""
    if is_large(explorer.graph):
        return bounded_view(explorer.dataset, explorer.graph, ViewSpec())[0]
    return explorer.view(ViewSpec())


def pyvis_page(graph: nx.MultiDiGraph) -> str:
    """pyvis's own way: from_nx on a copy (it mutates its input), physics on, inlined resources."""
    net = Network(directed=True, cdn_resources="in_line")
    net.from_nx(nx.DiGraph(graph))
    return net.generate_html()


def library_rows(size: int, path: Path, repeat: int) -> list[Row]:
    """Load, build, view, layout and payload for one dataset, each with its baseline."""
    label = f"{size:,}"
    explorer = Explorer(load_dataset(path))
    view = drawn_view(explorer)
    payload = network_payload(view)  # type: ignore[arg-type]
    few = 1 if size >= 5000 else repeat
    return [
        Row("load + validate", label, median_seconds(lambda: load_dataset(path), repeat),
            "bare yaml.load (libyaml)", median_seconds(lambda: bare_yaml(path), repeat)),
        Row("build graph", label, median_seconds(lambda: build_graph(explorer.dataset), repeat)),
        Row("view query (what the app draws)", label, median_seconds(lambda: drawn_view(explorer), repeat)),
        Row("layered layout, whole graph", label,
            median_seconds(lambda: compute_layout(explorer.graph, "layered"), repeat)),
        Row("payload + JSON of the drawn view", label,
            median_seconds(lambda: json.dumps(network_payload(view)), repeat),  # type: ignore[arg-type]
            "pyvis from_nx + generate_html", median_seconds(lambda: pyvis_page(view.graph), few)),  # type: ignore[attr-defined]
        Row("offline HTML page of the drawn view", label,
            median_seconds(lambda: render_html(view), repeat)),  # type: ignore[arg-type]
        Row("drawn view: nodes in the payload", label, len(payload["nodes"]), unit="count"),
    ]


def cli_rows(size: int, path: Path, repeat: int) -> list[Row]:
    """``python -m graph validate`` as a whole process, against a process that only parses the YAML."""
    validate = [sys.executable, "-m", "graph", "validate", str(path)]
    parse_only = [sys.executable, "-c", "import sys, yaml\nfrom pathlib import Path\np = Path(sys.argv[1])\n"
                  "files = sorted(p.glob('*.yaml')) if p.is_dir() else [p]\n"
                  "[yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader) for f in files]", str(path)]
    target = "≤ 2.0 s" if size == 5000 else ""
    return [Row("CLI validate, whole process", f"{size:,}", median_seconds(lambda: _run(validate), repeat, True),
                "python + yaml.load only", median_seconds(lambda: _run(parse_only), repeat, True), target)]


def _run(command: list[str]) -> None:
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)


def rerun_rows(repeat: int) -> list[Row]:
    """Server-side reruns of the RLS app and of the hello-world app, through Streamlit's AppTest."""
    from streamlit.testing.v1 import AppTest

    with tempfile.TemporaryDirectory() as folder:
        hello = Path(folder) / "hello_app.py"
        hello.write_text(browser.HELLO_APP)
        ours, floor = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120), AppTest.from_file(str(hello))
        ours.run()
        floor.run()
        return [Row("server rerun (AppTest)", "RLS", median_seconds(ours.run, max(repeat, 5)),
                    "hello-world app", median_seconds(floor.run, max(repeat, 5)), "30–60 ms")]


def browser_rows(sizes: list[int], paths: dict[int, Path], repeat: int, cold_from: int) -> list[Row]:
    """Floor, RLS and pyvis's default in Chromium; then a cold first draw of each large dataset."""
    datasets = {dataset_name(size): path for size, path in paths.items()}
    small = [size for size in sizes if size <= PYVIS_BROWSER_MAX_NODES]
    rows: list[Row] = []
    with browser.app_folder(datasets) as folder, browser.chromium() as chromium:
        floor, static_ms = _floor(chromium, folder, max(repeat, SHORT_PAGE_REPEAT))
        rows.append(Row("floor: hello-world app, navigation to first paint", "—", floor))
        rows.append(Row("server: one static file over a kept-alive connection", "—", static_ms, unit="ms"))
        rls_rows, ours = _rls(chromium, folder, max(repeat, SHORT_PAGE_REPEAT), floor, small)
        rows += rls_rows + _pyvis(chromium, folder, repeat, small, paths, ours)
        for size in (size for size in sizes if size >= cold_from):
            rows += _cold(chromium, folder, size, max(1, min(repeat, 3)), floor)
        if sizes[-1] >= cold_from:
            rows += _draw_all(chromium, folder, sizes[-1])
    return rows


def _floor(chromium: object, folder: Path, repeat: int) -> tuple[float, float]:
    """The hello-world app's first paint, and how long its server takes per static file."""
    with browser.running(folder, "hello_app.py") as server:
        milestones = {"paint": browser.text_shown("Hello, world")}
        browser.navigate(chromium, server.url, milestones, BROWSER_TIMEOUT)  # the first visit warms the server
        paint = statistics.median(browser.navigate(chromium, server.url, milestones, BROWSER_TIMEOUT)["paint"]
                                  for _ in range(repeat))
        return paint, server.static_file_ms()


def _ours() -> dict[str, Callable[[object], bool]]:
    return {"draw": browser.network_drawn, "interactive": browser.interactive}


def _rls(chromium: object, folder: Path, repeat: int, floor: float,
         small: list[int]) -> tuple[list[Row], dict[str, float]]:
    """The app on RLS (and on the small synthetic datasets), server warm; and its first visit."""
    with tempfile.TemporaryDirectory(prefix="bench-cache-") as cache, \
            browser.running(folder, "app.py", env=_datasets_env(folder, cache)) as server:
        url = server.url + "/?dataset=rls"
        cold = browser.navigate(chromium, url, _ours(), BROWSER_TIMEOUT)
        warm = [browser.navigate(chromium, url, _ours(), BROWSER_TIMEOUT) for _ in range(repeat)]
        ours = {"RLS": _median(warm, "draw")}
        for size in small:
            page = f"{server.url}/?dataset={dataset_name(size)}"
            runs = [browser.navigate(chromium, page, _ours(), BROWSER_TIMEOUT) for _ in range(1 + repeat)][1:]
            ours[f"{size:,}"] = _median(runs, "draw")
        rss = server.peak_rss_mib()
    rows = [
        Row("RLS: navigation to first draw (server warm)", "RLS", ours["RLS"], "floor", floor,
            f"≤ floor + 0.5 s = {floor + 0.5:.2f} s"),
        Row("RLS: navigation to interactive (server warm)", "RLS", _median(warm, "interactive"), "floor", floor),
        Row("RLS: first draw, first visit after server start", "RLS", cold["draw"], "floor", floor),
        Row("RLS: peak RSS of the server", "RLS", rss, unit="MiB"),
    ]
    return rows, ours


def _pyvis(chromium: object, folder: Path, repeat: int, small: list[int], paths: dict[int, Path],
           ours: dict[str, float]) -> list[Row]:
    """pyvis's default page on RLS and on the datasets it can draw within a minute, next to ours."""
    rows = []
    for label, path in [("RLS", RLS)] + [(f"{size:,}", paths[size]) for size in small]:
        with browser.running(folder, "pyvis_app.py", (str(path),)) as server:
            runs = [browser.navigate(chromium, server.url, {"draw": browser.frame_flag("drawn"),
                                                            "still": browser.frame_flag("still")}, PYVIS_TIMEOUT)
                    for _ in range(1 + (repeat if label == "RLS" else 1))][1:]
        baseline = "pyvis default (from_nx, physics on)"
        rows.append(Row("first draw (server warm), ours vs pyvis's default page", label, ours[label], baseline,
                        _median(runs, "draw")))
        rows.append(Row("pyvis default page: network still (stabilised)", label, _median(runs, "still")))
    return rows


def _cold(chromium: object, folder: Path, size: int, repeat: int, floor: float) -> list[Row]:
    """A fresh server per run: first with an empty disk cache (nothing cached anywhere), then a
    restart that finds the validated dataset on disk. Navigation to first draw and to interactive."""
    url_path = f"/?dataset={dataset_name(size)}"
    cold, restarted, peaks, cpu = [], [], [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory(prefix="bench-cache-") as cache:
            for runs in (cold, restarted):
                with browser.running(folder, "app.py", env=_datasets_env(folder, cache)) as server:
                    started = server.cpu_seconds()
                    runs.append(browser.navigate(chromium, server.url + url_path, _ours(), BROWSER_TIMEOUT))
                    peaks.append(server.peak_rss_mib())
                    cpu.append(server.cpu_seconds() - started)
    target = {5000: "≤ 3.5 s", 20000: "≤ 10 s"}.get(size, "")
    label = f"{size:,}"
    return [
        Row("cold server: navigation to first draw", label, _median(cold, "draw"), "floor", floor, target),
        Row("cold server: navigation to interactive", label, _median(cold, "interactive"), "floor", floor),
        Row("restarted server, dataset cached on disk: first draw", label, _median(restarted, "draw"),
            "floor", floor),
        Row("cold server: server CPU from navigation to interactive", label, statistics.median(cpu[::2])),
        Row("server peak RSS (bounded view)", label, max(peaks), target="≤ 1024 MiB" if size == 20000 else "",
            unit="MiB"),
    ]


def _draw_all(chromium: object, folder: Path, size: int) -> list[Row]:
    """The largest dataset, switched from its bounded view to everything: seconds from the switch
    until the network holds every node, then how long the page takes to answer a frame."""
    with tempfile.TemporaryDirectory(prefix="bench-cache-") as cache, \
            browser.running(folder, "app.py", env=_datasets_env(folder, cache)) as server, \
            browser.fresh_page(chromium) as page:
        page.goto(f"{server.url}/?dataset={dataset_name(size)}")
        browser.wait_for_controls(page, BROWSER_TIMEOUT * 1000)
        page.get_by_text(re.compile(r"^Draw all [\d,]+ nodes")).click()
        started = time.perf_counter()
        page.wait_for_function(f"() => !!window.network && network.body.data.nodes.length >= {size}",
                               timeout=BROWSER_TIMEOUT * 1000, polling=100)
        drawn, frame = time.perf_counter() - started, browser.frame_seconds(page)
        rss = server.peak_rss_mib()
    label = f"{size:,}"
    return [Row("draw everything: switch to every node in the network", label, drawn),
            Row("draw everything: the page's next frame afterwards", label, frame),
            Row("draw everything: server peak RSS", label, rss, target="≤ 1024 MiB", unit="MiB")]


def _median(runs: list[dict[str, float]], milestone: str) -> float:
    return statistics.median(run[milestone] for run in runs)


def _datasets_env(folder: Path, cache: str) -> dict[str, str]:
    """The app lists RLS and the synthetic datasets (``KG_DATASETS``, as educators use it) and
    caches validated datasets in ``cache``."""
    entries = [RLS, *sorted((folder / "data").iterdir())]
    paths = os.pathsep.join(str(path) for path in entries if path.name != "rls")
    return {"KG_DATASETS": paths, "KG_CACHE_DIR": cache}


def generate(sizes: list[int], folder: Path) -> dict[int, Path]:
    return {size: write_dataset(folder, size) for size in sizes}


def report(rows: list[Row], machine: str, command: str) -> str:
    """The results as a Markdown table, with the machine and the command that made them."""
    header = ["measure", "nodes", "ours", "baseline", "theirs", "ours / theirs", "target"]
    lines = ["# Scale benchmark results", "", f"Command: `{command}`", "", machine, "",
             "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    args = _parser().parse_args(argv)
    sizes = sorted(int(size) for size in args.sizes.split(","))
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-data-") as folder:
        paths = generate(sizes, Path(folder))
        for size in sizes:
            rows += _print(library_rows(size, paths[size], args.repeat) + cli_rows(size, paths[size], args.repeat))
        rows += _print(rerun_rows(args.repeat))
        if not args.no_browser:
            rows += _print(browser_rows(sizes, paths, args.repeat, args.cold_from))
    command = "python -m bench.bench_scale " + " ".join(argv if argv is not None else sys.argv[1:])
    args.out.write_text(report(rows, describe_machine(), command.strip()), encoding="utf-8")
    print(f"wrote {args.out}")


def _print(rows: list[Row]) -> list[Row]:
    widths = (44, 7, 12, 28, 12, 8, 20)
    for row in rows:
        print("  ".join(f"{cell:<{width}}" for cell, width in zip(row.cells(), widths, strict=True)), flush=True)
    return rows


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,5000,20000", help="node counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=5, help="runs per median")
    parser.add_argument("--no-browser", action="store_true", help="library and CLI figures only")
    parser.add_argument("--cold-from", type=int, default=5000, help="smallest size given a cold browser run")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the Markdown results")
    return parser


if __name__ == "__main__":
    main()
