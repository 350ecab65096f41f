"""When a proposal was submitted: during a plenary (大会提案) or between sessions (平时提案).

Offices count the two apart, and some rules score them differently. A proposal records the
session it was submitted to (``session_id``); :func:`submission_window` checks that record
against the session's dates, with a stated tolerance — proposals are often collected in the days
before a plenary opens — and :func:`submission_problems` lists every proposal whose record and
date disagree, so a clerk can fix the ledger before statistics are published.
"""

from __future__ import annotations

import datetime as dt

import attrs

from cppcc_model.errors import Location, Problem
from cppcc_model.labels import LabeledEnum
from cppcc_model.ledger import Ledger
from cppcc_model.model import Proposal, Session

__all__ = ["SubmissionRules", "SubmissionWindow", "submission_problems", "submission_window"]


class SubmissionWindow(LabeledEnum, kind_label="提交时段 (submission window)"):
    """Whether a proposal was submitted to a plenary or between sessions."""

    PLENARY = ("plenary", "大会提案", "会议期间")
    BETWEEN_SESSIONS = ("between_sessions", "平时提案", "闭会期间")


@attrs.frozen
class SubmissionRules:
    """How far before a plenary opens, and after it closes, a plenary proposal may be dated.

    Defaults: 30 days before (proposals are collected ahead of the session) and none after.
    """

    days_before: int = 30
    days_after: int = 0

    def window(self, session: Session) -> tuple[dt.date, dt.date]:
        """The first and last day a proposal to ``session`` may be dated."""
        return (
            session.start - dt.timedelta(days=self.days_before),
            session.end + dt.timedelta(days=self.days_after),
        )


def submission_window(proposal: Proposal) -> SubmissionWindow:
    """The window the proposal's record says it was submitted in."""
    return SubmissionWindow.PLENARY if proposal.session_id else SubmissionWindow.BETWEEN_SESSIONS


def submission_problems(
    ledger: Ledger, rules: SubmissionRules = SubmissionRules()
) -> list[Problem]:
    """Every proposal whose session and submission date disagree, in ledger order.

    Two kinds: a plenary proposal dated outside its session's window, and a proposal recorded as
    between sessions although it is dated inside a plenary session (it was probably submitted
    to the plenary and its session is missing).
    """
    sessions = {s.id: s for s in ledger.sessions}
    problems: list[Problem] = []
    for proposal in ledger.proposals:
        where = Location(record_id=proposal.id)
        if proposal.session_id is not None:
            session = sessions[proposal.session_id]
            first, last = rules.window(session)
            if not first <= proposal.submitted_on <= last:
                problems.append(
                    Problem(
                        f"submitted on {proposal.submitted_on} to {session.label}, whose window is "
                        f"{first}..{last}",
                        where,
                        "correct the date or the session, or clear the session for a proposal "
                        "submitted between sessions (平时提案)",
                    )
                )
            continue
        during = [s for s in ledger.sessions if s.start <= proposal.submitted_on <= s.end]
        if during:
            problems.append(
                Problem(
                    f"dated {proposal.submitted_on}, during {during[0].label}, but recorded as "
                    "submitted between sessions",
                    where,
                    f"set its session to {during[0].id} if it was a plenary proposal (大会提案)",
                )
            )
    return problems
