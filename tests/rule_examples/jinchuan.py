"""Jinchuan's "five ones" (五个一), built from the core blocks (used only by the core's tests).

政协金川县委员会委员管理办法 (posted 17 August 2018), chapter 1. Source:
http://jcx.abzzx.gov.cn/content-382a067b86cf4b7787a74ad77c71cfff-2c93ea8364fedd220165476456d809bb.html.
Each member, each year, at least:

1. 亲自撰写或参与撰写并提交1件提案 — write, or help write, and submit 1 proposal;
2. 参加1次调研或视察活动 — take part in 1 research or inspection activity;
3. 亲自撰写或参与撰写1篇调研报告 — write, or help write, 1 research report;
4. 反映1条社情民意信息 — report 1 社情民意 item;
5. 为群众办1件实事 — do 1 practical deed for the public.

"Or help write" means co-authors satisfy items 1 and 3 (``credit_co_authors``, a setting whose
default follows the text). No points: each requirement is met or not, and a surplus in one does
not make up for another. Item 4's "or other information" has no record kind of its own, so
only 社情民意 items count; item 5 is a contribution of kind 为民办实事 or attendance at a
public-service activity.
"""

from __future__ import annotations

import datetime as dt

from cppcc_model.model import ActivityKind, AttendanceStatus, ContributionKind
from cppcc_model.rules import Requirement, RuleSet, Where

JURISDICTION = "sichuan.aba.jinchuan"
POSTED = dt.date(2018, 8, 17)

ATTENDED = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.LATE,
    AttendanceStatus.LEFT_EARLY,
    AttendanceStatus.PARTIAL,
)

FIVE_ONES = ("proposal", "research_or_inspection", "research_report", "info_report", "deed")
"""The requirement ids, in the order the text lists them."""


def build_rule_set(*, credit_co_authors: bool = True) -> RuleSet:
    """The five yearly minimums; ``credit_co_authors=False`` credits only first authors."""

    def one(requirement_id: str, label: str, clause: str, *where: Where) -> Requirement:
        return Requirement(
            requirement_id,
            label,
            where,
            at_least=1,
            credit_co_authors=credit_co_authors,
            clause=clause,
        )

    return RuleSet(
        jurisdiction=JURISDICTION,
        name="jinchuan-2018",
        title="政协金川县委员会委员管理办法（五个一）",
        effective_from=POSTED,
        categories=[],
        requirements=[
            one("proposal", "撰写或参与撰写并提交1件提案", "第一章 五个一(1)", Where("proposal")),
            one(
                "research_or_inspection",
                "参加1次调研或视察",
                "第一章 五个一(2)",
                Where(
                    "attendance",
                    kinds=[ActivityKind.RESEARCH, ActivityKind.INSPECTION],
                    statuses=ATTENDED,
                ),
            ),
            one(
                "research_report",
                "撰写或参与撰写1篇调研报告",
                "第一章 五个一(3)",
                Where("contribution", kinds=[ContributionKind.RESEARCH_REPORT]),
            ),
            one("info_report", "反映1条社情民意信息", "第一章 五个一(4)", Where("info_report")),
            one(
                "deed",
                "为群众办1件实事",
                "第一章 五个一(5)",
                Where("contribution", kinds=[ContributionKind.PUBLIC_SERVICE]),
                Where("attendance", kinds=[ActivityKind.PUBLIC_SERVICE], statuses=ATTENDED),
            ),
        ],
        source=(
            "http://jcx.abzzx.gov.cn/content-382a067b86cf4b7787a74ad77c71cfff-"
            "2c93ea8364fedd220165476456d809bb.html"
        ),
        options={"credit_co_authors": credit_co_authors},
        factory=build_rule_set,
    )
