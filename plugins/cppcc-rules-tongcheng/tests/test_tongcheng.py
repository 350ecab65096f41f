"""Tongcheng: what a golden case cannot say.

Every figure a ledger earns under these rules — the worked examples and both readings of each
option — is a golden case in tests/golden/. Here: registration, dates, options, conformance.
"""

import datetime as dt

import pytest
from cppcc_rules_tongcheng import JURISDICTION, build_rule_set

from cppcc_model.plugins import load_plugins
from cppcc_model.rules import RuleSet
from cppcc_model.testing.codes import raises_code
from cppcc_model.testing.conformance import assert_conforms


def test_the_plugin_registers_the_2019_rules_through_its_entry_point() -> None:
    plugins = load_plugins(entry_points=True, allow=["tongcheng"], strict=True)
    rule_set = plugins.rule_sets.resolve(JURISDICTION, dt.date(2022, 6, 1))
    assert rule_set.name == "tongcheng-2019"
    assert rule_set.plugin == "tongcheng"
    assert plugins.plugin("tongcheng").status == "loaded"


def test_the_rules_are_not_in_force_before_their_adoption() -> None:
    plugins = load_plugins(entry_points=True, allow=["tongcheng"], strict=True)
    from cppcc_model.rules import NoRuleSetInForceError

    with raises_code(NoRuleSetInForceError, "P014", value="anhui.anqing.tongcheng"):
        plugins.rule_sets.resolve(JURISDICTION, dt.date(2018, 12, 31))


@pytest.mark.parametrize("collective", ["full", "split"])
def test_both_readings_conform(collective: str) -> None:
    assert_conforms(build_rule_set(collective=collective), max_examples=25)


def test_the_collective_reading_is_an_option() -> None:
    rule_set: RuleSet = build_rule_set()
    assert rule_set.options == {"collective": "full", "meetings_floor": None}
    assert rule_set.with_options(collective="split").options["collective"] == "split"
