"""The errors the proposal lifecycle, its deadlines and its statistics raise.

Each is a :class:`~cppcc_model.errors.CppccError`: it says what is wrong, where (the proposal's
record id) and what to do about it. The lifecycle's errors are shared with 社情民意 and live in
:mod:`cppcc_model.workflow.errors`; they are importable from here too, as they always were.
"""

from __future__ import annotations

from cppcc_model.errors import CppccError
from cppcc_model.workflow.errors import (
    CalendarRangeError,
    DateOrderError,
    HistoryProblemsError,
    IllegalTransitionError,
    InvalidStepError,
    LifecycleError,
)

__all__ = [
    "CalendarRangeError",
    "DateOrderError",
    "HistoryProblemsError",
    "IllegalTransitionError",
    "InvalidStepError",
    "LifecycleError",
    "StatisticsQueryError",
]


class StatisticsQueryError(CppccError, ValueError):
    """A statistics request that cannot be answered as asked (no date, a grouping that fails)."""
