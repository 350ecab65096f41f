"""Requirement reports: who meets the minimum requirements (六个一 …), item by item.

:func:`requirement_report` turns an assessment's requirement results into a table: one
:class:`RequirementRow` per member with each requirement met or not (and the count against the
number needed), and :func:`requirement_summary` aggregates them per body (activity group,
participating unit, sector, special committee, or the whole committee): how many members the body
has, and for each requirement how many met it — the "completion rate" offices publish.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import Any

import attrs

from cppcc_model.assess.engine import Assessment
from cppcc_model.ledger import Ledger
from cppcc_model.model import Member
from cppcc_model.numbers import format_fraction

__all__ = [
    "RequirementRow",
    "RequirementSummary",
    "requirement_report",
    "requirement_report_to_dict",
    "requirement_summary",
]


@attrs.frozen
class RequirementRow:
    """One member's requirements: ``items`` maps requirement id → (count, needed, met)."""

    member_id: str
    member_name: str
    items: dict[str, tuple[int, int, bool]]
    all_met: bool
    not_applicable: tuple[str, ...] = ()

    @property
    def missing(self) -> tuple[str, ...]:
        """The requirement ids not met, in rule-set order."""
        return tuple(
            rid
            for rid, (_, _, met) in self.items.items()
            if not met and rid not in self.not_applicable
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data."""
        return {
            "member_id": self.member_id,
            "member_name": self.member_name,
            "all_met": self.all_met,
            "items": {
                rid: {"count": count, "needed": needed, "met": met}
                | ({"applicable": False} if rid in self.not_applicable else {})
                for rid, (count, needed, met) in self.items.items()
            },
        }


def requirement_report(assessment: Assessment) -> tuple[RequirementRow, ...]:
    """One row per assessed member, in member-id order.

    ``all_met`` counts only binding requirements (mandatory or required), as
    :attr:`~cppcc_model.scorecard.ScoreCard.requirements_met` does; ``not_applicable`` lists
    the requirements that do not apply to the member (they are not counted in rates).
    """
    return tuple(
        RequirementRow(
            card.member_id,
            card.member_name,
            {r.requirement_id: (r.count, r.needed, r.met) for r in card.requirements},
            card.requirements_met,
            tuple(r.requirement_id for r in card.requirements if not r.applicable),
        )
        for card in assessment.figures().values()  # the plan's figures, no explained card
    )


@attrs.frozen
class RequirementSummary:
    """One body's completion: its assessed members, and per requirement how many met it.

    ``applicable`` counts, per requirement, the members it applies to; a requirement's rate is
    over them only (a 常委-only requirement's rate is over the body's 常委).
    """

    body_kind: str
    body_id: str
    body_name: str
    members: int
    met: dict[str, int]
    all_met: int
    applicable: dict[str, int] = attrs.field(factory=dict)

    def rate(self, requirement_id: str | None = None) -> Fraction:
        """The share of members meeting one requirement (or all of them); 0 with no members."""
        if requirement_id is None:
            return Fraction(self.all_met, self.members) if self.members else Fraction(0)
        among = self.applicable.get(requirement_id, self.members)
        return Fraction(self.met.get(requirement_id, 0), among) if among else Fraction(0)

    def to_dict(self) -> dict[str, Any]:
        """Plain data."""
        return {
            "kind": self.body_kind,
            "id": self.body_id,
            "name": self.body_name,
            "members": self.members,
            "all_met": self.all_met,
            "rate": format_fraction(self.rate()),
            "met": dict(self.met),
        }


def _bodies(ledger: Ledger, by: str) -> Iterable[tuple[str, str, list[Member]]]:
    members = list(ledger.members)
    if by == "committee":
        yield ledger.committee.id, ledger.committee.name, members
    elif by == "activity_group":
        for group in ledger.activity_groups:
            yield group.id, group.name, [m for m in members if m.activity_group_id == group.id]
    elif by == "unit":
        for unit in ledger.units:
            yield unit.id, unit.short_name, [m for m in members if m.unit_id == unit.id]
    elif by == "sector":
        for sector in ledger.sectors:
            yield sector.id, sector.name, [m for m in members if m.sector_id == sector.id]
    elif by == "special_committee":
        for committee in ledger.special_committees:
            yield (
                committee.id,
                committee.name,
                [m for m in members if committee.id in m.special_committee_ids],
            )
    else:
        from cppcc_model.errors import InvalidValueError

        raise InvalidValueError(
            f"cannot summarise requirements by {by!r}",
            hint="use committee, activity_group, unit, sector or special_committee",
        )


def requirement_summary(
    assessment: Assessment, ledger: Ledger, by: str = "activity_group"
) -> tuple[RequirementSummary, ...]:
    """Completion of every requirement per body (``by``), over the assessed members."""
    rows = {row.member_id: row for row in requirement_report(assessment)}
    ids = [r.id for r in assessment.rule_set.requirements]
    summaries = []
    for body_id, name, members in _bodies(ledger, by):
        assessed = [rows[m.id] for m in members if m.id in rows]
        summaries.append(
            RequirementSummary(
                by,
                body_id,
                name,
                len(assessed),
                {
                    rid: sum(
                        1
                        for row in assessed
                        if row.items.get(rid, (0, 0, False))[2] and rid not in row.not_applicable
                    )
                    for rid in ids
                },
                sum(1 for row in assessed if row.all_met),
                {rid: sum(1 for row in assessed if rid not in row.not_applicable) for rid in ids},
            )
        )
    return tuple(summaries)


def requirement_report_to_dict(
    assessment: Assessment, ledger: Ledger, *, by: Iterable[str] = ("activity_group",)
) -> dict[str, Any]:
    """The whole requirement report as plain, JSON-ready data.

    Gives the rule set, the period, each requirement (id, label, clause, strength, number
    needed), one row per assessed member (:meth:`RequirementRow.to_dict`), and for each body
    kind in ``by`` the completion per body (:meth:`RequirementSummary.to_dict`).

    Raises:
        InvalidValueError: for a body kind :func:`requirement_summary` does not know.

    """
    rule_set = assessment.rule_set
    return {
        "rule_set": rule_set.name,
        "period": {
            "start": assessment.period.start.isoformat(),
            "end": assessment.period.end.isoformat(),
        },
        "as_of": assessment.as_of.isoformat(),
        "requirements": [
            {
                "id": r.id,
                "label": r.label,
                "clause": r.clause,
                "strength": r.strength.value,
                "at_least": r.at_least,
            }
            for r in rule_set.requirements
        ],
        "members": [row.to_dict() for row in requirement_report(assessment)],
        "summaries": {
            kind: [s.to_dict() for s in requirement_summary(assessment, ledger, kind)]
            for kind in by
        },
    }
