"""政协广水市委员会委员及活动组年度量化考核办法, part 一 (members): the rule text beside the code.

Adopted 7 March 2017 by the 2nd chairpersons' meeting of the 8th Guangshui CPPCC and issued on
8 March 2017, on the basis of the city's 《委员管理办法》. Source:
http://gszx.zggswz.com/Item/Show.asp?d=3803&m=1. Part 一 (members) was recovered in full and is
implemented here. Part 二 (the town/office and municipal-sector activity groups) is **not**:
it assesses groups, not members, and cppcc-model has no group-assessment API yet; besides, its
item 4 is cut off and the categories after (一) were not recovered.

The original's clause numbers were not reproduced in the restatement this plugin follows, so the
references are positional: ``一`` is part 一 (members), ``(一)``–``(四)`` its categories in the
order the text gives them, and the last number the item within its category. The Chinese in the
comments restates each clause with its figures; it is not a quotation of the original wording.

A member's year: 履职 (at most 80) + 考勤 (10, deductions only) + 学习 (10) + 加分 (4–10).

How a Guangshui ledger records what the text scores — a convention of this plugin, because
cppcc-model has no dedicated kind for four of the items:

* 提案立案 / 转为社情民意: a proposal, filed (立案), or not filed and converted (转为社情民意);
* 社情民意信息: a 社情民意 item; 文史资料: a contribution of kind 文史资料 (or 三亲史料);
* 服务重点企业项目: a contribution of kind 为民办实事 (``public_service``), one per project;
* 结对帮扶困难户: a contribution of kind 联系群众 (``constituent_contact``, whose labels include
  联系户, the household a member is paired with), one per household, every pairing member an
  author;
* 心得体会文章: a contribution of kind 宣传文章 (``publicity_article``);
* 学习笔记: a contribution of kind 其他 (``other``) with a note — the only use these rules make of
  "other" contributions;
* 上级表彰: a contribution of kind 表彰 with its level — 广水市 is county-level, so a 广水市
  commendation is recorded at 县级 (本级) and a 随州市 (prefecture) one at 市级;
* plenary group discussions (分组讨论): a plenary activity of their own, with the session id of
  their plenary and their group — an activity group or a sector — as organiser.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from cppcc_model.errors import InvalidValueError
from cppcc_model.model import (
    ActivityKind,
    AttendanceStatus,
    BodyKind,
    ContributionKind,
    Level,
)
from cppcc_model.rules import (
    AtLeast,
    ByLevel,
    ByRole,
    ByStatus,
    Category,
    CollectiveCredit,
    Count,
    GroupCategory,
    GroupExternal,
    GroupItem,
    GroupRequirement,
    GroupRules,
    HasRole,
    Item,
    OncePerPeriod,
    Points,
    QuartersCovered,
    Reading,
    RuleSet,
    Settings,
    Where,
    WholeToEach,
    check_readings,
)

JURISDICTION = "hubei.suizhou.guangshui"
"""The jurisdiction key: 湖北省随州市广水市 (a county-level city)."""

ADOPTED = dt.date(2017, 3, 7)
SOURCE = "http://gszx.zggswz.com/Item/Show.asp?d=3803&m=1"

OTHER_MEETING_KINDS: tuple[str, ...] = (
    ActivityKind.CHAIRPERSONS_MEETING.value,
    ActivityKind.TOPICAL_CONSULTATION.value,
    ActivityKind.COUNTERPART_CONSULTATION.value,
    ActivityKind.SECTOR_CONSULTATION.value,
    ActivityKind.PROPOSAL_HANDLING_CONSULTATION.value,
    ActivityKind.CONSULTATION.value,
    ActivityKind.SEMINAR.value,
    ActivityKind.STUDY.value,
    ActivityKind.TRAINING.value,
    ActivityKind.GROUP_ACTIVITY.value,
    ActivityKind.SPECIAL_COMMITTEE_ACTIVITY.value,
    ActivityKind.OTHER.value,
)
"""The default reading of "其他政协会议及活动组会议": the activity kinds that are meetings.

