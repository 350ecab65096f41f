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
from cppcc_model.testing.codes import raises_code
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
    with raises_code(NoRuleSetInForceError, "P014", value="shanghai.minhang"):
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


# ------------------------------------------------------------------ clauses
#
# Every figure a clause decides is a golden case in tests/golden/: training worth 10 or 5
# (clause_training_whole_or_part), 5 per plenary half-day (clause_plenary_half_days), the base
# item needing a filed proposal (clause_base_item_needs_filing), the collective lead writer
# (clause_collective_lead_writer), the calendar year (clause_other_year_not_counted), both
# readings of key and excellent (option_key_and_excellent_*) and of training towards the
# requirement (example_b_*).


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
