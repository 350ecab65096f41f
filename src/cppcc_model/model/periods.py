"""Time: terms (届), sessions (次会议) and assessment periods.

Records hold plain :class:`datetime.date` values. :class:`Period` is an inclusive range of
dates — the way offices write them, "2022-01-01 至 2022-12-31" — with pendulum used at the
edges: parsing what people type and converting to a pendulum interval.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

import attrs

from cppcc_model.errors import InvalidValueError
from cppcc_model.labels import LabeledEnum
from cppcc_model.model import _checks as check

if TYPE_CHECKING:
    import pendulum

__all__ = ["Period", "Session", "SessionKind", "Term", "parse_date"]


def _to_session_kind(value: SessionKind | str) -> SessionKind:
    return SessionKind.parse(value)


@attrs.frozen(order=True)
class Period:
    """An inclusive range of dates: ``start`` and ``end`` both belong to it."""

    start: dt.date = attrs.field(validator=check.date)
    end: dt.date = attrs.field(validator=check.date)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidValueError(
                f"period ends on {self.end}, before it starts on {self.start}",
                hint="swap the dates or correct one of them",
            )

    @classmethod
    def year(cls, year: int) -> Period:
        """The calendar year ``year``."""
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        """Quarter 1–4 of ``year``."""
        if quarter not in (1, 2, 3, 4):
            raise InvalidValueError(f"quarter {quarter} does not exist", hint="use 1, 2, 3 or 4")
        start = dt.date(year, 3 * quarter - 2, 1)
        end_month = 3 * quarter
        end = (
            dt.date(year, 12, 31)
            if end_month == 12
            else dt.date(year, end_month + 1, 1) - dt.timedelta(days=1)
        )
        return cls(start, end)

    @classmethod
    def half(cls, year: int, half: int) -> Period:
        """Half 1 (January–June) or 2 (July–December) of ``year``."""
        if half == 1:
            return cls(dt.date(year, 1, 1), dt.date(year, 6, 30))
        if half == 2:
            return cls(dt.date(year, 7, 1), dt.date(year, 12, 31))
        raise InvalidValueError(f"half {half} does not exist", hint="use 1 or 2")

    @classmethod
    def parse(cls, text: str) -> Period:
        """Parse a period: a year, half, quarter, month or day, or ``START..END`` of those.

        Each end of ``START..END`` (also ``START至END``, ``START~END``, ``START/END``) may be
        a day, a month, a quarter, a half or a year; the period runs from the first day of
        ``START`` to the last day of ``END``, so ``2022-01..2022-06`` is 1 January to 30 June
        (see :mod:`cppcc_model.dates`).

        >>> Period.parse("2022-H1")
        Period(start=datetime.date(2022, 1, 1), end=datetime.date(2022, 6, 30))

        Raises:
            InvalidValueError: for a text that names no period, or an ambiguous form.

        """
        from cppcc_model.dates import parse_span

        cleaned = text.strip()
        for separator in ("..", "至", "~", "～", "/"):
            if separator in cleaned:
                first, _, second = cleaned.partition(separator)
                if separator == "/" and re.fullmatch(r"\d{4}/\d{1,2}(/\d{1,2})?", cleaned):
                    break  # 2022/6 or 2022/6/30: one month or day, not a range
                try:
                    return cls(parse_span(first)[0], parse_span(second)[1])
                except InvalidValueError as error:
                    raise InvalidValueError(
                        f"cannot read {text!r} as a period: {error.message}",
                        hint="write START..END, each a day (2022-06-30), a month (2022-06), "
                        "a quarter (2022-Q2) or a year (2022)",
                    ) from None
        try:
            start, end = parse_span(cleaned)
        except InvalidValueError:
            raise InvalidValueError(
                f"cannot read {text!r} as a period",
                hint="write a year (2022), a half (2022-H1), a quarter (2022-Q3), a month "
                "(2022-06) or START..END (2022-01..2022-06)",
            ) from None
        return cls(start, end)

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` falls in this period (both ends included)."""
        return self.start <= day <= self.end

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.contains(day)

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share at least one day."""
        return self.start <= other.end and other.start <= self.end

    @property
    def days(self) -> int:
        """How many days the period has, both ends counted."""
        return (self.end - self.start).days + 1

    def to_interval(self) -> pendulum.Interval[pendulum.Date]:
        """Return this period as a pendulum interval (from ``start`` to ``end``)."""
        import pendulum

        return pendulum.Interval(
            pendulum.Date(self.start.year, self.start.month, self.start.day),
            pendulum.Date(self.end.year, self.end.month, self.end.day),
        )

    def __str__(self) -> str:
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


def parse_date(text: str) -> dt.date:
    """Read a day as people type it (``2022-05-03``, ``2022-5-3``, ``2022/5/3``, ``2022年5月3日``).

    The one date parser of the library (:func:`cppcc_model.dates.parse_day`): workbook cells and
    the command line read days the same way.

    Raises:
        InvalidValueError: when the text is not a day, or its form is ambiguous.

    """
    from cppcc_model.dates import parse_day

    return parse_day(text)


@attrs.frozen
class Term:
    """A 届: a committee's five-year term (``number`` 5 is 第五届)."""

    number: int = attrs.field(validator=check.positive_int)
    start: dt.date = attrs.field(validator=check.date)
    end: dt.date | None = attrs.field(default=None, validator=check.not_before("start"))

    @property
    def id(self) -> str:
        """The term's id: its number as text."""
        return str(self.number)

    @property
    def label(self) -> str:
        """``第五届``-style label, with Arabic numerals (``第5届``)."""
        return f"第{self.number}届"

    def period(self, until: dt.date) -> Period:
        """The term as a period; an open term ends at ``until``."""
        return Period(self.start, self.end if self.end is not None else until)


class SessionKind(LabeledEnum, kind_label="会议类别 (kind of session)"):
    """Whether a session is a plenary session of the whole committee."""

    PLENARY = ("plenary", "全体会议", "全会", "大会")


@attrs.frozen
class Session:
    """A 次会议 of a term: ``Session(term=5, number=4, …)`` is 五届四次会议."""

    term: int = attrs.field(validator=check.positive_int)
    number: int = attrs.field(validator=check.positive_int)
    start: dt.date = attrs.field(validator=check.date)
    end: dt.date = attrs.field(validator=[check.date, check.not_before("start")])
    kind: SessionKind = attrs.field(default=SessionKind.PLENARY, converter=_to_session_kind)

    @property
    def id(self) -> str:
        """The session's id, ``"<term>-<number>"`` (``"5-4"``)."""
        return f"{self.term}-{self.number}"

    @property
    def label(self) -> str:
        """``第5届第4次会议``."""
        return f"第{self.term}届第{self.number}次会议"

    @property
    def period(self) -> Period:
        """The days the session sits."""
        return Period(self.start, self.end)
