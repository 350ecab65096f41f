"""Social-condition information (社情民意信息) and where it went.

An :class:`InfoReport` is written by one or more members (in order; the first is the lead
author) or by a body, and has a dated history of :class:`InfoEvent`: screened, returned,
issued (编发, alone or combined with others into one issue), forwarded (转报) to a level,
adopted (采用) at a level, and leader instructions (批示) by level.
"""

from __future__ import annotations

import datetime as dt

import attrs

from cppcc_model.errors import InvalidValueError, Location
from cppcc_model.labels import LabeledEnum
from cppcc_model.model import _checks as check
from cppcc_model.model.organizations import BodyRef, Level, _to_optional_level

__all__ = ["InfoEvent", "InfoReport", "InfoStep"]


class InfoStep(LabeledEnum, kind_label="信息环节 (information step)"):
    """One step of a 社情民意 item's life."""

    SUBMITTED = ("submitted", "报送", "提交")
    SCREENED = ("screened", "筛选", "初审")
    RETURNED = ("returned", "退回")
    ISSUED = ("issued", "编发", "刊发")
    FORWARDED = ("forwarded", "转报", "上报")
    ADOPTED = ("adopted", "采用", "采纳")
    INSTRUCTED = ("instructed", "批示", "领导批示")


_NEEDS_LEVEL = (InfoStep.FORWARDED, InfoStep.ADOPTED, InfoStep.INSTRUCTED)


def _to_info_step(value: InfoStep | str) -> InfoStep:
    return InfoStep.parse(value)


@attrs.frozen
class InfoEvent:
    """One dated step of a 社情民意 item.

    ``level`` is required for forwarded, adopted and instructed (the level that forwarded to,
    adopted or instructed: county, city, province, national). ``combined_with`` lists the other
    items an issued item was combined with into one issue; ``issue`` is the issue's number.
    """

    step: InfoStep = attrs.field(converter=_to_info_step)
    on: dt.date = attrs.field(validator=check.date)
    level: Level | None = attrs.field(default=None, converter=_to_optional_level)
    leader: str | None = attrs.field(default=None, validator=check.optional_text)
    issue: str | None = attrs.field(default=None, validator=check.optional_text)
    combined_with: tuple[str, ...] = attrs.field(
        default=(), converter=check.to_tuple, validator=check.identifiers
    )
    note: str | None = attrs.field(default=None, validator=check.optional_text)

    def __attrs_post_init__(self) -> None:
        if self.step in _NEEDS_LEVEL and self.level is None:
            raise InvalidValueError(
                f"a {self.step.label} ({self.step.value}) step on {self.on} needs a level",
                hint="say at which level: 区县, 市, 省 or 全国",
            )


def _events(value: object) -> tuple[InfoEvent, ...]:
    return tuple(check.to_tuple(value))  # type: ignore[arg-type]


@attrs.frozen
class InfoReport:
    """A 社情民意 item with its authors and its history.

    ``activity_id`` names the activity it came from (a 视察, 调研 or 协商 whose findings it
    reports), when the office records it.
    """

    id: str = attrs.field(validator=check.identifier)
    title: str = attrs.field(validator=check.text)
    submitted_on: dt.date = attrs.field(validator=check.date)
    author_ids: tuple[str, ...] = attrs.field(
        default=(), converter=check.to_tuple, validator=check.identifiers
    )
    body: BodyRef | None = attrs.field(default=None)
    history: tuple[InfoEvent, ...] = attrs.field(default=(), converter=_events)
    activity_id: str | None = attrs.field(default=None, validator=check.optional_identifier)

    def __attrs_post_init__(self) -> None:
        where = Location(record_id=self.id)
        if not self.author_ids and self.body is None:
            raise InvalidValueError(
                "a 社情民意 item needs at least one author or an authoring body",
                where=where,
                hint="fill in author_ids or body",
            )
        previous: InfoEvent | None = None
        for event in self.history:
            if not isinstance(event, InfoEvent):
                raise InvalidValueError(
                    f"history entry {event!r} is not an event",
                    where=where,
                    hint="give each history entry as InfoEvent(step, on, …)",
                )
            if event.on < self.submitted_on or (previous is not None and event.on < previous.on):
                raise InvalidValueError(
                    f"{event.step.label} on {event.on} is dated before an earlier step",
                    where=where,
                    hint="dates in an item's history cannot go backwards",
                )
            previous = event

    def events(self, step: InfoStep) -> tuple[InfoEvent, ...]:
        """Every event of ``step``, in order."""
        return tuple(event for event in self.history if event.step is step)

    def highest_level(self, step: InfoStep, by: dt.date | None = None) -> Level | None:
        """The highest level at which ``step`` happened (on or before ``by``), if it did."""
        levels = [
            event.level
            for event in self.history
            if event.step is step and event.level is not None and (by is None or event.on <= by)
        ]
        return max(levels, key=lambda level: level.rank) if levels else None
