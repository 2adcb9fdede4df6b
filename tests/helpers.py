"""Shared test data paths, a cached explorer for the tiny dataset, and running the app under AppTest."""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import cache
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from graph import Explorer

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
TINY = DATA / "tiny.yaml"
XSS = DATA / "xss.yaml"
RLS = ROOT / "data" / "rls"
APP = ROOT / "app.py"
ESCAPE = re.compile(r"\\(.)")


@cache
def explorer(path: Path = TINY) -> Explorer:
    return Explorer.from_path(path)


def run_app(**query: str) -> AppTest:
    """Open the app with the given URL query parameters; fail on any exception."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params.update(query)
    return opened(at)


def opened(at: AppTest) -> AppTest:
    """A new session as a browser ends up showing it. The first run draws the network without the
    sidebar's controls; the network's report that it is drawn brings a second run, which has them
    (AppTest runs no component code, so the second run is asked for here)."""
    return checked(checked(at.run()).run())


def checked(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def plain(markdown: str) -> str:
    """Markdown text as the reader sees it: backslash escapes and invisible word joiners removed
    (the app escapes dataset text with both, ui/text.py)."""
    return ESCAPE.sub(r"\1", markdown).replace("\u2060", "")


def record_dialogs(page: Any) -> list[str]:
    """Dismiss and record every alert/confirm/prompt the page opens."""
    dialogs: list[str] = []

    def dismiss(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    return dialogs


@contextmanager
def unblocked(fifo: Path, after: float = 5.0) -> Iterator[None]:
    """From ``after`` seconds on, keep opening ``fifo`` for writing, freeing a reader wrongly blocked in ``open``.

    The reader then reads an empty file, so a test of a FIFO fails on its message instead of hanging.
    """
    done = threading.Event()

    def release() -> None:
        done.wait(after)
        while not done.wait(0.2):
            with suppress(OSError):  # nobody is reading yet: nothing to release
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))

    releaser = threading.Thread(target=release, daemon=True)
    releaser.start()
    try:
        yield
    finally:
        done.set()
        releaser.join()
