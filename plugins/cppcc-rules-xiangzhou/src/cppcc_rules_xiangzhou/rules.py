"""襄州区政协 2022: what the annual work-conference speech states, beside the blocks for it.

Source: the speech at the Xiangzhou (襄州区, Xiangyang, Hubei) CPPCC annual work conference
(全区政协工作会议讲话稿, seed 000; the hosting site rewrote its years, the year printed — 2022 —
is used). The speech is not a rule text. It states

* the six ones (六个一) every member must do in the year (part 三(二));
* that activity groups (委员活动组) are assessed on proposals and on 社情民意 information and
  ranked overall, town/street groups (镇街活动组) apart from the district-level groups paired
  with special committees (区直活动组) (part 一);
* that participating units are compared on their members' per-capita assessment score and on
  their 社情民意 adopted or forwarded (part 一);
* the year's commendations with their counts (part 一): 34 优秀政协委员, 4 文史工作先进个人,
  15 信息工作先进个人, 15 优秀政协提案 (案由好、内容好、办理效果好), 10 优秀社情民意信息,
  16 优秀调研报告.

The group and member assessment rules themselves (活动组及委员履职考核办法, revised by 第7活动组
that year) were **not published**. Every point value below is therefore **illustrative** — chosen
by this plugin so that the library can run the assessments the speech reports, not taken from
Xiangzhou. The structure (what is assessed, separately for which groups, what is ranked, how
many win) is the speech's; the numbers are ours.

Clause references name the part of the speech: ``一`` (the review and the commendations) and
``三(二)`` (the members' duties).
"""

from __future__ import annotations

import datetime as dt

from cppcc_model.errors import InvalidValueError
from cppcc_model.model import ActivityKind, AttendanceStatus, ContributionKind, GroupKind
from cppcc_model.rules import (
    AtMost,
    ByLevel,
    ByStage,
    ByStatus,
    Category,
    CollectiveCredit,
    Count,
    EqualSplit,
    FirstOnly,
    GroupCategory,
    GroupItem,
    GroupRules,
    Item,
    MemberTotal,
    OncePerPeriod,
    Points,
    Rate,
    Reached,
    Requirement,
    RequirementShare,
    RuleSet,
    Where,
    WholeToEach,
)
from cppcc_model.rules.attribution import Attribution
from cppcc_model.rules.awards import Award, Quota
from cppcc_rules_xiangzhou.values import Sum

__all__ = [
    "EFFECTIVE_FROM",
    "EFFECTIVE_UNTIL",
    "JURISDICTION",
    "SIX_ONES",
    "build_rule_set",
]

JURISDICTION = "hubei.xiangyang.xiangzhou"
"""The jurisdiction key: 湖北省襄阳市襄州区."""

EFFECTIVE_FROM = dt.date(2022, 1, 1)
EFFECTIVE_UNTIL = dt.date(2022, 12, 31)
"""The assessment year the rule set covers (the year the speech prints)."""

SOURCE = "全区政协工作会议讲话稿 (襄州区政协, 2022) — shared/seeds/000"

ATTENDED = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.LATE,
    AttendanceStatus.LEFT_EARLY,
    AttendanceStatus.PARTIAL,
)

DUTY_ACTIVITIES: tuple[ActivityKind, ...] = (
    ActivityKind.RESEARCH,
    ActivityKind.INSPECTION,
    ActivityKind.DEMOCRATIC_SUPERVISION,
    ActivityKind.CONSULTATION,
    ActivityKind.TOPICAL_CONSULTATION,
    ActivityKind.COUNTERPART_CONSULTATION,
    ActivityKind.SECTOR_CONSULTATION,
    ActivityKind.PROPOSAL_HANDLING_CONSULTATION,
    ActivityKind.STANDING_COMMITTEE_MEETING,
    ActivityKind.SEMINAR,
    ActivityKind.STUDY,
    ActivityKind.TRAINING,
    ActivityKind.GROUP_ACTIVITY,
    ActivityKind.SPECIAL_COMMITTEE_ACTIVITY,
    ActivityKind.PARTY_BRANCH_ACTIVITY,
    ActivityKind.PUBLIC_SERVICE,
)
"""Activities other than the plenary that earn activity points."""

