"""襄州区政协 2022: the activity groups and participating units (part 一). ILLUSTRATIVE points."""

from __future__ import annotations

from cppcc_model.model import GroupKind
from cppcc_model.rules import (
    Count,
    GroupCategory,
    GroupItem,
    GroupRules,
    MemberTotal,
    Rate,
    Reached,
    RequirementShare,
    Where,
)
from cppcc_rules_xiangzhou.requirements import SIX_ONES
from cppcc_rules_xiangzhou.vocabulary import (
    HISTORY_OUTPUTS,
    RESEARCH_OUTPUTS,
)


def _filed() -> Where:
    # A merged proposal (并案) follows its parent's stages; the filing rate counts cases, so a
    # merged proposal is received but not filed.
    return Where("proposal", reached=["filed"], not_reached=["merged"])


def group_categories() -> tuple[GroupCategory, ...]:
    """The activity-group assessment (活动组考核). ILLUSTRATIVE points.

    一: 双沟镇活动组 "两项考核都名列前茅，综合考核排名第一"; 程河镇活动组 "提案和社情民意信息考核
    排名第一"; 第6活动组 "信息考核跃居首位"; 第1活动组 "提案立案率最高". So a group has a
    proposal assessment and an information assessment, and an overall ranking that adds more
    (the group's own work). Records count once per group however many of its members wrote
    them (cppcc-model's ``Count``).
    """
    proposals = GroupCategory(
        "proposals",
        "提案考核",
        clause="一",
        items=[
            GroupItem("proposals.received", "提交提案 1分/件", Count(Where("proposal")), 1),
            GroupItem("proposals.filed", "立案 3分/件", Count(_filed()), 3),
            GroupItem(
                "proposals.key",
                "重点提案 3分/件",
                Count(Where("proposal", reached=["key"], not_reached=["merged"])),
                3,
            ),
            GroupItem(
                "proposals.filing_rate",
                "立案率 × 10分",
                Rate(_filed(), Where("proposal")),
                10,
            ),
        ],
    )
    information = GroupCategory(
        "information",
        "社情民意信息考核",
        clause="一",
        items=[
            GroupItem(
                "information.issued",
                "编发 1分/篇",
                Count(Where("info_report", reached=["issued"])),
                1,
            ),
            GroupItem(
                "information.adopted",
                "区级以上采用 3分/篇",
                Count(Where("info_report", reached=[Reached("adopted", "county")])),
                3,
            ),
            GroupItem(
                "information.adopted_city",
                "市级以上采用 再加3分/篇",
                Count(Where("info_report", reached=[Reached("adopted", "city")])),
                3,
            ),
            GroupItem(
                "information.adopted_province",
                "省级以上采用 再加4分/篇",
                Count(Where("info_report", reached=[Reached("adopted", "province")])),
                4,
            ),
            GroupItem(
                "information.national",
                "转报全国政协 8分/篇",
                Count(Where("info_report", reached=[Reached("forwarded", "national")])),
                8,
            ),
            GroupItem(
                "information.instructed",
                "领导批示 2分/篇",
                Count(Where("info_report", reached=["instructed"])),
                2,
            ),
        ],
    )
    work = GroupCategory(
        "work",
        "活动组工作",
        clause="一",
        items=[
            GroupItem(
                "work.activities",
                "组织调研视察、协商等活动 3分/次，最高30分",
                Count(Where("attendance"), credit="body"),
                3,
                cap=30,
            ),
            GroupItem(
                "work.research",
                "调研报告、建议案 2分/篇",
                Count(Where("contribution", kinds=list(RESEARCH_OUTPUTS))),
                2,
            ),
            GroupItem(
                "work.history",
                "文史资料 1分/篇",
                Count(Where("contribution", kinds=list(HISTORY_OUTPUTS))),
                1,
            ),
            *(
                GroupItem(
                    f"work.{requirement}",
                    f"“六个一”完成率 × 3分 ({requirement})",
                    RequirementShare(requirement),
                    3,
                )
                for requirement in SIX_ONES
            ),
        ],
    )
    return (proposals, information, work)


def group_rules() -> tuple[GroupRules, ...]:
    """The group rules: activity groups by kind, and participating units.

    镇街活动组 and 区直活动组 are assessed and ranked apart (the speech ranks each kind on its
    own). Units: 一 "九三学社的成员履职考核人均得分最高，农工党上报的社情民意信息采纳转报最多".
    """
    categories = group_categories()
    return (
        GroupRules(
            "groups.town_street",
            "镇街活动组考核",
            "activity_group",
            categories,
            group_kinds=[GroupKind.TOWN_STREET],
            clause="一",
        ),
        GroupRules(
            "groups.district",
            "区直活动组考核",
            "activity_group",
            categories,
            group_kinds=[GroupKind.SPECIAL_COMMITTEE, GroupKind.SECTOR],
            clause="一",
        ),
        GroupRules(
            "units.per_capita",
            "参加单位成员履职考核人均得分",
            "unit",
            [
                GroupCategory(
                    "members",
                    "成员人均得分",
                    [GroupItem("members.mean", "成员履职考核人均得分", MemberTotal("mean"))],
                )
            ],
            clause="一",
        ),
        GroupRules(
            "units.information",
            "参加单位社情民意采纳转报",
            "unit",
            [
                GroupCategory(
                    "information",
                    "社情民意采纳转报",
                    [
                        GroupItem(
                            "information.taken_up",
                            "区级以上采用或转报 (篇)",
                            Count(
                                Where(
                                    "info_report",
                                    reached_any=[
                                        Reached("adopted", "county"),
                                        Reached("forwarded", "county"),
                                    ],
                                )
                            ),
                            1,
                        )
                    ],
                )
            ],
            clause="一",
        ),
    )
