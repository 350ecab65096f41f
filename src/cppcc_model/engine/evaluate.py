"""Evaluating member rule blocks, one fact (or one member) at a time.

The blocks in :mod:`cppcc_model.rules` are plain data; what they mean is decided here, by one
function per family, each dispatching on the block's exact class:

=============================  ===========================================================
function                       blocks it evaluates
=============================  ===========================================================
:func:`value`                  the value blocks (:mod:`~cppcc_model.rules.values`) and
                               :class:`~cppcc_model.rules.inputs.External` /
                               :class:`~cppcc_model.rules.inputs.Amount`: a fact's worth
:func:`share`                  the attribution blocks: the share a co-author is credited
:func:`collective_share`       :class:`~cppcc_model.rules.attribution.CollectiveCredit`
:func:`matches`                :class:`~cppcc_model.rules.selection.Where`: a fact selected
:func:`reached`                :class:`~cppcc_model.rules.selection.Reached`
:func:`applies`                the member conditions (:mod:`~cppcc_model.rules.conditions`)
:func:`count`                  the counting blocks (:mod:`~cppcc_model.rules.counting`)
:func:`records_hold`,          :class:`~cppcc_model.rules.award_gates.AnyOfRecords` /
:func:`records_missing`        :class:`~cppcc_model.rules.award_gates.AllOfRecords`
:func:`check`                  a plugin's :class:`~cppcc_model.rules.extension.CustomTrigger`
=============================  ===========================================================

A block whose class the table does not hold — a plugin's own block, written against the
protocol of its family (:mod:`cppcc_model.rules.extension`), or a subclass of a library block —
is asked itself: ``block.of(fact)``, ``block.share(fact)``, ``block.applies(member, period,
as_of)``, ``block.matches(fact)``, ``block.count(entries)``, ``block.check(context)``. A
subclass that does not override the method reaches :func:`library`, which evaluates it as the
nearest library class it derives from.

The library blocks keep those methods as thin aliases of the functions here, so code written
against them goes on working; new code calls these functions. Nothing in ``rules/`` imports
the engine: this module installs :func:`library` in :mod:`cppcc_model.rules._evaluation` when
it is imported, and :mod:`cppcc_model.engine` imports it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from cppcc_model.model import AttendanceStatus, Member, Period
from cppcc_model.numbers import format_fraction
from cppcc_model.rules import _evaluation
from cppcc_model.rules.attribution import (
    Attribution,
    CollectiveCredit,
    EqualSplit,
    FirstOnly,
    FirstShare,
    WholeToEach,
)
from cppcc_model.rules.award_gates import AllOfRecords, AnyOfRecords
from cppcc_model.rules.conditions import AllOf, AnyOf, Condition, HasRole, LacksRole, Not
from cppcc_model.rules.counting import (
    AtMost,
    Counted,
    Counting,
    Each,
    FromNth,
    OncePerPeriod,
    Threshold,
    _ordinal,
)
from cppcc_model.rules.facts import AuthorRole, Fact
from cppcc_model.rules.guard import call_plugin_function
from cppcc_model.rules.inputs import Amount, External
from cppcc_model.rules.selection import Reached, Where
from cppcc_model.rules.values import (
    ByLevel,
    ByPosition,
    ByRole,
    ByStage,
    ByStatus,
    FullOrPartial,
    Function,
    PerUnit,
    Points,
    Sum,
    Value,
)
from cppcc_model.scorecard import Entry

if TYPE_CHECKING:
    from cppcc_model.rules.extension import CustomTrigger, TriggerContext
    from cppcc_model.scorecard import Flag

__all__ = [
    "applies",
    "bound",
    "check",
    "collective_share",
    "count",
    "library",
    "matches",
    "reached",
    "records_hold",
    "records_missing",
    "share",
    "value",
]

_Impl = Callable[..., Any]

_ZERO = Fraction(0)
_ONE = Fraction(1)
"""Made once: a fraction is immutable, and making one is not free."""


class _Family:
    """The library's evaluation of one family of blocks, keyed by exact class."""

    def __init__(self, method: str) -> None:
        self.method = method
        self.by_class: dict[type, _Impl] = {}

    def register(self, *kinds: type) -> Callable[[_Impl], _Impl]:
        def decorate(function: _Impl) -> _Impl:
            for kind in kinds:
                self.by_class[kind] = function
            return function

        return decorate

    def own(self, block: object) -> _Impl | None:
        """The library's evaluation of ``block`` (``None``: the block evaluates itself).

        That of its exact class; for a plugin's subclass of a library block, that of the
        library class it inherits the method from, unless a class of its own defines the
        method (then the block is asked itself, as a plugin's own block is).
        """
        found = self.by_class.get(type(block))
        if found is not None:
            return found
        for kind in type(block).__mro__:
            if self.method in vars(kind):
                return self.by_class.get(kind)
        return None

    def evaluate(self, block: object, *arguments: object) -> Any:
        """``block`` evaluated on ``arguments``: by the library, or by its own method."""
        found = self.own(block)
        if found is None:  # a plugin's own block, or a subclass defining the method itself
            return getattr(block, self.method)(*arguments)
        return found(block, *arguments)

    def inherited(self, block: object) -> _Impl:
        """The evaluation of the nearest library class ``block``'s class derives from."""
        for kind in type(block).__mro__:
            found = self.by_class.get(kind)
            if found is not None:
                return found
        raise TypeError(f"{type(block).__name__} is no library block with {self.method}()")


