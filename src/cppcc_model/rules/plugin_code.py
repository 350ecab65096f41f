"""Whether scoring under a rule set can run a plugin's code.

A rule set made of the library's own blocks only reads the ledger. One that holds an
escape-hatch :class:`~cppcc_model.rules.values.Function`, or a block whose class is defined
outside the library (a plugin's own selection, value, attribution, counting, condition or
trigger), runs code the library did not write: :func:`cppcc_model.assess.assess` then hashes
the whole ledger before and after scoring to see whether anything wrote into it, and pays for
that hash only then. :func:`ledger_hash_if_needed` and :func:`check_unchanged` do that for every
caller that scores: :func:`~cppcc_model.assess.assess`, an assessment building its cards later,
and the what-if engine (:class:`cppcc_model.engine.whatif.WhatIf`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

import attrs

from cppcc_model.errors import Location, RuleEvaluationError
from cppcc_model.ledger import Ledger
from cppcc_model.model import Period
from cppcc_model.rules.outcomes import ConsecutiveYears
from cppcc_model.rules.ruleset import RuleSet
from cppcc_model.rules.values import Function
from cppcc_model.rules.walk import PLAIN, reachable

__all__ = [
    "YEARS_BACK",
    "check_unchanged",
    "ledger_hash",
    "ledger_hash_if_needed",
    "may_write",
    "runs_plugin_code",
]

YEARS_BACK = 50
"""How far back a trigger over years reads when the ledger has no term."""


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


def may_write(
    rule_set: RuleSet, period: Period, history: Callable[[int], RuleSet | None] | None = None
) -> bool:
    """Whether scoring ``rule_set`` for ``period`` may run a plugin's code.

    That is: :func:`runs_plugin_code` holds for the rule set, or for a rule set of an earlier
    year (from ``history``) that a trigger over years reads, at most :data:`YEARS_BACK` years
    back.
    """
    if runs_plugin_code(rule_set):
        return True
    if history is None or not any(isinstance(t, ConsecutiveYears) for t in rule_set.triggers):
        return False
    year = period.end.year
    seen: set[int] = {id(rule_set)}
    for back in range(year - 1, max(year - YEARS_BACK, dt.MINYEAR) - 1, -1):
        earlier = history(back)
        if earlier is not None and id(earlier) not in seen:
            seen.add(id(earlier))
            if runs_plugin_code(earlier):
                return True
    return False


def ledger_hash(ledger: Ledger) -> int | None:
    """A hash of every record's fields, to see whether scoring changed any (``None``: cannot)."""
    try:
        return hash(ledger)
    except TypeError:
        return None


def ledger_hash_if_needed(
    ledger: Ledger,
    rule_set: RuleSet,
    period: Period,
    history: Callable[[int], RuleSet | None] | None = None,
) -> int | None:
    """The ledger's hash when scoring may run a plugin's code (:func:`may_write`), else ``None``.

    Pass the result to :func:`check_unchanged` once scoring is done.
    """
    return ledger_hash(ledger) if may_write(rule_set, period, history) else None


def check_unchanged(ledger: Ledger, fingerprint: int | None, rule_set: RuleSet) -> None:
    """Refuse a scoring run during which a rule wrote into the ledger.

    Args:
        ledger: the ledger that was scored.
        fingerprint: its hash before scoring, from :func:`ledger_hash_if_needed` (``None``:
            nothing to check).
        rule_set: the rules that ran, to locate the error.

    Raises:
        RuleEvaluationError: the ledger's hash changed.

    """
    if fingerprint is not None and ledger_hash(ledger) != fingerprint:
        raise RuleEvaluationError(
            "the ledger changed while it was being scored; a rule may only read it",
            where=Location(rule_set=rule_set.name, plugin=rule_set.plugin),
            hint="a plugin's function or block wrote into the records (object.__setattr__ or "
            "the like): report it to the plugin's authors and block the plugin meanwhile",
        )
