import datetime as dt
from fractions import Fraction
from typing import Any

import attrs
import pytest
from cppcc_rules_minhang import EFFECTIVE_FROM, JURISDICTION, build_rule_set
from hypothesis import HealthCheck, given, settings

from cppcc_model.assess.engine import assess
from cppcc_model.errors import InvalidValueError
from cppcc_model.io.json import ledger_from_dict
from cppcc_model.ledger import Ledger
from cppcc_model.model import Period
from cppcc_model.plugins import load_plugins
from cppcc_model.rules import NoRuleSetInForceError, RuleSet
from cppcc_model.testing.conformance import assert_conforms
from cppcc_model.testing.strategies import ledgers

YEAR = Period.parse("2019")


def _ledger(
    members: list[str],
    *,
    activities: list[dict[str, Any]] | None = None,
    proposals: list[dict[str, Any]] | None = None,
    info_reports: list[dict[str, Any]] | None = None,
) -> Ledger:
    return ledger_from_dict(
        {
            "format": "cppcc-ledger",
            "version": 1,
            "committee": {
                "id": "minhang",
                "name": "政协闵行区委员会",
                "level": "county",
                "jurisdiction": JURISDICTION,
            },
            "sectors": [{"id": "s", "name": "界别"}],
            "units": [
                {"id": "u", "name": "某党派区委", "short_name": "某党派", "kind": "民主党派"}
            ],
            "members": [{"id": m, "name": m, "sector_id": "s"} for m in members],
            "activities": activities or [],
            "proposals": proposals or [],
            "info_reports": info_reports or [],
        }
    )


def _filed(pid: str, kind: str, members: list[str], *steps: str) -> dict[str, Any]:
    proposal: dict[str, Any] = {
        "id": pid,
        "subject": pid,
        "submitted_on": "2019-01-08",
        "proposer_kind": kind,
        "member_ids": members,
        "history": [{"step": "立案", "on": "2019-02-01"}]
        + [{"step": step, "on": "2019-06-01"} for step in steps],
    }
    if kind == "集体":
        proposal["body"] = {"kind": "参加单位", "id": "u"}
    return proposal


# ------------------------------------------------------------------ registration and dates


def test_the_plugin_registers_the_rules_through_its_entry_point() -> None:
    plugins = load_plugins(entry_points=True, allow=["minhang"], strict=True)
    rule_set = plugins.rule_sets.resolve(JURISDICTION, dt.date(2024, 6, 1))
    assert rule_set.name == "minhang-points"
    assert rule_set.plugin == "minhang"
    assert rule_set.effective_until is None
    assert plugins.plugin("minhang").status == "loaded"
    assert plugins.rule_sets.resolve("minhang", dt.date(2019, 6, 1)) is rule_set


def test_the_assumed_start_date_is_the_one_documented() -> None:
    plugins = load_plugins(entry_points=True, allow=["minhang"], strict=True)
    assert plugins.rule_sets.get("minhang-points").effective_from == EFFECTIVE_FROM
    with pytest.raises(NoRuleSetInForceError, match="2017-01-01"):
        plugins.rule_sets.resolve(JURISDICTION, EFFECTIVE_FROM - dt.timedelta(days=1))


# ------------------------------------------------------------------ options


def test_the_open_questions_are_options_with_documented_defaults() -> None:
    rule_set: RuleSet = build_rule_set()
    assert rule_set.options == {"training_counts": True, "key_and_excellent": "higher"}
    other = rule_set.with_options(training_counts=False, key_and_excellent="both")
    assert other.options == {"training_counts": False, "key_and_excellent": "both"}


@pytest.mark.parametrize(
    "options",
    [{"training_counts": "yes"}, {"key_and_excellent": "sum"}, {"training_counts": 1}],
)
def test_an_unknown_reading_is_refused(options: dict[str, object]) -> None:
    with pytest.raises(InvalidValueError):
        build_rule_set().with_options(**options)


@pytest.mark.parametrize(
    ("reading", "lead", "participant"),
    [("higher", 15, 3), ("both", 25, 5)],
)
def test_a_proposal_both_key_and_excellent_under_each_reading(
    reading: str, lead: int, participant: int
) -> None:
    ledger = _ledger(
        ["a", "b"], proposals=[_filed("p", "联名", ["a", "b"], "重点提案", "优秀提案")]
    )
    result = assess(ledger, build_rule_set(key_and_excellent=reading), YEAR)
    bonus = {
        m: result.card(m).line("proposals.key").points
        + result.card(m).line("proposals.excellent").points
        for m in ("a", "b")
    }
    assert bonus == {"a": lead, "b": participant}


def test_training_towards_the_requirement_follows_the_option() -> None:
    activities = [
        {
            "id": f"r{n}",
            "kind": "调研",
            "title": "调研",
            "start": f"2019-0{n}-01",
            "attendance": [{"member_id": "a"}],
        }
        for n in (2, 3)
    ] + [
        {
            "id": "t",
            "kind": "培训",
            "title": "培训",
            "start": "2019-05-01",
            "attendance": [{"member_id": "a"}],
        }
    ]
    ledger = _ledger(["a"], activities=activities)
    for counts in (True, False):
        card = assess(ledger, build_rule_set(training_counts=counts), YEAR).card("a")
        (met,) = [r.met for r in card.requirements if r.requirement_id == "basic.activities"]
        assert met is counts
        assert card.total == 20  # the points do not depend on the reading


