"""Xiangzhou: what a golden case cannot say.

Every figure a ledger earns under these rules — members' lines and totals, the six ones,
awards and their readings — is a golden case in tests/golden/. Here: registration and dates,
the rule set's shape and the awards' counts, option validation, conformance, the Sum value
block, and properties over generated ledgers.
"""

import datetime as dt
from fractions import Fraction

import pytest
from cppcc_rules_xiangzhou import (
    EFFECTIVE_FROM,
    EFFECTIVE_UNTIL,
    JURISDICTION,
    SIX_ONES,
    Sum,
    build_rule_set,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cppcc_model.assess import assess
from cppcc_model.assess.awards import award_candidates, select_winners
from cppcc_model.assess.groups import assess_groups
from cppcc_model.engine import evaluate
from cppcc_model.errors import InvalidValueError
from cppcc_model.ledger import Ledger
from cppcc_model.model import GroupKind, Level, Period
from cppcc_model.plugins import load_plugins
from cppcc_model.rules import (
    ByLevel,
    ByStage,
    Fact,
    NoRuleSetInForceError,
    Points,
    RuleSet,
    Source,
    Stage,
)
from cppcc_model.rules.facts import AuthorRole
from cppcc_model.testing.codes import raises_code
from cppcc_model.testing.conformance import assert_conforms
from cppcc_model.testing.strategies import ledgers

YEAR = Period.year(2022)


def test_the_plugin_registers_the_2022_rules_through_its_entry_point() -> None:
    plugins = load_plugins(entry_points=True, allow=["xiangzhou"], strict=True)
    rule_set = plugins.rule_sets.resolve(JURISDICTION, dt.date(2022, 6, 1))
    assert rule_set.name == "xiangzhou-2022"
    assert rule_set.plugin == "xiangzhou"
    assert plugins.plugin("xiangzhou").status == "loaded"
    assert (rule_set.effective_from, rule_set.effective_until) == (EFFECTIVE_FROM, EFFECTIVE_UNTIL)


@pytest.mark.parametrize("day", [dt.date(2021, 12, 31), dt.date(2023, 1, 1)])
def test_the_rules_cover_the_2022_assessment_year_only(day: dt.date) -> None:
    plugins = load_plugins(entry_points=True, allow=["xiangzhou"], strict=True)
    with pytest.raises(NoRuleSetInForceError):
        plugins.rule_sets.resolve(JURISDICTION, day)


def test_the_six_ones_are_six_mandatory_requirements_in_the_speechs_order() -> None:
    rule_set = build_rule_set()
    assert tuple(r.id for r in rule_set.requirements) == SIX_ONES
    assert [r.label for r in rule_set.requirements] == [
        "参加一次调研视察活动",
        "提交一件提案",
        "提供一条社情民意信息",
        "联系一户群众",
        "为群众办一件实事",
        "向所在活动组开展一次述职",
    ]
    assert all(r.at_least == 1 and r.strength.value == "mandatory" for r in rule_set.requirements)


def test_the_awards_carry_the_speechs_counts() -> None:
    counts = {a.label: a.quota.count for a in build_rule_set().awards}
    assert counts == {
        "优秀政协委员": 34,
        "信息工作先进个人": 15,
        "文史工作先进个人": 4,
        "优秀政协提案": 15,
        "优秀社情民意信息": 10,
        "优秀调研报告": 16,
    }


def test_town_and_district_groups_are_assessed_by_separate_group_rules() -> None:
    rules = {g.id: g for g in build_rule_set().group_rules}
    assert rules["groups.town_street"].group_kinds == {GroupKind.TOWN_STREET}
    assert GroupKind.TOWN_STREET not in rules["groups.district"].group_kinds
    for key in ("groups.town_street", "groups.district"):
        assert [c.id for c in rules[key].categories] == ["proposals", "information", "work"]
    assert rules["units.per_capita"].subject.value == "unit"


@pytest.mark.parametrize("joint", ["whole", "first", "split"])
def test_every_reading_conforms(joint: str) -> None:
    assert_conforms(build_rule_set(joint=joint), max_examples=15)


def test_the_readings_are_options() -> None:
    rule_set: RuleSet = build_rule_set()
    assert rule_set.options == {"joint": "whole", "award_ties": "exclude", "decided_on": None}
    changed = rule_set.with_options(joint="split", award_ties="name_order", decided_on="02-20")
    assert changed.options == {"joint": "split", "award_ties": "name_order", "decided_on": "02-20"}
    assert {a.decided_on for a in changed.awards} == {"02-20"}
    assert {a.ties for a in changed.awards} == {"name_order"}


@pytest.mark.parametrize("options", [{"joint": "half"}, {"award_ties": "random"}])
def test_an_unknown_reading_is_refused(options: dict[str, str]) -> None:
    with raises_code(InvalidValueError, "P101"):
        build_rule_set(**options)


# ---------------------------------------------------------------- the Sum value block

FACTS = st.builds(
    Fact,
    member_id=st.just("m"),
    source=st.just(Source.INFO_REPORT),
    record_id=st.just("i"),
    kind=st.just("info_report"),
    on=st.just(dt.date(2022, 3, 1)),
    role=st.sampled_from(AuthorRole),
    stages=st.dictionaries(
        st.sampled_from(Stage), st.none() | st.sampled_from(Level), max_size=5
    ).map(lambda found: tuple(sorted(found.items(), key=lambda p: list(Stage).index(p[0])))),
)
PARTS = (
    ByStage({"issued": 1, "instructed": 2}),
    ByLevel({"county": 2, "city": 4, "province": 6, "national": 8}, "adopted"),
    ByLevel({"city": 2, "national": 6}, "forwarded"),
    Points(1),
)


@settings(max_examples=60)
@given(FACTS, st.permutations(PARTS))
def test_a_sum_is_the_sum_of_its_parts_in_any_order(fact: Fact, parts: list[object]) -> None:
    total = evaluate.value(Sum(tuple(parts)), fact)  # type: ignore[arg-type]
    assert total == sum((evaluate.value(p, fact) for p in PARTS), Fraction(0))
    assert total >= 1


def test_a_sum_needs_value_blocks() -> None:
    with pytest.raises(InvalidValueError):
        Sum(())
    with raises_code(InvalidValueError, "R233", value="3"):
        Sum((3,))  # type: ignore[arg-type]
    assert "+" in Sum(PARTS).describe()


# ---------------------------------------------------------------- groups and awards, generated


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(ledgers(min_members=1, max_members=8, max_records=8))
def test_group_and_award_results_keep_their_bounds(ledger: Ledger) -> None:
    rule_set = build_rule_set()
    period = Period(dt.date(2000, 1, 1), dt.date(2035, 12, 31))
    members = assess(ledger, rule_set, period)
    groups = {g.id: assess_groups(ledger, g, period, members=members) for g in rule_set.group_rules}
    town = {g.id for g in ledger.activity_groups if g.kind is GroupKind.TOWN_STREET}
    assert {c.subject.id for c in groups["groups.town_street"].cards} == town
    for key in ("groups.town_street", "groups.district"):
        for card in groups[key].cards:
            rate = card.line("proposals.filing_rate").measure
            assert 0 <= rate <= 1
            assert card.line("work.activities").points <= 30
            assert card.total == sum(
                card.category_points(c) for c in ("proposals", "information", "work")
            )
    for award in rule_set.awards:
        result = select_winners(
            award, award_candidates(award, ledger, period, assessment=members, groups=groups)
        )
        assert len(result.winners) <= (award.quota.count or 0)
