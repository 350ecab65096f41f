"""One walk of a rule set's blocks serves both questions asked of a rule set as a whole.

:func:`cppcc_model.engine.support.unsupported` (what the columnar engine leaves to the
reference) and :func:`cppcc_model.rules.plugin_code.runs_plugin_code` (whether the ledger must
be hashed around scoring) both read :func:`cppcc_model.rules.walk.reachable`. These tests hold
the walk to a plain recursive enumeration on every bundled rule set and TOML rule file, and pin
what both questions answer there.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

import attrs
import pytest

from cppcc_model.engine.support import unsupported
from cppcc_model.rules import Category, Item, Points, RuleSet, Where
from cppcc_model.rules.plugin_code import runs_plugin_code
from cppcc_model.rules.toml import load_rule_set
from cppcc_model.rules.walk import reachable
from test_engine_columnar import RULE_SETS, _every_block, _presented

ROOT = Path(__file__).resolve().parents[1]

TOML_FILES = sorted(
    [
        ROOT / "plugins/cppcc-rules-tongcheng/src/cppcc_rules_tongcheng/tongcheng-2019.toml",
        ROOT / "tests/rule_language/example.toml",
        ROOT / "tests/rule_language/years.toml",
        *ROOT.glob("tests/reliability/corpus/toml/toml_*loads.toml"),
    ]
)


def _recursive(value: object, seen: set[int]) -> Iterator[object]:
    """The specification: a naive recursive walk, preorder, fields in declaration order."""
    if id(value) in seen:
        return
    seen.add(id(value))
    yield value
    kind = type(value)
    if attrs.has(kind):
        for field in attrs.fields(kind):
            if field.name != "factory":
                yield from _recursive(getattr(value, field.name), seen)
    elif isinstance(value, tuple | list | frozenset | set):
        for part in value:
            yield from _recursive(part, seen)
    elif isinstance(value, dict):
        for key, part in value.items():
            yield from _recursive(key, seen)
            yield from _recursive(part, seen)


def _all_rule_sets() -> list[RuleSet]:
    return RULE_SETS + [load_rule_set(path) for path in TOML_FILES]


@pytest.mark.parametrize(
    "rule_set", _all_rule_sets(), ids=lambda r: f"{r.name}-{sorted(r.options.items())}"
)
def test_the_walk_visits_exactly_what_a_recursive_walk_visits(rule_set: RuleSet) -> None:
    walked = [id(part) for part in reachable(rule_set)]
    assert walked == [id(part) for part in _recursive(rule_set, set())]
    assert len(walked) == len(set(walked))


def test_the_bundled_rule_sets_and_toml_files_run_no_plugin_code_and_compile() -> None:
    every = ("every-block", "every-block-presented")
    library_only = [r for r in _all_rule_sets() if r.name not in every]
    assert len(library_only) > 20
    assert [r.name for r in library_only if runs_plugin_code(r)] == []
    # only the rule-language examples use blocks the plan does not compile yet
    examples = {load_rule_set(path).name for path in TOML_FILES if "rule_language" in str(path)}
    assert {r.name for r in library_only if unsupported(r)} == examples


def test_both_questions_see_a_block_however_deep_it_sits() -> None:
    assert runs_plugin_code(_every_block())
    assert runs_plugin_code(_presented())

    @attrs.frozen
    class _Own:
        def value(self, fact: object) -> Fraction:
            return Fraction(1)

    deep = RuleSet(
        jurisdiction="test.walk",
        name="walk",
        title="遍历",
        effective_from=_every_block().effective_from,
        categories=[Category("c", "类", [Item("i", "项", Where("proposal"), Points(1))])],
    )
    assert not runs_plugin_code(deep)
    # a plugin object as a mapping key, or inside a tuple inside a mapping value
    assert runs_plugin_code({_Own(): 1})
    assert runs_plugin_code({"a": ((1, _Own()),)})
    assert [type(p).__name__ for p in reachable({"k": (Where("info_report"),)})][:4] == [
        "dict",
        "str",
        "tuple",
        "Where",
    ]
    # a rule set's factory builds it and never scores: it is not walked
    assert not runs_plugin_code(attrs.evolve(deep, factory=lambda **_: deep))
