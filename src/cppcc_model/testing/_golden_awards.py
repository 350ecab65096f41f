"""Award expectations in golden cases (used by :mod:`cppcc_model.testing.golden`).

A golden case states an award's outcome under a top-level ``[awards.<award id>]`` table::

    [awards.excellent_member]
    winners = ["a", "b"]                  # exactly these ids win (any order)
    quota = 3                             # optional: the target number of winners
    left_out = { c = "tie", d = "担任副主席" }

``left_out`` maps a candidate id to its stage (``eligibility``, ``gate``, ``score``, ``tie``,
``quota``, ``composition``, ``periods``) or to words its Chinese or English reason contains.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from cppcc_model.assess.award_results import STAGES, AwardResult
from cppcc_model.assess.award_run import run_award
from cppcc_model.assess.engine import Assessment, assess
from cppcc_model.assess.groups import GroupsAssessment, assess_groups
from cppcc_model.ledger import Ledger
from cppcc_model.model import Period
from cppcc_model.rules.ruleset import RuleSet

__all__ = ["AwardExpectation", "award_expectations", "award_mismatches"]

_KEYS = {"winners", "quota", "left_out"}


@attrs.frozen
class AwardExpectation:
    """What one award must give in a golden case."""

    award_id: str
    winners: tuple[str, ...] | None = None
    quota: int | None = None
    left_out: dict[str, str] = attrs.field(factory=dict)


def award_expectations(data: object, fail: Any) -> tuple[AwardExpectation, ...]:
    """Read the ``[awards]`` table; ``fail(message, key)`` builds the error to raise."""
    if not isinstance(data, Mapping):
        raise fail("[awards] must have a table per award id", "awards")
    found = []
    for award_id, table in sorted(data.items()):
        key = f"awards.{award_id}"
        if not isinstance(table, Mapping):
            raise fail(f"{key} must be a table", key)
        unknown = sorted(set(table) - _KEYS)
        if unknown:
            raise fail(f"{key} has unknown keys: {', '.join(unknown)}", key)
        winners = table.get("winners")
        if winners is not None and (
            not isinstance(winners, list) or not all(isinstance(w, str) for w in winners)
        ):
            raise fail(f"{key}.winners must be a list of candidate ids", key)
        quota = table.get("quota")
        if quota is not None and (isinstance(quota, bool) or not isinstance(quota, int)):
            raise fail(f"{key}.quota must be a whole number", key)
        left_out = table.get("left_out", {})
        if not isinstance(left_out, Mapping) or not all(
            isinstance(v, str) for v in left_out.values()
        ):
            raise fail(f"{key}.left_out must map candidate ids to a stage or a reason", key)
        found.append(
            AwardExpectation(
                str(award_id),
                None if winners is None else tuple(winners),
                quota,
                {str(k): v for k, v in left_out.items()},
            )
        )
    return tuple(found)


def _results(
    ledger: Ledger, rule_set: RuleSet, period: Period, as_of: dt.date | None
) -> dict[str, AwardResult]:
    members: dict[Period, Assessment] = {}
    groups: dict[Period, dict[str, GroupsAssessment]] = {}

    def members_in(_name: str | None, one: Period) -> Assessment:
        if one not in members:
            members[one] = assess(ledger, rule_set, one, as_of=as_of if one == period else None)
        return members[one]

    def groups_in(one: Period) -> dict[str, GroupsAssessment]:
        if one not in groups:
            base = members_in(None, one)
            groups[one] = {
                g.id: assess_groups(ledger, g, one, members=base) for g in rule_set.group_rules
            }
        return groups[one]

    return {
        award.id: run_award(award, ledger, period, members=members_in, groups=groups_in)
        for award in rule_set.awards
    }


def award_mismatches(
    expectations: tuple[AwardExpectation, ...],
    ledger: Ledger,
    rule_set: RuleSet,
    period: Period,
    as_of: dt.date | None,
) -> list[str]:
    """Every difference between the award expectations and what the awards give."""
    if not expectations:
        return []
    results = _results(ledger, rule_set, period, as_of)
    found: list[str] = []
    for expected in expectations:
        result = results.get(expected.award_id)
        if result is None:
            found.append(
                f"award {expected.award_id}: the rule set has no such award "
                f"(it has: {', '.join(sorted(results)) or 'none'})"
            )
            continue
        prefix = f"award {expected.award_id} ({result.award.label}"
        prefix += f", {result.award.clause})" if result.award.clause else ")"
        winners = sorted(w.id for w in result.winners)
        if expected.winners is not None and winners != sorted(expected.winners):
            found.append(f"{prefix}: winners {winners}, expected {sorted(expected.winners)}")
        if expected.quota is not None and result.quota != expected.quota:
            found.append(f"{prefix}: quota {result.quota}, expected {expected.quota}")
        out = {n.id: n for n in result.not_selected}
        for candidate, what in expected.left_out.items():
            left = out.get(candidate)
            if left is None:
                state = "won" if candidate in winners else "is no candidate"
                found.append(f"{prefix}: {candidate} {state}, expected left out ({what})")
            elif not (
                (what in STAGES and left.stage == what)
                or (what not in STAGES and (what in left.reason_zh or what in left.reason))
            ):
                found.append(
                    f"{prefix}: {candidate} left out at {left.stage}: "
                    f"{left.reason_zh} / {left.reason}; expected {what!r}"
                )
    return found
