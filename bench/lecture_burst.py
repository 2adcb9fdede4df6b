"""A lecture hall at once: N students open the app within T seconds, draw it, and click two or three times.

Run from the repository root: ``.venv/bin/python -m bench.lecture_burst [--sessions 300] [--seconds 60]
[--replicas 1]``. With one replica the students talk to one ``streamlit run app.py`` on loopback;
with two or more, to nginx in front of that many replicas, with deploy/nginx/kg.conf's cookie
affinity (:mod:`bench.balancer`; nginx is installed from Debian when missing). Arrival times are
random over the T seconds, after the teacher has opened the app once on each replica (a warm
server). Each student loads the page (through nginx, which sets the route cookie), opens the app
as a browser does (:mod:`bench.tab`: the first run, then the network's "drawn" report), then
focuses on two or three random nodes with a few seconds' reading between them, and keeps the tab
open until the whole class is done, as students do.

Reported: time from loading the page to the network's payload (p50, p95, max); rerun latency
(p50, p95, max), overall and for reruns sent while at least 100 sessions were open; errors
(failed connections, timeouts, exceptions drawn by the app); sessions whose title was not their
own choice; the servers' resident memory (idle, peak, end; summed over the replicas) and the open
websockets per replica at the peak. Figures go to stdout and to out/lecture_burst_REPLICAS.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import statistics
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import psutil
from streamlit.proto.WidgetStates_pb2 import WidgetState

from bench.balancer import balanced
from bench.browser_timing import ROOT, running
from bench.tab import Tab, opened_tab
from graph import Explorer

OUT = ROOT / "out"
THINK_S = (1.0, 4.0)
OPEN_TIMEOUT_S = 120
CROWD = 100  # the rerun target holds with this many sessions open
TARGETS = {"first_payload_p95_s": 3.0, "rerun_p95_ms_at_crowd": 300, "errors": 0}
SAMPLE_EVERY_S = 0.5


@dataclass
class Hall:
    """What the whole class shares: who is open, every measurement, and memory samples."""

    processes: list[psutil.Process]
    labels: list[str]  # the nodes' labels, typed into the focus picker and named by a view's title
    open_now: int = 0
    finished: int = 0
    first_payloads: list[float] = field(default_factory=list)
    reruns: list[tuple[float, int]] = field(default_factory=list)  # (seconds, sessions open when sent)
    errors: list[str] = field(default_factory=list)
    mixups: list[str] = field(default_factory=list)
    memory: list[float] = field(default_factory=list)
    sockets_at_peak: list[int] = field(default_factory=list)

    def rss_mib(self) -> float:
        return sum(process.memory_info().rss for process in self.processes) / 1024 / 1024


def route_cookie(http_url: str) -> str | None:
    """Load the page as a browser does; the route cookie nginx set, as a Cookie header value."""
    with urllib.request.urlopen(http_url, timeout=OPEN_TIMEOUT_S) as response:
        response.read()
        cookies = response.headers.get_all("Set-Cookie") or []
    routes = [cookie.split(";", 1)[0] for cookie in cookies if cookie.startswith("kgroute=")]
    return routes[0] if routes else None


async def student(number: int, arrives: float, front: str, hall: Hall, everyone_done: asyncio.Event) -> None:
    """One student: arrive, open the app, focus on two or three nodes, keep the tab open until the end."""
    rng = random.Random(number)
    await asyncio.sleep(max(0.0, arrives - time.monotonic()))
    started = time.perf_counter()
    try:
        cookie = await asyncio.to_thread(route_cookie, front)
        async with opened_tab(front.replace("http://", "ws://"), cookie) as tab:
            hall.open_now += 1
            connected = time.perf_counter() - started
            first, _ = await asyncio.wait_for(tab.open(), OPEN_TIMEOUT_S)
            if first.payload_seconds is None:
                raise ValueError("the first run drew no network")
            hall.first_payloads.append(connected + first.payload_seconds)
            await click_around(tab, rng, hall, number)
            hall.errors += [f"session {number}: {error}" for error in tab.errors]
            await _leave_at_the_end(hall, everyone_done)
    except (OSError, TimeoutError, KeyError, ValueError) as exc:
        hall.errors.append(f"session {number}: {type(exc).__name__}: {exc}")
        await _leave_at_the_end(hall, everyone_done)


async def _leave_at_the_end(hall: Hall, everyone_done: asyncio.Event) -> None:
    hall.finished += 1
    await everyone_done.wait()


async def click_around(tab: Tab, rng: random.Random, hall: Hall, number: int) -> None:
    """Focus on two or three random nodes (typing a label into the focus picker, then Enter),
    reading a few seconds between them; check each title."""
    for _ in range(rng.choice([2, 3])):
        await asyncio.sleep(rng.uniform(*THINK_S))
        label = rng.choice(hall.labels)
        state = WidgetState()
        state.id, state.string_value = tab.widgets["focus_text"].id, label
        crowd = hall.open_now
        run = await asyncio.wait_for(tab.run([state]), OPEN_TIMEOUT_S)
        hall.reruns.append((run.seconds, crowd))
        if not any(_unescaped(heading).lower().endswith(f"around {label}".lower()) for heading in run.headings):
            hall.mixups.append(f"session {number} chose {label!r} and saw {run.headings[:1]}")


def _unescaped(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


async def sample(hall: Hall, ports: list[int], everyone_done: asyncio.Event) -> None:
    """Memory every half second; the open websockets per replica when the hall is fullest."""
    fullest = 0
    while not everyone_done.is_set():
        hall.memory.append(hall.rss_mib())
        if hall.open_now > fullest:
            fullest, hall.sockets_at_peak = hall.open_now, [_established(port) for port in ports]
        await asyncio.sleep(SAMPLE_EVERY_S)


def _established(port: int) -> int:
    return sum(1 for c in psutil.net_connections("tcp")
               if c.status == psutil.CONN_ESTABLISHED and c.laddr and c.laddr.port == port)


async def lecture(sessions: int, seconds: float, front: str, hall: Hall, ports: list[int]) -> float:
    """Run the class; returns how long it took."""
    everyone_done, started = asyncio.Event(), time.monotonic()
    rng = random.Random(sessions)
    arrivals = sorted(started + rng.uniform(0, seconds) for _ in range(sessions))
    tasks = [asyncio.create_task(student(n, at, front, hall, everyone_done)) for n, at in enumerate(arrivals)]
    sampler = asyncio.create_task(sample(hall, ports, everyone_done))
    while hall.finished < sessions:
        await asyncio.sleep(0.2)
    everyone_done.set()
    await asyncio.gather(sampler, *tasks)
    return time.monotonic() - started


@contextmanager
def front_door(replica_count: int) -> Iterator[tuple[str, list[psutil.Process], list[int]]]:
    """The address students use (the server, or nginx), the server processes and their ports."""
    if replica_count == 1:
        with running(ROOT, "app.py") as server:
            yield server.url, [psutil.Process(server.process.pid)], [server.port]
        return
    with balanced(replica_count) as balancer:
        servers = balancer.replicas
        yield balancer.url, [psutil.Process(s.process.pid) for s in servers], [s.port for s in servers]


def focus_labels() -> list[str]:
    """The nodes' labels: typed into the focus picker, each picks its own node, which a view's title names."""
    explorer = Explorer.from_path(ROOT / "data" / "rls")
    return [entry.label for entry in explorer.search_entries if explorer.search(entry.label)[0].node == entry.node]


async def teacher_opens(front: str) -> None:
    """The app opened once before the class arrives: the server has loaded the dataset."""
    async with opened_tab(front.replace("http://", "ws://"), await asyncio.to_thread(route_cookie, front)) as tab:
        await tab.open()


def run_burst(sessions: int, seconds: float, replica_count: int) -> dict[str, Any]:
    with front_door(replica_count) as (front, processes, ports):
        for _ in processes:
            asyncio.run(teacher_opens(front))
        hall = Hall(processes, focus_labels())
        idle = hall.rss_mib()
        took = asyncio.run(lecture(sessions, seconds, front, hall, ports))
        return summarise(hall, sessions, seconds, replica_count, idle, took)


def summarise(hall: Hall, sessions: int, seconds: float, replica_count: int, idle: float,
              took: float) -> dict[str, Any]:
    crowded = [s for s, crowd in hall.reruns if crowd >= CROWD]
    return {
        "sessions": sessions, "arrival_seconds": seconds, "replicas": replica_count,
        "balancer": "nginx, cookie affinity (deploy/nginx/kg.conf)" if replica_count > 1 else "none",
        "seconds": round(took, 1), "load_average": [round(x, 2) for x in psutil.getloadavg()],
        "first_payload_s": _spread(hall.first_payloads, 1),
        "rerun_ms": _spread([s * 1000 for s, _ in hall.reruns], 1000),
        f"rerun_ms_with_{CROWD}_or_more_open": _spread([s * 1000 for s in crowded], 1000),
        "most_open_at_once": max((crowd for _, crowd in hall.reruns), default=0),
        "errors": len(hall.errors), "error_examples": hall.errors[:5],
        "mixups": len(hall.mixups), "mixup_examples": hall.mixups[:5],
        "memory_mib": {"idle": round(idle, 1), "peak": round(max(hall.memory, default=idle), 1),
                       "end": round(hall.rss_mib(), 1)},
        "websockets_per_replica_at_peak": hall.sockets_at_peak,
        "targets": TARGETS,
    }


def _spread(values: list[float], scale: float) -> dict[str, float] | None:
    """Median, p95 and max (ms rounded to whole numbers, seconds to hundredths), or None without values."""
    if not values:
        return None
    ordered = sorted(values)
    digits = 0 if scale == 1000 else 2
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50": round(statistics.median(ordered), digits), "p95": round(p95, digits),
            "max": round(ordered[-1], digits), "count": len(ordered)}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sessions", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--replicas", type=int, default=1)
    args = parser.parse_args(argv)
    result = run_burst(args.sessions, args.seconds, args.replicas)
    OUT.mkdir(exist_ok=True)
    (OUT / f"lecture_burst_{args.replicas}.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    return 0 if not result["errors"] and not result["mixups"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
