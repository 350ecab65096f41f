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
"""

from cppcc_model.proposals import deadlines as _deadlines
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
from cppcc_model.proposals.figures import Figure, percent_text
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
from cppcc_model.proposals.merges import MergeGroup, MergeStructure, merge_structure
from cppcc_model.proposals.overdue import Overdue, is_overdue, overdue_as_of, reply_due
from cppcc_model.proposals.settings import COUNTS, CountName, RateDefinition, rate_definitions
from cppcc_model.proposals.states import (
    TRANSITIONS,
    Outcome,
    ProposalState,
    allowed_steps,
    next_state,
)
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
