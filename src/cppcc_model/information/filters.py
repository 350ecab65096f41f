"""Which 社情民意 items a statistic covers: by author, group, unit, sector, source or title.

An :class:`InfoFilter` keeps the items that pass every condition it states (an empty filter
keeps them all). A condition on people (``member_id``, ``group_id``, ``unit_id``,
``sector_id``) keeps an item when any of its authors — or its authoring body — fits, the way
grouping by them counts it (:mod:`cppcc_model.proposals.grouping`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from cppcc_model.model.people import Member
from cppcc_model.model.reports import InfoReport
from cppcc_model.proposals.grouping import Grouping, people_keys

__all__ = ["InfoFilter", "select_info"]


@attrs.frozen
class InfoFilter:
    """Conditions an item must meet; ``None`` means any."""

    member_id: str | None = None
    group_id: str | None = None
    unit_id: str | None = None
    sector_id: str | None = None
    activity_id: str | None = None
    match: str | None = None

    def matches(self, report: InfoReport, roster: Mapping[str, Member]) -> bool:
        """Whether ``report`` meets every condition."""
        if self.activity_id is not None and report.activity_id != self.activity_id:
            return False
        if self.match is not None and self.match not in report.title:
            return False
        for wanted, grouping in (
            (self.member_id, Grouping.PROPOSER),
            (self.group_id, Grouping.ACTIVITY_GROUP),
            (self.unit_id, Grouping.UNIT),
            (self.sector_id, Grouping.SECTOR),
        ):
            if wanted is None:
                continue
            keys = people_keys(grouping, report.author_ids, report.body, roster)
            bodies = {key.split(":", 1)[-1] for key in keys}
            if wanted not in keys and wanted not in bodies:
                return False
        return True


def select_info(
    reports: Iterable[InfoReport], selection: InfoFilter, roster: Mapping[str, Member]
) -> tuple[InfoReport, ...]:
    """The items of ``reports`` that ``selection`` keeps, in the order given."""
    return tuple(report for report in reports if selection.matches(report, roster))
