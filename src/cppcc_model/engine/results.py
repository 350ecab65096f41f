"""⑤ Results: a compiled plan run over the fact table, one row per assessed member.

:func:`execute` gives a :class:`Results`: every assessed member's exact total, category points,
grade, requirement counts and flags, computed for the whole population at once.

Exactness. Every line's points are ``value × share``: an integer numerator over a denominator
that is the value block's scale times the share's denominator (``2(k-1)`` for a co-signer of
``k`` under 桐城's first-half rule). Numerators are summed in Int64 per (member, denominator);
a line's few denominators are then combined at their least common multiple when that fits in
63 bits with room for the sums, and otherwise exactly with :class:`fractions.Fraction`
(the "overflow trap": LCM(1..43) already exceeds 2^63). After the lines, categories, pools,
the total and the grade bounds are compared at one common scale when it fits, and otherwise in
fractions member by member. Both paths give the reference interpreter's exact figures.

Row-wise parts (their cost). A value or share block the compiler does not know is called once
per selected row on a rebuilt :class:`~cppcc_model.rules.facts.Fact` (about 5-10 µs per row);
an item whose filter or counting block is unknown runs the reference interpreter's line for
every member it applies to (about 30 µs per fact of its source). Grades on the presented
(rounded) total and member conditions (``applies_to``) are evaluated per member in Python.
"""

from __future__ import annotations

import bisect
import datetime as dt
import operator
from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from cppcc_model.engine import evaluate
from cppcc_model.engine.columns import ROLE_CODE, SOURCE_CODE, Columns
from cppcc_model.engine.facts import FactTable, fact_table
from cppcc_model.engine.plan import ItemPlan, compile_item, compile_where, lcm
from cppcc_model.errors import CppccError
from cppcc_model.ledger import Ledger
from cppcc_model.model import Member, Period, RoleKind
from cppcc_model.rules.conditions import Condition, HasRole
from cppcc_model.rules.facts import AuthorRole, Fact, FactContext, Source
from cppcc_model.rules.items import Category, Item
from cppcc_model.rules.outcomes import ConsecutiveYears, ScoreBelow, Trigger
from cppcc_model.rules.ruleset import RuleSet

if TYPE_CHECKING:
    import polars as pl

__all__ = ["LIMIT", "Results", "RowWiseFailure", "RulePlan", "compile_rule_set", "execute"]

_T = TypeVar("_T")

LIMIT = 1 << 62
"""The largest magnitude an Int64 sum may reach before the engine switches to fractions."""


class RowWiseFailure(Exception):
    """A block run row-wise failed for one member, located as the reference locates it.

    The columnar engine raises it instead of the block's own error so that
    :func:`cppcc_model.assess.assess` can report exactly the reference interpreter's error
    without calling the failing block again (a plugin function that ran into its time limit
    would otherwise wait out the limit twice): ``error`` is what the reference raises for
    ``member_id``, and only members before it (in id order) can fail first there.
    """

    def __init__(self, member_id: str, error: CppccError) -> None:
        super().__init__(str(error))
        self.member_id = member_id
        self.error = error


@attrs.frozen(eq=False)
class RulePlan:
    """A rule set compiled once: its items, and the masks of its requirements and triggers."""

    rule_set: RuleSet
    items: tuple[ItemPlan, ...]
    requirement_masks: tuple[tuple[pl.Expr | None, ...], ...]
    trigger_masks: tuple[tuple[pl.Expr | None, ...] | None, ...]
    levels: frozenset[int]

    def describe(self) -> list[str]:
        """One line per item: how it is evaluated (for audits and docs)."""
        out = []
        for plan in self.items:
            if plan.row_wise:
                how = "row-wise (reference interpreter)"
            else:
                parts = []
                parts.append("value: compiled" if plan.value else "value: row-wise")
                parts.append("share: compiled" if plan.share else "share: row-wise")
                parts.append(f"counting: {plan.counting}")
                how = ", ".join(parts)
            out.append(f"{plan.item.id}: {how}")
        return out


def compile_rule_set(rule_set: RuleSet) -> RulePlan:
    """Compile every block of ``rule_set`` the compiler knows."""
    levels: set[int] = set()
    items = tuple(compile_item(item, levels) for item in rule_set.items())
    requirement_masks = tuple(
        tuple(compile_where(w, levels) for w in r.where) for r in rule_set.requirements
    )
    trigger_masks = tuple(
        tuple(compile_where(w, levels) for w in t.where) if isinstance(t, Trigger) else None
        for t in rule_set.triggers
    )
    return RulePlan(rule_set, items, requirement_masks, trigger_masks, frozenset(levels))


