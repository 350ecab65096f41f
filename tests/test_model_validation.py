"""Every entity refuses values it cannot hold, with an InvalidValueError that says what."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cppcc_model.errors import CppccError, InvalidValueError, UnknownLabelError
from cppcc_model.model import (
    Activity,
    ActivityGroup,
    Attendance,
    BodyRef,
    Committee,
    Contribution,
    HandlingUnit,
    InfoEvent,
    InfoReport,
    Member,
    ParticipatingUnit,
    Proposal,
    ProposalEvent,
    RoleSpell,
    Sector,
    SpecialCommittee,
    WorkItem,
    WorkPlan,
)
from cppcc_model.testing import strategies as cst
from cppcc_model.testing.codes import raises_code

D = dt.date
BODY = BodyRef("unit", "jiusan")

VALID: dict[type, dict[str, Any]] = {
    Committee: {"id": "xz", "name": "襄州区政协", "level": "区", "jurisdiction": "hubei.xz"},
    Sector: {"id": "econ", "name": "经济界"},
    ParticipatingUnit: {"id": "u", "name": "九三学社", "short_name": "九三", "kind": "民主党派"},
    SpecialCommittee: {"id": "tian", "name": "提案委员会"},
    ActivityGroup: {"id": "g1", "name": "第一活动组", "kind": "镇街"},
    BodyRef: {"kind": "unit", "id": "jiusan"},
    RoleSpell: {"role": "常委", "start": D(2022, 1, 1)},
    Member: {"id": "m1", "name": "张三", "sector_id": "econ"},
    Attendance: {"member_id": "m1"},
    Activity: {"id": "a1", "kind": "视察", "title": "视察养老机构", "start": D(2022, 5, 1)},
    HandlingUnit: {"name": "区民政局"},
    ProposalEvent: {"step": "filed", "on": D(2022, 2, 1)},
    Proposal: {
        "id": "p1",
        "subject": "关于养老的建议",
        "submitted_on": D(2022, 1, 10),
        "proposer_kind": "个人",
        "member_ids": ["m1"],
    },
    InfoEvent: {"step": "issued", "on": D(2022, 3, 1)},
    InfoReport: {
        "id": "r1",
        "title": "关于停车难的反映",
        "submitted_on": D(2022, 3, 1),
        "author_ids": ["m1"],
    },
    Contribution: {
        "id": "c1",
        "kind": "调研报告",
        "title": "养老调研",
        "on": D(2022, 6, 1),
        "author_ids": ["m1"],
    },
    WorkItem: {"number": 1, "category": "重点协商", "title": "协商养老服务"},
    WorkPlan: {"id": "w2022", "year": 2022, "title": "2022年工作要点"},
}

# (class, overrides, words the message must contain)
INVALID: list[tuple[type, dict[str, Any], str]] = [
    (Committee, {"id": ""}, "non-empty"),
    (Committee, {"id": "x z"}, "white space"),
    (Committee, {"name": "  "}, "non-empty"),
    (Committee, {"name": " 政协"}, "spaces"),
    (Committee, {"level": "乡镇"}, "级别"),
    (Committee, {"jurisdiction": None}, "non-empty"),
    (Committee, {"parent_jurisdiction": ""}, "non-empty"),
    (Sector, {"id": 7}, "non-empty text"),
    (Sector, {"name": ""}, "non-empty"),
    (ParticipatingUnit, {"kind": "帮派"}, "参加单位"),
    (ParticipatingUnit, {"short_name": ""}, "non-empty"),
    (SpecialCommittee, {"short_name": "提案委 "}, "spaces"),
    (ActivityGroup, {"kind": "兴趣小组"}, "活动组"),
    (ActivityGroup, {"paired_committee_id": "ti an"}, "white space"),
    (ActivityGroup, {"party_branch": ""}, "non-empty"),
    (BodyRef, {"kind": "村委会"}, "组织"),
    (BodyRef, {"id": ""}, "non-empty"),
    (RoleSpell, {"role": "村长"}, "职务"),
    (RoleSpell, {"start": "2022-01-01"}, "date"),
    (RoleSpell, {"start": dt.datetime(2022, 1, 1)}, "date"),
    (RoleSpell, {"end": D(2021, 12, 31)}, "before start"),
    (RoleSpell, {"body_id": "a b"}, "white space"),
    (Member, {"id": "m 1"}, "white space"),
    (Member, {"name": ""}, "non-empty"),
    (Member, {"sector_id": None}, "non-empty"),
    (Member, {"special_committee_ids": ["tian", "tian"]}, "twice"),
    (Member, {"special_committee_ids": "tian"}, "list"),
    (Member, {"roles": ["常委"]}, "role spell"),
    (Member, {"gender": "未知"}, "性别"),
    (Member, {"joined": D(2022, 1, 1), "left": D(2021, 1, 1)}, "before joined"),
    (Attendance, {"member_id": ""}, "non-empty"),
    (Attendance, {"status": "睡觉"}, "出勤"),
    (Attendance, {"role": "观众"}, "参与角色"),
    (Attendance, {"half_days": -1}, "at least 0"),
    (Attendance, {"half_days": True}, "at least 0"),
    (Attendance, {"half_days": 1.5}, "at least 0"),
    (Activity, {"kind": "聚餐"}, "活动类别"),
    (Activity, {"title": ""}, "non-empty"),
    (Activity, {"end": D(2022, 4, 30)}, "before start"),
    (Activity, {"half_days": 0}, "at least 1"),
    (Activity, {"attendance": [Attendance("m1"), Attendance("m1", "late")]}, "twice"),
    (Activity, {"attendance": [Attendance("m1", half_days=2)]}, "half-days"),
    (Activity, {"attendance": ["m1"]}, "attendance entry"),
    (Activity, {"session_id": "5 4"}, "white space"),
    (HandlingUnit, {"name": ""}, "non-empty"),
    (HandlingUnit, {"role": "旁观"}, "承办方式"),
    (ProposalEvent, {"step": "表扬"}, "提案环节"),
    (ProposalEvent, {"on": None}, "date"),
    (ProposalEvent, {"step": "merged"}, "parent_id"),
    (ProposalEvent, {"step": "replied"}, "reply"),
    (ProposalEvent, {"step": "feedback"}, "satisfaction"),
    (ProposalEvent, {"step": "assigned"}, "handling unit"),
    (ProposalEvent, {"step": "reassigned", "units": []}, "handling unit"),
    (ProposalEvent, {"face_to_face": "yes"}, "true or false"),
    (ProposalEvent, {"level": "村级"}, "级别"),
    (Proposal, {"subject": ""}, "non-empty"),
    (Proposal, {"proposer_kind": "匿名"}, "提案者"),
    (Proposal, {"member_ids": []}, "exactly one"),
    (Proposal, {"member_ids": ["m1", "m2"]}, "exactly one"),
    (Proposal, {"body": BODY}, "no body"),
    (Proposal, {"proposer_kind": "joint"}, "at least two"),
    (Proposal, {"proposer_kind": "联名", "member_ids": ["m1", "m2"], "body": BODY}, "no body"),
    (Proposal, {"proposer_kind": "集体"}, "needs the body"),
    (Proposal, {"member_ids": ["m1", "m1"], "proposer_kind": "joint"}, "twice"),
    (Proposal, {"history": [ProposalEvent("filed", D(2022, 1, 9))]}, "before the proposal"),
    (
        Proposal,
        {
            "history": [
                ProposalEvent("filed", D(2022, 2, 1)),
                ProposalEvent("assigned", D(2022, 1, 31), units=[HandlingUnit("区民政局")]),
            ]
        },
        "dated earlier",
    ),
    (Proposal, {"history": [{"step": "filed"}]}, "proposal event"),
    (InfoEvent, {"step": "adopted"}, "needs a level"),
    (InfoEvent, {"step": "forwarded"}, "needs a level"),
    (InfoEvent, {"step": "instructed"}, "needs a level"),
    (InfoEvent, {"step": "删除"}, "信息环节"),
    (InfoEvent, {"combined_with": ["r2", "r2"]}, "twice"),
    (InfoReport, {"author_ids": []}, "author"),
    (InfoReport, {"title": ""}, "non-empty"),
    (InfoReport, {"history": ["issued"]}, "not an event"),
    (InfoReport, {"history": [InfoEvent("issued", D(2022, 2, 28))]}, "dated before"),
    (
        InfoReport,
        {"history": [InfoEvent("issued", D(2022, 3, 5)), InfoEvent("screened", D(2022, 3, 4))]},
        "dated before",
    ),
    (Contribution, {"author_ids": []}, "author"),
    (Contribution, {"kind": "八卦"}, "履职成果"),
    (Contribution, {"length_chars": 0}, "at least 1"),
    (Contribution, {"length_chars": False}, "at least 1"),
    (Contribution, {"on": "2022-06-01"}, "date"),
    (Contribution, {"note": ""}, "non-empty"),
    (WorkItem, {"number": 0}, "at least 1"),
    (WorkItem, {"category": "娱乐"}, "工作类别"),
    (WorkItem, {"lead_bodies": ["提案委", ""]}, "non-empty"),
    (WorkItem, {"status": "搁置"}, "完成情况"),
    (WorkPlan, {"year": -2022}, "at least 1"),
    (
        WorkPlan,
        {"items": [WorkItem(3, "重点协商", "甲"), WorkItem(3, "重点调研", "乙")]},
        "more than once",
    ),
]


@pytest.mark.parametrize("cls", list(VALID), ids=lambda cls: cls.__name__)
def test_the_valid_examples_are_valid(cls: type) -> None:
    assert attrs.has(cls)
    cls(**VALID[cls])


def test_every_entity_has_invalid_cases() -> None:
    assert {cls for cls, _, _ in INVALID} == set(VALID)


@pytest.mark.parametrize(
    ("cls", "overrides", "words"),
    INVALID,
    ids=[
        f"{cls.__name__}-{'-'.join(overrides)}-{n}" for n, (cls, overrides, _) in enumerate(INVALID)
    ],
)
def test_invalid_values_are_refused(cls: type, overrides: dict[str, Any], words: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        cls(**{**VALID[cls], **overrides})
    error = caught.value
    assert isinstance(error, CppccError)
    assert words in str(error)
    assert error.hint, "every refusal says how to fix it"


def test_record_errors_name_the_record() -> None:
    with pytest.raises(InvalidValueError) as caught:
        Member(**{**VALID[Member], "name": " 张三"})
    assert caught.value.where is not None
    assert caught.value.where.record_id == "m1"
    with pytest.raises(InvalidValueError) as caught:
        Proposal(**{**VALID[Proposal], "member_ids": []})
    assert caught.value.where is not None
    assert caught.value.where.record_id == "p1"


def test_unknown_labels_are_unknown_label_errors() -> None:
    with pytest.raises(UnknownLabelError):
        Attendance("m1", status="睡觉")


def test_entities_are_frozen_and_slotted() -> None:
    member = Member(**VALID[Member])
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        member.name = "李四"  # type: ignore[misc]
    for cls in VALID:
        assert "__dict__" not in dir(cls(**VALID[cls])), cls


def test_labels_and_lists_are_converted() -> None:
    member = Member(**{**VALID[Member], "special_committee_ids": ["tian"], "gender": "女"})
    assert member.special_committee_ids == ("tian",)
    assert member.gender is not None
    assert member.gender.value == "female"
    attendance = Attendance("m1", "請假", "發言")
    assert (attendance.status.value, attendance.role.value) == ("excused", "speaker")


@given(cst.members(), st.sampled_from(["", " ", "a b", "\t"]))
def test_any_member_with_a_bad_id_is_refused(member: Member, bad: str) -> None:
    with pytest.raises(InvalidValueError):
        attrs.evolve(member, id=bad)


@given(cst.proposals(), st.integers(1, 400))
def test_any_history_moved_before_submission_is_refused(proposal: Proposal, days: int) -> None:
    early = proposal.submitted_on - dt.timedelta(days=days)
    if proposal.history:
        with raises_code(InvalidValueError, "V127"):
            attrs.evolve(proposal, history=(attrs.evolve(proposal.history[0], on=early),))
    with raises_code(InvalidValueError, "V127"):
        attrs.evolve(proposal, history=(ProposalEvent("filed", early),))


@given(cst.info_reports())
def test_any_info_history_reversed_is_refused_unless_all_on_one_day(report: InfoReport) -> None:
    reversed_history = tuple(reversed(report.history))
    days = [event.on for event in reversed_history]
    if days == sorted(days):
        assert attrs.evolve(report, history=reversed_history).history == reversed_history
    else:
        with pytest.raises(InvalidValueError):
            attrs.evolve(report, history=reversed_history)
