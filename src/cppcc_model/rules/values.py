"""What one fact is worth before attribution: the value blocks.

=====================  ============================================  ==========================
block                  clause pattern                                example
=====================  ============================================  ==========================
:class:`Points`        每…计N分                                     ``Points(10)``
:class:`PerUnit`       每半天计N分                                   ``PerUnit(5)``
:class:`ByStatus`      出席50分，请假30分，缺席0分                    ``ByStatus({...})``
:class:`ByStage`       提交10分，立案再加15分                         ``ByStage({...})``
:class:`ByRole`        个人15分，主笔15分，参与3分                    ``ByRole({...})``
:class:`ByLevel`       国家级10分、省级8分、地级6分、县级4分          ``ByLevel({...})``
:class:`ByPosition`    主笔人15分，直接参与者3分 (by signing order)    ``ByPosition(15, 3)``
:class:`FullOrPartial` 全程参加10分，部分参加5分                      ``FullOrPartial(10, 5)``
:class:`Sum`           每项累计 (several values added)                ``Sum((ByStage(...), ...))``
:class:`Function`      anything else (the escape hatch)              ``Function(fn, "name")``
=====================  ============================================  ==========================

Every value is exact (:class:`fractions.Fraction`); negative values are deductions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction
from typing import Protocol, runtime_checkable

import attrs

from cppcc_model.errors import InvalidValueError
from cppcc_model.labels import LabeledEnum
from cppcc_model.model import AttendanceStatus, Level
from cppcc_model.numbers import Number, exact, format_fraction
from cppcc_model.rules import _convert, _evaluation
from cppcc_model.rules.facts import AuthorRole, Fact, Stage

__all__ = [
    "ByLevel",
    "ByPosition",
    "ByRole",
    "ByStage",
    "ByStatus",
    "FullOrPartial",
    "Function",
    "PerUnit",
    "Points",
    "Sum",
    "Value",
]


@runtime_checkable
class Value(Protocol):
    """What a fact is worth, before it is shared among co-authors."""

    def of(self, fact: Fact) -> Fraction:
        """The value of ``fact``."""

    def describe(self) -> str:
        """A short description (``"10 分/次"``)."""


def _table(enum_type: type[LabeledEnum], table: Mapping[object, Number]) -> dict[object, Fraction]:
    if not isinstance(table, Mapping) or not table:
        raise InvalidValueError(
            f"expected a non-empty table of {enum_type.kind_label} → points, got {table!r}",
            hint="give at least one entry",
        )
    return {
        enum_type.parse(key): exact(value, what=f"points for {key}")  # type: ignore[arg-type]
        for key, value in table.items()
    }


def _describe_table(table: Mapping[object, Fraction]) -> str:
    return ", ".join(
        f"{getattr(key, 'label', key)} {format_fraction(value)}" for key, value in table.items()
    )


@attrs.frozen
class Points:
    """A fixed number of points per fact (每次计 N 分)."""

    points: Fraction = attrs.field(converter=_convert.points)

    def of(self, fact: Fact) -> Fraction:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.value`."""
        return _evaluation.value(self, fact)

    def describe(self) -> str:
        """See :class:`Value`."""
        return f"{format_fraction(self.points)} 分/次"


@attrs.frozen
class PerUnit:
    """Points per half-day unit attended (全会每半天计 N 分)."""

    points: Fraction = attrs.field(converter=_convert.points)

    def of(self, fact: Fact) -> Fraction:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.value`."""
        return _evaluation.value(self, fact)

    def describe(self) -> str:
        """See :class:`Value`."""
        return f"{format_fraction(self.points)} 分/半天"


def _status_table(table: Mapping[object, Number]) -> dict[object, Fraction]:
    return _table(AttendanceStatus, table)


def _stage_table(table: Mapping[object, Number]) -> dict[object, Fraction]:
    return _table(Stage, table)


def _role_table(table: Mapping[object, Number]) -> dict[object, Fraction]:
    return _table(AuthorRole, table)


def _level_table(table: Mapping[object, Number]) -> dict[object, Fraction]:
    return _table(Level, table)


@attrs.frozen
class ByStatus:
    """A fixed value per attendance status (出席 50, 请假 30, 缺席 0); others get ``default``.

    请假未批准 gets the value of 无故缺席 unless the table names it.
    """

    table: dict[object, Fraction] = attrs.field(converter=_status_table)
    default: Fraction = attrs.field(default=Fraction(0), converter=_convert.points)

    def of(self, fact: Fact) -> Fraction:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.value`."""
        return _evaluation.value(self, fact)

    def describe(self) -> str:
        """See :class:`Value`."""
        return _describe_table(self.table)


@attrs.frozen
class ByStage:
    """Staged values: the sum of the values of every stage the record reached.

    ``ByStage({"submitted": 10, "filed": 15})`` gives 10 for a submitted proposal and 25 for a
    filed one (提交10分，立案再加15分).
    """

    table: dict[object, Fraction] = attrs.field(converter=_stage_table)

    def of(self, fact: Fact) -> Fraction:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.value`."""
        return _evaluation.value(self, fact)

    def describe(self) -> str:
        """See :class:`Value`."""
        return " + ".join(
            f"{getattr(k, 'label', k)} {format_fraction(v)}" for k, v in self.table.items()
        )


