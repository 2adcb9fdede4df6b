"""``python -m graph``: the command-line interface."""

import sys

from graph.cli import main

sys.exit(main())
