"""柳江区政协 (Liujiang, Liuzhou, Guangxi), first half of 2022: the half-year summary's figures.

Reproduces seed 001 (a half-year summary): since the 九届三次会议 (8–10 January) 44 proposals
were received and 38 filed, of which 32 are handled at district level and 6 were handed to the
city CPPCC; a joint meeting on 3 May assigned the 32; by mid-June all 38 had been handed over
(交办完毕). Three key proposals are named. 社情民意: more than 21 leads collected, one issue of
the internal reference (内部参考) published.

How "assigned" is modelled for the 6: they are filed here, then a ``transferred_up`` step
(level ``city``, dated when they were handed to the city CPPCC, between 4 May and 10 June)
hands them over. The statistics count them in ``filed`` and in ``handed_over`` (交办完毕), not
in ``assigned`` (assigned to a district handling unit) — see docs/proposals.md.

The other figures: the standing members' training in two batches (April and May); 20 members
from non-public enterprises visited, recorded as 20 visits (走访) organised by the office with no
roll call (the roster does not say who works in a non-public enterprise, and being visited is not
attendance); the two key research topics, as the research activities their groups began (no roll
call); the four member activity subgroups by sector. The year's work plan (4 major items, 12
sub-items) is not recorded: a work item has no parent item, and the command tests use this
example as the dataset without a work plan.

Member names, the proposals' subjects other than the three named, and all dates but the
plenary and 3 May are invented, consistent with every stated figure.
"""

from __future__ import annotations

import datetime as dt

from cppcc_model import Ledger
from cppcc_model.information import advance_info
from cppcc_model.model import (
    Activity,
    ActivityGroup,
    Attendance,
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
    id="liujiang",
    name="柳州市柳江区政协",
    level="county",
    jurisdiction="guangxi.liuzhou.liujiang",
    parent_jurisdiction="guangxi.liuzhou",
)

PLENARY = Session(term=9, number=3, start=D(2022, 1, 8), end=D(2022, 1, 10))
FILING_DAY = D(2022, 3, 28)  # 九届九次主席会议: the filing decision
ASSIGNMENT_MEETING = D(2022, 5, 3)  # 区政府、人大、政协联席会议

SECTORS = (
    ("cpc", "中共"),
    ("parties", "民主党派"),
    ("econ", "经济界"),
    ("sci", "科技界"),
    ("social", "社会福利和社会保障界"),
    ("law", "法律界"),
)

# (id, name, kind) — the four member activity subgroups by sector named in seed 001
GROUPS = (
    ("keji", "科技组", "sector"),
    ("shehui", "社会组", "sector"),
    ("gongshang", "工商组", "sector"),
    ("fazhi", "法制组", "sector"),
)

SPECIAL_COMMITTEES = (
    ("tifa", "提案法制委员会", "提案法制委"),
    ("jingji", "经济委员会", "经济委"),
    ("wenshi", "文史委员会", "文史委"),
)

UNITS = ("cpc", "rcckmt", "cdl", "cdnca", "jiusan", "acfic", "non-party")

