"""The plugin entry point: registers the Minhang rule set with cppcc-model."""

from __future__ import annotations

from collections.abc import Callable

from cppcc_model.hookspecs import hookimpl
from cppcc_model.rules import RuleSet
from cppcc_rules_minhang.rules import build_rule_set


@hookimpl
def cppcc_register_rule_sets(register: Callable[[RuleSet], None]) -> None:
    """Register the points rules (in force from an assumed 2017-01-01; see the README)."""
    register(build_rule_set())
