"""④ Plan: a rule set compiled once into polars expressions over the fact table.

Each building block the compiler knows becomes an expression:

* a :class:`~cppcc_model.rules.selection.Where` becomes a boolean mask;
* a value block becomes an integer numerator over a constant denominator (the LCM of the
  denominators the block states), so every point stays exact;
* an attribution block becomes a share numerator and denominator (``1/2``, ``1/(2(k-1))``,
  ``1/k`` …);
* a counting block becomes a keep mask over the member's credited entries in date order, a
  maximum, or a lump sum.

A block the compiler does not know — an escape-hatch :class:`~cppcc_model.rules.values.Function`,
a plugin's own class, a block added to ``rules/`` after this compiler was written — is marked
for row-wise evaluation instead (:class:`ItemPlan` says which part): the value or share is
computed by calling the block on the rows it selects, rebuilt as
:class:`~cppcc_model.rules.facts.Fact` objects; an unknown filter or counting block runs the
reference interpreter's line for every member. The compiler recognises a block by its exact
class and, for ``Where``, by its exact set of fields, so a subclass or a new field is never
compiled wrongly.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from cppcc_model.engine.columns import (
    KIND_CODE,
    LEVEL_CODE,
    ORGANISER_CODE,
    ROLE_CODE,
    SOURCE_CODE,
    STAGE_CODE,
    STATUS_CODE,
)
from cppcc_model.engine.facts import level_column
from cppcc_model.model import AttendanceStatus, Level
from cppcc_model.rules.attribution import (
    CollectiveCredit,
    EqualSplit,
    FirstOnly,
    FirstShare,
    WholeToEach,
)
from cppcc_model.rules.counting import AtMost, Each, FromNth, OncePerPeriod, Threshold
from cppcc_model.rules.facts import AuthorRole, Stage
from cppcc_model.rules.items import Item
from cppcc_model.rules.selection import Reached, Where
from cppcc_model.rules.values import (
    ByLevel,
    ByPosition,
    ByRole,
    ByStage,
    ByStatus,
    FullOrPartial,
    PerUnit,
    Points,
    Sum,
)

if TYPE_CHECKING:
    import polars as pl

__all__ = ["ItemPlan", "ValuePlan", "compile_item", "compile_where", "lcm"]

_WHERE_FIELDS = frozenset(
    {
        "source",
        "kinds",
        "statuses",
        "roles",
        "reached",
        "reached_any",
        "not_reached",
        "organisers",
        "levels",
        "collective",
        "keys",
        "step_in_period",
    }
)


def lcm(values: Iterable[int]) -> int:
    """The least common multiple of ``values`` (1 for none)."""
    result = 1
    for value in values:
        result = result * value // math.gcd(result, value)
    return result


def _where_is_known(where: object) -> bool:
    return (
        type(where) is Where
        and frozenset(a.name for a in attrs.fields(Where)) == _WHERE_FIELDS
        and all(type(r) is Reached for r in (*where.reached, *where.reached_any))
        and not where.keys
        and where.step_in_period is None
    )


def _reached(reached: Reached, levels: set[int]) -> pl.Expr:
    import polars as pl

    code = STAGE_CODE[reached.stage]
    bit = (pl.col("stages") & (1 << code)) != 0
    if reached.min_level is None:
        return bit
    levels.add(code)
    return bit & (pl.col(level_column(code)) >= LEVEL_CODE[reached.min_level]).fill_null(False)


def compile_where(where: object, levels: set[int]) -> pl.Expr | None:
    """A boolean expression equal to ``where.matches`` on every fact, or ``None`` if unknown.

    ``levels`` collects the stage codes whose level columns the expression reads.
    """
    import polars as pl

    if not _where_is_known(where):
        return None
    assert isinstance(where, Where)
    mask = pl.col("src") == SOURCE_CODE[where.source]
    if where.kinds:
        codes = [KIND_CODE[k] for k in where.kinds if k in KIND_CODE]
        mask = mask & pl.col("kind").is_in(codes)
    if where.statuses:
        # a status the rule does not name counts as what it is counted as (请假未批准 → 无故缺席)
        named = [s for s in STATUS_CODE if s in where.statuses or s.counted_as in where.statuses]
        mask = mask & pl.col("status").is_in([STATUS_CODE[s] for s in named]).fill_null(False)
    if where.roles:
        mask = mask & pl.col("role").is_in([ROLE_CODE[r] for r in where.roles])
    if where.collective is not None:
        mask = mask & (pl.col("coll") == where.collective)
    if where.levels:
        mask = mask & pl.col("level").is_in([LEVEL_CODE[v] for v in where.levels]).fill_null(False)
    if where.organisers:
        mask = mask & pl.col("org").is_in([ORGANISER_CODE[o] for o in where.organisers]).fill_null(
            False
        )
    for reached in where.reached:
        mask = mask & _reached(reached, levels)
    if where.reached_any:
        any_of = pl.lit(False)
        for reached in where.reached_any:
            any_of = any_of | _reached(reached, levels)
        mask = mask & any_of
    for stage in where.not_reached:
        mask = mask & ((pl.col("stages") & (1 << STAGE_CODE[stage])) == 0)
    return mask


@attrs.frozen
class ValuePlan:
    """A value block as ``numerator / scale``: ``numerator`` an Int64 expression."""

    numerator: pl.Expr
    scale: int


def _table_expr(column: str, codes: dict[int, int], default: int) -> pl.Expr:
    import polars as pl

    expr: Any = None
    for code, value in codes.items():
        cond = (pl.col(column) == code).fill_null(False)
        expr = (
            pl.when(cond).then(pl.lit(value, pl.Int64))
            if expr is None
            else expr.when(cond).then(pl.lit(value, pl.Int64))
        )
    if expr is None:
        return pl.lit(default, pl.Int64)
    result: pl.Expr = expr.otherwise(pl.lit(default, pl.Int64))
    return result


def _scaled(values: Iterable[Fraction]) -> int:
    return lcm(v.denominator for v in values)


def compile_value(value: object, levels: set[int]) -> ValuePlan | None:
    """An exact expression for a value block, or ``None`` when it must run row-wise."""
    import polars as pl

    kind = type(value)
    if kind is Points:
        assert isinstance(value, Points)
        return ValuePlan(pl.lit(value.points.numerator, pl.Int64), value.points.denominator)
    if kind is PerUnit:
        assert isinstance(value, PerUnit)
        return ValuePlan(
            pl.col("units").cast(pl.Int64) * value.points.numerator, value.points.denominator
        )
    if kind is ByStatus:
        assert isinstance(value, ByStatus)
        scale = _scaled([*value.table.values(), value.default])
        codes = {
            STATUS_CODE[key]: int(points * scale)  # type: ignore[index]
            for key, points in value.table.items()
        }
        for status, code in STATUS_CODE.items():  # 请假未批准 gets 无故缺席's value unless named
            if code not in codes and status.counted_as in value.table:
                codes[code] = int(value.table[status.counted_as] * scale)
        return ValuePlan(_table_expr("status", codes, int(value.default * scale)), scale)
    if kind is ByRole:
        assert isinstance(value, ByRole)
        scale = _scaled([*value.table.values(), value.default])
        codes = {
            ROLE_CODE[key]: int(points * scale)  # type: ignore[index]
            for key, points in value.table.items()
        }
        return ValuePlan(_table_expr("role", codes, int(value.default * scale)), scale)
    if kind is ByStage:
        assert isinstance(value, ByStage)
        scale = _scaled(value.table.values())
        expr = pl.lit(0, pl.Int64)
        for stage, points in value.table.items():
            assert isinstance(stage, Stage)
            bit = (pl.col("stages") & (1 << STAGE_CODE[stage])) != 0
            expr = expr + pl.when(bit).then(pl.lit(int(points * scale), pl.Int64)).otherwise(0)
        return ValuePlan(expr, scale)
    if kind is ByLevel:
        assert isinstance(value, ByLevel)
        scale = _scaled([*value.table.values(), value.default])
        codes = {}
        for key, points in value.table.items():
            assert isinstance(key, Level)
            codes[LEVEL_CODE[key]] = int(points * scale)
        if value.stage is None:
            return ValuePlan(_table_expr("level", codes, int(value.default * scale)), scale)
        code = STAGE_CODE[value.stage]
        levels.add(code)
        reached = (pl.col("stages") & (1 << code)) != 0
        level_expr = pl.when(reached).then(pl.col(level_column(code))).otherwise(None)
        chain: Any = None
        for level_code, points_units in codes.items():
            cond = (level_expr == level_code).fill_null(False)
            lit = pl.lit(points_units, pl.Int64)
            chain = pl.when(cond).then(lit) if chain is None else chain.when(cond).then(lit)
        default = pl.lit(int(value.default * scale), pl.Int64)
        return ValuePlan(default if chain is None else chain.otherwise(default), scale)
    if kind is ByPosition:
        assert isinstance(value, ByPosition)
        scale = _scaled([value.first, value.others])
        return ValuePlan(
            pl.when(pl.col("pos") == 0)
            .then(pl.lit(int(value.first * scale), pl.Int64))
            .otherwise(pl.lit(int(value.others * scale), pl.Int64)),
            scale,
        )
    if kind is FullOrPartial:
        assert isinstance(value, FullOrPartial)
        scale = _scaled([value.full, value.partial])
        whole = (pl.col("units") >= pl.col("total_units")) & (
            pl.col("status").is_null() | (pl.col("status") == STATUS_CODE[AttendanceStatus.PRESENT])
        )
        return ValuePlan(
            pl.when(pl.col("units") <= 0)
            .then(pl.lit(0, pl.Int64))
            .when(whole)
            .then(pl.lit(int(value.full * scale), pl.Int64))
            .otherwise(pl.lit(int(value.partial * scale), pl.Int64)),
            scale,
        )
    if kind is Sum:
        assert isinstance(value, Sum)
        parts = [compile_value(part, levels) for part in value.parts]
        if any(part is None for part in parts):
            return None
        scale = lcm(part.scale for part in parts if part is not None)
        expr = pl.lit(0, pl.Int64)
        for part in parts:
            assert part is not None
            expr = expr + part.numerator * (scale // part.scale)
        return ValuePlan(expr, scale)
    return None


def _collective_share(collective: CollectiveCredit) -> tuple[pl.Expr, pl.Expr]:
    import polars as pl

    if collective.mode == "none":
        return pl.lit(0, pl.Int64), pl.lit(1, pl.Int64)
    authors = pl.col("authors").cast(pl.Int64)
    credited = (
        authors
        if collective.max_members is None
        else pl.min_horizontal(authors, pl.lit(collective.max_members, pl.Int64))
    )
    outside = pl.col("pos").cast(pl.Int64) >= credited
    numerator = pl.when(outside).then(pl.lit(0, pl.Int64)).otherwise(pl.lit(1, pl.Int64))
    if collective.mode == "full":
        return numerator, pl.lit(1, pl.Int64)
    return numerator, pl.when(outside).then(pl.lit(1, pl.Int64)).otherwise(credited)


def compile_share(attribution: object) -> tuple[pl.Expr, pl.Expr] | None:
    """Share numerator and denominator expressions, or ``None`` when it must run row-wise."""
    import polars as pl

    kind = type(attribution)
    if kind not in (WholeToEach, FirstOnly, FirstShare, EqualSplit):
        return None
    collective = attribution.collective  # type: ignore[attr-defined]
    if type(collective) is not CollectiveCredit:
        return None
    one = pl.lit(1, pl.Int64)
    pos = pl.col("pos").cast(pl.Int64)
    authors = pl.col("authors").cast(pl.Int64)
    if kind is WholeToEach:
        other_num, other_den = one, one
    elif kind is FirstOnly:
        other_num, other_den = pl.when(pos == 0).then(one).otherwise(pl.lit(0, pl.Int64)), one
    elif kind is FirstShare:
        assert isinstance(attribution, FirstShare)
        first = attribution.first
        rest = 1 - first
        other_num = (
            pl.when(pos == 0)
            .then(pl.lit(first.numerator, pl.Int64))
            .otherwise(pl.lit(rest.numerator, pl.Int64))
        )
        other_den = (
            pl.when(pos == 0)
            .then(pl.lit(first.denominator, pl.Int64))
            .otherwise((authors - 1) * rest.denominator)
        )
    else:
        other_num, other_den = one, authors
    main_num, main_den = _collective_share(collective)
    role = pl.col("role")
    is_main = role == ROLE_CODE[AuthorRole.MAIN_MEMBER]
    is_whole = role.is_in([ROLE_CODE[AuthorRole.SOLE], ROLE_CODE[AuthorRole.ATTENDEE]]) | (
        authors <= 1
    )
    numerator = pl.when(is_main).then(main_num).when(is_whole).then(one).otherwise(other_num)
    denominator = pl.when(is_main).then(main_den).when(is_whole).then(one).otherwise(other_den)
    return numerator, denominator


@attrs.frozen
class ItemPlan:
    """One item, compiled as far as the compiler knows its blocks.

    ``where`` is ``None`` when the filter is unknown; ``value`` / ``share`` are ``None`` when
    those blocks are evaluated row-wise on the selected rows; ``counting`` names the counting
    rule (``each``, ``at_most``, ``from_nth``, ``first``, ``max``, ``threshold``) or ``None``
    when it is unknown. An item with an unknown filter or counting block is scored by the
    reference interpreter, member by member (``row_wise``).
    """

    item: Item
    where: pl.Expr | None
    value: ValuePlan | None
    share: tuple[pl.Expr, pl.Expr] | None
    counting: str | None
    n: int = 0

    @property
    def row_wise(self) -> bool:
        """Whether the whole line is computed by the reference interpreter."""
        return self.where is None or self.counting is None


def _counting(counting: object) -> tuple[str | None, int]:
    kind = type(counting)
    if kind is Each:
        return "each", 0
    if kind is AtMost:
        assert isinstance(counting, AtMost)
        return "at_most", counting.n
    if kind is FromNth:
        assert isinstance(counting, FromNth)
        return "from_nth", counting.n
    if kind is OncePerPeriod:
        assert isinstance(counting, OncePerPeriod)
        return ("max" if counting.pick == "max" else "first"), 0
    if kind is Threshold:
        assert isinstance(counting, Threshold)
        return "threshold", counting.at_least
    return None, 0


def compile_item(item: Item, levels: set[int]) -> ItemPlan:
    """Compile one item's blocks."""
    counting, n = _counting(item.counting)
    return ItemPlan(
        item=item,
        where=compile_where(item.where, levels),
        value=compile_value(item.value, levels),
        share=compile_share(item.attribution),
        counting=counting,
        n=n,
    )
