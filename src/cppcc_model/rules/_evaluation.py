"""The way from a library block's own method to the engine that evaluates it.

The blocks in ``rules/`` are plain data; :mod:`cppcc_model.engine.evaluate` evaluates them.
Their methods ``of``, ``share``, ``matches``, ``holds``, ``applies``, ``count`` and
``missing`` stay as thin aliases of the engine's functions, so that code written against them
(and a plugin's subclass calling ``super()``) keeps working. ``rules/`` sits below the engine
and never imports it: the engine installs its evaluation here when it is imported
(:func:`install`; importing any part of :mod:`cppcc_model.engine` does it), and an alias called
before that says so.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from cppcc_model.errors import RuleEvaluationError

if TYPE_CHECKING:
    from cppcc_model.model import Member, Period
    from cppcc_model.rules.facts import Fact
    from cppcc_model.scorecard import Entry

__all__ = [
    "applies",
    "collective_share",
    "count",
    "install",
    "matches",
    "reached",
    "records_hold",
    "records_missing",
    "share",
    "value",
]


_INSTALLED: list[Callable[..., Any]] = []
"""The engine's ``library(family, block, *arguments)``, once the engine is imported."""


def install(library: Callable[..., Any]) -> None:
    """Let the library blocks' methods evaluate through ``library`` (the engine's; once)."""
    _INSTALLED[:] = [library]


def _library(family: str, block: object, *arguments: object) -> Any:
    if not _INSTALLED:
        raise RuleEvaluationError(
            f"{type(block).__name__} is evaluated by cppcc_model.engine.evaluate, "
            "which is not loaded",
            hint="import cppcc_model.engine first, or call the function of "
            "cppcc_model.engine.evaluate itself (value(block, fact) and its neighbours)",
        )
    warnings.warn(
        f"{type(block).__name__}'s own method is deprecated: call "
        f"cppcc_model.engine.evaluate.{family}(block, …) instead",
        DeprecationWarning,
        stacklevel=4,  # _library ← the alias here ← the block's method ← its caller
    )
    return _INSTALLED[0](family, block, *arguments)


def value(block: object, fact: Fact) -> Fraction:
    """The library's value of ``fact`` under ``block``."""
    result: Fraction = _library("value", block, fact)
    return result


def share(block: object, fact: Fact) -> Fraction:
    """The library's share of ``fact`` under the attribution ``block``."""
    result: Fraction = _library("share", block, fact)
    return result


def collective_share(block: object, fact: Fact) -> Fraction:
    """The library's share of a collective work under ``block``."""
    result: Fraction = _library("collective_share", block, fact)
    return result


def matches(block: object, fact: Fact) -> bool:
    """Whether the library's selection ``block`` matches ``fact``."""
    result: bool = _library("matches", block, fact)
    return result


def reached(block: object, fact: Fact) -> bool:
    """Whether ``fact`` reached the stage of ``block``."""
    result: bool = _library("reached", block, fact)
    return result


def applies(block: object, member: Member, period: Period, as_of: dt.date) -> bool:
    """Whether the library's condition ``block`` applies to ``member``."""
    result: bool = _library("applies", block, member, period, as_of)
    return result


def count(block: object, entries: Sequence[Entry]) -> Any:
    """``entries`` counted under the library's counting ``block`` (a ``Counted``)."""
    return _library("count", block, entries)


def records_hold(block: object, facts: Sequence[Fact]) -> bool:
    """Whether ``facts`` hold the records the gate ``block`` asks for."""
    result: bool = _library("records_hold", block, facts)
    return result


def records_missing(block: object, facts: Sequence[Fact]) -> Any:
    """The selections of the gate ``block`` that no fact matches (a tuple of ``Where``)."""
    return _library("records_missing", block, facts)
