"""示例区政协委员年度考核结果运用办法 (a rule text written for outcomes over years).

Two versions, so that earlier years are assessed under the version then in force:

* 2022 version (2022-01-01 to 2023-12-31): 出席全体会议、常委会议，每次计2分; 4分以上为合格。
* 2024 version (from 2024-01-01): 出席每次计1分; 6分以上为优秀，4分以上为合格，其余不合格。

Both versions (the 2024 one adds 第五条):

* 第一条 一年内无故缺席全体会议、常委会议2次以上的，予以谈话提醒。
* 第二条 届内累计两年得分低于3分的（以公布的得分为准），予以通报。
* 第三条 连续两年考核不合格的，劝其辞去委员职务。
* 第四条 谈话提醒、通报、劝辞，只作出其中最重的一项。
* 第五条 连续两年考核优秀的，通报表扬并告知推荐单位。

``years.toml`` beside this file is the 2024 version in TOML; the tests check it equals
:func:`build_2024`.
"""

from __future__ import annotations

from cppcc_model.rules import (
    Band,
    Category,
    ConsecutiveYears,
    Grades,
    Item,
    Ladder,
    Points,
    RuleSet,
    Trigger,
    Where,
)

JURISDICTION = "example.years"

_MEETINGS = ["全体会议", "常委会议"]


def _triggers() -> list[object]:
    return [
        Trigger(
            "absent",
            "一年内无故缺席2次以上，谈话提醒",
            [Where("attendance", kinds=_MEETINGS, statuses=["无故缺席"])],
            2,
            "talk",
            clause="第一条",
        ),
        ConsecutiveYears(
            "low_twice",
            "届内累计两年得分低于3分，通报",
            2,
            "notice",
            score_below=3,
            basis="presented",
            consecutive=False,
            clause="第二条",
        ),
        ConsecutiveYears(
            "two_failures", "连续两年不合格，劝辞", 2, "resign", grade="不合格", clause="第三条"
        ),
        Ladder("sanctions", "只作出最重的一项", ["absent", "low_twice", "two_failures"], "第四条"),
    ]


def _meetings(points: int) -> Category:
    return Category(
        "meetings",
        "会议",
        [
            Item(
                "meetings.present",
                f"出席每次{points}分",
                Where("attendance", kinds=_MEETINGS, statuses=["出席"]),
                Points(points),
            )
        ],
    )


def build_2022() -> RuleSet:
    """The 2022 version."""
    return RuleSet(
        jurisdiction=JURISDICTION,
        name="years-2022",
        title="示例区政协委员年度考核结果运用办法",
        effective_from="2022-01-01",
        effective_until="2023-12-31",
        categories=[_meetings(2)],
        grades=Grades([Band("合格", 4), Band("不合格")]),
        triggers=_triggers(),  # type: ignore[arg-type]
    )


def build_2024() -> RuleSet:
    """The 2024 version."""
    return RuleSet(
        jurisdiction=JURISDICTION,
        name="years-2024",
        title="示例区政协委员年度考核结果运用办法",
        effective_from="2024-01-01",
        categories=[_meetings(1)],
        grades=Grades([Band("优秀", 6), Band("合格", 4), Band("不合格")]),
        triggers=[
            *_triggers(),  # type: ignore[list-item]
            ConsecutiveYears(
                "praise", "连续两年优秀，通报表扬", 2, "praise", grade="优秀", clause="第五条"
            ),
        ],
    )
