"""Applying dated steps to a 社情民意 item and reading where it stands on a day.

The same discipline as proposals: the item's ``history`` is the truth; :func:`apply_info`
returns a new :class:`InfoReport` with the step appended after checking it, refusing illegal
steps with :class:`~cppcc_model.workflow.errors.IllegalTransitionError` and steps dated
before the last one with :class:`~cppcc_model.workflow.errors.DateOrderError`. The replay, the
checks every step shares and the errors are the workflow core (:mod:`cppcc_model.workflow`),
shared with proposals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from cppcc_model.errors import Location, Problem
from cppcc_model.information.states import INFO_TRANSITIONS, InfoState, allowed_info_steps
from cppcc_model.model.organizations import Level
from cppcc_model.model.reports import InfoEvent, InfoReport, InfoStep
from cppcc_model.workflow.errors import IllegalTransitionError, LifecycleError
from cppcc_model.workflow.steps import (
    check_dated_after,
    check_submitted_on,
    history_path,
    replay_history,
    step_problem,
)

__all__ = ["InfoStatus", "advance_info", "apply_info", "check_info_reports", "replay_info"]


@attrs.frozen
class InfoStatus:
    """Where an item stands: its state and the outcomes it collected, in order.

    ``instructions`` pairs each instruction's level with the leader named (if any).
    """

    report_id: str
    state: InfoState
    last_date: dt.date
    issued_on: dt.date | None = None
    issue: str | None = None
    combined: bool = False
    returns: int = 0
    forwarded: tuple[Level, ...] = ()
    adopted: tuple[Level, ...] = ()
    instructions: tuple[tuple[Level, str | None], ...] = ()

    @property
    def is_issued(self) -> bool:
        """Whether the item was issued (编发)."""
        return self.issued_on is not None

    def taken_up_by(self, level: Level) -> bool:
        """Whether a body at ``level`` or above adopted or forwarded it.

        Adopted at a level at or above ``level``, or forwarded *to* a level above it (a
        forwarding to the province is done by the city).
        """
        return any(found.rank >= level.rank for found in self.adopted) or any(
            found.rank > level.rank for found in self.forwarded
        )


def _refuse(
    status: InfoStatus, step: InfoStep, reason: str | None = None
) -> IllegalTransitionError:
    allowed = ", ".join(f"{s.label} ({s.value})" for s in allowed_info_steps(status.state))
    return IllegalTransitionError(
        status.report_id,
        status.state.value,
        step.value,
        reason=reason,
        hint=f"from {status.state.label} an item can take: {allowed or 'no further step'}",
    )


def _step(status: InfoStatus, event: InfoEvent, first: bool, submitted_on: dt.date) -> InfoStatus:
    step = event.step
    check_dated_after(status.report_id, step.value, event.on, status.last_date)
    moved = attrs.evolve(status, last_date=event.on)
    if step is InfoStep.SUBMITTED and first and status.state is InfoState.SUBMITTED:
        check_submitted_on(
            status.report_id,
            event.on,
            submitted_on,
            "date the first 报送 step on the item's submitted_on",
        )
        return moved
    target = INFO_TRANSITIONS.get((status.state, step))
    if target is None:
        raise _refuse(status, step)
    changes: dict[str, object] = {"state": target}
    if step is InfoStep.ISSUED:
        changes.update(issued_on=event.on, issue=event.issue, combined=bool(event.combined_with))
    elif step is InfoStep.RETURNED:
        changes["returns"] = status.returns + 1
    elif step is InfoStep.FORWARDED:
        assert event.level is not None
        changes["forwarded"] = (*status.forwarded, event.level)
    elif step is InfoStep.ADOPTED:
        assert event.level is not None
        changes["adopted"] = (*status.adopted, event.level)
    elif step is InfoStep.INSTRUCTED:
        assert event.level is not None
        changes["instructions"] = (*status.instructions, (event.level, event.leader))
    return attrs.evolve(moved, **changes)  # type: ignore[arg-type]


def replay_info(report: InfoReport, as_of: dt.date | None = None) -> InfoStatus:
    """Where ``report`` stands after its history (the events on or before ``as_of``).

    Raises:
        IllegalTransitionError, DateOrderError, InvalidStepError: when a step breaks the pipeline.

    """
    return replay_history(
        InfoStatus(report.id, InfoState.SUBMITTED, report.submitted_on),
        report.history,
        lambda status, event, first: _step(status, event, first, report.submitted_on),
        as_of,
    )


def apply_info(report: InfoReport, event: InfoEvent) -> InfoReport:
    """A copy of ``report`` with ``event`` appended, after checking it is allowed."""
    status = replay_info(report)
    _step(status, event, not report.history, report.submitted_on)
    return attrs.evolve(report, history=(*report.history, event))


def advance_info(
    report: InfoReport, step: InfoStep | str, on: dt.date, **fields: object
) -> InfoReport:
    """Build the event (``step``, ``on`` and its ``fields``) and :func:`apply_info` it."""
    return apply_info(report, InfoEvent(step=step, on=on, **fields))  # type: ignore[arg-type]


def check_info_reports(reports: Iterable[InfoReport]) -> tuple[Problem, ...]:
    """Every pipeline problem of ``reports``, all at once, in the order given.

    Each names the step as the clerk wrote it (its Chinese label, 采用 rather than
    ``adopted``), the item and the step's place (``where.path`` is
    ``$.info_reports[<position>].history[<step>]``). A history is checked up to its first
    broken step.
    """
    problems: list[Problem] = []
    for position, report in enumerate(reports):
        status = InfoStatus(report.id, InfoState.SUBMITTED, report.submitted_on)
        for index, event in enumerate(report.history):
            try:
                status = _step(status, event, index == 0, report.submitted_on)
            except LifecycleError as error:
                where = Location(
                    record_id=report.id, path=history_path("info_reports", position, index)
                )
                problems.append(
                    step_problem(
                        error, report.id, event.step.label, event.on, status.state.label, where
                    )
                )
                break
    return tuple(problems)
