"""The seed documents' proposal and 社情民意 figures, reproduced by the library's statistics.

See shared/reference/seed-figures.md; the example ledgers live in examples/<district>/.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from cppcc_model import Ledger
from cppcc_model.attendance import attendance_statistics
from cppcc_model.information import info_statistics, info_statistics_by, issues_published
from cppcc_model.model import GroupKind, Period
from cppcc_model.proposals import (
    Grouping,
    SatisfactionBase,
    StatsSettings,
    case_proposers,
    check_proposals,
    proposal_statistics,
    proposal_statistics_by,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
D = dt.date


def _module(district: str) -> ModuleType:
    path = EXAMPLES / district / "ledger_data.py"
    spec = importlib.util.spec_from_file_location(f"_example_{district}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def example(district: str) -> Ledger:
    ledger = _module(district).build()
    assert isinstance(ledger, Ledger)
    return ledger


@pytest.mark.parametrize("district", ["liujiang", "dawa", "xiangzhou"])
def test_example_histories_are_all_legal(district: str) -> None:
    assert check_proposals(example(district).proposals) == ()


# ---------------------------------------------------------------- 001 Liujiang, first half 2022

SINCE_PLENARY = Period(D(2022, 1, 8), D(2022, 6, 15))  # 九届三次会议以来, to mid-June


def test_liujiang_received_filed_local_and_city() -> None:
    counts = proposal_statistics(example("liujiang"), period=SINCE_PLENARY).counts
    assert counts.received == 44
    assert counts.filed == 38
    assert counts.handled_locally == 32
    assert counts.transferred_up == 6
    assert counts.transferred_after_filing == 6


def test_liujiang_32_assigned_on_3_may_and_all_38_by_mid_june() -> None:
    ledger = example("liujiang")
    on_may_3 = proposal_statistics(ledger, as_of=D(2022, 5, 3)).counts
    assert on_may_3.assigned == 32
    assert on_may_3.handed_over == 32
    before = proposal_statistics(ledger, as_of=D(2022, 5, 2)).counts
    assert before.assigned == 0
    mid_june = proposal_statistics(ledger, period=SINCE_PLENARY).counts
    assert mid_june.handed_over == 38 == mid_june.filed
    assert mid_june.key == 3


def test_liujiang_information_and_training() -> None:
    ledger = example("liujiang")
    half = Period.half(2022, 1)
    assert info_statistics(ledger, as_of=half.end).counts.submitted > 21
    assert len(issues_published(ledger, period=half)) == 1
    training = attendance_statistics(ledger, half, kinds=["培训"])
    assert training.counts.invited == 10
    months = {a.start.month for a in ledger.activities if a.kind.value == "training"}
    assert months == {4, 5}
    assert {g.name for g in ledger.activity_groups} == {"科技组", "社会组", "工商组", "法制组"}


def test_liujiang_merged_proposers_still_count() -> None:
    ledger = example("liujiang")
    by_id = {p.id: p for p in ledger.proposals}
    assert case_proposers("lj-p01", by_id) == ("lj18", "lj20", "lj25")


# ---------------------------------------------------------------- 003 Dawa, 2023


def test_dawa_2023_proposals() -> None:
    stats = proposal_statistics(example("dawa"), period=Period.year(2023))
    assert stats.counts.filed == 48
    for rate in (stats.reply_rate, stats.face_to_face_rate, stats.satisfaction_rate):
        assert rate.percent() == "100.00%"
    for base in SatisfactionBase:
        settings = StatsSettings(satisfaction_base=base)
        again = proposal_statistics(example("dawa"), period=Period.year(2023), settings=settings)
        assert again.satisfaction_rate.percent() == "100.00%"
    assert stats.counts.supervised == 3


def test_dawa_2023_information_and_roster() -> None:
    ledger = example("dawa")
    assert info_statistics(ledger, period=Period.year(2023)).counts.submitted == 26
    assert len(ledger.members) == 209
    assert len(ledger.special_committees) == 4
    assert all(len(m.special_committee_ids) == 1 for m in ledger.members)  # 全员入委


# ---------------------------------------------------------------- 000 Xiangzhou, 2022

PLENARY = "5-4"
GROUP_FIGURES = {  # name: (members, proposals, filed, key)
    "双沟镇活动组": (8, 15, 10, 2),
    "程河镇活动组": (8, 13, 11, 2),
    "第1活动组": (21, 29, 26, 4),
    "第2活动组": (33, 53, None, None),
    "第6活动组": (23, 31, 23, None),
}


def test_xiangzhou_roster_has_22_groups_with_the_stated_sizes() -> None:
    ledger = example("xiangzhou")
    groups = ledger.activity_groups
    assert len(groups) == 22
    kinds = [g.kind for g in groups]
    assert kinds.count(GroupKind.TOWN_STREET) == 15
    assert kinds.count(GroupKind.SPECIAL_COMMITTEE) == 7
    assert all(g.party_branch for g in groups)  # a functional party branch each
    by_name = {g.name: g for g in groups}
    for name, (members, *_) in GROUP_FIGURES.items():
        assert len(ledger.members_of_group(by_name[name].id)) == members
    named = {
        "龙王镇活动组",
        "黄集镇活动组",
        "古驿镇活动组",
        "峪山镇活动组",
        "伙牌镇活动组",
        "张家集镇活动组",
        "朱集镇活动组",
        "张湾街道政协联络处",
        "肖湾街道政协联络处",
        "刘集街道政协联络处",
    }
    assert named <= set(by_name)
    paired = {g.name: g.paired_committee_id for g in groups if g.paired_committee_id}
    assert paired["第1活动组"] == "tian"
    assert len(paired) == 7


def test_xiangzhou_plenary_367_received_148_filed() -> None:
    ledger = example("xiangzhou")
    by_session = proposal_statistics_by(ledger, Grouping.SESSION, period=Period.year(2022))
    counts = by_session[PLENARY].counts
    assert counts.received == 367
    assert counts.filed == 148
    assert counts.merged > counts.not_filed  # filed "after merging"
    assert counts.buckets_total == 367


def test_xiangzhou_group_figures_and_group_1_highest_filing_rate() -> None:
    ledger = example("xiangzhou")
    names = {g.id: g.name for g in ledger.activity_groups}
    stats = {
        names[key]: value
        for key, value in proposal_statistics_by(
            ledger, Grouping.ACTIVITY_GROUP, period=Period.year(2022)
        ).items()
    }
    assert len(stats) == 22
    for name, (members, received, filed, key) in GROUP_FIGURES.items():
        counts = stats[name].counts
        assert counts.received == received
        if filed is not None:
            assert counts.filed == filed
        if key is not None:
            assert counts.key == key
        proposers = {p for prop in ledger.proposals for p in prop.member_ids}
        group_id = next(g for g, n in names.items() if n == name)
        assert sum(m.id in proposers for m in ledger.members_of_group(group_id)) == members
    best = stats["第1活动组"].filing_rate.value
    assert best is not None
    assert all(
        s.filing_rate.value is not None and s.filing_rate.value < best
        for name, s in stats.items()
        if name != "第1活动组"
    )
    assert stats["第1活动组"].filing_rate.percent() == "89.66%"


def test_xiangzhou_information_of_the_year() -> None:
    ledger = example("xiangzhou")
    counts = info_statistics(ledger, period=Period.year(2022)).counts
    assert counts.issued == 183
    assert counts.taken_up_city_or_above == 48  # 省市政协采纳、转报
    assert counts.forwarded_to_national == 7  # 其中转报全国政协
    assert counts.instructed == 20  # 各级领导批示


def test_xiangzhou_information_by_group_and_unit() -> None:
    ledger = example("xiangzhou")
    names = {g.id: g.name for g in ledger.activity_groups}
    by_group = {
        names[k]: v.counts
        for k, v in info_statistics_by(ledger, "activity_group", period=Period.year(2022)).items()
    }
    assert by_group["双沟镇活动组"].submitted == 23
    assert by_group["程河镇活动组"].submitted == 12
    assert by_group["程河镇活动组"].outcome_events == 10  # 采纳和转报10篇次
    assert by_group["第1活动组"].submitted == 44
    assert by_group["第1活动组"].outcome_events_with_instructions == 30  # 采纳转报和领导签批30篇次
    assert by_group["第2活动组"].submitted == 53
    g6 = by_group["第6活动组"]
    assert g6.submitted == 47
    assert g6.taken_up_county_or_above == 26  # 区级以上采纳转报26篇
    assert g6.national_forward_events == 3  # 转报全国政协3篇次
    assert g6.instructed == 4  # 领导签批4篇
    by_unit = info_statistics_by(ledger, Grouping.UNIT, period=Period.year(2022))
    top = max(by_unit.values(), key=lambda s: s.counts.taken_up_county_or_above)
    assert top is by_unit["cpwdp"]  # 农工党
    assert all(
        s.counts.taken_up_county_or_above < top.counts.taken_up_county_or_above
        for key, s in by_unit.items()
        if key != "cpwdp"
    )


def test_xiangzhou_printed_names_are_on_the_roster() -> None:
    names = {m.name for m in example("xiangzhou").members}
    for name in (
        "张景海",
        "杨明国",
        "秦静",
        "马璇",
        "覃俊东",
        "李小燕",
        "崔瑞波",
        "杨起平",
        "刘启军",
        "张建国",
        "方清涛",
    ):
        assert name in names
    assert len(names) == len(example("xiangzhou").members)
