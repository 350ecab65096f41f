"""Rule sets and the declarative building blocks they are made of.

A district's assessment rules are a :class:`RuleSet` of :class:`Category` objects holding
:class:`Item` objects; each item combines a selection (:class:`Where`), a value block, an
attribution block and a counting block. Grades, requirements and triggers sit beside the
categories. Everything here is plain, frozen data: build it once, evaluate it any number of
times with :func:`cppcc_model.assess.assess`.

Building blocks by the rule text they express (see the docs for one page each):

* selection — :class:`Where`, :class:`Reached`;
* values — :class:`Points`, :class:`PerUnit`, :class:`ByStatus`, :class:`ByStage`,
  :class:`ByRole`, :class:`ByPosition`, :class:`ByLevel`, :class:`FullOrPartial`,
  :class:`Sum`, :class:`Function`;
* given scores and outside inputs (评分录入) — :class:`External`, :class:`Amount`;
* attribution — :class:`WholeToEach`, :class:`FirstOnly`, :class:`FirstShare`,
  :class:`EqualSplit`, with :class:`CollectiveCredit`;
* counting — :class:`Each`, :class:`OncePerPeriod`, :class:`FromNth`, :class:`AtMost`,
  :class:`Threshold`;
* structure — :class:`Item`, :class:`Category`, :class:`Pool`, :class:`Dimension`;
* outcomes — :class:`Grades`, :class:`Band`, :class:`Requirement`, :class:`Trigger`,
  :class:`ScoreBelow`, :class:`ConsecutiveYears`, :class:`TooFew`, :class:`Ladder`;
* conditions — :class:`HasRole`, :class:`LacksRole`, :class:`AllOf`, :class:`AnyOf`, :class:`Not`;
* group rules (activity groups, units, sectors, special committees) — :class:`GroupRules`,
  :class:`GroupCategory`, :class:`GroupItem`, :class:`GroupRequirement`, :class:`SubjectKind`,
  and the measures :class:`Count`, :class:`Rate`, :class:`QuartersCovered`,
  :class:`MemberTotal`, :class:`MemberCount`, :class:`RequirementShare`, :class:`GroupExternal`
  (``cppcc_model.rules.groups.External``, named apart from the members' :class:`External`),
  :class:`AtLeast`, :class:`AllMet`, :class:`AnyMet`, :class:`NotMet`;
* awards — :class:`Award`, :class:`Quota`, :class:`Composition`, :class:`RankGate`,
  :class:`TieBreak`, :class:`Exclusion`, :class:`AnyOfRecords`, :class:`AllOfRecords`,
  :class:`Order`, :class:`Periods`;
* the whole — :class:`RuleSet`, :class:`Settings`, :class:`RoundingPolicy`;
* extension points — :class:`CustomTrigger` with :class:`TriggerContext` (and the
  :class:`Value`, :class:`Condition` and :class:`GroupMeasure` protocols; a group measure's
  evaluation, :class:`cppcc_model.assess.groups.Measure`, in :mod:`cppcc_model.assess`).
"""

from cppcc_model.numbers import RoundingPolicy, exact, format_fraction
from cppcc_model.rules.attribution import (
    Attribution,
    CollectiveCredit,
    EqualSplit,
    FirstOnly,
    FirstShare,
    WholeToEach,
)
from cppcc_model.rules.award_gates import (
    AllOfRecords,
    AnyOfRecords,
    Exclusion,
    Order,
    Periods,
    TieBreak,
)
from cppcc_model.rules.awards import Award, AwardSubject, Composition, Quota
from cppcc_model.rules.conditions import AllOf, AnyOf, Condition, HasRole, LacksRole, Not
from cppcc_model.rules.counting import AtMost, Counting, Each, FromNth, OncePerPeriod, Threshold
from cppcc_model.rules.extension import CustomTrigger, TriggerContext
from cppcc_model.rules.facts import AuthorRole, Fact, Source, Stage
from cppcc_model.rules.groups import (
    AllMet,
    AnyMet,
    AtLeast,
    Count,
    GroupCategory,
    GroupItem,
    GroupMeasure,
    GroupRequirement,
    GroupRules,
    MemberCount,
    MemberTotal,
    NotMet,
    QuartersCovered,
    Rate,
    RequirementShare,
    SubjectKind,
)
from cppcc_model.rules.groups import External as GroupExternal
from cppcc_model.rules.inputs import Amount, External
from cppcc_model.rules.items import Category, Dimension, Item, Pool
from cppcc_model.rules.outcomes import (
    Band,
    ConsecutiveYears,
    Consequence,
    Grades,
    Ladder,
    Requirement,
    ScoreBelow,
    Strength,
    TooFew,
    Trigger,
)
from cppcc_model.rules.quotas import QuotaBounds, RankGate
from cppcc_model.rules.readings import Reading, check_readings
from cppcc_model.rules.registry import (
    DuplicateRuleSetError,
    NoRuleSetInForceError,
    OverlappingRuleSetsError,
    RegistryError,
    RuleSetRegistry,
    UnknownJurisdictionError,
    UnknownRuleSetError,
)
from cppcc_model.rules.ruleset import RuleSet, Settings
from cppcc_model.rules.selection import Reached, Where
from cppcc_model.rules.values import (
    ByLevel,
    ByPosition,
    ByRole,
    ByStage,
    ByStatus,
    FullOrPartial,
    Function,
    PerUnit,
    Points,
    Sum,
    Value,
)

__all__ = [
    "AllMet",
    "AllOf",
    "AllOfRecords",
    "Amount",
    "AnyMet",
    "AnyOf",
    "AnyOfRecords",
    "AtLeast",
    "AtMost",
    "Attribution",
    "AuthorRole",
    "Award",
    "AwardSubject",
    "Band",
    "ByLevel",
    "ByPosition",
    "ByRole",
    "ByStage",
    "ByStatus",
    "Category",
    "CollectiveCredit",
    "Composition",
    "Condition",
    "ConsecutiveYears",
    "Consequence",
    "Count",
    "Counting",
    "CustomTrigger",
    "Dimension",
    "DuplicateRuleSetError",
    "Each",
    "EqualSplit",
    "Exclusion",
    "External",
    "Fact",
    "FirstOnly",
    "FirstShare",
    "FromNth",
    "FullOrPartial",
    "Function",
    "Grades",
    "GroupCategory",
    "GroupExternal",
    "GroupItem",
    "GroupMeasure",
    "GroupRequirement",
    "GroupRules",
    "HasRole",
    "Item",
    "LacksRole",
    "Ladder",
    "MemberCount",
    "MemberTotal",
    "NoRuleSetInForceError",
    "Not",
    "NotMet",
    "OncePerPeriod",
    "Order",
    "OverlappingRuleSetsError",
    "PerUnit",
    "Periods",
    "Points",
    "Pool",
    "QuartersCovered",
    "Quota",
    "QuotaBounds",
    "RankGate",
    "Rate",
    "Reached",
    "Reading",
    "RegistryError",
    "Requirement",
    "RequirementShare",
    "RoundingPolicy",
    "RuleSet",
    "RuleSetRegistry",
    "ScoreBelow",
    "Settings",
    "Source",
    "Stage",
    "Strength",
    "SubjectKind",
    "Sum",
    "Threshold",
    "TieBreak",
    "TooFew",
    "Trigger",
    "TriggerContext",
    "UnknownJurisdictionError",
    "UnknownRuleSetError",
    "Value",
    "Where",
    "WholeToEach",
    "check_readings",
    "exact",
    "format_fraction",
]
