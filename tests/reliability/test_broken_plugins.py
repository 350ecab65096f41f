"""Broken plugins, beyond tests/test_plugins.py: each is reported by name, the others keep working.

* a plugin that fails to import, found through a real entry point of a temporary distribution;
* an escape-hatch :class:`Function` that raises, or returns something that is not a number,
  while a member is scored — the error names plugin, rule set, clause and member;
* a plugin whose registration is malformed (a non-callable function, a taken function name, a
  rule set that cannot be built, a misspelt hook, a hook that returns instead of registering).
"""

from __future__ import annotations

import datetime as dt
import textwrap
import warnings
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import cppcc_rules_tongcheng.plugin
import pytest

from _ledgers import D, ledger, member, proposal
from cppcc_model.assess import RuleEvaluationError, assess
from cppcc_model.errors import CppccError
from cppcc_model.hookspecs import hookimpl
from cppcc_model.model import Period
from cppcc_model.plugins import PluginWarning, load_plugins
from cppcc_model.rules import Category, Function, Item, Points, RuleSet, Where

YEAR = Period.year(2022)
TONGCHENG = "anhui.anqing.tongcheng"


def rule_set_with(value: Any, *, name: str = "fn-2020", jurisdiction: str = "test.fn") -> RuleSet:
    """A rule set whose only item's value is ``value``; clause 第五条(二)."""
    return RuleSet(
        jurisdiction=jurisdiction,
        name=name,
        title=name,
        effective_from=dt.date(2020, 1, 1),
        categories=[
            Category(
                "bonus",
                "加分",
                [Item("bonus.fn", "函数加分", Where("proposal"), value, clause="第五条(二)")],
                clause="第五条",
            )
        ],
    )


def registering(*rule_sets: RuleSet) -> object:
    class Plugin:
        @hookimpl
        def cppcc_register_rule_sets(self, register: Callable[[RuleSet], None]) -> None:
            for rule_set in rule_sets:
                register(rule_set)

    return Plugin()


def small_ledger() -> Any:
    return ledger([member("a"), member("b")], proposals=[proposal("p1", "b")])


def tongcheng_still_works(plugins: Any) -> None:
    rule_set = plugins.rule_sets.resolve(TONGCHENG, D(2022, 6, 1))
    result = assess(small_ledger(), rule_set, YEAR)
    assert result.card("b").total > 0
    assert all(type(card.total) is Fraction for card in result.cards)


# ---------------------------------------------------------------------- failing imports


