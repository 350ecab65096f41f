"""闵行区政协委员履职积分管理细则 — the rule text beside the blocks that implement it.

The points rules (积分管理细则) of the CPPCC Minhang District Committee, Shanghai, made under
the committee's own 《委员履职工作规则》. Source: a user-uploaded copy previewed at
https://www.taodocs.com/p-401836758.html. Only the opening was recovered: the four basic
requirements (一), the attendance points (二、1–2) and the proposal points (二、3) up to a
sentence about a proposal that is both key and excellent, which is cut off. The 社情民意 points,
speeches, any deductions and any use of the results are **not known** and not implemented.

**The year is not in the recovered text.** The rule set is dated from 1 January 2017, an
assumption (see :data:`EFFECTIVE_FROM`), and is open-ended.

Points accumulate from zero (积分): no base score, no caps, no grade bands. The basic
requirements (基本要求) are checked separately from the points: a member can have many points
and still fail one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cppcc_model.model import ActivityKind, AttendanceStatus
from cppcc_model.rules import (
    ByPosition,
    Category,
    Each,
    FullOrPartial,
    Item,
    OncePerPeriod,
    PerUnit,
    Points,
    Reading,
    Requirement,
    RuleSet,
    Where,
    check_readings,
)

JURISDICTION = "shanghai.minhang"
"""The jurisdiction key: 上海市闵行区."""

EFFECTIVE_FROM = dt.date(2017, 1, 1)
"""The first day the rules are taken to be in force — an assumption.

The recovered text shows no year or adoption date. The rule set starts on the first day of a
calendar year early enough that recent years resolve; a district office that knows the date of
adoption should register a rule set dated from it.
"""

SOURCE = "https://www.taodocs.com/p-401836758.html"

ATTENDED = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.LATE,
    AttendanceStatus.LEFT_EARLY,
    AttendanceStatus.PARTIAL,
)
"""The statuses of a member who was there at all (an attendance, 参加1次)."""

MEETING_AND_ACTIVITY_KINDS = (
    # 常委会议、主席会议、专题议政会等会议
    ActivityKind.STANDING_COMMITTEE_MEETING,
    ActivityKind.CHAIRPERSONS_MEETING,
    ActivityKind.TOPICAL_CONSULTATION,
    ActivityKind.CONSULTATION,
    ActivityKind.COUNTERPART_CONSULTATION,
    ActivityKind.SECTOR_CONSULTATION,
    ActivityKind.PROPOSAL_HANDLING_CONSULTATION,
    ActivityKind.SEMINAR,
    # 视察、调研、学习、走访等活动
    ActivityKind.INSPECTION,
    ActivityKind.RESEARCH,
    ActivityKind.STUDY,
    ActivityKind.DEMOCRATIC_SUPERVISION,
    # 专委会、界别、地区联络组开展的各项活动
    ActivityKind.SPECIAL_COMMITTEE_ACTIVITY,
    ActivityKind.GROUP_ACTIVITY,
    # 以政协委员身份被邀请参加委办局相关活动，及其他走访等
    ActivityKind.OTHER,
)
"""The meetings and activities worth 5 points per attendance (二、2).