@attrs.frozen(eq=False)
class Results:
    """Every assessed member's figures, as columns (internal; read through ``Assessment``).

    ``frame`` has one row per assessed member in id order: ``m`` (member code), ``id``,
    ``total`` and ``c:<category id>`` (units at ``scale``, or null when the exact path was
    taken), ``r:<requirement id>:count`` / ``r:<requirement id>:met`` (null when the
    requirement does not apply), ``grade``, and ``f:<trigger id>`` (a flag raised).
    ``exact`` holds, when the common scale would overflow, each member's total and category
    points as fractions.
    """

    rule_set: RuleSet
    period: Period
    as_of: dt.date
    member_ids: tuple[str, ...]
    frame: pl.DataFrame
    scale: int | None
    exact: dict[str, tuple[Fraction, dict[str, Fraction]]] | None

    def totals(self) -> dict[str, Fraction]:
        """Each member's exact total."""
        if self.exact is not None:
            return {member_id: self.exact[member_id][0] for member_id in self.member_ids}
        assert self.scale is not None
        units = self.frame["total"].to_list()
        return dict(zip(self.member_ids, _fractions(units, self.scale), strict=True))

    def categories(self) -> dict[str, dict[str, Fraction]]:
        """Each member's category points (only the categories that apply to the member)."""
        if self.exact is not None:
            return {member_id: dict(self.exact[member_id][1]) for member_id in self.member_ids}
        assert self.scale is not None
        out: dict[str, dict[str, Fraction]] = {member_id: {} for member_id in self.member_ids}
        for category in self.rule_set.categories:
            column = self.frame[f"c:{category.id}"].to_list()
            points = _fractions(column, self.scale)
            for member_id, units, value in zip(self.member_ids, column, points, strict=True):
                if units is not None:
                    out[member_id][category.id] = value
        return out

    def grades(self) -> dict[str, str | None]:
        """Each member's grade (``None`` without grade bands or below every band)."""
        return dict(zip(self.member_ids, self.frame["grade"].to_list(), strict=True))

    def requirements(self) -> dict[str, dict[str, tuple[int, bool]]]:
        """Each member's (count, met) per requirement that applies to the member."""
        out: dict[str, dict[str, tuple[int, bool]]] = {m: {} for m in self.member_ids}
        for requirement in self.rule_set.requirements:
            counts = self.frame[f"r:{requirement.id}:count"].to_list()
            met = self.frame[f"r:{requirement.id}:met"].to_list()
            for member_id, count, ok in zip(self.member_ids, counts, met, strict=True):
                if ok is not None:
                    out[member_id][requirement.id] = (count, ok)
        return out

    def flags(self) -> dict[str, tuple[str, ...]]:
        """Each member's raised trigger ids, in rule-set order."""
        out: dict[str, list[str]] = {m: [] for m in self.member_ids}
        for trigger in self.rule_set.triggers:
            raised = self.frame[f"f:{trigger.id}"].to_list()
            for member_id, flag in zip(self.member_ids, raised, strict=True):
                if flag:
                    out[member_id].append(trigger.id)
        return {m: tuple(ids) for m, ids in out.items()}


def _fractions(units: Sequence[int | None], scale: int) -> list[Fraction]:
    """``units / scale`` for each of ``units`` (``None`` read as 0), exact.

    Members share few distinct totals, and a :class:`~fractions.Fraction` is slow to make and
    immutable, so each distinct value is made once and shared.
    """
    made = {value: Fraction(value or 0, scale) for value in set(units)}
    return list(map(made.__getitem__, units))


# ---------------------------------------------------------------------------------- lines


@attrs.frozen
class _Line:
    """A line for the members it applies to.

    Either units at ``scale`` (``frame``: ``m``, ``u``, and ``est``: the overflow estimate)
    or exact fractions per member code.
    """

    item_index: int
    members: pl.Series | None  # codes it applies to; None: every assessed member
    frame: pl.DataFrame | None
    scale: int
    exact: dict[int, Fraction] | None


@attrs.frozen
class _Pending:
    """A compiled line waiting for its sums: the selected rows and the query of their sums."""

    index: int
    plan: ItemPlan
    members: pl.Series | None
    rows: pl.LazyFrame
    query: pl.LazyFrame


@attrs.frozen
class _Scaled:
    """A line whose scale is known, waiting for its units (``query``: ``m``, ``u``, ``est``)."""

    pending: _Pending
    query: pl.LazyFrame
    scale: int
    sums: pl.DataFrame


def _distinct(column: pl.Series) -> list[int]:
    """The distinct values of ``column`` (in Python for a few, by polars for many)."""
    if column.len() < 4096:
        return list(set(column.to_list()))
    return column.unique().to_list()


