"""A griffe extension: render Sphinx-style roles in docstrings as API cross-references.

The library's docstrings name other objects the way Sphinx does (``:class:`Location```,
``:mod:`~cppcc_model.model.people```). mkdocstrings reads Markdown, where those roles would show
literally. This extension rewrites each role, once the package is loaded, into an *optional*
autorefs reference: a link when the API reference documents the object, plain code otherwise
(``datetime.date``, modules not written yet) — never a broken link and never a build warning.

Names are resolved the way Python would, from the scope of the docstring's object; a leading
``~`` shows only the last component, as in Sphinx.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

import griffe

ROLE = re.compile(r":(?:py:)?(?:class|mod|func|meth|attr|data|exc|obj|const):`(?P<target>[^`]+)`")


def qualify(obj: griffe.Object, target: str) -> str:
    """The full dotted path ``target`` names from ``obj``'s scope (itself, when unresolvable)."""
    if target.startswith("cppcc_model"):
        return target
    head, _, rest = target.partition(".")
    try:
        base = obj.resolve(head)
    except Exception:  # griffe raises NameResolutionError, or fails on an unloaded import
        return target
    return f"{base}.{rest}" if rest else base


def render(obj: griffe.Object, match: re.Match[str]) -> str:
    """The optional cross-reference that replaces one role."""
    written = match["target"].strip()
    shortened = written.startswith("~")
    target = written.lstrip("~")
    shown = target.rsplit(".", 1)[-1] if shortened else target
    identifier = html.escape(qualify(obj, target), quote=True)
    return (
        f'<autoref identifier="{identifier}" optional><code>{html.escape(shown)}</code></autoref>'
    )


def fix_section(section: griffe.DocstringSection, fix: Callable[[str], str]) -> None:
    """Apply ``fix`` to the text of an already parsed docstring section."""
    if isinstance(section.value, str):
        section.value = fix(section.value)
        return
    items = section.value if isinstance(section.value, list) else [section.value]
    for item in items:
        description = getattr(item, "description", None)
        if isinstance(description, str):
            item.description = fix(description)


def rewrite(obj: griffe.Object, seen: set[str]) -> None:
    """Rewrite the roles in ``obj``'s docstring and in those of its members, recursively."""
    if obj.path in seen:
        return
    seen.add(obj.path)
    docstring = obj.docstring
    if docstring is not None and ROLE.search(docstring.value):

        def fix(text: str) -> str:
            return ROLE.sub(lambda match: render(obj, match), text)

        docstring.value = fix(docstring.value)
        if "parsed" in vars(docstring):  # another extension parsed it already: fix the sections
            for section in docstring.parsed:
                fix_section(section, fix)
    for member in obj.members.values():
        if not member.is_alias:
            rewrite(member, seen)  # type: ignore[arg-type]


class SphinxRoles(griffe.Extension):
    """Turn ``:class:`X``` and its kin into optional cross-references to the API pages."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Rewrite every docstring of the loaded package."""
        rewrite(pkg, set())
