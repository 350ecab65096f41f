"""延边州政协委员履职考核办法 — the rule text beside the blocks that implement it.

The duty-assessment rules of the CPPCC committee of the Yanbian Korean Autonomous Prefecture
(延边朝鲜族自治州, Jilin), a prefecture-level committee. Published on the committee's website
on 19 August 2022: http://www.ybzx.gov.cn/sxzx/dzfz/2022-08-19/4719.html. The date of
adoption is not in the recovered part; the rule set is dated from the publication date.

Recovered: chapter 1 (general: 第一至三条), chapter 2 (content: 第四条) and, of chapter 3
(standards), 第五条 up to its sentence on joint 社情民意 submissions, which is cut off. The
points for meetings and activities, speeches, duty reports and public welfare, and any grading
or use of the results, are **not known** and are not implemented.

第五条: each member's yearly score starts at 0 (以0分为起点) and points are added for duties done.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cppcc_model.model import Level
from cppcc_model.rules import (
    Attribution,
    Category,
    FirstOnly,
    Item,
    Points,
    Reached,
    Reading,
    RuleSet,
    Settings,
    Stage,
    Threshold,
    Where,
    WholeToEach,
    check_readings,
)

JURISDICTION = "jilin.yanbian"
"""The jurisdiction key: 吉林省延边朝鲜族自治州 (a prefecture-level committee)."""

PUBLISHED = dt.date(2022, 8, 19)
"""The publication date on the Yanbian CPPCC website; the rule set is in force from it.

