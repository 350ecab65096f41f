"""The annual work plan (年度工作要点) and its main work items.

Seed 002 (成华区) lists 33 main work items in 5 categories, each with its lead bodies
(牵头单位). A :class:`WorkPlan` holds them; :class:`WorkItem.status` lets a progress report
say how far each has come.
"""

from __future__ import annotations

from collections import Counter

import attrs

from cppcc_model.errors import InvalidValueError, Location
from cppcc_model.labels import LabeledEnum
from cppcc_model.model import _checks as check

__all__ = ["WorkCategory", "WorkItem", "WorkItemStatus", "WorkPlan"]


class WorkCategory(LabeledEnum, kind_label="工作类别 (work category)"):
    """The categories of a work plan's main items."""

    KEY_CONSULTATION = ("key_consultation", "重点协商")
    KEY_RESEARCH = ("key_research", "重点调研")
    COUNTERPART_CONSULTATION = ("counterpart_consultation", "对口协商")
    SECTOR_CONSULTATION = ("sector_consultation", "界别协商")
    KEY_MEETING = ("key_meeting", "重要会议活动", "重要会议")
    DEMOCRATIC_SUPERVISION = ("democratic_supervision", "民主监督")
    OTHER = ("other", "其他工作")


class WorkItemStatus(LabeledEnum, kind_label="完成情况 (progress)"):
    """How far a work item has come."""

    PLANNED = ("planned", "计划", "未开始")
    IN_PROGRESS = ("in_progress", "进行中", "推进中")
    DONE = ("done", "已完成", "完成")
    CANCELLED = ("cancelled", "取消", "已取消")


def _to_work_category(value: WorkCategory | str) -> WorkCategory:
    return WorkCategory.parse(value)


def _to_work_item_status(value: WorkItemStatus | str) -> WorkItemStatus:
    return WorkItemStatus.parse(value)


@attrs.frozen
class WorkItem:
    """One numbered item of a work plan, with its category and lead bodies (牵头单位)."""

    number: int = attrs.field(validator=check.positive_int)
    category: WorkCategory = attrs.field(converter=_to_work_category)
    title: str = attrs.field(validator=check.text)
    lead_bodies: tuple[str, ...] = attrs.field(default=(), converter=check.to_tuple)
    status: WorkItemStatus = attrs.field(
        default=WorkItemStatus.PLANNED, converter=_to_work_item_status
    )

    @lead_bodies.validator
    def _check_lead_bodies(
        self, attribute: attrs.Attribute[object], value: tuple[object, ...]
    ) -> None:
        for body in value:
            check.text(self, attribute, body)


def _items(value: object) -> tuple[WorkItem, ...]:
    return tuple(check.to_tuple(value))  # type: ignore[arg-type]


@attrs.frozen
class WorkPlan:
    """A committee's work plan for one year."""

    id: str = attrs.field(validator=check.identifier)
    year: int = attrs.field(validator=check.positive_int)
    title: str = attrs.field(validator=check.text)
    items: tuple[WorkItem, ...] = attrs.field(default=(), converter=_items)

    def __attrs_post_init__(self) -> None:
        numbers = Counter(item.number for item in self.items)
        repeated = sorted(number for number, count in numbers.items() if count > 1)
        if repeated:
            raise InvalidValueError(
                f"item number(s) {repeated} appear more than once",
                where=Location(record_id=self.id),
                hint="number each work item once",
            )

    def by_category(self) -> dict[WorkCategory, tuple[WorkItem, ...]]:
        """The items of each category, in item-number order (categories in declaration order)."""
        ordered = sorted(self.items, key=lambda item: item.number)
        return {
            category: tuple(item for item in ordered if item.category is category)
            for category in WorkCategory
            if any(item.category is category for item in ordered)
        }

    def lead_body_counts(self) -> Counter[str]:
        """How many items each lead body leads."""
        return Counter(body for item in self.items for body in item.lead_bodies)
