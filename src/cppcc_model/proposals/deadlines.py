"""Deadlines: when a reply is due, the objection window, and "overdue as of a date".

* A reply is due ``reply_months`` calendar months after the (latest) assignment — the day the
  handling unit received it; default 3. An approved extension (延期办理) moves it to
  ``max_months`` after the assignment; default 6 (the cap most rules set). A re-handling
  (重新办理) is due ``rehandling_months`` after it was ordered; default 3. Months are added
  with pendulum, which keeps the day of the month and clamps at the month's end
  (31 January + 1 month = 28 or 29 February).
* Objection windows (a unit returning a proposal outside its remit) are counted in **working
  days** of the official Chinese calendar — holidays off, make-up working days (调休) on — from
  the ``chinesecalendar`` package. A date outside that package's data raises
  :class:`CalendarRangeError`; nothing is guessed. The calendar is shared with 社情民意 and lives
  in :mod:`cppcc_model.workflow.calendar`; ``add_months``, ``add_working_days``,
  ``calendar_range``, ``is_working_day`` and ``working_days_between`` are importable from here
  too, as they always were.

All of it is configurable per rule set through :class:`DeadlineRules`. Reading a proposal's
due date and whether it is overdue needs its replayed history, so that lives in
:mod:`cppcc_model.proposals.overdue` (this module imports nothing of the lifecycle; the old
names ``deadlines.reply_due``, ``is_overdue``, ``overdue_as_of`` and ``Overdue`` are still
reachable here, set by the package).
"""

from __future__ import annotations

import datetime as dt

import attrs

from cppcc_model.errors import InvalidValueError
from cppcc_model.workflow.calendar import (
    add_months,
    add_working_days,
    calendar_range,
    is_working_day,
    working_days_between,
)

__all__ = [
    "DeadlineRules",
    "add_months",
    "add_working_days",
    "calendar_range",
    "is_working_day",
    "working_days_between",
]


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise InvalidValueError(
            f"DeadlineRules.{attribute.name} must be a whole number of at least 1, got {value!r}",
            hint="give the time limit the rule text states",
        )


def _optional_positive(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if value is not None:
        _positive(instance, attribute, value)  # type: ignore[arg-type]


@attrs.frozen
class DeadlineRules:
    """The time limits a rule set states (defaults: the national-style 3 / 6 months).

    ``objection_working_days`` is how many working days after receiving an assignment a unit
    may ask for it to be changed (default 10; ``None`` for no limit).
    ``feedback_working_days`` is how long a proposer has to return the feedback form (15).
    """

    reply_months: int = attrs.field(default=3, validator=_positive)
    max_months: int = attrs.field(default=6, validator=_positive)
    rehandling_months: int = attrs.field(default=3, validator=_positive)
    objection_working_days: int | None = attrs.field(default=10, validator=_optional_positive)
    feedback_working_days: int = attrs.field(default=15, validator=_positive)

    def __attrs_post_init__(self) -> None:
        if self.max_months < self.reply_months:
            raise InvalidValueError(
                f"an extension cap of {self.max_months} months is shorter than the "
                f"{self.reply_months}-month reply limit",
                hint="make max_months at least reply_months",
            )

    def reply_due(self, assigned_on: dt.date, *, extended: bool = False) -> dt.date:
        """The last day a reply is on time for an assignment received on ``assigned_on``."""
        return add_months(assigned_on, self.max_months if extended else self.reply_months)

    def rehandling_due(self, ordered_on: dt.date) -> dt.date:
        """The last day a new reply is on time after re-handling was ordered on ``ordered_on``."""
        return add_months(ordered_on, self.rehandling_months)

    def objection_deadline(self, assigned_on: dt.date) -> dt.date | None:
        """The last working day a unit may object to an assignment (``None``: no limit).

        Raises:
            CalendarRangeError: when the window runs outside the official calendar's data.

        """
        if self.objection_working_days is None:
            return None
        return add_working_days(assigned_on, self.objection_working_days)
