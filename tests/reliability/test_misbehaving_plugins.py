"""Plugins that misbehave: exit, run forever, write into what they read, return non-numbers.

Each misbehaviour is a located error naming the plugin (and, while scoring, the rule set,
clause and member); ``cppcc`` exits 4 — never 0, never a traceback, never a hang. Both engines
(the reference interpreter and the columnar engine) are held to it, and must report the same
error.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
import sys
import textwrap
import time
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner

from _ledgers import D, ledger, member, proposal
from cppcc_model.assess import RuleEvaluationError, assess
from cppcc_model.cli import ExitCode, cli
from cppcc_model.errors import CppccError
from cppcc_model.hookspecs import hookimpl
from cppcc_model.io.dataset import write_dataset
from cppcc_model.ledger import Ledger
from cppcc_model.model import Period
from cppcc_model.plugins import PluginError, Plugins, PluginWarning, load_plugins
from cppcc_model.rules import (
    Band,
    Category,
    ConsecutiveYears,
    Function,
    Grades,
    Item,
    Points,
    RuleSet,
    Where,
)
from cppcc_model.rules.guard import TIME_LIMIT_VARIABLE, call_plugin_function
from cppcc_model.testing.codes import raises_code

YEAR = Period.year(2022)
CLAUSE = "第五条(二)"


def rule_set_with(function: Callable[[Any], object], name: str = "misbehaves.bonus") -> RuleSet:
    return RuleSet(
        jurisdiction="test.fn",
        name="fn-2020",
        title="fn-2020",
        effective_from=dt.date(2020, 1, 1),
        categories=[
            Category(
                "bonus",
                "加分",
                [
                    Item(
                        "bonus.fn",
                        "函数加分",
                        Where("proposal"),
                        Function(function, name),
                        clause=CLAUSE,
                    )
                ],  # type: ignore[arg-type]
                clause="第五条",
            )
        ],
    )


def registering(rule_set: RuleSet) -> object:
    class Plugin:
        @hookimpl
        def cppcc_register_rule_sets(self, register: Callable[[RuleSet], None]) -> None:
            register(rule_set)

    return Plugin()


def small_ledger() -> Ledger:
    return ledger([member("a"), member("b")], proposals=[proposal("p1", "b")])


ENGINES = pytest.mark.parametrize("engine", ["reference", "columnar"])


def _assess(function: Callable[[Any], object], engine: str = "reference") -> RuleEvaluationError:
    rule_set = attrs.evolve(rule_set_with(function), plugin="misbehaves")
    with pytest.raises(RuleEvaluationError) as caught:
        assess(small_ledger(), rule_set, YEAR, engine=engine)
    where = caught.value.where
    assert where is not None
    assert (where.plugin, where.rule_set, where.clause, where.record_id) == (
        "misbehaves",
        "fn-2020",
        CLAUSE,
        "b",
    )
    return caught.value


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    path = tmp_path / "small.json"
    write_dataset(small_ledger(), path, format="json")
    return path


def _run(dataset: Path, plugin: object, *options: str) -> Any:
    def loader(strict: bool) -> Plugins:
        return load_plugins([("misbehaves", plugin)], entry_points=False, strict=strict)

    return CliRunner().invoke(
        cli, [*options, "score", str(dataset), "--rules", "fn-2020", "--year", "2022"], obj=loader
    )


# ---------------------------------------------------------------------- SystemExit


def _exits(fact: object) -> int:
    sys.exit(0)


@ENGINES
def test_sys_exit_while_scoring_is_a_located_error(engine: str) -> None:
    error = _assess(_exits, engine)
    assert (error.code, error.value) == ("S014", "misbehaves.bonus")  # tried to end the program


def test_sys_exit_while_scoring_exits_4_not_0(dataset: Path) -> None:
    result = _run(dataset, registering(rule_set_with(_exits)))
    assert result.exit_code == ExitCode.PLUGIN_ERROR, result.output
    assert "misbehaves.bonus" in result.output
    assert CLAUSE in result.output


class ExitsWhileRegistering:
    @hookimpl
    def cppcc_register_rule_sets(self, register: Callable[[RuleSet], None]) -> None:
        raise SystemExit(3)


def test_sys_exit_in_a_registration_hook_is_a_plugin_failure() -> None:
    with pytest.warns(PluginWarning, match="SystemExit"):
        plugins = load_plugins([("exits", ExitsWhileRegistering())], entry_points=False)
    assert plugins.plugin("exits").status == "failed"
    with pytest.raises(PluginError) as caught:
        load_plugins([("exits", ExitsWhileRegistering())], entry_points=False, strict=True)
    assert caught.value.where is not None
    assert caught.value.where.plugin == "exits"


def test_sys_exit_in_registration_exits_4_under_plugin_strict(dataset: Path) -> None:
    result = _run(dataset, ExitsWhileRegistering(), "--plugin-strict")
    assert result.exit_code == ExitCode.PLUGIN_ERROR, result.output
    assert "exits" in result.output or "misbehaves" in result.output


@pytest.fixture
def exiting_distribution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    info = site / "cppcc_rules_exits-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: cppcc-rules-exits\nVersion: 0.1\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[cppcc_model]\nexits_at_import = cppcc_rules_exits_at_import\n", encoding="utf-8"
    )
    (site / "cppcc_rules_exits_at_import.py").write_text(
        textwrap.dedent(
            """\
            import sys
            sys.exit("a plugin that ends the program when imported")
            """
        ),
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(site))


@pytest.mark.usefixtures("exiting_distribution")
def test_sys_exit_at_import_is_a_plugin_failure() -> None:
    with pytest.warns(PluginWarning, match="SystemExit"):
        plugins = load_plugins(entry_points=True, allow={"exits_at_import"}, block=())
    info = plugins.plugin("exits_at_import")
    assert info.status == "failed"
    assert info.error is not None
    assert "ends the program" in info.error
    with pytest.raises(PluginError):
        load_plugins(entry_points=True, allow={"exits_at_import"}, block=(), strict=True)


@pytest.mark.usefixtures("exiting_distribution")
def test_sys_exit_at_import_exits_4_under_plugin_strict(
    dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CPPCC_PLUGINS", "exits_at_import")
    monkeypatch.delenv("CPPCC_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    result = CliRunner().invoke(cli, ["--plugin-strict", "plugins"])
    assert result.exit_code == ExitCode.PLUGIN_ERROR, result.output
    assert "exits_at_import" in result.output
    relaxed = CliRunner().invoke(cli, ["plugins"])
    assert relaxed.exit_code == 0, relaxed.output
    assert "cppcc: warning: skipped plugin 'exits_at_import': [P" in relaxed.output
    chinese = CliRunner().invoke(cli, ["--lang", "zh", "plugins"])
    assert chinese.exit_code == 0, chinese.output
    assert "cppcc: 警告：已跳过插件“exits_at_import”：[P" in chinese.output
    assert "— 请修复或卸载该插件，或用 CPPCC_BLOCK_PLUGINS 屏蔽它" in chinese.output


# ---------------------------------------------------------------------- running too long


def _forever(fact: object) -> int:
    while True:
        pass


def _forever_and_stubborn(fact: object) -> int:
    """Swallows the interrupt and carries on: reported when it returns, not stopped."""
    deadline = time.monotonic() + 1.5
    while time.monotonic() < deadline:
        try:
            while time.monotonic() < deadline:
                pass
        except BaseException:
            pass
    return 1


@ENGINES
@pytest.mark.parametrize("function", [_forever, _forever_and_stubborn])
def test_a_rule_that_runs_too_long_is_stopped(
    monkeypatch: pytest.MonkeyPatch, function: Callable[[object], int], engine: str
) -> None:
    monkeypatch.setenv(TIME_LIMIT_VARIABLE, "0.5")
    started = time.monotonic()
    error = _assess(function, engine)
    # the columnar engine stops the call once and locates it as the reference does
    assert time.monotonic() - started < (4.5 if engine == "reference" else 8.0)
    assert error.code == "S013"  # ran longer than the limit and was stopped
    assert TIME_LIMIT_VARIABLE in (error.hint or "")


def test_a_rule_that_runs_too_long_exits_4(dataset: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TIME_LIMIT_VARIABLE, "0.3")
    result = _run(dataset, registering(rule_set_with(_forever)))
    assert result.exit_code == ExitCode.PLUGIN_ERROR, result.output
    assert "ran longer than 0.3 seconds" in result.output
    assert CLAUSE in result.output


def test_a_slow_rule_within_the_limit_finishes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TIME_LIMIT_VARIABLE, "2")

    def slow(fact: object) -> int:
        time.sleep(0.2)
        return 4

    rule_set = attrs.evolve(rule_set_with(slow), plugin="misbehaves")
    assert assess(small_ledger(), rule_set, YEAR).card("b").total == 4


def test_the_time_limit_can_be_turned_off_and_must_be_a_number(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(TIME_LIMIT_VARIABLE, "0")
    assert call_plugin_function(lambda fact: 2, object(), "f") == 2
    monkeypatch.setenv(TIME_LIMIT_VARIABLE, "soon")
    with raises_code(CppccError, "S018", value="CPPCC_RULE_TIMEOUT"):
        call_plugin_function(lambda fact: 2, object(), "f")


def test_a_real_interrupt_is_not_taken_for_a_timeout() -> None:
    def interrupted(fact: object) -> int:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        call_plugin_function(interrupted, object(), "f", seconds=5)


# ---------------------------------------------------------------------- writing into the ledger


def _changes_the_fact(fact: Any) -> int:
    object.__setattr__(fact, "authors", 99)
    return 1


def _changes_the_ledger(fact: Any) -> int:
    for thing in gc.get_objects():
        if isinstance(thing, Ledger):
            for someone in thing.members:
                object.__setattr__(someone, "name", "改过的名字")
    return 1


@ENGINES
def test_a_rule_that_changes_its_fact_is_caught(engine: str) -> None:
    error = _assess(_changes_the_fact, engine)
    assert (error.code, error.value) == ("S016", "misbehaves.bonus")  # changed its fact


@ENGINES
def test_a_rule_that_changes_the_ledger_is_caught(engine: str) -> None:
    rule_set = attrs.evolve(rule_set_with(_changes_the_ledger), plugin="misbehaves")
    with pytest.raises(RuleEvaluationError) as caught:
        assess(small_ledger(), rule_set, YEAR, engine=engine)
    assert caught.value.code == "S003"  # the ledger changed while it was being scored
    assert caught.value.where is not None
    assert caught.value.where.plugin == "misbehaves"


def test_a_rule_that_changes_the_ledger_exits_4(dataset: Path) -> None:
    result = _run(dataset, registering(rule_set_with(_changes_the_ledger)))
    assert result.exit_code == ExitCode.PLUGIN_ERROR, result.output


# ---------------------------------------------------------------------- what a rule returns


RETURNS = [
    pytest.param(1.5, "S017", id="float"),  # a binary float
    pytest.param(math.nan, "S017", id="nan"),
    pytest.param(Decimal("NaN"), "V302", id="decimal-nan"),  # must be finite
    pytest.param(Decimal("Infinity"), "V302", id="decimal-inf"),
    pytest.param(None, "V307", id="none"),  # must be a number
    pytest.param(True, "V307", id="bool"),
    pytest.param(10**5000, "V301", id="10**5000"),  # too large (or too fine)
    pytest.param(10**100, "V301", id="10**100"),
    pytest.param("1e100", "V301", id="text-1e100"),
    pytest.param(Fraction(1, 10**40), "V301", id="too-fine"),
]


@ENGINES
@pytest.mark.parametrize(("returned", "code"), RETURNS)
def test_a_rule_returning_a_non_number_names_its_clause(
    returned: object, code: str, engine: str
) -> None:
    error = _assess(lambda fact: returned, engine)
    assert error.code == code
    # the function's name is told in the text (a Location has no field for it)
    assert "misbehaves.bonus" in str(error)


@pytest.mark.parametrize(("returned", "words"), RETURNS[:7])
def test_a_rule_returning_a_non_number_exits_4(dataset: Path, returned: object, words: str) -> None:
    result = _run(dataset, registering(rule_set_with(lambda fact: returned)))
    assert result.exit_code == ExitCode.PLUGIN_ERROR, result.output
    assert words in result.output
    assert CLAUSE in result.output
    assert "Traceback" not in result.output


# ---------------------------------------------------------------------- both engines agree


@attrs.frozen
class _ExitingWhere(Where):
    """A plugin's own selection block that ends the program (row-wise in the columnar engine)."""

    def matches(self, fact: Any) -> bool:
        raise SystemExit(3)