RESEARCH_OUTPUTS = (ContributionKind.RESEARCH_REPORT, ContributionKind.RECOMMENDATION)
HISTORY_OUTPUTS = (ContributionKind.CULTURAL_HISTORY, ContributionKind.FIRST_HAND_HISTORY)

SIX_ONES: tuple[str, ...] = (
    "six_ones.research",
    "six_ones.proposal",
    "six_ones.information",
    "six_ones.contact",
    "six_ones.service",
    "six_ones.duty_report",
)
"""The ids of the six requirements (六个一), in the order the speech lists them."""

_JOINT = ("whole", "first", "split")
_TIES = ("exclude", "include", "name_order")


def _attribution(joint: str) -> Attribution:
    if joint == "first":
        return FirstOnly(collective=CollectiveCredit(max_members=1))
    if joint == "split":
        return EqualSplit()
    return WholeToEach()


def six_ones() -> tuple[Requirement, ...]:
    """三(二) 落实“六个一”要求 — each at least once in the year, for every member.

    全年至少参加一次调研视察活动、提交一件提案、提供一条社情民意信息、联系一户群众、为群众办一件
    实事、向所在活动组开展一次述职。 A co-signed proposal or co-written item counts for every
    author (the speech does not say otherwise).
    """
    return (
        Requirement(
            "six_ones.research",
            "参加一次调研视察活动",
            [
                Where(
                    "attendance",
                    kinds=[ActivityKind.RESEARCH, ActivityKind.INSPECTION],
                    statuses=ATTENDED,
                )
            ],
            clause="三(二)①",
        ),
        Requirement("six_ones.proposal", "提交一件提案", [Where("proposal")], clause="三(二)②"),
        Requirement(
            "six_ones.information",
            "提供一条社情民意信息",
            [Where("info_report")],
            clause="三(二)③",
        ),
        Requirement(
            "six_ones.contact",
            "联系一户群众",
            [Where("contribution", kinds=[ContributionKind.CONSTITUENT_CONTACT])],
            clause="三(二)④",
        ),
        Requirement(
            "six_ones.service",
            "为群众办一件实事",
            [Where("contribution", kinds=[ContributionKind.PUBLIC_SERVICE])],
            clause="三(二)⑤",
        ),
        Requirement(
            "six_ones.duty_report",
            "向所在活动组开展一次述职",
            [Where("contribution", kinds=[ContributionKind.DUTY_REPORT])],
            clause="三(二)⑥",
        ),
    )