# (id, name, sector, unit, group) — invented names
MEMBERS = (
    ("lj01", "韦志强", "cpc", "cpc", "keji"),
    ("lj02", "覃丽华", "sci", "jiusan", "keji"),
    ("lj03", "蓝海涛", "sci", "non-party", "keji"),
    ("lj04", "莫春燕", "cpc", "cpc", "keji"),
    ("lj05", "黄建明", "sci", "cdl", "keji"),
    ("lj06", "廖晓东", "sci", None, "keji"),
    ("lj07", "梁秀英", "cpc", "cpc", "keji"),
    ("lj08", "陆文斌", "sci", "jiusan", "keji"),
    ("lj09", "罗小红", "social", "cpc", "shehui"),
    ("lj10", "蒙德林", "social", None, "shehui"),
    ("lj11", "谭美玲", "social", "cdl", "shehui"),
    ("lj12", "周国庆", "cpc", "cpc", "shehui"),
    ("lj13", "吴秋菊", "social", "non-party", "shehui"),
    ("lj14", "欧阳平", "social", None, "shehui"),
    ("lj15", "杨佩珍", "parties", "rcckmt", "shehui"),
    ("lj16", "邓光辉", "cpc", "cpc", "shehui"),
    ("lj17", "潘永红", "social", None, "shehui"),
    ("lj18", "卢振宇", "econ", "acfic", "gongshang"),
    ("lj19", "何桂芳", "econ", "cdnca", "gongshang"),
    ("lj20", "农海军", "econ", "acfic", "gongshang"),
    ("lj21", "李卫东", "econ", "cpc", "gongshang"),
    ("lj22", "甘素梅", "econ", "cdnca", "gongshang"),
    ("lj23", "刘福生", "econ", "acfic", "gongshang"),
    ("lj24", "龙建华", "econ", None, "gongshang"),
    ("lj25", "唐晓燕", "econ", "acfic", "gongshang"),
    ("lj26", "苏宏伟", "econ", "cdnca", "gongshang"),
    ("lj27", "陈立新", "econ", "acfic", "gongshang"),
    ("lj28", "赵丽萍", "econ", None, "gongshang"),
    ("lj29", "马俊杰", "law", "cpc", "fazhi"),
    ("lj30", "胡晓雯", "law", "cdl", "fazhi"),
    ("lj31", "张海燕", "law", "non-party", "fazhi"),
    ("lj32", "王振华", "cpc", "cpc", "fazhi"),
    ("lj33", "石玉兰", "law", "rcckmt", "fazhi"),
    ("lj34", "曾凡荣", "law", None, "fazhi"),
    ("lj35", "黎文静", "law", "cpc", "fazhi"),
    ("lj36", "宁兆坤", "law", "jiusan", "fazhi"),
)

