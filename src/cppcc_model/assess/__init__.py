"""Assessment: scoring, ranking, groups, awards and requirement checks.

* :func:`assess` — a ledger and a rule set in, an :class:`Assessment` of
  :class:`ScoreCard` objects out (:mod:`cppcc_model.assess.engine`);
* :func:`rank` — ranks of any scored population (:mod:`cppcc_model.assess.ranking`);
* :func:`rank_members` — the published member ranking: 姓氏笔画 ties, grades, sectors, groups
  (:mod:`cppcc_model.assess.member_ranking`);
* :func:`cohort_standings` — ranks within cohorts, GovTrack style
  (:mod:`cppcc_model.assess.cohorts`);
* :func:`requirement_report` / :func:`requirement_summary` — who meets the minimum
  requirements, per member and per body (:mod:`cppcc_model.assess.requirements`);
* group assessment (:mod:`cppcc_model.assess.groups`) and awards
  (:mod:`cppcc_model.assess.awards`).
"""

from cppcc_model.assess.awards import (
    AwardConstraintError,
    AwardResult,
    Candidate,
    award_candidates,
    select_winners,
)
from cppcc_model.assess.cohorts import (
    CohortKey,
    CohortKind,
    CohortReport,
    CohortStanding,
    cohort_standings,
    member_cohorts,
)
from cppcc_model.assess.engine import Assessment, RuleEvaluationError, assess
from cppcc_model.assess.groups import (
    AllMet,
    AnyMet,
    AtLeast,
    Count,
    External,
    GroupCard,
    GroupCategory,
    GroupItem,
    GroupRequirement,
    GroupRules,
    GroupsAssessment,
    Measure,
    MeasureContext,
    MemberCount,
    MemberTotal,
    NotMet,
    QuartersCovered,
    Rate,
    RequirementShare,
    SubjectKind,
    assess_groups,
)
from cppcc_model.assess.member_ranking import MemberRankEntry, MemberRanking, rank_members
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
    "AllMet",
    "AnyMet",
    "Assessment",
    "AtLeast",
    "AwardConstraintError",
    "AwardResult",
    "Candidate",
    "CategoryCard",
    "CohortKey",
    "CohortKind",
    "CohortReport",
    "CohortStanding",
    "Count",
    "Direction",
    "Entry",
    "External",
    "Flag",
    "GroupCard",
    "GroupCategory",
    "GroupItem",
    "GroupRequirement",
    "GroupRules",
    "GroupsAssessment",
    "Line",
    "Measure",
    "MeasureContext",
    "MemberCount",
    "MemberRankEntry",
    "MemberRanking",
    "MemberTotal",
    "NotMet",
    "QuartersCovered",
    "RankMethod",
    "RankedEntry",
    "Ranking",
    "Rate",
    "RequirementResult",
    "RequirementRow",
    "RequirementShare",
    "RequirementSummary",
    "RuleEvaluationError",
    "ScoreCard",
    "SubjectKind",
    "TieBreaker",
    "assess",
    "assess_groups",
    "award_candidates",
    "cohort_standings",
    "member_cohorts",
    "rank",
    "rank_members",
    "requirement_report",
    "requirement_summary",
    "select_winners",
]
