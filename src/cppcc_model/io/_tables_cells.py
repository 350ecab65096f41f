"""Reading one cell and writing one value: text, ids, numbers, dates, yes/no, labels, lists.

A cell arrives as CSV text or as an openpyxl value (text, number, boolean, datetime). Each
reader returns the Python value or raises :class:`CellError` with a sentence for the clerk.

Lists (``member_ids``, ``lead_bodies``, ``units`` …) are one cell whose items are separated by
``；`` ``;`` ``，`` ``,`` ``、`` or a line break. An item holding one of those characters is
written in double quotes (``"甲,乙"``), a quote inside doubled (``""``), as in CSV itself.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from decimal import Decimal
from fractions import Fraction
from typing import Any

from cppcc_model.dates import parse_day
from cppcc_model.errors import InvalidValueError, UnknownLabelError
from cppcc_model.io._tables_schema import CellKind, Column
from cppcc_model.labels import LabeledEnum
from cppcc_model.model import HandlingRole, HandlingUnit, Period, period_text, value_text
from cppcc_model.numbers import exact

__all__ = [
    "CellError",
    "excel_escape",
    "excel_unescape",
    "format_cell",
    "is_empty",
    "join_list",
    "read_cell",
    "split_list",
]

SEPARATORS = frozenset(";；,，、\n\r")
_QUOTE = '"'

_EXCEL_EPOCH_1900 = dt.date(1899, 12, 30)
_EXCEL_MAX_SERIAL = 2958465  # 9999-12-31
_SERIAL_TEXT = re.compile(r"\d{5}")
_MIDNIGHT = re.compile(r"[ T]0{1,2}:00(?::00(?:\.0+)?)?$")
_SPACE = re.compile(r"\s")  # what str.isspace() finds, searched in C
_TRUE = frozenset({"是", "true", "yes", "y", "1", "有", "√"})
_FALSE = frozenset({"否", "false", "no", "n", "0", "无", "×"})


class CellError(Exception):
    """A cell that cannot be read as its column's type."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def is_empty(value: object) -> bool:
    """Whether a cell counts as empty (``None``, or text of white space only)."""
    return value is None or (isinstance(value, str) and not value.strip())


def _as_text(value: object) -> str:
    """A non-empty cell as text: numbers without a spurious ``.0``, dates in ISO form."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isfinite(value) and value == int(value):
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


def _describe(value: object) -> str:
    if isinstance(value, str):
        return repr(value.strip())
    return repr(_as_text(value))


# ---------------------------------------------------------------------- single values


def _read_id(value: object) -> str:
    text = _as_text(value)
    if _SPACE.search(text):
        raise CellError(f"the id {text!r} contains a space", "write ids without spaces")
    return text


MAX_WHOLE = 1_000_000_000
"""The largest whole number a count cell may hold (no count of a ledger comes near it)."""

_WHOLE_TEXT = re.compile(r"-?[0-9]+")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９－", "0123456789-")
_FLOAT_EXACT = 2**53  # beyond this a float cell is not an exact whole number


def _int_text_reason(text: str) -> str:
    """Why ``text`` is not a plain whole number, in the clerk's terms."""
    if any(ch in text for ch in ",，"):
        return "it has a thousands separator"
    if text.startswith(("+", "＋")):
        return "it starts with a plus sign"
    if any(ch.isdigit() and ch not in "0123456789" for ch in text):
        return "it has digits that are not 0-9 (a superscript or another script's digits)"
    return "it is not a whole number"


