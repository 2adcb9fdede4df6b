"""One browser tab, spoken over Streamlit's own websocket protocol, for the load benchmarks.

A tab sends what the browser sends (a rerun request with the changed widget values) and reads
what the server streams back: the widgets it drew (by key), the headings, and when the network
component's payload arrived. Like the browser, it tells the server which large messages it already
holds, so an unchanged element is sent again as a reference, and it keeps the address's query the
app last wrote and sends it with the next rerun, as the address bar does (a run that finds another
query there was sent by Back or Forward, see ``ui/link.py``). Opening the app takes two runs, as
in a browser: the first run draws the network without the sidebar's controls, and the component's
"drawn" report brings the run that draws them (see ``ui.state.first_run_token``).
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect

NETWORK = "network"
DRAWN = json.dumps([{"event": "drawn", "value": True}])
INTERNAL_KEY = "$$STREAMLIT_INTERNAL_KEY"  # Streamlit's prefix for a component's trigger widget


@dataclass
class Run:
    """One script run as the tab saw it: seconds to finish and to the network's payload, bytes, headings."""

    seconds: float
    payload_seconds: float | None
    received: int
    headings: list[str] = field(default_factory=list)


class Tab:
    """A connected tab: its widgets by key (ids and options, as last drawn), the address's query and
    the app's exceptions."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.query = ""
        self.widgets: dict[str, Any] = {}
        self.errors: list[str] = []
        self.cached: dict[str, ForwardMsg] = {}  # large messages by hash, as the browser keeps them

    async def run(self, states: Sequence[WidgetState] = (), query: str | None = None) -> Run:
        """Send one rerun request (from the address ``query``, by default the one the app last wrote)
        and read until the script has finished."""
        if query is not None:
            self.query = query
        message = BackMsg()
        message.rerun_script.SetInParent()
        message.rerun_script.query_string = self.query
        message.rerun_script.widget_states.widgets.extend(states)
        message.rerun_script.cached_message_hashes.extend(sorted(self.cached))
        started = time.perf_counter()
        await self.ws.send(message.SerializeToString())
        return await self._read_run(started)

    async def open(self, query: str = "") -> tuple[Run, Run]:
        """Open the app as a browser does: the first run, then the network's "drawn" report."""
        first = await self.run(query=query)
        return first, await self.run([self.drawn_report()])

    def drawn_report(self) -> WidgetState:
        """What the network component sends once its picture is on screen."""
        state = WidgetState()
        state.id = f"{INTERNAL_KEY}_{self.widgets[NETWORK].id}__events"
        state.json_trigger_value = DRAWN
        return state

    async def _read_run(self, started: float) -> Run:
        run = Run(0.0, None, 0)
        while True:
            raw = await self.ws.recv(decode=False)
            run.received += len(raw)
            forward = self._message(raw)
            kind = forward.WhichOneof("type")
            if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                self._note_element(forward.delta.new_element, run, started)
            elif kind == "page_info_changed":
                self.query = forward.page_info_changed.query_string
            elif kind == "script_finished":
                run.seconds = time.perf_counter() - started
                return run

    def _message(self, raw: bytes) -> ForwardMsg:
        """The message sent, or the one a reference names."""
        forward = ForwardMsg()
        forward.ParseFromString(raw)
        if forward.WhichOneof("type") == "ref_hash":
            return self.cached[forward.ref_hash]
        if forward.metadata.cacheable:
            self.cached[forward.hash] = forward
        return forward

    def _note_element(self, element: Any, run: Run, started: float) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            self.errors.append(f"{element.exception.type}: {element.exception.message}")
        if kind == "heading":
            run.headings.append(element.heading.body)
            return
        widget_id = getattr(getattr(element, kind), "id", "")
        if widget_id.startswith("$$ID-"):
            self.widgets[widget_id.split("-", 2)[2]] = getattr(element, kind)
        if kind == "bidi_component" and run.payload_seconds is None:
            run.payload_seconds = time.perf_counter() - started


@asynccontextmanager
async def opened_tab(base: str, cookie: str | None = None) -> AsyncIterator[Tab]:
    """A tab connected to the app at ``base`` (``ws://127.0.0.1:PORT``), sending ``cookie`` if given."""
    headers = {"Cookie": cookie} if cookie else None
    async with connect(f"{base}/_stcore/stream", subprotocols=["streamlit"],  # type: ignore[list-item]
                       additional_headers=headers, max_size=None, open_timeout=120) as ws:
        yield Tab(ws)
