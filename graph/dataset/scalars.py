"""Plain YAML scalars that YAML 1.1 reads differently from what they say, and why.

PyYAML follows YAML 1.1, which silently rewrites some unquoted values: ``12:30`` is the
sexagesimal 750, ``01234`` the octal 668, ``NO`` (Norway) is false and ``1_000`` drops its
underscore. YAML 1.2 and JSON read none of those as the same value, so for free-form values such
a scalar is refused with a hint to quote it, while a number that every reader agrees on (``65``,
``-2.5``, ``1e-5``, ``true``, and ``0.760``, which all of them read as 0.76) is kept.

>>> rewritten_scalar("12:30", 750) is not None, rewritten_scalar("65", 65)
(True, None)
"""

from __future__ import annotations

import math
import re

_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_BOOLEANS = {"true", "True", "TRUE", "false", "False", "FALSE"}


def rewritten_scalar(text: str, value: object) -> str | None:
    """Why the plain scalar ``text``, read by YAML 1.1 as ``value``, does not say that value; None when it does."""
    if isinstance(value, bool):
        return None if text in _BOOLEANS else f"YAML 1.1 reads {text} as {str(value).lower()}"
    if isinstance(value, int):
        return None if _decimal(text) else f"YAML 1.1 reads {text} as the number {value}"
    if isinstance(value, float):
        return _float_problem(text, value)
    return None


def not_finite(value: object) -> bool:
    """True for NaN and ±infinity, which JSON (and so several exports) cannot hold."""
    return isinstance(value, float) and not math.isfinite(value)


def _decimal(text: str) -> bool:
    """A whole number written in decimal without a leading zero (the common case, checked quickly)."""
    return (text.isdigit() and (text[0] != "0" or text == "0")) or bool(_DECIMAL.fullmatch(text))


def _float_problem(text: str, value: float) -> str | None:
    if not math.isfinite(value) or _FLOAT.fullmatch(text):
        return None  # NaN and infinity are reported as not finite
    return f"YAML 1.1 reads {text} as the number {value:g}"
