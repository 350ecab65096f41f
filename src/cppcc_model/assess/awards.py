"""Selecting award winners under quotas and composition constraints (表彰评选).

:func:`award_candidates` turns an :class:`~cppcc_model.rules.awards.Award` and the results of an
assessment into :class:`Candidate` objects — each with its score, its tags, and, if it may not
win, the reason. :func:`select_winners` then picks the winners:

1. the eligible candidates are ranked by score (highest first; equal scores in 姓氏笔画 order,
   then id, so the order never depends on input order);
2. the quota is taken from the top; a tie straddling the cut is dropped whole (``ties="exclude"``)
   or decided by name order (``ties="name_order"``) — the quota is never exceeded;
3. each composition constraint is repaired if short: the lowest-ranked winners without the tag
   make way for the highest-ranked candidates with it (全国政协 example B); if not enough
   candidates carry the tag, :class:`AwardConstraintError` says so.

The :class:`AwardResult` lists the winners and, for every candidate not selected, why; its
:meth:`~AwardResult.notice` is the public-notice (公示) list in name order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs

from cppcc_model.assess.engine import Assessment
from cppcc_model.assess.groups import GroupsAssessment, facts_by_body
from cppcc_model.errors import CppccError, Location
from cppcc_model.ledger import Ledger
from cppcc_model.model import Period, ProposerKind
from cppcc_model.names import StrokeOrder
from cppcc_model.numbers import format_fraction
from cppcc_model.rules.awards import Award, AwardSubject
from cppcc_model.rules.facts import FactContext, facts_for_member
from cppcc_model.scorecard import ScoreCard

__all__ = [
    "AwardConstraintError",
    "AwardResult",
    "Candidate",
    "NotSelected",
    "Winner",
    "award_candidates",
    "select_winners",
]


class AwardConstraintError(CppccError):
    """A composition constraint cannot be met by the candidates there are."""


@attrs.frozen
class Candidate:
    """One candidate for an award: its score, tags, and whether (and why not) it may win."""

    id: str
    name: str
    score: Fraction
    tags: frozenset[str] = frozenset()
    eligible: bool = True
    reason: str | None = None


@attrs.frozen
class Winner:
    """A winner, with its place in the ranking of eligible candidates."""

    id: str
    name: str
    score: Fraction
    place: int


@attrs.frozen
class NotSelected:
    """A candidate that did not win, and why."""

    id: str
    name: str
    score: Fraction
    reason: str


@attrs.frozen
class AwardResult:
    """The winners of one award and the reasons every other candidate did not win."""

    award: Award
    quota: int
    winners: tuple[Winner, ...]
    not_selected: tuple[NotSelected, ...]

    def notice(self) -> tuple[str, ...]:
        """The winners' names in 姓氏笔画 order, for the public notice (公示)."""
        order = StrokeOrder(unknown="last")
        return tuple(sorted((w.name for w in self.winners), key=lambda n: _name_key(n, order)))

    def to_dict(self) -> dict[str, Any]:
        """Plain data."""
        return {
            "award": self.award.id,
            "label": self.award.label,
            "quota": self.quota,
            "winners": [
                {"id": w.id, "name": w.name, "score": format_fraction(w.score), "place": w.place}
                for w in self.winners
            ],
            "not_selected": [
                {"id": n.id, "name": n.name, "score": format_fraction(n.score), "reason": n.reason}
                for n in self.not_selected
            ],
            "notice": list(self.notice()),
        }


def _name_key(name: str, order: StrokeOrder) -> tuple[Any, ...]:
    """The 姓氏笔画 key of ``name``; a text that is no name at all sorts last, by itself."""
    try:
        return (0, order.key(name), name)
    except CppccError:
        return (1, (), name)


def _order_key(candidate: Candidate, order: StrokeOrder) -> tuple[Any, ...]:
    return (-candidate.score, _name_key(candidate.name, order), candidate.id)