The date the rules were adopted is not in the recovered text; it may be earlier.
"""

SOURCE = "http://www.ybzx.gov.cn/sxzx/dzfz/2022-08-19/4719.html"

READINGS = (
    Reading(
        "conversion",
        "final",
        "第五条: a proposal not filed but converted into a 社情民意 item is not counted twice "
        "(不重复计分), but the text does not say where it counts (both ways is forbidden)",
        choices=("final", "original"),
        choice_meanings={
            "final": "only as the 社情民意 item it became",
            "original": "only as the proposal; the item it became scores nothing",
        },
    ),
    Reading(
        "joint_info",
        "first",
        "第五条(二): who scores a joint 社情民意 submission (the sentence is cut off)",
        choices=("first", "each"),
        choice_meanings={
            "first": "like joint proposals, only the first author",
            "each": "every author",
        },
    ),
    Reading(
        "instruction_and_adoption",
        "once",
        "第五条(二): an item both instructed by prefecture leaders and adopted at provincial "
        "level or above (批示办理或省以上机关采用的加10分)",
        choices=("once", "each"),
        choice_meanings={"once": "one bonus per item", "each": "10 for each of the two"},
    ),
)
"""The questions the text leaves open, each with the answer this plugin gives by default."""


# The core's fields take any iterable through one generic converter (``as_tuple``), which mypy's
# attrs plugin cannot solve ("expected Iterable[T]"). These helpers keep the element types
# checked here and hand the core a tuple; drop them once the core's converters are concrete.
def _items(*items: Item) -> Any:
    return items


def _categories(*categories: Category) -> Any:
    return categories


def build_rule_set(
    *,
    conversion: str = "final",
    joint_info: str = "first",
    instruction_and_adoption: str = "once",
) -> RuleSet:
    """Build the Yanbian rules.

    Args:
        conversion: a proposal not filed but converted into a 社情民意 item is not counted
            twice (不重复计分), but the text does not say where it counts. ``"final"``
            (default): only as the 社情民意 item it became — its final disposition, and the
            record its later adoption and instructions are made on; ``"original"``: only as
            the proposal, the item it became scoring nothing.
        joint_info: the sentence on joint 社情民意 submissions is cut off. ``"first"``
            (default): like joint proposals, only the first author scores; ``"each"``: every
            author scores.
        instruction_and_adoption: an item both instructed by prefecture leaders and adopted
            at provincial level or above. ``"once"`` (default): the clause is one bonus with
            an OR condition (批示办理或省以上机关采用的加10分), given once per item; ``"each"``:
            10 for each of the two.

    Raises:
        InvalidValueError: an option has a value the rules do not know.

    """
    check_readings(
        READINGS,
        conversion=conversion,
        joint_info=joint_info,
        instruction_and_adoption=instruction_and_adoption,
    )

    # 第五条(一) 委员联名提案计分标准参照个人提案，第一提案人得分，其他人不得分。
    #     Co-signers get nothing — not even the once-a-year 10. A collective proposal credits
    #     only its first named main member (FirstOnly's default).
    first_proposer_only = FirstOnly()
    info_attribution: Attribution = FirstOnly() if joint_info == "first" else WholeToEach()

    # 第五条(一) 每年提交一份或多份标准提案加10分，每立案一件加10分；被确定为重点提案的加10分；
    #     向国家和省级政协报送的每件加10分。
    proposals = Category(
        "proposals",
        "提案",
        clause="第五条(一)",
        items=_items(
            Item(
                "proposals.submitted",
                "每年提交一份或多份提案加10分（只计一次）",
                Where("proposal"),
                Points(10),
                attribution=first_proposer_only,
                counting=Threshold(1, 10),
                clause="第五条(一)",
            ),
            Item(
                "proposals.filed",
                "每立案一件加10分",
                Where("proposal", reached=[Stage.FILED]),
                Points(10),
                attribution=first_proposer_only,
                clause="第五条(一)",
            ),
            Item(
                "proposals.key",
                "被确定为重点提案的每件加10分",
                Where("proposal", reached=[Stage.KEY]),
                Points(10),
                attribution=first_proposer_only,
                clause="第五条(一)",
            ),
            Item(
                "proposals.sent_up",
                "向国家和省级政协报送的每件加10分",
                Where("proposal", reached=[Reached(Stage.TRANSFERRED_UP, Level.PROVINCE)]),
                Points(10),
                attribution=first_proposer_only,
                clause="第五条(一)",
            ),
        ),
    )

    # 第五条(二) 每年反映社情民意信息一份或多份加5分，每采用一件加10分，被州领导批示办理或
    #     省以上机关采用的加10分；提案转为社情民意信息的，不重复计分。委员联名反映……（原文
    #     此处中断）
    #     州领导批示 is an instruction at prefecture (city) level or above; 省以上机关采用 is an
    #     adoption at provincial level or above. The bonus is on top of the adoption points.
    instructed = Reached(Stage.INSTRUCTED, Level.CITY)
    adopted_above = Reached(Stage.ADOPTED, Level.PROVINCE)
    bonuses: tuple[Item, ...]
    if instruction_and_adoption == "once":
        bonuses = (
            Item(
                "information.instructed_or_adopted_above",
                "被州领导批示办理或省以上机关采用的加10分（每件一次）",
                Where("info_report", reached_any=[instructed, adopted_above]),
                Points(10),
                attribution=info_attribution,
                clause="第五条(二)",
            ),
        )
    else:
        bonuses = (
            Item(
                "information.instructed",
                "被州领导批示办理的加10分",
                Where("info_report", reached=[instructed]),
                Points(10),
                attribution=info_attribution,
                clause="第五条(二)",
            ),
            Item(
                "information.adopted_above",
                "被省以上机关采用的加10分",
                Where("info_report", reached=[adopted_above]),
                Points(10),
                attribution=info_attribution,
                clause="第五条(二)",
            ),
        )
    information = Category(
        "information",
        "社情民意",
        clause="第五条(二)",
        items=_items(
            Item(
                "information.submitted",
                "每年反映社情民意信息一份或多份加5分（只计一次）",
                Where("info_report"),
                Points(5),
                attribution=info_attribution,
                counting=Threshold(1, 5),
                clause="第五条(二)",
            ),
            Item(
                "information.adopted",
                "每采用一件加10分",
                Where("info_report", reached=[Stage.ADOPTED]),
                Points(10),
                attribution=info_attribution,
                clause="第五条(二)",
            ),
            *bonuses,
        ),
    )

    return RuleSet(
        jurisdiction=JURISDICTION,
        name="yanbian-2022",
        title="延边州政协委员履职考核办法",
        effective_from=PUBLISHED,
        categories=_categories(proposals, information),
        # 提案转为社情民意信息的，不重复计分: the engine's cross-type de-duplication.
        settings=Settings(conversion=conversion),
        source=SOURCE,
        options={
            "conversion": conversion,
            "joint_info": joint_info,
            "instruction_and_adoption": instruction_and_adoption,
        },
        factory=build_rule_set,
        readings=READINGS,
    )
