"""The proposal lifecycle (提、立、交、办、督): states, dated steps, deadlines and statistics.

* :mod:`.states` — the states and the transition table;
* :mod:`.lifecycle` — applying dated steps to a proposal (:func:`apply`, :func:`advance`) and
  reading where it stands on a day (:func:`replay` → :class:`CaseStatus`);
* :mod:`.deadlines` — reply due dates, extensions, working-day objection windows, overdue;
* :mod:`.statistics` — counts and exact rates, as of a date or over a period, grouped;
* :mod:`.figures` — exact rates shown as percentages;
* :mod:`.submission` — plenary (大会) vs between-sessions (平时) proposals, and records whose
  session and date disagree.
"""

from cppcc_model.proposals.deadlines import (
    DeadlineRules,
    Overdue,
    add_months,
    add_working_days,
    is_overdue,
    is_working_day,
    overdue_as_of,
    reply_due,
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
from cppcc_model.proposals.grouping import BETWEEN_SESSIONS, Attribution, Grouping
from cppcc_model.proposals.lifecycle import (
    CaseStatus,
    LifecycleRules,
    advance,
    apply,
    case_proposers,
    check_proposals,
    follow,
    replay,
    validate_proposals,
)
from cppcc_model.proposals.states import (
    TRANSITIONS,
    Outcome,
    ProposalState,
    allowed_steps,
    next_state,
)
from cppcc_model.proposals.statistics import (
    RATE_DEFINITIONS,
    ProposalCounts,
    ProposalStats,
    ProposalTally,
    SatisfactionBase,
    StatsSettings,
    contribution,
    proposal_statistics,
    proposal_statistics_by,
)

__all__ = [
    "BETWEEN_SESSIONS",
    "RATE_DEFINITIONS",
    "TRANSITIONS",
    "Attribution",
    "CalendarRangeError",
    "CaseStatus",
    "DateOrderError",
    "DeadlineRules",
    "Figure",
    "Grouping",
    "HistoryProblemsError",
    "IllegalTransitionError",
    "InvalidStepError",
    "LifecycleError",
    "LifecycleRules",
    "Outcome",
    "Overdue",
    "ProposalCounts",
    "ProposalState",
    "ProposalStats",
    "ProposalTally",
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
    "is_overdue",
    "is_working_day",
    "next_state",
    "overdue_as_of",
    "percent_text",
    "proposal_statistics",
    "proposal_statistics_by",
    "replay",
    "reply_due",
    "validate_proposals",
    "working_days_between",
]
