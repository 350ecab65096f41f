"""社情民意 (social-condition information): the pipeline and its statistics.

* :mod:`.states` — states and the transition table;
* :mod:`.lifecycle` — applying dated steps (:func:`apply_info`) and reading an item's status
  on a day (:func:`replay_info`);
* :mod:`.statistics` — submitted, issued, adopted and forwarded by level, instructions.
"""

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