# ------------------------------------------------------------------ clauses


@pytest.mark.parametrize(
    ("entry", "points"),
    [
        ({"member_id": "a"}, 10),
        ({"member_id": "a", "status": "迟到"}, 5),
        ({"member_id": "a", "status": "早退"}, 5),
        ({"member_id": "a", "status": "部分参加", "half_days": 2}, 5),
        ({"member_id": "a", "half_days": 3}, 5),  # present, but for 3 of 4 half-days
        ({"member_id": "a", "half_days": 0}, 0),
        ({"member_id": "a", "status": "请假"}, 0),
        ({"member_id": "a", "status": "无故缺席"}, 0),
    ],
)
def test_training_is_whole_programme_10_or_partly_5(entry: dict[str, Any], points: int) -> None:
    training = {
        "id": "t",
        "kind": "培训",
        "title": "外出集中学习培训",
        "start": "2019-07-01",
        "end": "2019-07-02",
        "half_days": 4,
        "attendance": [entry],
    }
    card = assess(_ledger(["a"], activities=[training]), build_rule_set(), YEAR).card("a")
    assert card.line("meetings.training").points == points


def test_each_plenary_half_day_is_worth_5() -> None:
    plenary = {
        "id": "plenary",
        "kind": "全体会议",
        "title": "全会",
        "start": "2019-01-08",
        "end": "2019-01-10",
        "half_days": 6,
        "attendance": [
            {"member_id": "a"},
            {"member_id": "b", "status": "部分参加", "half_days": 3},
            {"member_id": "c", "status": "请假"},
        ],
    }
    result = assess(_ledger(["a", "b", "c"], activities=[plenary]), build_rule_set(), YEAR)
    assert result.totals() == {"a": 30, "b": 15, "c": 0}
    met = {
        m: [r.met for r in result.card(m).requirements if r.requirement_id == "basic.plenary"]
        for m in "abc"
    }
    assert met == {"a": [True], "b": [True], "c": [False]}


def test_the_base_item_needs_a_filed_proposal() -> None:
    submitted_only = {
        "id": "p",
        "subject": "p",
        "submitted_on": "2019-01-08",
        "proposer_kind": "个人",
        "member_ids": ["a"],
    }
    card = assess(_ledger(["a"], proposals=[submitted_only]), build_rule_set(), YEAR).card("a")
    assert card.line("proposals.base").points == 0
    # ... while the requirement asks only for a submitted proposal.
    assert [r.met for r in card.requirements if r.requirement_id == "basic.proposal"] == [True]


def test_the_first_named_main_member_is_the_collective_lead_writer() -> None:
    ledger = _ledger(["a", "b", "c"], proposals=[_filed("p", "集体", ["b", "a", "c"], "重点提案")])
    totals = assess(ledger, build_rule_set(), YEAR).totals()
    assert totals == {"b": 15 + 15, "a": 3 + 3, "c": 3 + 3}


def test_a_proposal_record_in_another_year_is_not_counted() -> None:
    ledger = _ledger(["a"], proposals=[_filed("p", "个人", ["a"], "重点提案")])
    assert assess(ledger, build_rule_set(), Period.parse("2020")).totals() == {"a": 0}


# ------------------------------------------------------------------ properties

_FAST = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
_WHOLE = Period(dt.date(2000, 1, 1), dt.date(2035, 12, 31))


@_FAST
@given(ledgers(min_members=1, max_members=5, max_records=8))
def test_the_base_item_gives_one_role_value_once(ledger: Ledger) -> None:
    for card in assess(ledger, build_rule_set(), _WHOLE).cards:
        base = card.line("proposals.base")
        assert base.points in (0, 3, 15)
        assert sum(1 for e in base.entries if e.counted) <= 1
        assert base.points == max((e.points for e in base.entries), default=Fraction(0))
        for category in card.categories:
            for line in category.lines:
                assert line.points >= 0


@_FAST
@given(ledgers(min_members=1, max_members=4, max_records=6))
def test_removing_a_record_never_raises_a_total(ledger: Ledger) -> None:
    # Every Minhang value is a reward (building blocks only, no escape-hatch function), so
    # taking a record away can only lower (or keep) a member's points.
    rule_set = build_rule_set(key_and_excellent="both")
    totals = assess(ledger, rule_set, _WHOLE).totals()
    parents = {e.parent_id for p in ledger.proposals for e in p.history if e.parent_id}
    leaves = [p.id for p in ledger.proposals if p.id not in parents]
    smaller = [attrs.evolve(ledger, activities=ledger.activities[1:])]
    if leaves:  # a proposal another one was merged into cannot go without breaking the ledger
        kept = tuple(p for p in ledger.proposals if p.id != leaves[0])
        smaller.append(attrs.evolve(ledger, proposals=kept))
    for other in smaller:
        for member_id, total in assess(other, rule_set, _WHOLE).totals().items():
            assert total <= totals[member_id]


@pytest.mark.parametrize(
    "options",
    [{}, {"training_counts": False, "key_and_excellent": "both"}],
)
def test_both_readings_conform(options: dict[str, object]) -> None:
    assert_conforms(build_rule_set().with_options(**options), max_examples=20)
