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

Each name is imported from its module on first use, so a command that ranks members does not
import the awards, the cohorts or the requirement reports.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_HOMES: dict[str, str] = {
    "AwardConstraintError": "cppcc_model.assess.awards",
    "AwardResult": "cppcc_model.assess.awards",
    "Candidate": "cppcc_model.assess.awards",
    "award_candidates": "cppcc_model.assess.awards",
    "select_winners": "cppcc_model.assess.awards",
    "CohortKey": "cppcc_model.assess.cohorts",
    "CohortKind": "cppcc_model.assess.cohorts",
    "CohortReport": "cppcc_model.assess.cohorts",
    "CohortStanding": "cppcc_model.assess.cohorts",
    "cohort_standings": "cppcc_model.assess.cohorts",
    "member_cohorts": "cppcc_model.assess.cohorts",
    "Assessment": "cppcc_model.assess.engine",
    "RuleEvaluationError": "cppcc_model.assess.engine",
    "assess": "cppcc_model.assess.engine",
    "AllMet": "cppcc_model.assess.groups",
    "AnyMet": "cppcc_model.assess.groups",
    "AtLeast": "cppcc_model.assess.groups",
    "Count": "cppcc_model.assess.groups",
    "External": "cppcc_model.assess.groups",
    "GroupCard": "cppcc_model.assess.groups",
    "GroupCategory": "cppcc_model.assess.groups",
    "GroupItem": "cppcc_model.assess.groups",
    "GroupRequirement": "cppcc_model.assess.groups",
    "GroupRules": "cppcc_model.assess.groups",
    "GroupsAssessment": "cppcc_model.assess.groups",
    "Measure": "cppcc_model.assess.groups",
    "MeasureContext": "cppcc_model.assess.groups",
    "MemberCount": "cppcc_model.assess.groups",
    "MemberTotal": "cppcc_model.assess.groups",
    "NotMet": "cppcc_model.assess.groups",
    "QuartersCovered": "cppcc_model.assess.groups",
    "Rate": "cppcc_model.assess.groups",
    "RequirementShare": "cppcc_model.assess.groups",
    "SubjectKind": "cppcc_model.assess.groups",
    "assess_groups": "cppcc_model.assess.groups",
    "MemberRankEntry": "cppcc_model.assess.member_ranking",
    "MemberRanking": "cppcc_model.assess.member_ranking",
    "rank_members": "cppcc_model.assess.member_ranking",
    "Direction": "cppcc_model.assess.ranking",
    "RankedEntry": "cppcc_model.assess.ranking",
    "Ranking": "cppcc_model.assess.ranking",
    "RankMethod": "cppcc_model.assess.ranking",
    "TieBreaker": "cppcc_model.assess.ranking",
    "rank": "cppcc_model.assess.ranking",
    "RequirementRow": "cppcc_model.assess.requirements",
    "RequirementSummary": "cppcc_model.assess.requirements",
    "requirement_report": "cppcc_model.assess.requirements",
    "requirement_summary": "cppcc_model.assess.requirements",
    "Adjustment": "cppcc_model.scorecard",
    "CategoryCard": "cppcc_model.scorecard",
    "Entry": "cppcc_model.scorecard",
    "Flag": "cppcc_model.scorecard",
    "Line": "cppcc_model.scorecard",
    "RequirementResult": "cppcc_model.scorecard",
    "ScoreCard": "cppcc_model.scorecard",
}
"""Where each public name lives; :func:`__getattr__` imports it from there on first use."""

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


def __getattr__(name: str) -> Any:
    """The public name ``name``, imported from its module on first use (then kept here)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_imported(home), name)
    globals()[name] = value
    return value


def _imported(home: str) -> types.ModuleType:
    """The module ``home``, imported (each by its own import statement, none by name)."""
    if home == "cppcc_model.assess.awards":
        import cppcc_model.assess.awards
    elif home == "cppcc_model.assess.cohorts":
        import cppcc_model.assess.cohorts
    elif home == "cppcc_model.assess.engine":
        import cppcc_model.assess.engine
    elif home == "cppcc_model.assess.groups":
        import cppcc_model.assess.groups
    elif home == "cppcc_model.assess.member_ranking":
        import cppcc_model.assess.member_ranking
    elif home == "cppcc_model.assess.ranking":
        import cppcc_model.assess.ranking
    elif home == "cppcc_model.assess.requirements":
        import cppcc_model.assess.requirements
    else:
        import cppcc_model.scorecard  # noqa: F401
    return sys.modules[home]


class _Package(types.ModuleType):
    """This package, which keeps its public names over submodules named alike.

    Importing the submodule :mod:`cppcc_model.assess.award_candidates` would set the package's
    ``award_candidates`` to the module; the public name is the function, as when every name was
    imported eagerly, so the submodule stays in ``sys.modules`` only.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _HOMES and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __dir__() -> list[str]:
    """The module's names, the lazily imported ones included."""
    return sorted({*globals(), *__all__})
