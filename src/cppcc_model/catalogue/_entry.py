"""An entry of the registry and the areas of codes (internal: see :mod:`cppcc_model.catalogue`)."""

from __future__ import annotations

import functools
import re

import attrs

__all__ = ["AREAS", "Area", "Entry"]

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")

_NARROW: dict[str, str] = {
    "owner": r"[A-Z][A-Za-z]*",  # a class name: Member.id
    "attribute": r"[a-z_]+",  # a field name
    "t_text_problem": r"the text holds .+",  # what cppcc_model.text finds wrong in a text
    "exception": r"[A-Za-z_][\w.]*",  # an exception's class name: ValueError, error
}
"""Placeholders that match less than any text (every other one matches at least a character)."""


def _unescape(text: str) -> str:
    """A template's fixed text as it reads (``{{`` and ``}}`` stand for braces)."""
    return text.replace("{{", "{").replace("}}", "}")


@attrs.frozen
class Area:
    """The stage where a problem is found: the letter of its codes, and what it covers."""

    letter: str
    en: str
    zh: str
    covers: str


AREAS: tuple[Area, ...] = (
    Area(
        "L", "loading", "读入数据", "files, sheets, tables, headers, cells, JSON, databases, frames"
    ),
    Area("V", "values", "数值", "an entity's fields, dates and periods, numbers, labels, names"),
    Area(
        "I",
        "integrity",
        "记录衔接",
        "records that do not fit together; proposal and 社情民意 lifecycles",
    ),
    Area(
        "R", "rules", "考核规则", "rule sets, TOML rule files, building blocks, quotas, award rules"
    ),
    Area(
        "P",
        "plugins",
        "插件",
        "discovering and registering rule plugins, their options, the scaffold",
    ),
    Area(
        "S",
        "scoring",
        "评分",
        "assessment, the engine, rankings, groups, cohorts, awards, statistics",
    ),
    Area("O", "outputs", "输出", "files and reports written"),
    Area("C", "command line", "命令行", "the cppcc command and the HTTP service"),
)
"""The areas of codes, in the order a result passes through them."""


@attrs.frozen
class Entry:
    """One message of the registry: its English template, its Chinese rendering, its code.

    A placeholder (``{name}``) stands for any text, translated in turn when the registry knows
    it; one whose name starts with ``t_`` is itself a message or hint of the registry (a hint
    that starts "did you mean …? " goes on with another hint). Hints, wrappers and the fragments
    placeholders hold have no code; a wrapper's code is that of the message it wraps. ``value``
    names the placeholder that holds the offending value, when it is not ``{value}`` or the
    first placeholder.
    """

    en: str
    zh: str
    code: str | None = None
    value: str | None = None

    @functools.cached_property
    def names(self) -> tuple[str, ...]:
        """The placeholders of the English template, in order."""
        return tuple(_PLACEHOLDER.findall(self.en))

    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        """The English template as a regular expression (each placeholder matches its text)."""
        parts = _PLACEHOLDER.split(self.en)
        source = "".join(
            f"(?P<{part}>{_NARROW.get(part, '.+?')})" if i % 2 else re.escape(_unescape(part))
            for i, part in enumerate(parts)
        )
        return re.compile(source, re.DOTALL)

    @functools.cached_property
    def literal(self) -> str:
        """The English template without its placeholders (its fixed words)."""
        return _unescape(_PLACEHOLDER.sub("", self.en))

    @functools.cached_property
    def literal_head(self) -> str:
        """The fixed text the English starts with, before any placeholder (may be empty)."""
        return _unescape(_PLACEHOLDER.split(self.en)[0])

    @property
    def area(self) -> Area | None:
        """The area of the code (``None`` for a hint)."""
        if self.code is None:
            return None
        return next(area for area in AREAS if area.letter == self.code[0])

    @property
    def value_name(self) -> str | None:
        """The placeholder holding the offending value, if the message names one."""
        if self.value is not None:
            return self.value
        if "value" in self.names:
            return "value"
        plain = [name for name in self.names if not name.startswith("t_")]
        return plain[0] if plain else None
