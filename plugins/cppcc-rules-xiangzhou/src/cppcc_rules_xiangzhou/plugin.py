"""The plugin entry point: registers the Xiangzhou rule set with cppcc-model."""

from __future__ import annotations

from collections.abc import Callable

from cppcc_model.hookspecs import hookimpl
from cppcc_model.rules import RuleSet
from cppcc_rules_xiangzhou.rules import build_rule_set


@hookimpl
def cppcc_register_rule_sets(register: Callable[[RuleSet], None]) -> None:
    """Register the rules of the 2022 assessment year."""
    register(build_rule_set())
