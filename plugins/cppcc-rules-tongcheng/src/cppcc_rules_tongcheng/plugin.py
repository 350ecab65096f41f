"""The plugin entry point: registers the Tongcheng rule set with cppcc-model."""

from __future__ import annotations

from collections.abc import Callable

from cppcc_model.hookspecs import hookimpl
from cppcc_model.rules import RuleSet
from cppcc_rules_tongcheng.rules import build_rule_set


@hookimpl
def cppcc_register_rule_sets(register: Callable[[RuleSet], None]) -> None:
    """Register the 2019 rules (in force from their adoption on 10 January 2019)."""
    register(build_rule_set())
