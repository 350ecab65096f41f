"""Dates, one way: the one parser for workbook cells, the command line and the API.

Every date a person types goes through :func:`parse_day`, and every period through
:func:`parse_span`, so ``2022-6-30`` is read the same in a cell, after ``--as-of`` and in
``Period.parse``. Parsing is by exact formats (pendulum's ``from_format``), never by a lenient
guess: a text either matches one of the forms below in full or is refused with a hint.

========================  ===================================================================
form                      meaning
========================  ===================================================================
``2022-06-30``            a day; also ``2022-6-30``, ``2022/6/30``, ``2022.6.30``,
                          ``2022年6月30日`` (``日`` optional) and ``20220630``
``2022-06``               a whole month (1–30 June); also ``2022/6``, ``2022年6月``
``2022-Q2``               a whole quarter (1 April – 30 June); also ``2022Q2``, ``2022年第二季度``
``2022-H1``               a half year (1 January – 30 June); also ``2022年上半年``
``2022``                  a whole year; also ``2022年``
========================  ===================================================================

A month, quarter, half or year is a span of whole days (:func:`parse_span`): in a period
``2022-01..2022-06`` means 1 January to 30 June. Where one day is needed (:func:`parse_day`) a
month is refused rather than read as its first day, and so are forms whose order of day and
month is a guess (``06/30/2022``, ``30.06.2022``) or whose century is (``22-6-30``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata

from cppcc_model.errors import InvalidValueError

__all__ = ["DAY_FORMATS", "parse_day", "parse_span"]

DAY_FORMATS = ("YYYY-M-D", "YYYY/M/D", "YYYY.M.D", "YYYY年M月D日", "YYYY年M月D", "YYYYMMDD")
"""The exact pendulum formats a day may be written in (``M`` and ``D`` take one or two digits)."""

_DAY_HINT = "write the day as YYYY-MM-DD (2022-06-30; 2022/6/30 and 2022年6月30日 also work)"
_MONTH = re.compile(r"(\d{4})(?:[-/.]|\s*年\s*)(\d{1,2})(?:\s*月)?")
_QUARTER = re.compile(r"(\d{4})(?:-?[Qq]([1-4])|\s*年\s*第?([一二三四1-4])\s*季度?)")
_HALF = re.compile(r"(\d{4})(?:-?[Hh]([12])|\s*年\s*([上下])半年)")
_YEAR = re.compile(r"(\d{4})\s*年?")
_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "上": 1, "下": 2}
_AMBIGUOUS = (
    (re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{4}"), "the order of day and month is a guess"),
    (re.compile(r"\d{2}[-/.]\d{1,2}[-/.]\d{1,2}"), "a two-digit year leaves the century a guess"),
)


_DAY_SHAPE = re.compile(
    r"\d{4}(?:-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2}|\.\d{1,2}\.\d{1,2}|年\d{1,2}月\d{1,2}日?|\d{4})"
)


def _clean(text: str) -> str:
    cleaned = unicodedata.normalize("NFKC", text).strip()
    return re.sub(r"\s*([年月日])\s*", r"\1", cleaned)


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
"""``2022-06-30``, the form nearly every cell holds: read by :mod:`datetime` as pendulum's
``YYYY-M-D`` reads it (a test holds the two equal), without importing pendulum."""


def _day(text: str) -> dt.date | None:
    if _ISO_DAY.fullmatch(text):
        try:
            return dt.date(int(text[:4]), int(text[5:7]), int(text[8:]))
        except ValueError:
            raise InvalidValueError(
                f"{text!r} is not a day of the calendar", hint="check the month and the day"
            ) from None
    import pendulum

    if not _DAY_SHAPE.fullmatch(text):  # pendulum's YYYY would take fewer digits
        return None
    for form in DAY_FORMATS:
        try:
            parsed = pendulum.from_format(text, form)
        except ValueError as error:
            if "does not match" in str(error):
                continue
            raise InvalidValueError(
                f"{text!r} is not a day of the calendar", hint="check the month and the day"
            ) from None
        return parsed.date()
    return None


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month_span(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, first, 1), _last_day(year, last)


def _refuse(original: str, cleaned: str, what: str) -> InvalidValueError:
    for pattern, why in _AMBIGUOUS:
        if pattern.fullmatch(cleaned):
            return InvalidValueError(f"{original!r} is ambiguous: {why}", hint=_DAY_HINT)
    return InvalidValueError(f"cannot read {original!r} as {what}", hint=_DAY_HINT)


def parse_day(text: str) -> dt.date:
    """The day ``text`` names, in one of :data:`DAY_FORMATS` (full-width digits allowed).

    Raises:
        InvalidValueError: for a text that is no day, a day not in the calendar, a month or year
            where a day is needed, or an ambiguous form; the hint shows how to write it.

    """
    cleaned = _clean(text)
    day = _day(cleaned)
    if day is not None:
        return day
    if _MONTH.fullmatch(cleaned) or _QUARTER.fullmatch(cleaned) or _YEAR.fullmatch(cleaned):
        raise InvalidValueError(
            f"{text!r} is a month, quarter or year, not a day",
            hint=f"name the day ({cleaned}-01 for the first, say); {_DAY_HINT}",
        )
    raise _refuse(text, cleaned, "a date")


def parse_span(text: str) -> tuple[dt.date, dt.date]:
    """The first and last day of the day, month, quarter, half or year ``text`` names.

    >>> parse_span("2022-06")
    (datetime.date(2022, 6, 1), datetime.date(2022, 6, 30))

    Raises:
        InvalidValueError: for a text that is none of these, or an ambiguous form.

    """
    cleaned = _clean(text)
    day = _day(cleaned)
    if day is not None:
        return day, day
    match = _QUARTER.fullmatch(cleaned)
    if match:
        part = match.group(2) or match.group(3)
        quarter = _NUMERALS.get(part) or int(part)
        return _month_span(int(match.group(1)), 3 * quarter - 2, 3 * quarter)
    match = _HALF.fullmatch(cleaned)
    if match:
        half = int(match.group(2)) if match.group(2) else _NUMERALS[match.group(3)]
        return _month_span(int(match.group(1)), 6 * half - 5, 6 * half)
    match = _MONTH.fullmatch(cleaned)
    if match:
        month = int(match.group(2))
        if not 1 <= month <= 12:
            raise InvalidValueError(
                f"{text!r}: there is no month {month}", hint="months run from 1 to 12"
            )
        return _month_span(int(match.group(1)), month, month)
    match = _YEAR.fullmatch(cleaned)
    if match:
        return _month_span(int(match.group(1)), 1, 12)
    raise _refuse(text, cleaned, "a day, month, quarter or year")