def _read_int(value: object, minimum: int) -> int:
    """A whole number, strictly: ASCII or full-width digits, an optional minus, nothing else.

    Thousands separators, a leading +, superscripts and other scripts' digits are refused, as
    are worksheet numbers that are not exact whole numbers (1e308, NaN, infinity).
    """
    number: int | None = None
    reason = "it is not a whole number"
    if isinstance(value, bool):
        reason = "it is a yes/no value"
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not math.isfinite(value):
            reason = "it is not a finite number"
        elif value != int(value):
            reason = "it has a fractional part"
        elif abs(value) > _FLOAT_EXACT:
            reason = "it is too large to be an exact count"
        else:
            number = int(value)
    elif isinstance(value, str):
        text = value.strip().translate(_FULL_WIDTH)
        if _WHOLE_TEXT.fullmatch(text) and len(text) <= 18:
            number = int(text)
        elif _WHOLE_TEXT.fullmatch(text):
            reason = "it is too large to be a count"
        else:
            reason = _int_text_reason(text)
    if number is None:
        detail = "" if reason == "it is not a whole number" else f": {reason}"
        raise CellError(
            f"{_describe(value)} is not a whole number{detail}",
            "write a plain number such as 3 (digits only, no separators or signs)",
        )
    if number < minimum:
        what = "negative" if number < 0 else "zero"
        raise CellError(
            f"{number} is {what}; this column needs a whole number of at least {minimum}",
            "correct the count",
        )
    if number > MAX_WHOLE:
        raise CellError(
            f"{number} is larger than {MAX_WHOLE:,}, more than any count of a ledger",
            "correct the count",
        )
    return number


def _from_serial(serial: float, epoch: dt.date) -> dt.date:
    if not math.isfinite(serial):
        raise CellError(
            f"{_as_text(serial)} is not an Excel date number", "write the date as YYYY-MM-DD"
        )
    whole = math.floor(serial)
    if epoch == _EXCEL_EPOCH_1900:
        if whole == 60 or not 1 <= whole <= _EXCEL_MAX_SERIAL:
            raise CellError(
                f"{_as_text(serial)} is not an Excel date number", "write the date as YYYY-MM-DD"
            )
        # Excel counts a 29 February 1900 that never was; serials before it are a day off.
        return dt.date(1899, 12, 31 if whole < 60 else 30) + dt.timedelta(days=whole)
    if not 0 <= whole <= _EXCEL_MAX_SERIAL - 1462:
        raise CellError(
            f"{_as_text(serial)} is not an Excel date number", "write the date as YYYY-MM-DD"
        )
    return epoch + dt.timedelta(days=whole)


def _read_date(value: object, epoch: dt.date) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise CellError(f"{_describe(value)} is not a date", "write the date as YYYY-MM-DD")
    if isinstance(value, int | float):
        return _from_serial(value, epoch)
    text = unicodedata.normalize("NFKC", _as_text(value))
    if _SERIAL_TEXT.fullmatch(text):
        return _from_serial(int(text), _EXCEL_EPOCH_1900)
    # A datetime cell written as text keeps a midnight time; the day is the date part.
    text = _MIDNIGHT.sub("", text)
    try:
        return parse_day(text)
    except InvalidValueError as error:
        raise CellError(error.message, error.hint) from None


def _read_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = unicodedata.normalize("NFKC", _as_text(value)).casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise CellError(f"{_describe(value)} is not yes or no", "write 是 or 否 (or true / false)")


def _read_number(value: object) -> Fraction:
    if isinstance(value, bool):
        raise CellError(f"{_describe(value)} is not a number", "write a number such as 8.5")
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise CellError(f"{_describe(value)} is not a number", "write a number such as 8.5")
        # a spreadsheet stores 8.5 as a binary float: read it as the shortest decimal it shows
        return Fraction(Decimal(repr(value)))
    text = unicodedata.normalize("NFKC", _as_text(value)).replace(",", "")
    try:
        return exact(text, what="the value")
    except InvalidValueError:
        raise CellError(
            f"{_describe(value)} is not an exact number", "write 8, 8.5, -2 or 17/2"
        ) from None


def _read_period(value: object) -> Period:
    text = _as_text(value)
    try:
        return Period.parse(text)
    except InvalidValueError as error:
        raise CellError(error.message, error.hint) from None


