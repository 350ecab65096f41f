"""The plugin entry point: registers the Guangshui rule set with cppcc-model."""

from __future__ import annotations

from collections.abc import Callable

from cppcc_model.hookspecs import hookimpl
from cppcc_model.rules import RuleSet
from cppcc_rules_guangshui.rules import build_rule_set


@hookimpl
def cppcc_register_rule_sets(register: Callable[[RuleSet], None]) -> None:
    """Register the 2017 member rules (in force from their adoption on 7 March 2017)."""
    register(build_rule_set())
