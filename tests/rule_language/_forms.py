"""The example rule set in its two forms, and a registry for each."""

from __future__ import annotations

from pathlib import Path

from tests.rule_language import example, years

from cppcc_model.rules import RuleSet, RuleSetRegistry
from cppcc_model.rules.toml import load_rule_set

HERE = Path(__file__).resolve().parent
CASES = sorted((HERE / "cases").glob("*.golden.toml"))


def python_form() -> RuleSet:
    """The rule set built in Python."""
    return example.build_rule_set()


def toml_form() -> RuleSet:
    """The rule set loaded from ``example.toml``."""
    return load_rule_set(HERE / "example.toml")


def years_python() -> RuleSet:
    """The 2024 version of the over-years rules, built in Python."""
    return years.build_2024()


def years_toml() -> RuleSet:
    """The 2024 version of the over-years rules, loaded from ``years.toml``."""
    return load_rule_set(HERE / "years.toml")


def registry(*rule_sets: RuleSet) -> RuleSetRegistry:
    """A registry holding ``rule_sets``."""
    found = RuleSetRegistry()
    for rule_set in rule_sets:
        found.add(rule_set)
    return found


def registries() -> dict[str, RuleSetRegistry]:
    """Every rule set of the examples, in the Python form and in the TOML form."""
    older = years.build_2022()
    return {
        "python": registry(python_form(), older, years_python()),
        "toml": registry(toml_form(), older, years_toml()),
    }
