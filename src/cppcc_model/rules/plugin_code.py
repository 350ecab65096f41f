"""Whether scoring under a rule set can run a plugin's code.

A rule set made of the library's own blocks only reads the ledger. One that holds an
escape-hatch :class:`~cppcc_model.rules.values.Function`, or a block whose class is defined
outside the library (a plugin's own selection, value, attribution, counting, condition or
trigger), runs code the library did not write: :func:`cppcc_model.assess.assess` then hashes
the whole ledger before and after scoring to see whether anything wrote into it, and pays for
that hash only then.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

import attrs

from cppcc_model.rules.values import Function

__all__ = ["runs_plugin_code"]


_LIBRARY = "cppcc_model"
_PLAIN = (str, bytes, int, float, Fraction, Decimal, dt.date, dt.datetime, enum.Enum, type(None))
_NOT_RUN = frozenset({"factory"})
"""Fields holding code that building a rule set runs, never scoring (a plugin's factory)."""


def _from_library(module: object) -> bool:
    return isinstance(module, str) and (module == _LIBRARY or module.startswith(_LIBRARY + "."))


def runs_plugin_code(value: object) -> bool:
    """Whether scoring with ``value`` (a rule set, or any block) may run a plugin's code.

    That is: an escape-hatch :class:`~cppcc_model.rules.values.Function`, a block whose class is
    defined outside ``cppcc_model`` (a plugin's own selection, value, attribution, counting or
    condition, or a subclass of a library block), or any other callable from outside it.

    The answer errs towards ``True``: an object it cannot see into counts as plugin code.
    """
    seen: set[int] = set()
    pending: list[object] = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, _PLAIN) or id(item) in seen:
            continue
        seen.add(id(item))
        kind = type(item)
        if isinstance(item, Function):
            return True
        if attrs.has(kind):
            if not _from_library(kind.__module__):
                return True
            pending.extend(
                getattr(item, field.name)
                for field in attrs.fields(kind)
                if field.name not in _NOT_RUN
            )
        elif isinstance(item, (tuple, list, set, frozenset)):
            pending.extend(item)
        elif isinstance(item, Mapping):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif not _from_library(getattr(item, "__module__", None) or kind.__module__):
            return True
    return False
