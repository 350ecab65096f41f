"""Name orders: 姓氏笔画排序, pinyin order, and a registry for a district's own.

A :class:`NameOrder` is anything with a ``name``, a Chinese ``label`` and a ``key(name)`` method
returning a sort key. Two are built in:

* :class:`StrokeOrder` (``"stroke"``, 姓氏笔画排序), the official order for name lists: surname
  first, character by character — fewer strokes first; equal counts by the strokes themselves,
  one by one, in the order 横 竖 撇 点 折 — then the given name, character by character, the same
  way. A name that is a prefix of another sorts first (``欧`` surnames before ``欧阳``).
* :class:`PinyinOrder` (``"pinyin"``, 拼音排序): surname then given name, syllable by syllable,
  alphabetically (``ü`` after ``u``), then by tone, then by strokes. Surnames are read as
  surnames (:data:`~cppcc_model.names.surnames.SURNAME_READINGS`); given names through the
  optional ``pypinyin`` package.

A district registers its own order with :meth:`NameOrderRegistry.register` on
:data:`name_orders` and rule sets ask for it by name.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any, Literal, Protocol, runtime_checkable

from cppcc_model.errors import CppccError, InvalidValueError
from cppcc_model.names.strokes import StrokeKey, stroke_key
from cppcc_model.names.surnames import SURNAME_READINGS, ChineseName, split_name

__all__ = [
    "NameOrder",
    "NameOrderRegistry",
    "PinyinOrder",
    "StrokeOrder",
    "name_orders",
    "sort_names",
]

Unknown = Literal["error", "last"]


@runtime_checkable
class NameOrder(Protocol):
    """An order for lists of names: a registry ``name``, a Chinese ``label`` and a sort ``key``."""

    @property
    def name(self) -> str:
        """The identifier rule sets use to ask for this order (``"stroke"``)."""
        ...

    @property
    def label(self) -> str:
        """The Chinese name of the order (``"姓氏笔画排序"``)."""
        ...

    def key(self, name: str | ChineseName) -> Any:
        """A sort key for ``name``: names sort as their keys compare."""
        ...


def _check_unknown(value: str) -> Unknown:
    if value == "error":
        return "error"
    if value == "last":
        return "last"
    raise InvalidValueError(
        f"unknown={value!r} is not a way of handling characters without data",
        hint="use 'error' (the default) or 'last'",
    )


def _char_key(char: str, name: str, unknown: Unknown) -> tuple[int, int, int]:
    try:
        key = stroke_key(char, name=name)
    except CppccError:
        if unknown == "error":
            raise
        return (1, ord(char), 0)
    return (0, key.strokes, key.order)


class StrokeOrder:
    """姓氏笔画排序: by stroke count, then stroke order, surname first, character by character.

    ``unknown`` says what to do with a character the stroke data lacks: ``"error"`` (the
    default) raises :class:`~cppcc_model.names.strokes.UnknownCharacterError`; ``"last"`` sorts
    it after every known character (unknown characters among themselves by code point), so a
    name with one is listed after the names that share its known prefix.
    """

    name = "stroke"
    label = "姓氏笔画排序"

    def __init__(self, *, unknown: Unknown = "error") -> None:
        self.unknown: Unknown = _check_unknown(unknown)

    def __repr__(self) -> str:
        return f"StrokeOrder(unknown={self.unknown!r})"

    def key(self, name: str | ChineseName) -> tuple[tuple[tuple[int, int, int], ...], ...]:
        """The sort key of ``name``: (surname character keys, given-name character keys)."""
        parts = split_name(name)
        full = parts.full
        return (
            tuple(_char_key(char, full, self.unknown) for char in parts.surname),
            tuple(_char_key(char, full, self.unknown) for char in parts.given),
        )

    def character_key(self, char: str) -> StrokeKey:
        """The stroke count and stroke-order position of one character."""
        return stroke_key(char)


@functools.cache
def _pypinyin() -> Any:
    try:
        import pypinyin
    except ImportError as error:
        raise CppccError(
            "pinyin order needs the optional package pypinyin, which is not installed",
            hint="pip install pypinyin (in a checkout of cppcc-model: pip install -e '.[pinyin]'), "
            "or sort by strokes",
        ) from error
    return pypinyin


def _syllable_key(syllable: str) -> tuple[str, int]:
    """``"lv3"`` → ``("lv", 3)``; a syllable without a tone number has the neutral tone 5."""
    if syllable and syllable[-1].isdigit():
        return (syllable[:-1], int(syllable[-1]))
    return (syllable, 5)


class PinyinOrder:
    """拼音排序: alphabetical by pinyin, surname first, syllable by syllable.

    Each character compares by its syllable's letters (``ü`` spelled ``v``, so ``lü`` follows
    ``lu``, ``luo``), then its tone (1-4, neutral last), then its strokes (so 张 and 章, both
    zhāng, still have a fixed order). Surnames use :data:`SURNAME_READINGS` (曾 is zēng, 单 is
    shàn); other characters are read by ``pypinyin`` in the context of the given name.
    A character with no reading (a Latin letter) sorts by itself, lower-cased; characters
    without stroke data break ties by code point.

    Raises:
        CppccError: from :meth:`key` when pypinyin is not installed.

    """

    name = "pinyin"
    label = "拼音排序"

    def __repr__(self) -> str:
        return "PinyinOrder()"

    def readings(self, name: str | ChineseName) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The ``TONE3`` syllables of the surname and of the given name."""
        parts = split_name(name)
        surname = SURNAME_READINGS.get(parts.surname)
        if surname is None:
            surname = self._read(parts.surname)
        return surname, self._read(parts.given)

    def _read(self, text: str) -> tuple[str, ...]:
        if not text:
            return ()
        pypinyin = _pypinyin()
        syllables = pypinyin.pinyin(
            text,
            style=pypinyin.Style.TONE3,
            heteronym=False,
            errors=lambda chars: [char.lower() for char in chars],
            neutral_tone_with_five=True,
        )
        flat = [item[0] for item in syllables]
        if len(flat) != len(text):
            return tuple(char.lower() for char in text)
        return tuple(flat)

    def key(self, name: str | ChineseName) -> tuple[tuple[Any, ...], ...]:
        """The sort key of ``name``: (surname syllable keys, given-name syllable keys)."""
        parts = split_name(name)
        surname, given = self.readings(parts)
        return (
            tuple(
                (*_syllable_key(syllable), _char_key(char, parts.full, "last"))
                for syllable, char in zip(surname, parts.surname, strict=True)
            ),
            tuple(
                (*_syllable_key(syllable), _char_key(char, parts.full, "last"))
                for syllable, char in zip(given, parts.given, strict=True)
            ),
        )


