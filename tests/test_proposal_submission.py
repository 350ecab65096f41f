from __future__ import annotations

import datetime as dt

from cppcc_model import Ledger
from cppcc_model.model import Committee, Member, Proposal, Sector, Session
from cppcc_model.proposals.submission import (
    SubmissionRules,
    SubmissionWindow,
    submission_problems,
    submission_window,
)

D = dt.date


def ledger(*proposals: Proposal) -> Ledger:
    return Ledger(
        committee=Committee("c", "区政协", "county", "test.district"),
        sessions=[Session(9, 3, D(2022, 1, 8), D(2022, 1, 10))],
        sectors=[Sector("s", "界别")],
        members=[Member("a", "甲", "s")],
        proposals=list(proposals),
    )


def test_the_window_follows_the_record() -> None:
    plenary = Proposal("p1", "x", D(2022, 1, 9), "individual", ["a"], session_id="9-3")
    between = Proposal("p2", "x", D(2022, 5, 9), "individual", ["a"])
    assert submission_window(plenary) is SubmissionWindow.PLENARY
    assert submission_window(between) is SubmissionWindow.BETWEEN_SESSIONS
    assert SubmissionWindow.parse("平时提案") is SubmissionWindow.BETWEEN_SESSIONS
    assert submission_problems(ledger(plenary, between)) == []


def test_records_whose_session_and_date_disagree_are_listed() -> None:
    early = Proposal("early", "x", D(2021, 12, 20), "individual", ["a"], session_id="9-3")
    late = Proposal("late", "x", D(2022, 3, 1), "individual", ["a"], session_id="9-3")
    unmarked = Proposal("unmarked", "x", D(2022, 1, 9), "individual", ["a"])
    problems = submission_problems(ledger(early, late, unmarked))
    assert [p.where.record_id for p in problems] == ["late", "unmarked"]
    # I113: submitted outside its session's window
    assert (problems[0].code, problems[0].value) == ("I113", "2022-03-01")
    assert "set its session to 9-3" in (problems[1].hint or "")
    strict = submission_problems(ledger(early), SubmissionRules(days_before=7))
    assert [p.where.record_id for p in strict] == ["early"]
