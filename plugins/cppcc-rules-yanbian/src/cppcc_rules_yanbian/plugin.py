"""The plugin entry point: registers the Yanbian rule set with cppcc-model."""

from __future__ import annotations

from collections.abc import Callable

from cppcc_model.hookspecs import hookimpl
from cppcc_model.rules import RuleSet
from cppcc_rules_yanbian.rules import build_rule_set


@hookimpl
def cppcc_register_rule_sets(register: Callable[[RuleSet], None]) -> None:
    """Register the rules (in force from their publication on 19 August 2022)."""
    register(build_rule_set())
