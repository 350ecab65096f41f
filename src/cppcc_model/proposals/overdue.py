"""Overdue replies: when the reply owed on a day is due, and which proposals are late.

These read a proposal's replayed history (:func:`~cppcc_model.proposals.lifecycle.replay`), so
they sit above both :mod:`.deadlines` (the pure date arithmetic) and :mod:`.lifecycle`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from cppcc_model.errors import Location
from cppcc_model.model.proposals import Proposal
from cppcc_model.proposals.lifecycle import DEFAULT_RULES, LifecycleRules, replay
from cppcc_model.proposals.states import WAITING_FOR_REPLY

__all__ = ["Overdue", "is_overdue", "overdue_as_of", "reply_due"]


@attrs.frozen
class Overdue:
    """A proposal whose reply was due before the day asked about and has not come."""

    proposal_id: str
    due: dt.date
    as_of: dt.date

    @property
    def days_late(self) -> int:
        """Calendar days since the due date."""
        return (self.as_of - self.due).days

    @property
    def where(self) -> Location:
        """The proposal, as a location for messages."""
        return Location(record_id=self.proposal_id)


def reply_due(
    proposal: Proposal, as_of: dt.date, rules: LifecycleRules | None = None
) -> dt.date | None:
    """The day the reply owed on ``as_of`` is due, or ``None`` when no reply is owed then."""
    status = replay(proposal, as_of, rules or DEFAULT_RULES)
    return status.due if status.state in WAITING_FOR_REPLY else None


def is_overdue(proposal: Proposal, as_of: dt.date, rules: LifecycleRules | None = None) -> bool:
    """Whether, on ``as_of``, a reply is owed and its due day has passed."""
    due = reply_due(proposal, as_of, rules)
    return due is not None and as_of > due


def overdue_as_of(
    proposals: Iterable[Proposal], as_of: dt.date, rules: LifecycleRules | None = None
) -> tuple[Overdue, ...]:
    """Every proposal overdue on ``as_of``, by due date then id."""
    late: list[Overdue] = []
    for proposal in proposals:
        due = reply_due(proposal, as_of, rules)
        if due is not None and as_of > due:
            late.append(Overdue(proposal.id, due, as_of))
    return tuple(sorted(late, key=lambda item: (item.due, item.proposal_id)))
