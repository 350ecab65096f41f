"""What award selection works on and what it gives back: candidates, winners, the reasons.

Every reason is given in Chinese and in English, with the stage of selection that left the
candidate out (``eligibility``, ``gate``, ``score``, ``tie``, ``quota``, ``composition``,
``periods``), so a list of candidates left out can be read by an office and checked by a test.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import attrs

from cppcc_model.errors import CppccError
from cppcc_model.names import StrokeOrder
from cppcc_model.numbers import format_fraction
from cppcc_model.rules.awards import Award
from cppcc_model.rules.quotas import QuotaBounds

__all__ = [
    "STAGES",
    "AwardResult",
    "Candidate",
    "NotSelected",
    "TieAtCut",
    "Winner",
    "name_key",
]

STAGES = {
    "eligibility": "资格条件 (eligibility)",
    "gate": "排名门槛 (rank gate)",
    "score": "分数线 (score bound)",
    "tie": "并列处理 (tie at the cut)",
    "quota": "名额 (quota)",
    "composition": "结构比例 (composition)",
    "periods": "多期 (several periods)",
}
"""The stages of selection at which a candidate can be left out."""


def _fraction_map(value: Mapping[str, Fraction]) -> dict[str, Fraction]:
    return dict(value)


@attrs.frozen
class Candidate:
    """One candidate for an award: its score, tags, and whether (and why not) it may win.

    ``reason`` is in English and ``reason_zh`` in Chinese; when only one is given the other
    repeats it. ``keys`` holds the figures the award's tie-breakers read (by the tie-breaker's
    ``by``: ``"category:proposals"``, ``"records"`` …).
    """

    id: str
    name: str
    score: Fraction
    tags: frozenset[str] = frozenset()
    eligible: bool = True
    reason: str | None = None
    reason_zh: str | None = None
    keys: dict[str, Fraction] = attrs.field(factory=dict, converter=_fraction_map)

    @property
    def reasons(self) -> tuple[str, str]:
        """(Chinese, English) reason it may not win, each falling back on the other."""
        english = self.reason or self.reason_zh or "does not meet the criteria"
        return (self.reason_zh or english, english)


@attrs.frozen
class Winner:
    """A winner, with its place in the ranking of eligible candidates."""

    id: str
    name: str
    score: Fraction
    place: int


@attrs.frozen
class NotSelected:
    """A candidate that did not win, why (English and Chinese), and at which stage."""

    id: str
    name: str
    score: Fraction
    reason: str
    reason_zh: str = ""
    stage: str = "quota"

    def to_dict(self) -> dict[str, Any]:
        """Plain data."""
        return {
            "id": self.id,
            "name": self.name,
            "score": format_fraction(self.score),
            "stage": self.stage,
            "reason": self.reason,
            "reason_zh": self.reason_zh,
        }


@attrs.frozen
class TieAtCut:
    """Candidates with equal scores on both sides of the cut, and how the tie was broken.

    ``decided_by`` lists the tie-breakers that separated some of them, in chain order;
    ``policy`` is the tie policy applied to those still tied at the cut (``None`` when the
    tie-breakers settled it).
    """

    score: Fraction
    subject_ids: tuple[str, ...]
    winners: tuple[str, ...]
    decided_by: tuple[str, ...] = ()
    policy: str | None = None

    def describe(self) -> str:
        """``3 tied at 88 (a, b, c): 立案数 decided, then exclude; won: a``."""
        how = list(self.decided_by) + ([self.policy] if self.policy else [])
        return (
            f"{len(self.subject_ids)} tied at {format_fraction(self.score)} "
            f"({', '.join(self.subject_ids)}): broken by {' → '.join(how) or 'nothing'}; "
            f"won: {', '.join(self.winners) or 'none'}"
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data."""
        return {
            "score": format_fraction(self.score),
            "subjects": list(self.subject_ids),
            "winners": list(self.winners),
            "decided_by": list(self.decided_by),
            "policy": self.policy,
        }


def name_key(name: str, order: StrokeOrder | None = None) -> tuple[Any, ...]:
    """The 姓氏笔画 key of ``name``; a text that is no name at all sorts last, by itself."""
    chosen = order or StrokeOrder(unknown="last")
    try:
        return (0, chosen.key(name), name)
    except CppccError:
        return (1, (), name)


@attrs.frozen
class AwardResult:
    """The winners of one award and the reasons every other candidate did not win.

    ``quota`` is the target number of winners; ``bounds`` the band it came from (low, target,
    high, the denominator); ``eligible`` how many candidates passed every gate; ``ties`` the
    ties at the cut and how they were broken; ``warnings`` what an office should look at (the
    winners fall below a band, a soft quota is missed).
    """

    award: Award
    quota: int
    winners: tuple[Winner, ...]
    not_selected: tuple[NotSelected, ...]
    bounds: QuotaBounds | None = None
    eligible: int = 0
    ties: tuple[TieAtCut, ...] = ()
    warnings: tuple[str, ...] = ()
    periods: tuple[str, ...] = ()

    def notice(self) -> tuple[str, ...]:
        """The winners' names in 姓氏笔画 order, for the public notice (公示)."""
        order = StrokeOrder(unknown="last")
        return tuple(sorted((w.name for w in self.winners), key=lambda n: name_key(n, order)))

    def counts(self) -> dict[str, int]:
        """How many candidates, eligible, winners, and left out at each stage."""
        found = {
            "candidates": len(self.winners) + len(self.not_selected),
            "eligible": self.eligible,
            "winners": len(self.winners),
        }
        for stage in STAGES:
            found[f"out_{stage}"] = sum(1 for n in self.not_selected if n.stage == stage)
        return found

    def band_position(self) -> str:
        """Where the winners fall in the band: ``below``, ``within`` or ``above``."""
        if self.bounds is None:
            return "within"
        if len(self.winners) < self.bounds.low:
            return "below"
        if len(self.winners) > self.bounds.high:
            return "above"
        return "within"

    def to_dict(self) -> dict[str, Any]:
        """Plain data."""
        bounds = self.bounds
        return {
            "award": self.award.id,
            "label": self.award.label,
            "clause": self.award.clause,
            "order": self.award.order.value,
            "quota": self.quota,
            "quota_rule": self.award.quota.describe(),
            "quota_rule_zh": self.award.quota.describe_zh(),
            "band": None
            if bounds is None
            else {
                "low": bounds.low,
                "target": bounds.target,
                "high": bounds.high,
                "denominator": bounds.denominator,
                "of": None if self.award.quota.is_count else str(self.award.quota.of),
                "soft": bounds.soft,
                "winners_fall": self.band_position(),
            },
            "counts": self.counts(),
            "periods": list(self.periods),
            "winners": [
                {"id": w.id, "name": w.name, "score": format_fraction(w.score), "place": w.place}
                for w in self.winners
            ],
            "ties": [t.to_dict() for t in self.ties],
            "warnings": list(self.warnings),
            "not_selected": [n.to_dict() for n in self.not_selected],
            "notice": list(self.notice()),
        }
