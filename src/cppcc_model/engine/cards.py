"""⑥ Cards: one member's explained score card, built when it is asked for.

The plan (stage ⑤) gives every member's figures; the card — every line, every record, every
clause, cap and floor — is built only for the members someone opens (``explain``, a report, the
API). It is built by the reference interpreter (:mod:`cppcc_model.assess.engine`) for that
member alone, so it is today's card exactly, and its figures equal the plan's (the
differential tests check both).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs

from cppcc_model.ledger import Ledger
from cppcc_model.model import Period
from cppcc_model.rules.ruleset import RuleSet
from cppcc_model.scorecard import ScoreCard

__all__ = ["explain"]


def explain(
    ledger: Ledger,
    rule_set: RuleSet,
    period: Period,
    as_of: dt.date,
    member_id: str,
    history: Callable[[int], RuleSet | None] | None = None,
) -> ScoreCard:
    """The explained score card of ``member_id``, with its flags.

    Raises:
        CppccError: the member is unknown, or a rule fails for the member (located).

    """
    from cppcc_model.engine.reference import _scored, _Scorer

    scorer = _Scorer(ledger, rule_set, period, as_of)
    member = ledger.member(member_id)
    return _scored(
        rule_set,
        member,
        lambda: _with_flags(scorer, member, rule_set, history),
    )


def _with_flags(
    scorer: object,
    member: object,
    rule_set: RuleSet,
    history: Callable[[int], RuleSet | None] | None,
) -> ScoreCard:
    card: ScoreCard = scorer.card(member)  # type: ignore[attr-defined]
    if rule_set.triggers:
        card = attrs.evolve(card, flags=scorer.flags(member, card, history))  # type: ignore[attr-defined]
    return card
