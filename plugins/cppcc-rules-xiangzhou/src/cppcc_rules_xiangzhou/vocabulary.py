"""襄州区政协 2022: the kinds of records the speech names, shared by every area of the rules."""

from __future__ import annotations

from cppcc_model.model import ActivityKind, AttendanceStatus, ContributionKind

ATTENDED = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.LATE,
    AttendanceStatus.LEFT_EARLY,
    AttendanceStatus.PARTIAL,
)

DUTY_ACTIVITIES: tuple[ActivityKind, ...] = (
    ActivityKind.RESEARCH,
    ActivityKind.INSPECTION,
    ActivityKind.DEMOCRATIC_SUPERVISION,
    ActivityKind.CONSULTATION,
    ActivityKind.TOPICAL_CONSULTATION,
    ActivityKind.COUNTERPART_CONSULTATION,
    ActivityKind.SECTOR_CONSULTATION,
    ActivityKind.PROPOSAL_HANDLING_CONSULTATION,
    ActivityKind.STANDING_COMMITTEE_MEETING,
    ActivityKind.SEMINAR,
    ActivityKind.STUDY,
    ActivityKind.TRAINING,
    ActivityKind.GROUP_ACTIVITY,
    ActivityKind.SPECIAL_COMMITTEE_ACTIVITY,
    ActivityKind.PARTY_BRANCH_ACTIVITY,
    ActivityKind.PUBLIC_SERVICE,
)
"""Activities other than the plenary that earn activity points."""

RESEARCH_OUTPUTS = (ContributionKind.RESEARCH_REPORT, ContributionKind.RECOMMENDATION)
HISTORY_OUTPUTS = (ContributionKind.CULTURAL_HISTORY, ContributionKind.FIRST_HAND_HISTORY)