# The proposals, in order of receipt:
# (id, subject, proposers, session?, submitted, outcome, detail)
#   outcome "local"    — filed, assigned on 3 May (detail: key-proposal leader or None)
#   outcome "city"     — filed, handed to the city CPPCC on the date in detail
#   outcome "merged"   — merged into the proposal named in detail
#   outcome "rejected" — not filed (detail: reason); "converted" — not filed, made 社情民意
KEY_LEADER = "区政协主席"
PROPOSALS: tuple[tuple[str, str, tuple[str, ...], bool, dt.date, str, object], ...] = (
    (
        "lj-p01",
        "关于加快螺蛳粉产业与“互联网+”产业融合的建议",
        ("lj18", "lj20"),
        True,
        D(2022, 1, 8),
        "local",
        KEY_LEADER,
    ),
    (
        "lj-p02",
        "关于深化理解“亲”“清”内涵，构建新型政商关系的建议",
        ("lj19",),
        True,
        D(2022, 1, 8),
        "local",
        KEY_LEADER,
    ),
    (
        "lj-p03",
        "关于柳江区在我市五城区中率先创建全域旅游区的建议",
        ("lj21", "lj24"),
        True,
        D(2022, 1, 8),
        "local",
        KEY_LEADER,
    ),
    (
        "lj-p04",
        "关于在小学和社区创办“四点钟学校”的建议",
        ("lj09",),
        True,
        D(2022, 1, 8),
        "local",
        None,
    ),
    ("lj-p05", "关于建设特色食品产业园的建议", ("lj22",), True, D(2022, 1, 8), "local", None),
    ("lj-p06", "关于推进中小学集团化办学的建议", ("lj11",), True, D(2022, 1, 8), "local", None),
    ("lj-p07", "关于加强农村饮水安全保障的建议", ("lj10",), True, D(2022, 1, 9), "local", None),
    ("lj-p08", "关于完善城区停车设施的建议", ("lj29",), True, D(2022, 1, 9), "local", None),
    ("lj-p09", "关于加强未成年人司法保护的建议", ("lj30",), True, D(2022, 1, 9), "local", None),
    ("lj-p10", "关于扶持科技型中小企业发展的建议", ("lj02",), True, D(2022, 1, 9), "local", None),
    ("lj-p11", "关于加快农村电商发展的建议", ("lj23",), True, D(2022, 1, 9), "local", None),
    ("lj-p12", "关于加强养老服务体系建设的建议", ("lj13",), True, D(2022, 1, 9), "local", None),
    ("lj-p13", "关于提升基层医疗服务能力的建议", ("lj14",), True, D(2022, 1, 9), "local", None),
    ("lj-p14", "关于推进垃圾分类的建议", ("lj15",), True, D(2022, 1, 9), "local", None),
    ("lj-p15", "关于加强河道生态治理的建议", ("lj03",), True, D(2022, 1, 9), "local", None),
    ("lj-p16", "关于优化营商环境的建议", ("lj25", "lj26"), True, D(2022, 1, 9), "local", None),
    ("lj-p17", "关于加强乡村人才振兴的建议", ("lj16",), True, D(2022, 1, 9), "local", None),
    ("lj-p18", "关于推进智慧社区建设的建议", ("lj05",), True, D(2022, 1, 9), "local", None),
    ("lj-p19", "关于完善公共法律服务体系的建议", ("lj31",), True, D(2022, 1, 9), "local", None),
    ("lj-p20", "关于加强校园周边交通安全的建议", ("lj32",), True, D(2022, 1, 9), "local", None),
    ("lj-p21", "关于发展林下经济的建议", ("lj06",), True, D(2022, 1, 10), "local", None),
    ("lj-p22", "关于支持民营企业融资的建议", ("lj27",), True, D(2022, 1, 10), "local", None),
    ("lj-p23", "关于加强非物质文化遗产保护的建议", ("lj33",), True, D(2022, 1, 10), "local", None),
    ("lj-p24", "关于提升农村人居环境的建议", ("lj17",), True, D(2022, 1, 10), "local", None),
    ("lj-p25", "关于完善公共文化设施的建议", ("lj34",), True, D(2022, 1, 10), "local", None),
    ("lj-p26", "关于加强食品安全监管的建议", ("lj35",), True, D(2022, 1, 10), "local", None),
    ("lj-p27", "关于推动职业教育发展的建议", ("lj07",), True, D(2022, 1, 10), "local", None),
    ("lj-p28", "关于加快乡村旅游发展的建议", ("lj28",), True, D(2022, 1, 10), "local", None),
    ("lj-p29", "关于加强社区矫正工作的建议", ("lj36",), True, D(2022, 1, 10), "local", None),
    ("lj-p30", "关于推进农业机械化的建议", ("lj08",), True, D(2022, 1, 10), "local", None),
    ("lj-p31", "关于加强残疾人就业帮扶的建议", ("lj12",), True, D(2022, 1, 10), "local", None),
    ("lj-p32", "关于发展壮大村级集体经济的建议", ("lj04",), True, D(2022, 1, 10), "local", None),
    (
        "lj-p33",
        "关于建设柳州至柳江快速通道的建议",
        ("lj01",),
        True,
        D(2022, 1, 10),
        "city",
        D(2022, 5, 16),
    ),
    (
        "lj-p34",
        "关于螺蛳粉原材料基地纳入全市规划的建议",
        ("lj20",),
        True,
        D(2022, 1, 10),
        "city",
        D(2022, 5, 20),
    ),
    (
        "lj-p35",
        "关于统筹城乡公交一体化的建议",
        ("lj24",),
        True,
        D(2022, 1, 10),
        "city",
        D(2022, 5, 27),
    ),
    (
        "lj-p36",
        "关于市级医疗资源向柳江延伸的建议",
        ("lj14",),
        True,
        D(2022, 1, 10),
        "city",
        D(2022, 6, 1),
    ),
    (
        "lj-p37",
        "关于柳江新城纳入中心城区规划的建议",
        ("lj21",),
        True,
        D(2022, 1, 10),
        "city",
        D(2022, 6, 8),
    ),
    (
        "lj-p38",
        "关于完善全市旅游线路串联的建议",
        ("lj28",),
        True,
        D(2022, 1, 10),
        "city",
        D(2022, 6, 10),
    ),
    (
        "lj-p39",
        "关于推动螺蛳粉产业线上销售的建议",
        ("lj25",),
        True,
        D(2022, 1, 10),
        "merged",
        "lj-p01",
    ),
    ("lj-p40", "关于建设全域旅游示范区的建议", ("lj17",), True, D(2022, 1, 10), "merged", "lj-p03"),
    (
        "lj-p41",
        "关于开办课后托管“四点钟学校”的建议",
        ("lj13",),
        False,
        D(2022, 2, 21),
        "merged",
        "lj-p04",
    ),
    ("lj-p42", "关于构建亲清政商关系的建议", ("lj26",), False, D(2022, 3, 2), "merged", "lj-p02"),
    (
        "lj-p43",
        "关于解决本人子女入学问题的建议",
        ("lj10",),
        False,
        D(2022, 3, 9),
        "rejected",
        "解决个人问题，不符合立案标准",
    ),
    (
        "lj-p44",
        "关于某小区物业纠纷的意见",
        ("lj31",),
        False,
        D(2022, 3, 15),
        "converted",
        "属信访事项，经提案人同意转为社情民意信息",
    ),
)

