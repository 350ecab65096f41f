"""The proposal lifecycle (提、立、交、办、督): states, dated steps, deadlines and statistics.

* :mod:`.states` — the states and the transition table;
* :mod:`.lifecycle` — applying dated steps to a proposal (:func:`apply`, :func:`advance`) and
  reading where it stands on a day (:func:`replay` → :class:`CaseStatus`);
* :mod:`.deadlines` — reply due dates, extensions, working-day objection windows;
* :mod:`.overdue` — the reply owed on a day and whether it is late;
* :mod:`.settings` — the definitions behind the figures, as settings;
* :mod:`.statistics` — counts and exact rates, as of a date or over a period, grouped;
* :mod:`.merges` — merge structure (2案并1案5件);
* :mod:`.figures` — exact rates shown as percentages;
* :mod:`.submission` — plenary (大会) vs between-sessions (平时) proposals, and records whose
  session and date disagree.

The names of the figures, merges, settings and statistics modules are imported on first use:
checking a dataset's proposal histories (every command) needs none of them.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import cppcc_model.proposals.deadlines as _deadlines
from cppcc_model.proposals.deadlines import (
    DeadlineRules,
    add_months,
    add_working_days,
    is_working_day,
    working_days_between,
)
from cppcc_model.proposals.errors import (
    CalendarRangeError,
    DateOrderError,
    HistoryProblemsError,
    IllegalTransitionError,
    InvalidStepError,
    LifecycleError,
    StatisticsQueryError,
)
from cppcc_model.proposals.grouping import (
    BETWEEN_SESSIONS,
    NOT_RECORDED,
    Attribution,
    Grouping,
    group_names,
)
from cppcc_model.proposals.lifecycle import (
    CaseStatus,
    LifecycleRules,
    advance,
    apply,
    case_proposers,
    check_proposals,
    follow,
    replay,
    rules_for,
    validate_proposals,
)
from cppcc_model.proposals.overdue import Overdue, is_overdue, overdue_as_of, reply_due
from cppcc_model.proposals.states import (
    TRANSITIONS,
    Outcome,
    ProposalState,
    allowed_steps,
    next_state,
)

if TYPE_CHECKING:
    from cppcc_model.proposals.figures import Figure, percent_text
    from cppcc_model.proposals.merges import MergeGroup, MergeStructure, merge_structure
    from cppcc_model.proposals.settings import COUNTS, CountName, RateDefinition, rate_definitions
    from cppcc_model.proposals.statistics import (
        PROPOSAL_COUNT_LABELS,
        RATE_DEFINITIONS,
        ProposalCounts,
        ProposalStats,
        ProposalTally,
        SatisfactionBase,
        StatsSettings,
        contribution,
        group_shares,
        proposal_statistics,
        proposal_statistics_by,
    )

_LAZY: dict[str, str] = {
    "Figure": "cppcc_model.proposals.figures",
    "percent_text": "cppcc_model.proposals.figures",
    "MergeGroup": "cppcc_model.proposals.merges",
    "MergeStructure": "cppcc_model.proposals.merges",
    "merge_structure": "cppcc_model.proposals.merges",
    "COUNTS": "cppcc_model.proposals.settings",
    "CountName": "cppcc_model.proposals.settings",
    "RateDefinition": "cppcc_model.proposals.settings",
    "rate_definitions": "cppcc_model.proposals.settings",
    "PROPOSAL_COUNT_LABELS": "cppcc_model.proposals.statistics",
    "RATE_DEFINITIONS": "cppcc_model.proposals.statistics",
    "ProposalCounts": "cppcc_model.proposals.statistics",
    "ProposalStats": "cppcc_model.proposals.statistics",
    "ProposalTally": "cppcc_model.proposals.statistics",
    "SatisfactionBase": "cppcc_model.proposals.statistics",
    "StatsSettings": "cppcc_model.proposals.statistics",
    "contribution": "cppcc_model.proposals.statistics",
    "group_shares": "cppcc_model.proposals.statistics",
    "proposal_statistics": "cppcc_model.proposals.statistics",
    "proposal_statistics_by": "cppcc_model.proposals.statistics",
}
"""Where each name imported on first use lives (see :func:`__getattr__`)."""

# The overdue helpers moved to .overdue so that .deadlines imports nothing of the lifecycle;
# their old home keeps the names (set here, not imported there, so there is no import loop).
_deadlines.Overdue = Overdue  # type: ignore[attr-defined]
_deadlines.is_overdue = is_overdue  # type: ignore[attr-defined]
_deadlines.overdue_as_of = overdue_as_of  # type: ignore[attr-defined]
_deadlines.reply_due = reply_due  # type: ignore[attr-defined]

__all__ = [
    "BETWEEN_SESSIONS",
    "COUNTS",
    "NOT_RECORDED",
    "PROPOSAL_COUNT_LABELS",
    "RATE_DEFINITIONS",
    "TRANSITIONS",
    "Attribution",
    "CalendarRangeError",
    "CaseStatus",
    "CountName",
    "DateOrderError",
    "DeadlineRules",
    "Figure",
    "Grouping",
    "HistoryProblemsError",
    "IllegalTransitionError",
    "InvalidStepError",
    "LifecycleError",
    "LifecycleRules",
    "MergeGroup",
    "MergeStructure",
    "Outcome",
    "Overdue",
    "ProposalCounts",
    "ProposalState",
    "ProposalStats",
    "ProposalTally",
    "RateDefinition",
    "SatisfactionBase",
    "StatisticsQueryError",
    "StatsSettings",
    "add_months",
    "add_working_days",
    "advance",
    "allowed_steps",
    "apply",
    "case_proposers",
    "check_proposals",
    "contribution",
    "follow",
    "group_names",
    "group_shares",
    "is_overdue",
    "is_working_day",
    "merge_structure",
    "next_state",
    "overdue_as_of",
    "percent_text",
    "proposal_statistics",
    "proposal_statistics_by",
    "rate_definitions",
    "replay",
    "reply_due",
    "rules_for",
    "validate_proposals",
    "working_days_between",
]


def __getattr__(name: str) -> Any:
    """A name of the figures, merges, settings or statistics module, on first use."""
    home = _LAZY.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    # each module by its own import statement, none by name
    if home == "cppcc_model.proposals.figures":
        import cppcc_model.proposals.figures
    elif home == "cppcc_model.proposals.merges":
        import cppcc_model.proposals.merges
    elif home == "cppcc_model.proposals.settings":
        import cppcc_model.proposals.settings
    else:
        import cppcc_model.proposals.statistics  # noqa: F401
    value = getattr(sys.modules[home], name)
    globals()[name] = value
    return value
