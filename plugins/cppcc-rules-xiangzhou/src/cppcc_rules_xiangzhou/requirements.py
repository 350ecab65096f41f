"""襄州区政协 2022: the six ones (六个一, part 三(二)), every member's minimum for the year."""

from __future__ import annotations

from cppcc_model.model import ActivityKind, ContributionKind
from cppcc_model.rules import (
    Requirement,
    Where,
)
from cppcc_rules_xiangzhou.vocabulary import (
    ATTENDED,
)

SIX_ONES: tuple[str, ...] = (
    "six_ones.research",
    "six_ones.proposal",
    "six_ones.information",
    "six_ones.contact",
    "six_ones.service",
    "six_ones.duty_report",
)
"""The ids of the six requirements (六个一), in the order the speech lists them."""


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
