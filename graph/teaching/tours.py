"""Guided tours at run time: where a reader is in a tour, moving on and back, and the link to it.

A dataset's tours are validated when it loads (each step's view is a
:class:`~graph.viewspec.ViewSpec` checked against the dataset). This module adds what reading
one needs: a :class:`TourPosition` (a tour and a step number, counted from 1 as in links),
``next``/``previous``, and the ``?tour=ID&step=N`` parameters that open a step from a link.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from graph.dataset.convert import suggest
from graph.dataset.model import Dataset, Tour, TourStep
from graph.errors import ViewSpecError
from graph.viewspec import ViewSpec

TOUR_PARAMETER = "tour"
STEP_PARAMETER = "step"
TOUR_PARAMETERS = (TOUR_PARAMETER, STEP_PARAMETER)


@dataclass(frozen=True)
class TourPosition:
    """Step ``number`` (1 to the number of steps) of ``tour``."""

    tour: Tour
    number: int

    def __post_init__(self) -> None:
        if not 1 <= self.number <= len(self.tour.steps):
            raise ViewSpecError(f"tour '{self.tour.id}' has steps 1 to {len(self.tour.steps)}, not {self.number}.")

    @property
    def step(self) -> TourStep:
        return self.tour.steps[self.number - 1]

    @property
    def spec(self) -> ViewSpec:
        """The view this step shows."""
        return self.step.view

    @property
    def is_first(self) -> bool:
        return self.number == 1

    @property
    def is_last(self) -> bool:
        return self.number == len(self.tour.steps)

    @property
    def progress(self) -> str:
        """E.g. "Step 2 of 5"."""
        return f"Step {self.number} of {len(self.tour.steps)}"

    def next(self) -> TourPosition:
        """The following step (the last step stays where it is)."""
        return TourPosition(self.tour, min(self.number + 1, len(self.tour.steps)))

    def previous(self) -> TourPosition:
        """The step before (the first step stays where it is)."""
        return TourPosition(self.tour, max(self.number - 1, 1))

    def query(self) -> dict[str, str]:
        """The link parameters that open this step: ``{"tour": ID, "step": "N"}``."""
        return {TOUR_PARAMETER: self.tour.id, STEP_PARAMETER: str(self.number)}


def start_tour(dataset: Dataset, tour_id: str, number: int = 1) -> TourPosition:
    """Step ``number`` of the dataset's tour ``tour_id``.

    Raises ViewSpecError for a tour the dataset does not have, or a step it does not have.
    """
    if tour_id not in dataset.ids("tours"):
        hint = suggest(tour_id, list(dataset.ids("tours"))) or _listing(dataset)
        raise ViewSpecError(f"'{tour_id}' is not a tour of this dataset. {hint}".strip())
    return TourPosition(dataset.tour(tour_id), number)


def position_from_query(dataset: Dataset, query: Mapping[str, str]) -> TourPosition | None:
    """The tour step a link opens (``?tour=ID&step=N``, step 1 when absent), or None without ``tour``.

    Raises ViewSpecError when the link names a tour or step the dataset does not have.
    """
    tour_id = query.get(TOUR_PARAMETER)
    if not tour_id:
        return None
    step = query.get(STEP_PARAMETER, "1")
    if not step.isdigit():
        raise ViewSpecError(f"the tour step must be a number from 1, got '{step}'.")
    return start_tour(dataset, tour_id, int(step))


def without_tour(query: Mapping[str, str]) -> dict[str, str]:
    """``query`` without the tour parameters (leaving a tour keeps the rest of the link)."""
    return {key: value for key, value in query.items() if key not in TOUR_PARAMETERS}


def _listing(dataset: Dataset) -> str:
    tours = list(dataset.ids("tours"))
    return f"Its tours: {', '.join(tours)}." if tours else "It has no tours."
