"""MkDocs hook: an index of every error class, read from the live code.

A page that contains the marker ``<!-- error-index -->`` gets, in its place, a table of every
public :class:`~cppcc_model.errors.CppccError` subclass defined in ``cppcc_model``: what it is
(the first paragraph of its docstring), what else it is (its bases, so a reader knows which
``except`` clauses catch it) and where it is defined. When the page has a hand-written section
for a class (a heading that is the class name), the index links to it.

Generated on every build, so an error class added to the code is listed without anyone
remembering to; a module that fails to import fails the build.
"""

from __future__ import annotations

import inspect
import re
from typing import Any

# MkDocs puts a hook's directory on sys.path while loading it, so the sibling hook imports.
from enum_tables import import_modules_defining

from cppcc_model.errors import CppccError

MARKER = re.compile(r"<!--\s*error-index\s*-->")
PACKAGE = "cppcc_model"
HEADING = re.compile(r"^#{2,4}\s+`?(?P<name>\w+)`?\s*(?:\{[^}]*\})?\s*$", re.MULTILINE)


def _subclasses(cls: type[CppccError]) -> list[type[CppccError]]:
    found: list[type[CppccError]] = []
    for subclass in cls.__subclasses__():
        found.append(subclass)
        found.extend(_subclasses(subclass))
    return found


def error_classes(package: str = PACKAGE) -> list[type[CppccError]]:
    """CppccError and every public subclass defined under ``package``, by module then name."""
    import_modules_defining(package, CppccError)
    candidates: list[type[CppccError]] = [CppccError, *_subclasses(CppccError)]
    found = [
        cls
        for cls in candidates
        if (cls.__module__ == package or cls.__module__.startswith(f"{package}."))
        and not any(part.startswith("_") for part in cls.__qualname__.split("."))
    ]
    unique = list(dict.fromkeys(found))
    return sorted(unique, key=lambda cls: (cls.__module__, cls.__qualname__))


def _summary(cls: type) -> str:
    doc = inspect.getdoc(cls) or ""
    text = doc.strip().split("\n\n", 1)[0].replace("\n", " ")
    return text.replace("|", "\\|")


def _bases(cls: type) -> str:
    return ", ".join(f"`{base.__name__}`" for base in cls.__bases__ if base is not object)


def render(page_markdown: str = "") -> str:
    """The index table; classes with a section on the page link to it."""
    sections = {match["name"] for match in HEADING.finditer(page_markdown)}
    lines = ["| error | is also a | what it means | defined in |", "|---|---|---|---|"]
    for cls in error_classes():
        name = cls.__name__
        shown = f"[`{name}`](#{name.lower()})" if name in sections else f"`{name}`"
        lines.append(f"| {shown} | {_bases(cls) or '—'} | {_summary(cls)} | `{cls.__module__}` |")
    return "\n".join(lines) + "\n"


def replace_markers(markdown: str) -> str:
    """``markdown`` with the error-index marker replaced by the index."""
    if not MARKER.search(markdown):
        return markdown
    table = render(markdown)
    return MARKER.sub(lambda _match: table, markdown)


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """MkDocs event: replace the marker of a page before it is rendered."""
    return replace_markers(markdown)
