"""The rule-plugin scaffold behind ``cppcc plugin new``.

:func:`new_plugin` writes a plugin distribution shaped like the bundled
``plugins/cppcc-rules-tongcheng``: a ``pyproject.toml`` with the ``cppcc_model`` entry point, a
literate ``rules.py`` with one sample item, the ``plugin.py`` hook, a golden case, and tests that
run the golden case and :func:`~cppcc_model.testing.conformance.assert_conforms`. With
``layout="areas"`` the rules are one module per area of the text (members, requirements, groups,
awards), as the bundled Xiangzhou plugin is. The files come from
``cppcc_model/cli/templates/plugin`` (and ``templates/areas``; ``string.Template`` placeholders).
"""

from __future__ import annotations

import datetime as dt
import re
import string
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import attrs

from cppcc_model.errors import CppccError, InvalidValueError, Location

__all__ = ["LAYOUTS", "PluginSpec", "ScaffoldError", "new_plugin"]

_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")

LAYOUTS = ("single", "areas")
"""Plugin layouts: ``single`` — one ``rules.py``, for a district whose rules are one list of
points; ``areas`` — one module per area of the text (``members.py``, ``requirements.py``,
``groups.py``, ``awards.py``) assembled by ``rules.py``, for rules that mix them."""


class ScaffoldError(CppccError):
    """The plugin cannot be generated (a bad name, a directory already in the way)."""


def _check_name(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not _NAME.match(value):
        raise InvalidValueError(
            f"plugin name {value!r} is not usable",
            hint="use lower-case letters, digits and hyphens, starting with a letter "
            "(e.g. 'xiangzhou' or 'hubei-xiangzhou')",
        )


@attrs.frozen
class PluginSpec:
    """What to generate: the plugin's name, jurisdiction, title and first effective day."""

    name: str = attrs.field(validator=_check_name)
    jurisdiction: str | None = None
    title: str | None = None
    effective_from: dt.date = dt.date(2024, 1, 1)
    layout: str = attrs.field(default="single", validator=attrs.validators.in_(LAYOUTS))

    @property
    def package(self) -> str:
        """The import package: ``cppcc_rules_<name>``."""
        return "cppcc_rules_" + self.name.replace("-", "_")

    @property
    def distribution(self) -> str:
        """The distribution name: ``cppcc-rules-<name>``."""
        return f"cppcc-rules-{self.name}"

    @property
    def rule_set(self) -> str:
        """The first rule set's name: ``<name>-<year>``."""
        return f"{self.name}-{self.effective_from.year}"

    def values(self) -> dict[str, str]:
        """The template placeholders."""
        return {
            "name": self.name,
            "package": self.package,
            "dist": self.distribution,
            "jurisdiction": self.jurisdiction or f"example.{self.name.replace('-', '_')}",
            "title": self.title or f"{self.name} 政协委员履职考核办法",
            "rule_set": self.rule_set,
            "effective_from": self.effective_from.isoformat(),
            "year": str(self.effective_from.year),
        }


def _templates(folder: str = "plugin") -> Traversable:
    return resources.files("cppcc_model.cli").joinpath("templates", folder)


def _walk(folder: Traversable, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], str]]:
    found: list[tuple[tuple[str, ...], str]] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_dir():
            found.extend(_walk(entry, prefix + (entry.name,)))
        elif entry.name.endswith(".tmpl"):
            found.append((prefix + (entry.name.removesuffix(".tmpl"),), entry.read_text("utf-8")))
    return found


def new_plugin(spec: PluginSpec, directory: Path) -> tuple[Path, list[Path]]:
    """Write the plugin distribution into ``directory / spec.distribution``.

    Returns the distribution's directory and the files written (in order).

    Raises:
        ScaffoldError: the target exists and is not empty.

    """
    root = directory / spec.distribution
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise ScaffoldError(
            f"{root} already exists",
            where=Location(file=str(root)),
            hint="choose another --dir, or remove the directory first",
        )
    values = spec.values()
    written: list[Path] = []
    files = dict(_walk(_templates()))
    if spec.layout == "areas":  # the area modules, and a rules.py that assembles them
        files.update(_walk(_templates("areas")))
    for parts, text in files.items():
        if parts[0] == "src":
            parts = ("src", spec.package) + parts[1:]
        target = root.joinpath(*parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(string.Template(text).substitute(values), encoding="utf-8")
        written.append(target)
    return root, written
