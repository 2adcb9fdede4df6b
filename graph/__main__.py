"""``python -m graph``: the command-line interface."""

import signal
import sys

from graph.cli import main


def _leave(signum: int, frame: object) -> None:
    """Stop through SystemExit, so a file being written has its temporary file removed (exit 128 + signal)."""
    sys.exit(128 + signum)


signal.signal(signal.SIGTERM, _leave)
sys.exit(main())