def _read_enum(value: object, enum_type: type[LabeledEnum]) -> LabeledEnum:
    try:
        return enum_type.parse(_as_text(value))
    except UnknownLabelError as exc:
        raise CellError(exc.message, exc.hint) from None


# ---------------------------------------------------------------------- lists

Segment = tuple[str, bool]
"""A piece of a list item and whether it was written in quotes."""


_SPLIT = re.compile("[" + re.escape("".join(sorted(SEPARATORS))) + "]")
"""Any one of the separators: a list cell without quotes is split on them at once."""


def split_list(text: str) -> list[list[Segment]]:
    """The items of a list cell, each as its segments (quoted or not)."""
    if _QUOTE not in text:
        # no quoted item: each item is one unquoted segment, stripped, and an empty one is no
        # item, exactly as the reading character by character below gives them
        return [[(item, False)] for part in _SPLIT.split(text) if (item := part.strip())]
    return _split_by_character(text)


def _split_by_character(text: str) -> list[list[Segment]]:
    """:func:`split_list`, reading one character at a time (quotes and all)."""
    items: list[list[Segment]] = []
    segments: list[Segment] = []
    buffer: list[str] = []
    index = 0
    length = len(text)

    def flush_item() -> None:
        nonlocal segments
        if buffer:
            segments.append(("".join(buffer), False))
            buffer.clear()
        if segments:
            first, quoted = segments[0]
            if not quoted:
                segments[0] = (first.lstrip(), False)
            last, quoted = segments[-1]
            if not quoted:
                segments[-1] = (last.rstrip(), False)
            kept = [seg for seg in segments if seg[1] or seg[0]]
            if kept:
                items.append(kept)
        segments = []

    while index < length:
        char = text[index]
        if char == _QUOTE:
            if buffer:
                segments.append(("".join(buffer), False))
                buffer.clear()
            index += 1
            quoted: list[str] = []
            while True:
                if index >= length:
                    raise CellError(
                        'a double quote (") in the list is not closed',
                        'close the quote, or write "" for a quote inside a quoted item',
                    )
                if text[index] == _QUOTE:
                    if index + 1 < length and text[index + 1] == _QUOTE:
                        quoted.append(_QUOTE)
                        index += 2
                        continue
                    index += 1
                    break
                quoted.append(text[index])
                index += 1
            segments.append(("".join(quoted), True))
            continue
        if char in SEPARATORS:
            flush_item()
        else:
            buffer.append(char)
        index += 1
    flush_item()
    return items


def _needs_quotes(item: str) -> bool:
    return (
        not item
        or any(ch in SEPARATORS or ch == _QUOTE for ch in item)
        or item != item.strip()
        or item.endswith((")", "）"))
    )


def _quote(item: str) -> str:
    if _needs_quotes(item):
        return _QUOTE + item.replace(_QUOTE, _QUOTE * 2) + _QUOTE
    return item


def join_list(items: list[str], *, chinese: bool) -> str:
    """One cell holding ``items``, quoted where needed, so :func:`split_list` gives them back."""
    return ("；" if chinese else "; ").join(_quote(item) for item in items)


_ROLE_SUFFIX = re.compile(r"(.*?)\s*[（(]\s*([^()（）]+?)\s*[)）]\s*", re.DOTALL)


def _read_unit(segments: list[Segment]) -> HandlingUnit:
    last, quoted = segments[-1]
    role = HandlingRole.SOLE
    head = segments
    if not quoted:
        match = _ROLE_SUFFIX.fullmatch(last)
        if match:
            try:
                role = HandlingRole.parse(match.group(2))
            except UnknownLabelError:
                pass
            else:
                head = [*segments[:-1], (match.group(1), False)]
    name = "".join(text for text, _ in head)
    if not name.strip():
        raise CellError(
            f"the handling unit {last!r} has no name", "write the unit's name before its part"
        )
    try:
        return HandlingUnit(name=name, role=role)
    except InvalidValueError as exc:
        raise CellError(f"the handling unit {name!r}: {exc.message}", exc.hint) from None


