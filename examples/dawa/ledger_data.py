"""大洼区政协 (Dawa, Panjin, Liaoning), 2023: the annual review's figures.

Reproduces seed 003 (the 2023 annual review):

* proposals and 社情民意: 48 proposals filed; reply rate, face-to-face rate and satisfaction
  rate all 100 %; 3 proposals supervised by the chair group (主席会议成员领衔督办); 26 社情民意
  items;
* the roster: all 209 members assigned to 4 special committees (全员入委) and to the member
  studios (委员工作室) of 191 villages and communities — each studio is an activity group;
* activities (:data:`ACTIVITY_SERIES`): 18 relay meetings (传达落实会议), 20 collective study
  sessions (集中学习), 12 seminars (专题研讨), 12 consultation activities (协商议政活动), 3 reading
  events with 50 attendances, 26 “民生议事堂” consultations held by the studios, 12 volunteer
  service activities, 5 visiting delegations received, 2 member training classes, and the
  inspection of the 雪亮工程;
* contributions (:data:`CONTRIBUTION_SERIES`): 16 special reports to the district party committee
  and 11 requests (呈报请示), both by the committee; 10 advisory reports (建言报告) with 45
  suggestions (意见建议, one record each, its note naming its report); 16 supervision opinions,
  all adopted at district level; 4 suggestions on the 雪亮工程, adopted; 12 member stories
  published by province, city and district media; cultural-history volume no. 37; 6 rules
  revised; 18 local problems solved through the 民生议事堂 (each a practical deed by its studio).

What a ledger cannot hold is left out and listed in tests/test_cli_seed_figures.py: the 16
towns the 191 studios lie in (an activity group has no parent area; the studio's name carries
its town), the 57 provincial and city members resident in the district (not members of this
committee), and the 300 people the volunteers served (a roll call holds members, not the public).

Member names, subjects, handling units, reply categories, the studios' villages, the split of the
suggestions over the reports and of the stories over the media levels, the reading events' roll
calls, and all dates are invented, consistent with every stated figure. The plenary's term and
session numbers are invented too.
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
    Contribution,
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
SUPERVISED_SUBJECTS = {  # the subjects the review names
    1: "关于做好“三篇大文章”推动工业高质量发展的建议",
    2: "关于加强中小学生优秀传统文化教育的建议",
    3: "关于规范利民路早市和商业街西小市场管理的建议",
}
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

# Member studios (委员工作室): the 16 towns and streets, each with its villages and communities.
# Studio n (1-based, town by town) is activity group ``dw-s<nnn>``; member k sits in studio
# ((k - 1) mod 191) + 1, so 18 studios have two members and the rest one.
TOWNS = (
    ("大洼街道", 12),
    ("田家街道", 12),
    ("榆树街道", 12),
    ("王家街道", 12),
    ("荣兴街道", 12),
    ("二界沟街道", 12),
    ("于楼街道", 12),
    ("田庄台镇", 12),
    ("东风镇", 12),
    ("新开镇", 12),
    ("清水镇", 12),
    ("新兴镇", 12),
    ("西安镇", 12),
    ("赵圈河镇", 12),
    ("唐家镇", 12),
    ("平安镇", 11),
)
STUDIO_COUNT = sum(count for _, count in TOWNS)  # 191

COMMITTEE_BODY = ("committee", "dawa")
OFFICE_BODY = ("office", "区政协机关")

# Activities of 2023: (id prefix, kind, title, how many, organiser, roll-call sizes)
#   organiser "studio" — the studios in turn; "teams" — the four special committees in turn
#   roll-call sizes — members present at each (empty: no roll call recorded)
ACTIVITY_SERIES: tuple[tuple[str, str, str, int, object, tuple[int, ...]], ...] = (
    ("relay", "other", "传达落实区委会议精神会议", 18, COMMITTEE_BODY, ()),
    ("study", "study", "集中学习", 20, COMMITTEE_BODY, ()),
    ("seminar", "seminar", "专题研讨", 12, COMMITTEE_BODY, ()),
    ("consult", "consultation", "协商议政活动", 12, COMMITTEE_BODY, ()),
    ("reading", "study", "“委员读书·香飘大洼”读书活动", 3, OFFICE_BODY, (18, 16, 16)),
    ("forum", "consultation", "“民生议事堂”协商", 26, "studio", ()),
    ("volunteer", "public_service", "志愿服务队活动", 12, "teams", ()),
    ("delegation", "other", "接待外省市政协考察团", 5, COMMITTEE_BODY, ()),
    ("training", "training", "委员培训班", 2, COMMITTEE_BODY, ()),
    ("xueliang", "inspection", "专题视察“雪亮工程”建设情况", 1, COMMITTEE_BODY, ()),
)
VOLUNTEER_TEAMS = ("nongye", "shefa", "tijing", "wenshi")  # 农业、法律、医疗卫生、文化下乡

# Advisory reports (建言报告) and how many suggestions each made: 10 reports, 45 suggestions
ADVISORY_REPORTS = (
    ("工业企业运行状况", 5),
    ("小微企业创新创业基地发展情况", 5),
    ("卫健系统建设现状、管理和发展情况", 5),
    ("优化营商环境", 4),
    ("稻蟹产业提质增效", 4),
    ("湿地生态保护", 4),
    ("农村人居环境整治", 4),
    ("文旅融合发展", 5),
    ("养老服务体系建设", 5),
    ("招商引资", 4),
)
# Supervision opinions (协商监督), all adopted by the district: (topic, how many) — 16 in all
SUPERVISION_TOPICS = (
    ("改进干部作风，优化营商环境", 6),
    ("打造区域优质大米品牌", 5),
    ("加强安全生产体系建设", 5),
)
XUELIANG_SUGGESTIONS = ("扩大网络覆盖", "打通数据共享", "完善运维机制", "加强点位建设")
# Member stories (委员故事) by the level of the media that published them: 12 in all
MEMBER_STORIES = (
    ("历史的回音壁上，最铿锵的呐喊", "province"),
    ("用“泥与火”诉说独家“海泥陶”", "province"),
    ("依托独特资源禀赋优势，绘就乡村振兴壮美画卷", "city"),
    ("唱响大洼，我在大洼等你", "city"),
    ("委员故事（五）", "city"),
    ("委员故事（六）", "city"),
    ("委员故事（七）", "county"),
    ("委员故事（八）", "county"),
    ("委员故事（九）", "county"),
    ("委员故事（十）", "county"),
    ("委员故事（十一）", "county"),
    ("委员故事（十二）", "county"),
)
RULES_REVISED = (
    "政协全体会议工作规则",
    "常务委员会会议工作规则",
    "主席会议工作规则",
    "专门委员会工作规则",
    "委员履职考核办法",
    "提案工作办法",
)
PROBLEMS_SOLVED = (
    "社区建设职工书屋",
    "学校周边车辆管理",
    "老旧小区充电车棚",
    *(f"民生问题（{n}）" for n in range(4, 19)),
)
# Contributions by the committee itself: (id prefix, kind, title, how many)
CONTRIBUTION_SERIES = (
    ("report", "other", "向区委专题报告工作", 16),
    ("request", "other", "呈报请示", 11),
)


def _name(index: int) -> str:
    return (
        SURNAMES[index % len(SURNAMES)] + GIVEN[(index // len(SURNAMES) * 7 + index) % len(GIVEN)]
    )


def _studios() -> list[ActivityGroup]:
    studios = []
    for town, villages in TOWNS:
        for village in range(1, villages + 1):
            number = len(studios) + 1
            studios.append(
                ActivityGroup(
                    f"dw-s{number:03d}", f"{town}第{village}村（社区）委员工作室", "town_street"
                )
            )
    return studios


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
                    activity_group_id=f"dw-s{(index - 1) % STUDIO_COUNT + 1:03d}",
                )
            )
    return members


def _day(number: int) -> dt.date:
    """The day of the ``number``-th record of a series (1-based), spread over 2023."""
    return D(2023, 1 + (number - 1) % 12, 3 + (number * 5) % 24)


def _organiser(spec: object, number: int) -> BodyRef:
    if spec == "studio":
        return BodyRef("activity_group", f"dw-s{(number * 7) % STUDIO_COUNT + 1:03d}")
    if spec == "teams":
        return BodyRef("special_committee", VOLUNTEER_TEAMS[(number - 1) % len(VOLUNTEER_TEAMS)])
    kind, body_id = spec  # type: ignore[misc]
    return BodyRef(kind, body_id)


def _activities() -> list[Activity]:
    found = []
    for prefix, kind, title, count, organiser, roll_calls in ACTIVITY_SERIES:
        first = 1
        for number in range(1, count + 1):
            size = roll_calls[number - 1] if roll_calls else 0
            roll = [Attendance(f"dw{member:03d}") for member in range(first, first + size)]
            first += size
            found.append(
                Activity(
                    id=f"dw-a-{prefix}-{number:02d}",
                    kind=kind,
                    title=title if count == 1 else f"{title}（{number}）",
                    start=_day(number),
                    organiser=_organiser(organiser, number),
                    attendance=roll,
                )
            )
    return found


def _body_contribution(
    cid: str, kind: str, title: str, on: dt.date, body: BodyRef, **fields: object
) -> Contribution:
    return Contribution(id=cid, kind=kind, title=title, on=on, body=body, **fields)  # type: ignore[arg-type]


def _contributions() -> list[Contribution]:
    committee = BodyRef(*COMMITTEE_BODY)
    found = [
        _body_contribution(
            f"dw-c-{prefix}-{number:02d}", kind, f"{title}（{number}）", _day(number), committee
        )
        for prefix, kind, title, count in CONTRIBUTION_SERIES
        for number in range(1, count + 1)
    ]
    suggestion = 0
    for number, (topic, suggestions) in enumerate(ADVISORY_REPORTS, start=1):
        report = f"关于{topic}的建言报告"
        found.append(
            _body_contribution(
                f"dw-c-advice-{number:02d}", "research_report", report, _day(number), committee
            )
        )
        for index in range(1, suggestions + 1):
            suggestion += 1
            found.append(
                _body_contribution(
                    f"dw-c-suggestion-{suggestion:02d}",
                    "recommendation",
                    f"{report}·意见建议第{index}条",
                    _day(number),
                    committee,
                    note=f"载于《{report}》",
                )
            )
    opinion = 0
    for topic, count in SUPERVISION_TOPICS:
        for index in range(1, count + 1):
            opinion += 1
            found.append(
                _body_contribution(
                    f"dw-c-supervision-{opinion:02d}",
                    "supervision_opinion",
                    f"协商监督意见：{topic}（{index}）",
                    _day(opinion),
                    committee,
                    level="county",
                    note="区委区政府采纳",
                )
            )
    for number, text in enumerate(XUELIANG_SUGGESTIONS, start=1):
        found.append(
            _body_contribution(
                f"dw-c-xueliang-{number}",
                "recommendation",
                f"“雪亮工程”建设意见建议：{text}",
                D(2023, 9, 20),
                committee,
                level="county",
                note="专题视察后提出，区政府采纳",
            )
        )
    for number, (title, level) in enumerate(MEMBER_STORIES, start=1):
        found.append(
            _body_contribution(
                f"dw-c-story-{number:02d}",
                "publicity_article",
                f"委员故事：{title}",
                _day(number),
                committee,
                level=level,
            )
        )
    found.append(
        _body_contribution(
            "dw-c-history-37",
            "cultural_history",
            "政协文史资料第37期《这里是大洼》",
            D(2023, 11, 30),
            BodyRef("special_committee", "wenshi"),
        )
    )
    for number, rule in enumerate(RULES_REVISED, start=1):
        found.append(
            _body_contribution(
                f"dw-c-rules-{number}", "other", f"修订《{rule}》", _day(number), committee
            )
        )
    for number, problem in enumerate(PROBLEMS_SOLVED, start=1):
        found.append(
            _body_contribution(
                f"dw-c-solved-{number:02d}",
                "public_service",
                f"解决民生问题：{problem}",
                _day(number) + dt.timedelta(days=3),
                _organiser("studio", number),
                note="经“民生议事堂”协商解决",
            )
        )
    return found


def _proposals() -> list[Proposal]:
    proposals = []
    for number in range(1, PROPOSAL_COUNT + 1):
        proposal = Proposal(
            id=f"dw-p{number:02d}",
            subject=SUPERVISED_SUBJECTS.get(number)
            or f"关于{SUBJECTS[number % len(SUBJECTS)]}的建议（{number}）",
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
        activity_groups=_studios(),
        members=_members(),
        activities=_activities(),
        proposals=_proposals(),
        info_reports=_info_reports(),
        contributions=_contributions(),
    )
