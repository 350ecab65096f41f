"""The candidates of an award: scored, tagged, with tie-breaking figures and eligibility.

Members come from their score cards (under the award's rule set or ``score_rule_set``); bodies
(activity groups, units, sectors, special committees) from a group rule's cards; records
(proposals, 社情民意 items, contributions) from the ledger, valued by the award's value block.
Every reason a candidate may not win is given in Chinese and English.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Mapping
from fractions import Fraction
from typing import Any

from cppcc_model.assess.award_results import Candidate
from cppcc_model.assess.engine import Assessment
from cppcc_model.assess.figures import MemberFigures
from cppcc_model.assess.groups import GroupCard, GroupsAssessment, facts_by_body
from cppcc_model.engine import evaluate
from cppcc_model.errors import CppccError, Location
from cppcc_model.ledger import Ledger
from cppcc_model.model import Member, Period, ProposerKind
from cppcc_model.rules.award_gates import AllOfRecords, AnyOfRecords
from cppcc_model.rules.awards import Award, AwardSubject
from cppcc_model.rules.facts import Fact, FactContext, Stage, facts_for_member
from cppcc_model.scorecard import ScoreCard

__all__ = ["award_candidates", "inputs_held", "record_denominators"]

Inputs = Mapping[str, Collection[str]]
"""Outside inputs an exclusion may name: input key → the ids of the subjects that have it."""


def inputs_held(ledger: Ledger, period: Period) -> dict[str, frozenset[str]]:
    """The ledger's outside inputs (评分录入) that hold in ``period``: key → subject ids.

    An input holds when its period overlaps ``period`` and its value is not zero (a finding is
    recorded as 1, its absence as 0 or no row). This is what an
    :class:`~cppcc_model.rules.award_gates.Exclusion` with ``input=`` reads when no ``inputs``
    are passed.
    """
    held: dict[str, set[str]] = {}
    for given in ledger.inputs:
        if given.value != 0 and given.period.overlaps(period):
            held.setdefault(given.key, set()).add(given.subject_id)
    return {key: frozenset(ids) for key, ids in held.items()}


def _member_score(
    figures: MemberFigures, score: str, explain: Callable[[], ScoreCard], rule_set: str
) -> Fraction:
    """A member's score for an award: the total, a category's points, or (explained) a line's."""
    if score == "total":
        return figures.total
    kind, _, ident = score.partition(":")
    try:
        if kind == "category":
            return figures.categories[ident]
        return explain().line(ident).points  # only a line's points need the explained card
    except KeyError:
        raise CppccError(
            f"the score card has no {kind} {ident!r}",
            where=Location(rule_set=rule_set, record_id=figures.member_id),
            hint="check the award's score against the rule set's category and item ids",
        ) from None


def _group_score(card: GroupCard, score: str) -> Fraction:
    if score == "total":
        return card.total
    if score == "per_capita":
        return card.per_capita
    return card.category_points(score.partition(":")[2])


def _member_reason(
    award: Award,
    member: Member,
    card: MemberFigures,
    period: Period,
    facts: list[Fact],
    inputs: Inputs,
) -> tuple[str, str] | None:
    """(English, Chinese) why ``member`` may not win, or ``None``."""
    if not card.complete:  # an input pending: no total, so no place in a ranking
        waiting = "；".join(card.pending)
        return (f"score card incomplete (pending: {waiting})", f"待定（{waiting}），暂不参评")
    held = [r for r in award.exclude_roles if member.held_during(r, period)]
    if held:
        return (
            "holds " + ", ".join(r.value for r in held),
            "担任" + "、".join(r.label for r in held) + "，不参加评选",
        )
    flags = set(card.flags)
    for exclusion in award.exclude:
        hit = (
            exclusion.flag in flags
            if exclusion.flag is not None
            else member.held_during(exclusion.role, period)
            if exclusion.role is not None
            else member.id in inputs.get(exclusion.input, ())
            if exclusion.input is not None
            else exclusion.where is not None
            and any(evaluate.matches(exclusion.where, f) for f in facts)
        )
        if hit:
            clause = f" ({exclusion.clause})" if exclusion.clause else ""
            return (
                f"excluded: {exclusion.describe_en()}{clause}",
                f"{exclusion.reason}{clause}，不得参评",
            )
    met = {r.requirement_id for r in card.requirements if r.met}
    missing = [r for r in award.requires if r not in met]
    if missing:
        return ("did not meet " + ", ".join(missing), "未达到要求：" + "、".join(missing))
    if award.grades and card.grade not in award.grades:
        return (
            f"grade {card.grade} is not {' or '.join(award.grades)}",
            f"等次为{card.grade or '无'}，须为{'或'.join(award.grades)}",
        )
    selection = award.where
    if isinstance(selection, AllOfRecords):
        lacking = evaluate.records_missing(selection, facts)
        if lacking:
            text = " and ".join(w.describe() for w in lacking)
            return (f"has no record of {text}", f"缺少{'、'.join(w.describe() for w in lacking)}")
    elif isinstance(selection, AnyOfRecords):
        if not evaluate.records_hold(selection, facts):
            return (
                f"has no record of {selection.describe()}",
                f"无{selection.describe()}",
            )
    elif selection is not None and not any(evaluate.matches(selection, f) for f in facts):
        return (f"has no record of {selection.describe()}", f"无{selection.describe()}记录")
    return None


