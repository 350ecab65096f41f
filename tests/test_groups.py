"""Group assessment: counts, rates, per-capita member scores, inputs and group requirements."""

from __future__ import annotations

from fractions import Fraction

from _ledgers import D, proposal
from cppcc_model import Ledger
from cppcc_model.assess import assess
from cppcc_model.assess.groups import (
    Count,
    External,
    GroupCategory,
    GroupItem,
    GroupRequirement,
    GroupRules,
    MemberTotal,
    Rate,
    RequirementShare,
    assess_groups,
)
from cppcc_model.errors import CppccError
from cppcc_model.model import (
    Activity,
    ActivityGroup,
    Attendance,
    BodyRef,
    Committee,
    InfoReport,
    Member,
    Period,
    Sector,
)
from cppcc_model.rules import Category, Item, Points, Requirement, RuleSet, Where
from cppcc_model.testing.codes import raises_code

YEAR = Period.year(2022)


def fushun_ledger() -> Ledger:
    """Three groups shaped like 抚顺 examples A, B and C."""
    groups = [
        ActivityGroup("dp1", "民主党派一组", "sector"),
        ActivityGroup("econ", "经济组", "sector"),
        ActivityGroup("edu", "教育组", "sector"),
    ]
    members = [
        Member(f"{g}{i}", f"{g}{i}", "s", activity_group_id=g)
        for g in ("dp1", "econ", "edu")
        for i in (1, 2)
    ]

    def activity(aid: str, kind: str, group: str) -> Activity:
        return Activity(
            aid,
            kind,
            aid,
            D(2022, 4, 1),
            organiser=BodyRef("activity_group", group),
            attendance=[Attendance(f"{group}1")],
        )

    activities = (
        [activity("dp1-study1", "study", "dp1"), activity("dp1-study2", "study", "dp1")]
        + [activity(f"dp1-r{i}", "research", "dp1") for i in range(4)]
        + [activity("econ-study", "study", "econ")]
        + [activity(f"econ-i{i}", "inspection", "econ") for i in range(3)]
        + [activity("edu-study", "study", "edu")]
        + [activity(f"edu-r{i}", "research", "edu") for i in range(2)]
    )
    proposals = [
        proposal("dp1-collective", kind="collective", body=BodyRef("activity_group", "dp1")),
        proposal("feng", "econ1"),
        proposal("edu-p", "edu1"),
    ]
    info = [
        InfoReport("dp1-i1", "信息一", D(2022, 5, 1), [f"dp1{1}"]),
        InfoReport("dp1-i2", "信息二", D(2022, 6, 1), ["dp12"]),
        InfoReport("edu-i", "信息", D(2022, 6, 1), ["edu2"]),
    ]
    return Ledger(
        committee=Committee("c", "抚顺市政协", "city", "liaoning.fushun"),
        sectors=[Sector("s", "界别")],
        activity_groups=groups,
        members=members,
        activities=activities,
        proposals=proposals,
        info_reports=info,
    )


FUSHUN = GroupRules(
    "fushun-2006",
    "委员活动组考核",
    "activity_group",
    categories=[],
    requirements=[
        GroupRequirement(
            "study",
            "组织专题学习至少1次",
            Count(Where("attendance", kinds=["study"])),
            1,
            clause="一",
        ),
        GroupRequirement(
            "research",
            "专题调研视察至少3次",
            Count(Where("attendance", kinds=["research", "inspection"])),
            3,
            clause="二",
        ),
        GroupRequirement(
            "proposal",
            "至少1件高质量提案（集体或个人）",
            External("good_proposals", default=0),
            1,
            clause="三",
        ),
        GroupRequirement(
            "info", "至少1条有价值的社情民意", External("valuable_info", default=0), 1, clause="三"
        ),
    ],
)

# The quality of a proposal or an item is the assessors' judgement: an input, not a record.
JUDGED = {
    "good_proposals": {"dp1": 1, "econ": 1, "edu": 0},
    "valuable_info": {"dp1": 1, "econ": 0, "edu": 1},
}


def met(result, group: str) -> dict[str, bool]:
    return {r.requirement_id: r.met for r in result.card(group).requirements}


def test_fushun_example_a_a_fully_compliant_group() -> None:
    result = assess_groups(fushun_ledger(), FUSHUN, YEAR, external=JUDGED)
    assert met(result, "dp1") == {"study": True, "research": True, "proposal": True, "info": True}
    assert result.card("dp1").requirements[1].measure == 4


def test_fushun_example_b_only_individual_output_fails_the_information_part() -> None:
    result = assess_groups(fushun_ledger(), FUSHUN, YEAR, external=JUDGED)
    assert met(result, "econ") == {"study": True, "research": True, "proposal": True, "info": False}


def test_fushun_example_c_counts_and_quality_both_matter() -> None:
    result = assess_groups(fushun_ledger(), FUSHUN, YEAR, external=JUDGED)
    assert met(result, "edu") == {"study": True, "research": False, "proposal": False, "info": True}


def test_a_missing_input_without_default_is_an_error_naming_the_body() -> None:
    rules = GroupRules(
        "g",
        "g",
        "activity_group",
        [GroupCategory("c", "c", [GroupItem("plan", "年度计划", External("plan"), points=5)])],
    )
    with raises_code(CppccError, "S112", value="plan"):
        assess_groups(fushun_ledger(), rules, YEAR)


