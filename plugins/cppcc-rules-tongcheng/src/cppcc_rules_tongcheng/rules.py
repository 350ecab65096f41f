"""政协桐城市委员会委员履职考核暂行办法 — the rule text beside the blocks that implement it.

Adopted 10 January 2019 by the 12th standing-committee meeting of the 13th Tongcheng CPPCC
(十三届十二次常委会议). Source: http://ahtczxw.gov.cn/news/Notice/28.html. Only the opening
of the text was recovered: the four basic categories with their points and caps, the pass mark,
and the start of the bonus list. The bonus items (加分事项), any further deductions and grade
bands other than the pass mark are **not known** and are not implemented.

The four basic categories add up to 100 (基本分100分); the pass mark is 60 (合格分60分).
"""

from __future__ import annotations

import datetime as dt

from cppcc_model.model import ActivityKind, AttendanceStatus, ContributionKind
from cppcc_model.rules import (
    Band,
    ByStage,
    ByStatus,
    Category,
    CollectiveCredit,
    FirstShare,
    Grades,
    HasRole,
    Item,
    Points,
    Reading,
    RuleSet,
    Where,
    check_readings,
)

JURISDICTION = "anhui.anqing.tongcheng"
"""The jurisdiction key: 安徽省安庆市桐城市."""

ADOPTED = dt.date(2019, 1, 10)

READINGS = (
    Reading(
        "collective",
        "full",
        "第三条(二): a collective proposal credits its main members (at most 3), but the text "
        "does not say whether each gets the whole value or they share it",
        choices=("full", "split"),
        choice_meanings={"full": "each main member gets the whole value", "split": "they share it"},
    ),
    Reading(
        "meetings_floor",
        None,
        "第三条(一): the least the meetings category can fall to after standing-committee "
        "deductions (the text does not say; None: no floor, a number: that floor)",
    ),
)
"""The questions the text leaves open, each with the answer this plugin gives by default."""


def build_rule_set(*, collective: str = "full", meetings_floor: int | None = None) -> RuleSet:
    """Build the 2019 rule set.

    Args:
        collective: how a collective proposal credits its (at most 3) main members — the text
            says they are credited but not whether each gets the whole value (``"full"``, the
            default) or they share it (``"split"``).
        meetings_floor: the least the meetings category can fall to after standing-committee
            deductions; the text does not say (default ``None``: no floor).

    Raises:
        InvalidValueError: ``collective`` is neither ``"full"`` nor ``"split"``.
    """
    check_readings(READINGS, collective=collective, meetings_floor=meetings_floor)
    # 一、会议 (50分): 全体会议 按时出席、参加讨论、遵守纪律 50分；请假 30分；无故缺席 0分。
    #     常委会议 (常委): 请假一次扣2分，无故缺席一次扣5分。
    meetings = Category(
        "meetings",
        "会议 (50分)",
        clause="第三条(一)",
        cap=50,
        floor=meetings_floor,
        items=[
            Item(
                "meetings.plenary",
                "全体会议：出席50分，请假30分，无故缺席0分",
                Where("attendance", kinds=[ActivityKind.PLENARY]),
                ByStatus(
                    {
                        AttendanceStatus.PRESENT: 50,
                        AttendanceStatus.LATE: 50,
                        AttendanceStatus.LEFT_EARLY: 50,
                        AttendanceStatus.PARTIAL: 50,
                        AttendanceStatus.EXCUSED: 30,
                        AttendanceStatus.UNEXCUSED: 0,
                    }
                ),
                clause="第三条(一)1",
            ),
            Item(
                "meetings.standing",
                "常委会议：请假扣2分/次，无故缺席扣5分/次 (常委)",
                Where("attendance", kinds=[ActivityKind.STANDING_COMMITTEE_MEETING]),
                ByStatus({AttendanceStatus.EXCUSED: -2, AttendanceStatus.UNEXCUSED: -5}),
                clause="第三条(一)2",
                applies_to=HasRole("standing_member"),
            ),
        ],
    )
    # 二、提案 (最高25分): 每提交一件10分，立案再加15分。个人提案计提案人；联名提案第一提案人
    #     得一半，其余联名人平分另一半；集体提案计主要成员（不超过3人）。
    proposals = Category(
        "proposals",
        "提案 (最高25分)",
        clause="第三条(二)",
        cap=25,
        items=[
            Item(
                "proposals.submitted_and_filed",
                "提交提案10分/件，立案再加15分",
                Where("proposal"),
                ByStage({"submitted": 10, "filed": 15}),
                attribution=FirstShare(
                    "1/2", collective=CollectiveCredit(max_members=3, mode=collective)
                ),
                clause="第三条(二)",
            )
        ],
    )
    # 三、活动 (最高10分): 调研、视察、民主监督、座谈、会议发言、学习培训、纪念活动、征集史料等
    #     每次2分；书面发言被列入全会、常委会议或协商会议的每次5分。
    attended = [
        AttendanceStatus.PRESENT,
        AttendanceStatus.LATE,
        AttendanceStatus.LEFT_EARLY,
        AttendanceStatus.PARTIAL,
    ]
    activities = Category(
        "activities",
        "活动 (最高10分)",
        clause="第三条(三)",
        cap=10,
        items=[
            Item(
                "activities.attended",
                "参加调研、视察、民主监督、座谈、学习培训等活动 2分/次",
                Where(
                    "attendance",
                    kinds=[
                        ActivityKind.RESEARCH,
                        ActivityKind.INSPECTION,
                        ActivityKind.DEMOCRATIC_SUPERVISION,
                        ActivityKind.SEMINAR,
                        ActivityKind.STUDY,
                        ActivityKind.TRAINING,
                        ActivityKind.GROUP_ACTIVITY,
                        ActivityKind.SPECIAL_COMMITTEE_ACTIVITY,
                        ActivityKind.OTHER,
                    ],
                    statuses=attended,
                ),
                Points(2),
                clause="第三条(三)",
            ),
            Item(
                "activities.meeting_speech",
                "会议发言 2分/次",
                Where("contribution", kinds=[ContributionKind.MEETING_SPEECH]),
                Points(2),
                clause="第三条(三)",
            ),
            Item(
                "activities.written_speech",
                "书面发言列入全会、常委会议或协商会议 5分/次",
                Where("contribution", kinds=[ContributionKind.WRITTEN_SPEECH]),
                Points(5),
                clause="第三条(三)",
            ),
        ],
    )
    # 四、社情民意 (最高15分): 每报送一条10分，被采用再加5分。
    information = Category(
        "information",
        "社情民意 (最高15分)",
        clause="第三条(四)",
        cap=15,
        items=[
            Item(
                "information.submitted_and_adopted",
                "报送社情民意10分/条，被采用再加5分",
                Where("info_report"),
                ByStage({"submitted": 10, "adopted": 5}),
                clause="第三条(四)",
            )
        ],
    )
    return RuleSet(
        jurisdiction=JURISDICTION,
        name="tongcheng-2019",
        title="政协桐城市委员会委员履职考核暂行办法",
        effective_from=ADOPTED,
        categories=[meetings, proposals, activities, information],
        # 基本分100分，合格分60分。
        grades=Grades([Band("合格", 60), Band("不合格")]),
        source="http://ahtczxw.gov.cn/news/Notice/28.html",
        options={"collective": collective, "meetings_floor": meetings_floor},
        factory=build_rule_set,
        readings=READINGS,
    )