def member_categories(joint: str) -> tuple[Category, ...]:
    """The member assessment (委员履职考核). ILLUSTRATIVE points: the real ones are not published.

    The speech says the scores were published on the CPPCC website (在政协网站上公布了委员履职
    考核得分情况) and compares units by their members' per-capita score; it does not give the
    table. This one scores what the speech praises, each line uncapped except activities.
    """
    attribution = _attribution(joint)
    # 会议活动: 全体会议 出席10分、请假5分；其他调研视察、协商、学习等活动 每次2分，最高20分。
    meetings = Category(
        "meetings",
        "会议活动",
        clause="一",
        items=[
            Item(
                "meetings.plenary",
                "全体会议：出席10分，请假5分，缺席0分",
                Where("attendance", kinds=[ActivityKind.PLENARY]),
                ByStatus({**dict.fromkeys(ATTENDED, 10), AttendanceStatus.EXCUSED: 5}),
                clause="一",
            ),
            Item(
                "meetings.activities",
                "调研视察、协商议政、学习等活动 2分/次，最高20分",
                Where("attendance", kinds=list(DUTY_ACTIVITIES), statuses=ATTENDED),
                Points(2),
                cap=20,
                clause="一",
            ),
        ],
    )
    # 提案: 提交3分，立案再加3分，重点提案再加3分，被承办单位采纳再加3分。
    proposals = Category(
        "proposals",
        "提案",
        clause="一",
        items=[
            Item(
                "proposals.staged",
                "提交3分，立案+3分，重点+3分，采纳+3分",
                Where("proposal"),
                ByStage({"submitted": 3, "filed": 3, "key": 3, "adopted": 3}),
                attribution=attribution,
                clause="一",
            )
        ],
    )
    # 社情民意: 报送1分、编发再加1分；按采用、转报、批示的最高级别再加分。
    information = Category(
        "information",
        "社情民意信息",
        clause="一",
        items=[
            Item(
                "information.issued",
                "报送1分，编发+1分",
                Where("info_report"),
                ByStage({"submitted": 1, "issued": 1}),
                attribution=attribution,
                clause="一",
            ),
            Item(
                "information.adopted",
                "采用：区级1分、市级2分、省级3分、全国4分",
                Where("info_report", reached=["adopted"]),
                ByLevel({"county": 1, "city": 2, "province": 3, "national": 4}, stage="adopted"),
                attribution=attribution,
                clause="一",
            ),
            Item(
                "information.forwarded",
                "转报：市级、省级1分，全国政协2分",
                Where("info_report", reached=["forwarded"]),
                ByLevel({"city": 1, "province": 1, "national": 2}, stage="forwarded"),
                attribution=attribution,
                clause="一",
            ),
            Item(
                "information.instructed",
                "领导批示：区领导1分、市领导2分、省领导3分、中央4分",
                Where("info_report", reached=["instructed"]),
                ByLevel({"county": 1, "city": 2, "province": 3, "national": 4}, stage="instructed"),
                attribution=attribution,
                clause="一",
            ),
        ],
    )
    # 调研报告和建议案: 每篇6分；被采纳按级别再加分。
    research = Category(
        "research",
        "调研报告和建议案",
        clause="一",
        items=[
            Item(
                "research.reports",
                "调研报告、建议案 6分/篇",
                Where("contribution", kinds=list(RESEARCH_OUTPUTS)),
                Points(6),
                attribution=attribution,
                clause="一",
            ),
            Item(
                "research.adopted",
                "被采纳：区级3分、市级4分、省级6分、全国8分",
                Where("contribution", kinds=list(RESEARCH_OUTPUTS)),
                ByLevel({"county": 3, "city": 4, "province": 6, "national": 8}),
                attribution=attribution,
                clause="一",
            ),
        ],
    )
    # 文史资料: 每篇3分；被上级评选、采用按级别再加分。
    history = Category(
        "history",
        "文史资料",
        clause="一",
        items=[
            Item(
                "history.articles",
                "文史资料、三亲史料 3分/篇",
                Where("contribution", kinds=list(HISTORY_OUTPUTS)),
                Points(3),
                attribution=attribution,
                clause="一",
            ),
            Item(
                "history.selected",
                "被采用、评选：区级1分、市级3分、省级4分",
                Where("contribution", kinds=list(HISTORY_OUTPUTS)),
                ByLevel({"county": 1, "city": 3, "province": 4, "national": 6}),
                attribution=attribution,
                clause="一",
            ),
        ],
    )
    # “六个一”中的联系群众、办实事、述职: 各2分（联系群众、述职全年计一次，办实事最多计3件）。
    duties = Category(
        "duties",
        "联系群众、办实事、述职",
        clause="三(二)",
        items=[
            Item(
                "duties.contact",
                "联系一户群众 2分 (全年计一次)",
                Where("contribution", kinds=[ContributionKind.CONSTITUENT_CONTACT]),
                Points(2),
                counting=OncePerPeriod("first"),
                clause="三(二)④",
            ),
            Item(
                "duties.service",
                "为群众办实事 2分/件，最多3件",
                Where("contribution", kinds=[ContributionKind.PUBLIC_SERVICE]),
                Points(2),
                counting=AtMost(3),
                clause="三(二)⑤",
            ),
            Item(
                "duties.duty_report",
                "向活动组述职 2分 (全年计一次)",
                Where("contribution", kinds=[ContributionKind.DUTY_REPORT]),
                Points(2),
                counting=OncePerPeriod("first"),
                clause="三(二)⑥",
            ),
        ],
    )
    # 受上级表彰: 区级2分、市级4分、省级6分、全国8分。
    honours = Category(
        "honours",
        "受表彰",
        clause="一",
        items=[
            Item(
                "honours.commendations",
                "受表彰：区级2分、市级4分、省级6分、全国8分",
                Where("contribution", kinds=[ContributionKind.COMMENDATION]),
                ByLevel({"county": 2, "city": 4, "province": 6, "national": 8}),
                clause="一",
            )
        ],
    )
    return (meetings, proposals, information, research, history, duties, honours)


