"""Whether scoring under a rule set can run a plugin's code.

A rule set made of the library's own blocks only reads the ledger. One that holds an
escape-hatch :class:`~cppcc_model.rules.values.Function`, or a block whose class is defined
outside the library (a plugin's own selection, value, attribution, counting, condition or
trigger), runs code the library did not write: :func:`cppcc_model.assess.assess` then hashes
the whole ledger before and after scoring to see whether anything wrote into it, and pays for
that hash only then.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from cppcc_model.rules.values import Function
from cppcc_model.rules.walk import PLAIN, reachable

__all__ = ["runs_plugin_code"]


_LIBRARY = "cppcc_model"


def _from_library(module: object) -> bool:
    return isinstance(module, str) and (module == _LIBRARY or module.startswith(_LIBRARY + "."))


def _is_plugin_code(item: object) -> bool:
    """Whether ``item`` itself (not what it holds) is code from outside the library."""
    if isinstance(item, PLAIN):
        return False
    if isinstance(item, Function):
        return True
    kind = type(item)
    if attrs.has(kind):
        return not _from_library(kind.__module__)
    if isinstance(item, tuple | list | set | frozenset | Mapping):
        return False
    return not _from_library(getattr(item, "__module__", None) or kind.__module__)


def runs_plugin_code(value: object) -> bool:
    """Whether scoring with ``value`` (a rule set, or any block) may run a plugin's code.

    That is: an escape-hatch :class:`~cppcc_model.rules.values.Function`, a block whose class is
    defined outside ``cppcc_model`` (a plugin's own selection, value, attribution, counting or
    condition, or a subclass of a library block), or any other callable from outside it,
    anywhere in what :func:`cppcc_model.rules.walk.reachable` visits (a plugin's ``factory``,
    run only to build a rule set, is not visited).

    The answer errs towards ``True``: an object it cannot see into counts as plugin code.
    """
    return any(_is_plugin_code(item) for item in reachable(value))
