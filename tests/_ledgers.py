"""Small hand-built ledgers for the engine's tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from cppcc_model import Ledger
from cppcc_model.model import (
    Activity,
    Attendance,
    BodyRef,
    Committee,
    Contribution,
    InfoEvent,
    InfoReport,
    Member,
    Proposal,
    ProposalEvent,
    RoleSpell,
    Sector,
    Term,
)

D = dt.date
COMMITTEE = Committee("c", "测试区政协", "county", "test.district")


def member(member_id: str, *, standing: bool = False, **kwargs: object) -> Member:
    roles = [RoleSpell("standing_member", D(2015, 1, 1))] if standing else []
    return Member(member_id, member_id.upper(), "s", roles=roles, **kwargs)  # type: ignore[arg-type]


def ledger(
    members: Iterable[Member],
    *,
    activities: Iterable[Activity] = (),
    proposals: Iterable[Proposal] = (),
    info_reports: Iterable[InfoReport] = (),
    contributions: Iterable[Contribution] = (),
    terms: Iterable[Term] = (),
) -> Ledger:
    return Ledger(
        committee=COMMITTEE,
        sectors=[Sector("s", "测试界")],
        members=list(members),
        activities=list(activities),
        proposals=list(proposals),
        info_reports=list(info_reports),
        contributions=list(contributions),
        terms=list(terms),
    )


def meeting(
    activity_id: str, kind: str, on: dt.date, *entries: tuple[str, str], half_days: int = 1
) -> Activity:
    return Activity(
        activity_id,
        kind,
        activity_id,
        on,
        half_days=half_days,
        attendance=[Attendance(member_id, status) for member_id, status in entries],
    )


def proposal(
    proposal_id: str,
    *member_ids: str,
    on: dt.date = D(2022, 1, 10),
    steps: Iterable[tuple[str, dt.date]] = (),
    kind: str | None = None,
    body: BodyRef | None = None,
    **event_fields: object,
) -> Proposal:
    if kind is None:
        kind = "individual" if len(member_ids) == 1 else "joint"
    history = [ProposalEvent(step, when, **event_fields) for step, when in steps]  # type: ignore[arg-type]
    return Proposal(proposal_id, proposal_id, on, kind, member_ids, body=body, history=history)


def info(
    report_id: str, *author_ids: str, on: dt.date = D(2022, 3, 1), events: Iterable[InfoEvent] = ()
) -> InfoReport:
    return InfoReport(report_id, report_id, on, author_ids, history=list(events))