def _filed() -> Where:
    # A merged proposal (并案) follows its parent's stages; the filing rate counts cases, so a
    # merged proposal is received but not filed.
    return Where("proposal", reached=["filed"], not_reached=["merged"])


def group_categories() -> tuple[GroupCategory, ...]:
    """The activity-group assessment (活动组考核). ILLUSTRATIVE points.

    一: 双沟镇活动组 "两项考核都名列前茅，综合考核排名第一"; 程河镇活动组 "提案和社情民意信息考核
    排名第一"; 第6活动组 "信息考核跃居首位"; 第1活动组 "提案立案率最高". So a group has a
    proposal assessment and an information assessment, and an overall ranking that adds more
    (the group's own work). Records count once per group however many of its members wrote
    them (cppcc-model's ``Count``).
    """
    proposals = GroupCategory(
        "proposals",
        "提案考核",
        clause="一",
        items=[
            GroupItem("proposals.received", "提交提案 1分/件", Count(Where("proposal")), 1),
            GroupItem("proposals.filed", "立案 3分/件", Count(_filed()), 3),
            GroupItem(
                "proposals.key",
                "重点提案 3分/件",
                Count(Where("proposal", reached=["key"], not_reached=["merged"])),
                3,
            ),
            GroupItem(
                "proposals.filing_rate",
                "立案率 × 10分",
                Rate(_filed(), Where("proposal")),
                10,
            ),
        ],
    )
    information = GroupCategory(
        "information",
        "社情民意信息考核",
        clause="一",
        items=[
            GroupItem(
                "information.issued",
                "编发 1分/篇",
                Count(Where("info_report", reached=["issued"])),
                1,
            ),
            GroupItem(
                "information.adopted",
                "区级以上采用 3分/篇",
                Count(Where("info_report", reached=[Reached("adopted", "county")])),
                3,
            ),
            GroupItem(
                "information.adopted_city",
                "市级以上采用 再加3分/篇",
                Count(Where("info_report", reached=[Reached("adopted", "city")])),
                3,
            ),
            GroupItem(
                "information.adopted_province",
                "省级以上采用 再加4分/篇",
                Count(Where("info_report", reached=[Reached("adopted", "province")])),
                4,
            ),
            GroupItem(
                "information.national",
                "转报全国政协 8分/篇",
                Count(Where("info_report", reached=[Reached("forwarded", "national")])),
                8,
            ),
            GroupItem(
                "information.instructed",
                "领导批示 2分/篇",
                Count(Where("info_report", reached=["instructed"])),
                2,
            ),
        ],
    )
    work = GroupCategory(
        "work",
        "活动组工作",
        clause="一",
        items=[
            GroupItem(
                "work.activities",
                "组织调研视察、协商等活动 3分/次，最高30分",
                Count(Where("attendance"), credit="body"),
                3,
                cap=30,
            ),
            GroupItem(
                "work.research",
                "调研报告、建议案 2分/篇",
                Count(Where("contribution", kinds=list(RESEARCH_OUTPUTS))),
                2,
            ),
            GroupItem(
                "work.history",
                "文史资料 1分/篇",
                Count(Where("contribution", kinds=list(HISTORY_OUTPUTS))),
                1,
            ),
            *(
                GroupItem(
                    f"work.{requirement}",
                    f"“六个一”完成率 × 3分 ({requirement})",
                    RequirementShare(requirement),
                    3,
                )
                for requirement in SIX_ONES
            ),
        ],
    )
    return (proposals, information, work)


