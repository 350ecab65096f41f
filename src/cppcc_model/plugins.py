"""Loading plugins: discovery, allow- and block-lists, isolation of broken plugins.

:func:`load_plugins` builds a :class:`Plugins` object: a pluggy plugin manager, the rule sets
and named functions the plugins registered, and a :class:`PluginInfo` for every plugin seen —
loaded, blocked, or skipped because it failed.

Discovery reads the ``cppcc_model`` entry-point group. Environment variables steer it:

=================================  =========================================================
``CPPCC_PLUGINS``                  comma-separated allow-list: only these plugins load
``CPPCC_BLOCK_PLUGINS``            comma-separated block-list: these plugins never load
``CPPCC_DISABLE_PLUGIN_AUTOLOAD``  set to 1: no entry-point discovery (the library's own
                                   tests run this way)
``CPPCC_STRICT_PLUGINS``           set to 1: a failing plugin is an error, not a warning
=================================  =========================================================

A plugin that fails to import, whose hook raises (``SystemExit`` from ``sys.exit()``
included), or that registers something malformed (not a rule set, a duplicate name, an
overlapping version) is skipped *as a whole* with a
:class:`PluginWarning` naming it; the others load as if it were not there. In strict mode the
same problem raises :class:`PluginError`.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import Any

import attrs
import pluggy

from cppcc_model import hookspecs
from cppcc_model.entry_points import find_entry_points
from cppcc_model.errors import CppccError, Location
from cppcc_model.rules.registry import RuleSetRegistry
from cppcc_model.rules.ruleset import RuleSet

__all__ = [
    "ENTRY_POINT_GROUP",
    "PluginError",
    "PluginInfo",
    "PluginWarning",
    "Plugins",
    "load_plugins",
]

ENTRY_POINT_GROUP = hookspecs.PROJECT_NAME
"""The entry-point group plugins are discovered in: ``cppcc_model``."""


class PluginError(CppccError):
    """A plugin could not be loaded (raised in strict mode; a warning otherwise)."""


class PluginWarning(UserWarning):
    """A plugin was skipped because it failed; the message names it and says why.

    Attributes:
        plugin: the name of the plugin that was skipped.
        error: why, as the :class:`PluginError` strict mode would have raised (its code, where
            and hint; ``cppcc`` renders it in the clerk's language).

    """

    def __init__(self, message: str, plugin: str = "", error: PluginError | None = None) -> None:
        super().__init__(message)
        self.plugin = plugin
        self.error = error


@attrs.frozen
class PluginInfo:
    """What happened to one plugin: ``status`` is ``loaded``, ``blocked`` or ``failed``."""

    name: str
    status: str
    distribution: str | None = None
    version: str | None = None
    rule_sets: tuple[str, ...] = ()
    functions: tuple[str, ...] = ()
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain data."""
        return attrs.asdict(self)


@attrs.define
class Plugins:
    """The loaded plugins and everything they registered."""

    manager: pluggy.PluginManager
    rule_sets: RuleSetRegistry
    functions: dict[str, Callable[..., object]]
    info: list[PluginInfo]

    def plugin(self, name: str) -> PluginInfo:
        """The information about plugin ``name``."""
        for info in self.info:
            if info.name == name:
                return info
        raise PluginError(
            f"no plugin named {name!r} was seen",
            hint="known plugins: " + (", ".join(i.name for i in self.info) or "none"),
        )


def _names(value: str | None) -> set[str] | None:
    if value is None or not value.strip():
        return None
    return {part.strip() for part in value.split(",") if part.strip()}


def _flag(value: str | None) -> bool:
    return value is not None and value.strip().lower() in ("1", "true", "yes", "on")


def _new_manager() -> pluggy.PluginManager:
    manager = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    manager.add_hookspecs(hookspecs)
    return manager


class _Loader:
    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.manager = _new_manager()
        self.rule_sets = RuleSetRegistry()
        self.functions: dict[str, Callable[..., object]] = {}
        self.info: list[PluginInfo] = []

    def fail(self, name: str, message: str, dist: str | None, version: str | None) -> None:
        self.info.append(PluginInfo(name, "failed", dist, version, error=message))
        error = PluginError(
            message,
            where=Location(plugin=name),
            hint="fix or uninstall the plugin, or block it with CPPCC_BLOCK_PLUGINS",
        )
        if self.strict:
            raise error
        warnings.warn(
            PluginWarning(f"cppcc-model skipped plugin {name!r}: {error}", name, error),
            stacklevel=3,
        )

    def add(
        self, name: str, plugin: object, dist: str | None = None, version: str | None = None
    ) -> None:
        try:
            self.manager.register(plugin, name=name)
            self.manager.check_pending()  # a hook named after no hookspec is a misspelling
        except (Exception, SystemExit) as error:  # pluggy validates hook names and signatures here
            if self.manager.is_registered(plugin):
                self.manager.unregister(name=name)
            self.fail(name, f"its hooks are invalid: {error}", dist, version)
            return
        staged_rule_sets: list[RuleSet] = []
        staged_functions: dict[str, Callable[..., object]] = {}

        def register_rule_set(rule_set: RuleSet) -> None:
            if not isinstance(rule_set, RuleSet):
                raise PluginError(
                    f"it registered {type(rule_set).__name__} {rule_set!r}, not a RuleSet",
                    where=Location(plugin=name),
                )
            staged = attrs.evolve(rule_set, plugin=name)
            self.rule_sets.check(staged)
            for other in staged_rule_sets:
                if other.name == staged.name or (
                    other.jurisdiction == staged.jurisdiction and other.overlaps(staged)
                ):
                    raise PluginError(
                        f"it registered {staged.name!r} twice or with overlapping dates "
                        f"(against {other.name!r})",
                        where=Location(plugin=name, rule_set=staged.name),
                    )
            staged_rule_sets.append(staged)

        def register_function(function_name: str, function: Callable[..., object]) -> None:
            if not isinstance(function_name, str) or not callable(function):
                raise PluginError(
                    f"register_function needs a name and a callable, got {function_name!r}",
                    where=Location(plugin=name),
                )
            if function_name in self.functions or function_name in staged_functions:
                raise PluginError(
                    f"the function name {function_name!r} is already taken",
                    where=Location(plugin=name),
                )
            staged_functions[function_name] = function

        hooks = (
            (self.manager.hook.cppcc_register_rule_sets, register_rule_set),
            (self.manager.hook.cppcc_register_functions, register_function),
        )
        try:
            for caller, callback in hooks:
                for impl in caller.get_hookimpls():
                    if impl.plugin_name == name:
                        returned = impl.function(register=callback)
                        if returned is not None:
                            raise PluginError(
                                f"its hook {caller.name} returns {type(returned).__name__} "
                                "instead of calling register(); the value would be lost",
                                where=Location(plugin=name),
                                hint="call register(rule_set) for each rule set; return nothing",
                            )
        except (Exception, SystemExit) as error:  # a plugin's sys.exit() is its failure too
            self.manager.unregister(name=name)
            detail = error.message if isinstance(error, CppccError) else repr(error)
            self.fail(name, f"registration failed: {detail}", dist, version)
            return
        for rule_set in staged_rule_sets:
            self.rule_sets.add(rule_set)
        self.functions.update(staged_functions)
        self.info.append(
            PluginInfo(
                name,
                "loaded",
                dist,
                version,
                rule_sets=tuple(r.name for r in staged_rule_sets),
                functions=tuple(sorted(staged_functions)),
            )
        )


def load_plugins(
    plugins: Iterable[tuple[str, object] | ModuleType] = (),
    *,
    entry_points: bool | None = None,
    strict: bool | None = None,
    allow: Iterable[str] | None = None,
    block: Iterable[str] | None = None,
) -> Plugins:
    """Load plugins: those given, then those discovered through entry points.

    Args:
        plugins: plugin objects to load first, as modules or ``(name, object)`` pairs.
        entry_points: whether to discover installed plugins; default: yes, unless
            ``CPPCC_DISABLE_PLUGIN_AUTOLOAD`` is set.
        strict: raise :class:`PluginError` for a failing plugin instead of warning; default
            from ``CPPCC_STRICT_PLUGINS``.
        allow: only load these plugin names (default from ``CPPCC_PLUGINS``).
        block: never load these plugin names (default from ``CPPCC_BLOCK_PLUGINS``).

    Each plugin's hooks are called exactly once.

    """
    env = os.environ
    if entry_points is None:
        entry_points = not _flag(env.get("CPPCC_DISABLE_PLUGIN_AUTOLOAD"))
    if strict is None:
        strict = _flag(env.get("CPPCC_STRICT_PLUGINS"))
    allowed = set(allow) if allow is not None else _names(env.get("CPPCC_PLUGINS"))
    blocked = set(block) if block is not None else (_names(env.get("CPPCC_BLOCK_PLUGINS")) or set())
    loader = _Loader(strict)

    def admitted(name: str, dist: str | None = None, version: str | None = None) -> bool:
        if name in blocked or (allowed is not None and name not in allowed):
            reason = "blocked by CPPCC_BLOCK_PLUGINS" if name in blocked else "not in CPPCC_PLUGINS"
            loader.info.append(PluginInfo(name, "blocked", dist, version, error=reason))
            return False
        return True

    for given in plugins:
        plugin: object
        if isinstance(given, ModuleType):
            name, plugin = given.__name__, given
        else:
            name, plugin = given
        if admitted(name):
            loader.add(name, plugin)
    if entry_points:
        found = sorted(find_entry_points(ENTRY_POINT_GROUP), key=lambda ep: ep.name)
        for entry_point in found:
            dist, version = entry_point.dist_name, entry_point.version
            if not admitted(entry_point.name, dist, version):
                continue
            if entry_point.name in {i.name for i in loader.info if i.status == "loaded"}:
                continue
            try:
                loaded: object = entry_point.load()
            except (Exception, SystemExit) as error:  # sys.exit() at import is a failure
                loader.fail(entry_point.name, f"it failed to import: {error!r}", dist, version)
                continue
            loader.add(entry_point.name, loaded, dist, version)
    return Plugins(loader.manager, loader.rule_sets, loader.functions, loader.info)