# Handling units for the 32 local cases, in turn
HANDLING_UNITS = (
    "区发展和改革局",
    "区教育局",
    "区卫生健康局",
    "区农业农村局",
    "区住房和城乡建设局",
    "区商务局",
    "区文化广电体育和旅游局",
    "区民政局",
)

# 社情民意: (id, author, submitted, issued in the internal reference?)
INFO_ITEMS = tuple(
    (f"lj-i{n:02d}", MEMBERS[(n * 5) % len(MEMBERS)][0], D(2022, 2 + n % 4, 1 + n), n in (3, 7))
    for n in range(1, 23)
)
INTERNAL_REFERENCE_ISSUE = "内部参考2022年第1期"
INTERNAL_REFERENCE_DAY = D(2022, 6, 20)

# Standing-member training, two batches, April and May (roll calls invented)
TRAININGS = (
    ("lj-a01", "常委培训（第一批）", D(2022, 4, 19), ("lj01", "lj05", "lj09", "lj18", "lj29")),
    ("lj-a02", "常委培训（第二批）", D(2022, 5, 24), ("lj12", "lj19", "lj21", "lj30", "lj33")),
)


# Visits to members from non-public enterprises (走访非公企业政协委员), first half of 2022
VISITS = 20

# The key research topics the chairpersons' meeting chose (重点调研课题); each topic's research
# group was formed and prepared in the half-year (查阅资料、制定调研方案): (topic, day)
RESEARCH_TOPICS = (
    ("建立特色食品产业园", D(2022, 4, 12)),
    ("推进中小学集团化办学", D(2022, 4, 14)),
)


def _members() -> list[Member]:
    return [
        Member(id=mid, name=name, sector_id=sector, unit_id=unit, activity_group_id=group)
        for mid, name, sector, unit, group in MEMBERS
    ]


def _proposal(row: tuple[str, str, tuple[str, ...], bool, dt.date, str, object]) -> Proposal:
    pid, subject, proposers, at_plenary, submitted, _, _ = row
    return Proposal(
        id=pid,
        subject=subject,
        submitted_on=submitted,
        proposer_kind="individual" if len(proposers) == 1 else "joint",
        member_ids=proposers,
        session_id=PLENARY.id if at_plenary else None,
    )


