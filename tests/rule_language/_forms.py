"""The example rule set in its two forms, and a registry for each."""

from __future__ import annotations

from pathlib import Path

from tests.rule_language import example

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


def registry(rule_set: RuleSet) -> RuleSetRegistry:
    """A registry holding ``rule_set`` only."""
    found = RuleSetRegistry()
    found.add(rule_set)
    return found
