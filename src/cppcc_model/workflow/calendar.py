"""The working-day calendar: official working days, and months added to a day.

Time limits counted in **working days** (a unit's objection window, a proposer's feedback form)
follow the official Chinese calendar — holidays off, make-up working days (调休) on — from the
``chinesecalendar`` package. A day outside that package's data raises
:class:`~cppcc_model.workflow.errors.CalendarRangeError`; nothing is guessed. Limits counted in
**months** (a reply within three months) add calendar months as pendulum adds them, keeping the
day of the month and clamping at a shorter month's end (31 January + 1 month = 28 or 29
February).

Proposals and 社情民意 both count by it; the names are still importable from
:mod:`cppcc_model.proposals.deadlines`, where they were first written.
"""

from __future__ import annotations

import calendar
import datetime as dt

from cppcc_model.errors import InvalidValueError
from cppcc_model.workflow.errors import CalendarRangeError

__all__ = [
    "add_months",
    "add_working_days",
    "calendar_range",
    "is_working_day",
    "working_days_between",
]


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months, clamped to the end of a shorter month.

    The same day as pendulum's ``Date.add(months=…)`` gives (a test holds the two equal),
    counted without importing pendulum.
    """
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def calendar_range() -> tuple[dt.date, dt.date]:
    """The first and last day the official holiday calendar has data for."""
    from chinese_calendar import holidays

    first = min(holidays).year
    last = max(holidays).year
    return dt.date(first, 1, 1), dt.date(last, 12, 31)


def is_working_day(day: dt.date) -> bool:
    """Whether ``day`` is an official working day (make-up working days included).

    Raises:
        CalendarRangeError: when ``day`` is outside the calendar's data.

    """
    import chinese_calendar

    first, last = calendar_range()
    if not first <= day <= last:
        raise CalendarRangeError(
            f"the official holiday calendar has no data for {day} (it covers {first} to {last})",
            hint="upgrade the chinesecalendar package, or count the deadline by hand",
        )
    return bool(chinese_calendar.is_workday(day))


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The ``days``-th working day after ``start`` (``start`` itself is not counted).

    Raises:
        CalendarRangeError: when the count runs outside the calendar's data.

    """
    if days < 0:
        raise InvalidValueError(f"cannot count {days} working days", hint="use 0 or more")
    day = start
    left = days
    while left:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """How many working days lie after ``start`` up to and including ``end`` (0 if none).

    Raises:
        CalendarRangeError: when a day in between is outside the calendar's data.

    """
    count = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count
