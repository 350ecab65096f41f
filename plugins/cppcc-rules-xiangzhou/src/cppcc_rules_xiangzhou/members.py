"""襄州区政协 2022: the members' points. ILLUSTRATIVE values (the rules were not published)."""

from __future__ import annotations

from cppcc_model.model import ActivityKind, AttendanceStatus, ContributionKind
from cppcc_model.rules import (
    AtMost,
    ByLevel,
    ByStage,
    ByStatus,
    Category,
    CollectiveCredit,
    EqualSplit,
    FirstOnly,
    Item,
    OncePerPeriod,
    Points,
    Where,
    WholeToEach,
)
from cppcc_model.rules.attribution import Attribution
from cppcc_rules_xiangzhou.vocabulary import (
    ATTENDED,
    DUTY_ACTIVITIES,
    HISTORY_OUTPUTS,
    RESEARCH_OUTPUTS,
)


def _attribution(joint: str) -> Attribution:
    if joint == "first":
        return FirstOnly(collective=CollectiveCredit(max_members=1))
    if joint == "split":
        return EqualSplit()
    return WholeToEach()


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
