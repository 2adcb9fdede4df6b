"""Sentences built from dataset text that stay grammatical: counts, and links read as statements.

A relation's phrase is written for one subject ("worsens", "is a risk factor for"). When a label
reads as plural ("Dopamine-blocking drugs") the statement becomes "Dopamine-blocking drugs:
worsens RLS", which needs no agreement; a relative clause after a plural label says "each of
which", which takes the singular verb. Guessing a plural wrongly only costs a colon.
"""

from __future__ import annotations

import re

_SINGULAR_ENDINGS = ("ss", "is", "us", "ous")
_SINGULAR_WORDS = {"genetics", "physics", "statistics", "ethics", "diabetes", "series", "species", "news",
                   "measles", "rabies", "herpes", "mumps"}
_AFTER_HEAD = r"\s(?:in|of|for|with|during|from|at|on|to)\s|\s/\s|,"


def counted(count: int, noun: str, plural: str = "") -> str:
    """``1 claim``, ``2 claims``; ``plural`` for irregular nouns."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def shortened(text: str, length: int) -> str:
    """``text`` cut at the last word that keeps it within ``length`` characters, with "…"."""
    if len(text) <= length:
        return text
    return text[: length - 1].rsplit(" ", 1)[0] + "…"


def listed(items: list[str]) -> str:
    """Items as a sentence's list: ``a``, ``a and b``, ``a, b and c``.

    >>> listed(["the focus", "the kinds filter", "the path"])
    'the focus, the kinds filter and the path'
    """
    return " and ".join(filter(None, [", ".join(items[:-1]), *items[-1:]]))


def looks_plural(label: str) -> bool:
    """True when a label's head word reads as plural: "Sedating antihistamines", "SSRIs, SNRIs".

    The head is the last word before a preposition, slash or comma, parentheses left out
    ("Periodic limb movements in sleep"). Words ending in -ss, -is, -us or -ous, and a few
    singular nouns in -s ("Genetics", "Diabetes"), are taken as singular.
    """
    text = re.sub(r"\([^)]*\)", " ", label)
    head = re.split(_AFTER_HEAD, text, maxsplit=1)[0]
    words = re.findall(r"[A-Za-z0-9-]+", head)
    if words and re.fullmatch(r"[A-Z0-9-]{2,}s", words[-1]):
        return True  # an abbreviation's plural: "SSRIs", "NSAIDs"
    last = words[-1].lower() if words else ""
    return (len(last) > 2 and last.endswith("s") and not last.endswith(_SINGULAR_ENDINGS)
            and last not in _SINGULAR_WORDS)


def statement(subject: str, phrase: str, obj: str) -> str:
    """``subject phrase obj``, or ``subject: phrase obj`` when the subject reads as plural."""
    joiner = ": " if looks_plural(subject) else " "
    return f"{subject}{joiner}{phrase} {obj}"


def relative(antecedent: str) -> str:
    """The clause opener after ``antecedent``: ", which" or, after a plural, ", each of which"."""
    return ", each of which" if looks_plural(antecedent) else ", which"