@attrs.frozen
class _FailingShare:
    """A plugin's own attribution block that raises."""

    def share(self, fact: Any) -> Fraction:
        raise LookupError("no such signer")

    def describe(self) -> str:
        return "fails"


def _with_blocks(where: Where, attribution: object | None = None) -> RuleSet:
    item = Item("bonus.own", "自定块", where, Function(lambda fact: 1, "one"), clause=CLAUSE)
    if attribution is not None:
        item = attrs.evolve(item, attribution=attribution)
    return attrs.evolve(
        rule_set_with(lambda fact: 1),
        categories=[Category("bonus", "加分", [item], clause="第五条")],
        plugin="misbehaves",
    )


MISBEHAVIOURS = [
    pytest.param(rule_set_with(_exits), id="function-exits"),
    pytest.param(rule_set_with(lambda fact: 1.5), id="function-returns-float"),
    pytest.param(rule_set_with(lambda fact: 1 / 0), id="function-raises"),
    pytest.param(rule_set_with(_changes_the_fact), id="function-changes-its-fact"),
    pytest.param(_with_blocks(_ExitingWhere("proposal")), id="own-where-exits"),
    pytest.param(_with_blocks(Where("proposal"), _FailingShare()), id="own-share-raises"),
]


@pytest.mark.parametrize("rule_set", MISBEHAVIOURS)
def test_both_engines_report_a_misbehaving_rule_alike(rule_set: RuleSet) -> None:
    rule_set = attrs.evolve(rule_set, plugin="misbehaves")
    errors: dict[str, RuleEvaluationError] = {}
    for engine in ("reference", "columnar"):
        with pytest.raises(RuleEvaluationError) as caught:
            assess(small_ledger(), rule_set, YEAR, engine=engine)
        errors[engine] = caught.value
    reference, columnar = errors["reference"], errors["columnar"]
    assert str(columnar) == str(reference)
    assert columnar.where == reference.where
    assert reference.where is not None
    assert (reference.where.plugin, reference.where.clause, reference.where.record_id) == (
        "misbehaves",
        CLAUSE,
        "b",
    )


