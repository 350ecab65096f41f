"""MkDocs hook: fill the enumerations reference with tables read from the live code.

A page that contains the marker ``<!-- enum-tables -->`` gets, in its place, one section per
:class:`~cppcc_model.labels.LabeledEnum` subclass defined anywhere in ``cppcc_model`` (or in the
package the marker names: ``<!-- enum-tables: cppcc_model.model -->``): its members' names,
English ids, Chinese labels and aliases. The tables are generated on every build, so they
cannot drift from the code. A module that fails to import fails the build; an enumeration is
never silently left out.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from pathlib import Path
from types import ModuleType
from typing import Any

from cppcc_model.labels import LabeledEnum

MARKER = re.compile(r"<!--\s*enum-tables(?:\s*:\s*(?P<package>[\w.]+))?\s*-->")
DEFAULT_PACKAGE = "cppcc_model"


def module_files(package: str) -> dict[str, Path]:
    """Every module in ``package``'s directory tree, by dotted name, with its source file.

    The tree is read from the file system, so modules in directories without ``__init__.py``
    are included; ``__main__`` modules are not (importing one would run it). The package
    itself is imported to find its directory; nothing else is.
    """
    root = importlib.import_module(package)
    files: dict[str, Path] = {}
    if not hasattr(root, "__path__") and root.__file__:  # a plain module, not a package
        files[package] = Path(root.__file__)
    for directory in getattr(root, "__path__", ()):
        base = Path(directory)
        for path in base.rglob("*.py"):
            parts = path.relative_to(base).with_suffix("").parts
            if parts[-1] == "__main__":
                continue
            if parts[-1] == "__init__":
                parts = parts[:-1]
            files[".".join((package, *parts))] = path
    return dict(sorted(files.items()))


def _base_names(node: ast.ClassDef) -> set[str]:
    names = set()
    for base in node.bases:
        if isinstance(base, ast.Name):
            names.add(base.id)
        elif isinstance(base, ast.Attribute):
            names.add(base.attr)
    return names


def modules_defining(package: str, base: type) -> list[str]:
    """The modules under ``package`` whose source defines a subclass of ``base``, by name.

    Read from the source, without importing: a class counts when one of its bases is named
    ``base`` or names a class that counts (by its last name component, so an alias or a
    same-named class elsewhere only makes the list longer, never shorter). Only these modules
    need importing to find every subclass, so the docs build never imports the testing kit's
    pytest plugin or hypothesis strategies, which need the test tools.
    """
    classes: dict[str, list[tuple[str, set[str]]]] = {}
    for name, path in module_files(package).items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        classes[name] = [
            (node.name, _base_names(node))
            for node in ast.walk(tree)
            if isinstance(node, ast.ClassDef)
        ]
    known = {base.__name__}
    grew = True
    while grew:
        grew = False
        for defined in classes.values():
            for class_name, bases in defined:
                if class_name not in known and bases & known:
                    known.add(class_name)
                    grew = True
    return [
        name
        for name, defined in classes.items()
        if any(class_name in known and bases & known for class_name, bases in defined)
    ]


def import_modules_defining(package: str, base: type) -> list[ModuleType]:
    """Import, and return, every module under ``package`` that defines a subclass of ``base``.

    A module that fails to import fails the build: a subclass is never silently left out.
    """
    return [importlib.import_module(name) for name in modules_defining(package, base)]


def _subclasses(cls: type[LabeledEnum]) -> list[type[LabeledEnum]]:
    found: list[type[LabeledEnum]] = []
    for subclass in cls.__subclasses__():
        found.append(subclass)
        found.extend(_subclasses(subclass))
    return found


def labeled_enums(package: str = DEFAULT_PACKAGE) -> list[type[LabeledEnum]]:
    """Every public LabeledEnum defined under ``package``: modules by name, then source order.

    Every module under ``package`` that defines one is imported first, so none is missed.
    """
    import_modules_defining(package, LabeledEnum)
    found = [
        enum_type
        for enum_type in _subclasses(LabeledEnum)
        if (enum_type.__module__ == package or enum_type.__module__.startswith(f"{package}."))
        and not any(part.startswith("_") for part in enum_type.__qualname__.split("."))
    ]
    unique = list(dict.fromkeys(found))  # creation order: source order within a module
    return sorted(unique, key=lambda enum_type: enum_type.__module__)


def anchor(enum_type: type[LabeledEnum]) -> str:
    """The heading id of an enumeration's section (its class name, lower-cased)."""
    return enum_type.__name__.lower()


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _code(text: str) -> str:
    return f"`{_cell(text)}`"


def _summary(enum_type: type[LabeledEnum]) -> str:
    doc = inspect.getdoc(enum_type) or ""
    return doc.strip().split("\n\n", 1)[0].replace("\n", " ")


def enum_section(enum_type: type[LabeledEnum]) -> str:
    """The Markdown section of one enumeration: heading, description and member table."""
    path = f"{enum_type.__module__}.{enum_type.__qualname__}"
    lines = [
        f"### {enum_type.__name__} {{ #{anchor(enum_type)} }}",
        "",
        f"**{_cell(enum_type.kind_label)}** — {_summary(enum_type)}",
        "",
        f'Defined in <autoref identifier="{path}" optional><code>{path}</code></autoref>.',
        "",
        "| member | English id (JSON) | 中文 label | also accepted |",
        "|---|---|---|---|",
    ]
    for member in enum_type:
        aliases = ", ".join(_cell(alias) for alias in member.aliases) or "—"
        lines.append(
            f"| {_code(member.name)} | {_code(member.value)} | {_cell(member.label)} | {aliases} |"
        )
    return "\n".join(lines)


def render(package: str = DEFAULT_PACKAGE) -> str:
    """An overview table of every enumeration under ``package``, then a section for each."""
    enums = labeled_enums(package)
    lines = [
        "| enumeration | what it is | members | module |",
        "|---|---|---|---|",
    ]
    for enum_type in enums:
        lines.append(
            f"| [{enum_type.__name__}](#{anchor(enum_type)}) | {_cell(enum_type.kind_label)} "
            f"| {len(enum_type)} | `{enum_type.__module__}` |"
        )
    sections = [enum_section(enum_type) for enum_type in enums]
    return "\n\n".join(["\n".join(lines), *sections]) + "\n"


def replace_markers(markdown: str) -> str:
    """``markdown`` with every enum-tables marker replaced by its tables."""
    return MARKER.sub(lambda match: render(match["package"] or DEFAULT_PACKAGE), markdown)


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """MkDocs event: replace the markers of a page before it is rendered."""
    return replace_markers(markdown)
