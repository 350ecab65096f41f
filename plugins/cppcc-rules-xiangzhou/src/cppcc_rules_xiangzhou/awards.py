"""襄州区政协 2022: the year's commendations with the counts the speech gives (part 一)."""

from __future__ import annotations

from cppcc_model.rules import (
    ByLevel,
    ByStage,
    Points,
    Where,
)
from cppcc_model.rules.awards import Award, Quota
from cppcc_rules_xiangzhou.requirements import SIX_ONES
from cppcc_rules_xiangzhou.values import Sum
from cppcc_rules_xiangzhou.vocabulary import (
    HISTORY_OUTPUTS,
    RESEARCH_OUTPUTS,
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