class NameOrderRegistry:
    """The name orders rule sets can choose from, by name.

    Registering a name twice is refused unless ``replace=True``, so two plugins cannot silently
    override each other.
    """

    def __init__(self, orders: Iterable[NameOrder] = ()) -> None:
        self._orders: dict[str, NameOrder] = {}
        for order in orders:
            self.register(order)

    def register(self, order: NameOrder, *, replace: bool = False) -> None:
        """Add ``order`` under its ``name``.

        Raises:
            InvalidValueError: when ``order`` is not a :class:`NameOrder`, or its name is taken
                and ``replace`` is false.

        """
        if not isinstance(order, NameOrder):
            raise InvalidValueError(
                f"{order!r} is not a name order",
                hint="give an object with name, label and key(name), e.g. a StrokeOrder",
            )
        if order.name in self._orders and not replace:
            raise InvalidValueError(
                f"a name order called {order.name!r} is already registered",
                hint="choose another name, or pass replace=True to supersede it on purpose",
            )
        self._orders[order.name] = order

    def get(self, name: str | NameOrder) -> NameOrder:
        """The order registered as ``name`` (an order passed in is returned as it is).

        Raises:
            InvalidValueError: when no order has that name; the message lists the known ones.

        """
        if not isinstance(name, str):
            return name
        order = self._orders.get(name)
        if order is None:
            raise InvalidValueError(
                f"no name order called {name!r}",
                hint=f"use one of: {', '.join(sorted(self._orders))}",
            )
        return order

    def __contains__(self, name: object) -> bool:
        return name in self._orders

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._orders))


name_orders = NameOrderRegistry([StrokeOrder(), PinyinOrder()])
"""The default registry, holding ``"stroke"`` and ``"pinyin"``."""


def sort_names(
    names: Iterable[str],
    order: str | NameOrder = "stroke",
    *,
    registry: NameOrderRegistry | None = None,
) -> list[str]:
    """``names`` sorted by ``order`` (a registered name or a :class:`NameOrder`).

    Names with equal keys (the same name twice) keep a fixed order: by the text itself.
    """
    chosen = (registry or name_orders).get(order)
    return sorted(names, key=lambda text: (chosen.key(text), text))