class _Run:
    """One execution of a plan (internal)."""

    def __init__(
        self,
        ledger: Ledger,
        columns: Columns,
        plan: RulePlan,
        period: Period,
        as_of: dt.date,
        members: Sequence[Member],
        history: Callable[[int], RuleSet | None] | None,
        streaming: bool = False,
    ) -> None:
        import polars as pl

        self.streaming = streaming
        self.ledger = ledger
        self.columns = columns
        self.plan = plan
        self.rule_set = plan.rule_set
        self.period = period
        self.as_of = as_of
        self.members = list(members)
        self.history = history
        ids = columns.member_ids  # sorted: a member's code is its position
        self.ids = [m.id for m in self.members]
        if len(self.members) * 16 < len(ids):  # a few members (a what-if): bisect
            self.codes = [bisect.bisect_left(ids, member_id) for member_id in self.ids]
        else:
            code = dict(zip(ids, range(len(ids)), strict=True))
            self.codes = list(map(code.__getitem__, self.ids))
        self.code_set = frozenset(self.codes)
        self.by_code = dict(zip(self.codes, self.members, strict=True))
        self.member_frame = pl.DataFrame({"m": self.codes}, schema={"m": pl.Int32})
        self.facts = self._facts(period)
        if not streaming:
            self.facts.build(self._sources())
        self._context: FactContext | None = None
        self._conditions: dict[int, pl.Series] = {}

    # ------------------------------------------------------------------ inputs

    def _facts(self, period: Period) -> FactTable:
        table = fact_table(
            self.columns,
            period,
            self.as_of,
            self.rule_set.settings.conversion,
            members=self.codes if len(self.codes) < len(self.columns.member_ids) else None,
            levels=self.plan.levels,
        )
        return table

    def _sources(self) -> set[int]:
        """The codes of the sources the plan's items, requirements and triggers read."""
        wheres = [plan.item.where for plan in self.plan.items]
        wheres += [w for r in self.rule_set.requirements for w in r.where]
        wheres += [w for t in self.rule_set.triggers if isinstance(t, Trigger) for w in t.where]
        return {SOURCE_CODE[where.source] for where in wheres}

    def collect(self, query: pl.LazyFrame) -> pl.DataFrame:
        """``query`` run by polars' streaming engine or its in-memory one, as this run says."""
        return query.collect(engine="streaming" if self.streaming else "in-memory")

    def source(self, facts: FactTable, code: int) -> pl.LazyFrame:
        """The facts of source ``code`` as a query: over the kept frame, or streamed."""
        return facts.query(code) if self.streaming else facts.of_source(code).lazy()

    def collect_all(self, queries: Sequence[pl.LazyFrame]) -> list[pl.DataFrame]:
        """``queries`` run together, by the engine this run uses (see :meth:`collect`)."""
        import polars as pl

        if not queries:
            return []
        return pl.collect_all(queries, engine="streaming" if self.streaming else "in-memory")

    def whole_source(self, facts: FactTable, code: int) -> pl.DataFrame:
        """The facts of source ``code`` as one frame (what a row-wise block reads)."""
        return self.collect(facts.query(code)) if self.streaming else facts.of_source(code)

    @property
    def context(self) -> FactContext:
        if self._context is None:
            self._context = FactContext.of(self.ledger, self.as_of)
        return self._context

    def rebuild(self, rows: pl.DataFrame) -> list[Fact]:
        """The reference interpreter's facts for ``rows``, in row order.

        ``rows`` needs the columns ``m``, ``src``, ``ri`` and ``ai``.
        """
        from cppcc_model.rules.facts import (
            _attendance_fact,
            _contribution_fact,
            _info_fact,
            _proposal_facts,
        )

        ledger, context, ids = self.ledger, self.context, self.columns.member_ids
        attendance = SOURCE_CODE[Source.ATTENDANCE]
        proposal = SOURCE_CODE[Source.PROPOSAL]
        info = SOURCE_CODE[Source.INFO_REPORT]
        facts: list[Fact] = []
        for m, src, ri, ai in zip(
            rows["m"].to_list(),
            rows["src"].to_list(),
            rows["ri"].to_list(),
            rows["ai"].to_list(),
            strict=True,
        ):
            member_id = ids[m]
            if src == attendance:
                activity = ledger.activities[ri]
                facts.append(_attendance_fact(member_id, activity, activity.attendance[ai]))
            elif src == proposal:
                facts.append(
                    _proposal_facts(
                        member_id,
                        ledger.proposals[ri],
                        context.as_of,
                        context.parents,
                        context.info_ids,
                    )
                )
            elif src == info:
                report = ledger.info_reports[ri]
                facts.append(
                    _info_fact(
                        member_id, report, context.as_of, context.converted_from.get(report.id)
                    )
                )
            else:
                facts.append(_contribution_fact(member_id, ledger.contributions[ri]))
        return facts

    def applying(self, condition: Condition | None) -> pl.Series | None:
        """The member codes ``condition`` holds for (``None``: every member)."""
        import polars as pl

        if condition is None:
            return None
        key = id(condition)
        if key not in self._conditions:
            pairs: Iterable[tuple[int, Member]] = zip(self.codes, self.members, strict=True)
            if type(condition) is HasRole and isinstance(condition.role, RoleKind):
                # a role is held through a spell of it: a member with no spells holds none
                pairs = ((c, member) for c, member in pairs if member.roles)
            self._conditions[key] = pl.Series(
                "m",
                [
                    c
                    for c, member in pairs
                    if evaluate.applies(condition, member, self.period, self.as_of)
                ],
                dtype=pl.Int32,
            )
        return self._conditions[key]

    def mask(
        self, facts: FactTable, compiled: pl.Expr | None, where: Any, item: Item | None = None
    ) -> pl.LazyFrame:
        """The rows of ``facts`` that ``where`` matches (row-wise when it is not compiled).

        ``item``: the item the selection belongs to, to locate a failing row-wise call.
        """
        import polars as pl

        code = SOURCE_CODE[where.source]
        if compiled is not None:
            return self.source(facts, code).filter(compiled)
        rows = self.whole_source(facts, code)
        rebuilt = self.rebuild(rows)

        def matches(fact: Fact) -> bool:
            return evaluate.matches(where, fact)

        keep = [matches(f) for f in rebuilt] if item is None else self.each(rebuilt, matches, item)
        return rows.filter(pl.Series(keep, dtype=pl.Boolean)).lazy()

    def each(self, facts: list[Fact], call: Callable[[Fact], _T], item: Item) -> list[_T]:
        """``call`` on every fact of ``item``; a failure raises :class:`RowWiseFailure`."""
        from cppcc_model.engine.reference import line_failure, member_failure

        done: list[_T] = []
        for fact in facts:
            try:
                done.append(call(fact))
            except (Exception, SystemExit) as error:
                member = self.ledger.member(fact.member_id)
                located = member_failure(
                    self.rule_set, member, line_failure(self.rule_set, member, item, error)
                )
                raise RowWiseFailure(member.id, located) from error
        return done

    # ------------------------------------------------------------------ lines

    def lines(self) -> list[_Line]:
        """Every item's line, in the plan's order.

        The compiled lines' queries run together, in two :func:`polars.collect_all` calls
        rather than a few collects per line: a what-if re-scores a handful of members, and
        there each query's fixed cost (planning, threads) outweighs the work on its rows.
        The first call gives each line's sums per (member, denominator) with the figures
        that tell whether they fit in Int64; the second, once each line's scale is known,
        its units per member (capped and with every member it applies to).
        """
        started = [self._start_line(i, plan) for i, plan in enumerate(self.plan.items)]
        pending = [p for p in started if isinstance(p, _Pending)]
        sums = self.collect_all([p.query for p in pending])
        finished = [self._finish_line(p, s) for p, s in zip(pending, sums, strict=True)]
        waiting = [f for f in finished if isinstance(f, _Scaled)]
        units = self.collect_all([w.query for w in waiting])
        done: dict[int, _Line] = {}
        for scaled, frame in zip(waiting, units, strict=True):
            done[scaled.pending.index] = self._scaled_line(scaled, frame)
        for line in finished:
            if isinstance(line, _Line):
                done[line.item_index] = line
        return [p if isinstance(p, _Line) else done[p.index] for p in started]

    def _start_line(self, index: int, plan: ItemPlan) -> _Line | _Pending:
        """One item's selected rows and the query of their sums (or its line, row-wise).

        The selected rows are a lazy query over the kept fact frame of the item's source (or,
        streaming, over the credits in batches): only the per-member sums are collected (a
        value or share block run row-wise, and the overflow path, collect the rows first).
        """
        import polars as pl

        item = plan.item
        members = self.applying(item.applies_to)
        if plan.row_wise:
            return self._reference_line(index, plan, members)
        rows = self.mask(self.facts, plan.where, item.where, item)
        if members is not None:
            rows = rows.filter(pl.col("m").is_in(members.implode()))
        if plan.value is not None:
            rows = rows.with_columns(
                plan.value.numerator.alias("vn"), pl.lit(plan.value.scale, pl.Int64).alias("vd")
            )
        else:
            selected = self.collect(rows)
            values = self.each(self.rebuild(selected), partial(evaluate.value, item.value), item)
            rows = selected.with_columns(
                pl.Series("vn", [v.numerator for v in values], dtype=pl.Int64),
                pl.Series("vd", [v.denominator for v in values], dtype=pl.Int64),
            ).lazy()
        if plan.share is not None:
            rows = rows.with_columns(plan.share[0].alias("sn"), plan.share[1].alias("sd"))
        else:
            selected = self.collect(rows)
            shares = self.each(
                self.rebuild(selected), partial(evaluate.share, item.attribution), item
            )
            rows = selected.with_columns(
                pl.Series("sn", [s.numerator for s in shares], dtype=pl.Int64),
                pl.Series("sd", [s.denominator for s in shares], dtype=pl.Int64),
            ).lazy()
        counting = plan.counting
        credited = pl.col("sn") != 0
        if counting == "threshold":  # a count of credited rows: no product to overflow
            query = rows.group_by("m").agg(credited.sum().alias("k"))
            return _Pending(index, plan, members, rows, query)
        # the products' magnitudes as floats: whether the Int64 products and sums can overflow
        numbered = rows.with_columns(
            (pl.col("vn") * pl.col("sn")).alias("n"),
            (pl.col("vd") * pl.col("sd")).alias("d"),
            credited.alias("credited"),
            (pl.col("vn").abs().cast(pl.Float64) * pl.col("sn").abs().cast(pl.Float64)).alias("fa"),
            (pl.col("vd").cast(pl.Float64) * pl.col("sd").cast(pl.Float64)).alias("fb"),
        )
        if counting in ("at_most", "from_nth", "first"):
            numbered = numbered.with_columns(
                pl.col("credited").cast(pl.Int32).cum_sum().over("m").alias("place")
            )
            place = pl.col("place")
            keep = {
                "at_most": place <= plan.n,
                "from_nth": place >= plan.n,
                "first": place == 1,
            }[counting]
            numbered = numbered.filter(pl.col("credited") & keep)
        if counting == "max":
            numbered = numbered.filter(pl.col("credited"))
        best = pl.col("n").max() if counting == "max" else pl.col("n").sum()
        query = numbered.group_by("m", "d").agg(best, pl.col("fa").sum(), pl.col("fb").max())
        return _Pending(index, plan, members, rows, query)

    def _finish_line(self, pending: _Pending, sums: pl.DataFrame) -> _Line | _Scaled:
        """The line from its sums: the query of its units at one scale, or exact fractions.

        An Int64 product or sum that could overflow (beyond :data:`LIMIT`) sends the line to
        fractions: row by row from the selected rows, or from the per-denominator sums.
        """
        import polars as pl

        index, plan, members = pending.index, pending.plan, pending.members
        cap = plan.item.cap
        if plan.counting == "threshold":
            assert plan.item.counting is not None
            points = plan.item.counting.points  # type: ignore[attr-defined]
            scale = lcm([points.denominator] + ([cap.denominator] if cap is not None else []))
            frame = sums.lazy().select(
                "m",
                pl.when(pl.col("k") >= plan.n)
                .then(pl.lit(int(points * scale), pl.Int64))
                .otherwise(pl.lit(0, pl.Int64))
                .alias("u"),
                pl.lit(0.0).alias("est"),
            )
            return self._capped(pending, frame, scale, sums)
        if sums.height and (sums["fa"].sum() >= LIMIT or sums["fb"].max() >= LIMIT):  # type: ignore[operator]
            return self._exact_line(index, plan, self.collect(pending.rows), members)
        scale = lcm(_distinct(sums["d"]) + ([cap.denominator] if cap is not None else []))
        if scale >= LIMIT:
            if plan.counting == "max":
                return self._exact_line(index, plan, self.collect(pending.rows), members)
            return self._exact_sums(pending, sums)
        units = pl.col("n") * (pl.lit(scale, pl.Int64) // pl.col("d"))
        estimate = pl.col("n").abs().cast(pl.Float64) * (scale / pl.col("d").cast(pl.Float64))
        if plan.counting == "max":  # each member's best numerator of each denominator
            measures = [units.max().alias("u"), estimate.max().alias("est")]
        else:
            measures = [units.sum().alias("u"), estimate.sum().alias("est")]
        return self._capped(pending, sums.lazy().group_by("m").agg(measures), scale, sums)

    def _scaled_line(self, scaled: _Scaled, frame: pl.DataFrame) -> _Line:
        """The line from its units, or exact when a member's sum could overflow Int64."""
        pending = scaled.pending
        biggest = frame["est"].max()
        if biggest is not None and biggest >= LIMIT:  # type: ignore[operator]
            if pending.plan.counting == "max":
                rows = self.collect(pending.rows)
                return self._exact_line(pending.index, pending.plan, rows, pending.members)
            return self._exact_sums(pending, scaled.sums)
        return _Line(pending.index, pending.members, frame, scaled.scale, None)

    def _exact_sums(self, pending: _Pending, sums: pl.DataFrame) -> _Line:
        """A line summed in fractions from its sums per (member, denominator)."""
        exact: dict[int, Fraction] = {}
        for m, d, n in sums.select("m", "d", "n").iter_rows():
            exact[m] = exact.get(m, Fraction(0)) + Fraction(n, d)
        return self._capped_exact(pending.index, pending.members, exact, pending.plan.item.cap)

    def _exact_line(
        self, index: int, plan: ItemPlan, rows: pl.DataFrame, members: pl.Series | None
    ) -> _Line:
        """A line in fractions, row by row (the overflow path)."""
        by_member: dict[int, list[tuple[Fraction, bool]]] = {}
        for m, vn, vd, sn, sd in rows.select("m", "vn", "vd", "sn", "sd").iter_rows():
            by_member.setdefault(m, []).append((Fraction(vn, vd) * Fraction(sn, sd), sn != 0))
        exact: dict[int, Fraction] = {}
        counting, n = plan.counting, plan.n
        for m, entries in by_member.items():
            credited = [p for p, c in entries if c]
            if counting == "each":
                exact[m] = sum(credited, Fraction(0))
            elif counting == "at_most":
                exact[m] = sum(credited[:n], Fraction(0))
            elif counting == "from_nth":
                exact[m] = sum(credited[n - 1 :], Fraction(0))
            elif counting == "first":
                exact[m] = credited[0] if credited else Fraction(0)
            elif counting == "max":
                exact[m] = max(credited) if credited else Fraction(0)
            else:  # threshold
                points = plan.item.counting.points  # type: ignore[attr-defined]
                exact[m] = points if len(credited) >= n else Fraction(0)
        return self._capped_exact(index, members, exact, plan.item.cap)

    def _reference_line(self, index: int, plan: ItemPlan, members: pl.Series | None) -> _Line:
        """A line the compiler cannot express: the reference interpreter, member by member."""
        from cppcc_model.engine.reference import _Scorer, member_failure

        item = plan.item
        scorer = _Scorer(self.ledger, self.rule_set, self.period, self.as_of)
        rows = self.whole_source(self.facts, SOURCE_CODE[item.where.source])
        codes = self.codes if members is None else members.to_list()
        wanted = frozenset(codes)
        facts: dict[int, list[Fact]] = {}
        for fact, m in zip(self.rebuild(rows), rows["m"].to_list(), strict=True):
            if m in wanted:
                facts.setdefault(m, []).append(fact)
        exact: dict[int, Fraction] = {}
        for m in codes:
            member = self.by_code[m]
            try:
                exact[m] = scorer.line(member, item, facts.get(m, [])).points
            except CppccError as error:  # located at the item by the reference already
                located = member_failure(self.rule_set, member, error)
                raise RowWiseFailure(member.id, located) from error.__cause__
        return _Line(index, members, None, 1, exact)

    def _capped(
        self, pending: _Pending, frame: pl.LazyFrame, scale: int, sums: pl.DataFrame
    ) -> _Scaled:
        """The query of a line's units for every member it applies to, capped."""
        import polars as pl

        members, cap = pending.members, pending.plan.item.cap
        base = self.member_frame if members is None else members.to_frame()
        full = (
            base.lazy()
            .join(frame, on="m", how="left", maintain_order="left")
            .with_columns(pl.col("u").fill_null(0))
        )
        if cap is not None:
            full = full.with_columns(
                pl.min_horizontal(pl.col("u"), pl.lit(int(cap * scale), pl.Int64)).alias("u")
            )
        return _Scaled(pending, full, scale, sums)

    def _capped_exact(
        self,
        index: int,
        members: pl.Series | None,
        exact: dict[int, Fraction],
        cap: Fraction | None,
    ) -> _Line:
        codes = self.codes if members is None else members.to_list()
        out = {}
        for m in codes:
            value = exact.get(m, Fraction(0))
            out[m] = value if cap is None or value <= cap else cap
        return _Line(index, members, None, 1, out)

    # ------------------------------------------------------------------ members' figures

    def run(self, *, triggers: bool = True) -> Results:
        import polars as pl

        lines = self.lines()
        rule_set = self.rule_set
        grades = rule_set.grades
        constants: list[Fraction] = []
        for category in rule_set.categories:
            constants += [v for v in (category.base, category.cap, category.floor) if v is not None]
        constants += [pool.cap for pool in rule_set.pools]
        if grades is not None and grades.basis == "exact":
            constants += [b.at_least for b in grades.bands if b.at_least is not None]
        constants += [t.threshold for t in rule_set.triggers if isinstance(t, ScoreBelow)]
        denominators = {c.denominator for c in constants}
        bound = sum(abs(c) for c in constants)
        for line in lines:
            if line.exact is not None:
                denominators.update(v.denominator for v in line.exact.values())
                bound += max((abs(v) for v in line.exact.values()), default=Fraction(0))
            else:
                assert line.frame is not None
                denominators.add(line.scale)
                units = line.frame["u"]
                high, low = units.max(), units.min()  # Series' own, not a query each
                biggest = max(abs(int(high or 0)), abs(int(low or 0)))  # type: ignore[arg-type]
                bound += Fraction(biggest, line.scale)
        scale = lcm(denominators)
        frame = self.member_frame.with_columns(pl.Series("id", self.ids, dtype=pl.String))
        exact: dict[str, tuple[Fraction, dict[str, Fraction]]] | None = None
        if scale < LIMIT and bound * scale * 4 < LIMIT:
            frame = self._scaled_figures(frame, lines, scale)
        else:
            exact = self._exact_figures(lines)
            frame = frame.with_columns(
                pl.lit(None, pl.Int64).alias("total"),
                *[pl.lit(None, pl.Int64).alias(f"c:{c.id}") for c in rule_set.categories],
            )
            scale = 0
        frame = self._requirements(frame)
        frame = self._grades(frame, scale, exact)
        results = Results(
            rule_set,
            self.period,
            self.as_of,
            tuple(self.ids),
            frame,
            scale or None,
            exact,
        )
        if triggers and rule_set.triggers:
            frame = self._triggers(results)
            results = attrs.evolve(results, frame=frame)
        else:
            results = attrs.evolve(
                results,
                frame=frame.with_columns(
                    [pl.lit(False).alias(f"f:{t.id}") for t in rule_set.triggers]
                ),
            )
        return results

    def _category_items(self, category: Category, lines: list[_Line]) -> list[_Line]:
        ids = {item.id for item in category.items}
        return [line for line in lines if self.plan.items[line.item_index].item.id in ids]

    def _scaled_figures(self, frame: pl.DataFrame, lines: list[_Line], scale: int) -> pl.DataFrame:
        import polars as pl

        # a line for every member has its rows in the members' order (a left join onto them):
        # its units are set beside them as they are; the others are joined, all in one query
        aligned = []
        joined = []
        for line in lines:
            if line.exact is None and line.members is None:
                assert line.frame is not None
                assert line.frame.height == frame.height
                units = line.frame["u"] * (scale // line.scale)  # Series arithmetic: no query
                aligned.append(units.alias(f"i{line.item_index}"))
            else:
                joined.append(line)
        query = frame.hstack(aligned).lazy()
        for line in joined:
            name = f"i{line.item_index}"
            if line.exact is not None:
                part = pl.DataFrame(
                    {
                        "m": list(line.exact),
                        name: [int(v * scale) for v in line.exact.values()],
                    },
                    schema={"m": pl.Int32, name: pl.Int64},
                ).lazy()
            else:
                assert line.frame is not None
                factor = scale // line.scale
                part = line.frame.lazy().select("m", (pl.col("u") * factor).alias(name))
            query = query.join(part, on="m", how="left", maintain_order="left")
        totals = []
        points_of: dict[str, pl.Expr] = {}
        for category in self.rule_set.categories:
            inner = self._category_items(category, lines)
            raw: pl.Expr = pl.lit(0, pl.Int64)
            for line in inner:
                raw = raw + pl.col(f"i{line.item_index}").fill_null(0)
            points = raw
            if category.base is not None:
                points = points + int(category.base * scale)
            if category.cap is not None:
                points = pl.min_horizontal(points, pl.lit(int(category.cap * scale), pl.Int64))
            if category.floor is not None:
                points = pl.max_horizontal(points, pl.lit(int(category.floor * scale), pl.Int64))
            applies = self.applying(category.applies_to)
            if applies is not None:
                points = pl.when(pl.col("m").is_in(applies.implode())).then(points)
            points_of[category.id] = points.alias(f"c:{category.id}")
            totals.append(pl.col(f"c:{category.id}").fill_null(0))
        query = query.with_columns(list(points_of.values()))
        total: pl.Expr = pl.lit(0, pl.Int64)
        for part_expr in totals:
            total = total + part_expr
        for pool in self.rule_set.pools:
            pooled: pl.Expr = pl.lit(0, pl.Int64)
            for category_id in pool.categories:
                pooled = pooled + pl.col(f"c:{category_id}").fill_null(0)
            excess = pooled - int(pool.cap * scale)
            total = total - pl.when(excess > 0).then(excess).otherwise(0)
        return (
            query.with_columns(total.alias("total"))
            .drop([f"i{line.item_index}" for line in lines])
            .collect()
        )

    def _exact_figures(self, lines: list[_Line]) -> dict[str, tuple[Fraction, dict[str, Fraction]]]:
        values: list[dict[int, Fraction]] = []
        for line in lines:
            if line.exact is not None:
                values.append(line.exact)
            else:
                assert line.frame is not None
                values.append(
                    {
                        m: Fraction(u, line.scale)
                        for m, u in zip(
                            line.frame["m"].to_list(), line.frame["u"].to_list(), strict=True
                        )
                    }
                )
        out: dict[str, tuple[Fraction, dict[str, Fraction]]] = {}
        applying = {
            category.id: (
                None
                if category.applies_to is None
                else frozenset(self.applying(category.applies_to).to_list())  # type: ignore[union-attr]
            )
            for category in self.rule_set.categories
        }
        for m, member in zip(self.codes, self.members, strict=True):
            points: dict[str, Fraction] = {}
            for category in self.rule_set.categories:
                codes = applying[category.id]
                if codes is not None and m not in codes:
                    continue
                value = sum(
                    (
                        values[line.item_index].get(m, Fraction(0))
                        for line in self._category_items(category, lines)
                    ),
                    Fraction(0),
                )
                if category.base is not None:
                    value = category.base + value
                if category.cap is not None and value > category.cap:
                    value = category.cap
                if category.floor is not None and value < category.floor:
                    value = category.floor
                points[category.id] = value
            total = sum(points.values(), Fraction(0))
            for pool in self.rule_set.pools:
                pooled = sum((points.get(c, Fraction(0)) for c in pool.categories), Fraction(0))
                if pooled > pool.cap:
                    total -= pooled - pool.cap
            out[member.id] = (total, points)
        return out

    # ------------------------------------------------------------------ requirements, grades

    def _requirements(self, frame: pl.DataFrame) -> pl.DataFrame:
        import polars as pl

        whole = [ROLE_CODE[AuthorRole.SOLE], ROLE_CODE[AuthorRole.ATTENDEE]]
        for requirement, compiled in zip(
            self.rule_set.requirements, self.plan.requirement_masks, strict=True
        ):
            parts = [
                self.mask(self.facts, mask, where)
                for mask, where in zip(compiled, requirement.where, strict=True)
            ]
            rows = pl.concat(parts) if parts else self.facts.empty().lazy()
            if not requirement.credit_co_authors:
                rows = rows.filter((pl.col("pos") == 0) | pl.col("role").is_in(whole))
            measures = [pl.col("rid").n_unique().alias("count")]
            if requirement.per_quarter:
                wanted = _quarters(self.period)
                measures.append(
                    (pl.col("on").dt.year() * 10 + pl.col("on").dt.quarter())
                    .n_unique()
                    .alias("quarters")
                )
            else:
                wanted = 0
                measures.append(pl.lit(0, pl.UInt32).alias("quarters"))
            counts = self.collect(rows.group_by("m").agg(measures))
            count_name, met_name = f"r:{requirement.id}:count", f"r:{requirement.id}:met"
            joined = self.member_frame.join(
                counts, on="m", how="left", maintain_order="left"
            ).with_columns(
                pl.col("count").fill_null(0).cast(pl.Int64),
                pl.col("quarters").fill_null(0),
            )
            met = pl.col("count") >= requirement.at_least
            if requirement.per_quarter:
                met = met & (pl.col("quarters") >= wanted)
            applies = self.applying(requirement.applies_to)
            if applies is not None:
                met = pl.when(pl.col("m").is_in(applies.implode())).then(met)
            joined = joined.select("m", pl.col("count").alias(count_name), met.alias(met_name))
            frame = frame.join(joined, on="m", how="left", maintain_order="left")
        return frame

    def _grades(
        self,
        frame: pl.DataFrame,
        scale: int,
        exact: dict[str, tuple[Fraction, dict[str, Fraction]]] | None,
    ) -> pl.DataFrame:
        import polars as pl

        grades = self.rule_set.grades
        if grades is None:
            return frame.with_columns(pl.lit(None, pl.String).alias("grade"))
        if grades.basis == "exact" and exact is None:
            expr: Any = None
            for band in grades.bands:
                cond: pl.Expr = pl.lit(True)
                if band.at_least is not None:
                    bound = int(band.at_least * scale)
                    cond = (
                        pl.col("total") >= bound
                        if grades.boundary == "inclusive"
                        else pl.col("total") > bound
                    )
                for requirement_id in band.requires:
                    cond = cond & pl.col(f"r:{requirement_id}:met").fill_null(True)
                label = pl.lit(band.label, pl.String)
                expr = pl.when(cond).then(label) if expr is None else expr.when(cond).then(label)
            return frame.with_columns(expr.otherwise(pl.lit(None, pl.String)).alias("grade"))
        totals = (
            {m: t for m, (t, _) in exact.items()}
            if exact is not None
            else dict(
                zip(
                    frame["id"].to_list(),
                    _fractions(frame["total"].to_list(), scale),
                    strict=True,
                )
            )
        )
        met_columns = {r.id: frame[f"r:{r.id}:met"].to_list() for r in self.rule_set.requirements}
        labels = []
        for row, member_id in enumerate(frame["id"].to_list()):
            total = totals[member_id]
            basis = total
            if grades.basis == "presented":
                basis = Fraction(self.rule_set.rounding.present(total))
            met = frozenset(
                rid for rid, values in met_columns.items() if values[row] in (True, None)
            )
            labels.append(grades.grade(basis, met))
        return frame.with_columns(pl.Series("grade", labels, dtype=pl.String))

    # ------------------------------------------------------------------ flags

    def _triggers(self, results: Results) -> pl.DataFrame:
        import polars as pl

        frame = results.frame
        totals = results.totals() if results.exact is not None else None
        for trigger, compiled in zip(self.rule_set.triggers, self.plan.trigger_masks, strict=True):
            name = f"f:{trigger.id}"
            if isinstance(trigger, Trigger):
                assert compiled is not None
                applies = self.applying(trigger.applies_to)
                codes = self.codes if applies is None else applies.to_list()
                if not codes:
                    frame = frame.with_columns(pl.lit(False).alias(name))
                    continue
                facts = self.facts
                if trigger.window != "period":
                    from cppcc_model.engine.reference import _Scorer

                    window = _Scorer(
                        self.ledger, self.rule_set, self.period, self.as_of
                    ).term_window()
                    if window != self.period:
                        facts = self._facts(window)
                parts = [
                    self.mask(facts, mask, where)
                    for mask, where in zip(compiled, trigger.where, strict=True)
                ]
                rows = pl.concat(parts) if parts else facts.empty().lazy()
                counts = self.collect(rows.group_by("m").agg(pl.col("rid").n_unique().alias("k")))
                raised = self.member_frame.join(
                    counts, on="m", how="left", maintain_order="left"
                ).select(
                    "m",
                    (
                        (pl.col("k").fill_null(0) >= trigger.at_least) & pl.col("m").is_in(codes)
                    ).alias(name),
                )
                frame = frame.join(raised, on="m", how="left", maintain_order="left")
            elif isinstance(trigger, ScoreBelow):
                if totals is None:
                    assert results.scale is not None
                    bound = int(trigger.threshold * results.scale)
                    frame = frame.with_columns((pl.col("total") < bound).alias(name))
                else:
                    frame = frame.with_columns(
                        pl.Series(
                            name,
                            [totals[m] < trigger.threshold for m in results.member_ids],
                            dtype=pl.Boolean,
                        )
                    )
            else:
                assert isinstance(trigger, ConsecutiveYears)
                frame = frame.with_columns(
                    pl.Series(name, self._consecutive(results, trigger), dtype=pl.Boolean)
                )
        return frame

    def _holds(self, results: Results, trigger: ConsecutiveYears) -> list[bool]:
        if trigger.grade is not None:
            return [g == trigger.grade for g in results.frame["grade"].to_list()]
        return [met is False for met in results.frame[f"r:{trigger.requirement}:met"].to_list()]

    def _consecutive(self, results: Results, trigger: ConsecutiveYears) -> list[bool]:
        from cppcc_model.engine.reference import first_year_over_years, in_force

        holds = dict(zip(results.member_ids, self._holds(results, trigger), strict=True))
        year = self.period.end.year
        # as the reference: never before the first year of the term covering the period's end,
        # and a year whose rule set was not in force is not assessed (it breaks the chain)
        first = first_year_over_years(self.ledger, self.period.end)
        for back in range(1, trigger.years):
            candidates = [m for m in self.members if holds[m.id]]
            if not candidates:
                break
            previous_year = Period.year(year - back)
            rule_set = (
                in_force(self.rule_set, self.history, year - back) if year - back >= first else None
            )
            if rule_set is None:
                for member in candidates:
                    holds[member.id] = False
                break
            serving = [m for m in candidates if m.served_during(previous_year)]
            for member in candidates:
                if not member.served_during(previous_year):
                    holds[member.id] = False
            if not serving:
                continue
            plan = self.plan if rule_set is self.rule_set else compile_rule_set(rule_set)
            previous = _Run(
                self.ledger,
                self.columns,
                plan,
                previous_year,
                previous_year.end,
                serving,
                self.history,
                self.streaming,
            ).run(triggers=False)
            kept = dict(zip(previous.member_ids, self._holds(previous, trigger), strict=True))
            for member in serving:
                holds[member.id] = kept[member.id]
        return [holds[m.id] for m in self.members]


def _quarters(period: Period) -> int:
    """How many calendar quarters overlap ``period``."""
    start = period.start.year * 4 + (period.start.month - 1) // 3
    end = period.end.year * 4 + (period.end.month - 1) // 3
    return end - start + 1


def execute(
    ledger: Ledger,
    columns: Columns,
    plan: RulePlan,
    period: Period,
    as_of: dt.date,
    members: Iterable[Member],
    history: Callable[[int], RuleSet | None] | None = None,
    *,
    streaming: bool = False,
) -> Results:
    """Run ``plan`` for ``members`` (sorted by id) over the ledger's facts.

    With ``streaming``, every query of the plan is collected by polars' streaming engine
    (``collect(engine="streaming")``), which reads the credits in batches: a source's fact
    table is never held whole, only the selected rows' per-member sums (and the rows a block
    run row-wise reads). Without it the in-memory engine runs them, keeping each source's fact
    frame for the items that read it. Both give the same exact figures.
    """
    chosen = sorted(members, key=operator.attrgetter("id"))
    return _Run(ledger, columns, plan, period, as_of, chosen, history, streaming).run()
