"""One member's figures without the explanation: what groups, awards and checks read.

A :class:`~cppcc_model.scorecard.ScoreCard` explains every point (every line, record and
clause) and is costly to build for a whole province. Group measures, award selection and
requirement checks need only the figures: the total, category points, grade, each
requirement's count and result, the raised flags. :class:`MemberFigures` holds those; an
:class:`~cppcc_model.assess.Assessment` gives them for every member from the columnar plan's
results (:meth:`~cppcc_model.assess.Assessment.figures`), or from the cards the reference
interpreter built, with equal values either way.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

import attrs

from cppcc_model.rules.ruleset import RuleSet
from cppcc_model.scorecard import ScoreCard

__all__ = ["MemberFigures", "RequirementFigures", "figures_from_card", "figures_from_results"]


@attrs.frozen
class RequirementFigures:
    """One requirement's result for one member, without the records behind it.

    Attributes:
        requirement_id: the requirement's id.
        label: its label.
        clause: its clause reference.
        strength: ``mandatory``, ``required`` or ``encouraged``.
        needed: how many records it asks for.
        count: how many the member has.
        met: whether it is met (``True`` when it does not apply: it blocks nothing).
        applicable: whether it applies to the member.
    """

    requirement_id: str
    label: str
    clause: str | None
    strength: str
    needed: int
    count: int
    met: bool
    applicable: bool = True


@attrs.frozen
class MemberFigures:
    """One assessed member's figures: a score card's numbers without its explanation.

    Attributes:
        member_id: the member's id.
        member_name: the member's name.
        total: the exact total.
        complete: ``False`` when an input is pending (the total is then not final).
        pending: what the card waits for.
        categories: points per category that applies to the member.
        grade: the grade (``None`` without bands or below every band).
        requirements: every requirement of the rule set, in rule-set order.
        flags: the raised trigger ids, in rule-set order.
    """

    member_id: str
    member_name: str
    total: Fraction
    complete: bool
    pending: tuple[str, ...]
    categories: Mapping[str, Fraction]
    grade: str | None
    requirements: tuple[RequirementFigures, ...]
    flags: tuple[str, ...]

    @property
    def requirements_met(self) -> bool:
        """Whether every mandatory or required requirement was met (as the card says)."""
        return all(r.met for r in self.requirements if r.strength != "encouraged")


def figures_from_card(card: ScoreCard) -> MemberFigures:
    """The figures of an explained card."""
    return MemberFigures(
        member_id=card.member_id,
        member_name=card.member_name,
        total=card.total,
        complete=card.complete,
        pending=card.pending,
        categories={c.category_id: c.points for c in card.categories},
        grade=card.grade,
        requirements=tuple(
            RequirementFigures(
                r.requirement_id,
                r.label,
                r.clause,
                r.strength,
                r.needed,
                r.count,
                r.met,
                r.applicable,
            )
            for r in card.requirements
        ),
        flags=tuple(f.trigger_id for f in card.flags),
    )


def figures_from_results(
    rule_set: RuleSet,
    names: Mapping[str, str],
    totals: Mapping[str, Fraction],
    categories: Mapping[str, Mapping[str, Fraction]],
    grades: Mapping[str, str | None],
    requirements: Mapping[str, Mapping[str, tuple[int, bool]]],
    flags: Mapping[str, tuple[str, ...]],
) -> tuple[MemberFigures, ...]:
    """Every member's figures from the columnar plan's per-member results, in their order.

    A requirement missing from a member's ``requirements`` does not apply to the member: it
    is shown as the reference shows it, counted 0 and met (it blocks nothing).
    """
    out = []
    for member_id, total in totals.items():
        results = requirements[member_id]
        out.append(
            MemberFigures(
                member_id=member_id,
                member_name=names[member_id],
                total=total,
                complete=True,
                pending=(),
                categories=categories[member_id],
                grade=grades[member_id],
                requirements=tuple(
                    RequirementFigures(
                        r.id,
                        r.label,
                        r.clause,
                        r.strength.value,
                        r.at_least,
                        results[r.id][0] if r.id in results else 0,
                        results[r.id][1] if r.id in results else True,
                        r.id in results,
                    )
                    for r in rule_set.requirements
                ),
                flags=flags[member_id],
            )
        )
    return tuple(out)
