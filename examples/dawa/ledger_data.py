"""大洼区政协 (Dawa, Panjin, Liaoning), 2023: the proposal and 社情民意 part.

Reproduces seed 003 (the 2023 annual review): 48 proposals filed; reply rate, face-to-face rate
and satisfaction rate all 100 %; 3 proposals supervised by the chair group (主席会议成员领衔
督办); 26 社情民意 items; all 209 members assigned to 4 special committees (全员入委).

Member names, subjects, handling units, reply categories and dates are invented, consistent
with every stated figure. The plenary's term and session numbers are invented too.
"""

from __future__ import annotations

import datetime as dt

from cppcc_model import Ledger
from cppcc_model.information import advance_info
from cppcc_model.model import (
    Committee,
    HandlingUnit,
    InfoReport,
    Member,
    Proposal,
    Sector,
    Session,
    SpecialCommittee,
    Term,
)
from cppcc_model.proposals import advance

D = dt.date

COMMITTEE = Committee(
    id="dawa",
    name="盘锦市大洼区政协",
    level="county",
    jurisdiction="liaoning.panjin.dawa",
    parent_jurisdiction="liaoning.panjin",
)
PLENARY = Session(term=3, number=2, start=D(2023, 1, 5), end=D(2023, 1, 7))

# (id, name, short name, members) — 209 members, every one in a committee (全员入委)
SPECIAL_COMMITTEES = (
    ("tijing", "提案和经济委员会", "提案经济委", 55),
    ("shefa", "社会和法制委员会", "社会法制委", 52),
    ("wenshi", "文化文史和学习委员会", "文史学习委", 50),
    ("nongye", "农业农村和人口资源环境委员会", "农业农村委", 52),
)
SECTORS = (("cpc", "中共"), ("parties", "民主党派"), ("econ", "经济界"), ("agri", "农业界"))

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏"
GIVEN = (
    "志刚",
    "秀兰",
    "建国",
    "丽娟",
    "海波",
    "春梅",
    "德明",
    "玉珍",
    "晓光",
    "淑华",
    "国庆",
    "桂英",
    "永胜",
    "红霞",
    "立新",
    "凤琴",
    "振东",
    "雅静",
    "文博",
    "金凤",
    "宏伟",
    "艳秋",
    "士杰",
    "慧敏",
    "长林",
    "月华",
    "子昂",
    "静怡",
    "庆丰",
    "佳音",
)

# Proposals: (number, proposer index, reply category, rating); all filed, assigned, replied,
# met face to face, rated and closed. Ratings: 满意 except four 基本满意.
PROPOSAL_COUNT = 48
SUPERVISED = (1, 2, 3)  # supervised by the chair group (主席会议成员领衔督办)
BASICALLY_SATISFIED = (7, 19, 31, 43)
HANDLING_UNITS = (
    "区发展和改革局",
    "区教育局",
    "区卫生健康局",
    "区农业农村局",
    "区住房和城乡建设局",
    "区民政局",
    "区生态环境分局",
    "区文化旅游和广播电视局",
)
SUBJECTS = (
    "稻蟹共生产业提质增效",
    "湿地生态保护",
    "农村人居环境整治",
    "中小学课后服务",
    "养老服务体系建设",
    "民营企业融资",
    "乡村旅游发展",
    "基层医疗服务",
)
INFO_COUNT = 26
INFO_ADOPTED_BY_CITY = (2, 5, 9, 14, 21)


def _name(index: int) -> str:
    return (
        SURNAMES[index % len(SURNAMES)] + GIVEN[(index // len(SURNAMES) * 7 + index) % len(GIVEN)]
    )


def _members() -> list[Member]:
    members = []
    index = 0
    for cid, _, _, count in SPECIAL_COMMITTEES:
        for _ in range(count):
            index += 1
            members.append(
                Member(
                    id=f"dw{index:03d}",
                    name=_name(index),
                    sector_id=SECTORS[index % len(SECTORS)][0],
                    special_committee_ids=(cid,),
                )
            )
    return members


def _proposals() -> list[Proposal]:
    proposals = []
    for number in range(1, PROPOSAL_COUNT + 1):
        proposal = Proposal(
            id=f"dw-p{number:02d}",
            subject=f"关于{SUBJECTS[number % len(SUBJECTS)]}的建议（{number}）",
            submitted_on=PLENARY.start,
            proposer_kind="individual",
            member_ids=(f"dw{number * 4:03d}",),
            session_id=PLENARY.id,
        )
        proposal = advance(proposal, "filed", D(2023, 1, 20), case_number=f"{number:02d}")
        unit = HANDLING_UNITS[number % len(HANDLING_UNITS)]
        proposal = advance(proposal, "assigned", D(2023, 2, 21), units=(HandlingUnit(unit),))
        if number in SUPERVISED:
            proposal = advance(proposal, "key_designated", D(2023, 3, 1), leader="区政协主席会议")
            proposal = advance(proposal, "supervised", D(2023, 4, 12), leader="区政协主席会议成员")
        category = "A" if number % 3 else "B"
        proposal = advance(proposal, "replied", D(2023, 5, 4 + number % 15), reply=category)
        rating = "basically_satisfied" if number in BASICALLY_SATISFIED else "satisfied"
        proposal = advance(
            proposal,
            "feedback",
            D(2023, 6, 1 + number % 20),
            satisfaction=rating,
            face_to_face=True,
        )
        proposal = advance(proposal, "closed", D(2023, 6, 30))
        proposals.append(proposal)
    return proposals


def _info_reports() -> list[InfoReport]:
    reports = []
    for number in range(1, INFO_COUNT + 1):
        submitted = D(2023, 1 + number % 11, 3 + number % 20)
        report = InfoReport(
            id=f"dw-i{number:02d}",
            title=f"社情民意信息（{number}）",
            submitted_on=submitted,
            author_ids=(f"dw{number * 7:03d}",),
        )
        report = advance_info(
            report, "issued", submitted + dt.timedelta(days=10), issue=f"2023年第{number}期"
        )
        if number in INFO_ADOPTED_BY_CITY:
            report = advance_info(
                report, "adopted", submitted + dt.timedelta(days=30), level="city"
            )
        reports.append(report)
    return reports


def build() -> Ledger:
    """The Dawa example ledger."""
    return Ledger(
        committee=COMMITTEE,
        terms=[Term(number=3, start=D(2021, 12, 1))],
        sessions=[PLENARY],
        sectors=[Sector(sid, name) for sid, name in SECTORS],
        special_committees=[
            SpecialCommittee(cid, name, short) for cid, name, short, _ in SPECIAL_COMMITTEES
        ],
        members=_members(),
        proposals=_proposals(),
        info_reports=_info_reports(),
    )
