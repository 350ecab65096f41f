"""示例区政协委员履职量化考核办法 (a rule text written for the rule-language examples).

The text, clause by clause (the golden cases in ``cases/`` work its figures out by hand):

* 第一条 “履职”（会议、为民办实事两类）合计最高5分，最低0分。
* 第二条 出席全体会议、常委会议，每次计2分；无故缺席的（含请假未获批准的），每次扣1分。
* 第二条之二 界别召集人（非常委）另加3分。
* 第三条 所在单位年度评价，按所在单位录入的分值计分，最高10分；未录入的，考核结果待定。
* 第四条 经主席会议决定的加减分，按决定的分值计入；未决定的不计。
* 第五条 履职平台年度得分整体计入，最高30分；未录入的按0分计。
* 第六条 为民办实事捐款，每1万元计1分。
* 第六条之二 提案当年经跟踪落实的（以跟踪落实时间为准，不论提交年度），每件加2分。
* 第七条 40分以上为优秀，20分以上为合格，其余为不合格。
* 第八条 基本要求：（一）每届至少参加1次学习培训；（二）届内每年至少提交1件提案（委员任职
  前的年度不计）；（三）常委每年至少参加1次视察。届内的要求在届末考核，届中未完成的不视为未达标。
* 第九条 届内提交提案少于3件的，届末予以谈话提醒。

``example.toml`` beside this file is the same text in TOML; the tests check the two are equal.
"""

from __future__ import annotations

from cppcc_model.rules import (
    AllOf,
    Amount,
    Band,
    ByStatus,
    Category,
    Dimension,
    External,
    Grades,
    HasRole,
    Item,
    Not,
    Points,
    Requirement,
    RuleSet,
    TooFew,
    Where,
)

JURISDICTION = "example.rule_language"


def build_rule_set() -> RuleSet:
    """The rule text above as a Python rule set."""
    return RuleSet(
        jurisdiction=JURISDICTION,
        name="rule-language-2024",
        title="示例区政协委员履职量化考核办法",
        effective_from="2024-01-01",
        categories=[
            Category(
                "meetings",
                "会议",
                [
                    Item(
                        "meetings.present",
                        "出席全体会议、常委会议，每次2分",
                        Where(
                            "attendance",
                            kinds=["全体会议", "常委会议"],
                            statuses=["出席"],
                        ),
                        Points(2),
                        clause="第二条",
                    ),
                    Item(
                        "meetings.unexcused",
                        "无故缺席每次扣1分",
                        Where("attendance", kinds=["全体会议", "常委会议"], statuses=["无故缺席"]),
                        ByStatus({"无故缺席": -1}),
                        clause="第二条",
                    ),
                ],
            ),
            Category(
                "convener",
                "界别召集人（非常委）",
                [],
                base=3,
                clause="第二条之二",
                applies_to=AllOf((HasRole("召集人"), Not(HasRole("常委")))),
            ),
            Category(
                "evaluation",
                "评价",
                [
                    Item(
                        "evaluation.employer",
                        "所在单位年度评价，最高10分",
                        Where("input"),
                        External("employer_rating", missing="pending"),
                        cap=10,
                        clause="第三条",
                    ),
                    Item(
                        "evaluation.meeting",
                        "主席会议决定的加减分",
                        Where("input"),
                        External("meeting_bonus", missing="zero"),
                        clause="第四条",
                    ),
                ],
            ),
            Category(
                "platform",
                "履职平台",
                [],
                cap=30,
                clause="第五条",
                given=External("platform_score", missing="zero"),
            ),
            Category(
                "proposals",
                "提案办理",
                [
                    Item(
                        "proposals.tracked",
                        "提案当年经跟踪落实的，每件2分",
                        Where("proposal", step_in_period="跟踪落实"),
                        Points(2),
                        clause="第六条之二",
                    )
                ],
            ),
            Category(
                "service",
                "为民办实事",
                [
                    Item(
                        "service.donations",
                        "捐款每1万元1分",
                        Where("contribution", kinds=["为民办实事"]),
                        Amount("1/10000"),
                        clause="第六条",
                    )
                ],
            ),
        ],
        dimensions=[
            Dimension(
                "performance", "履职", ["meetings", "service"], cap=5, floor=0, clause="第一条"
            )
        ],
        grades=Grades([Band("优秀", 40), Band("合格", 20), Band("不合格")]),
        requirements=[
            Requirement(
                "training",
                "每届至少参加1次学习培训",
                [Where("attendance", kinds=["培训"], statuses=["出席"])],
                window="term",
                clause="第八条(一)",
            ),
            Requirement(
                "yearly_proposal",
                "届内每年至少提交1件提案",
                [Where("proposal")],
                window="term",
                each="year",
                clause="第八条(二)",
            ),
            Requirement(
                "standing_inspection",
                "常委每年至少参加1次视察",
                [Where("attendance", kinds=["视察"], statuses=["出席"])],
                applies_to=HasRole("常委"),
                clause="第八条(三)",
            ),
        ],
        triggers=[
            TooFew(
                "few_proposals",
                "届内提交提案少于3件，届末谈话提醒",
                [Where("proposal")],
                3,
                "talk",
                window="term",
                clause="第九条",
            )
        ],
    )
