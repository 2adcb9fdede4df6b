"""The view on screen as widget values and as URL parameters, and back again.

An app shows one :class:`~graph.viewspec.ViewSpec` at a time. It is seen three ways: as the
spec itself, as the values of the controls that edit it (where "every kind" is every box
ticked), and as the URL that shares it (where "every kind" is no parameter at all). This module
is the one place that knows those mappings, so seeding the controls, reading them back and
writing the link always agree.

A link carries parameters this module does not own (a tour and its step, a learning platform's
own parameters); :func:`merged_query` replaces only the parameters it owns and keeps the rest.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

from graph.dataset.model import Dataset
from graph.dataset.vocabulary import VERDICTS
from graph.viewspec import VIEW_OPTIONS, ViewSpec, query_names

DATASET_PARAMETER = "dataset"
SELECTED_PARAMETER = "selected"
GROUP_PARAMETER = "group"
WIDGET_KEYS = tuple(option.attribute for option in VIEW_OPTIONS)  # each control's key is its ViewSpec field
_EVERYTHING = ("kinds", "relations", "verdicts")
PICKER_KEYS = ("focus", "path_from", "path_to")


def content_key(sources: Iterable[tuple[str, bytes]]) -> str:
    """A short hash of a dataset's file names and bytes: equal only for the same content."""
    digest = hashlib.sha256()
    for name, data in sources:
        digest.update(name.encode("utf-8", "surrogatepass") + b"\0" + data + b"\0")
    return digest.hexdigest()[:20]


def widget_values(spec: ViewSpec, dataset: Dataset) -> dict[str, Any]:
    """The value of every control for ``spec``: "all" spelt out as every choice ticked."""
    values = {key: getattr(spec, key) for key in WIDGET_KEYS}
    for key in _EVERYTHING:
        chosen = values[key]
        values[key] = list(chosen) if chosen is not None else all_choices(dataset)[key]
    values["evidence"] = spec.evidence or weakest_level(dataset)
    return values | {picker_text_key(key): dataset.node(values[key]).label if values[key] else ""
                     for key in PICKER_KEYS}


def picker_text_key(key: str) -> str:
    """The key of the text field that names the node stored under ``key`` (a node picker)."""
    return f"{key}_text"


def spec_from_widgets(values: Mapping[str, Any], dataset: Dataset) -> ViewSpec:
    """The spec the controls describe: every choice ticked is "all", the weakest level is "any"."""
    fields = {key: values[key] for key in WIDGET_KEYS}
    for key in _EVERYTHING:
        fields[key] = None if set(values[key]) == set(all_choices(dataset)[key]) else tuple(values[key])
    if fields["evidence"] == weakest_level(dataset):
        fields["evidence"] = None
    return ViewSpec(**fields)


def all_choices(dataset: Dataset) -> dict[str, list[str]]:
    """Every choice of the multi-choice controls, in the dataset's order."""
    return {"kinds": [kind.id for kind in dataset.kinds],
            "relations": [relation.id for relation in dataset.relations],
            "verdicts": list(VERDICTS)}


def weakest_level(dataset: Dataset) -> str:
    """The id of the lowest-ranked evidence level: as a minimum, it lets every link through."""
    return min(dataset.evidence, key=lambda level: level.rank).id


def spec_from_query(query: Mapping[str, str], dataset_name: str, default_dataset: str) -> ViewSpec:
    """The spec a link asks for, if the link is for this dataset; else the default view.

    Raises ViewSpecError when the link's view cannot be read.
    """
    if query.get(DATASET_PARAMETER, default_dataset) != dataset_name:
        return ViewSpec()
    return ViewSpec.from_query(query)


def half_path_note(spec: ViewSpec) -> str | None:
    """What to tell a reader whose link gives only one end of a path, or None."""
    missing = spec.missing_path_end
    if not missing:
        return None
    given, needed = ("from", "to") if missing == "path_to" else ("to", "from")
    return (f"The link gives the path's '{given}' but not its '{needed}', so no path is shown. "
            f"Choose the other end under Path.")


def merged_query(current: Mapping[str, str], dataset_name: str, spec: ViewSpec,
                 selected: str | None = None, group: str | None = None) -> dict[str, str]:
    """``current`` with the dataset, view, selection and open group replaced and every other
    parameter kept. The selection is left out when it is the focus (what a view selects anyway)."""
    owned = {DATASET_PARAMETER, SELECTED_PARAMETER, GROUP_PARAMETER, *query_names()}
    kept = {key: value for key, value in current.items() if key not in owned}
    selection = {SELECTED_PARAMETER: selected} if selected and selected != spec.focus else {}
    opened = {GROUP_PARAMETER: group} if group else {}
    return {DATASET_PARAMETER: dataset_name, **spec.to_query(), **selection, **opened, **kept}
