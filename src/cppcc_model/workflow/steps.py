"""The core both workflows share: replaying a dated history, and the checks of every step.

A record's ``history`` is the truth. :func:`replay_history` walks it from a starting status,
one step at a time — all of it, or the part dated on or before a day — and each workflow gives
it its own ``step`` (the proposal lifecycle's, the 社情民意 pipeline's). The checks every step
makes whatever the workflow (:func:`check_dated_after`, :func:`check_submitted_on`) and the way
a refusal becomes a problem a clerk can find (:func:`step_problem`, :func:`history_path`) are
here too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Protocol, TypeVar

from cppcc_model.errors import Location, Problem
from cppcc_model.workflow.errors import (
    CalendarRangeError,
    DateOrderError,
    IllegalTransitionError,
    InvalidStepError,
    LifecycleError,
)

__all__ = [
    "Dated",
    "check_dated_after",
    "check_submitted_on",
    "history_path",
    "replay_history",
    "step_problem",
]


class Dated(Protocol):
    """A step of a history: anything with the day it was taken (``on``)."""

    @property
    def on(self) -> dt.date:
        """The day of the step."""
        ...


Status = TypeVar("Status")
Step = TypeVar("Step", bound=Dated)


def replay_history(
    start: Status,
    history: Iterable[Step],
    step: Callable[[Status, Step, bool], Status],
    as_of: dt.date | None = None,
) -> Status:
    """The status ``history`` leads to from ``start``, up to ``as_of`` (``None``: all of it).

    ``step(status, event, first)`` returns the status after ``event`` (``first`` is true for
    the history's first event) and raises a
    :class:`~cppcc_model.workflow.errors.LifecycleError` for a step it refuses. Events dated
    after ``as_of`` are not taken (histories are in date order).
    """
    status = start
    for index, event in enumerate(history):
        if as_of is not None and event.on > as_of:
            break
        status = step(status, event, index == 0)
    return status


def check_dated_after(record_id: str, step: str, on: dt.date, last_date: dt.date) -> None:
    """Refuse a step of ``record_id`` dated before its last recorded date.

    Raises:
        DateOrderError: when ``on`` is before ``last_date``.

    """
    if on < last_date:
        raise DateOrderError(record_id, step, on, last_date)


def check_submitted_on(record_id: str, on: dt.date, submitted_on: dt.date, hint: str) -> None:
    """Refuse a first submission step not dated on the record's ``submitted_on``.

    Raises:
        InvalidStepError: when ``on`` differs from ``submitted_on``; ``hint`` says how to fix it.

    """
    if on != submitted_on:
        raise InvalidStepError(
            f"{record_id} records its submission on {on} but was submitted on {submitted_on}",
            where=Location(record_id=record_id),
            hint=hint,
        )


def history_path(collection: str, position: int, index: int) -> str:
    """The JSON path of a history step: ``$.proposals[3].history[1]``."""
    return f"$.{collection}[{position}].history[{index}]"


def step_problem(
    error: LifecycleError | CalendarRangeError,
    record_id: str,
    label: str,
    on: dt.date,
    state_label: str | None,
    where: Location,
) -> Problem:
    """A workflow refusal as a problem that names the step as the clerk wrote it (并案)."""
    if isinstance(error, IllegalTransitionError):
        message = f"{label} on {on} is not allowed: {record_id} is {state_label} by then"
        if error.reason:
            message = f"{message} ({error.reason})"
    elif isinstance(error, DateOrderError):
        message = f"{label} on {on} is dated before the step before it ({error.previous})"
    else:
        message = f"{label} on {on}: {error.message}"
    return Problem(message, where, error.hint)