@pytest.fixture
def broken_distribution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A distribution on sys.path with three cppcc_model entry points that cannot load."""
    site = tmp_path / "site"
    info = site / "cppcc_rules_broken-0.3.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: cppcc-rules-broken\nVersion: 0.3\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        textwrap.dedent(
            """\
            [cppcc_model]
            broken_import = cppcc_rules_broken_import
            broken_syntax = cppcc_rules_broken_syntax
            missing_attribute = cppcc_rules_broken_fine:no_such_plugin
            """
        ),
        encoding="utf-8",
    )
    (site / "cppcc_rules_broken_import.py").write_text(
        "import cppcc_rules_no_such_dependency\n", encoding="utf-8"
    )
    (site / "cppcc_rules_broken_syntax.py").write_text("def (:\n", encoding="utf-8")
    (site / "cppcc_rules_broken_fine.py").write_text("x = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    return site


BROKEN = {
    "broken_import": "No module named 'cppcc_rules_no_such_dependency'",
    "broken_syntax": "SyntaxError",
    "missing_attribute": "no_such_plugin",
}


@pytest.mark.usefixtures("broken_distribution")
def test_plugins_that_fail_to_import_are_named_and_the_others_load() -> None:
    allow = {*BROKEN, "tongcheng"}
    with pytest.warns(PluginWarning) as caught:
        plugins = load_plugins(entry_points=True, allow=allow, block=())
    # a warning carries the plugin and its PluginError (with its code); PluginInfo.error is the
    # text `cppcc plugins` shows, so the checks of it read the text on purpose
    warned = {
        w.message.plugin: w.message.error for w in caught if isinstance(w.message, PluginWarning)
    }
    for name, words in BROKEN.items():
        info = plugins.plugin(name)
        assert info.status == "failed"
        assert info.distribution == "cppcc-rules-broken"
        assert info.version == "0.3"
        assert info.error is not None
        assert "failed to import" in info.error
        assert words in info.error
        error = warned[name]
        assert error is not None
        assert error.code == "P009", name  # it failed to import
    assert plugins.plugin("tongcheng").status == "loaded"
    assert [r.name for r in plugins.rule_sets] == ["tongcheng-2019"]
    tongcheng_still_works(plugins)


@pytest.mark.usefixtures("broken_distribution")
def test_a_plugin_that_fails_to_import_is_an_error_in_strict_mode() -> None:
    with pytest.raises(CppccError) as caught:
        load_plugins(entry_points=True, allow={"broken_import"}, block=(), strict=True)
    assert caught.value.where is not None
    assert caught.value.where.plugin == "broken_import"
    assert caught.value.code == "P009"  # it failed to import, and the import error is its value
    assert "cppcc_rules_no_such_dependency" in (caught.value.value or "")


# ---------------------------------------------------------------------- rules that fail


def _explode(fact: object) -> int:
    raise ZeroDivisionError("the plugin's bonus divides by zero")


def test_a_raising_function_names_plugin_rule_set_and_member_and_the_others_keep_working() -> None:
    plugins = load_plugins(
        [
            ("explodes", registering(rule_set_with(Function(_explode, "explodes.bonus")))),
            ("tongcheng", cppcc_rules_tongcheng.plugin),
        ],
        entry_points=False,
    )
    broken = plugins.rule_sets.resolve("test.fn", D(2022, 6, 1))
    with pytest.raises(RuleEvaluationError) as caught:
        assess(small_ledger(), broken, YEAR)
    where = caught.value.where
    assert where is not None
    assert (where.plugin, where.rule_set, where.record_id) == ("explodes", "fn-2020", "b")
    assert (caught.value.code, caught.value.value) == ("S015", "explodes.bonus")
    # the plugin's own exception is carried into the message word for word (on purpose)
    assert "ZeroDivisionError: the plugin's bonus divides by zero" in str(caught.value)
    assert caught.value.hint
    assert isinstance(caught.value.__cause__, ZeroDivisionError)
    tongcheng_still_works(plugins)


def test_a_raising_function_names_its_clause() -> None:
    rule_set = attrs_plugin(rule_set_with(Function(_explode, "explodes.bonus")), "explodes")
    with pytest.raises(RuleEvaluationError) as caught:
        assess(small_ledger(), rule_set, YEAR)
    assert caught.value.where is not None
    assert caught.value.where.clause == "第五条(二)"


def attrs_plugin(rule_set: RuleSet, plugin: str) -> RuleSet:
    """``rule_set`` as the registry stores it, marked with its plugin."""
    return attrs.evolve(rule_set, plugin=plugin)


MALFORMED_RETURNS = [
    pytest.param(1.5, "S017", id="float"),  # a binary float
    pytest.param(None, "V307", id="none"),  # must be a number
    pytest.param("many", "S017", id="text"),  # cannot read 'many'
    pytest.param(Fraction(1, 3), None, id="fraction-is-fine"),
]


@pytest.mark.parametrize(("returned", "code"), MALFORMED_RETURNS)
def test_a_function_returning_a_malformed_value_is_a_located_error(
    returned: object, code: str | None
) -> None:
    rule_set = attrs_plugin(
        rule_set_with(Function(lambda fact: returned, "returns.value")),
        "returns",  # type: ignore[arg-type,return-value]
    )
    if code is None:
        result = assess(small_ledger(), rule_set, YEAR)
        assert result.card("b").total == Fraction(1, 3)
        return
    with pytest.raises(CppccError) as caught:
        assess(small_ledger(), rule_set, YEAR)
    assert caught.value.code == code
    # the function's name is told in the text (a Location has no field for it)
    assert "returns.value" in str(caught.value), "the message names the function"
    where = caught.value.where
    assert where is not None
    assert (where.plugin, where.rule_set) == ("returns", "fn-2020")


def test_a_function_returning_a_float_names_member_and_clause() -> None:
    rule_set = attrs_plugin(rule_set_with(Function(lambda fact: 1.5, "returns.float")), "returns")  # type: ignore[arg-type,return-value]
    with pytest.raises(CppccError) as caught:
        assess(small_ledger(), rule_set, YEAR)
    assert caught.value.where is not None
    assert caught.value.where.record_id == "b"
    assert caught.value.where.clause == "第五条(二)"


# ---------------------------------------------------------------------- malformed registrations


class NotCallable:
    @hookimpl
    def cppcc_register_functions(self, register: Callable[[str, object], None]) -> None:
        register("broken.ten", 10)


class TakesAName:
    @hookimpl
    def cppcc_register_functions(self, register: Callable[[str, object], None]) -> None:
        register("shared.bonus", lambda fact: 2)


class CannotBuild:
    @hookimpl
    def cppcc_register_rule_sets(self, register: Callable[[RuleSet], None]) -> None:
        register(RuleSet(jurisdiction="x"))  # type: ignore[call-arg]  # the plugin's own bug


class EndsBeforeItStarts:
    @hookimpl
    def cppcc_register_rule_sets(self, register: Callable[[RuleSet], None]) -> None:
        register(
            RuleSet(
                jurisdiction="x",
                name="backwards",
                title="backwards",
                effective_from=dt.date(2020, 1, 1),
                effective_until=dt.date(2019, 1, 1),
                categories=[],
            )
        )


@pytest.mark.parametrize(
    ("name", "plugin", "words"),
    [
        ("not-callable", NotCallable(), "register_function needs a name and a callable"),
        ("cannot-build", CannotBuild(), "TypeError"),
        ("backwards", EndsBeforeItStarts(), "before it starts"),
    ],
)
def test_a_malformed_registration_is_reported_by_name(
    name: str, plugin: object, words: str
) -> None:
    with pytest.warns(PluginWarning) as caught:
        plugins = load_plugins(
            [(name, plugin), ("tongcheng", cppcc_rules_tongcheng.plugin)], entry_points=False
        )
    warning = caught[0].message
    assert isinstance(warning, PluginWarning)
    assert warning.plugin == name
    assert warning.error is not None
    assert warning.error.code == "P008"  # its registration failed, and why:
    assert words in str(warning)  # the plugin's own failure, carried word for word
    info = plugins.plugin(name)
    assert info.status == "failed"
    assert info.error is not None
    assert words in info.error
    assert plugins.plugin("tongcheng").status == "loaded"
    assert plugins.functions == {}
    tongcheng_still_works(plugins)


def test_a_taken_function_name_fails_the_second_plugin_only() -> None:
    with pytest.warns(PluginWarning, match="skipped plugin 'second'.*'shared.bonus' is already"):
        plugins = load_plugins(
            [("first", TakesAName()), ("second", TakesAName())], entry_points=False
        )
    assert plugins.plugin("first").status == "loaded"
    assert plugins.plugin("first").functions == ("shared.bonus",)
    assert plugins.plugin("second").status == "failed"
    assert plugins.functions["shared.bonus"](None) == 2


def test_a_duplicate_jurisdiction_across_plugins_names_the_rule_sets() -> None:
    """A second plugin registering Tongcheng again, overlapping in time, is skipped whole."""
    from cppcc_rules_tongcheng import build_rule_set

    copy = attrs_plugin(build_rule_set(), "copycat")
    renamed = attrs.evolve(copy, name="tongcheng-copy")
    with pytest.warns(PluginWarning, match="skipped plugin 'copycat'") as caught:
        plugins = load_plugins(
            [("tongcheng", cppcc_rules_tongcheng.plugin), ("copycat", registering(renamed))],
            entry_points=False,
        )
    message = str(caught[0].message)
    assert "tongcheng-copy" in message
    assert "tongcheng-2019" in message
    assert [r.name for r in plugins.rule_sets] == ["tongcheng-2019"]
    tongcheng_still_works(plugins)


class Misspelt:
    @hookimpl
    def cppcc_register_ruleset(
        self, register: Callable[[RuleSet], None]
    ) -> None:  # pragma: no cover
        register(rule_set_with(Points(1)))


class Returns:
    @hookimpl
    def cppcc_register_rule_sets(self, register: Callable[[RuleSet], None]) -> object:
        return rule_set_with(Points(1))


def test_a_misspelt_hook_is_reported() -> None:
    with pytest.warns(PluginWarning, match="cppcc_register_ruleset"):
        load_plugins([("misspelt", Misspelt())], entry_points=False)


def test_a_hook_that_returns_instead_of_registering_is_reported() -> None:
    with pytest.warns(PluginWarning, match="returns"):
        load_plugins([("returns", Returns())], entry_points=False)


def test_no_warning_for_good_plugins() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plugins = load_plugins([("tongcheng", cppcc_rules_tongcheng.plugin)], entry_points=False)
    tongcheng_still_works(plugins)
