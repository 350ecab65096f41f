"""Public extension points: what a plugin's own block receives, read-only.

The building blocks cover the published rules; where a rule needs something they do not say, a
plugin writes its own block against one of these typed protocols (``typing.Protocol``, checked by
mypy and at run time):

* a value — :class:`~cppcc_model.rules.values.Value`: ``of(fact) -> Fraction``;
* a condition — :class:`~cppcc_model.rules.conditions.Condition`:
  ``applies(member, period, as_of) -> bool``;
* a group measure — :class:`~cppcc_model.assess.groups.Measure`:
  ``measure(subject, context: MeasureContext) -> (value, records, note)``;
* a trigger — :class:`CustomTrigger`: ``check(context: TriggerContext) -> Flag | None``;
* a value function — :class:`~cppcc_model.rules.values.Function` over a public
  :class:`~cppcc_model.rules.facts.Fact` (with its ``amount``).

Every block must be pure: the same input gives the same result, and it must not change what it
is given (the contexts are frozen).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import attrs

from cppcc_model.model import Input, Member, Period
from cppcc_model.rules.facts import Fact

if TYPE_CHECKING:
    from cppcc_model.ledger import Ledger
    from cppcc_model.rules.ruleset import RuleSet
    from cppcc_model.scorecard import Flag, ScoreCard

__all__ = ["CustomTrigger", "TriggerContext"]


@attrs.frozen
class TriggerContext:
    """What a custom trigger may read about one member's assessment; frozen.

    Attributes:
        ledger: the committee's records.
        member: the member assessed.
        period: the assessment period.
        as_of: the date records are read as of.
        card: the member's score card (without flags).
        facts: the member's facts in the period, in date order.
        inputs: the member's inputs (评分录入) in the period.
        history: the rule set in force in an earlier year (``None`` where none was), for rules
            that look back.

    """

    ledger: Ledger
    member: Member
    period: Period
    as_of: dt.date
    card: ScoreCard
    facts: Sequence[Fact]
    inputs: Sequence[Input]
    history: Callable[[int], RuleSet | None]


@runtime_checkable
class CustomTrigger(Protocol):
    """A trigger a plugin writes itself: an ``id``, a ``label`` and ``check``.

    ``check`` returns the :class:`~cppcc_model.scorecard.Flag` to raise for the member (with its
    reason and records), or ``None``. It is listed in ``RuleSet.triggers`` like any other and may
    be a rung of a :class:`~cppcc_model.rules.Ladder`.
    """

    @property
    def id(self) -> str:
        """The trigger's id, unique in the rule set."""

    @property
    def label(self) -> str:
        """What the rule text calls it."""

    def check(self, context: TriggerContext) -> Flag | None:
        """The flag to raise, or ``None``."""