_VALUE = _Family("of")
_SHARE = _Family("share")
_COLLECTIVE = _Family("share")
_MATCHES = _Family("matches")
_REACHED = _Family("holds")
_APPLIES = _Family("applies")
_COUNT = _Family("count")
_HOLD = _Family("holds")
_MISSING = _Family("missing")

_FAMILIES: dict[str, _Family] = {
    "value": _VALUE,
    "share": _SHARE,
    "collective_share": _COLLECTIVE,
    "matches": _MATCHES,
    "reached": _REACHED,
    "applies": _APPLIES,
    "count": _COUNT,
    "records_hold": _HOLD,
    "records_missing": _MISSING,
}


def bound(family: str, block: object) -> Callable[..., Any]:
    """``family``'s evaluation of ``block``, to call on each fact (or entry list) in turn.

    ``bound("matches", where)(fact)`` is ``matches(where, fact)``, with the dispatch on the
    block's class done once, for a loop over many facts.
    """
    kind = _FAMILIES[family]
    impl = kind.own(block)
    if impl is None:  # a plugin's own block: its method is read when called, as evaluate does
        return functools.partial(kind.evaluate, block)
    return functools.partial(impl, block)


def library(family: str, block: object, *arguments: object) -> Any:
    """Evaluate ``block`` as the nearest library class it derives from.

    What the library blocks' own methods (``Points.of``, ``Where.matches`` …) call; ``family``
    is the name of the function here (``"value"``, ``"matches"`` …).

    Raises:
        KeyError: ``family`` is not one of this module's functions.
        TypeError: ``block`` derives from no library block of that family.
    """
    return _FAMILIES[family].inherited(block)(block, *arguments)


# --- values ---------------------------------------------------------------------------------


def value(block: Value, fact: Fact) -> Fraction:
    """What ``fact`` is worth under the value block ``block``, before attribution."""
    result: Fraction = _VALUE.evaluate(block, fact)
    return result


@_VALUE.register(Points)
def _points(block: Points, fact: Fact) -> Fraction:
    return block.points


@_VALUE.register(PerUnit)
def _per_unit(block: PerUnit, fact: Fact) -> Fraction:
    return block.points * fact.units


@_VALUE.register(ByStatus)
def _by_status(block: ByStatus, fact: Fact) -> Fraction:
    found = block.table.get(fact.status)
    if found is None and fact.status is not None:
        found = block.table.get(fact.status.counted_as)
    return block.default if found is None else found


