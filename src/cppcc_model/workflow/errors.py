"""The errors a record's workflow raises: a step refused, a history broken, a day not counted.

Each is a :class:`~cppcc_model.errors.CppccError`: it says what is wrong, where (the record's
id) and what to do about it. Proposals (提案) and 社情民意 items raise the same ones; they were
first written for proposals and are still importable from :mod:`cppcc_model.proposals.errors`.
"""

from __future__ import annotations

import datetime as dt

from cppcc_model.errors import CppccError, Location, ProblemsError

__all__ = [
    "CalendarRangeError",
    "DateOrderError",
    "HistoryProblemsError",
    "IllegalTransitionError",
    "InvalidStepError",
    "LifecycleError",
]


class LifecycleError(CppccError):
    """A step that cannot be taken on a record (a proposal or a 社情民意 item)."""


class IllegalTransitionError(LifecycleError):
    """A step that is not allowed from the record's current state.

    ``record_id``, ``state`` and ``step`` name the record, the state it was in and the step
    that was refused (as their English ids), so a program can react without parsing text.
    """

    def __init__(
        self,
        record_id: str,
        state: str,
        step: str,
        *,
        reason: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.record_id = record_id
        self.state = state
        self.step = step
        self.reason = reason
        message = f"{record_id} is {state}; the step {step!r} is not allowed"
        if reason:
            message = f"{message}: {reason}"
        super().__init__(message, where=Location(record_id=record_id), hint=hint)


class InvalidStepError(LifecycleError):
    """A step allowed from the current state, but missing something it needs (a case number …)."""


class DateOrderError(LifecycleError):
    """A step dated before the step it follows: dates in a history never go backwards."""

    def __init__(self, record_id: str, step: str, on: dt.date, previous: dt.date) -> None:
        self.record_id = record_id
        self.step = step
        self.on = on
        self.previous = previous
        super().__init__(
            f"the step {step!r} on {on} is dated before the last recorded date {previous}",
            where=Location(record_id=record_id),
            hint="dates in a history cannot go backwards; check the date or the order of steps",
        )


class CalendarRangeError(CppccError, ValueError):
    """A date the official holiday calendar has no data for: no working-day count is guessed."""


class HistoryProblemsError(ProblemsError):
    """Several records whose histories break their workflow, all listed at once."""
