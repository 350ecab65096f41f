"""One award, start to finish: candidates for each period it looks at, denominators, selection.

:func:`run_award` is what ``cppcc awards`` does for each award of a rule set, usable from
Python: it builds the candidates (for every period of an award with
:class:`~cppcc_model.rules.award_gates.Periods`, the earlier ones shifted back a year at a
time), works out the ``"submitted"`` and ``"filed"`` denominators of record awards, and selects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from cppcc_model.assess.award_candidates import Inputs, award_candidates, record_denominators
from cppcc_model.assess.award_results import AwardResult, Candidate
from cppcc_model.assess.awards import select_over_periods, select_winners
from cppcc_model.assess.engine import Assessment
from cppcc_model.assess.groups import GroupsAssessment
from cppcc_model.ledger import Ledger
from cppcc_model.model import Period
from cppcc_model.rules.awards import Award, AwardSubject

__all__ = ["earlier_periods", "run_award"]

MemberAssessments = Callable[[str | None, Period], Assessment]
"""(score rule set name or ``None`` for the award's own, period) → the member assessment."""

GroupAssessments = Callable[[Period], Mapping[str, GroupsAssessment]]
"""period → group-rule id → the group assessment."""


def _shift(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def earlier_periods(period: Period, count: int) -> list[Period]:
    """``count`` periods ending with ``period``, each a year before the next, oldest first."""
    return [
        Period(_shift(period.start, back), _shift(period.end, back))
        for back in range(count - 1, -1, -1)
    ]


def _label(period: Period) -> str:
    if period.start == dt.date(period.start.year, 1, 1) and period.end == dt.date(
        period.start.year, 12, 31
    ):
        return str(period.start.year)
    return str(period)


def run_award(
    award: Award,
    ledger: Ledger,
    period: Period,
    *,
    members: MemberAssessments,
    groups: GroupAssessments | None = None,
    inputs: Inputs | None = None,
) -> AwardResult:
    """Select the winners of ``award`` for ``period`` (and the earlier periods it looks at).

    Args:
        award: the award.
        ledger: the committee's records.
        period: the (last) period the award is for.
        members: gives the member assessment under a rule set for a period.
        groups: gives the group assessments for a period (awards to bodies).
        inputs: outside inputs exclusions may name (input key → subject ids); by default
            the ledger's inputs table for each period looked at.
    """
    periods = earlier_periods(period, award.periods.count if award.periods else 1)

    def candidates(one: Period) -> list[Candidate]:
        assessment = (
            members(award.score_rule_set, one)
            if award.subject is AwardSubject.MEMBER
            else members(None, one)
            if not award.subject.is_record or award.decided_on is None
            else None
        )
        return award_candidates(
            award,
            ledger,
            one,
            assessment=assessment,
            groups=groups(one) if groups is not None and award.subject.is_body else None,
            inputs=inputs,
        )

    by_label = {_label(one): one for one in periods}

    def select(chosen: Award, pool: Sequence[Candidate], label: str) -> AwardResult:
        return select_winners(
            chosen, pool, denominators=record_denominators(chosen, ledger, by_label[label])
        )

    if award.periods is None:
        return select(award, candidates(period), _label(period))
    per_period = [(_label(one), candidates(one)) for one in periods]
    return select_over_periods(award, per_period, select=select)
