"""The workflow core shared by proposals (提案) and 社情民意: steps, refusals, working days.

Both kinds of record carry a dated ``history`` that is replayed step by step against a state
machine of their own (:mod:`cppcc_model.proposals.lifecycle`,
:mod:`cppcc_model.information.lifecycle`). What they share lives here, below both:

* :mod:`cppcc_model.workflow.steps` — replaying a history (:func:`replay_history`) and the checks
  and problems every step shares;
* :mod:`cppcc_model.workflow.errors` — the refusals (:class:`IllegalTransitionError`,
  :class:`DateOrderError`, :class:`InvalidStepError`, :class:`HistoryProblemsError`);
* :mod:`cppcc_model.workflow.calendar` — the official working-day calendar and month
  arithmetic (:func:`add_working_days`, :func:`is_working_day`, :func:`working_days_between`).
"""

from __future__ import annotations

from cppcc_model.workflow.calendar import (
    add_months,
    add_working_days,
    calendar_range,
    is_working_day,
    working_days_between,
)
from cppcc_model.workflow.errors import (
    CalendarRangeError,
    DateOrderError,
    HistoryProblemsError,
    IllegalTransitionError,
    InvalidStepError,
    LifecycleError,
)
from cppcc_model.workflow.steps import (
    Dated,
    check_dated_after,
    check_submitted_on,
    history_path,
    replay_history,
    step_problem,
)

__all__ = [
    "CalendarRangeError",
    "DateOrderError",
    "Dated",
    "HistoryProblemsError",
    "IllegalTransitionError",
    "InvalidStepError",
    "LifecycleError",
    "add_months",
    "add_working_days",
    "calendar_range",
    "check_dated_after",
    "check_submitted_on",
    "history_path",
    "is_working_day",
    "replay_history",
    "step_problem",
    "working_days_between",
]