def group_rules() -> tuple[GroupRules, ...]:
    """The group rules: activity groups by kind, and participating units.

    镇街活动组 and 区直活动组 are assessed and ranked apart (the speech ranks each kind on its
    own). Units: 一 "九三学社的成员履职考核人均得分最高，农工党上报的社情民意信息采纳转报最多".
    """
    categories = group_categories()
    return (
        GroupRules(
            "groups.town_street",
            "镇街活动组考核",
            "activity_group",
            categories,
            group_kinds=[GroupKind.TOWN_STREET],
            clause="一",
        ),
        GroupRules(
            "groups.district",
            "区直活动组考核",
            "activity_group",
            categories,
            group_kinds=[GroupKind.SPECIAL_COMMITTEE, GroupKind.SECTOR],
            clause="一",
        ),
        GroupRules(
            "units.per_capita",
            "参加单位成员履职考核人均得分",
            "unit",
            [
                GroupCategory(
                    "members",
                    "成员人均得分",
                    [GroupItem("members.mean", "成员履职考核人均得分", MemberTotal("mean"))],
                )
            ],
            clause="一",
        ),
        GroupRules(
            "units.information",
            "参加单位社情民意采纳转报",
            "unit",
            [
                GroupCategory(
                    "information",
                    "社情民意采纳转报",
                    [
                        GroupItem(
                            "information.taken_up",
                            "区级以上采用或转报 (篇)",
                            Count(
                                Where(
                                    "info_report",
                                    reached_any=[
                                        Reached("adopted", "county"),
                                        Reached("forwarded", "county"),
                                    ],
                                )
                            ),
                            1,
                        )
                    ],
                )
            ],
            clause="一",
        ),
    )


