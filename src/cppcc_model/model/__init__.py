"""The domain model: every entity a district CPPCC records, as frozen attrs classes.

One module per family — :mod:`~cppcc_model.model.organizations`,
:mod:`~cppcc_model.model.people`, :mod:`~cppcc_model.model.periods`,
:mod:`~cppcc_model.model.activities`, :mod:`~cppcc_model.model.proposals`,
:mod:`~cppcc_model.model.reports`, :mod:`~cppcc_model.model.contributions`,
:mod:`~cppcc_model.model.inputs` and
:mod:`~cppcc_model.model.workplan` — all re-exported here.
"""

from cppcc_model.model.activities import (
    Activity,
    ActivityKind,
    Attendance,
    AttendanceStatus,
    ParticipationRole,
)
from cppcc_model.model.awards import AwardRecord, AwardStage
from cppcc_model.model.contributions import Contribution, ContributionKind
from cppcc_model.model.inputs import Input, InputSubject, period_text, value_text
from cppcc_model.model.office import (
    ClosedMeaning,
    FilingCount,
    MergeStage,
    OfficeCategory,
    OfficeLevel,
    ReplyBase,
    ReplyMeaning,
    ReplyScheme,
    SatisfactionBase,
    SatisfactionMeaning,
    SatisfactionScale,
)
from cppcc_model.model.organizations import (
    STANDARD_UNITS,
    ActivityGroup,
    BodyKind,
    BodyRef,
    Committee,
    GroupKind,
    Level,
    ParticipatingUnit,
    Sector,
    SpecialCommittee,
    UnitKind,
    standard_unit,
)
from cppcc_model.model.people import Gender, Member, RoleKind, RoleSpell
from cppcc_model.model.periods import Period, Session, SessionKind, Term, parse_date
from cppcc_model.model.proposals import (
    HandlingRole,
    HandlingUnit,
    Proposal,
    ProposalEvent,
    ProposalStep,
    ProposerKind,
    ReplyCategory,
    Satisfaction,
)
from cppcc_model.model.reports import InfoEvent, InfoReport, InfoStep
from cppcc_model.model.workplan import WorkCategory, WorkItem, WorkItemStatus, WorkPlan

__all__ = [
    "STANDARD_UNITS",
    "Activity",
    "ActivityGroup",
    "ActivityKind",
    "Attendance",
    "AttendanceStatus",
    "AwardRecord",
    "AwardStage",
    "BodyKind",
    "BodyRef",
    "ClosedMeaning",
    "Committee",
    "Contribution",
    "ContributionKind",
    "FilingCount",
    "Gender",
    "GroupKind",
    "HandlingRole",
    "HandlingUnit",
    "InfoEvent",
    "InfoReport",
    "InfoStep",
    "Input",
    "InputSubject",
    "Level",
    "Member",
    "MergeStage",
    "OfficeCategory",
    "OfficeLevel",
    "ParticipatingUnit",
    "ParticipationRole",
    "Period",
    "Proposal",
    "ProposalEvent",
    "ProposalStep",
    "ProposerKind",
    "ReplyBase",
    "ReplyCategory",
    "ReplyMeaning",
    "ReplyScheme",
    "RoleKind",
    "RoleSpell",
    "Satisfaction",
    "SatisfactionBase",
    "SatisfactionMeaning",
    "SatisfactionScale",
    "Sector",
    "Session",
    "SessionKind",
    "SpecialCommittee",
    "Term",
    "UnitKind",
    "WorkCategory",
    "WorkItem",
    "WorkItemStatus",
    "WorkPlan",
    "parse_date",
    "period_text",
    "standard_unit",
    "value_text",
]
