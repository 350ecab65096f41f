"""The ``hypothesis`` entry point: register cppcc-model's strategies for ``st.from_type``.

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported (unless the environment
variable ``HYPOTHESIS_NO_PLUGINS`` is set). The hook is cheap — it registers one small function
per type and imports the strategies module only when a strategy is first asked for — and it
never fails: a problem becomes a warning, so a broken install cannot break someone's test run.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

__all__ = ["STRATEGY_NAMES"]

STRATEGY_NAMES: dict[str, str] = {
    "cppcc_model.model:Committee": "committees",
    "cppcc_model.model:Sector": "sectors",
    "cppcc_model.model:ParticipatingUnit": "participating_units",
    "cppcc_model.model:SpecialCommittee": "special_committees",
    "cppcc_model.model:ActivityGroup": "activity_groups",
    "cppcc_model.model:BodyRef": "body_refs",
    "cppcc_model.model:RoleSpell": "role_spells",
    "cppcc_model.model:Member": "members",
    "cppcc_model.model:Term": "terms",
    "cppcc_model.model:Session": "sessions",
    "cppcc_model.model:Period": "periods",
    "cppcc_model.model:Attendance": "attendances",
    "cppcc_model.model:Activity": "activities",
    "cppcc_model.model:HandlingUnit": "handling_units",
    "cppcc_model.model:Proposal": "proposals",
    "cppcc_model.model:InfoEvent": "info_events",
    "cppcc_model.model:InfoReport": "info_reports",
    "cppcc_model.model:Contribution": "contributions",
    "cppcc_model.model:WorkItem": "work_items",
    "cppcc_model.model:WorkPlan": "work_plans",
    "cppcc_model.model:AwardRecord": "award_records",
    "cppcc_model.ledger:Ledger": "ledgers",
}
"""Which strategy of :mod:`cppcc_model.testing.strategies` each type is registered with."""


def _lazy(name: str) -> Callable[[type], Any]:
    def resolve(_: type) -> Any:
        from cppcc_model.testing import strategies

        return getattr(strategies, name)()

    resolve.__name__ = f"cppcc_model_{name}"
    return resolve


def _register() -> None:
    import importlib

    from hypothesis import strategies as st

    for target, name in STRATEGY_NAMES.items():
        module_name, _, type_name = target.partition(":")
        type_ = getattr(importlib.import_module(module_name), type_name)
        st.register_type_strategy(type_, _lazy(name))


def _hypothesis_setup_hook() -> None:
    """Register the strategies with hypothesis; warn instead of failing."""
    try:
        _register()
    except Exception as exc:  # never break hypothesis's import for our sake
        warnings.warn(
            f"cppcc-model could not register its hypothesis strategies: {exc!r}",
            RuntimeWarning,
            stacklevel=2,
        )
