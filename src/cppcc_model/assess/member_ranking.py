"""The member ranking offices publish: places, ties in 姓氏笔画 order, grades, sectors, groups.

:func:`rank_members` ranks the members of an :class:`~cppcc_model.assess.engine.Assessment`
by their exact totals and lists members who share a place in 姓氏笔画 order (a name whose
characters have no stroke data sorts after the others), then by id — the list ``cppcc rank``
prints. Each entry carries what a published list shows beside the name: the total as exact
text and as presented, the grade (等次), the sector (界别), the participating unit and the
activity group::

    from cppcc_model.assess import assess, rank_members

    result = assess(ledger, rules, period)
    ranking = rank_members(result, ledger)
    for entry in ranking.entries:
        print(entry.rank, entry.name, entry.display_total, entry.sector)
    payload = ranking.to_dict()  # plain data, ready for JSON
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import attrs

from cppcc_model.assess.engine import Assessment
from cppcc_model.assess.ranking import Ranking, RankMethod, rank
from cppcc_model.ledger import Ledger
from cppcc_model.names import StrokeOrder
from cppcc_model.numbers import format_fraction

__all__ = ["MemberRankEntry", "MemberRanking", "member_name_key", "rank_members"]

_ORDER = StrokeOrder(unknown="last")


def member_name_key(name: str) -> Any:
    """The 姓氏笔画 listing key of a name (characters without stroke data sort last)."""
    return (_ORDER.key(name), name)


@attrs.frozen
class MemberRankEntry:
    """One member's place: rank, tie, scores and the bodies a published list names."""

    rank: int
    tied: bool
    tied_count: int
    position: int
    member_id: str
    name: str
    total: Fraction
    display_total: str
    grade: str | None
    sector_id: str
    sector: str | None
    unit_id: str | None
    unit: str | None
    activity_group_id: str | None
    activity_group: str | None

    def to_dict(self) -> dict[str, Any]:
        """Plain data; ``total`` exact as text, ``display_total`` as presented."""
        return {
            "rank": self.rank,
            "tied": self.tied,
            "tied_count": self.tied_count,
            "position": self.position,
            "member_id": self.member_id,
            "name": self.name,
            "total": format_fraction(self.total),
            "display_total": self.display_total,
            "grade": self.grade,
            "sector_id": self.sector_id,
            "sector": self.sector,
            "unit_id": self.unit_id,
            "unit": self.unit,
            "activity_group_id": self.activity_group_id,
            "activity_group": self.activity_group,
        }


@attrs.frozen
class MemberRanking:
    """The members of one assessment, ranked; ``ranking`` is the underlying :class:`Ranking`."""

    rule_set: str
    period_start: str
    period_end: str
    as_of: str
    ranking: Ranking
    entries: tuple[MemberRankEntry, ...]

    @property
    def method(self) -> RankMethod:
        """How places were numbered."""
        return self.ranking.method

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-ready data: what was ranked, how, and every entry in order."""
        return {
            "by": "member",
            "rule_set": self.rule_set,
            "period": {"start": self.period_start, "end": self.period_end},
            "as_of": self.as_of,
            "method": self.ranking.method.value,
            "direction": self.ranking.direction.value,
            "entries": [entry.to_dict() for entry in self.entries],
        }


def rank_members(
    assessment: Assessment,
    ledger: Ledger,
    *,
    method: RankMethod | str = RankMethod.COMPETITION,
) -> MemberRanking:
    """Rank the assessed members by total, highest first; ties listed in 姓氏笔画 order.

    ``method`` numbers the places after a tie: competition (``1, 2, 2, 4``, the default) or
    dense (``1, 2, 2, 3``); ordinal gives every member a place of their own.

    The figures come from the assessment's totals and grades, so no explained score card is
    built; ``cppcc rank`` and :func:`~cppcc_model.outputs.results.member_results` list their
    rows from this ranking. A member whose card waits for an input has no total and no place
    (:meth:`~cppcc_model.assess.engine.Assessment.incomplete` lists them).

    Raises:
        UnknownRecordError: when the assessment names a member the ledger does not hold.
        UnknownLabelError: for an unknown method.

    """
    # the assessment's figures, not its explained cards: ranking builds no card
    totals, grades = assessment.totals(), assessment.grades()
    names = {member_id: ledger.member(member_id).name for member_id in totals}
    present = assessment.rule_set.rounding.present
    ranking = rank(
        totals,
        method=RankMethod.parse(method),
        list_key=lambda member_id: member_name_key(names[member_id]),
    )
    sectors = {sector.id: sector.name for sector in ledger.sectors}
    units = {unit.id: unit.short_name for unit in ledger.units}
    groups = {group.id: group.name for group in ledger.activity_groups}
    entries = []
    for entry in ranking:
        member = ledger.member(entry.subject_id)
        total = totals[member.id]
        entries.append(
            MemberRankEntry(
                rank=entry.rank,
                tied=entry.tied,
                tied_count=entry.tied_count,
                position=entry.position,
                member_id=member.id,
                name=member.name,
                total=total,
                display_total=str(present(total)),
                grade=grades[member.id],
                sector_id=member.sector_id,
                sector=sectors.get(member.sector_id),
                unit_id=member.unit_id,
                unit=units.get(member.unit_id) if member.unit_id else None,
                activity_group_id=member.activity_group_id,
                activity_group=groups.get(member.activity_group_id)
                if member.activity_group_id
                else None,
            )
        )
    return MemberRanking(
        rule_set=assessment.rule_set.name,
        period_start=assessment.period.start.isoformat(),
        period_end=assessment.period.end.isoformat(),
        as_of=assessment.as_of.isoformat(),
        ranking=ranking,
        entries=tuple(entries),
    )