def _proposals() -> list[Proposal]:
    done: dict[str, Proposal] = {}
    case = 0
    local = 0
    for row in PROPOSALS:
        pid, _, _, _, _, outcome, detail = row
        proposal = _proposal(row)
        if outcome in ("local", "city"):
            case += 1
            proposal = advance(proposal, "filed", FILING_DAY, case_number=f"九届三次-{case:02d}")
        if outcome == "local":
            unit = HANDLING_UNITS[local % len(HANDLING_UNITS)]
            local += 1
            proposal = advance(
                proposal, "assigned", ASSIGNMENT_MEETING, units=(HandlingUnit(unit),)
            )
            if detail is not None:
                proposal = advance(
                    proposal, "key_designated", ASSIGNMENT_MEETING, leader=str(detail)
                )
        elif outcome == "city":
            assert isinstance(detail, dt.date)
            proposal = advance(proposal, "transferred_up", detail, level="city")
        elif outcome == "merged":
            parent = done[str(detail)]
            proposal = advance(proposal, "merged", FILING_DAY, parent=parent, parent_id=parent.id)
        else:
            proposal = advance(
                proposal,
                "not_filed",
                FILING_DAY,
                reason=str(detail),
                converted_to="社情民意信息" if outcome == "converted" else None,
            )
        done[pid] = proposal
    return list(done.values())


def _info_reports() -> list[InfoReport]:
    combined = [iid for iid, _, _, issued in INFO_ITEMS if issued]
    reports = []
    for iid, author, submitted, issued in INFO_ITEMS:
        report = InfoReport(
            id=iid, title=f"社情民意线索 {iid}", submitted_on=submitted, author_ids=(author,)
        )
        report = advance_info(report, "screened", submitted + dt.timedelta(days=3))
        if issued:
            report = advance_info(
                report,
                "issued",
                INTERNAL_REFERENCE_DAY,
                issue=INTERNAL_REFERENCE_ISSUE,
                combined_with=tuple(other for other in combined if other != iid),
            )
        reports.append(report)
    return reports


def _activities() -> list[Activity]:
    plenary = Activity(
        id="lj-a00",
        kind="plenary",
        title="政协柳江区第九届委员会第三次会议",
        start=PLENARY.start,
        end=PLENARY.end,
        half_days=5,
        session_id=PLENARY.id,
        attendance=[
            Attendance(mid, "excused" if mid in ("lj06", "lj34") else "present")
            for mid, *_ in MEMBERS
        ],
    )
    trainings = [
        Activity(
            id=aid,
            kind="training",
            title=title,
            start=day,
            organiser=BodyRef("office", "区政协办公室"),
            attendance=[Attendance(mid) for mid in roll],
        )
        for aid, title, day, roll in TRAININGS
    ]
    visits = [
        Activity(
            id=f"lj-a-visit-{number:02d}",
            kind="other",
            title=f"走访非公企业政协委员（{number}）",
            start=D(2022, 2 + (number - 1) // 4, 7 + (number * 5) % 20),
            organiser=BodyRef("office", "区政协办公室"),
        )
        for number in range(1, VISITS + 1)
    ]
    research = [
        Activity(
            id=f"lj-a-topic-{number}",
            kind="research",
            title=f"重点调研课题：{topic}（组建课题组，制定调研方案）",
            start=day,
            organiser=BodyRef("committee", COMMITTEE.id),
        )
        for number, (topic, day) in enumerate(RESEARCH_TOPICS, start=1)
    ]
    return [plenary, *trainings, *visits, *research]


def build() -> Ledger:
    """The Liujiang example ledger."""
    return Ledger(
        committee=COMMITTEE,
        terms=[Term(number=9, start=D(2021, 12, 1))],
        sessions=[PLENARY],
        sectors=[Sector(sid, name) for sid, name in SECTORS],
        units=[standard_unit(uid) for uid in UNITS],
        special_committees=[
            SpecialCommittee(cid, name, short) for cid, name, short in SPECIAL_COMMITTEES
        ],
        activity_groups=[ActivityGroup(gid, name, kind) for gid, name, kind in GROUPS],
        members=_members(),
        activities=_activities(),
        proposals=_proposals(),
        info_reports=_info_reports(),
    )
