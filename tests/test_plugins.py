"""Plugin loading: registration, the dated registry, isolation of broken plugins, hook counts."""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable
from types import SimpleNamespace

import pytest

from _ledgers import D, ledger, member, proposal
from cppcc_model.assess import assess
from cppcc_model.hookspecs import hookimpl
from cppcc_model.model import Period
from cppcc_model.plugins import PluginError, PluginWarning, load_plugins
from cppcc_model.rules import (
    Category,
    DuplicateRuleSetError,
    Item,
    NoRuleSetInForceError,
    OverlappingRuleSetsError,
    Points,
    RuleSet,
    RuleSetRegistry,
    UnknownJurisdictionError,
    Where,
)
from cppcc_model.testing.codes import raises_code


def rule_set(
    name: str, start: dt.date, until: dt.date | None = None, jurisdiction: str = "test.district"
) -> RuleSet:
    item = Item(f"{name}.p", "提案", Where("proposal"), Points(10))
    return RuleSet(
        jurisdiction=jurisdiction,
        name=name,
        title=name,
        effective_from=start,
        effective_until=until,
        categories=[Category(f"{name}.c", "c", [item])],
    )


def plugin(*rule_sets: RuleSet) -> object:
    class Plugin:
        @hookimpl
        def cppcc_register_rule_sets(self, register: Callable[[RuleSet], None]) -> None:
            for rs in rule_sets:
                register(rs)

    return Plugin()


def test_the_version_in_force_on_a_date_is_chosen() -> None:
    registry = RuleSetRegistry()
    registry.add(rule_set("v2019", D(2019, 1, 1), D(2021, 12, 31)))
    registry.add(rule_set("v2022", D(2022, 1, 1)))
    assert registry.resolve("test.district", D(2020, 5, 1)).name == "v2019"
    assert registry.resolve("test.district", D(2022, 1, 1)).name == "v2022"
    assert registry.resolve("district", D(2030, 1, 1)).name == "v2022"
    assert registry.resolve("v2019", D(2030, 1, 1)).name == "v2019"
    with raises_code(NoRuleSetInForceError, "P014", value="test.district"):
        registry.resolve("test.district", D(2018, 1, 1))
    with raises_code(UnknownJurisdictionError, "P015", value="elsewhere"):
        registry.resolve("elsewhere", D(2020, 1, 1))


def test_duplicates_and_overlaps_are_refused_naming_both() -> None:
    registry = RuleSetRegistry()
    registry.add(rule_set("v2019", D(2019, 1, 1)))
    with raises_code(DuplicateRuleSetError, "P011", value="v2019"):
        registry.add(rule_set("v2019", D(2025, 1, 1), jurisdiction="other"))
    with raises_code(OverlappingRuleSetsError, "P012", value="v2022 (2022-01-01..)"):
        registry.add(rule_set("v2022", D(2022, 1, 1)))


def test_plugins_register_and_are_listed_with_their_rule_sets() -> None:
    plugins = load_plugins([("good", plugin(rule_set("v2019", D(2019, 1, 1))))], entry_points=False)
    assert plugins.plugin("good").status == "loaded"
    assert plugins.plugin("good").rule_sets == ("v2019",)
    assert plugins.rule_sets.get("v2019").plugin == "good"


def broken_plugins() -> dict[str, object]:
    class Raises:
        @hookimpl
        def cppcc_register_rule_sets(self, register: Callable[[RuleSet], None]) -> None:
            raise RuntimeError("the plugin's own bug")

    class Malformed:
        @hookimpl
        def cppcc_register_rule_sets(self, register: Callable[[object], None]) -> None:
            register({"name": "not a rule set"})

    class BadSignature:
        @hookimpl
        def cppcc_register_rule_sets(
            self, register: object, extra: object
        ) -> None:  # pragma: no cover
            pass

    return {
        "raises": Raises(),
        "malformed": Malformed(),
        "duplicate": plugin(rule_set("v2019", D(2024, 1, 1), jurisdiction="another")),
        "overlapping": plugin(rule_set("v2023", D(2023, 1, 1))),
        "half-good": plugin(
            rule_set("ok-2030", D(2030, 1, 1), jurisdiction="x"),
            rule_set("v2019", D(2030, 1, 1), jurisdiction="y"),
        ),
        "bad-signature": BadSignature(),
    }