def _member_keys(
    award: Award, score: Callable[[str], Fraction], facts: list[Fact]
) -> dict[str, Fraction]:
    keys: dict[str, Fraction] = {}
    for breaker in award.tie_breakers:
        if breaker.by == "records":
            assert breaker.where is not None
            matching = {f.record_id for f in facts if evaluate.matches(breaker.where, f)}
            keys[breaker.by] = Fraction(len(matching))
        elif breaker.by != "per_capita":
            keys[breaker.by] = score(breaker.by)
    return keys


def _reads_records(award: Award) -> bool:
    """Whether choosing among members reads their records (else their figures suffice)."""
    return (
        award.where is not None
        or any(e.where is not None for e in award.exclude)
        or any(b.by == "records" for b in award.tie_breakers)
    )


def _member_candidates(
    award: Award, ledger: Ledger, period: Period, assessment: Assessment, inputs: Inputs
) -> list[Candidate]:
    as_of = award.stages_as_of(period) if award.decided_on else assessment.as_of
    reads_records = _reads_records(award)
    context = FactContext.of(ledger, as_of) if reads_records else None
    candidates = []
    # the plan's figures: an explained card is built only for a score on an item's line
    for member_id, figures in assessment.figures().items():
        member = ledger.member(member_id)
        facts = (
            facts_for_member(ledger.records_of(member.id), period, context)
            if context is not None
            else []
        )
        reason = _member_reason(award, member, figures, period, facts, inputs)
        explain = functools.partial(assessment.card, member_id)
        score = functools.partial(
            _member_score, figures, explain=explain, rule_set=assessment.rule_set.name
        )
        candidates.append(
            Candidate(
                member.id,
                member.name,
                score(award.score),
                eligible=reason is None,
                reason=None if reason is None else reason[0],
                reason_zh=None if reason is None else reason[1],
                keys=_member_keys(award, score, facts),
            )
        )
    return candidates


def _body_candidates(
    award: Award, groups: Mapping[str, GroupsAssessment] | None, inputs: Inputs
) -> list[Candidate]:
    result = (groups or {}).get(award.group_rules or "")
    if result is None:
        raise CppccError(
            f"award {award.id!r} needs the results of group rule {award.group_rules!r}",
            hint="pass groups={rule_id: assess_groups(...)}",
        )
    if result.rules.subject.value != award.subject.value:
        raise CppccError(
            f"award {award.id!r} is for {award.subject.label}, but group rule "
            f"{result.rules.id!r} assesses {result.rules.subject.label}",
            where=Location(clause=award.clause),
            hint="name a group rule that assesses the award's subject",
        )
    candidates = []
    for card in result.cards:
        reason: tuple[str, str] | None = None
        for exclusion in award.exclude:
            if exclusion.input is not None and card.subject.id in inputs.get(exclusion.input, ()):
                reason = (
                    f"excluded: {exclusion.describe_en()}",
                    f"{exclusion.reason}，不得参评",
                )
                break
        keys = {b.by: _group_score(card, b.by) for b in award.tie_breakers if b.by != "records"}
        candidates.append(
            Candidate(
                card.subject.id,
                card.subject.name,
                _group_score(card, award.score),
                eligible=reason is None,
                reason=None if reason is None else reason[0],
                reason_zh=None if reason is None else reason[1],
                keys=keys,
            )
        )
    return candidates