def test_both_engines_catch_a_rule_that_changes_the_ledger_alike() -> None:
    rule_set = attrs.evolve(rule_set_with(_changes_the_ledger), plugin="misbehaves")
    messages = set()
    for engine in ("reference", "columnar"):
        with pytest.raises(RuleEvaluationError) as caught:
            assess(small_ledger(), rule_set, YEAR, engine=engine)
        messages.add(str(caught.value))
    assert len(messages) == 1
    assert "the ledger changed while it was being scored" in messages.pop()


def test_the_columnar_engine_checks_the_ledger_when_it_builds_every_card() -> None:
    """Cards built on demand run the rules again: the ledger is checked after that too."""
    calls = []

    def quiet_then_writes(fact: Any) -> int:
        calls.append(fact)
        if len(calls) > 1:
            _changes_the_ledger(fact)
        return 1

    rule_set = attrs.evolve(rule_set_with(quiet_then_writes), plugin="misbehaves")
    result = assess(small_ledger(), rule_set, YEAR, engine="columnar")
    assert result.totals() == {"a": 0, "b": 1}
    with raises_code(RuleEvaluationError, "S003"):
        result.cards  # noqa: B018


# ---------------------------------------------------------------------- when the ledger is hashed


def test_runs_plugin_code_sees_functions_and_blocks_from_outside_the_library() -> None:
    from cppcc_model.rules.plugin_code import runs_plugin_code
    from cppcc_model.rules.toml import load_rule_set

    rules = Path(__file__).resolve().parents[2] / "plugins" / "cppcc-rules-tongcheng"
    library_only = load_rule_set(rules / "src" / "cppcc_rules_tongcheng" / "tongcheng-2019.toml")
    assert not runs_plugin_code(library_only)
    assert runs_plugin_code(rule_set_with(lambda fact: 1))
    assert runs_plugin_code(_with_blocks(_ExitingWhere("proposal")))
    assert runs_plugin_code(_with_blocks(Where("proposal"), _FailingShare()))
    assert runs_plugin_code({"anything": [object()]})  # what it cannot see into counts


