"""The workflow core shared by proposals and 社情民意 (issue 22, item 6).

社情民意's lifecycle replays, checks and refuses with the shared core
(:mod:`cppcc_model.workflow`), not with proposals' internals; and every name that moved there
still works from where it was first written.
"""

from __future__ import annotations

import datetime as dt

import grimp
import pytest

import cppcc_model.proposals as proposals
import cppcc_model.proposals.deadlines as deadlines
import cppcc_model.proposals.errors as proposal_errors
import cppcc_model.proposals.lifecycle as proposal_lifecycle
import cppcc_model.workflow as workflow
from cppcc_model.information import advance_info, replay_info
from cppcc_model.model import InfoReport
from cppcc_model.testing.codes import raises_code

D = dt.date


def test_社情民意_imports_nothing_of_the_proposal_lifecycle() -> None:
    graph = grimp.build_graph("cppcc_model", cache_dir=None)
    internals = {
        "cppcc_model.proposals.lifecycle",
        "cppcc_model.proposals.errors",
        "cppcc_model.proposals.deadlines",
        "cppcc_model.proposals.states",
    }
    for module in ("cppcc_model.information.lifecycle", "cppcc_model.information.states"):
        assert graph.find_modules_directly_imported_by(module) & internals == set(), module
        assert not any(graph.chain_exists(module, internal) for internal in internals), module
    assert not graph.chain_exists("cppcc_model.workflow", "cppcc_model.proposals")


MOVED = {
    proposal_errors: (
        "CalendarRangeError",
        "DateOrderError",
        "HistoryProblemsError",
        "IllegalTransitionError",
        "InvalidStepError",
        "LifecycleError",
    ),
    deadlines: (
        "add_months",
        "add_working_days",
        "calendar_range",
        "is_working_day",
        "working_days_between",
    ),
    proposal_lifecycle: ("check_dated_after", "check_submitted_on", "history_path", "step_problem"),
    proposals: (
        "CalendarRangeError",
        "DateOrderError",
        "IllegalTransitionError",
        "InvalidStepError",
        "LifecycleError",
        "add_working_days",
        "is_working_day",
        "working_days_between",
    ),
}


@pytest.mark.parametrize(
    ("module", "name"),
    [(module, name) for module, names in MOVED.items() for name in names],
    ids=lambda x: x if isinstance(x, str) else x.__name__,
)
def test_every_moved_name_still_works_from_its_old_place(module: object, name: str) -> None:
    if not hasattr(module, name):
        pytest.skip(f"{name} was never public there")  # pragma: no cover
    assert getattr(module, name) is getattr(workflow, name)


def test_the_working_day_calendar_counts_official_working_days() -> None:
    # 2022-01-28 (Fri) + 10 working days: 29-30 Jan are make-up working days (调休), the
    # Spring Festival holiday runs 31 Jan – 6 Feb, so the tenth is 16 Feb (as the lifecycle
    # test of the objection window reads it)
    assert workflow.add_working_days(D(2022, 1, 28), 10) == D(2022, 2, 16)
    assert workflow.is_working_day(D(2022, 1, 29))  # a Saturday made a working day
    assert not workflow.is_working_day(D(2022, 2, 1))  # 春节
    assert workflow.working_days_between(D(2022, 1, 28), D(2022, 2, 16)) == 10
    first, _ = workflow.calendar_range()
    with raises_code(workflow.CalendarRangeError, "I115"):
        workflow.is_working_day(first - dt.timedelta(days=1))
    assert workflow.add_months(D(2022, 1, 31), 1) == D(2022, 2, 28)


def test_replay_history_stops_at_as_of_and_marks_the_first_step() -> None:
    seen: list[tuple[dt.date, bool]] = []

    class Event:
        def __init__(self, on: dt.date) -> None:
            self.on = on

    def step(status: int, event: Event, first: bool) -> int:
        seen.append((event.on, first))
        return status + 1

    history = [Event(D(2022, 1, 1)), Event(D(2022, 2, 1)), Event(D(2022, 3, 1))]
    assert workflow.replay_history(0, history, step, D(2022, 2, 1)) == 2
    assert seen == [(D(2022, 1, 1), True), (D(2022, 2, 1), False)]
    assert workflow.replay_history(0, history, step) == 3


def test_社情民意_refuses_with_the_shared_errors() -> None:
    report = InfoReport(
        id="r1", title="关于…的建议", submitted_on=D(2023, 3, 1), author_ids=("m1",)
    )
    issued = advance_info(report, "issued", D(2023, 3, 10), issue="2023-7")
    with raises_code(workflow.IllegalTransitionError, "I103", value="issued") as caught:
        advance_info(issued, "issued", D(2023, 3, 12), issue="2023-8")
    assert caught.value.record_id == "r1"
    with raises_code(workflow.DateOrderError, "I104"):
        advance_info(issued, "adopted", D(2023, 3, 9), level="city")
    assert replay_info(issued, D(2023, 3, 9)).state.value == "submitted"