@_VALUE.register(ByStage)
def _by_stage(block: ByStage, fact: Fact) -> Fraction:
    return sum(
        (points for stage, points in block.table.items() if fact.reached(stage)),  # type: ignore[arg-type]
        _ZERO,
    )


@_VALUE.register(ByRole)
def _by_role(block: ByRole, fact: Fact) -> Fraction:
    return block.table.get(fact.role, block.default)


@_VALUE.register(ByLevel)
def _by_level(block: ByLevel, fact: Fact) -> Fraction:
    level = fact.level if block.stage is None else fact.stage_level(block.stage)
    return block.table.get(level, block.default)


@_VALUE.register(ByPosition)
def _by_position(block: ByPosition, fact: Fact) -> Fraction:
    return block.first if fact.position == 0 else block.others


@_VALUE.register(FullOrPartial)
def _full_or_partial(block: FullOrPartial, fact: Fact) -> Fraction:
    if fact.units <= 0:
        return _ZERO
    whole = fact.units >= fact.total_units and fact.status in (AttendanceStatus.PRESENT, None)
    return block.full if whole else block.partial


@_VALUE.register(Sum)
def _sum(block: Sum, fact: Fact) -> Fraction:
    return sum((value(part, fact) for part in block.parts), _ZERO)


@_VALUE.register(Function)
def _function(block: Function, fact: Fact) -> Fraction:
    # the escape hatch: the plugin's function runs under guard (cppcc_model.rules.guard)
    return call_plugin_function(block.function, fact, block.name)


@_VALUE.register(External)
def _external(block: External, fact: Fact) -> Fraction:
    return fact.amount if fact.amount is not None else _ZERO


@_VALUE.register(Amount)
def _amount(block: Amount, fact: Fact) -> Fraction:
    return _ZERO if fact.amount is None else fact.amount * block.rate


# --- attribution ----------------------------------------------------------------------------


def share(attribution: Attribution, fact: Fact) -> Fraction:
    """The share (0 to 1) of ``fact``'s value credited to its member under ``attribution``."""
    result: Fraction = _SHARE.evaluate(attribution, fact)
    return result


def collective_share(credit: CollectiveCredit, fact: Fact) -> Fraction:
    """The share of a collective work's value credited to ``fact``'s member (a main member)."""
    result: Fraction = _COLLECTIVE.evaluate(credit, fact)
    return result


@_COLLECTIVE.register(CollectiveCredit)
def _collective(credit: CollectiveCredit, fact: Fact) -> Fraction:
    if credit.mode == "none":
        return _ZERO
    credited = fact.authors if credit.max_members is None else min(fact.authors, credit.max_members)
    if fact.position >= credited:
        return _ZERO
    return _ONE if credit.mode == "full" else Fraction(1, credited)


def _individual_or(fact: Fact, collective: CollectiveCredit) -> Fraction | None:
    """The share when the work is collective, sole or attended; ``None`` for joint work."""
    if fact.role is AuthorRole.MAIN_MEMBER:
        return collective_share(collective, fact)
    if fact.role in (AuthorRole.SOLE, AuthorRole.ATTENDEE) or fact.authors <= 1:
        return _ONE
    return None


@_SHARE.register(WholeToEach)
def _whole_to_each(attribution: WholeToEach, fact: Fact) -> Fraction:
    known = _individual_or(fact, attribution.collective)
    return _ONE if known is None else known


@_SHARE.register(FirstOnly)
def _first_only(attribution: FirstOnly, fact: Fact) -> Fraction:
    known = _individual_or(fact, attribution.collective)
    if known is not None:
        return known
    return _ONE if fact.position == 0 else _ZERO


@_SHARE.register(FirstShare)
def _first_share(attribution: FirstShare, fact: Fact) -> Fraction:
    known = _individual_or(fact, attribution.collective)
    if known is not None:
        return known
    if fact.position == 0:
        return attribution.first
    return (1 - attribution.first) / (fact.authors - 1)


