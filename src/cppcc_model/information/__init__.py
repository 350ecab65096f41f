"""社情民意 (social-condition information): the pipeline and its statistics.

* :mod:`.states` — states and the transition table;
* :mod:`.lifecycle` — applying dated steps (:func:`apply_info`) and reading an item's status
  on a day (:func:`replay_info`);
* :mod:`.statistics` — submitted, issued, adopted and forwarded by level, instructions.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cppcc_model.information.filters import InfoFilter, select_info
    from cppcc_model.information.lifecycle import (
        InfoStatus,
        advance_info,
        apply_info,
        check_info_reports,
        replay_info,
    )
    from cppcc_model.information.states import INFO_TRANSITIONS, OUTCOME_STEPS, InfoState
    from cppcc_model.information.statistics import (
        INFO_COUNT_LABELS,
        INFO_RATE_DEFINITIONS,
        InfoCounts,
        InfoStats,
        InfoTally,
        info_contribution,
        info_statistics,
        info_statistics_by,
        issues_published,
    )

_LAZY: dict[str, tuple[str, str]] = {
    "InfoFilter": ("cppcc_model.information.filters", "InfoFilter"),
    "select_info": ("cppcc_model.information.filters", "select_info"),
    "InfoStatus": ("cppcc_model.information.lifecycle", "InfoStatus"),
    "advance_info": ("cppcc_model.information.lifecycle", "advance_info"),
    "apply_info": ("cppcc_model.information.lifecycle", "apply_info"),
    "check_info_reports": ("cppcc_model.information.lifecycle", "check_info_reports"),
    "replay_info": ("cppcc_model.information.lifecycle", "replay_info"),
    "INFO_TRANSITIONS": ("cppcc_model.information.states", "INFO_TRANSITIONS"),
    "OUTCOME_STEPS": ("cppcc_model.information.states", "OUTCOME_STEPS"),
    "InfoState": ("cppcc_model.information.states", "InfoState"),
    "INFO_COUNT_LABELS": ("cppcc_model.information.statistics", "INFO_COUNT_LABELS"),
    "INFO_RATE_DEFINITIONS": ("cppcc_model.information.statistics", "INFO_RATE_DEFINITIONS"),
    "InfoCounts": ("cppcc_model.information.statistics", "InfoCounts"),
    "InfoStats": ("cppcc_model.information.statistics", "InfoStats"),
    "InfoTally": ("cppcc_model.information.statistics", "InfoTally"),
    "info_contribution": ("cppcc_model.information.statistics", "info_contribution"),
    "info_statistics": ("cppcc_model.information.statistics", "info_statistics"),
    "info_statistics_by": ("cppcc_model.information.statistics", "info_statistics_by"),
    "issues_published": ("cppcc_model.information.statistics", "issues_published"),
}
"""Each public name, and the module (and name there) it is imported from on first use."""


def __getattr__(name: str) -> Any:
    """Import a public name's module on first use, so importing one module does not load all."""
    found = _LAZY.get(name)
    if found is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(found[0]), found[1])
    globals()[name] = value
    return value


__all__ = [
    "INFO_COUNT_LABELS",
    "INFO_RATE_DEFINITIONS",
    "INFO_TRANSITIONS",
    "OUTCOME_STEPS",
    "InfoCounts",
    "InfoFilter",
    "InfoState",
    "InfoStats",
    "InfoStatus",
    "InfoTally",
    "advance_info",
    "apply_info",
    "check_info_reports",
    "info_contribution",
    "info_statistics",
    "info_statistics_by",
    "issues_published",
    "replay_info",
    "select_info",
]
