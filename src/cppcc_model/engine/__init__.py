"""The columnar scoring engine: a ledger and a rule set in, every member's figures out.

One assessment runs in stages; each module imports only from the stage before it (and from
``rules/``, ``model/``, ``ledger`` and ``errors``):

① ``io/`` — files → :class:`~cppcc_model.ledger.Ledger` (outside this package);
② :mod:`~cppcc_model.engine.columns` — the ledger → typed polars frames, once per ledger;
③ :mod:`~cppcc_model.engine.facts` — the fact table of one assessment: a row per (record,
   credited member), integer-coded, with the stages reached by the as-of date;
④ :mod:`~cppcc_model.engine.plan` — each rule block compiled once into polars expressions
   (blocks it does not know are marked to run row-wise);
⑤ :mod:`~cppcc_model.engine.results` — the plan run over the fact table: totals, category
   points, grades, requirements and flags for every member, exact;
⑥ :mod:`~cppcc_model.engine.cards` — one member's explained score card, on demand.

The row-at-a-time interpreter (:mod:`cppcc_model.engine.reference`) stays as the reference: the
explained cards are built by it, and the differential tests demand that both give the same
figures. :func:`cppcc_model.assess.assess` runs this engine by default.

polars is imported inside the functions that need it, so importing the library (and
``cppcc --help``) does not pay for it.
"""

from __future__ import annotations

import datetime as dt
import threading
import weakref
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

# the library blocks' own methods (Points.of …) evaluate through engine/evaluate.py, which
# installs itself in rules/ when imported: importing any part of the engine does it
from cppcc_model.engine import evaluate as _evaluate  # noqa: F401
from cppcc_model.ledger import Ledger
from cppcc_model.model import Member, Period
from cppcc_model.rules.ruleset import RuleSet

if TYPE_CHECKING:
    from cppcc_model.engine.results import Results, RulePlan

__all__ = ["plan_of", "run"]

_PLANS: dict[int, tuple[weakref.ref[RuleSet], RulePlan]] = {}
_LOCK = threading.Lock()


def _forget(key: int) -> Callable[[object], None]:
    def forget(_ref: object, cache: dict[int, object] = _PLANS) -> None:  # type: ignore[assignment]
        cache.pop(key, None)

    return forget


def plan_of(rule_set: RuleSet) -> RulePlan:
    """The compiled plan of ``rule_set``, compiled on first use and kept while it lives."""
    from cppcc_model.engine.results import compile_rule_set

    key = id(rule_set)
    with _LOCK:
        cached = _PLANS.get(key)
        if cached is not None and cached[0]() is rule_set:
            return cached[1]
    plan = compile_rule_set(rule_set)
    with _LOCK:
        _PLANS[key] = (weakref.ref(rule_set, _forget(key)), plan)
    return plan


def run(
    ledger: Ledger,
    rule_set: RuleSet,
    period: Period,
    *,
    as_of: dt.date | None = None,
    members: Iterable[Member] | None = None,
    history: Callable[[int], RuleSet | None] | None = None,
    streaming: bool = False,
) -> Results:
    """Every member's figures under ``rule_set`` for ``period``, from the compiled plan.

    Args:
        ledger: the committee's records (flattened into columns once, then reused).
        rule_set: the rules (compiled once, then reused).
        period: the assessment period.
        as_of: the date records are read as of (default: the period's last day).
        members: the members to assess (default: those who served during the period, or
            everyone when the rule set says so).
        history: the rule set in force in an earlier year, for consecutive-year triggers.
        streaming: collect the plan's queries with polars' streaming engine, which reads the
            credits in batches and never holds a source's whole fact table (see
            :func:`~cppcc_model.engine.results.execute`); the same figures, in less memory.

    """
    from cppcc_model.engine.columns import columns_of
    from cppcc_model.engine.results import execute

    if members is None:
        members = [
            m
            for m in ledger.members
            if rule_set.settings.assess_members_not_serving or m.served_during(period)
        ]
    return execute(
        ledger,
        columns_of(ledger),
        plan_of(rule_set),
        period,
        period.end if as_of is None else as_of,
        members,
        history,
        streaming=streaming,
    )
