import datetime as dt
from typing import Any

import attrs
import pytest
from cppcc_rules_yanbian import JURISDICTION, PUBLISHED, build_rule_set
from hypothesis import HealthCheck, given, settings

from cppcc_model.assess.engine import assess
from cppcc_model.errors import InvalidValueError
from cppcc_model.io.json import ledger_from_dict
from cppcc_model.ledger import Ledger
from cppcc_model.model import Period
from cppcc_model.plugins import load_plugins
from cppcc_model.rules import NoRuleSetInForceError, RuleSet, Settings
from cppcc_model.testing.codes import raises_code
from cppcc_model.testing.conformance import assert_conforms
from cppcc_model.testing.strategies import ledgers

YEAR = Period.parse("2023")


def _ledger(
    members: list[str],
    *,
    proposals: list[dict[str, Any]] | None = None,
    info_reports: list[dict[str, Any]] | None = None,
) -> Ledger:
    return ledger_from_dict(
        {
            "format": "cppcc-ledger",
            "version": 1,
            "committee": {
                "id": "yanbian",
                "name": "政协延边州委员会",
                "level": "city",
                "jurisdiction": JURISDICTION,
            },
            "sectors": [{"id": "s", "name": "界别"}],
            "units": [
                {"id": "u", "name": "某党派州委", "short_name": "某党派", "kind": "民主党派"}
            ],
            "members": [{"id": m, "name": m, "sector_id": "s"} for m in members],
            "proposals": proposals or [],
            "info_reports": info_reports or [],
        }
    )


def _proposal(pid: str, members: list[str], *history: dict[str, Any]) -> dict[str, Any]:
    kind = "个人" if len(members) == 1 else "联名"
    return {
        "id": pid,
        "subject": pid,
        "submitted_on": "2023-01-10",
        "proposer_kind": kind,
        "member_ids": members,
        "history": list(history),
    }


def _item(iid: str, authors: list[str], *history: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": iid,
        "title": iid,
        "submitted_on": "2023-03-01",
        "author_ids": authors,
        "history": list(history),
    }


def _step(step: str, level: str | None = None, on: str = "2023-04-01") -> dict[str, Any]:
    return {"step": step, "on": on} if level is None else {"step": step, "on": on, "level": level}


# ------------------------------------------------------------------ registration and dates


def test_the_plugin_registers_the_2022_rules_through_its_entry_point() -> None:
    plugins = load_plugins(entry_points=True, allow=["yanbian"], strict=True)
    rule_set = plugins.rule_sets.resolve(JURISDICTION, dt.date(2024, 6, 1))
    assert rule_set.name == "yanbian-2022"
    assert rule_set.plugin == "yanbian"
    assert rule_set.effective_from == PUBLISHED == dt.date(2022, 8, 19)
    assert plugins.plugin("yanbian").status == "loaded"
    assert plugins.rule_sets.resolve("yanbian", dt.date(2023, 1, 1)) is rule_set


def test_the_rules_are_not_in_force_before_their_publication() -> None:
    plugins = load_plugins(entry_points=True, allow=["yanbian"], strict=True)
    with raises_code(NoRuleSetInForceError, "P014", value="jilin.yanbian"):
        plugins.rule_sets.resolve(JURISDICTION, dt.date(2022, 8, 18))


# ------------------------------------------------------------------ options


def test_the_open_questions_are_options_with_documented_defaults() -> None:
    rule_set: RuleSet = build_rule_set()
    assert rule_set.options == {
        "conversion": "final",
        "joint_info": "first",
        "instruction_and_adoption": "once",
    }
    assert rule_set.settings.conversion == "final"
    assert rule_set.with_options(conversion="original").settings.conversion == "original"


@pytest.mark.parametrize(
    "options",
    [
        {"conversion": "both"},  # the rules forbid double counting
        {"conversion": "higher"},
        {"joint_info": "split"},
        {"instruction_and_adoption": "twice"},
    ],
)
def test_an_unknown_or_forbidden_reading_is_refused(options: dict[str, object]) -> None:
    with pytest.raises(InvalidValueError):
        build_rule_set().with_options(**options)


# ------------------------------------------------------------------ the clauses' figures
#
# Every figure a ledger earns under 第五条 is a golden case in tests/golden/: the worked examples
# (example_*.golden.toml; example C in both readings of conversion), each clause the examples do
# not reach (clause_*: the bonus by level, proposals sent up by level, the once-a-year items, a
# collective proposal, a proposal turned into an opinion) and both readings of joint_info and of
# instruction_and_adoption (option_*). What stays here is what a golden case cannot say:
# registration and dates, option validation, the reading the rules forbid, conformance and the
# properties over generated ledgers.


def test_counting_a_conversion_both_ways_gives_what_the_rules_forbid() -> None:
    """Example C counted both ways: 25, the figure no option reaches (refused above).

    The two readings' figures (10 and 15) are golden cases (example_c_conversion_*); this is the
    yardstick of test_no_reading_counts_a_conversion_twice, which a golden case cannot build,
    as the plugin refuses conversion="both".
    """
    proposal = _proposal("p", ["a"], {"step": "不予立案", "on": "2023-02-01", "converted_to": "i"})
    ledger = _ledger(
        ["a"], proposals=[proposal], info_reports=[_item("i", ["a"], _step("采用", "州"))]
    )
    counted_twice = attrs.evolve(build_rule_set(), settings=Settings(conversion="both"))
    # 10 (≥1 proposal) + 5 (≥1 item) + 10 (adopted)
    assert assess(ledger, counted_twice, YEAR).totals() == {"a": 25}


# ------------------------------------------------------------------ properties

_FAST = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
_WHOLE = Period(dt.date(2000, 1, 1), dt.date(2035, 12, 31))


@_FAST
@given(ledgers(min_members=1, max_members=5, max_records=8))
def test_only_first_proposers_score_proposal_points(ledger: Ledger) -> None:
    firsts = {p.member_ids[0] for p in ledger.proposals if p.member_ids}
    for card in assess(ledger, build_rule_set(), _WHOLE).cards:
        proposals = card.category("proposals")
        if card.member_id not in firsts:
            assert proposals.points == 0
        assert card.line("proposals.submitted").points in (0, 10)
        assert card.line("information.submitted").points in (0, 5)


@_FAST
@given(ledgers(min_members=1, max_members=4, max_records=6))
def test_no_reading_counts_a_conversion_twice(ledger: Ledger) -> None:
    counted_twice = attrs.evolve(build_rule_set(), settings=Settings(conversion="both"))
    both = assess(ledger, counted_twice, _WHOLE).totals()
    for reading in ("final", "original"):
        for member_id, total in (
            assess(ledger, build_rule_set(conversion=reading), _WHOLE).totals().items()
        ):
            assert total <= both[member_id]


@pytest.mark.parametrize(
    "options",
    [{}, {"conversion": "original", "joint_info": "each", "instruction_and_adoption": "each"}],
)
def test_both_readings_conform(options: dict[str, object]) -> None:
    assert_conforms(build_rule_set().with_options(**options), max_examples=20)