def select_winners(
    award: Award, candidates: Sequence[Candidate], *, population: int | None = None
) -> AwardResult:
    """Pick the winners of ``award`` among ``candidates`` (see the module docstring).

    ``population`` is the denominator of a quota that is a share of the population (default:
    the number of candidates, eligible or not).

    Raises:
        AwardConstraintError: a composition constraint cannot be met.
    """
    order = StrokeOrder(unknown="last")
    reasons: dict[str, str] = {}
    eligible: list[Candidate] = []
    for candidate in candidates:
        if not candidate.eligible:
            reasons[candidate.id] = (
                f"not eligible: {candidate.reason or 'does not meet the criteria'}"
            )
        elif award.minimum_score is not None and candidate.score < award.minimum_score:
            reasons[candidate.id] = (
                f"score {format_fraction(candidate.score)} is below the minimum "
                f"{format_fraction(award.minimum_score)}"
            )
        else:
            eligible.append(candidate)
    ranked = sorted(eligible, key=lambda c: _order_key(c, order))
    places: dict[str, int] = {}
    for index, candidate in enumerate(ranked):
        previous = ranked[index - 1] if index else None
        places[candidate.id] = (
            places[previous.id]
            if previous is not None and previous.score == candidate.score
            else index + 1
        )
    quota = award.quota.size(
        len(eligible), population if population is not None else len(candidates)
    )
    chosen = ranked[:quota]
    if 0 < quota < len(ranked) and ranked[quota].score == ranked[quota - 1].score:
        tied_score = ranked[quota].score
        if award.ties == "exclude":
            for candidate in ranked:
                if candidate.score == tied_score:
                    reasons[candidate.id] = (
                        f"tied at {format_fraction(tied_score)} across the quota of {quota}; "
                        "a tie at the cut wins nothing (ties='exclude')"
                    )
            chosen = [c for c in chosen if c.score != tied_score]
        else:
            for candidate in ranked[quota:]:
                if candidate.score == tied_score:
                    reasons[candidate.id] = "tied at the cut; decided by name order (姓氏笔画)"
    for constraint in award.composition:
        needed = constraint.needed(len(chosen))
        have = [c for c in chosen if constraint.tag in c.tags]
        if len(have) >= needed:
            continue
        pool = [c for c in ranked if c not in chosen and constraint.tag in c.tags]
        missing = needed - len(have)
        if len(pool) < missing:
            raise AwardConstraintError(
                f"award {award.id!r}: {constraint.label} needs {needed} of {len(chosen)} "
                f"winners tagged {constraint.tag!r}, but only {len(have) + len(pool)} "
                "eligible candidates are",
                where=Location(clause=award.clause),
                hint="lower the share, widen the eligibility, or accept fewer winners",
            )
        others = [c for c in chosen if constraint.tag not in c.tags]
        out = others[-missing:]
        for candidate in out:
            reasons[candidate.id] = (
                f"ranked {places[candidate.id]}, displaced so that {constraint.label} "
                f"({needed} of {len(chosen)}) holds"
            )
        chosen = [c for c in chosen if c not in out] + pool[:missing]
        chosen.sort(key=lambda c: _order_key(c, order))
    chosen_ids = {c.id for c in chosen}
    for candidate in ranked:
        if candidate.id not in chosen_ids and candidate.id not in reasons:
            reasons[candidate.id] = f"ranked {places[candidate.id]}, below the quota of {quota}"
    winners = tuple(Winner(c.id, c.name, c.score, places[c.id]) for c in chosen)
    by_id = {c.id: c for c in candidates}
    not_selected = tuple(
        NotSelected(cid, by_id[cid].name, by_id[cid].score, reason)
        for cid, reason in sorted(
            reasons.items(), key=lambda pair: _order_key(by_id[pair[0]], order)
        )
        if cid not in chosen_ids
    )
    return AwardResult(award, quota, winners, not_selected)


def _member_score(card: ScoreCard, score: str) -> Fraction:
    if score == "total":
        return card.total
    kind, _, ident = score.partition(":")
    try:
        return card.category(ident).points if kind == "category" else card.line(ident).points
    except KeyError:
        raise CppccError(
            f"the score card has no {kind} {ident!r}",
            where=Location(rule_set=card.rule_set, record_id=card.member_id),
            hint="check the award's score against the rule set's category and item ids",
        ) from None