def test_counts_rates_per_capita_and_requirement_shares() -> None:
    data = fushun_ledger()
    member_rules = RuleSet(
        jurisdiction="liaoning.fushun",
        name="members",
        title="t",
        effective_from=D(2000, 1, 1),
        categories=[Category("pc", "提案", [Item("p", "提案", Where("proposal"), Points(10))])],
        requirements=[Requirement("one", "一件提案", [Where("proposal")])],
    )
    members = assess(data, member_rules, YEAR)
    rules = GroupRules(
        "groups",
        "活动组考核",
        "activity_group",
        [
            GroupCategory(
                "output",
                "履职成果",
                [
                    GroupItem("proposals", "提案 2分/件", Count(Where("proposal")), points=2),
                    GroupItem(
                        "filing",
                        "立案率 ×10",
                        Rate(Where("proposal", reached=["filed"]), Where("proposal")),
                        points=10,
                    ),
                    GroupItem("mean", "人均得分", MemberTotal("mean")),
                    GroupItem("six", "完成率", RequirementShare("one"), points=4),
                ],
                cap=30,
            )
        ],
    )
    result = assess_groups(data, rules, YEAR, members=members)
    econ = result.card("econ")
    assert econ.line("proposals").points == 2
    assert econ.line("filing").measure == 0
    assert econ.line("mean").points == 5  # 10 + 0 over 2 members
    assert econ.line("six").measure == Fraction(1, 2)
    assert econ.total == 2 + 0 + 5 + 2
    assert econ.per_capita == Fraction(9, 2)
    dp1 = result.card("dp1")
    assert dp1.line("proposals").records == (
        "dp1-collective",
    )  # the group's own collective proposal
    assert result.totals() == {c.subject.id: c.total for c in result.cards}


def test_unit_kinds_and_the_share_meeting_every_requirement() -> None:
    from cppcc_model.model import standard_unit

    base = fushun_ledger()
    parties = [standard_unit("九三学社"), standard_unit("中共")]
    members = [
        Member("x1", "甲", "s", unit_id="jiusan"),
        Member("x2", "乙", "s", unit_id="jiusan"),
        Member("x3", "丙", "s", unit_id="cpc"),
    ]
    data = Ledger(
        committee=base.committee,
        sectors=base.sectors,
        units=parties,
        members=members,
        proposals=[proposal("p1", "x1"), proposal("p2", "x3")],
    )
    member_rules = RuleSet(
        jurisdiction="liaoning.fushun",
        name="members",
        title="t",
        effective_from=D(2000, 1, 1),
        categories=[Category("pc", "提案", [Item("p", "提案", Where("proposal"), Points(10))])],
        requirements=[
            Requirement("one", "一件提案", [Where("proposal")]),
            Requirement("study", "鼓励学习", [Where("attendance")], strength="encouraged"),
        ],
    )
    members_result = assess(data, member_rules, YEAR)
    rules = GroupRules(
        "parties",
        "民主党派人均",
        "unit",
        [GroupCategory("c", "c", [GroupItem("all", "完成率", RequirementShare())])],
        unit_kinds=["民主党派"],
    )
    result = assess_groups(data, rules, YEAR, members=members_result)
    assert [c.subject.id for c in result.cards] == ["jiusan"]
    assert result.card("jiusan").line("all").measure == Fraction(1, 2)


def test_the_kind_of_body_a_group_rule_assesses_is_the_one_body_vocabulary() -> None:
    import cppcc_model.assess.groups as old_home
    import cppcc_model.rules as rules
    from cppcc_model.model import BodyKind
    from cppcc_model.rules.groups import GROUP_SUBJECTS, SubjectKind

    # one enumeration, under its old names too
    assert SubjectKind is BodyKind is old_home.SubjectKind is rules.SubjectKind
    assert SubjectKind.parse("党派") is BodyKind.UNIT
    assert SubjectKind.parse("专委会") is BodyKind.SPECIAL_COMMITTEE
    # the same blocks wherever they are imported from
    assert old_home.Count is rules.Count
    assert old_home.External is rules.GroupExternal
    item = GroupItem("n", "件数", Count(Where("proposal")), points=1)
    rules_for = GroupRules("g", "活动组考核", "活动组", [GroupCategory("c", "类", [item])])
    assert rules_for.subject is BodyKind.ACTIVITY_GROUP
    # the whole committee, an office or an outside body is not a group subject
    for kind in set(BodyKind) - GROUP_SUBJECTS:
        with raises_code(CppccError, "R237"):
            GroupRules("g", "考核", kind, [GroupCategory("c", "类", [item])])


class _AnySource(Where):
    """A plugin's own selection: every fact of a member, whatever the source it names."""

    def matches(self, fact: object) -> bool:
        return True


def test_a_plugin_selection_sees_every_fact_not_only_those_of_its_source() -> None:
    # the library's Where is tried only on facts of its source; a subclass with its own
    # matches() may select across sources, so it is tried on every fact
    rules = GroupRules(
        "groups",
        "活动组考核",
        "activity_group",
        [
            GroupCategory(
                "all",
                "全部",
                [
                    GroupItem("any", "任何记录", Count(_AnySource("proposal"), credit="members")),
                    GroupItem("proposals", "提案", Count(Where("proposal"), credit="members")),
                ],
            )
        ],
    )
    result = assess_groups(fushun_ledger(), rules, YEAR)
    econ = result.card("econ")
    # econ1 attended the study and three inspections and wrote the proposal "feng"
    assert econ.line("any").records == ("econ-i0", "econ-i1", "econ-i2", "econ-study", "feng")
    assert econ.line("proposals").records == ("feng",)
    assert result.card("dp1").line("any").records == (
        "dp1-i1",
        "dp1-i2",
        "dp1-r0",
        "dp1-r1",
        "dp1-r2",
        "dp1-r3",
        "dp1-study1",
        "dp1-study2",
    )