@attrs.frozen
class ByRole:
    """A fixed value per author role (个人 15, 主笔 15, 参与 3); others get ``default``."""

    table: dict[object, Fraction] = attrs.field(converter=_role_table)
    default: Fraction = attrs.field(default=Fraction(0), converter=_convert.points)

    def of(self, fact: Fact) -> Fraction:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.value`."""
        return _evaluation.value(self, fact)

    def describe(self) -> str:
        """See :class:`Value`."""
        return _describe_table(self.table)


def _optional_stage(value: Stage | str | None) -> Stage | None:
    return None if value is None else Stage.parse(value)


@attrs.frozen
class ByLevel:
    """A value by level: of the record (a commendation) or of the level a stage was reached at.

    ``ByLevel({"national": 10, "province": 8, "city": 6, "county": 4})`` reads a contribution's
    level; with ``stage="adopted"`` it reads the highest level the record was adopted at.
    """

    table: dict[object, Fraction] = attrs.field(converter=_level_table)
    stage: Stage | None = attrs.field(default=None, converter=_optional_stage)
    default: Fraction = attrs.field(default=Fraction(0), converter=_convert.points)

    def of(self, fact: Fact) -> Fraction:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.value`."""
        return _evaluation.value(self, fact)

    def describe(self) -> str:
        """See :class:`Value`."""
        return _describe_table(self.table)


@attrs.frozen
class ByPosition:
    """A value by signing order: ``first`` for the first named author, ``others`` for the rest.

    闵行: 集体或联名提案的主笔人15分，直接参与者3分 — the lead writer is the first named, whether
    the work is joint or collective (its first named main member). A sole author gets ``first``.
    """

    first: Fraction = attrs.field(converter=_convert.points)
    others: Fraction = attrs.field(converter=_convert.points)

    def of(self, fact: Fact) -> Fraction:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.value`."""
        return _evaluation.value(self, fact)

    def describe(self) -> str:
        """See :class:`Value`."""
        return f"first {format_fraction(self.first)}, others {format_fraction(self.others)}"


@attrs.frozen
class FullOrPartial:
    """Whole attendance against part of it: ``full`` when every half-day unit was attended.

    闵行: 市外集中学习培训全程参加10分，部分参加5分. An entry counts as full when the member
    attended all of the activity's half-day units (and was not late or early); partial when
    some; nothing when none.
    """

    full: Fraction = attrs.field(converter=_convert.points)
    partial: Fraction = attrs.field(converter=_convert.points)

    def of(self, fact: Fact) -> Fraction:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.value`."""
        return _evaluation.value(self, fact)

    def describe(self) -> str:
        """See :class:`Value`."""
        return f"全程 {format_fraction(self.full)}, 部分 {format_fraction(self.partial)}"


def _parts(value: Iterable[Value]) -> tuple[Value, ...]:
    parts = tuple(value)
    if not parts:
        raise InvalidValueError("a Sum needs at least one value block", hint="list its parts")
    for part in parts:
        if not isinstance(part, Value):
            raise InvalidValueError(
                f"{part!r} is not a value block",
                hint="give value blocks such as ByStage({...}) or ByLevel({...})",
            )
    return parts


@attrs.frozen
class Sum:
    """The sum of several value blocks: 编发计1分，被采用按级别另计 — one value for one record.

    An item can only have one value; where a clause adds several readings of one record (its
    stages and the levels it reached), ``Sum((ByStage(...), ByLevel(..., stage="adopted")))``
    adds them. Awards, which rank records by a single value, need it most.
    """

    parts: tuple[Value, ...] = attrs.field(converter=_parts)

    def of(self, fact: Fact) -> Fraction:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.value`."""
        return _evaluation.value(self, fact)

    def describe(self) -> str:
        """See :class:`Value`."""
        return " + ".join(f"({part.describe()})" for part in self.parts)


@attrs.frozen
class Function:
    """The escape hatch: a named Python function from a fact to points.

    The function must be pure (same fact, same value) and return an exact number; it is called
    once per matching fact, inside the engine, with no hook call.
    """

    function: Callable[[Fact], Number]
    name: str

    def of(self, fact: Fact) -> Fraction:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.value`."""
        return _evaluation.value(self, fact)

    def describe(self) -> str:
        """See :class:`Value`."""
        return f"function {self.name}"
