"""The pytest plugin for rule-plugin authors (registered through the ``pytest11`` entry point).

It gives every project that installs cppcc-model:

* collection of ``*.golden.toml`` files as test items (see :mod:`cppcc_model.testing.golden`);
* the fixture ``cppcc_plugins`` — plugins loaded from entry points (all installed ones, or those
  named by ``--cppcc-plugins``), strictly, so a broken plugin fails the run;
* the fixture ``cppcc_rule_sets`` — their rule-set registry.

Golden cases run against the installed plugins; a plugin's own test suite therefore tests the
plugin as users will get it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cppcc_model.errors import CppccError
from cppcc_model.plugins import Plugins, load_plugins
from cppcc_model.rules.registry import RuleSetRegistry
from cppcc_model.testing.golden import load_golden_case

__all__ = ["GoldenFile", "GoldenItem"]

_CACHE_KEY = pytest.StashKey[Plugins]()


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--cppcc-plugins``: the plugins golden cases load (default: every installed one)."""
    group = parser.getgroup("cppcc-model")
    group.addoption(
        "--cppcc-plugins",
        default=None,
        help="comma-separated plugin names for golden cases (default: all installed plugins)",
    )


def _plugins(config: pytest.Config) -> Plugins:
    cached = config.stash.get(_CACHE_KEY, None)
    if cached is None:
        names = config.getoption("--cppcc-plugins")
        allow = [n.strip() for n in names.split(",")] if names else None
        cached = load_plugins(entry_points=True, strict=True, allow=allow, block=())
        config.stash[_CACHE_KEY] = cached
    return cached


@pytest.fixture(scope="session")
def cppcc_plugins(pytestconfig: pytest.Config) -> Plugins:
    """Plugins loaded from the installed entry points (strictly: a broken plugin fails)."""
    return _plugins(pytestconfig)


@pytest.fixture(scope="session")
def cppcc_rule_sets(cppcc_plugins: Plugins) -> RuleSetRegistry:
    """The rule sets registered by the installed plugins."""
    return cppcc_plugins.rule_sets


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> GoldenFile | None:
    """Collect ``*.golden.toml`` files."""
    if file_path.name.endswith(".golden.toml"):
        return GoldenFile.from_parent(parent, path=file_path)
    return None


class GoldenFile(pytest.File):
    """A golden-case file; it yields one test item."""

    def collect(self) -> Iterator[GoldenItem]:
        """Yield the file's case."""
        yield GoldenItem.from_parent(self, name=self.path.name)


class GoldenItem(pytest.Item):
    """One golden case, run against the installed plugins' rule sets."""

    def runtest(self) -> None:
        """Load, run and compare."""
        case = load_golden_case(self.path)
        case.check(_plugins(self.config).rule_sets)

    def repr_failure(
        self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None
    ) -> str | Any:
        """Show the library's own message (mismatches and score cards), not a traceback."""
        if isinstance(excinfo.value, CppccError):
            return f"{type(excinfo.value).__name__}: {excinfo.value}"
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """Where the case lives."""
        return self.path, None, f"golden case {self.name}"
