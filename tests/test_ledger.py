"""The Ledger: integrity problems name their record; queries agree with brute force."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cppcc_model.errors import CppccError, IntegrityError
from cppcc_model.ledger import Ledger, MemberRecords, UnknownRecordError
from cppcc_model.model import (
    Activity,
    ActivityGroup,
    Attendance,
    BodyRef,
    Contribution,
    InfoEvent,
    InfoReport,
    Member,
    Period,
    Proposal,
    ProposalEvent,
    ProposalStep,
    RoleSpell,
    Sector,
    Session,
    SpecialCommittee,
    Term,
    WorkPlan,
    standard_unit,
)
from cppcc_model.testing import strategies as cst
from cppcc_model.testing.codes import raises_code

D = dt.date
EARLIEST_EVER = dt.date(1, 1, 1)
LATEST_EVER = dt.date(9999, 12, 31)


def _activity(**kwargs: Any) -> Activity:
    return Activity(
        **{"id": "a9", "kind": "视察", "title": "视察", "start": D(2023, 3, 1), **kwargs}
    )


def _proposal(**kwargs: Any) -> Proposal:
    values = {
        "id": "p9",
        "subject": "建议",
        "submitted_on": D(2023, 3, 1),
        "proposer_kind": "individual",
        "member_ids": ["m1"],
        **kwargs,
    }
    return Proposal(**values)


def _report(**kwargs: Any) -> InfoReport:
    values = {"id": "r9", "title": "信息", "submitted_on": D(2023, 3, 1), "author_ids": ["m1"]}
    return InfoReport(**{**values, **kwargs})


def _contribution(**kwargs: Any) -> Contribution:
    values = {"id": "c9", "kind": "调研报告", "title": "报告", "on": D(2023, 3, 1)}
    return Contribution(**{**values, "author_ids": ["m1"], **kwargs})


def _member(**kwargs: Any) -> Member:
    return Member(**{"id": "m9", "name": "赵六", "sector_id": "econ", **kwargs})


# (what is added to the small ledger, the record the problem must name, words in the message)
DANGLING: list[tuple[str, dict[str, Any], str, str]] = [
    (
        "group-paired-committee",
        {"activity_groups": [ActivityGroup("g9", "第九组", "sector", "nope")]},
        "g9",
        "special committee",
    ),
    ("member-sector", {"members": [_member(sector_id="nope")]}, "m9", "sector"),
    ("member-unit", {"members": [_member(unit_id="nope")]}, "m9", "participating unit"),
    ("member-group", {"members": [_member(activity_group_id="nope")]}, "m9", "activity group"),
    (
        "member-special-committee",
        {"members": [_member(special_committee_ids=["tian", "nope"])]},
        "m9",
        "special committee",
    ),
    (
        "member-role-body",
        {"members": [_member(roles=[RoleSpell("组长", D(2022, 1, 1), body_id="nope")])]},
        "m9",
        "body",
    ),
    ("activity-session", {"activities": [_activity(session_id="5-9")]}, "a9", "session"),
    (
        "activity-attendee",
        {"activities": [_activity(attendance=[Attendance("nope")])]},
        "a9",
        "member",
    ),
    (
        "activity-organiser-group",
        {"activities": [_activity(organiser=BodyRef("activity_group", "nope"))]},
        "a9",
        "委员活动组",
    ),
    (
        "activity-organiser-committee",
        {"activities": [_activity(organiser=BodyRef("committee", "other"))]},
        "a9",
        "政协",
    ),
    ("proposal-session", {"proposals": [_proposal(session_id="5-9")]}, "p9", "session"),
    ("proposal-member", {"proposals": [_proposal(member_ids=["nope"])]}, "p9", "member"),
    (
        "proposal-body-unit",
        {
            "proposals": [
                _proposal(proposer_kind="collective", member_ids=[], body=BodyRef("unit", "nope"))
            ]
        },
        "p9",
        "参加单位",
    ),
    (
        "proposal-body-sector",
        {
            "proposals": [
                _proposal(proposer_kind="collective", member_ids=[], body=BodyRef("sector", "nope"))
            ]
        },
        "p9",
        "界别",
    ),
    (
        "proposal-merge-parent",
        {
            "proposals": [
                _proposal(history=[ProposalEvent("merged", D(2023, 3, 2), parent_id="px")])
            ]
        },
        "p9",
        "proposal",
    ),
    (
        "proposal-merged-into-itself",
        {
            "proposals": [
                _proposal(history=[ProposalEvent("merged", D(2023, 3, 2), parent_id="p9")])
            ]
        },
        "p9",
        "itself",
    ),
    ("report-author", {"info_reports": [_report(author_ids=["nope"])]}, "r9", "member"),
    (
        "report-body",
        {"info_reports": [_report(body=BodyRef("special_committee", "nope"))]},
        "r9",
        "专门委员会",
    ),
    (
        "report-combined",
        {
            "info_reports": [
                _report(history=[InfoEvent("issued", D(2023, 3, 2), combined_with=["nope"])])
            ]
        },
        "r9",
        "社情民意",
    ),
    (
        "contribution-author",
        {"contributions": [_contribution(author_ids=["nope"])]},
        "c9",
        "member",
    ),
    (
        "contribution-body",
        {"contributions": [_contribution(author_ids=[], body=BodyRef("unit", "nope"))]},
        "c9",
        "参加单位",
    ),
]


def _extended(ledger: Ledger, additions: dict[str, Any]) -> Ledger:
    return attrs.evolve(
        ledger, **{name: (*getattr(ledger, name), *records) for name, records in additions.items()}
    )


@pytest.mark.parametrize(
    ("additions", "record", "words"),
    [case[1:] for case in DANGLING],
    ids=[case[0] for case in DANGLING],
)
def test_dangling_references_name_the_record(
    small_ledger: Ledger, additions: dict[str, Any], record: str, words: str
) -> None:
    with pytest.raises(IntegrityError) as caught:
        _extended(small_ledger, additions)
    problems = caught.value.problems
    assert len(problems) == 1, problems
    assert problems[0].where.record_id == record
    # I003: names a record that is not in the ledger (the kind, ``words``, is in its text);
    # I005: a proposal merged into itself
    assert problems[0].code == ("I005" if words == "itself" else "I003")
    if words != "itself":
        assert problems[0].value is not None
        assert problems[0].value.strip("'").split("'")[-1] in {"nope", "5-9", "other", "px"}
    assert problems[0].hint


def test_office_and_external_bodies_are_free_names(small_ledger: Ledger) -> None:
    ledger = _extended(
        small_ledger,
        {
            "activities": [_activity(organiser=BodyRef("office", "区政协办公室"))],
            "contributions": [_contribution(author_ids=[], body=BodyRef("external", "区委统战部"))],
        },
    )
    assert len(ledger.activities) == 2


DUPLICATES: list[tuple[str, Any, str]] = [
    ("terms", Term(number=5, start=D(2022, 1, 1)), "5"),
    ("sessions", Session(term=5, number=2, start=D(2023, 2, 1), end=D(2023, 2, 2)), "5-2"),
    ("sectors", Sector("econ", "经济界二"), "econ"),
    ("units", standard_unit("九三学社"), "jiusan"),
    ("special_committees", SpecialCommittee("tian", "提案委"), "tian"),
    ("activity_groups", ActivityGroup("g1", "另一组", "sector"), "g1"),
    ("members", Member(id="m1", name="重名", sector_id="econ"), "m1"),
    ("activities", _activity(id="a1"), "a1"),
    ("proposals", _proposal(id="p1"), "p1"),
    ("info_reports", _report(id="r9"), "r9"),
    ("contributions", _contribution(id="c9"), "c9"),
    ("work_plans", WorkPlan(id="w", year=2022, title="要点"), "w"),
]


@pytest.mark.parametrize(
    ("field", "record", "record_id"), DUPLICATES, ids=[d[0] for d in DUPLICATES]
)
def test_duplicate_ids_name_the_record(
    small_ledger: Ledger, field: str, record: Any, record_id: str
) -> None:
    existing = getattr(small_ledger, field)
    copies = (record,) if existing else (record, record)
    with pytest.raises(IntegrityError) as caught:
        attrs.evolve(small_ledger, **{field: (*existing, *copies)})
    problems = caught.value.problems
    assert [p.where.record_id for p in problems] == [record_id]
    assert (problems[0].code, problems[0].value) == ("I002", record_id)  # two have the id


def test_every_problem_is_reported_at_once(small_ledger: Ledger) -> None:
    with pytest.raises(IntegrityError) as caught:
        _extended(
            small_ledger,
            {
                "members": [_member(sector_id="nope", unit_id="nope2"), _member()],
                "proposals": [_proposal(member_ids=["nobody"])],
            },
        )
    error = caught.value
    assert isinstance(error, CppccError)
    assert len(error.problems) == 4
    assert error.code == "I001"
    assert {p.where.record_id for p in error.problems} == {"m9", "p9"}


def test_small_ledger_lookups(small_ledger: Ledger) -> None:
    assert small_ledger.member("m2").name == "李四"
    assert small_ledger.find_member("王五").id == "m3"
    assert small_ledger.find_member("m1").name == "张三"
    assert small_ledger.proposal("p2").proposer_kind.value == "joint"
    for bad in (lambda: small_ledger.member("m9"), lambda: small_ledger.proposal("p9")):
        with pytest.raises(UnknownRecordError):
            bad()
    with pytest.raises(UnknownRecordError):
        small_ledger.records_of("nobody")
    doubled = _extended(small_ledger, {"members": [_member(name="张三")]})
    with raises_code(UnknownRecordError, "I010", value="张三"):
        doubled.find_member("张三")
    with pytest.raises(KeyError):
        small_ledger.find_member("nobody")


def test_within_keeps_the_parents_of_merged_proposals(small_ledger: Ledger) -> None:
    assert small_ledger.within(Period.year(2024)).proposals == ()
    only_p2 = small_ledger.within(Period(D(2023, 1, 7), D(2023, 1, 7)))
    assert [p.id for p in only_p2.proposals] == ["p2", "p1"]
    assert only_p2.activities == ()
    assert only_p2.members == small_ledger.members


# ---------------------------------------------------------------------- against brute force


def _brute_records(ledger: Ledger, member_id: str, period: Period | None) -> MemberRecords:
    def inside(day: dt.date) -> bool:
        return period is None or period.start <= day <= period.end

    return MemberRecords(
        member=next(m for m in ledger.members if m.id == member_id),
        attendances=tuple(
            (activity, entry)
            for activity in ledger.activities
            for entry in activity.attendance
            if entry.member_id == member_id and inside(activity.start)
        ),
        proposals=tuple(
            p for p in ledger.proposals if member_id in p.member_ids and inside(p.submitted_on)
        ),
        info_reports=tuple(
            r for r in ledger.info_reports if member_id in r.author_ids and inside(r.submitted_on)
        ),
        contributions=tuple(
            c for c in ledger.contributions if member_id in c.author_ids and inside(c.on)
        ),
        inputs=tuple(
            i
            for i in ledger.inputs
            if i.subject_id == member_id and inside(i.period.start) and inside(i.period.end)
        ),
    )


@given(cst.ledgers(max_members=6, max_records=8), st.none() | cst.periods(max_days=3 * 366))
def test_records_of_agrees_with_brute_force(ledger: Ledger, period: Period | None) -> None:
    total = 0
    for member, records in zip(ledger.members, ledger.iter_member_records(period), strict=True):
        expected = _brute_records(ledger, member.id, period)
        assert ledger.records_of(member.id, period) == expected
        assert records == expected
        total += expected.count
    if period is None:
        authored = sum(
            len(x.member_ids if isinstance(x, Proposal) else x.author_ids)
            for x in (*ledger.proposals, *ledger.info_reports, *ledger.contributions)
        )
        roll_calls = sum(len(a.attendance) for a in ledger.activities)
        assert total == authored + roll_calls


def _merge_parents(proposal: Proposal) -> set[str]:
    return {e.parent_id for e in proposal.history if e.step is ProposalStep.MERGED and e.parent_id}


def _combined(report: InfoReport) -> set[str]:
    return {other for e in report.history for other in e.combined_with}


@given(cst.ledgers(max_members=6, max_records=8), cst.periods(max_days=3 * 366))
def test_within_agrees_with_brute_force(ledger: Ledger, period: Period) -> None:
    part = ledger.within(period)
    assert part.activities == tuple(a for a in ledger.activities if a.start in period)
    assert part.contributions == tuple(c for c in ledger.contributions if c.on in period)
    for mine, everything, dated, refs in (
        (part.proposals, ledger.proposals, lambda p: p.submitted_on, _merge_parents),
        (part.info_reports, ledger.info_reports, lambda r: r.submitted_on, _combined),
    ):
        inside = tuple(r for r in everything if dated(r) in period)
        assert mine[: len(inside)] == inside
        extras = mine[len(inside) :]
        assert list(extras) == [r for r in everything if r in extras], "ledger order"
        kept = {r.id for r in mine}
        referenced = {ref for r in mine for ref in refs(r)}
        assert referenced <= kept, "every reference still resolves"
        for extra in extras:
            assert dated(extra) not in period
            assert extra.id in referenced, "only what is referred to is added"
    assert (part.committee, part.members, part.sectors) == (
        ledger.committee,
        ledger.members,
        ledger.sectors,
    )
    assert part.activities_in(period) == part.activities
    assert ledger.within(Period(EARLIEST_EVER, LATEST_EVER)) == ledger


def test_within_follows_chains_of_merges_and_combinations(small_ledger: Ledger) -> None:
    ledger = _extended(
        small_ledger,
        {
            "proposals": [
                _proposal(
                    id="p3",
                    submitted_on=D(2023, 6, 1),
                    history=[ProposalEvent("merged", D(2023, 6, 2), parent_id="p2")],
                )
            ],
            "info_reports": [
                _report(id="r1", submitted_on=D(2022, 1, 1)),
                _report(
                    id="r2",
                    submitted_on=D(2022, 2, 1),
                    history=[InfoEvent("issued", D(2022, 2, 2), combined_with=["r1"])],
                ),
                _report(
                    id="r3",
                    submitted_on=D(2023, 6, 1),
                    history=[InfoEvent("issued", D(2023, 6, 2), combined_with=["r2"])],
                ),
            ],
        },
    )
    june = ledger.within(Period(D(2023, 6, 1), D(2023, 6, 30)))
    assert [p.id for p in june.proposals] == ["p3", "p1", "p2"]
    assert [r.id for r in june.info_reports] == ["r3", "r1", "r2"]


@given(cst.ledgers(max_members=8, max_records=4), st.data())
def test_roster_queries_agree_with_brute_force(ledger: Ledger, data: st.DataObject) -> None:
    for sector in ledger.sectors:
        assert ledger.members_of_sector(sector.id) == tuple(
            m for m in ledger.members if m.sector_id == sector.id
        )
    for unit in ledger.units:
        assert ledger.members_of_unit(unit.id) == tuple(
            m for m in ledger.members if m.unit_id == unit.id
        )
    for group in ledger.activity_groups:
        assert ledger.members_of_group(group.id) == tuple(
            m for m in ledger.members if m.activity_group_id == group.id
        )
    for committee in ledger.special_committees:
        assert set(ledger.members_of_special_committee(committee.id)) == {
            m for m in ledger.members if committee.id in m.special_committee_ids
        }
    everyone = [
        *(ledger.members_of_sector(s.id) for s in ledger.sectors),
    ]
    assert sum(len(group) for group in everyone) == len(ledger.members)
    period = data.draw(cst.periods(max_days=60))
    serving = ledger.members_serving(period)
    for member in ledger.members:
        days = (period.start + dt.timedelta(days=n) for n in range(period.days))
        assert (member in serving) == any(member.is_serving(day) for day in days)
    assert ledger.record_count == (
        sum(len(a.attendance) for a in ledger.activities)
        + len(ledger.proposals)
        + len(ledger.info_reports)
        + len(ledger.contributions)
    )


@given(cst.ledgers(max_members=6, max_records=6), st.randoms())
def test_ledgers_accept_their_records_in_any_order(ledger: Ledger, rnd: Any) -> None:
    shuffled: dict[str, Any] = {}
    for field in attrs.fields(Ledger):
        value = getattr(ledger, field.name)
        if isinstance(value, tuple):
            items = list(value)
            rnd.shuffle(items)
            shuffled[field.name] = items
    other = attrs.evolve(ledger, **shuffled)
    for member in ledger.members:
        mine, theirs = ledger.records_of(member.id), other.records_of(member.id)
        assert set(mine.proposals) == set(theirs.proposals)
        assert set(mine.attendances) == set(theirs.attendances)
        assert set(mine.contributions) == set(theirs.contributions)
