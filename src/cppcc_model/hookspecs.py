"""The plugin hooks, in one place.

A plugin is a module or object with functions marked ``@hookimpl`` and named after these
specifications; a distribution exposes it through the ``cppcc_model`` entry-point group::

    [project.entry-points.cppcc_model]
    tongcheng = "cppcc_rules_tongcheng.plugin"

Every hook is called **once per plugin** when plugins are loaded — never once per member or
record. Plugins hand their objects to the ``register`` callback they receive; the core checks
each one (type, duplicate names, overlapping dates) and rejects a plugin whose registrations do
not all pass, without affecting the other plugins.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from cppcc_model.rules.ruleset import RuleSet

__all__ = ["PROJECT_NAME", "hookimpl", "hookspec"]

PROJECT_NAME = "cppcc_model"
"""The pluggy project name, also the entry-point group plugins are discovered in."""

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
"""Marks a hook specification (used only in this module)."""

hookimpl = pluggy.HookimplMarker(PROJECT_NAME)
"""Marks a plugin's implementation of a hook: ``@hookimpl def cppcc_register_rule_sets(...)``."""


@hookspec
def cppcc_register_rule_sets(register: Callable[[RuleSet], None]) -> None:
    """Register the plugin's rule sets by calling ``register(rule_set)`` once for each.

    Each rule set is keyed by its jurisdiction and effective interval; two versions of one
    jurisdiction must not overlap, and names must be unique across all plugins.
    """


@hookspec
def cppcc_register_functions(register: Callable[[str, Callable[..., object]], None]) -> None:
    """Register named Python functions that TOML rule files may refer to.

    Call ``register("tongcheng.bonus", function)``; a TOML file then uses
    ``value = { function = "tongcheng.bonus" }``. Names must be unique across plugins and
    should start with the plugin's name. This keeps TOML files free of code while letting an
    office reuse a programmer's escape hatch.
    """
