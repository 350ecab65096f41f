"""Enumerations that carry their Chinese label and can be looked up by it.

Every enumeration in the library is a :class:`LabeledEnum`. Its members have an English
identifier (the ``value``, used in JSON and in code), a simplified-Chinese ``label`` (used in
tables and reports) and optional aliases (other names offices use for the same thing). Lookup with
:meth:`LabeledEnum.parse` accepts any of these, in simplified or traditional characters, in
either case, with surrounding white space ignored::

    >>> from cppcc_model.model.activities import AttendanceStatus
    >>> AttendanceStatus.parse("請假") is AttendanceStatus.EXCUSED
    True
    >>> AttendanceStatus.EXCUSED.label
    '请假'
"""

from __future__ import annotations

import enum
import functools
import unicodedata
from collections.abc import Iterable
from typing import Any, ClassVar, Self

from cppcc_model.errors import UnknownLabelError

__all__ = ["LabeledEnum", "normalize_label", "own_simplified_texts", "to_simplified"]

_OWN_SIMPLIFIED: set[str] = set()
"""The library's own labels and headers, all written in simplified characters."""


@functools.cache
def _t2s() -> Any:
    import opencc  # imported lazily: only label lookups of unusual text need it

    return opencc.OpenCC("t2s")


def own_simplified_texts(texts: Iterable[str]) -> None:
    """Note the library's own labels or headers: :func:`to_simplified` returns them unchanged.

    Only for texts of this library, which are written in simplified characters (a test holds
    OpenCC ``t2s`` to leave every one of them unchanged): a command that reads only the
    library's own labels then never builds the OpenCC converter, which costs a one-off command
    about 6 ms. A plugin's labels are converted as any other text.
    """
    _OWN_SIMPLIFIED.update(texts)


def to_simplified(text: str) -> str:
    """Convert traditional Chinese characters in ``text`` to simplified ones (OpenCC ``t2s``)."""
    if text.isascii() or text in _OWN_SIMPLIFIED:
        return text
    return str(_t2s().convert(text))


def normalize_label(text: str) -> str:
    """The form labels are compared in: NFKC, no spaces, simplified, casefolded.

    Inner spaces are removed because clerks type "九三 学社" as often as "九三学社";
    underscores and hyphens are folded so ``excused_leave`` matches ``excused-leave``.
    """
    folded = unicodedata.normalize("NFKC", text).strip()
    folded = "".join(folded.split()).replace("-", "_")
    # NFKC again: removing spaces or casefolding can leave combinable sequences behind.
    return unicodedata.normalize("NFKC", to_simplified(folded).casefold())


class LabeledEnum(enum.Enum):
    """An enumeration whose members have an English ``value``, a Chinese ``label`` and aliases.

    Subclasses declare members as ``NAME = ("english_id", "中文标签", "alias", ...)`` and say
    what the enumeration is, in Chinese and English, for error messages, as a class keyword:
    ``class AttendanceStatus(LabeledEnum, kind_label="出勤状态 (attendance status)")``.
    """

    _value_: str
    label: str
    aliases: tuple[str, ...]
    kind_label: ClassVar[str]

    def __init_subclass__(cls, *, kind_label: str = "值 (value)", **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.kind_label = kind_label

    def __new__(cls, value: str, label: str, *aliases: str) -> Self:
        """Create a member from its English id, its Chinese label and its aliases."""
        member = object.__new__(cls)
        member._value_ = value
        member.label = label
        member.aliases = aliases
        return member

    @property
    def value(self) -> str:  # narrow the type for mypy: every value is an English identifier
        """The English identifier, as written in JSON."""
        return self._value_

    def __str__(self) -> str:
        return self.label

    # Members are singletons compared by identity; hashing by identity keeps look-ups keyed by
    # enumeration members (hot in the rule engine) in C instead of Enum's Python-level hash.
    __hash__ = object.__hash__

    @classmethod
    def _lookup_table(cls) -> dict[str, Self]:
        cache_name = "_cppcc_lookup_cache"
        table: dict[str, Self] | None = cls.__dict__.get(cache_name)
        if table is None:
            if cls.__module__.startswith("cppcc_model."):
                own_simplified_texts(
                    text for member in cls for text in (member.label, *member.aliases)
                )
            table = {}
            for member in cls:
                for text in (member.value, member.name, member.label, *member.aliases):
                    table.setdefault(normalize_label(text), member)
            type.__setattr__(cls, cache_name, table)
        return table

    @classmethod
    def parse(cls, text: str | Self) -> Self:
        """The member named by ``text``: its English id, its name, its label or an alias.

        Traditional characters are accepted (``"請假"`` finds ``请假``).

        Raises:
            UnknownLabelError: when ``text`` names no member; the message lists the valid labels.

        """
        if isinstance(text, cls):
            return text
        if not isinstance(text, str):
            raise UnknownLabelError(
                f"{text!r} is not a {cls.kind_label}",
                hint=f"use one of: {cls.choices()}",
            )
        member = cls._lookup_table().get(normalize_label(text))
        if member is None:
            raise UnknownLabelError(
                f"{text!r} is not a known {cls.kind_label}",
                hint=f"use one of: {cls.choices()}",
            )
        return member

    @classmethod
    def choices(cls) -> str:
        """The valid labels with their English ids, for messages (``出席 (present), …``)."""
        return ", ".join(f"{member.label} ({member.value})" for member in cls)
