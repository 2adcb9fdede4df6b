"""A class at once: concurrent sessions against one Streamlit server on loopback, each its own student.

Run from the repository root: ``.venv/bin/python -m bench.load_classroom [SESSIONS] [RERUNS]``
(defaults 30 and 500). It starts ``streamlit run app.py`` on 127.0.0.1 at a free port and speaks
Streamlit's own websocket protocol (:mod:`bench.tab`: what the browser sends, a rerun request with
the changed widget values), so the figures are the server's, not a browser's. Each session opens
the app as a browser does (the first run, then the network's "drawn" report, which brings the
sidebar's controls), and has its own
focus, depth, direction, filters and clicks ("Show everything"), chosen at random with a think
time between actions, and checks after every rerun that the title it gets is the one its own
choices imply: no session may see another's state.

Reported: rerun latency (request sent → script finished) median, p95 and max under load, with
the opening of each session (both runs) listed apart, against one student alone on the same server in the
same run (the baseline); bytes sent per rerun; the server's resident memory idle, with every
session open, and per session; and a leak check: memory sampled as reruns accumulate, averaged
over the first, middle and last fifth of the run (bounded caches fill early; a leak keeps rising).
It stops by itself after ``RERUNS`` measured reruns or ``DEADLINE_S`` seconds, and always stops
the server. Figures go to stdout and to
out/load_classroom.json.
"""

from __future__ import annotations

import asyncio
import json
import random
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil
from streamlit.proto.WidgetStates_pb2 import WidgetState

from bench.browser_timing import running
from bench.tab import Tab, opened_tab
from graph import Explorer

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "out" / "load_classroom.json"
DEADLINE_S = 420
THINK_S = (2.0, 8.0)  # reading the details between clicks
SAMPLE_EVERY_S = 1.0
SOLO_RERUNS = 20
TARGET_P95_MS = 300
DIRECTIONS = {"both": "both ways", "out": "outgoing", "in": "incoming"}


@dataclass
class Student:
    """One browser tab: its widgets, its own choices, and what it measured."""

    number: int
    rng: random.Random
    widgets: dict[str, Any] = field(default_factory=dict)  # the tab's widgets by key
    focus: str | None = None
    latencies: list[float] = field(default_factory=list)
    received: list[int] = field(default_factory=list)
    first: float = 0.0
    mixups: list[str] = field(default_factory=list)


@dataclass
class Load:
    """Shared progress of the whole class: reruns done, memory samples, when to stop."""

    reruns: int
    deadline: float
    done: int = 0
    samples: list[tuple[int, float]] = field(default_factory=list)

    @property
    def over(self) -> bool:
        return self.done >= self.reruns or time.monotonic() > self.deadline


@contextmanager
def streamlit_server() -> Iterator[tuple[int, psutil.Process]]:
    """``streamlit run app.py`` on loopback; yields its port and process; always stops it."""
    with running(ROOT, "app.py") as server:
        yield server.port, psutil.Process(server.process.pid)


def rss_mib(process: psutil.Process) -> float:
    return process.memory_info().rss / 1024 / 1024


async def rerun(tab: Tab, student: Student, states: list[WidgetState]) -> list[str]:
    """Send one rerun request; wait for the script to finish; return the headings it drew."""
    run = await tab.run(states)
    student.latencies.append(run.seconds)
    student.received.append(run.received)
    return run.headings


async def open_app(tab: Tab, student: Student) -> None:
    """Open the app as a browser does (both runs), keeping the tab's widgets for the student's choices."""
    first, controls = await tab.open()
    student.first = first.seconds + controls.seconds
    student.widgets = tab.widgets


def choose(student: Student, explorer: Explorer) -> tuple[list[WidgetState], str | None]:
    """A random action for this student: the widget states to send and the focus they imply."""
    rng, widgets = student.rng, student.widgets
    action = rng.choice(["focus", "focus", "depth", "direction", "kinds", "claims", "everything"])
    state = WidgetState()
    focus = student.focus
    if action == "focus" or (action in ("depth", "direction") and focus is None):
        entries = explorer.search_entries
        entry = entries[(student.number * 7 + rng.randrange(len(entries))) % len(entries)]
        state.id, state.string_value, focus = widgets["focus_text"].id, entry.label, entry.node
    elif action == "depth":
        state.id = widgets["depth"].id
        state.double_array_value.data.append(rng.choice([1, 2]))
    elif action == "direction":
        state.id, state.string_value = widgets["direction"].id, rng.choice(list(DIRECTIONS.values()))
    elif action == "kinds":
        kinds = list(widgets["kinds"].options)
        state.id = widgets["kinds"].id
        state.string_array_value.data.extend(rng.sample(kinds, rng.randint(2, len(kinds))))
    elif action == "claims":
        state.id, state.bool_value = widgets["claims"].id, bool(rng.getrandbits(1))
    else:
        state.id, state.trigger_value, focus = widgets["show_everything"].id, True, None
    return [state], focus