@pytest.mark.parametrize("broken", sorted(broken_plugins()))
def test_a_broken_plugin_is_skipped_with_a_warning_and_the_others_keep_working(broken: str) -> None:
    good = ("good", plugin(rule_set("v2019", D(2019, 1, 1))))
    with pytest.warns(PluginWarning) as caught:
        plugins = load_plugins([good, (broken, broken_plugins()[broken])], entry_points=False)
    warning = caught[0].message
    assert isinstance(warning, PluginWarning)
    assert warning.plugin == broken
    assert warning.error is not None
    assert warning.error.code is not None  # its PluginError, with its code
    assert plugins.plugin("good").status == "loaded"
    assert plugins.plugin(broken).status == "failed"
    assert plugins.plugin(broken).error
    assert [r.name for r in plugins.rule_sets] == ["v2019"]  # nothing of the broken plugin is kept
    result = assess(
        ledger([member("a")], proposals=[proposal("p", "a")]),
        plugins.rule_sets.resolve("test.district", D(2022, 1, 1)),
        Period.year(2022),
    )
    assert result.card("a").total == 10


def test_strict_mode_turns_a_broken_plugin_into_an_error() -> None:
    with pytest.raises(PluginError) as info:
        load_plugins([("raises", broken_plugins()["raises"])], entry_points=False, strict=True)
    assert info.value.where is not None
    assert info.value.where.plugin == "raises"


def test_allow_and_block_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    plugins = [
        ("one", plugin(rule_set("a1", D(2019, 1, 1), jurisdiction="a"))),
        ("two", plugin(rule_set("b1", D(2019, 1, 1), jurisdiction="b"))),
    ]
    monkeypatch.setenv("CPPCC_BLOCK_PLUGINS", "two")
    loaded = load_plugins(plugins, entry_points=False)
    assert loaded.rule_sets.jurisdictions() == ("a",)
    assert loaded.plugin("two").status == "blocked"
    monkeypatch.delenv("CPPCC_BLOCK_PLUGINS")
    monkeypatch.setenv("CPPCC_PLUGINS", "two")
    assert load_plugins(plugins, entry_points=False).rule_sets.jurisdictions() == ("b",)


def test_autoload_can_be_disabled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CPPCC_DISABLE_PLUGIN_AUTOLOAD", "1")
    assert load_plugins().info == []


def test_hooks_are_called_once_per_plugin_and_never_while_scoring() -> None:
    calls: list[str] = []
    plugins = load_plugins([("good", plugin(rule_set("v2019", D(2019, 1, 1))))], entry_points=False)
    undo = plugins.manager.add_hookcall_monitoring(
        lambda name, impls, kwargs: calls.append(name), lambda *a: None
    )
    try:
        data = ledger(
            [member(f"m{i}") for i in range(20)],
            proposals=[proposal(f"p{i}", f"m{i}") for i in range(20)],
        )
        result = assess(
            data, plugins.rule_sets.resolve("test.district", D(2022, 1, 1)), Period.year(2022)
        )
    finally:
        undo()
    assert len(result.cards) == 20
    assert calls == []  # no hook call at all while 20 members and 20 records are scored


def test_each_plugin_hook_runs_exactly_once_at_load() -> None:
    counter = SimpleNamespace(n=0)

    class Counting:
        @hookimpl
        def cppcc_register_rule_sets(self, register: Callable[[RuleSet], None]) -> None:
            counter.n += 1
            register(rule_set("v2019", D(2019, 1, 1)))
            register(rule_set("w2019", D(2019, 1, 1), jurisdiction="w"))

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        load_plugins([("counting", Counting())], entry_points=False)
    assert counter.n == 1


def test_named_functions_are_registered_for_toml_files() -> None:
    class Functions:
        @hookimpl
        def cppcc_register_functions(
            self, register: Callable[[str, Callable[..., object]], None]
        ) -> None:
            register("test.ten", lambda fact: 10)

    plugins = load_plugins([("functions", Functions())], entry_points=False)
    assert plugins.functions["test.ten"](None) == 10
    assert plugins.plugin("functions").functions == ("test.ten",)
