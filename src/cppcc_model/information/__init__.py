"""社情民意 (social-condition information): the pipeline and its statistics.

* :mod:`.states` — states and the transition table;
* :mod:`.lifecycle` — applying dated steps (:func:`apply_info`) and reading an item's status
  on a day (:func:`replay_info`);
* :mod:`.statistics` — submitted, issued, adopted and forwarded by level, instructions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cppcc_model.information.lifecycle import (
    InfoStatus,
    advance_info,
    apply_info,
    check_info_reports,
    replay_info,
)
from cppcc_model.information.states import INFO_TRANSITIONS, OUTCOME_STEPS, InfoState

if TYPE_CHECKING:
    from cppcc_model.information.filters import InfoFilter, select_info
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

_STATISTICS = frozenset(
    {
        "INFO_COUNT_LABELS",
        "INFO_RATE_DEFINITIONS",
        "InfoCounts",
        "InfoStats",
        "InfoTally",
        "info_contribution",
        "info_statistics",
        "info_statistics_by",
        "issues_published",
    }
)
"""The names of :mod:`.statistics`, imported on first use: checking the lifecycles of a
dataset's items (every command) needs none of them."""

_FILTERS = frozenset({"InfoFilter", "select_info"})
"""The names of :mod:`.filters`, imported on first use for the same reason."""

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


def __getattr__(name: str) -> Any:
    """A name of :mod:`.statistics` or :mod:`.filters`, importing it on first use."""
    if name in _STATISTICS:
        from cppcc_model.information import statistics

        return getattr(statistics, name)
    if name in _FILTERS:
        from cppcc_model.information import filters

        return getattr(filters, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