_SOURCES = {
    AwardSubject.PROPOSAL: "proposal",
    AwardSubject.INFO_REPORT: "info_report",
    AwardSubject.CONTRIBUTION: "contribution",
}


def _record_facts(
    ledger: Ledger, period: Period, context: FactContext, source: str
) -> dict[str, Fact]:
    facts: dict[str, Fact] = {}
    for records in ledger.iter_member_records():
        for fact in facts_for_member(records, period, context):
            if fact.source.value == source and fact.position == 0:
                facts.setdefault(fact.record_id, fact)
    for body_facts in facts_by_body(ledger, period, context).values():
        for fact in body_facts:
            if fact.source.value == source:
                facts.setdefault(fact.record_id, fact)
    return facts


def record_denominators(
    award: Award, ledger: Ledger, period: Period, *, as_of: Any = None
) -> dict[str, int]:
    """The ``"submitted"`` and ``"filed"`` denominators for a record award in ``period``.

    ``submitted`` counts every record of the award's kind dated in the period; ``filed`` those
    that reached 立案 by the award's as-of day. Empty for awards to members and bodies.
    """
    if not award.subject.is_record:
        return {}
    context = FactContext.of(ledger, as_of or award.stages_as_of(period))
    facts = _record_facts(ledger, period, context, _SOURCES[award.subject])
    return {
        "submitted": len(facts),
        "filed": sum(1 for f in facts.values() if f.reached(Stage.FILED)),
    }


def _record_candidates(
    award: Award, ledger: Ledger, period: Period, assessment: Assessment | None, inputs: Inputs
) -> list[Candidate]:
    as_of = (
        award.stages_as_of(period) if award.decided_on or assessment is None else assessment.as_of
    )
    context = FactContext.of(ledger, as_of)
    facts = _record_facts(ledger, period, context, _SOURCES[award.subject])
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
        reason: tuple[str, str] | None = None
        if award.where is not None and not evaluate.matches(award.where, fact):  # type: ignore[arg-type]
            text = award.where.describe()
            reason = (f"does not match {text}", f"不符合“{text}”")
        for exclusion in award.exclude:
            hit = (exclusion.where is not None and evaluate.matches(exclusion.where, fact)) or (
                exclusion.input is not None and record_id in inputs.get(exclusion.input, ())
            )
            if reason is None and hit:
                reason = (f"excluded: {exclusion.describe_en()}", f"{exclusion.reason}，不得参评")
        value = evaluate.value(award.value, fact)
        candidates.append(
            Candidate(
                record_id,
                titles.get(record_id, record_id),
                value,
                frozenset(tags),
                eligible=reason is None,
                reason=None if reason is None else reason[0],
                reason_zh=None if reason is None else reason[1],
                keys={b.by: value for b in award.tie_breakers if b.by == "total"},
            )
        )
    return candidates


def award_candidates(
    award: Award,
    ledger: Ledger,
    period: Period,
    *,
    assessment: Assessment | None = None,
    groups: Mapping[str, GroupsAssessment] | None = None,
    inputs: Inputs | None = None,
) -> list[Candidate]:
    """The candidates for ``award`` in ``period``, scored, tagged, and checked for eligibility.

    Args:
        award: the award.
        ledger: the committee's records.
        period: the period the award is for.
        assessment: the member assessment under the award's rule set, or under
            ``award.score_rule_set`` (needed for member awards).
        groups: group-rule id → result, for awards to bodies.
        inputs: outside inputs an :class:`~cppcc_model.rules.award_gates.Exclusion` may name:
            input key → ids of the subjects that have it (a discipline finding); by default
            the ledger's inputs table (:func:`inputs_held`).

    Raises:
        CppccError: what the award needs was not given.
    """
    found_inputs: Inputs = inputs_held(ledger, period) if inputs is None else inputs
    if award.subject is AwardSubject.MEMBER:
        if assessment is None:
            raise CppccError(
                f"award {award.id!r} ranks members, so it needs their assessment",
                hint="pass assessment=assess(ledger, rule_set, period)",
            )
        return _member_candidates(award, ledger, period, assessment, found_inputs)
    if award.subject.is_body:
        return _body_candidates(award, groups, found_inputs)
    return _record_candidates(award, ledger, period, assessment, found_inputs)
