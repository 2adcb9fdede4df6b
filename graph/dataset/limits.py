"""Limits on what a dataset may hold, declared once: the library enforces them, the app quotes them.

Datasets are shared files that reach many browsers, so a text may not hide what it says
(control characters, bidirectional overrides) nor be long enough to stall a page, and an upload
may not be larger than a classroom server can afford to parse, lay out and draw for each student.
"""

from __future__ import annotations

import re
import unicodedata

from graph.dataset.model import Dataset
from graph.errors import Problem

MAX_UPLOAD_MB = 2
"""The upload limit, in the megabytes of 1,000,000 bytes that Streamlit's uploader counts in the
browser (it counts 2**20 on Windows and on the server, so those never refuse a file this allows);
the app passes it to the uploader, and ``ui/config.toml`` caps the server's upload request at it."""
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1_000_000
MAX_UPLOAD_NODES = 2_000
MAX_UPLOAD_EDGES = 6_000
MAX_TEXT_CHARS = 20_000
MAX_ID_CHARS = 200
_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Letters and symbols that draw as blank space: Hangul fillers, the blank Braille pattern.
_BLANK_GLYPHS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
_UNSEEN_CATEGORIES = frozenset({"Cf", "Cc", "Zs", "Zl", "Zp", "Mn", "Me"})


def text_problem(text: str) -> tuple[str, str] | None:
    """Why ``text`` may not appear in a dataset, with a hint, or None when it may.

    Tabs and line breaks are fine; other control characters and the bidirectional override and
    isolate characters are not, since they make a text display differently from what it says.
    Right-to-left scripts need none of them.
    """
    if len(text) > MAX_TEXT_CHARS:
        return (f"this text is {len(text):,} characters long; the limit is {MAX_TEXT_CHARS:,}.",
                "Shorten it, or link to a longer source in 'references'.")
    hidden = _HIDDEN.search(text)
    if hidden:
        code = ord(hidden.group())
        name = unicodedata.name(hidden.group(), "control character")
        return (f"this text holds the invisible character U+{code:04X} ({name}) at position {hidden.start() + 1}.",
                "Remove it: it can make the text display differently from what it says.")
    return _unseen_problem(text)


def _unseen_problem(text: str) -> tuple[str, str] | None:
    """A text that is not empty but shows nothing: only zero-width, filler or direction marks."""
    if "!" <= text[:1] <= "~" or not text.strip() or any(_shows(char) for char in text):  # ASCII: seen
        return None
    codes = ", ".join(f"U+{ord(char):04X} {unicodedata.name(char, '')}".strip() for char in dict.fromkeys(text))
    return (f"this text shows nothing: it holds only invisible characters ({codes[:200]}).",
            "Write visible text: a blank or invisible name looks like no entry, or like another one.")


def _shows(char: str) -> bool:
    return char not in _BLANK_GLYPHS and unicodedata.category(char) not in _UNSEEN_CATEGORIES


def upload_caption() -> str:
    """The limits in words, for the uploader's label."""
    return (f"one file of up to {MAX_UPLOAD_MB} MB, {MAX_UPLOAD_NODES:,} nodes "
            f"and {MAX_UPLOAD_EDGES:,} links")


def upload_size_problem(size: int, name: str) -> Problem | None:
    """A problem when an upload of ``size`` bytes is over the limit, else None."""
    if size <= MAX_UPLOAD_BYTES:
        return None
    return Problem(name, 1, f"the file is {size:,} bytes; uploads are limited to {MAX_UPLOAD_MB} MB "
                   f"({MAX_UPLOAD_BYTES:,} bytes).", hint="Upload a smaller part of the dataset.")


def upload_count_problems(dataset: Dataset, name: str) -> list[Problem]:
    """Problems for an uploaded dataset with more nodes or links than an upload may have."""
    counts = (("nodes", len(dataset.nodes), MAX_UPLOAD_NODES), ("links", len(dataset.edges), MAX_UPLOAD_EDGES))
    return [Problem(name, 1, f"the dataset has {count:,} {what}; uploads are limited to {limit:,}.",
                    hint="Upload a smaller part of the dataset.")
            for what, count, limit in counts if count > limit]