def awards(ties: str, decided_on: str | None = None) -> tuple[Award, ...]:
    """The year's commendations (一), with the counts the speech gives.

    The commendations are announced at the work conference held after the year; with
    ``decided_on`` (``"MM-DD"``) the records' stages are read as of that day, so an item adopted
    (采纳) or instructed (签批) in January counts for last year's 优秀社情民意信息.

    The criteria are the speech's, read onto what a ledger records (ILLUSTRATIVE where the speech
    is silent):

    * 优秀政协委员 (34): members who did all six ones (认真完成“六个一”的履职任务), by total;
    * 信息工作先进个人 (15): members with 社情民意 items, by their information points;
    * 文史工作先进个人 (4): members with 文史资料, by their history points;
    * 优秀政协提案 (15): "案由好、内容好、办理效果好" — 案由好 read as filed (立案: the subject
      passed review), 办理效果好 as replied and adopted (采纳) by the handling unit, with key
      designation and leader instructions adding; 内容好 is the assessors' judgment, which no
      record holds;
    * 优秀社情民意信息 (10): items adopted, forwarded or instructed (得到了上级采纳、转报和领导
      签批), by the level they reached;
    * 优秀调研报告 (16): research reports and recommendations, by the level that adopted them
      (所提意见建议被区委、区政府积极采纳).
    """
    six = tuple(SIX_ONES)
    return (
        Award(
            "excellent_member",
            "优秀政协委员",
            "member",
            Quota(count=34),
            requires=six,
            ties=ties,
            decided_on=decided_on,
            clause="一",
        ),
        Award(
            "information_individual",
            "信息工作先进个人",
            "member",
            Quota(count=15),
            score="category:information",
            where=Where("info_report", reached=["issued"]),
            ties=ties,
            decided_on=decided_on,
            clause="一",
        ),
        Award(
            "history_individual",
            "文史工作先进个人",
            "member",
            Quota(count=4),
            score="category:history",
            where=Where("contribution", kinds=list(HISTORY_OUTPUTS)),
            ties=ties,
            decided_on=decided_on,
            clause="一",
        ),
        Award(
            "excellent_proposal",
            "优秀政协提案",
            "proposal",
            Quota(count=15),
            value=ByStage({"filed": 1, "replied": 1, "key": 2, "adopted": 5, "instructed": 2}),
            where=Where("proposal", reached=["filed", "replied"], not_reached=["merged"]),
            ties=ties,
            decided_on=decided_on,
            clause="一",
        ),
        Award(
            "excellent_information",
            "优秀社情民意信息",
            "info_report",
            Quota(count=10),
            value=Sum(
                (
                    ByStage({"issued": 1}),
                    ByLevel({"county": 2, "city": 4, "province": 6, "national": 8}, "adopted"),
                    ByLevel({"city": 2, "province": 4, "national": 6}, "forwarded"),
                    ByLevel({"county": 3, "city": 5, "province": 7, "national": 9}, "instructed"),
                )
            ),
            where=Where("info_report", reached_any=["adopted", "forwarded", "instructed"]),
            ties=ties,
            decided_on=decided_on,
            clause="一",
        ),
        Award(
            "excellent_research_report",
            "优秀调研报告",
            "contribution",
            Quota(count=16),
            value=Sum((Points(1), ByLevel({"county": 2, "city": 3, "province": 4, "national": 6}))),
            where=Where("contribution", kinds=list(RESEARCH_OUTPUTS)),
            ties=ties,
            decided_on=decided_on,
            clause="一",
        ),
    )


def build_rule_set(
    *, joint: str = "whole", award_ties: str = "exclude", decided_on: str | None = None
) -> RuleSet:
    """Build the 2022 rule set.

    Args:
        joint: how a co-signed proposal, co-written 社情民意 item or co-authored report credits
            its authors in the member assessment — the speech does not say: ``"whole"`` (each
            gets the whole value, the default), ``"first"`` (the first author only) or
            ``"split"`` (equal shares).
        award_ties: a tie straddling an award's count — not addressed by the speech:
            ``"exclude"`` (nobody in the tie wins, the default; the count is then not filled),
            ``"include"`` (all of it wins; the count is exceeded) or ``"name_order"``
            (姓氏笔画 order decides).
        decided_on: the day (``"MM-DD"``) of the work conference after the year that
            announces the commendations; stages reached by then count (default ``None``: the
            year's last day). The speech does not give the conference's date.
    """
    if joint not in _JOINT:
        raise InvalidValueError(
            f"joint reading {joint!r} is not known", hint=f"use one of: {', '.join(_JOINT)}"
        )
    if award_ties not in _TIES:
        raise InvalidValueError(
            f"award tie policy {award_ties!r} is not known", hint=f"use one of: {', '.join(_TIES)}"
        )
    return RuleSet(
        jurisdiction=JURISDICTION,
        name="xiangzhou-2022",
        title="襄州区政协委员及活动组履职考核 (2022, 示意分值 illustrative points)",
        effective_from=EFFECTIVE_FROM,
        effective_until=EFFECTIVE_UNTIL,
        categories=member_categories(joint),
        requirements=six_ones(),
        group_rules=group_rules(),
        awards=awards(award_ties, decided_on),
        source=SOURCE,
        options={"joint": joint, "award_ties": award_ties, "decided_on": decided_on},
        factory=build_rule_set,
    )
