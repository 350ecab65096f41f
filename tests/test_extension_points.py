"""The public extension points: a plugin's own trigger, measure, value and condition."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import attrs

from cppcc_model.assess import Measure, MeasureContext, assess, assess_groups
from cppcc_model.assess.groups import GroupCategory, GroupItem, GroupRules, Subject
from cppcc_model.ledger import Ledger
from cppcc_model.model import ActivityGroup, Committee, Input, Member, Period, Sector
from cppcc_model.rules import (
    Category,
    Condition,
    CustomTrigger,
    Function,
    Item,
    Ladder,
    RuleSet,
    Trigger,
    TriggerContext,
    Value,
    Where,
)
from cppcc_model.scorecard import Flag

YEAR = Period.year(2024)


@attrs.frozen
class LowRating:
    """所在单位评价低于6分的，予以通报 — written as a plugin's own trigger."""

    id: str = "low_rating"
    label: str = "所在单位评价低于6分"

    def check(self, context: TriggerContext) -> Flag | None:
        low = [i for i in context.inputs if i.key == "employer_rating" and i.value < 6]
        if not low:
            return None
        return Flag(self.id, self.label, "第十条", "notice", f"rating {low[0].value}", ())


@attrs.frozen
class Given:
    """A measure summing a group's given figures of one key (for the protocol's sake)."""

    key: str

    def measure(
        self, subject: Subject, context: MeasureContext
    ) -> tuple[Fraction, tuple[str, ...], str]:
        value = context.input(self.key, subject) or Fraction(0)
        return value, (), f"{self.key} = {value}"

    def describe(self) -> str:
        return f"given {self.key}"


def _ledger() -> Ledger:
    return Ledger(
        committee=Committee("c", "政协", "county", "x"),
        sectors=[Sector("s", "界别")],
        activity_groups=[ActivityGroup("g", "第一活动组", "town_street")],
        members=[Member("a", "甲", "s", activity_group_id="g"), Member("b", "乙", "s")],
        inputs=[
            Input("a", YEAR, "employer_rating", 5),
            Input("b", YEAR, "employer_rating", 9),
            Input("g", YEAR, "self_check", 7, subject_kind="activity_group"),
        ],
    )


def test_the_protocols_are_checked_at_run_time() -> None:
    assert isinstance(LowRating(), CustomTrigger)
    assert isinstance(Given("k"), Measure)
    assert isinstance(Function(lambda fact: fact.amount or 0, "amount"), Value)
    assert not isinstance(Trigger("t", "t", [Where("proposal")], 1, "talk"), CustomTrigger)
    assert isinstance(InGroup(), Condition)


@attrs.frozen
class InGroup:
    """活动组成员 — a plugin's own condition."""

    def applies(self, member: Member, period: Period, as_of: dt.date) -> bool:
        return member.activity_group_id is not None

    def describe(self) -> str:
        return "活动组成员"


def test_a_custom_trigger_reads_the_public_context_and_sits_on_a_ladder() -> None:
    rules = RuleSet(
        jurisdiction="x",
        name="x",
        title="x",
        effective_from=dt.date(2024, 1, 1),
        categories=[
            Category(
                "c",
                "录入",
                [Item("c.all", "全部录入", Where("input"), Function(lambda f: f.amount, "amount"))],
            )
        ],
        triggers=[
            LowRating(),
            Trigger("any", "有录入", [Where("input")], 1, "talk"),
            Ladder("l", "只取最重", ["any", "low_rating"]),
        ],
    )
    result = assess(_ledger(), rules, YEAR)
    assert [f.trigger_id for f in result.card("a").flags] == ["low_rating"]
    assert "supersedes any" in result.card("a").flags[0].reason
    assert [f.trigger_id for f in result.card("b").flags] == ["any"]
    assert result.card("a").total == 5


def test_a_custom_measure_reads_the_inputs_of_a_group() -> None:
    rules = GroupRules(
        "groups",
        "活动组",
        "activity_group",
        [GroupCategory("self", "自查", [GroupItem("self.check", "自查得分", Given("self_check"))])],
    )
    card = assess_groups(_ledger(), rules, YEAR).card("g")
    assert card.total == 7


def test_measures_combine_with_all_any_and_not() -> None:
    from cppcc_model.assess import AllMet, AnyMet, AtLeast, NotMet

    given, missing = Given("self_check"), Given("nothing")
    items = [
        GroupItem("all", "全部", AllMet([AtLeast(given, 5), given]), points=2),
        GroupItem("all_missing", "全部(缺)", AllMet([given, missing]), points=2),
        GroupItem("any", "之一", AnyMet([missing, given]), points=3),
        GroupItem("not", "未", NotMet(missing), points=4),
        GroupItem("not_given", "未(有)", NotMet(given), points=4),
    ]
    rules = GroupRules("groups", "活动组", "activity_group", [GroupCategory("c", "c", items)])
    card = assess_groups(_ledger(), rules, YEAR).card("g")
    points = {i.id: card.line(i.id).points for i in items}
    assert points == {"all": 2, "all_missing": 0, "any": 3, "not": 4, "not_given": 0}
