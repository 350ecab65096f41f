"""Walking a rule set's blocks: every object reachable from a rule set or a block.

A rule set is plain data: attrs blocks holding other blocks, tuples and mappings of them, and
plain values (numbers, text, dates, enumeration members). :func:`reachable` visits all of it
once, depth first in field order, so the questions asked of a rule set as a whole — which parts
the columnar engine does not compile (:func:`cppcc_model.engine.support.unsupported`), whether
scoring may run a plugin's code (:func:`cppcc_model.rules.plugin_code.runs_plugin_code`) — are
answered by one walk rather than by two that could disagree on what they see.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from fractions import Fraction

import attrs

__all__ = ["NOT_SCORED", "PLAIN", "fields", "reachable"]

PLAIN = (str, bytes, int, float, Fraction, Decimal, dt.date, dt.datetime, enum.Enum, type(None))
"""Values that hold no blocks: yielded by the walk, never entered."""

NOT_SCORED = frozenset({"factory"})
"""Fields holding code that building a rule set runs, never scoring (a plugin's factory)."""


def fields(block: object) -> list[tuple[str, object]]:
    """An attrs block's fields as ``(name, value)`` in order, except :data:`NOT_SCORED`.

    What the walk enters for a block; the outline (:mod:`cppcc_model.rules.outline`) reads a
    block's fields through it too, so both see the same parts. Anything that is not an attrs
    instance has no fields.
    """
    kind = type(block)
    if not attrs.has(kind):
        return []
    return [
        (field.name, getattr(block, field.name))
        for field in attrs.fields(kind)
        if field.name not in NOT_SCORED
    ]


def _children(item: object) -> Iterable[object]:
    """What ``item`` holds, in order: attrs fields, container items, mapping keys and values."""
    if attrs.has(type(item)):
        return [value for _, value in fields(item)]
    if isinstance(item, tuple | list | set | frozenset):
        return list(item)
    if isinstance(item, Mapping):
        return [part for key, value in item.items() for part in (key, value)]
    return ()


def reachable(*roots: object) -> Iterator[object]:
    """Every object reachable from ``roots``, each once, depth first in field order.

    The roots themselves come first (each followed by what it holds); then, for an attrs
    instance, its fields in declaration order (except :data:`NOT_SCORED` ones); for a tuple,
    list or set, its items; for a mapping, each key then its value. Plain values
    (:data:`PLAIN`) are yielded but not entered; any other object (a function, a plugin's own
    object that is not attrs) is yielded as it is, for the caller to judge.

    >>> from cppcc_model.rules import Points, Where
    >>> names = [type(part).__name__ for part in reachable(Where("proposal"), Points(2))]
    >>> ", ".join(names[:2])
    'Where, Source'
    """
    seen: set[int] = set()
    pending: list[object] = list(reversed(roots))
    while pending:
        item = pending.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        yield item
        if not isinstance(item, PLAIN):
            pending.extend(reversed(list(_children(item))))
