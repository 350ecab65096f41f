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

# (class, overrides, the code of the refusal: docs/reference/errors.md says what each means)
INVALID: list[tuple[type, dict[str, Any], str]] = [
    (Committee, {"id": ""}, "V001"),
    (Committee, {"id": "x z"}, "V004"),
    (Committee, {"name": "  "}, "V001"),
    (Committee, {"name": " 政协"}, "V002"),
    (Committee, {"level": "乡镇"}, "V401"),
    (Committee, {"jurisdiction": None}, "V001"),
    (Committee, {"parent_jurisdiction": ""}, "V001"),
    (Sector, {"id": 7}, "V001"),
    (Sector, {"name": ""}, "V001"),
    (ParticipatingUnit, {"kind": "帮派"}, "V401"),
    (ParticipatingUnit, {"short_name": ""}, "V001"),
    (SpecialCommittee, {"short_name": "提案委 "}, "V002"),
    (ActivityGroup, {"kind": "兴趣小组"}, "V401"),
    (ActivityGroup, {"paired_committee_id": "ti an"}, "V004"),
    (ActivityGroup, {"party_branch": ""}, "V001"),
    (BodyRef, {"kind": "村委会"}, "V401"),
    (BodyRef, {"id": ""}, "V001"),
    (RoleSpell, {"role": "村长"}, "V401"),
    (RoleSpell, {"start": "2022-01-01"}, "V006"),
    (RoleSpell, {"start": dt.datetime(2022, 1, 1)}, "V006"),
    (RoleSpell, {"end": D(2021, 12, 31)}, "V008"),
    (RoleSpell, {"body_id": "a b"}, "V004"),
    (Member, {"id": "m 1"}, "V004"),
    (Member, {"name": ""}, "V001"),
    (Member, {"sector_id": None}, "V001"),
    (Member, {"special_committee_ids": ["tian", "tian"]}, "V005"),
    (Member, {"special_committee_ids": "tian"}, "V009"),
    (Member, {"roles": ["常委"]}, "V117"),
    (Member, {"gender": "未知"}, "V401"),
    (Member, {"joined": D(2022, 1, 1), "left": D(2021, 1, 1)}, "V008"),
    (Attendance, {"member_id": ""}, "V001"),
    (Attendance, {"status": "睡觉"}, "V401"),
    (Attendance, {"role": "观众"}, "V401"),
    (Attendance, {"half_days": -1}, "V101"),
    (Attendance, {"half_days": True}, "V101"),
    (Attendance, {"half_days": 1.5}, "V101"),
    (Activity, {"kind": "聚餐"}, "V401"),
    (Activity, {"title": ""}, "V001"),
    (Activity, {"end": D(2022, 4, 30)}, "V008"),
    (Activity, {"half_days": 0}, "R224"),
    (Activity, {"attendance": [Attendance("m1"), Attendance("m1", "late")]}, "V103"),
    (Activity, {"attendance": [Attendance("m1", half_days=2)]}, "V104"),
    (Activity, {"attendance": ["m1"]}, "V102"),
    (Activity, {"session_id": "5 4"}, "V004"),
    (HandlingUnit, {"name": ""}, "V001"),
    (HandlingUnit, {"role": "旁观"}, "V401"),
    (ProposalEvent, {"step": "表扬"}, "V401"),
    (ProposalEvent, {"on": None}, "V006"),
    (ProposalEvent, {"step": "merged"}, "V119"),
    (ProposalEvent, {"step": "replied"}, "V119"),
    (ProposalEvent, {"step": "feedback"}, "V119"),
    (ProposalEvent, {"step": "assigned"}, "V120"),
    (ProposalEvent, {"step": "reassigned", "units": []}, "V120"),
    (ProposalEvent, {"face_to_face": "yes"}, "V121"),
    (ProposalEvent, {"level": "村级"}, "V401"),
    (Proposal, {"subject": ""}, "V001"),
    (Proposal, {"proposer_kind": "匿名"}, "V401"),
    (Proposal, {"member_ids": []}, "V123"),
    (Proposal, {"member_ids": ["m1", "m2"]}, "V123"),
    (Proposal, {"body": BODY}, "V122"),
    (Proposal, {"proposer_kind": "joint"}, "V124"),
    (Proposal, {"proposer_kind": "联名", "member_ids": ["m1", "m2"], "body": BODY}, "V124"),
    (Proposal, {"proposer_kind": "集体"}, "V125"),
    (Proposal, {"member_ids": ["m1", "m1"], "proposer_kind": "joint"}, "V005"),
    (Proposal, {"history": [ProposalEvent("filed", D(2022, 1, 9))]}, "V127"),
    (
        Proposal,
        {
            "history": [
                ProposalEvent("filed", D(2022, 2, 1)),
                ProposalEvent("assigned", D(2022, 1, 31), units=[HandlingUnit("区民政局")]),
            ]
        },
        "V128",
    ),
    (Proposal, {"history": [{"step": "filed"}]}, "V126"),
    (InfoEvent, {"step": "adopted"}, "V129"),
    (InfoEvent, {"step": "forwarded"}, "V129"),
    (InfoEvent, {"step": "instructed"}, "V129"),
    (InfoEvent, {"step": "删除"}, "V401"),
    (InfoEvent, {"combined_with": ["r2", "r2"]}, "V005"),
    (InfoReport, {"author_ids": []}, "V130"),
    (InfoReport, {"title": ""}, "V001"),
    (InfoReport, {"history": ["issued"]}, "V131"),
    (InfoReport, {"history": [InfoEvent("issued", D(2022, 2, 28))]}, "V132"),
    (
        InfoReport,
        {"history": [InfoEvent("issued", D(2022, 3, 5)), InfoEvent("screened", D(2022, 3, 4))]},
        "V132",
    ),
    (Contribution, {"author_ids": []}, "V106"),
    (Contribution, {"kind": "八卦"}, "V401"),
    (Contribution, {"length_chars": 0}, "R224"),
    (Contribution, {"length_chars": False}, "R224"),
    (Contribution, {"on": "2022-06-01"}, "V006"),
    (Contribution, {"note": ""}, "V001"),
    (WorkItem, {"number": 0}, "R224"),
    (WorkItem, {"category": "娱乐"}, "V401"),
    (WorkItem, {"lead_bodies": ["提案委", ""]}, "V001"),
    (WorkItem, {"status": "搁置"}, "V401"),
    (WorkPlan, {"year": -2022}, "R224"),
    (
        WorkPlan,
        {"items": [WorkItem(3, "重点协商", "甲"), WorkItem(3, "重点调研", "乙")]},
        "V133",
    ),
]


@pytest.mark.parametrize("cls", list(VALID), ids=lambda cls: cls.__name__)
def test_the_valid_examples_are_valid(cls: type) -> None:
    assert attrs.has(cls)
    cls(**VALID[cls])


def test_every_entity_has_invalid_cases() -> None:
    assert {cls for cls, _, _ in INVALID} == set(VALID)


@pytest.mark.parametrize(
    ("cls", "overrides", "code"),
    INVALID,
    ids=[
        f"{cls.__name__}-{'-'.join(overrides)}-{n}" for n, (cls, overrides, _) in enumerate(INVALID)
    ],
)
def test_invalid_values_are_refused(cls: type, overrides: dict[str, Any], code: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        cls(**{**VALID[cls], **overrides})
    error = caught.value
    assert isinstance(error, CppccError)
    assert error.code == code
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
