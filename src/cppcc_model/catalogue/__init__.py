"""The registry of messages: every problem's stable code, its English and its Chinese.

Every message the library raises on purpose — an error's ``message``, a :class:`Problem`'s
``message`` — has one :class:`Entry` here, with a stable **code**; every hint has an entry too,
without a code. An entry is an English template with ``{placeholders}`` and its Chinese
rendering. The code belongs to the entry, not to the wording: a message reworded keeps its
code (its entry's English changes with it), a new message takes the next free number of its
area, and a code is never given to another meaning.

A code is a letter for the stage where the problem is found (:data:`AREAS`) and three digits:

====  =========================================================================================
 L    loading: files, sheets, tables, headers, cells, JSON, databases, data frames
 V    values: an entity's fields, dates and periods, numbers, labels, names
 I    integrity: records that do not fit together, proposal and 社情民意 lifecycles
 R    rules: rule sets, TOML rule files, building blocks, quotas, award rules
 P    plugins: discovery and registration of rule plugins, their options, the scaffold
 S    scoring: assessment, engine, rankings, groups, cohorts, awards, statistics
 O    outputs: files and reports written
 C    the command line and the HTTP service
====  =========================================================================================

:func:`lookup` finds the entry of a message (and the values its placeholders hold);
:class:`~cppcc_model.errors.CppccError` and :class:`~cppcc_model.errors.Problem` give their
``code`` and offending ``value`` by it, and :mod:`cppcc_model.messages` renders them in Chinese.
``docs/reference/errors.md`` lists every code, generated from :data:`MESSAGES`.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

import attrs

from cppcc_model.catalogue import (
    command,
    integrity,
    loading,
    outputs,
    plugins,
    rules,
    scoring,
    values,
)
from cppcc_model.catalogue._entry import AREAS, Area, Entry

__all__ = [
    "AREAS",
    "CATALOGUE",
    "HINTS",
    "MESSAGES",
    "Area",
    "Entry",
    "Match",
    "code_of",
    "lookup",
]

_MODULES = (loading, values, integrity, rules, plugins, scoring, outputs, command)

MESSAGES: tuple[Entry, ...] = tuple(entry for module in _MODULES for entry in module.MESSAGES)
"""Every message the library raises, with its code, by area and number."""

HINTS: tuple[Entry, ...] = tuple(entry for module in _MODULES for entry in module.HINTS)
"""Every hint (and every message that only wraps another), without a code."""

CATALOGUE: tuple[Entry, ...] = tuple(
    sorted((*MESSAGES, *HINTS), key=lambda entry: (-len(entry.literal_head), -len(entry.literal)))
)
"""Messages and hints in the order they are matched: the longest fixed beginning first, then
the most fixed text, so a particular template is tried before a general one that would also
match ("did you mean …? {rest}" before "{docs} lists the columns …")."""


@attrs.frozen
class Match:
    """A message found in the registry: its entry and the values of its placeholders."""

    entry: Entry
    values: Mapping[str, str]

    @property
    def code(self) -> str | None:
        """The message's code: its entry's, or for a wrapper the code of the message inside."""
        if self.entry.code is not None:
            return self.entry.code
        for name, value in self.values.items():
            if name.startswith("t_"):
                inner = lookup(value)
                if inner is not None and inner.code is not None:
                    return inner.code
        return None

    @property
    def value(self) -> str | None:
        """The offending value the message names (its ``{value}``, else its first placeholder).

        Quotes a message puts around a value (``'m 1'``) are taken off.
        """
        if self.entry.code is None:
            for name, text in self.values.items():
                if name.startswith("t_"):
                    inner = lookup(text)
                    if inner is not None:
                        return inner.value
            return None
        value_name = self.entry.value_name
        if value_name is None:
            return None
        text = self.values[value_name]
        if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
            return text[1:-1]
        return text


@functools.lru_cache(maxsize=4096)
def lookup(text: str) -> Match | None:
    """The registry's entry for ``text`` (a message or a hint) and its values, or ``None``."""
    for entry in CATALOGUE:
        if not text.startswith(entry.literal_head):
            continue
        found = entry.pattern.fullmatch(text)
        if found is not None:
            return Match(entry, found.groupdict())
    return None


def code_of(text: str) -> str | None:
    """The code of the message ``text``, or ``None`` when the registry does not know it."""
    found = lookup(text)
    return None if found is None else found.code
