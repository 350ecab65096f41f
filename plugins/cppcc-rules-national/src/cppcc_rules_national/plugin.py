"""The plugin entry point: registers the national award rules with cppcc-model."""

from __future__ import annotations

from collections.abc import Callable

from cppcc_model.hookspecs import hookimpl
from cppcc_model.rules import RuleSet
from cppcc_rules_national.rules import build_rule_set


@hookimpl
def cppcc_register_rule_sets(register: Callable[[RuleSet], None]) -> None:
    """Register the award rules (in force from their adoption on 18 December 2019)."""
    register(build_rule_set())