@_SHARE.register(EqualSplit)
def _equal_split(attribution: EqualSplit, fact: Fact) -> Fraction:
    known = _individual_or(fact, attribution.collective)
    return Fraction(1, fact.authors) if known is None else known


# --- selection ------------------------------------------------------------------------------


def matches(where: Where, fact: Fact) -> bool:
    """Whether ``fact`` passes every criterion of ``where``."""
    result: bool = _MATCHES.evaluate(where, fact)
    return result


def reached(block: Reached, fact: Fact) -> bool:
    """Whether ``fact``'s record reached ``block``'s stage (at its level or above)."""
    result: bool = _REACHED.evaluate(block, fact)
    return result


@_REACHED.register(Reached)
def _reached(block: Reached, fact: Fact) -> bool:
    return fact.reached(block.stage, block.min_level)


@_MATCHES.register(Where)
def _where(where: Where, fact: Fact) -> bool:
    if fact.source is not where.source:
        return False
    if where.step_in_period is not None:
        if where.step_in_period not in fact.steps_in_period:
            return False
    elif not fact.in_period:
        return False
    if where.keys and fact.kind not in where.keys:
        return False
    if where.kinds and fact.kind not in where.kinds:
        return False
    # 请假未批准 counts as 无故缺席 where the rule does not name it
    if (
        where.statuses
        and fact.status not in where.statuses
        and (fact.status is None or fact.status.counted_as not in where.statuses)
    ):
        return False
    if where.roles and fact.role not in where.roles:
        return False
    if where.collective is not None and fact.collective is not where.collective:
        return False
    if where.levels and fact.level not in where.levels:
        return False
    if where.organisers and (fact.organiser is None or fact.organiser.kind not in where.organisers):
        return False
    if not all(reached(r, fact) for r in where.reached):
        return False
    if where.reached_any and not any(reached(r, fact) for r in where.reached_any):
        return False
    return not any(fact.reached(stage) for stage in where.not_reached)


# --- conditions -----------------------------------------------------------------------------


def applies(condition: Condition, member: Member, period: Period, as_of: dt.date) -> bool:
    """Whether a rule under ``condition`` applies to ``member`` for ``period`` as of ``as_of``."""
    result: bool = _APPLIES.evaluate(condition, member, period, as_of)
    return result


@_APPLIES.register(HasRole)
def _has_role(condition: HasRole, member: Member, period: Period, as_of: dt.date) -> bool:
    if isinstance(condition.role, str):
        return condition.role in member.tags
    if condition.on_as_of:
        return member.holds(condition.role, as_of)
    return member.held_during(condition.role, period)


@_APPLIES.register(LacksRole)
def _lacks_role(condition: LacksRole, member: Member, period: Period, as_of: dt.date) -> bool:
    return not _has_role(HasRole(condition.role, condition.on_as_of), member, period, as_of)


@_APPLIES.register(AllOf)
def _all_of(condition: AllOf, member: Member, period: Period, as_of: dt.date) -> bool:
    return all(applies(c, member, period, as_of) for c in condition.conditions)


@_APPLIES.register(AnyOf)
def _any_of(condition: AnyOf, member: Member, period: Period, as_of: dt.date) -> bool:
    return any(applies(c, member, period, as_of) for c in condition.conditions)


@_APPLIES.register(Not)
def _not(condition: Not, member: Member, period: Period, as_of: dt.date) -> bool:
    return not applies(condition.condition, member, period, as_of)


# --- counting -------------------------------------------------------------------------------


def count(counting: Counting, entries: Sequence[Entry]) -> Counted:
    """``entries`` (one member's, of one item, in date order) counted under ``counting``."""
    result: Counted = _COUNT.evaluate(counting, entries)
    return result


def _total(entries: Sequence[Entry]) -> Fraction:
    return sum((e.points for e in entries if e.counted), _ZERO)


def _drop(entry: Entry, note: str) -> Entry:
    return attrs.evolve(entry, counted=False, note=note)