Plenaries have their own clause (二、1) and off-site training its own values (二、2, second
sentence); party-branch activities and public service are not district-CPPCC activities in the
clause's list and are not scored.
"""

READINGS = (
    Reading(
        "training_counts",
        True,
        "一、2: whether off-site training counts towards the at least 3 routine meetings or "
        "activities (the text does not say)",
        choices=(True, False),
        choice_meanings={
            True: "it counts: training is scored in the same clause, and 各类活动 includes it",
            False: "only the meetings and activities of 二、2's list count",
        },
    ),
    Reading(
        "key_and_excellent",
        "higher",
        "二、3(2): a proposal both key and excellent (the sentence about it is cut off)",
        choices=("higher", "both"),
        choice_meanings={
            "higher": "only the higher bonus, the key one (计最高分值，不重复计分)",
            "both": "both bonuses",
        },
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


def _requirements(*requirements: Requirement) -> Any:
    return requirements


# 主笔人 / 直接参与者 is the signing order: the lead writer is the sole proposer, the first signer
# of a joint proposal or the first named main member of a collective one (ByPosition); a
# training counts in full only when every half-day was attended (FullOrPartial).


def build_rule_set(*, training_counts: bool = True, key_and_excellent: str = "higher") -> RuleSet:
    """Build the Minhang points rules.

    Args:
        training_counts: whether off-site training counts towards the basic requirement of at
            least 3 routine meetings or activities (一、2). The text does not say. Default
            ``True``: training is scored in the same clause as the meetings and activities
            (二、2, 各项会议和活动), and the requirement speaks of 各类活动.
        key_and_excellent: a proposal both key and excellent — the sentence about it is cut
            off. ``"higher"`` (default) gives only the higher bonus (the key bonus, which is
            higher for both roles), in the words the base item uses for roles (计最高分值，
            不重复计分); ``"both"`` gives both bonuses.

    Raises:
        InvalidValueError: an option has a value the rules do not know.

    """
    check_readings(READINGS, training_counts=training_counts, key_and_excellent=key_and_excellent)

    meetings_and_activities = Where(
        "attendance", kinds=MEETING_AND_ACTIVITY_KINDS, statuses=ATTENDED
    )
    training = Where("attendance", kinds=[ActivityKind.TRAINING], statuses=ATTENDED)

    # 二、1 参加区政协全体会议：全会期间，每参加半天活动计5分。
    plenary = Category(
        "plenary",
        "全体会议",
        clause="二、1",
        items=_items(
            Item(
                "plenary.half_days",
                "全会期间每参加半天计5分",
                Where("attendance", kinds=[ActivityKind.PLENARY], statuses=ATTENDED),
                PerUnit(5),
                clause="二、1",
            )
        ),
    )

    # 二、2 每年度参加区政协各项会议和活动：常委会议、主席会议、专题议政会等会议，视察、
    #     调研、学习、走访等活动，专委会、界别、地区联络组的各项活动，以委员身份受邀参加
    #     委办局的相关活动，每参加1次计5分。
    #     外出集中学习培训：全程参加计10分，未全程参加计5分。
    meetings = Category(
        "meetings",
        "会议和活动",
        clause="二、2",
        items=_items(
            Item(
                "meetings.attended",
                "参加常委会议、主席会议、专题议政会、视察、调研、专委会界别联络组活动等 5分/次",
                meetings_and_activities,
                Points(5),
                clause="二、2",
            ),
            Item(
                "meetings.training",
                "外出集中学习培训：全程参加10分，未全程参加5分",
                training,
                FullOrPartial(10, 5),
                clause="二、2",
            ),
        ),
    )

    # 二、3(1) 基本分项：每年提交并立案1件及以上提案（含集体、联名提案），只计一次分。
    #     集体或联名提案主笔人15分，直接参与者3分；个人提案人15分。个人提案与集体或联名
    #     提案计最高分值，不重复计分。
    # 二、3(2) 加分项：列入区政协重点提案的，每件主笔人加15分、直接参与者加3分；评为优秀
    #     提案的，每件主笔人加10分、直接参与者加2分。同一件提案同时……（原文此处中断）
    excellent_where = (
        Where("proposal", reached=["excellent"], not_reached=["key"])
        if key_and_excellent == "higher"
        else Where("proposal", reached=["excellent"])
    )
    proposals = Category(
        "proposals",
        "提案",
        clause="二、3",
        items=_items(
            Item(
                "proposals.base",
                "提交并立案1件及以上：个人或主笔人15分，直接参与者3分；全年只计一次，取最高",
                Where("proposal", reached=["filed"]),
                ByPosition(15, 3),
                counting=OncePerPeriod("max"),
                clause="二、3(1)",
            ),
            Item(
                "proposals.key",
                "列入重点提案：主笔人每件加15分，直接参与者加3分",
                Where("proposal", reached=["key"]),
                ByPosition(15, 3),
                counting=Each(),
                clause="二、3(2)",
            ),
            Item(
                "proposals.excellent",
                "评为优秀提案：主笔人每件加10分，直接参与者加2分"
                + (
                    "（同时为重点提案的，只计重点提案加分）"
                    if key_and_excellent == "higher"
                    else ""
                ),
                excellent_where,
                ByPosition(10, 2),
                counting=Each(),
                clause="二、3(2)",
            ),
        ),
    )

    # 一、基本要求（每年度）：1. 参加区政协全体会议；2. 参加区政协日常会议和各类活动不少于
    #     3次；3. 至少提交1件提案；4. 至少提交1条社情民意信息。
    #     社情民意信息的积分标准未能恢复：只作为基本要求检查，不计分。
    requirements = _requirements(
        Requirement(
            "basic.plenary",
            "参加区政协全体会议",
            [Where("attendance", kinds=[ActivityKind.PLENARY], statuses=ATTENDED)],
            at_least=1,
            clause="一、1",
        ),
        Requirement(
            "basic.activities",
            "参加日常会议和各类活动不少于3次"
            + ("（含外出集中学习培训）" if training_counts else "（不含外出集中学习培训）"),
            [meetings_and_activities, training] if training_counts else [meetings_and_activities],
            at_least=3,
            clause="一、2",
        ),
        Requirement(
            "basic.proposal",
            "至少提交1件提案（含联名、集体提案）",
            [Where("proposal")],
            at_least=1,
            clause="一、3",
        ),
        Requirement(
            "basic.info_report",
            "至少提交1条社情民意信息",
            [Where("info_report")],
            at_least=1,
            clause="一、4",
        ),
    )

    return RuleSet(
        jurisdiction=JURISDICTION,
        name="minhang-points",
        title="中国人民政治协商会议上海市闵行区委员会委员履职积分管理细则",
        effective_from=EFFECTIVE_FROM,
        categories=_categories(plenary, meetings, proposals),
        requirements=requirements,
        source=SOURCE,
        options={"training_counts": training_counts, "key_and_excellent": key_and_excellent},
        factory=build_rule_set,
        readings=READINGS,
    )