def _counting_hashes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    from cppcc_model.rules import plugin_code

    calls: list[int] = []
    real = plugin_code.ledger_hash

    def counted(ledger: Ledger) -> int | None:
        calls.append(1)
        return real(ledger)

    monkeypatch.setattr(plugin_code, "ledger_hash", counted)
    return calls


@ENGINES
def test_the_ledger_is_hashed_only_when_plugin_code_can_run(
    monkeypatch: pytest.MonkeyPatch, engine: str
) -> None:
    calls = _counting_hashes(monkeypatch)
    plain = attrs.evolve(
        rule_set_with(lambda fact: 1),
        categories=[Category("p", "提案", [Item("p.each", "提案", Where("proposal"), Points(2))])],
    )
    assert assess(small_ledger(), plain, YEAR, engine=engine).totals() == {"a": 0, "b": 2}
    assert calls == []
    assess(small_ledger(), rule_set_with(lambda fact: 1), YEAR, engine=engine)
    assert len(calls) == 2  # before and after


@ENGINES
def test_an_earlier_years_plugin_rule_set_is_watched_too(engine: str) -> None:
    """A consecutive-year trigger scores earlier years under their own rule sets."""
    now = attrs.evolve(
        rule_set_with(lambda fact: 1),
        categories=[Category("p", "提案", [Item("p.each", "提案", Where("proposal"), Points(2))])],
        grades=Grades([Band("低")]),
        triggers=[
            ConsecutiveYears("twice", "连续两年低分", years=2, consequence="warning", grade="低")
        ],
    )
    earlier = rule_set_with(_changes_the_ledger)
    two_years = ledger(
        [member("a"), member("b")],
        proposals=[proposal("p1", "b"), proposal("p0", "b", on=D(2021, 3, 1))],
    )
    with raises_code(RuleEvaluationError, "S003"):
        assess(
            two_years,
            now,
            YEAR,
            engine=engine,
            history=lambda year: earlier,
        ).flag_ids()
