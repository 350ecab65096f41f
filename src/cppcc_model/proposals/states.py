"""The states a proposal passes through and which step leads from which state to which.

The table :data:`TRANSITIONS` is the whole state machine: ``(state, step) -> next state``. A
pair that is not in it is an illegal step. Designation steps (:data:`FLAG_STEPS`: key proposal,
supervision, excellent, adoption, leader instruction) do not change the state; they are allowed
once the proposal has been filed (see :mod:`cppcc_model.proposals.lifecycle` for the guards).

The states follow shared/reference/proposal-workflow.md §7, with two refinements documented in
docs/proposals.md: ``rated`` (a reply has received the proposer's feedback) sits between
``replied`` and ``closed``, and a proposal filed and then handed to the upper-level CPPCC
(转交上级政协办理) reaches ``transferred_up`` from ``filed`` as well as from ``submitted``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from cppcc_model.labels import LabeledEnum
from cppcc_model.model.proposals import ProposalStep

__all__ = [
    "CASE_STATES",
    "FLAG_STEPS",
    "TERMINAL_STATES",
    "TRANSITIONS",
    "WAITING_FOR_REPLY",
    "Outcome",
    "ProposalState",
    "allowed_steps",
    "next_state",
]


class ProposalState(LabeledEnum, kind_label="提案状态 (proposal state)"):
    """Where a proposal stands."""

    SUBMITTED = ("submitted", "已提交", "待审查")
    RETURNED = ("returned", "退回修改")
    WITHDRAWN = ("withdrawn", "已撤回")
    FILED = ("filed", "已立案")
    MERGED = ("merged", "已并案")
    NOT_FILED = ("not_filed", "不予立案")
    CONVERTED = ("converted", "转其他渠道", "转社情民意")
    TRANSFERRED_UP = ("transferred_up", "转上级政协")
    ASSIGNED = ("assigned", "已交办")
    REASSIGNMENT_REQUESTED = ("reassignment_requested", "申请调整")
    IN_PROGRESS = ("in_progress", "办理中")
    EXTENDED = ("extended", "延期办理")
    REPLIED = ("replied", "已答复")
    RATED = ("rated", "已反馈")
    REHANDLING = ("rehandling", "重新办理")
    CLOSED = ("closed", "已办结")
    TRACKING = ("tracking", "跟踪办理")


class Outcome(LabeledEnum, kind_label="审查结果 (review outcome)"):
    """The one bucket each received proposal is in: the result of its review, so far.

    Every received proposal is in exactly one bucket, so the buckets add up to the number
    received. A proposal filed and later handed to the upper-level CPPCC stays ``filed``.
    """

    UNDER_REVIEW = ("under_review", "待审查")
    WITHDRAWN = ("withdrawn", "撤回")
    FILED = ("filed", "立案")
    MERGED = ("merged", "并案")
    NOT_FILED = ("not_filed", "不予立案")
    TRANSFERRED_UP = ("transferred_up", "转上级政协(未立案)")


S = ProposalState
P = ProposalStep

_TABLE: dict[tuple[ProposalState, ProposalStep], ProposalState] = {
    (S.SUBMITTED, P.RETURNED): S.RETURNED,
    (S.SUBMITTED, P.WITHDRAWN): S.WITHDRAWN,
    (S.SUBMITTED, P.FILED): S.FILED,
    (S.SUBMITTED, P.MERGED): S.MERGED,
    (S.SUBMITTED, P.NOT_FILED): S.NOT_FILED,
    (S.SUBMITTED, P.TRANSFERRED_UP): S.TRANSFERRED_UP,
    (S.RETURNED, P.SUBMITTED): S.SUBMITTED,
    (S.RETURNED, P.WITHDRAWN): S.WITHDRAWN,
    (S.FILED, P.ASSIGNED): S.ASSIGNED,
    (S.FILED, P.TRANSFERRED_UP): S.TRANSFERRED_UP,
    (S.ASSIGNED, P.REASSIGNMENT_REQUESTED): S.REASSIGNMENT_REQUESTED,
    (S.ASSIGNED, P.IN_PROGRESS): S.IN_PROGRESS,
    (S.ASSIGNED, P.EXTENDED): S.EXTENDED,
    (S.ASSIGNED, P.REPLIED): S.REPLIED,
    (S.REASSIGNMENT_REQUESTED, P.REASSIGNED): S.ASSIGNED,
    (S.REASSIGNMENT_REQUESTED, P.IN_PROGRESS): S.IN_PROGRESS,
    (S.IN_PROGRESS, P.EXTENDED): S.EXTENDED,
    (S.IN_PROGRESS, P.REPLIED): S.REPLIED,
    (S.EXTENDED, P.REPLIED): S.REPLIED,
    (S.REPLIED, P.FEEDBACK): S.RATED,
    (S.REPLIED, P.REHANDLING): S.REHANDLING,
    (S.REPLIED, P.CLOSED): S.CLOSED,
    (S.RATED, P.REHANDLING): S.REHANDLING,
    (S.RATED, P.CLOSED): S.CLOSED,
    (S.REHANDLING, P.REPLIED): S.REPLIED,
    (S.CLOSED, P.TRACKED): S.TRACKING,
    (S.TRACKING, P.REPLIED): S.TRACKING,
    (S.TRACKING, P.CLOSED): S.CLOSED,
}

TRANSITIONS: Mapping[tuple[ProposalState, ProposalStep], ProposalState] = MappingProxyType(_TABLE)
"""``(state, step) -> next state``: every ordinary step the lifecycle allows."""

FLAG_STEPS: frozenset[ProposalStep] = frozenset(
    {P.KEY_DESIGNATED, P.SUPERVISED, P.EXCELLENT, P.ADOPTED, P.INSTRUCTED}
)
"""Designations that leave the state as it is; allowed once the proposal has been filed."""

CASE_STATES: frozenset[ProposalState] = frozenset(
    {
        S.FILED,
        S.ASSIGNED,
        S.REASSIGNMENT_REQUESTED,
        S.IN_PROGRESS,
        S.EXTENDED,
        S.REPLIED,
        S.RATED,
        S.REHANDLING,
        S.CLOSED,
        S.TRACKING,
    }
)
"""States of a filed case handled at this level."""

WAITING_FOR_REPLY: frozenset[ProposalState] = frozenset(
    {S.ASSIGNED, S.REASSIGNMENT_REQUESTED, S.IN_PROGRESS, S.EXTENDED, S.REHANDLING}
)
"""States in which a handling unit owes a reply (and so can be overdue)."""

TERMINAL_STATES: frozenset[ProposalState] = frozenset(
    {S.WITHDRAWN, S.MERGED, S.NOT_FILED, S.CONVERTED, S.TRANSFERRED_UP}
)
"""States no ordinary step leaves."""


def next_state(state: ProposalState, step: ProposalStep) -> ProposalState | None:
    """The state ``step`` leads to from ``state``; ``None`` when the pair is not allowed.

    Flag steps return ``state`` itself (their guards are checked by the lifecycle).
    """
    if step in FLAG_STEPS:
        return state
    return TRANSITIONS.get((state, step))


def allowed_steps(state: ProposalState) -> tuple[ProposalStep, ...]:
    """The ordinary steps allowed from ``state``, in the order :class:`ProposalStep` lists them."""
    return tuple(step for step in ProposalStep if (state, step) in TRANSITIONS)
