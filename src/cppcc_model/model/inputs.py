"""Inputs from outside the ledger (评分录入): given scores and outside ratings.

Many rules take part of a member's score from outside the committee's own records: a
platform's score for a category, an employer's or a community's rating, a discipline or legal
finding, a net bonus decided by a meeting. An :class:`Input` records one such figure: who it is
for (a member, or a group or unit), the period it covers, its key (``employer_rating``), its
exact value, and optionally a note and where it came from (``source``: 区委组织部, 履职平台 …).

Rules read inputs with :class:`~cppcc_model.rules.External`; a score card shows a given value
as "given", with its source.
"""

from __future__ import annotations

import re
from fractions import Fraction

import attrs

from cppcc_model.errors import InvalidValueError, Location
from cppcc_model.labels import LabeledEnum
from cppcc_model.model import _checks as check
from cppcc_model.model.organizations import BodyKind, body_kind_named
from cppcc_model.model.periods import Period
from cppcc_model.numbers import exact, format_fraction

__all__ = ["Input", "InputSubject", "is_input_key", "period_text", "value_text"]

_KEY_REST = re.compile(r"[\w.\-]*")  # \w takes the CJK ideographs U+4E00–U+9FFF too


def is_input_key(value: object) -> bool:
    """Whether ``value`` can name an input (``employer_rating``, ``单位评价``).

    A key starts with a letter, ``_`` or a CJK ideograph (U+4E00–U+9FFF), then has letters,
    digits, ``_``, ``.`` and ``-``. The first character is compared here rather than by a
    character class spanning the ideographs, which ``re`` takes some 10 ms to compile.
    """
    if not isinstance(value, str) or not value:
        return False
    first = value[0]
    if not ("A" <= first <= "Z" or "a" <= first <= "z" or first == "_"):
        return "\u4e00" <= first <= "\u9fff" and _KEY_REST.fullmatch(value, 1) is not None
    return _KEY_REST.fullmatch(value, 1) is not None


class InputSubject(LabeledEnum, kind_label="录入对象 (input subject)"):
    """Who an input is for."""

    MEMBER = ("member", "委员", "个人")
    ACTIVITY_GROUP = ("activity_group", "活动组", "委员活动组")
    UNIT = ("unit", "参加单位", "党派团体")
    SECTOR = ("sector", "界别")
    SPECIAL_COMMITTEE = ("special_committee", "专门委员会", "专委会")

    @property
    def body_kind(self) -> BodyKind | None:
        """This subject as a :class:`BodyKind`, or ``None`` for a member."""
        return body_kind_named(self.value)


def _to_subject(value: InputSubject | str) -> InputSubject:
    return InputSubject.parse(value)


def _to_period(value: Period | str) -> Period:
    if isinstance(value, Period):
        return value
    if isinstance(value, str):
        return Period.parse(value)
    raise InvalidValueError(
        f"expected a period, got {value!r}",
        hint="write a year (2023), a quarter (2023-Q3), a half (2023-H1) or START..END",
    )


def _to_value(value: object) -> Fraction:
    if isinstance(value, float):
        raise InvalidValueError(
            f"an input's value must be exact, got the float {value!r}",
            hint=f'write it as text: "{value}"',
        )
    return exact(value, what="an input's value")


def _key(instance: Input, attribute: attrs.Attribute[str], value: object) -> None:
    if not is_input_key(value):
        raise InvalidValueError(
            f"Input.key: {value!r} is not a usable key",
            where=Location(record_id=instance.subject_id),
            hint="use a short key without spaces, such as 'employer_rating' or '单位评价'",
        )


def period_text(period: Period) -> str:
    """The shortest text :meth:`Period.parse` reads back: ``2023``, ``2023-Q3``, ``2023-H1``.

    >>> period_text(Period.year(2023))
    '2023'
    """
    year = period.start.year
    candidates = [(str(year), Period.year(year))]
    candidates += [(f"{year}-Q{q}", Period.quarter(year, q)) for q in (1, 2, 3, 4)]
    candidates += [(f"{year}-H{h}", Period.half(year, h)) for h in (1, 2)]
    for text, candidate in candidates:
        if candidate == period:
            return text
    return str(period)


def value_text(value: Fraction) -> str:
    """An exact value as text: a decimal where one is exact (``"12.5"``), else ``"1/3"``.

    >>> value_text(Fraction(25, 2)), value_text(Fraction(1, 3))
    ('12.5', '1/3')
    """
    denominator = value.denominator
    places = 0
    while denominator % 10 == 0 or denominator % 2 == 0 or denominator % 5 == 0:
        if places > 30:
            break
        denominator = denominator // 2 if denominator % 2 == 0 else denominator // 5
        places += 1
    if denominator != 1:
        return format_fraction(value)
    scaled = value * 10**places
    if places == 0:
        return str(value.numerator)
    sign = "-" if scaled < 0 else ""
    digits = str(abs(scaled.numerator)).rjust(places + 1, "0")
    text = f"{digits[:-places]}.{digits[-places:]}".rstrip("0").rstrip(".")
    return sign + text


@attrs.frozen
class Input:
    """One figure given from outside the ledger (评分录入).

    Attributes:
        subject_id: the member (or group, unit …) the figure is for.
        period: the period it covers (a year, a quarter, a half, or START..END).
        key: what it is (``employer_rating``, ``platform_score``, ``discipline``).
        value: its exact value (a rating, points, or 1/0 for a finding).
        subject_kind: who ``subject_id`` names (default: a member).
        note: a remark (the finding's wording, the meeting that decided it).
        source: where it came from (区委组织部, 履职平台, 所在单位 …), shown on the card.

    """

    subject_id: str = attrs.field(validator=check.identifier)
    period: Period = attrs.field(converter=_to_period)
    key: str = attrs.field(validator=_key)
    value: Fraction = attrs.field(converter=_to_value)
    subject_kind: InputSubject = attrs.field(default=InputSubject.MEMBER, converter=_to_subject)
    note: str | None = attrs.field(default=None, validator=check.optional_text)
    source: str | None = attrs.field(default=None, validator=check.optional_text)

    @property
    def id(self) -> str:
        """``employer_rating@2023`` — how score cards and messages name the input."""
        return f"{self.key}@{period_text(self.period)}"

    def describe(self) -> str:
        """``employer_rating = 8 (2023, 所在单位)``."""
        origin = f", {self.source}" if self.source else ""
        return f"{self.key} = {format_fraction(self.value)} ({period_text(self.period)}{origin})"
