"""The review pipeline of an award, and its public notice (公示名单).

The dataset's ``award_records`` table records each subject's steps through an award's review:
nominated (推荐) → reviewed (审核) → approved (审定), or not approved. :func:`review_award`
counts the subjects at each stage and lists the approved ones in 姓氏笔画 order;
:func:`publicity_rows` gives the 公示名单 as plain rows — 序号, 姓名, 界别, 工作单位及职务 (where
the roster has it) — for a report, a workbook or a web page to render.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from cppcc_model.assess.award_results import name_key
from cppcc_model.ledger import Ledger
from cppcc_model.model import AwardStage
from cppcc_model.names import StrokeOrder

__all__ = ["PUBLICITY_COLUMNS", "AwardReview", "publicity_rows", "review_award", "subject_name"]

PUBLICITY_COLUMNS = (
    ("number", "序号"),
    ("name", "姓名"),
    ("sector", "界别"),
    ("workplace", "工作单位及职务"),
)
"""The 公示名单's columns: (key of a row, Chinese header)."""


_FURTHEST = {
    AwardStage.NOMINATED: 0,
    AwardStage.REVIEWED: 1,
    AwardStage.NOT_APPROVED: 2,
    AwardStage.APPROVED: 3,
}


@attrs.frozen
class AwardReview:
    """How far each subject came in one award's review in one year.

    ``stages`` maps a subject id to the furthest stage it reached; ``counts`` how many reached
    each stage (a subject reviewed was also nominated); ``approved`` the approved subjects' ids
    in 姓氏笔画 order of their names; ``problems`` steps recorded out of order (approved with no
    nomination on record …).
    """

    award_id: str
    year: int
    stages: dict[str, AwardStage]
    counts: dict[str, int]
    approved: tuple[str, ...]
    problems: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain data."""
        return {
            "award": self.award_id,
            "year": self.year,
            "counts": dict(self.counts),
            "approved": list(self.approved),
            "stages": {k: v.value for k, v in sorted(self.stages.items())},
            "problems": list(self.problems),
        }


def subject_name(ledger: Ledger, subject_id: str) -> str:
    """The name a notice prints for ``subject_id``: a member's name, a record's title."""
    for member in ledger.members:
        if member.id == subject_id:
            return member.name
    for proposal in ledger.proposals:
        if proposal.id == subject_id:
            return proposal.subject
    for report in ledger.info_reports:
        if report.id == subject_id:
            return report.title
    for contribution in ledger.contributions:
        if contribution.id == subject_id:
            return contribution.title
    bodies = [(g.id, g.name) for g in ledger.activity_groups]
    bodies += [(c.id, c.name) for c in ledger.special_committees]
    bodies += [(s.id, s.name) for s in ledger.sectors]
    for body_id, name in bodies:
        if body_id == subject_id:
            return name
    for unit in ledger.units:
        if unit.id == subject_id:
            return unit.short_name
    return subject_id


def review_award(ledger: Ledger, award_id: str, year: int) -> AwardReview:
    """The review of ``award_id`` in ``year``, from the ledger's award records."""
    records = [r for r in ledger.award_records if r.award_id == award_id and r.year == year]
    reached: dict[str, set[AwardStage]] = {}
    for record in records:
        reached.setdefault(record.subject_id, set()).add(record.stage)
    stages: dict[str, AwardStage] = {}
    problems: list[str] = []
    for subject_id, steps in sorted(reached.items()):
        if AwardStage.APPROVED in steps and AwardStage.NOT_APPROVED in steps:
            problems.append(f"{subject_id}: recorded both approved and not approved")
        furthest = max(steps, key=_FURTHEST.__getitem__)
        stages[subject_id] = furthest
        if furthest is not AwardStage.NOMINATED and AwardStage.NOMINATED not in steps:
            problems.append(f"{subject_id}: {furthest.label} with no nomination (推荐) on record")
        if furthest is AwardStage.APPROVED and AwardStage.REVIEWED not in steps:
            problems.append(f"{subject_id}: approved (审定) with no review (审核) on record")
    order = StrokeOrder(unknown="last")
    approved = tuple(
        sorted(
            (s for s, stage in stages.items() if stage is AwardStage.APPROVED),
            key=lambda s: (name_key(subject_name(ledger, s), order), s),
        )
    )
    counts = {
        "nominated": len(stages),
        "reviewed": sum(1 for s in stages.values() if s.rank >= 1),
        "approved": len(approved),
        "not_approved": sum(1 for s in stages.values() if s is AwardStage.NOT_APPROVED),
    }
    return AwardReview(award_id, year, stages, counts, approved, tuple(problems))


def publicity_rows(ledger: Ledger, subject_ids: Iterable[str]) -> list[dict[str, Any]]:
    """The 公示名单 of ``subject_ids`` in 姓氏笔画 order: 序号, 姓名, 界别, 工作单位及职务.

    Each row is a dict keyed by :data:`PUBLICITY_COLUMNS`' keys. ``sector`` and ``workplace``
    are ``None`` for subjects that are not members, and ``workplace`` is ``None`` where the
    roster does not have it.
    """
    members = {m.id: m for m in ledger.members}
    sectors = {s.id: s.name for s in ledger.sectors}
    order = StrokeOrder(unknown="last")
    chosen = sorted(
        dict.fromkeys(subject_ids),
        key=lambda s: (name_key(subject_name(ledger, s), order), s),
    )
    rows = []
    for number, subject_id in enumerate(chosen, start=1):
        member = members.get(subject_id)
        rows.append(
            {
                "number": number,
                "name": subject_name(ledger, subject_id),
                "sector": None if member is None else sectors.get(member.sector_id),
                "workplace": None if member is None else member.workplace,
            }
        )
    return rows
