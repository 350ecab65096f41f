"""Shandong's absence triggers, built from the core blocks (used only by the core's tests).

政协山东省委员会关于委员履行职责的有关规定, as reported by Xinhua (adopted on 27 March by the
provincial standing committee; the year is not stated — the mirror's path suggests 2013 or
earlier). Source: https://nlaw.org/a/dishisifa/2014/0105/73334.html. The report gives no points,
only three triggers with one consequence, 劝辞 (persuaded to resign):

1. 常委一年内缺席常委会议3次 — a standing member absent from standing-committee meetings 3
   times in one year: resign the standing-member post;
2. 常委届内累计缺席常委会议7次 — 7 times in the term in all: the same;
3. 委员届内累计缺席全体会议3次 — a member absent from plenary sessions 3 times in the term:
   resign as member.

The report says 缺席 (absent), not 无故缺席 (absent without leave): whether approved leave
counts is a setting. The yearly trigger counts over the assessment period, so the rule set is
assessed one calendar year (or year-to-date) at a time; the term triggers count from the start
of the term covering the period to its end. One plenary session is one plenary activity.
"""

from __future__ import annotations

import datetime as dt

from cppcc_model.model import ActivityKind, AttendanceStatus
from cppcc_model.rules import HasRole, RuleSet, Trigger, Where

JURISDICTION = "shandong"
ADOPTED = dt.date(2013, 3, 27)  # 27 March; the year is uncertain (2013 or earlier)


def build_rule_set(*, count_excused: bool = False) -> RuleSet:
    """The three triggers; ``count_excused`` counts approved leave (请假) as an absence too.

    The default (``False``) counts only absence without leave, the reading the library's own
    labels give 缺席; ``True`` reads 缺席 literally as any absence.
    """
    absent = [AttendanceStatus.UNEXCUSED]
    if count_excused:
        absent.append(AttendanceStatus.EXCUSED)
    standing_absences = Where(
        "attendance", kinds=[ActivityKind.STANDING_COMMITTEE_MEETING], statuses=absent
    )
    plenary_absences = Where("attendance", kinds=[ActivityKind.PLENARY], statuses=absent)
    standing = HasRole("standing_member")
    return RuleSet(
        jurisdiction=JURISDICTION,
        name="shandong-duties",
        title="政协山东省委员会关于委员履行职责的有关规定",
        effective_from=ADOPTED,
        categories=[],
        triggers=[
            Trigger(
                "standing.year",
                "常委一年内缺席常委会议3次，劝其辞去常委职务",
                [standing_absences],
                at_least=3,
                consequence="resign",
                window="period",
                clause="(1)",
                applies_to=standing,
            ),
            Trigger(
                "standing.term",
                "常委届内累计缺席常委会议7次，劝其辞去常委职务",
                [standing_absences],
                at_least=7,
                consequence="resign",
                window="term",
                clause="(2)",
                applies_to=standing,
            ),
            Trigger(
                "member.plenary",
                "委员届内累计缺席全体会议3次，劝其辞去委员",
                [plenary_absences],
                at_least=3,
                consequence="resign",
                window="term",
                clause="(3)",
            ),
        ],
        source="https://nlaw.org/a/dishisifa/2014/0105/73334.html",
        options={"count_excused": count_excused},
        factory=build_rule_set,
    )
