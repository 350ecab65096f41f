"""Assessment: scoring, ranking, groups, awards and requirement checks.

* :func:`assess` — a ledger and a rule set in, an :class:`Assessment` of
  :class:`ScoreCard` objects out (:mod:`cppcc_model.assess.engine`);
* :func:`rank` — ranks of any scored population (:mod:`cppcc_model.assess.ranking`);
* :func:`cohort_standings` — ranks within cohorts, GovTrack style
  (:mod:`cppcc_model.assess.cohorts`);
* :func:`requirement_report` / :func:`requirement_summary` — who meets the minimum
  requirements, per member and per body (:mod:`cppcc_model.assess.requirements`);
* group assessment (:mod:`cppcc_model.assess.groups`) and awards
  (:mod:`cppcc_model.assess.awards`).
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
from cppcc_model.assess.requirements import (
    RequirementRow,
    RequirementSummary,
    requirement_report,
    requirement_summary,
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
    "RequirementRow",
    "RequirementSummary",
    "RuleEvaluationError",
    "ScoreCard",
    "TieBreaker",
    "assess",
    "cohort_standings",
    "member_cohorts",
    "rank",
    "requirement_report",
    "requirement_summary",
]