Inspections, research, democratic supervision, party-branch and public-service activities are
activities rather than meetings, so a missed one costs nothing under the default.
"""


def _floor(value: object) -> int | None:
    if value is None or value == "none":
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value <= 0:
        return value
    raise InvalidValueError(
        f"attendance_floor must be a whole number of at most 0, or None, got {value!r}",
        hint='use 0 (扣完为止, the default) or None (in TOML: "none") to let 考勤 go below 0',
    )


def _other_meetings(kinds: Iterable[str]) -> tuple[str, ...]:
    if isinstance(kinds, str):
        kinds = [kinds]
    parsed = tuple(ActivityKind.parse(kind).value for kind in kinds)
    scored_elsewhere = {ActivityKind.PLENARY.value, ActivityKind.STANDING_COMMITTEE_MEETING.value}
    clash = sorted(scored_elsewhere.intersection(parsed))
    if clash:
        raise InvalidValueError(
            f"other_meetings must not include {', '.join(clash)}: the text gives them their "
            "own deductions",
            hint="list only the kinds of the other CPPCC and activity-group meetings",
        )
    return parsed


READINGS = (
    Reading(
        "attendance_floor",
        0,
        "一(二) 考勤 (10分): the text gives only deductions and no floor (0: 扣完为止; None, "
        'in TOML "none": it may fall below zero; or a negative number)',
    ),
    Reading(
        "collective_proposals",
        "none",
        "一(一)1: what a filed or converted collective proposal gives its named main members "
        "(the text does not say)",
        choices=("none", "joint"),
        choice_meanings={
            "none": "nothing: the proposal is the body's",
            "joint": "each is credited as a joint proposer",
        },
    ),
    Reading(
        "other_meetings",
        OTHER_MEETING_KINDS,
        "一(二): the activity kinds read as the other CPPCC and activity-group meetings",
    ),
    Reading(
        "website_points",
        10,
        "二(一)4: the value of the group's website item (cut off in the recovered text)",
    ),
    Reading(
        "website_spread",
        "quarterly",
        "二(一)4: whether the group's website item needs a post in every quarter "
        "(原则上每季度不少于1篇)",
        choices=("quarterly", "count_only"),
        choice_meanings={
            "quarterly": "a post in every quarter",
            "count_only": "four posts whenever they were published",
        },
    ),
)
"""The questions the text leaves open, each with the answer this plugin gives by default."""


def group_rules(*, website_points: int = 10, website_spread: str = "quarterly") -> GroupRules:
    """Part 2 (二、镇办、市直界别委员活动组): the recovered self-building items.

    (一) 自身建设 (25分):

    1. 有年度工作计划和年终总结 — 5 分 (an assessor's input, ``plan_and_summary``: 1 or 0);
    2. 活动登记及时，委员履职档案齐全 — 5 分 (input ``registration_and_files``);
    3. 设施、制度健全，活动台账、信访登记、委员档案齐全 — 5 分 (input
       ``facilities_and_ledgers``; all-or-nothing, as read);
    4. 活动组成员或政协工作人员全年在广水政协网站发稿4篇，原则上每季度不少于1篇 — the value is cut
       off in the recovered text (``website_points``, default 10, an assumption). Whether the
       quarterly spread is required for the points is not stated: ``website_spread="quarterly"``
       (the default) gives the points only when every quarter has a post — four quarters with a
       post imply four posts — and ``"count_only"`` for four posts whenever they were published.
       Posts are contributions of kind ``publicity_article`` by the group's members or by the group.

    The rest of Part 2 was not recovered and is not implemented.
    """
    check_readings(READINGS, website_spread=website_spread)
    posts = Where("contribution", kinds=[ContributionKind.PUBLICITY_ARTICLE])
    website = (
        AtLeast(QuartersCovered(posts), 4)
        if website_spread == "quarterly"
        else AtLeast(Count(posts), 4)
    )
    return GroupRules(
        "groups",
        "委员活动组年度量化考核",
        "activity_group",
        [
            GroupCategory(
                "self_building",
                "自身建设 (25分)",
                [
                    GroupItem(
                        "self_building.plan",
                        "年度工作计划和年终总结 5分",
                        GroupExternal("plan_and_summary"),
                        points=5,
                        clause="二(一)1",
                    ),
                    GroupItem(
                        "self_building.files",
                        "活动登记及时，委员履职档案齐全 5分",
                        GroupExternal("registration_and_files"),
                        points=5,
                        clause="二(一)2",
                    ),
                    GroupItem(
                        "self_building.ledgers",
                        "设施、制度健全，台账、信访登记、委员档案齐全 5分",
                        GroupExternal("facilities_and_ledgers"),
                        points=5,
                        clause="二(一)3",
                    ),
                    GroupItem(
                        "self_building.website",
                        "全年网站发稿4篇，原则上每季度不少于1篇",
                        website,
                        points=website_points,
                        clause="二(一)4",
                    ),
                ],
                cap=25,
                clause="二(一)",
            )
        ],
        requirements=[
            GroupRequirement("website.count", "全年发稿4篇", Count(posts), 4, clause="二(一)4"),
            GroupRequirement(
                "website.quarterly",
                "每季度不少于1篇",
                QuartersCovered(posts),
                4,
                clause="二(一)4",
            ),
        ],
        clause="二",
    )


def build_rule_set(
    *,
    attendance_floor: int | str | None = 0,
    collective_proposals: str = "none",
    other_meetings: Iterable[str] = OTHER_MEETING_KINDS,
    website_points: int = 10,
    website_spread: str = "quarterly",
) -> RuleSet:
    """Build the 2017 member rule set.

    Args:
        attendance_floor: the least 考勤 can fall to. The text gives the category 10 points
            and only deductions, but no floor: ``0`` (the default) reads it as 扣完为止;
            ``None`` (in TOML, ``"none"``) lets it go below zero.
        collective_proposals: what a filed or converted collective proposal (集体提案) gives its
            named main members, which the text does not say: ``"none"`` (the default, the
            proposal is the body's) or ``"joint"`` (each is credited as a joint proposer).
        other_meetings: the activity kinds read as "other CPPCC and activity-group meetings"
            (default :data:`OTHER_MEETING_KINDS`).
        website_points: the cut-off value of the group's website item (default 10).
        website_spread: whether the group's website item needs a post in every quarter
            (``"quarterly"``, the default) or only four posts (``"count_only"``).

    Raises:
        InvalidValueError: an option has a value the rules cannot read.
    """
    floor = _floor(attendance_floor)
    meetings = _other_meetings(other_meetings)
    check_readings(READINGS, collective_proposals=collective_proposals)
    joint = collective_proposals == "joint"
    each_author = WholeToEach(collective=CollectiveCredit(mode="full" if joint else "none"))

    # 一(一) 履职 (80分)
    #   1. 提案（建议）被立案的，第一提案人每件计20分，联名提案人每件计15分；
    #      提案转为社情民意的，第一提案人每件计15分，联名提案人每件计10分。
    #   2. 每报送一条社情民意信息或征集一篇文史资料，计20分。
    #   3. 每服务一个重点企业项目，计20分。
    #   4. 每结对帮扶一户困难户（独自或与其他委员共同帮扶），计20分。
    #   本类最高80分。
    # A converted proposal is scored here, as a proposal; the 社情民意 item it became is not
    # scored again (Settings.conversion = "original"), else conversion would earn more than
    # filing. Each author of a joint record gets the whole value of their role (as read).
    duty = Category(
        "duty",
        "履职 (最高80分)",
        clause="一(一)",
        cap=80,
        items=[
            Item(
                "duty.proposal_filed",
                "提案立案：第一提案人20分/件，联名提案人15分/件",
                Where("proposal", reached=["filed"]),
                ByRole(
                    {"sole": 20, "first": 20, "co": 15, **({"main_member": 15} if joint else {})}
                ),
                attribution=each_author,
                clause="一(一)1",
            ),
            Item(
                "duty.proposal_converted",
                "提案转为社情民意：第一提案人15分/件，联名提案人10分/件",
                Where("proposal", reached=["converted"]),
                ByRole(
                    {"sole": 15, "first": 15, "co": 10, **({"main_member": 10} if joint else {})}
                ),
                attribution=each_author,
                clause="一(一)1",
            ),
            Item(
                "duty.info_report",
                "报送社情民意信息 20分/条",
                Where("info_report"),
                Points(20),
                clause="一(一)2",
            ),
            Item(
                "duty.cultural_history",
                "征集文史资料 20分/篇",
                Where(
                    "contribution",
                    kinds=[ContributionKind.CULTURAL_HISTORY, ContributionKind.FIRST_HAND_HISTORY],
                ),
                Points(20),
                clause="一(一)2",
            ),
            Item(
                "duty.enterprise_project",
                "服务重点企业项目 20分/个",
                Where("contribution", kinds=[ContributionKind.PUBLIC_SERVICE]),
                Points(20),
                clause="一(一)3",
            ),
            Item(
                "duty.paired_household",
                "结对帮扶困难户 20分/户（共同帮扶的每位委员均计）",
                Where("contribution", kinds=[ContributionKind.CONSTITUENT_CONTACT]),
                Points(20),
                clause="一(一)4",
            ),
        ],
    )

    # 一(二) 考勤 (10分)
    #   1. 全体会议：迟到、早退一次扣1分；无故缺席分组讨论一次扣1.5分。
    #   2. 常委会议（常委）：迟到、早退一次扣2分；无故缺席一次扣3分。
    #   3. 其他政协会议及活动组会议：迟到、早退一次扣1分；无故缺席一次扣1.5分。
    # Only deductions: the category starts from 10. The text states no floor (a setting). A
    # plenary group discussion is its own plenary activity organised by its group; an
    # unexcused absence from a plenary sitting that is not a group discussion has no stated
    # deduction, so it costs nothing here.
    late_or_early = [AttendanceStatus.LATE, AttendanceStatus.LEFT_EARLY]
    attendance = Category(
        "attendance",
        "考勤 (10分)",
        clause="一(二)",
        base=10,
        cap=10,
        floor=floor,
        items=[
            Item(
                "attendance.plenary_late",
                "全体会议迟到、早退 扣1分/次",
                Where("attendance", kinds=[ActivityKind.PLENARY], statuses=late_or_early),
                Points(-1),
                clause="一(二)1",
            ),
            Item(
                "attendance.group_discussion_absent",
                "全体会议无故缺席分组讨论 扣1.5分/次",
                Where(
                    "attendance",
                    kinds=[ActivityKind.PLENARY],
                    statuses=[AttendanceStatus.UNEXCUSED],
                    organisers=[BodyKind.ACTIVITY_GROUP, BodyKind.SECTOR],
                ),
                Points("-1.5"),
                clause="一(二)1",
            ),
            Item(
                "attendance.standing",
                "常委会议迟到、早退 扣2分/次，无故缺席 扣3分/次 (常委)",
                Where("attendance", kinds=[ActivityKind.STANDING_COMMITTEE_MEETING]),
                ByStatus(
                    {
                        AttendanceStatus.LATE: -2,
                        AttendanceStatus.LEFT_EARLY: -2,
                        AttendanceStatus.UNEXCUSED: -3,
                    }
                ),
                clause="一(二)2",
                applies_to=HasRole("standing_member"),
            ),
            Item(
                "attendance.other_meetings",
                "其他政协会议及活动组会议迟到、早退 扣1分/次，无故缺席 扣1.5分/次",
                Where("attendance", kinds=meetings),
                ByStatus(
                    {
                        AttendanceStatus.LATE: -1,
                        AttendanceStatus.LEFT_EARLY: -1,
                        AttendanceStatus.UNEXCUSED: "-1.5",
                    }
                ),
                clause="一(二)3",
            ),
        ],
    )

    # 一(三) 学习 (10分)
    #   1. 有政协学习笔记的，计5分。
    #   2. 撰写学习心得体会文章的，计5分。
    study = Category(
        "study",
        "学习 (10分)",
        clause="一(三)",
        cap=10,
        items=[
            Item(
                "study.notebook",
                "政协学习笔记 5分",
                Where("contribution", kinds=[ContributionKind.OTHER]),
                Points(5),
                counting=OncePerPeriod("first"),
                clause="一(三)1",
            ),
            Item(
                "study.reflection",
                "学习心得体会文章 5分",
                Where("contribution", kinds=[ContributionKind.PUBLICITY_ARTICLE]),
                Points(5),
                counting=OncePerPeriod("first"),
                clause="一(三)2",
            ),
        ],
    )

    # 一(四) 加分 (4–10分)
    #   工作突出受到上级表彰的：国家级加10分，省级加8分，地级（随州市）加6分，市级（广水市）加4分。
    # Read as the highest commendation only.
    bonus = Category(
        "bonus",
        "加分 (4–10分)",
        clause="一(四)",
        cap=10,
        items=[
            Item(
                "bonus.commendation",
                "受表彰：国家级10分，省级8分，地级6分，市级4分（取最高）",
                Where("contribution", kinds=[ContributionKind.COMMENDATION]),
                ByLevel({Level.NATIONAL: 10, Level.PROVINCE: 8, Level.CITY: 6, Level.COUNTY: 4}),
                counting=OncePerPeriod("max"),
                clause="一(四)",
            )
        ],
    )

    return RuleSet(
        jurisdiction=JURISDICTION,
        name="guangshui-2017",
        title="政协广水市委员会委员及活动组年度量化考核办法",
        effective_from=ADOPTED,
        categories=[duty, attendance, study, bonus],
        group_rules=[group_rules(website_points=website_points, website_spread=website_spread)],
        settings=Settings(conversion="original"),
        source=SOURCE,
        options={
            "attendance_floor": floor,
            "collective_proposals": collective_proposals,
            "other_meetings": meetings,
            "website_points": website_points,
            "website_spread": website_spread,
        },
        factory=build_rule_set,
        readings=READINGS,
    )
