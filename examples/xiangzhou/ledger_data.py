"""襄州区政协 (Xiangzhou, Xiangyang, Hubei), 2022: roster, proposals and 社情民意.

Reproduces seed 000 (the annual work-conference speech; the year used is the one printed,
2022):

* 22 activity groups (15 town/street groups, 7 district-level groups each paired with a special
  committee), with the member counts the speech states;
* the plenary 五届四次会议: 367 proposals received, 148 filed after merging (并案处理); the
  group figures of the speech (双沟 15 / 10 filed / 2 key, 程河 13 / 11 / 2, 第1活动组 29 / 26 / 4
  — the highest filing rate of all groups —, 第2活动组 53, 第6活动组 31 / 23);
* 社情民意 of the year: 183 issued; 48 adopted or forwarded by the city and province CPPCCs, 7 of
  them forwarded to the national CPPCC; 20 with leader instructions; 农工党 with the most items
  adopted or forwarded of all units; the group figures (双沟 23 reported; 程河 12 reported, 10
  adoptions and forwardings; 第1活动组 44 reported, 30 adoptions, forwardings and instructions;
  第2活动组 53; 第6活动组 47 reported, 26 adopted or forwarded at district level or above, 3
  forwardings to the national CPPCC, 4 with instructions).

The speech does not say which year the group figures cover; the example places the group
proposal figures in the plenary's cohort (every group's proposals were submitted to it).

Names printed in the speech are used; every other name, the other groups' sizes and figures,
subjects, handling units and dates are invented, consistent with every stated figure.
Each table below is plain data; :func:`build` expands the plans into records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from cppcc_model import Ledger
from cppcc_model.information import advance_info
from cppcc_model.model import (
    ActivityGroup,
    BodyRef,
    Committee,
    HandlingUnit,
    InfoReport,
    Member,
    Proposal,
    Sector,
    Session,
    SpecialCommittee,
    Term,
    standard_unit,
)
from cppcc_model.proposals import advance

D = dt.date

COMMITTEE = Committee(
    id="xiangzhou",
    name="襄阳市襄州区政协",
    level="county",
    jurisdiction="hubei.xiangyang.xiangzhou",
    parent_jurisdiction="hubei.xiangyang",
)
PLENARY = Session(term=5, number=4, start=D(2022, 1, 5), end=D(2022, 1, 8))
FILING_DAY = D(2022, 1, 20)
ASSIGNMENT_DAY = D(2022, 2, 25)  # 提案交办会
KEY_DAY = D(2022, 3, 1)

SPECIAL_COMMITTEES = (
    ("tian", "提案委员会", "提案委"),
    ("jingji", "经济技术委员会", "经技委"),
    ("jiaowen", "教文体卫委员会", "教文体卫委"),
    ("shefa", "社会法制民族宗教委员会", "社法民宗委"),
    ("wenshi", "文史学习委员会", "文史学习委"),
    ("gangao", "港澳台侨外事委员会", "港澳台侨外事委"),
    ("weiyuan", "委员工作委员会", "委员工作委"),
)

# Activity groups: (id, name, kind, paired committee, members,
#                   proposals received, filed, key,
#                   社情民意 reported, issued, [TN, TU, TC] taken-up plan, instructed)
#   TN — adopted by the province and forwarded to the national CPPCC (2 events)
#   TU — adopted by the city CPPCC (1 event)
#   TC — adopted by the district party committee / government office (1 event)
#   instructed — items with one leader instruction (1 event each)
GROUPS = (
    ("shuanggou", "双沟镇活动组", "town_street", None, 8, 15, 10, 2, 23, 18, (0, 3, 5), 2),
    ("chenghe", "程河镇活动组", "town_street", None, 8, 13, 11, 2, 12, 11, (1, 2, 6), 0),
    ("longwang", "龙王镇活动组", "town_street", None, 9, 14, 4, 0, 4, 2, (0, 1, 0), 1),
    ("huangji", "黄集镇活动组", "town_street", None, 8, 12, 3, 0, 4, 2, (0, 1, 0), 1),
    ("guyi", "古驿镇活动组", "town_street", None, 7, 11, 2, 0, 4, 2, (0, 1, 0), 0),
    ("yushan", "峪山镇活动组", "town_street", None, 7, 10, 2, 0, 4, 2, (0, 1, 0), 0),
    ("huopai", "伙牌镇活动组", "town_street", None, 8, 12, 3, 0, 4, 2, (0, 0, 1), 0),
    ("zhangjiaji", "张家集镇活动组", "town_street", None, 9, 13, 3, 0, 4, 2, (0, 0, 1), 0),
    ("zhuji", "朱集镇活动组", "town_street", None, 7, 10, 2, 0, 4, 2, (0, 0, 1), 0),
    ("shiqiao", "石桥镇活动组", "town_street", None, 7, 10, 2, 0, 4, 2, (0, 0, 1), 0),
    ("huanglong", "黄龙镇活动组", "town_street", None, 7, 9, 2, 0, 4, 2, (0, 0, 0), 0),
    ("dongjin", "东津镇活动组", "town_street", None, 6, 8, 1, 0, 4, 1, (0, 0, 0), 0),
    ("zhangwan", "张湾街道政协联络处", "town_street", None, 10, 13, 2, 0, 4, 1, (0, 0, 0), 0),
    ("xiaowan", "肖湾街道政协联络处", "town_street", None, 9, 10, 1, 0, 4, 1, (0, 0, 0), 0),
    ("liuji", "刘集街道政协联络处", "town_street", None, 8, 8, 1, 0, 4, 1, (0, 0, 0), 0),
    ("g1", "第1活动组", "special_committee", "tian", 21, 29, 26, 4, 44, 38, (1, 8, 14), 6),
    ("g2", "第2活动组", "special_committee", "jingji", 33, 53, 20, 2, 53, 40, (2, 8, 10), 4),
    ("g3", "第3活动组", "special_committee", "jiaowen", 20, 24, 8, 0, 4, 1, (0, 0, 0), 0),
    ("g4", "第4活动组", "special_committee", "shefa", 18, 20, 6, 0, 4, 1, (0, 0, 0), 0),
    ("g5", "第5活动组", "special_committee", "wenshi", 16, 18, 5, 0, 4, 1, (0, 0, 0), 0),
    ("g6", "第6活动组", "special_committee", "gangao", 23, 31, 23, 2, 47, 40, (3, 10, 13), 4),
    ("g7", "第7活动组", "special_committee", "weiyuan", 15, 16, 5, 0, 4, 1, (0, 0, 0), 0),
)

# Collective proposals by participating units: (unit, received, filed)
COLLECTIVE_PROPOSALS = (
    ("rcckmt", 1, 1),
    ("cdl", 1, 1),
    ("cdnca", 1, 1),
    ("capd", 1, 1),
    ("cpwdp", 1, 1),
    ("jiusan", 1, 1),
    ("czgp", 1, 0),
    ("acfic", 1, 0),
)

# 社情民意 reported by 农工党 itself: (reported, issued, [TN, TU, TC], instructed)
CPWDP_ITEMS = (10, 10, (0, 6, 2), 2)

# The unit of a member by position in the group's roster (first position first); positions
# past the table are CPC members and non-party members in turn.
UNIT_BY_POSITION = ("cpwdp", "jiusan", "cdl", "cdnca", "rcckmt", "capd", "acfic", "non-party")
UNITS = (*UNIT_BY_POSITION, "cpc", "czgp")
SECTOR_OF_UNIT = {
    "cpc": "cpc",
    "rcckmt": "parties",
    "cdl": "parties",
    "cdnca": "parties",
    "capd": "parties",
    "cpwdp": "parties",
    "czgp": "parties",
    "jiusan": "parties",
    "acfic": "econ",
    "non-party": "nonparty",
}
SECTORS = (
    ("cpc", "中共"),
    ("parties", "民主党派"),
    ("econ", "经济界"),
    ("nonparty", "无党派人士"),
)

# Names printed in the speech, with the group they are placed in (placement invented)
PRINTED_NAMES = (
    ("张景海", "g1"),
    ("杨明国", "g2"),
    ("秦静", "g3"),
    ("马璇", "g6"),
    ("覃俊东", "g5"),
    ("李小燕", "g1"),
    ("崔瑞波", "g2"),
    ("杨起平", "g4"),
    ("刘启军", "zhuji"),
    ("张建国", "longwang"),
    ("方清涛", "huopai"),
    ("陈爱国", "huangji"),
    ("杨建鹏", "chenghe"),
    ("刘骁勇", "g7"),
    ("杜明豪", "g2"),
    ("常兴武", "g2"),
)

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏"
    "卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史"
    "顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
)
GIVEN = (
    "志强",
    "秀英",
    "建华",
    "丽萍",
    "海军",
    "春燕",
    "德胜",
    "玉兰",
    "晓峰",
    "淑珍",
    "国栋",
    "桂香",
    "永红",
    "红梅",
    "立军",
    "凤英",
    "振华",
    "雅琴",
    "文涛",
    "金花",
    "宏图",
    "艳红",
    "士林",
    "慧芳",
    "长青",
    "月娥",
    "子健",
    "静雯",
    "庆华",
    "佳琪",
    "明辉",
    "素芬",
    "家林",
    "晓丽",
    "正平",
    "美娟",
    "光明",
    "翠兰",
    "新民",
    "爱华",
)

HANDLING_UNITS = (
    "区发展和改革局",
    "区教育局",
    "区卫生健康局",
    "区农业农村局",
    "区住房和城乡建设局",
    "区交通运输局",
    "区生态环境分局",
    "区文化和旅游局",
    "区民政局",
    "区人力资源和社会保障局",
    "区市场监督管理局",
    "区城市管理执法局",
    "区水利和湖泊局",
    "区自然资源和规划分局",
)
SUBJECTS = (
    "唐白河流域污染治理",
    "河道非法采砂治理",
    "稻虾共作产业发展",
    "秸秆综合利用",
    "农村生活垃圾处理",
    "信息数据共享平台建设",
    "产业扶贫",
    "工业企业技术改造",
    "惠农贷推广",
    "柳编文化产业发展",
    "园区供水保障",
    "乡村医生队伍建设",
    "中小学校舍改造",
    "养老服务设施建设",
    "城区交通拥堵治理",
    "营商环境优化",
)


def _names() -> Iterator[str]:
    printed = {name for name, _ in PRINTED_NAMES}
    seen: set[str] = set()
    index = 0
    while True:
        surname = SURNAMES[index % len(SURNAMES)]
        given = GIVEN[(index // len(SURNAMES) * 11 + index * 3) % len(GIVEN)]
        index += 1
        name = surname + given
        if name not in printed and name not in seen:
            seen.add(name)
            yield name


def _unit_at(position: int) -> str:
    if position < len(UNIT_BY_POSITION):
        return UNIT_BY_POSITION[position]
    return "cpc" if position % 3 else "non-party"


def _members() -> dict[str, list[Member]]:
    """Members by group id, in roster order (printed names first in their group)."""
    names = _names()
    printed: dict[str, list[str]] = {}
    for name, group in PRINTED_NAMES:
        printed.setdefault(group, []).append(name)
    roster: dict[str, list[Member]] = {}
    for gid, _, _, paired, size, *_ in GROUPS:
        group_names = printed.get(gid, [])
        members = []
        for position in range(size):
            name = group_names[position] if position < len(group_names) else next(names)
            unit = _unit_at(position)
            members.append(
                Member(
                    id=f"xz-{gid}-{position + 1:02d}",
                    name=name,
                    sector_id=SECTOR_OF_UNIT[unit],
                    unit_id=unit,
                    activity_group_id=gid,
                    special_committee_ids=() if paired is None else (paired,),
                )
            )
        roster[gid] = members
    return roster


def _case(proposal: Proposal, number: int, key: bool) -> Proposal:
    """File a plenary proposal and take it through assignment, reply, feedback and closing."""
    proposal = advance(proposal, "filed", FILING_DAY, case_number=f"五届四次-{number:03d}")
    units = (HandlingUnit(HANDLING_UNITS[number % len(HANDLING_UNITS)]),)
    if number % 10 == 0:
        units = (
            HandlingUnit(HANDLING_UNITS[number % len(HANDLING_UNITS)], "lead"),
            HandlingUnit(HANDLING_UNITS[(number + 1) % len(HANDLING_UNITS)], "co"),
        )
    proposal = advance(proposal, "assigned", ASSIGNMENT_DAY, units=units)
    if key:
        proposal = advance(proposal, "key_designated", KEY_DAY, leader="区领导")
        proposal = advance(proposal, "supervised", D(2022, 4, 15), leader="区政协主席会议成员")
    if number % 37 == 0:
        proposal = advance(proposal, "extended", D(2022, 5, 10))
        replied_on = D(2022, 7, 15)
    else:
        replied_on = D(2022, 5, 5 + number % 19)
    category = "A" if number % 10 < 6 else ("B" if number % 10 < 9 else "C")
    proposal = advance(proposal, "replied", replied_on, reply=category)
    rating = "basically_satisfied" if number % 9 == 0 else "satisfied"
    proposal = advance(
        proposal,
        "feedback",
        replied_on + dt.timedelta(days=10),
        satisfaction=rating,
        face_to_face=number % 20 != 7,
    )
    return advance(proposal, "closed", D(2022, 8, 31))


def _proposals(roster: dict[str, list[Member]]) -> list[Proposal]:
    """Filed proposals first (they are the parents merges point to), then the rest."""
    plans: list[tuple[Proposal, bool, bool]] = []  # (proposal, filed?, key?)
    for gid, _, _, _, _, received, filed, key, *_ in GROUPS:
        members = roster[gid]
        for index in range(received):
            proposer = members[index % len(members)]
            proposal = Proposal(
                id=f"xz-p-{gid}-{index + 1:02d}",
                subject=f"关于{SUBJECTS[(len(plans) * 5) % len(SUBJECTS)]}的建议",
                submitted_on=PLENARY.start + dt.timedelta(days=index % 4),
                proposer_kind="individual",
                member_ids=(proposer.id,),
                session_id=PLENARY.id,
            )
            plans.append((proposal, index < filed, index < key))
    for unit, received, filed in COLLECTIVE_PROPOSALS:
        for index in range(received):
            proposal = Proposal(
                id=f"xz-p-{unit}-{index + 1:02d}",
                subject=f"关于{SUBJECTS[(len(plans) * 5) % len(SUBJECTS)]}的建议",
                submitted_on=PLENARY.start,
                proposer_kind="collective",
                body=BodyRef("unit", unit),
                session_id=PLENARY.id,
            )
            plans.append((proposal, index < filed, False))
    cases: list[Proposal] = []
    others: list[Proposal] = []
    for proposal, is_filed, is_key in plans:
        if is_filed:
            cases.append(_case(proposal, len(cases) + 1, is_key))
    for proposal, is_filed, _ in plans:
        if is_filed:
            continue
        number = len(others)
        if number % 6 == 0:
            proposal = advance(
                proposal,
                "not_filed",
                FILING_DAY,
                reason="不属于本级政协提案受理范围",
                converted_to="社情民意信息" if number % 12 == 0 else None,
            )
        else:
            parent = cases[(number * 7) % len(cases)]
            proposal = advance(proposal, "merged", FILING_DAY, parent=parent, parent_id=parent.id)
        others.append(proposal)
    return cases + others


def _item(
    item_id: str,
    number: int,
    authors: tuple[str, ...],
    body: BodyRef | None,
    issued: bool,
    kind: str | None,
    instructed: bool,
) -> InfoReport:
    submitted = D(2022, 1 + number % 10, 1 + (number * 7) % 28)
    report = InfoReport(
        id=item_id,
        title=f"关于{SUBJECTS[number % len(SUBJECTS)]}的社情民意（{number}）",
        submitted_on=submitted,
        author_ids=authors,
        body=body,
    )
    report = advance_info(report, "screened", submitted + dt.timedelta(days=2))
    if not issued:
        return report
    month = (submitted + dt.timedelta(days=7)).month
    report = advance_info(
        report, "issued", submitted + dt.timedelta(days=7), issue=f"2022年第{month}期"
    )
    if kind == "TN":
        report = advance_info(
            report, "adopted", submitted + dt.timedelta(days=30), level="province"
        )
        report = advance_info(
            report, "forwarded", submitted + dt.timedelta(days=45), level="national"
        )
    elif kind == "TU":
        report = advance_info(report, "adopted", submitted + dt.timedelta(days=30), level="city")
    elif kind == "TC":
        report = advance_info(report, "adopted", submitted + dt.timedelta(days=20), level="county")
    if instructed:
        report = advance_info(
            report,
            "instructed",
            submitted + dt.timedelta(days=50),
            level="county",
            leader="区委书记",
        )
    return report


def _kinds(issued: int, plan: tuple[int, int, int]) -> list[str | None]:
    """The taken-up kind of each issued item: TN first, then TU, then TC, then none."""
    tn, tu, tc = plan
    kinds: list[str | None] = ["TN"] * tn + ["TU"] * tu + ["TC"] * tc
    return kinds + [None] * (issued - len(kinds))


def _author(members: list[Member], index: int, taken_up: bool) -> str:
    """Taken-up items: every other one by the group's 农工党 member, the rest by the next
    three in the roster; other items: the whole roster in turn."""
    if taken_up:
        position = 0 if index % 2 == 0 else 1 + (index // 2) % min(3, len(members) - 1)
        return members[position].id
    return members[index % len(members)].id


def _info_reports(roster: dict[str, list[Member]]) -> list[InfoReport]:
    reports = []
    number = 0
    for gid, *_, reported, issued, plan, instructed in GROUPS:
        members = roster[gid]
        kinds = _kinds(issued, plan)
        for index in range(reported):
            number += 1
            kind = kinds[index] if index < issued else None
            reports.append(
                _item(
                    f"xz-i-{gid}-{index + 1:02d}",
                    number,
                    (_author(members, index, kind is not None),),
                    None,
                    index < issued,
                    kind,
                    kind is not None and index < instructed,
                )
            )
    reported, issued, plan, instructed = CPWDP_ITEMS
    kinds = _kinds(issued, plan)
    for index in range(reported):
        number += 1
        kind = kinds[index] if index < issued else None
        reports.append(
            _item(
                f"xz-i-cpwdp-{index + 1:02d}",
                number,
                (),
                BodyRef("unit", "cpwdp"),
                index < issued,
                kind,
                kind is not None and index < instructed,
            )
        )
    return reports


def build() -> Ledger:
    """The Xiangzhou example ledger."""
    roster = _members()
    return Ledger(
        committee=COMMITTEE,
        terms=[Term(number=5, start=D(2021, 12, 1))],
        sessions=[PLENARY],
        sectors=[Sector(sid, name) for sid, name in SECTORS],
        units=[standard_unit(uid) for uid in UNITS],
        special_committees=[
            SpecialCommittee(cid, name, short) for cid, name, short in SPECIAL_COMMITTEES
        ],
        activity_groups=[
            ActivityGroup(gid, name, kind, paired, party_branch=f"{name}功能型党支部")
            for gid, name, kind, paired, *_ in GROUPS
        ],
        members=[member for members in roster.values() for member in members],
        proposals=_proposals(roster),
        info_reports=_info_reports(roster),
    )