def check_title(student: Student, headings: list[str], explorer: Explorer) -> None:
    """The view title must name this student's own focus (or none)."""
    label = explorer.graph.nodes[student.focus]["label"] if student.focus else None
    around = [h for h in headings if ": around " in h or " around " in h]
    ours = not around if label is None else any(label in h for h in around)
    if not ours:
        student.mixups.append(f"session {student.number} focus {student.focus!r} saw {around[:1]}")


async def student_loop(port: int, student: Student, load: Load, explorer: Explorer, opened: asyncio.Event,
                       ready: list[int]) -> None:
    """Open the app, wait for the whole class, then act until the run is over."""
    async with opened_tab(f"ws://127.0.0.1:{port}") as tab:
        await open_app(tab, student)
        ready.append(student.number)
        await opened.wait()
        while not load.over:
            await asyncio.sleep(student.rng.uniform(*THINK_S))
            if load.over:
                break
            states, focus = choose(student, explorer)
            student.focus = focus
            headings = await rerun(tab, student, states)
            check_title(student, headings, explorer)
            load.done += 1


async def sample_memory(process: psutil.Process, load: Load) -> None:
    while not load.over:
        load.samples.append((load.done, rss_mib(process)))
        await asyncio.sleep(SAMPLE_EVERY_S)
    load.samples.append((load.done, rss_mib(process)))


async def solo_baseline(port: int, explorer: Explorer) -> dict[str, float]:
    """Rerun latency of one student alone on the server, measured in the same run as the class."""
    student = Student(-1, random.Random(-1))
    async with opened_tab(f"ws://127.0.0.1:{port}") as tab:
        await open_app(tab, student)
        for _ in range(SOLO_RERUNS):
            states, student.focus = choose(student, explorer)
            check_title(student, await rerun(tab, student, states), explorer)
            await asyncio.sleep(0.2)
    latencies = sorted(x * 1000 for x in student.latencies)
    return {"median": _ms(statistics.median(latencies)), "p95": _ms(_percentile(latencies, 95))}


async def run_class(sessions: int, reruns: int) -> dict[str, Any]:
    explorer = Explorer.from_path(ROOT / "data" / "rls")
    with streamlit_server() as (port, process):
        idle = rss_mib(process)
        solo = await solo_baseline(port, explorer)
        students = [Student(n, random.Random(n)) for n in range(sessions)]
        load = Load(reruns, time.monotonic() + DEADLINE_S)
        opened, ready = asyncio.Event(), list[int]()
        tasks = [asyncio.create_task(student_loop(port, s, load, explorer, opened, ready)) for s in students]
        while len(ready) < sessions:
            await asyncio.sleep(0.2)
        all_open = rss_mib(process)
        opened.set()
        started = time.monotonic()
        await asyncio.gather(sample_memory(process, load), *tasks)
        return summarise(students, load, idle, all_open, time.monotonic() - started) | {"solo_rerun_ms": solo}


def summarise(students: list[Student], load: Load, idle: float, all_open: float, seconds: float) -> dict[str, Any]:
    latencies = sorted(ms for s in students for ms in (x * 1000 for x in s.latencies))
    firsts = sorted(s.first * 1000 for s in students)
    fifth = max(1, len(load.samples) // 5)
    early, middle, late = load.samples[:fifth], load.samples[2 * fifth:3 * fifth], load.samples[-fifth:]
    return {
        "sessions": len(students), "reruns": len(latencies), "seconds": round(seconds, 1),
        "reruns_per_second": round(len(latencies) / seconds, 2),
        "rerun_ms": {"median": _ms(statistics.median(latencies)), "p95": _ms(_percentile(latencies, 95)),
                     "max": _ms(latencies[-1])},
        "kib_sent_per_rerun": round(statistics.median(b for s in students for b in s.received) / 1024, 1),
        "opening_ms": {"median": _ms(statistics.median(firsts)), "max": _ms(firsts[-1])},
        "memory_mib": {"idle": round(idle, 1), "all_sessions_open": round(all_open, 1),
                       "per_session": round((all_open - idle) / len(students), 2),
                       "end": round(load.samples[-1][1], 1)},
        "leak_check": {"first_fifth_mib": round(statistics.mean(m for _, m in early), 1),
                       "middle_fifth_mib": round(statistics.mean(m for _, m in middle or late), 1),
                       "last_fifth_mib": round(statistics.mean(m for _, m in late), 1),
                       "reruns_between": late[-1][0] - early[0][0],
                       "samples": [(done, round(mib, 1)) for done, mib in load.samples[::max(1, fifth // 4)]]},
        "mixups": [m for s in students for m in s.mixups],
        "target_p95_ms": TARGET_P95_MS,
    }


def _percentile(values: list[float], percent: float) -> float:
    return values[min(len(values) - 1, round(percent / 100 * (len(values) - 1)))]


def _ms(value: float) -> float:
    return round(value, 1)


def main(argv: list[str]) -> int:
    sessions = int(argv[0]) if argv else 30
    reruns = int(argv[1]) if len(argv) > 1 else 500
    result = asyncio.run(run_class(sessions, reruns))
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    return 0 if not result["mixups"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
