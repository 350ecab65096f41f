"""Selecting award winners under quotas, gates, ties and composition constraints (表彰评选).

:func:`award_candidates` (in :mod:`cppcc_model.assess.award_candidates`) turns an
:class:`~cppcc_model.rules.awards.Award` and the results of an assessment into
:class:`Candidate` objects — each with its score, its tags, its tie-breaking figures and, if it
may not win, the reason. :func:`select_winners` then picks the winners:

1. the **rank gate** ("前30%"), if any, ranks every candidate — eligible or not — and leaves
   out those outside it; then the score floor or ceiling;
2. the eligible candidates are ranked by :func:`~cppcc_model.assess.ranking.rank` in the
   award's order (highest or lowest first), equal scores separated by the award's
   tie-breakers (the same :class:`~cppcc_model.assess.ranking.TieBreaker` ``rank`` uses), and
   listed in 姓氏笔画 order, then id, so the result never depends on input order;
3. the quota's band is worked out from its stated denominator; the target is taken from the
   top; a tie still standing at the cut is dropped whole (``"exclude"``), taken whole
   (``"include"``: the list grows) or decided by 姓氏笔画 (``"name_order"``);
4. each composition constraint is repaired if short (全国政协 example B);
5. winners outside the band are a warning.

:func:`select_over_periods` aggregates several periods first (sum, mean, latest, minimum), or
keeps those selected in each ("连续两年末位").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs

from cppcc_model.assess.award_candidates import award_candidates, record_denominators
from cppcc_model.assess.award_results import (
    AwardResult,
    Candidate,
    NotSelected,
    TieAtCut,
    Winner,
    name_key,
)
from cppcc_model.assess.ranking import Direction, Ranking, TieBreaker, rank
from cppcc_model.errors import CppccError, Location
from cppcc_model.names import StrokeOrder
from cppcc_model.numbers import format_fraction
from cppcc_model.rules.award_gates import Order
from cppcc_model.rules.awards import Award

__all__ = [
    "AwardConstraintError",
    "AwardResult",
    "Candidate",
    "NotSelected",
    "TieAtCut",
    "Winner",
    "award_candidates",
    "record_denominators",
    "select_over_periods",
    "select_winners",
]


class AwardConstraintError(CppccError):
    """A composition constraint cannot be met by the candidates there are."""


_Reason = tuple[str, str, str]  # (stage, English, Chinese)

_POLICY_ZH = {"exclude": "并列者均不入选", "include": "并列者均入选", "name_order": "按姓氏笔画"}


def _f(value: Fraction) -> str:
    return format_fraction(value)


def _direction(award: Award) -> Direction:
    return Direction.DESCENDING if award.order is Order.HIGHEST else Direction.ASCENDING


def _breakers(
    award: Award, by_id: Mapping[str, Candidate], extra: Sequence[TieBreaker]
) -> list[TieBreaker]:
    found: list[TieBreaker] = []
    for breaker in award.tie_breakers:

        def key(subject_id: str, figure: str = breaker.by) -> Fraction:
            return by_id[subject_id].keys.get(figure, Fraction(0))

        found.append(TieBreaker(key, breaker.label, breaker.direction))
    return found + list(extra)


def _gate(award: Award, candidates: Sequence[Candidate], reasons: dict[str, _Reason]) -> None:
    gate = award.rank_gate
    if gate is None:
        return
    ranking = rank(
        [(c.id, c.score) for c in candidates],
        direction=_direction(award),
    )
    places = gate.places(len(candidates))
    side, side_zh = ("top", "前") if award.order is Order.HIGHEST else ("bottom", "后")
    share = f"{_f(gate.share * 100)}%" if gate.share is not None else f"{gate.count}名"
    for entry in ranking:
        if entry.rank > places and entry.subject_id not in reasons:
            reasons[entry.subject_id] = (
                "gate",
                f"ranked {entry.rank} of all {len(candidates)} assessed, outside the {side} "
                f"{places} ({gate.describe()})",
                f"在全部{len(candidates)}名考核对象中排名第{entry.rank}，"
                f"未进入{side_zh}{places}名({side_zh}{share})",
            )


def _score_bounds(award: Award, candidate: Candidate) -> _Reason | None:
    if award.minimum_score is not None and candidate.score < award.minimum_score:
        return (
            "score",
            f"score {_f(candidate.score)} is below the minimum {_f(award.minimum_score)}",
            f"得分{_f(candidate.score)}低于最低分{_f(award.minimum_score)}",
        )
    if award.maximum_score is not None and candidate.score > award.maximum_score:
        return (
            "score",
            f"score {_f(candidate.score)} is above the maximum {_f(award.maximum_score)}",
            f"得分{_f(candidate.score)}高于{_f(award.maximum_score)}分",
        )
    return None


def _cut(
    award: Award,
    ranking: Ranking,
    target: int,
    scores: Mapping[str, Fraction],
    reasons: dict[str, _Reason],
) -> tuple[list[str], list[TieAtCut]]:
    """The ids within the cut, and the ties at it; the reasons of those a tie left out."""
    entries = list(ranking)
    chosen: list[str] = []
    policy_used: str | None = None
    straddling: list[str] = []
    index = 0
    while index < len(entries) and len(chosen) < target:
        size = entries[index].tied_count
        group = [e.subject_id for e in entries[index : index + size]]
        if len(chosen) + size <= target:
            chosen.extend(group)
        else:
            straddling = group
            policy_used = award.ties
            room = target - len(chosen)
            if award.ties == "include":
                chosen.extend(group)
            elif award.ties == "name_order":
                chosen.extend(group[:room])
                for subject_id in group[room:]:
                    reasons[subject_id] = (
                        "tie",
                        f"tied at {_f(scores[subject_id])} at the cut of {target}; "
                        "姓氏笔画 order decided (ties='name_order')",
                        f"与其他{size - 1}人同分{_f(scores[subject_id])}并列于名额线，"
                        "按姓氏笔画未入选",
                    )
            else:
                for subject_id in group:
                    reasons[subject_id] = (
                        "tie",
                        f"tied at {_f(scores[subject_id])} across the quota of {target}; "
                        "a tie at the cut wins nothing (ties='exclude')",
                        f"与其他{size - 1}人同分{_f(scores[subject_id])}并列跨越名额线"
                        f"({target}名)，并列者均不入选",
                    )
            break
        index += size
    chosen_set = set(chosen)
    # a tie on the score alone across the cut, broken by the tie-breakers or the policy
    ties: list[TieAtCut] = []
    by_score: dict[Fraction, list[str]] = {}
    for entry in entries:
        by_score.setdefault(scores[entry.subject_id], []).append(entry.subject_id)
    for score, ids in by_score.items():
        inside = [i for i in ids if i in chosen_set]
        crosses = 0 < len(inside) < len(ids)
        holds_straddle = bool(straddling) and set(straddling) <= set(ids)
        if len(ids) < 2 or not (crosses or holds_straddle):
            continue
        decided = tuple(
            dict.fromkeys(
                e.decided_by for e in entries if e.subject_id in ids and e.decided_by is not None
            )
        )
        policy = policy_used if holds_straddle else None
        ties.append(TieAtCut(score, tuple(ids), tuple(inside), decided, policy))
        for subject_id in ids:
            if subject_id not in chosen_set and subject_id not in reasons and decided:
                reasons[subject_id] = (
                    "tie",
                    f"tied at {_f(score)} at the cut of {target}; decided by {' → '.join(decided)}",
                    f"同分{_f(score)}并列于名额线，按{'、'.join(decided)}未入选",
                )
    return chosen, ties


def _repair(
    award: Award,
    chosen: list[str],
    ranked: Sequence[str],
    by_id: Mapping[str, Candidate],
    places: Mapping[str, int],
    reasons: dict[str, _Reason],
) -> list[str]:
    position = {subject_id: index for index, subject_id in enumerate(ranked)}
    for constraint in award.composition:
        needed = constraint.needed(len(chosen))
        have = [c for c in chosen if constraint.tag in by_id[c].tags]
        if len(have) >= needed:
            continue
        pool = [c for c in ranked if c not in chosen and constraint.tag in by_id[c].tags]
        missing = needed - len(have)
        if len(pool) < missing:
            raise AwardConstraintError(
                f"award {award.id!r}: {constraint.label} needs {needed} of {len(chosen)} "
                f"winners tagged {constraint.tag!r}, but only {len(have) + len(pool)} "
                "eligible candidates are",
                where=Location(clause=award.clause),
                hint="lower the share, widen the eligibility, or accept fewer winners",
            )
        others = [c for c in chosen if constraint.tag not in by_id[c].tags]
        out = others[-missing:]
        for subject_id in out:
            reasons[subject_id] = (
                "composition",
                f"ranked {places[subject_id]}, displaced so that {constraint.label} "
                f"({needed} of {len(chosen)}) holds",
                f"排名第{places[subject_id]}，为满足“{constraint.label}”"
                f"({len(chosen)}名中至少{needed}名)而调出",
            )
        for subject_id in pool[:missing]:
            reasons.pop(subject_id, None)
        chosen = [c for c in chosen if c not in out] + pool[:missing]
        chosen.sort(key=lambda c: position[c])
    return chosen


def select_winners(
    award: Award,
    candidates: Sequence[Candidate],
    *,
    population: int | None = None,
    denominators: Mapping[str, int] | None = None,
    tie_breakers: Sequence[TieBreaker] = (),
) -> AwardResult:
    """Pick the winners of ``award`` among ``candidates`` (see the module docstring).

    Args:
        award: the award's criteria.
        candidates: every candidate, eligible or not (the assessed population).
        population: the ``"assessed"`` denominator (default: the number of candidates).
        denominators: further denominators by name (``"submitted"``, ``"filed"``; see
            :func:`~cppcc_model.assess.award_candidates.record_denominators`). For records,
            ``"submitted"`` defaults to the number of candidates, since
            :func:`award_candidates` gives every record of the kind submitted in the period.
        tie_breakers: tie-breakers written in Python, applied after the award's own chain.

    Raises:
        AwardConstraintError: a composition constraint cannot be met.
        InvalidValueError: a candidate id is given twice, or the quota's denominator is not
            known.
    """
    order = StrokeOrder(unknown="last")
    by_id = {c.id: c for c in candidates}
    if len(by_id) != len(candidates):
        rank([(c.id, c.score) for c in candidates])  # raises, naming the duplicates
    reasons: dict[str, _Reason] = {}
    for candidate in candidates:
        if not candidate.eligible:
            zh, en = candidate.reasons
            reasons[candidate.id] = ("eligibility", f"not eligible: {en}", f"不符合条件：{zh}")
    _gate(award, candidates, reasons)
    for candidate in candidates:
        if candidate.id not in reasons:
            bound = _score_bounds(award, candidate)
            if bound is not None:
                reasons[candidate.id] = bound
    eligible = [c for c in candidates if c.id not in reasons]
    scores = {c.id: c.score for c in eligible}
    ranking = rank(
        [(c.id, c.score) for c in eligible],
        direction=_direction(award),
        tie_breakers=_breakers(award, by_id, tie_breakers),
        list_key=lambda subject_id: name_key(by_id[subject_id].name, order),
    )
    places = {e.subject_id: e.rank for e in ranking}
    ranked = [e.subject_id for e in ranking]
    assessed = population if population is not None else len(candidates)
    sizes = {"eligible": len(eligible), "assessed": assessed}
    if award.subject.is_record:  # the candidates are every record of the kind submitted
        sizes["submitted"] = assessed
    sizes.update(denominators or {})
    bounds = award.quota.bounds(sizes)
    chosen, ties = _cut(award, ranking, bounds.target, scores, reasons)
    chosen = _repair(award, chosen, ranked, by_id, places, reasons)
    chosen_set = set(chosen)
    for subject_id in ranked:
        if subject_id not in chosen_set and subject_id not in reasons:
            reasons[subject_id] = (
                "quota",
                f"ranked {places[subject_id]}, below the quota of {bounds.target}",
                f"排名第{places[subject_id]}，未进入名额({bounds.target}名)",
            )
    warnings = _warnings(award, bounds, len(chosen), len(eligible))
    winners = tuple(
        Winner(c, by_id[c].name, by_id[c].score, places[c])
        for c in sorted(chosen, key=lambda c: ranked.index(c))
    )
    direction_sign = 1 if award.order is Order.HIGHEST else -1

    def listing(subject_id: str) -> tuple[Any, ...]:
        candidate = by_id[subject_id]
        return (-direction_sign * candidate.score, name_key(candidate.name, order), subject_id)

    not_selected = tuple(
        NotSelected(cid, by_id[cid].name, by_id[cid].score, en, zh, stage)
        for cid, (stage, en, zh) in sorted(reasons.items(), key=lambda pair: listing(pair[0]))
        if cid not in chosen_set
    )
    return AwardResult(
        award,
        bounds.target,
        winners,
        not_selected,
        bounds=bounds,
        eligible=len(eligible),
        ties=tuple(ties),
        warnings=warnings,
    )


def _warnings(award: Award, bounds: Any, winners: int, eligible: int) -> tuple[str, ...]:
    found: list[str] = []
    band = f"{bounds.low}–{bounds.high}" if bounds.low != bounds.high else str(bounds.low)
    if winners < bounds.low:
        why = (
            f"only {eligible} eligible"
            if eligible < bounds.low
            else "a tie at the cut was left out"
            if award.ties == "exclude"
            else "candidates were left out"
        )
        found.append(
            f"{award.label}: {winners} winners fall below the band {band} ({why}) / "
            f"获奖{winners}名，低于名额区间{band}"
        )
    elif winners > bounds.high:
        found.append(
            f"{award.label}: {winners} winners are above the band {band} (ties included) / "
            f"获奖{winners}名，因并列超出名额区间{band}"
        )
    return tuple(found)


def _combine(
    award: Award, labels: Sequence[str], per_period: Sequence[Sequence[Candidate]]
) -> list[Candidate]:
    assert award.periods is not None
    how = award.periods.combine
    latest = {c.id: c for c in per_period[-1]}
    every: dict[str, list[Candidate | None]] = {}
    for index, candidates in enumerate(per_period):
        for candidate in candidates:
            every.setdefault(candidate.id, [None] * len(per_period))[index] = candidate
    combined: list[Candidate] = []
    for subject_id in sorted(every):
        found = every[subject_id]
        present = [c for c in found if c is not None]
        base = latest.get(subject_id, present[-1])
        missing = [labels[i] for i, c in enumerate(found) if c is None]
        scores = [c.score for c in present]
        if how == "sum":
            score = sum(scores, Fraction(0))
        elif how == "mean":
            score = sum(scores, Fraction(0)) / len(scores)
        elif how == "min":
            score = min(scores)
        else:
            score = base.score
        candidate = attrs.evolve(base, score=score)
        if how == "latest":
            if subject_id not in latest:
                candidate = attrs.evolve(
                    candidate,
                    eligible=False,
                    reason=f"not a candidate in {labels[-1]}",
                    reason_zh=f"{labels[-1]}不在候选范围",
                )
        elif missing:
            candidate = attrs.evolve(
                candidate,
                eligible=False,
                reason=f"not a candidate in {', '.join(missing)}",
                reason_zh=f"{'、'.join(missing)}不在候选范围",
            )
        else:
            ineligible = [
                (labels[i], c) for i, c in enumerate(found) if c is not None and not c.eligible
            ]
            if ineligible:
                label, first = ineligible[0]
                zh, en = first.reasons
                candidate = attrs.evolve(
                    candidate, eligible=False, reason=f"{label}: {en}", reason_zh=f"{label}：{zh}"
                )
        combined.append(candidate)
    return combined


def select_over_periods(
    award: Award,
    per_period: Sequence[tuple[str, Sequence[Candidate]]],
    *,
    select: Callable[[Award, Sequence[Candidate], str], AwardResult] | None = None,
) -> AwardResult:
    """Select over several periods, oldest first, as ``award.periods`` says.

    ``per_period`` pairs a label (``"2021"``) with that period's candidates. For ``"sum"``,
    ``"mean"``, ``"latest"`` and ``"min"`` each subject's scores are combined and selected once;
    for ``"each"`` the award is selected in every period and only those selected in all of
    them win ("连续两年末位"). ``select(award, candidates, label)`` selects one list of
    candidates for the period labelled ``label`` (the latest, for a combined list); the default
    is :func:`select_winners` (pass a function to give it each period's denominators).

    Raises:
        CppccError: the award states no periods, or fewer periods are given than it needs.
    """
    chooser = select or (lambda a, c, _label: select_winners(a, c))
    if award.periods is None:
        raise CppccError(
            f"award {award.id!r} states no periods",
            hint="use select_winners, or give the award periods=Periods(...)",
        )
    if len(per_period) != award.periods.count:
        raise CppccError(
            f"award {award.id!r} looks at {award.periods.count} periods, "
            f"{len(per_period)} were given",
            where=Location(clause=award.clause),
            hint="pass one list of candidates per period, oldest first",
        )
    labels = [label for label, _ in per_period]
    lists = [list(candidates) for _, candidates in per_period]
    if award.periods.combine != "each":
        result = chooser(award, _combine(award, labels, lists), labels[-1])
        return attrs.evolve(result, periods=tuple(labels))
    results = [chooser(award, pool, label) for label, pool in zip(labels, lists, strict=True)]
    last = results[-1]
    won_each = set.intersection(*({w.id for w in r.winners} for r in results))
    winners = tuple(w for w in last.winners if w.id in won_each)
    not_selected = list(last.not_selected)
    for winner in last.winners:
        if winner.id in won_each:
            continue
        missed = [
            label
            for label, r in zip(labels, results, strict=True)
            if winner.id not in {w.id for w in r.winners}
        ]
        not_selected.append(
            NotSelected(
                winner.id,
                winner.name,
                winner.score,
                f"selected in {labels[-1]} but not in {', '.join(missed)}",
                f"{labels[-1]}入选，但{'、'.join(missed)}未入选",
                "periods",
            )
        )
    return attrs.evolve(
        last,
        winners=winners,
        not_selected=tuple(not_selected),
        warnings=tuple(w for r in results for w in r.warnings),
        periods=tuple(labels),
    )
