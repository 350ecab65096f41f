"""The review of an award as records (表彰评审): nominated → reviewed → approved.

An office records each step of an award's review: who was nominated (民主推荐, 委室推荐),
who passed the review (审核, 集中评审) and whom the chairpersons' or standing committee meeting
approved (主席会议审定). One :class:`AwardRecord` is one subject reaching one stage of one
award in one year; the dataset's ``award_records`` table holds them.
"""

from __future__ import annotations

import datetime as dt

import attrs

from cppcc_model.labels import LabeledEnum
from cppcc_model.model import _checks as check

__all__ = ["AwardRecord", "AwardStage"]


class AwardStage(LabeledEnum, kind_label="评审环节 (award review stage)"):
    """The stages of an award's review, in order."""

    NOMINATED = ("nominated", "推荐", "提名", "民主推荐", "申报")
    REVIEWED = ("reviewed", "审核", "评审", "初审", "集中评审")
    APPROVED = ("approved", "审定", "批准", "通过", "表彰")
    NOT_APPROVED = ("not_approved", "未通过", "不予表彰")

    @property
    def rank(self) -> int:
        """0 for nominated, 1 reviewed, 2 approved; ``not_approved`` is 1 (it was reviewed)."""
        return {"nominated": 0, "reviewed": 1, "approved": 2, "not_approved": 1}[self.value]


def _to_stage(value: AwardStage | str) -> AwardStage:
    return AwardStage.parse(value)


@attrs.frozen
class AwardRecord:
    """One subject reaching one stage of one award's review in one year.

    ``award_id`` is the award's id in the rule set; ``subject_id`` the member, record or body
    it is about; ``by`` who decided (``"主席会议"``); ``on`` when.
    """

    id: str = attrs.field(validator=check.identifier)
    award_id: str = attrs.field(validator=check.identifier)
    subject_id: str = attrs.field(validator=check.identifier)
    year: int = attrs.field(validator=check.positive_int)
    stage: AwardStage = attrs.field(converter=_to_stage)
    on: dt.date | None = attrs.field(default=None, validator=check.optional_date)
    by: str | None = attrs.field(default=None, validator=check.optional_text)
    note: str | None = attrs.field(default=None, validator=check.optional_text)
