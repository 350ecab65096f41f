"""Assessment: scoring, ranking, groups, awards and requirement checks.

* :func:`assess` — a ledger and a rule set in, an :class:`Assessment` of
  :class:`ScoreCard` objects out (:mod:`cppcc_model.assess.engine`);
* :func:`rank` — ranks of any scored population (:mod:`cppcc_model.assess.ranking`);
* :func:`cohort_standings` — ranks within cohorts, GovTrack style
  (:mod:`cppcc_model.assess.cohorts`).
"""

from cppcc_model.assess.cohorts import (
    CohortKey,
    CohortKind,
    CohortReport,
    CohortStanding,
    cohort_standings,
    member_cohorts,
)
from cppcc_model.assess.engine import Assessment, RuleEvaluationError, assess
from cppcc_model.assess.ranking import (
    Direction,
    RankedEntry,
    Ranking,
    RankMethod,
    TieBreaker,
    rank,
)
from cppcc_model.scorecard import (
    Adjustment,
    CategoryCard,
    Entry,
    Flag,
    Line,
    RequirementResult,
    ScoreCard,
)

__all__ = [
    "Adjustment",
    "Assessment",
    "CategoryCard",
    "CohortKey",
    "CohortKind",
    "CohortReport",
    "CohortStanding",
    "Direction",
    "Entry",
    "Flag",
    "Line",
    "RankMethod",
    "RankedEntry",
    "Ranking",
    "RequirementResult",
    "RuleEvaluationError",
    "ScoreCard",
    "TieBreaker",
    "assess",
    "cohort_standings",
    "member_cohorts",
    "rank",
]