def award_candidates(
    award: Award,
    ledger: Ledger,
    period: Period,
    *,
    assessment: Assessment | None = None,
    groups: Mapping[str, GroupsAssessment] | None = None,
) -> list[Candidate]:
    """The candidates for ``award`` in ``period``, scored, tagged, and checked for eligibility.

    ``assessment`` (the member assessment under the award's rule set, or under
    ``award.score_rule_set``) is needed for member awards; ``groups`` (group-rule id →
    result) for group and unit awards.
    """
    subject = award.subject
    if subject is AwardSubject.MEMBER:
        if assessment is None:
            raise CppccError(
                f"award {award.id!r} ranks members, so it needs their assessment",
                hint="pass assessment=assess(ledger, rule_set, period)",
            )
        context = FactContext.of(ledger, assessment.as_of)
        candidates = []
        for card in assessment.cards:
            member = ledger.member(card.member_id)
            reason = None
            met = {r.requirement_id for r in card.requirements if r.met}
            missing = [r for r in award.requires if r not in met]
            held = [r for r in award.exclude_roles if member.held_during(r, period)]
            if held:
                reason = "holds " + "、".join(r.label for r in held)
            elif missing:
                reason = "did not meet " + ", ".join(missing)
            elif award.grades and card.grade not in award.grades:
                reason = f"grade {card.grade} is not {' or '.join(award.grades)}"
            elif award.where is not None:
                facts = facts_for_member(ledger.records_of(member.id), period, context)
                if not any(award.where.matches(f) for f in facts):
                    reason = f"has no record of {award.where.describe()}"
            candidates.append(
                Candidate(
                    member.id,
                    member.name,
                    _member_score(card, award.score),
                    eligible=reason is None,
                    reason=reason,
                )
            )
        return candidates
    if subject in (AwardSubject.ACTIVITY_GROUP, AwardSubject.UNIT):
        result = (groups or {}).get(award.group_rules or "")
        if result is None:
            raise CppccError(
                f"award {award.id!r} needs the results of group rule {award.group_rules!r}",
                hint="pass groups={rule_id: assess_groups(...)}",
            )
        return [
            Candidate(
                card.subject.id,
                card.subject.name,
                card.total
                if award.score == "total"
                else card.per_capita
                if award.score == "per_capita"
                else card.category_points(award.score.partition(":")[2]),
            )
            for card in result.cards
        ]
    return _record_candidates(award, ledger, period, assessment)


def _record_candidates(
    award: Award, ledger: Ledger, period: Period, assessment: Assessment | None
) -> list[Candidate]:
    as_of = assessment.as_of if assessment is not None else period.end
    context = FactContext.of(ledger, as_of)
    source = {
        AwardSubject.PROPOSAL: "proposal",
        AwardSubject.INFO_REPORT: "info_report",
        AwardSubject.CONTRIBUTION: "contribution",
    }[award.subject]
    facts: dict[str, Any] = {}
    for records in ledger.iter_member_records():
        for fact in facts_for_member(records, period, context):
            if fact.source.value == source and fact.position == 0:
                facts.setdefault(fact.record_id, fact)
    for body_facts in facts_by_body(ledger, period, context).values():
        for fact in body_facts:
            if fact.source.value == source:
                facts.setdefault(fact.record_id, fact)
    titles: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for proposal in ledger.proposals:
        titles[proposal.id] = proposal.subject
        kinds[proposal.id] = proposal.proposer_kind.value
    for report in ledger.info_reports:
        titles[report.id] = report.title
    for contribution in ledger.contributions:
        titles[contribution.id] = contribution.title
    assert award.value is not None
    candidates = []
    for record_id, fact in sorted(facts.items()):
        tags = {kinds[record_id]} if record_id in kinds else set()
        if fact.collective or kinds.get(record_id) == ProposerKind.COLLECTIVE.value:
            tags.add("collective")
        matches = award.where is None or award.where.matches(fact)
        candidates.append(
            Candidate(
                record_id,
                titles.get(record_id, record_id),
                award.value.of(fact),
                frozenset(tags),
                eligible=matches,
                reason=None
                if matches
                else f"does not match {award.where.describe() if award.where else ''}",
            )
        )
    return candidates
