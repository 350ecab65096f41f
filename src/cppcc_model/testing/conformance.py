"""Conformance properties every rule set must have, for plugin authors to run.

:func:`conformance_problems` checks one rule set on one ledger:

* **deterministic** — assessing twice gives identical score cards;
* **independent of record order** — the ledger with every list reversed gives identical cards;
* **caps and floors respected** — no line above its item's cap, no category outside its cap and
  floor, no pool above its cap;
* **positive-only items never lower a score** — removing a record that only non-negative items
  can score never raises anyone's total.

:func:`assert_conforms` runs them under hypothesis on generated ledgers::

    from cppcc_model.testing.conformance import assert_conforms

    def test_tongcheng_conforms():
        assert_conforms(build_rule_set())

Needs ``hypothesis``.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from cppcc_model.assess.engine import Assessment, assess
from cppcc_model.ledger import Ledger
from cppcc_model.model import Period, ProposalStep
from cppcc_model.rules.facts import Source
from cppcc_model.rules.ruleset import RuleSet
from cppcc_model.rules.values import (
    ByLevel,
    ByPosition,
    ByRole,
    ByStage,
    ByStatus,
    FullOrPartial,
    PerUnit,
    Points,
    Value,
)

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = ["assert_conforms", "conformance_problems", "needs_terms", "reversed_ledger"]

_WHOLE_RANGE = Period(dt.date(2000, 1, 1), dt.date(2035, 12, 31))


def reversed_ledger(ledger: Ledger) -> Ledger:
    """The same ledger with every list (records, roll calls, authors kept) in reverse order."""
    return attrs.evolve(
        ledger,
        terms=ledger.terms[::-1],
        sessions=ledger.sessions[::-1],
        sectors=ledger.sectors[::-1],
        units=ledger.units[::-1],
        special_committees=ledger.special_committees[::-1],
        activity_groups=ledger.activity_groups[::-1],
        members=ledger.members[::-1],
        activities=tuple(
            attrs.evolve(a, attendance=a.attendance[::-1]) for a in ledger.activities[::-1]
        ),
        proposals=ledger.proposals[::-1],
        info_reports=ledger.info_reports[::-1],
        contributions=ledger.contributions[::-1],
        work_plans=ledger.work_plans[::-1],
        inputs=ledger.inputs[::-1],
    )


def _non_negative(value: Value) -> bool:
    if isinstance(value, Points | PerUnit):
        return value.points >= 0
    if isinstance(value, ByStatus | ByRole | ByLevel):
        return min(value.table.values()) >= 0 and value.default >= 0
    if isinstance(value, ByStage):
        return min(value.table.values()) >= 0
    if isinstance(value, ByPosition):
        return value.first >= 0 and value.others >= 0
    if isinstance(value, FullOrPartial):
        return value.full >= 0 and value.partial >= 0
    return False  # an escape-hatch function: nothing can be said


def _positive_only_sources(rule_set: RuleSet) -> set[Source]:
    sources = set(Source) - {Source.INPUT}  # given figures are not records one can remove
    for item in rule_set.items():
        if not _non_negative(item.value):
            sources.discard(item.where.source)
    return sources


def _without(ledger: Ledger, source: Source, record_id: str) -> Ledger | None:
    if source is Source.CONTRIBUTION:
        return attrs.evolve(
            ledger, contributions=tuple(c for c in ledger.contributions if c.id != record_id)
        )
    if source is Source.INFO_REPORT:
        referenced = any(
            record_id in e.combined_with for r in ledger.info_reports for e in r.history
        )
        if referenced:
            return None
        return attrs.evolve(
            ledger, info_reports=tuple(r for r in ledger.info_reports if r.id != record_id)
        )
    if source is Source.PROPOSAL:
        parent = any(
            e.step is ProposalStep.MERGED and e.parent_id == record_id
            for p in ledger.proposals
            for e in p.history
        )
        if parent:
            return None
        return attrs.evolve(
            ledger, proposals=tuple(p for p in ledger.proposals if p.id != record_id)
        )
    return attrs.evolve(ledger, activities=tuple(a for a in ledger.activities if a.id != record_id))


def _bounds_problems(rule_set: RuleSet, assessment: Assessment) -> list[str]:
    problems: list[str] = []
    caps = {item.id: item.cap for item in rule_set.items()}
    categories = {c.id: c for c in rule_set.categories}
    for card in assessment.cards:
        points: dict[str, Fraction] = {}
        for category_card in card.categories:
            category = categories[category_card.category_id]
            points[category.id] = category_card.points
            if category.cap is not None and category_card.points > category.cap:
                problems.append(f"{card.member_id}: category {category.id} above its cap")
            if category.floor is not None and category_card.points < category.floor:
                problems.append(f"{card.member_id}: category {category.id} below its floor")
            for line in category_card.lines:
                cap = caps[line.item_id]
                if cap is not None and line.points > cap:
                    problems.append(f"{card.member_id}: line {line.item_id} above its cap")
        for pool in rule_set.pools:
            pooled = sum((points.get(c, Fraction(0)) for c in pool.categories), Fraction(0))
            reduction = sum(
                (a.before - a.after for a in card.adjustments if a.kind == "pool"), Fraction(0)
            )
            if pooled - reduction > pool.cap and pooled > pool.cap:
                problems.append(f"{card.member_id}: pool {pool.id} above its cap")
        expected = sum(points.values(), Fraction(0)) - sum(
            (a.before - a.after for a in card.adjustments if a.kind in ("pool", "dimension")),
            Fraction(0),
        )
        if card.total != expected:
            problems.append(f"{card.member_id}: total is not the sum of its categories")
    return problems


def conformance_problems(
    rule_set: RuleSet, ledger: Ledger, period: Period = _WHOLE_RANGE
) -> list[str]:
    """Every conformance property ``rule_set`` breaks on ``ledger``; empty when it conforms."""
    problems: list[str] = []
    first = assess(ledger, rule_set, period)
    if assess(ledger, rule_set, period).to_dict() != first.to_dict():
        problems.append("not deterministic: two assessments of one ledger differ")
    if assess(reversed_ledger(ledger), rule_set, period).to_dict() != first.to_dict():
        problems.append("depends on record order: the reversed ledger scores differently")
    problems.extend(_bounds_problems(rule_set, first))
    totals = first.totals()
    for source in sorted(_positive_only_sources(rule_set), key=lambda s: s.value):
        records: list[str] = {
            Source.CONTRIBUTION: [c.id for c in ledger.contributions],
            Source.INFO_REPORT: [r.id for r in ledger.info_reports],
            Source.PROPOSAL: [p.id for p in ledger.proposals],
            Source.ATTENDANCE: [a.id for a in ledger.activities],
        }[source]
        for record_id in records[:3]:
            smaller = _without(ledger, source, record_id)
            if smaller is None:
                continue
            for member_id, total in assess(smaller, rule_set, period).totals().items():
                if member_id in totals and total > totals[member_id]:
                    problems.append(
                        f"removing {source.value} {record_id!r} raised {member_id}'s total "
                        f"though only non-negative items score it"
                    )
    return problems


def needs_terms(rule_set: RuleSet) -> bool:
    """Whether ``rule_set`` counts over the term (届), so ledgers must record the terms."""
    windowed = (*rule_set.requirements, *rule_set.triggers)
    return any(getattr(block, "window", "period") == "term" for block in windowed)


def assert_conforms(
    rule_set: RuleSet,
    *,
    ledgers: SearchStrategy[Ledger] | None = None,
    period: Period = _WHOLE_RANGE,
    max_examples: int = 40,
    max_members: int = 6,
) -> None:
    """Check every conformance property on generated ledgers; raise AssertionError if one fails.

    Args:
        rule_set: the rule set to check.
        ledgers: a hypothesis strategy of the ledgers to check it on; by default
            :func:`cppcc_model.testing.strategies.ledgers` with members who join and leave,
            role tags, outside inputs, every kind of record and, when the rule set counts over
            the term (:func:`needs_terms`), consecutive terms covering ``period``.
        period: the assessment period (default: 2000 to 2035, every generated record).
        max_examples: how many ledgers hypothesis tries.
        max_members: the largest roster of the default ledgers.

    """
    from hypothesis import HealthCheck, given, settings

    from cppcc_model.testing import strategies

    if ledgers is None:
        ledgers = strategies.ledgers(
            min_members=1,
            max_members=max_members,
            max_records=8,
            term_span=period if needs_terms(rule_set) else None,
        )

    @settings(
        max_examples=max_examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(ledgers)
    def run(ledger: Ledger) -> None:
        problems = conformance_problems(rule_set, ledger, period)
        assert not problems, f"rule set {rule_set.name!r}: " + "; ".join(problems)

    run()