def _by_place(entries: Sequence[Entry], dropped: Callable[[int], bool], note: str) -> Counted:
    """Drop the credited entries whose place (1-based, in date order) ``dropped`` says."""
    place = 0
    kept: list[Entry] = []
    for entry in entries:
        if entry.counted:
            place += 1
            if dropped(place):
                entry = _drop(entry, note)
        kept.append(entry)
    return Counted(tuple(kept), _total(kept))


@_COUNT.register(Each)
def _each(counting: Each, entries: Sequence[Entry]) -> Counted:
    return Counted(tuple(entries), _total(entries))


@_COUNT.register(OncePerPeriod)
def _once_per_period(counting: OncePerPeriod, entries: Sequence[Entry]) -> Counted:
    candidates = [e for e in entries if e.counted]
    if len(candidates) <= 1:
        return Counted(tuple(entries), _total(entries))
    if counting.pick == "first":
        keep = candidates[0]
    else:
        best = max(e.points for e in candidates)
        keep = next(e for e in candidates if e.points == best)
    kept = tuple(
        e if e is keep or not e.counted else _drop(e, "只计一次 (counted once per period)")
        for e in entries
    )
    return Counted(kept, keep.points, f"counted once: {keep.record_id}")


@_COUNT.register(FromNth)
def _from_nth(counting: FromNth, entries: Sequence[Entry]) -> Counted:
    n = counting.n
    return _by_place(
        entries, lambda place: place < n, f"第{n}件起计分 (counts from the {_ordinal(n)})"
    )


@_COUNT.register(AtMost)
def _at_most(counting: AtMost, entries: Sequence[Entry]) -> Counted:
    n = counting.n
    return _by_place(entries, lambda place: place > n, f"最多计{n}次 (at most {n})")


@_COUNT.register(Threshold)
def _threshold(counting: Threshold, entries: Sequence[Entry]) -> Counted:
    credited = [e for e in entries if e.counted]
    evidence = tuple(attrs.evolve(e, points=_ZERO) for e in entries)
    if len(credited) >= counting.at_least:
        return Counted(
            evidence,
            counting.points,
            f"{len(credited)} ≥ {counting.at_least}: {format_fraction(counting.points)} once",
        )
    return Counted(evidence, _ZERO, f"{len(credited)} < {counting.at_least}: nothing")


# --- award gates ----------------------------------------------------------------------------


def records_hold(gate: AnyOfRecords | AllOfRecords, facts: Sequence[Fact]) -> bool:
    """Whether ``facts`` hold the records ``gate`` asks of a candidate."""
    result: bool = _HOLD.evaluate(gate, facts)
    return result


def records_missing(gate: AllOfRecords, facts: Sequence[Fact]) -> tuple[Where, ...]:
    """The selections of ``gate`` that no fact of ``facts`` matches."""
    result: tuple[Where, ...] = _MISSING.evaluate(gate, facts)
    return result


@_HOLD.register(AnyOfRecords)
def _any_of_records(gate: AnyOfRecords, facts: Sequence[Fact]) -> bool:
    return any(matches(w, f) for w in gate.wheres for f in facts)


@_HOLD.register(AllOfRecords)
def _all_of_records(gate: AllOfRecords, facts: Sequence[Fact]) -> bool:
    return all(any(matches(w, f) for f in facts) for w in gate.wheres)


@_MISSING.register(AllOfRecords)
def _missing(gate: AllOfRecords, facts: Sequence[Fact]) -> tuple[Where, ...]:
    return tuple(w for w in gate.wheres if not any(matches(w, f) for f in facts))


# --- triggers -------------------------------------------------------------------------------


def check(trigger: CustomTrigger, context: TriggerContext) -> Flag | None:
    """The flag a plugin's own trigger raises for the member of ``context``, or ``None``.

    The library's triggers (:mod:`cppcc_model.rules.outcomes`) are evaluated by the engine
    with the rest of a card; a custom trigger decides itself (``trigger.check(context)``).
    """
    return trigger.check(context)


_evaluation.install(library)
