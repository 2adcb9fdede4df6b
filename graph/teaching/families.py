"""Families of relations: phrases that say nearly the same thing ("causes", "can cause", "leads to").

A quiz may not offer one member of a family as wrong beside another as right: a student who picks
"can cause" where the map says "causes" is not wrong. Families are derived from the phrases, so
any dataset has them: the same polarity and the same first word once modals ("can", "may",
"often") and linking words ("is", "a", "has") are set aside, with the verbs of causing (cause,
lead, result, trigger, produce) as one family.
"""

from __future__ import annotations

from graph.dataset.model import Dataset

MODALS = frozenset({"can", "may", "might", "often", "usually", "sometimes"})
LINKING = frozenset({"is", "are", "a", "an", "the", "has", "have", "as"})
CAUSING = frozenset({"cause", "lead", "result", "trigger", "produce"})


def relation_families(dataset: Dataset) -> dict[str, str]:
    """Relation id → the name of its family (relations of one family share the name)."""
    return {relation.id: f"{relation.polarity}:{head_verb(relation.label)}" for relation in dataset.relations}


def head_verb(label: str) -> str:
    """The phrase's first meaningful word, without a third-person s; every verb of causing is "cause"."""
    words = [word for word in label.lower().split() if word not in MODALS | LINKING]
    verb = words[0].removesuffix("s") if words else ""
    return "cause" if verb in CAUSING or verb + "e" in CAUSING else verb
