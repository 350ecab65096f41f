"""Group expectations in golden cases (used by :mod:`cppcc_model.testing.golden`).

A golden case states a body's card under a group rule of the rule set in a top-level
``[groups.<group rule id>.<body id>]`` table::

    [groups.town_groups.shuanggou]        # a group rule, by id; a body, by id
    total = "452/3"                       # exact, as every expected number
    per_capita = "113/3"
    rank = 1                              # competition rank among the rule's bodies, by total
    categories = { proposals = "30" }     # group category id → points
    lines = { "proposals.filed" = "10" }  # group item id → points
    measures = { "proposals.filed" = "5" }  # group item id → what it measured
    requirements = { study = true }       # group requirement id → met?

A mismatch names the group rule and its clause, the body, the figure, expected and actual, and
the records behind the measure.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from fractions import Fraction

import attrs

from cppcc_model.assess.engine import Assessment
from cppcc_model.assess.groups import GroupCard, GroupsAssessment, assess_groups
from cppcc_model.assess.ranking import rank
from cppcc_model.errors import CppccError
from cppcc_model.ledger import Ledger
from cppcc_model.numbers import exact, format_fraction
from cppcc_model.rules.ruleset import RuleSet

__all__ = ["GroupExpectation", "group_expectations", "group_mismatches"]

_KEYS = {"total", "per_capita", "rank", "categories", "lines", "measures", "requirements"}

Fail = Callable[[str, str], Exception]


@attrs.frozen
class GroupExpectation:
    """What one body's card under one group rule must show in a golden case."""

    rules_id: str
    subject_id: str
    total: Fraction | None = None
    per_capita: Fraction | None = None
    rank: int | None = None
    categories: dict[str, Fraction] = attrs.field(factory=dict)
    lines: dict[str, Fraction] = attrs.field(factory=dict)
    measures: dict[str, Fraction] = attrs.field(factory=dict)
    requirements: dict[str, bool] = attrs.field(factory=dict)


def _number(value: object, key: str, fail: Fail) -> Fraction:
    if isinstance(value, float):
        raise fail(f'{key}: write numbers as text ("12.5"), not floats', key)
    try:
        return exact(value, what=key)
    except CppccError as error:
        raise fail(error.message, key) from None


def _numbers(table: object, key: str, fail: Fail) -> dict[str, Fraction]:
    if not isinstance(table, Mapping):
        raise fail(f"{key} must be a table of id → number", key)
    return {str(k): _number(v, f"{key}.{k}", fail) for k, v in table.items()}


def _expectation(rules_id: str, subject_id: str, table: object, fail: Fail) -> GroupExpectation:
    key = f"groups.{rules_id}.{subject_id}"
    if not isinstance(table, Mapping):
        raise fail(f"{key} must be a table", key)
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise fail(f"{key} has unknown keys: {', '.join(unknown)}", key)
    position = table.get("rank")
    if position is not None and (
        isinstance(position, bool) or not isinstance(position, int) or position < 1
    ):
        raise fail(f"{key}.rank must be a whole number from 1", key)
    requirements = table.get("requirements", {})
    if not isinstance(requirements, Mapping) or not all(
        isinstance(v, bool) for v in requirements.values()
    ):
        raise fail(f"{key}.requirements must map requirement ids to true or false", key)
    return GroupExpectation(
        rules_id,
        subject_id,
        total=None if "total" not in table else _number(table["total"], f"{key}.total", fail),
        per_capita=None
        if "per_capita" not in table
        else _number(table["per_capita"], f"{key}.per_capita", fail),
        rank=position,
        categories=_numbers(table.get("categories", {}), f"{key}.categories", fail),
        lines=_numbers(table.get("lines", {}), f"{key}.lines", fail),
        measures=_numbers(table.get("measures", {}), f"{key}.measures", fail),
        requirements={str(k): v for k, v in requirements.items()},
    )


def group_expectations(data: object, fail: Fail) -> tuple[GroupExpectation, ...]:
    """Read the ``[groups]`` table; ``fail(message, key)`` builds the error to raise."""
    if not isinstance(data, Mapping):
        raise fail("[groups] must have a table per group rule id", "groups")
    found: list[GroupExpectation] = []
    for rules_id, bodies in sorted(data.items()):
        if not isinstance(bodies, Mapping) or not bodies:
            raise fail(f"groups.{rules_id} must have a table per body id", f"groups.{rules_id}")
        found.extend(
            _expectation(str(rules_id), str(subject_id), table, fail)
            for subject_id, table in sorted(bodies.items())
        )
    return tuple(found)