def _format_unit(unit: HandlingUnit, *, chinese: bool) -> str:
    name = _QUOTE + unit.name.replace(_QUOTE, _QUOTE * 2) + _QUOTE
    if not _needs_quotes(unit.name):
        name = unit.name
    if unit.role is HandlingRole.SOLE:
        return name
    return f"{name}（{unit.role.label}）" if chinese else f"{name} ({unit.role.value})"


def _read_list(value: object, column: Column) -> tuple[Any, ...]:
    items = split_list(_as_text(value) if not isinstance(value, str) else value)
    if column.kind is CellKind.UNITS:
        return tuple(_read_unit(item) for item in items)
    texts = [item[0][0] if len(item) == 1 else "".join(t for t, _ in item) for item in items]
    if column.kind is CellKind.IDS:
        for text in texts:
            if not text or _SPACE.search(text):
                raise CellError(
                    f"the id {text!r} in the list contains a space or is empty",
                    "separate ids with ； or , and write each id without spaces",
                )
    seen: set[str] = set()
    for text in texts:
        if text in seen:
            raise CellError(f"the list names {text!r} twice", "list each item once")
        seen.add(text)
    return tuple(texts)


# ---------------------------------------------------------------------- entry points


def read_cell(value: object, column: Column, *, epoch: dt.date = _EXCEL_EPOCH_1900) -> Any:
    """The value of a non-empty cell of ``column``.

    Raises:
        CellError: when the cell does not hold a value of the column's type.

    """
    kind = column.kind
    if kind is CellKind.TEXT:
        return _as_text(value)
    if kind is CellKind.ID:
        return _read_id(value)
    if kind is CellKind.POSITIVE:
        return _read_int(value, 1)
    if kind is CellKind.COUNT:
        return _read_int(value, 0)
    if kind is CellKind.DATE:
        return _read_date(value, epoch)
    if kind is CellKind.BOOL:
        return _read_bool(value)
    if kind is CellKind.ENUM:
        assert column.enum is not None
        return _read_enum(value, column.enum)
    if kind is CellKind.NUMBER:
        return _read_number(value)
    if kind is CellKind.PERIOD:
        return _read_period(value)
    return _read_list(value, column)


def format_cell(value: Any, column: Column, *, chinese: bool) -> str | int | dt.date | None:
    """The cell for ``value`` (``None`` for an empty cell): text, a whole number or a date."""
    if value is None:
        return None
    kind = column.kind
    if kind in (CellKind.POSITIVE, CellKind.COUNT):
        return int(value)
    if kind is CellKind.DATE:
        assert isinstance(value, dt.date)
        return value
    if kind is CellKind.BOOL:
        if chinese:
            return "是" if value else "否"
        return "true" if value else "false"
    if kind is CellKind.ENUM:
        assert isinstance(value, LabeledEnum)
        return value.label if chinese else value.value
    if kind is CellKind.UNITS:
        if not value:
            return None
        return ("；" if chinese else "; ").join(
            _format_unit(unit, chinese=chinese) for unit in value
        )
    if kind in (CellKind.IDS, CellKind.TEXTS):
        return join_list(list(value), chinese=chinese) if value else None
    if kind is CellKind.NUMBER:
        return value_text(value)
    if kind is CellKind.PERIOD:
        return period_text(value)
    return str(value)


# ---------------------------------------------------------------------- Excel text escapes

_EXCEL_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_EXCEL_UNDERSCORE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")


def excel_escape(text: str) -> str:
    """Text as Excel stores it: control characters as ``_xHHHH_``, a literal ``_x`` protected."""
    text = _EXCEL_UNDERSCORE.sub("_x005F_", text)
    return _EXCEL_CONTROL.sub(lambda match: f"_x{ord(match.group(0)):04X}_", text)


def excel_unescape(text: str) -> str:
    """The text an Excel-stored string stands for (``_x000D_`` → a carriage return)."""
    if "_x" not in text:
        return text
    return _EXCEL_ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), text)
