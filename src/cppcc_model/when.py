"""The period and the as-of day a request asks for, and their defaults.

The ``cppcc`` commands (``--year``, ``--period``, ``--as-of``) and the HTTP service (``year``,
``period``, ``as_of``) ask the same question and get the same answer here: a calendar year or a
period (``2023``, ``2023-H1``, ``2023-Q3``, ``START..END``) is assessed, read as it stood on the
as-of day (default: the period's last day); with neither, the last calendar year in which the
ledger has a dated record.
"""

from __future__ import annotations

import datetime as dt

import attrs

from cppcc_model.errors import CppccError
from cppcc_model.ledger import Ledger
from cppcc_model.model import Period
from cppcc_model.model.periods import parse_date

__all__ = ["When", "last_year", "resolve_when"]


def _dates(ledger: Ledger) -> list[dt.date]:
    days: list[dt.date] = []
    days.extend(p.submitted_on for p in ledger.proposals)
    days.extend(a.start for a in ledger.activities)
    days.extend(r.submitted_on for r in ledger.info_reports)
    days.extend(c.on for c in ledger.contributions)
    days.extend(dt.date(w.year, 1, 1) for w in ledger.work_plans)
    return days


def last_year(ledger: Ledger) -> int | None:
    """The last calendar year in which the ledger has a dated record, if any."""
    days = _dates(ledger)
    return max(days).year if days else None


@attrs.frozen
class When:
    """The period assessed and the day records are read as of."""

    period: Period
    as_of: dt.date


def resolve_when(ledger: Ledger, year: int | None, period: str | None, as_of: str | None) -> When:
    """The period and as-of day asked for (see the module docstring for the defaults).

    Args:
        ledger: the dataset, for the default year.
        year: a calendar year, or None.
        period: a period as written (``2023-H1``, ``START..END``), or None.
        as_of: the as-of day as written, or None.

    Returns:
        The period and the as-of day.

    Raises:
        CppccError: for conflicting or unreadable options, or no way to choose a default.

    """
    if year is not None and period is not None:
        raise CppccError("--year and --period both give the period", hint="give only one")
    as_of_day = parse_date(as_of) if as_of is not None else None
    if period is not None:
        chosen = Period.parse(period)
    elif year is not None:
        chosen = Period.year(year)
    elif as_of_day is not None:
        chosen = Period(dt.date(as_of_day.year, 1, 1), as_of_day)
    else:
        found = last_year(ledger)
        if found is None:
            raise CppccError(
                "the dataset has no dated record to choose a year from",
                hint="give --year YYYY or --period",
            )
        chosen = Period.year(found)
    return When(chosen, as_of_day if as_of_day is not None else chosen.end)