def _records(card: GroupCard, item_id: str) -> str:
    records = card.line(item_id).records
    return f" [records: {', '.join(records) or 'none'}]"


def _card_mismatches(
    expected: GroupExpectation, card: GroupCard, ranks: Mapping[str, int], prefix: str
) -> list[str]:
    found: list[str] = []
    if expected.total is not None and card.total != expected.total:
        found.append(
            f"{prefix}: total {format_fraction(card.total)}, "
            f"expected {format_fraction(expected.total)}"
        )
    if expected.per_capita is not None and card.per_capita != expected.per_capita:
        found.append(
            f"{prefix}: per capita {format_fraction(card.per_capita)}, "
            f"expected {format_fraction(expected.per_capita)}"
        )
    if expected.rank is not None and ranks.get(card.subject.id) != expected.rank:
        found.append(f"{prefix}: rank {ranks.get(card.subject.id)}, expected {expected.rank}")
    for category_id, points in expected.categories.items():
        try:
            actual = card.category_points(category_id)
        except KeyError:
            found.append(f"{prefix}: no group category {category_id!r}")
            continue
        if actual != points:
            found.append(
                f"{prefix}: category {category_id} {format_fraction(actual)}, "
                f"expected {format_fraction(points)}"
            )
    for figures, what in ((expected.lines, "points"), (expected.measures, "measure")):
        for item_id, value in figures.items():
            try:
                line = card.line(item_id)
            except KeyError:
                found.append(f"{prefix}: no group item {item_id!r}")
                continue
            actual = line.points if what == "points" else line.measure
            if actual != value:
                clause = f" ({line.clause})" if getattr(line, "clause", None) else ""
                found.append(
                    f"{prefix}: item {item_id}{clause} {what} {format_fraction(actual)}, "
                    f"expected {format_fraction(value)}{_records(card, item_id)}"
                )
    results = {r.requirement_id: r for r in card.requirements}
    for requirement_id, met in expected.requirements.items():
        result = results.get(requirement_id)
        if result is None:
            found.append(f"{prefix}: no group requirement {requirement_id!r}")
        elif result.met is not met:
            found.append(
                f"{prefix}: requirement {requirement_id} {'met' if result.met else 'not met'} "
                f"({format_fraction(result.measure)}/{format_fraction(result.needed)}), "
                f"expected {'met' if met else 'not met'} "
                f"[records: {', '.join(result.records) or 'none'}]"
            )
    return found


def group_mismatches(
    expectations: tuple[GroupExpectation, ...],
    ledger: Ledger,
    rule_set: RuleSet,
    members: Assessment,
) -> list[str]:
    """Every difference between the group expectations and the group rules' cards."""
    if not expectations:
        return []
    rules = {g.id: g for g in rule_set.group_rules}
    assessed: dict[str, GroupsAssessment] = {}
    found: list[str] = []
    for expected in expectations:
        group_rules = rules.get(expected.rules_id)
        if group_rules is None:
            found.append(
                f"group rule {expected.rules_id}: the rule set has no such group rule "
                f"(it has: {', '.join(sorted(rules)) or 'none'})"
            )
            continue
        if expected.rules_id not in assessed:
            assessed[expected.rules_id] = assess_groups(
                ledger, group_rules, members.period, members=members, as_of=members.as_of
            )
        result = assessed[expected.rules_id]
        prefix = f"group rule {group_rules.id} ({group_rules.label}"
        prefix += f", {group_rules.clause})" if group_rules.clause else ")"
        prefix += f", {expected.subject_id}"
        try:
            card = result.card(expected.subject_id)
        except CppccError:
            assessed_ids = ", ".join(c.subject.id for c in result.cards) or "none"
            found.append(f"{prefix}: not assessed (assessed: {assessed_ids})")
            continue
        ranks: dict[str, int] = {e.subject_id: e.rank for e in rank(result.totals())}
        found += _card_mismatches(expected, card, ranks, prefix)
    return found
