"""The server's CPU per session opening: what one student costs the one Streamlit process.

Run from the repository root: ``.venv/bin/python -m bench.opening_cpu [SESSIONS] [--together]``
(default 20, one after another). It starts ``streamlit run app.py`` on loopback and opens the app
as the teacher would (a warm server; the teacher's tab stays open, as in a class, which also keeps
Streamlit's compiled script: it compiles ``app.py`` again whenever the last tab has closed), then
opens SESSIONS tabs as a browser does (:mod:`bench.tab`: the page, the first run, then the
network's "drawn" report) and reads the server process's CPU time (user + system, every thread)
around each step. The kernel counts CPU time in 10 ms ticks, so the figures are means over the
sessions. With ``--together`` the tabs open all at once and only the total is divided. The load
generator shares the machine, so the load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import urllib.request
from collections.abc import Awaitable, Callable
from typing import Any

from bench.browser_timing import ROOT, Server, running
from bench.tab import opened_tab


def _page(url: str) -> None:
    """Load the page as a browser does before it opens the websocket."""
    with urllib.request.urlopen(url, timeout=60) as response:
        response.read()


async def _measured(server: Server, step: Callable[[], Awaitable[Any]]) -> tuple[float, Any]:
    """CPU seconds the server spent on ``step``, and what the step returned."""
    before = server.cpu_seconds()
    result = await step()
    await asyncio.sleep(0.05)  # the server finishes writing after the client has read the last message
    return server.cpu_seconds() - before, result


async def one_opening(server: Server) -> dict[str, float]:
    """One tab opened: server CPU milliseconds for the page, the first run and the "drawn" run."""
    page, _ = await _measured(server, lambda: asyncio.to_thread(_page, server.url))
    async with opened_tab(server.url.replace("http://", "ws://")) as tab:
        first, _ = await _measured(server, tab.run)
        drawn, _ = await _measured(server, lambda: tab.run([tab.drawn_report()]))
        return {"page_ms": page * 1000, "first_run_ms": first * 1000, "drawn_run_ms": drawn * 1000,
                "errors": len(tab.errors)}


async def together(server: Server, sessions: int) -> float:
    """Server CPU milliseconds per session when ``sessions`` tabs open at once."""
    async def open_one() -> None:
        await asyncio.to_thread(_page, server.url)
        async with opened_tab(server.url.replace("http://", "ws://")) as tab:
            await tab.open()

    async def everyone() -> None:
        await asyncio.gather(*(open_one() for _ in range(sessions)))

    spent, _ = await _measured(server, everyone)
    return spent * 1000 / sessions


async def openings(server: Server, sessions: int, at_once: bool) -> dict[str, Any]:
    """With the teacher's tab open, ``sessions`` openings: the server's CPU per opening."""
    async with opened_tab(server.url.replace("http://", "ws://")) as teacher:
        await teacher.open()
        result: dict[str, Any] = {"sessions": sessions, "together": at_once}
        if at_once:
            result["cpu_ms_per_session"] = round(await together(server, sessions), 1)
            return result
        opened = [await one_opening(server) for _ in range(sessions)]
        for name in ("page_ms", "first_run_ms", "drawn_run_ms"):
            result[name] = round(statistics.mean(o[name] for o in opened), 1)
        result["cpu_ms_per_session"] = round(sum(result[name] for name in ("page_ms", "first_run_ms",
                                                                           "drawn_run_ms")), 1)
        result["errors"] = sum(int(o["errors"]) for o in opened)
        return result


def measure(sessions: int, at_once: bool) -> dict[str, Any]:
    """A fresh server, warmed by the teacher; the server's CPU per opening, with the load average."""
    with running(ROOT, "app.py") as server:
        result = asyncio.run(openings(server, sessions, at_once))
        result["load_average"] = [round(x, 2) for x in os.getloadavg()]
        return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("sessions", type=int, nargs="?", default=20)
    parser.add_argument("--together", action="store_true", help="open every tab at once")
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.sessions, args.together), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
