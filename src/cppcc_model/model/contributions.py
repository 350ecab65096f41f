"""Other contributions members make, as the source documents name them.

Research reports and recommendations (调研报告, 建议案), cultural-history material (文史资料,
三亲史料, with its length in characters), plenary and written speeches, duty reports (述职),
practical deeds for the public (为民办实事), constituent contact (联系群众), publicity
articles, and commendations received. A :class:`Contribution` records one of them.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import attrs

from cppcc_model.errors import InvalidValueError, Location
from cppcc_model.labels import LabeledEnum
from cppcc_model.model import _checks as check
from cppcc_model.model.organizations import BodyRef, Level, _to_optional_level
from cppcc_model.numbers import exact

__all__ = ["Contribution", "ContributionKind"]


class ContributionKind(LabeledEnum, kind_label="履职成果类别 (kind of contribution)"):
    """What kind of contribution a member made."""

    RESEARCH_REPORT = ("research_report", "调研报告", "调研成果")
    RECOMMENDATION = ("recommendation", "建议案", "咨政建议", "咨询报告")
    CULTURAL_HISTORY = ("cultural_history", "文史资料", "文史")
    FIRST_HAND_HISTORY = ("first_hand_history", "三亲史料")
    PLENARY_SPEECH = ("plenary_speech", "大会发言", "口头发言")
    WRITTEN_SPEECH = ("written_speech", "书面发言")
    MEETING_SPEECH = ("meeting_speech", "会议发言", "协商发言")
    DUTY_REPORT = ("duty_report", "述职", "履职报告")
    PUBLIC_SERVICE = ("public_service", "为民办实事", "办实事", "公益")
    CONSTITUENT_CONTACT = ("constituent_contact", "联系群众", "联系户", "走访")
    PUBLICITY_ARTICLE = ("publicity_article", "宣传文章", "宣传报道", "信息宣传")
    SUPERVISION_OPINION = ("supervision_opinion", "监督意见", "民主监督意见")
    COMMENDATION = ("commendation", "表彰", "获奖", "荣誉")
    OTHER = ("other", "其他")


def _to_contribution_kind(value: ContributionKind | str) -> ContributionKind:
    return ContributionKind.parse(value)


def _optional_amount(value: object) -> Fraction | None:
    if value is None:
        return None
    if isinstance(value, float):
        raise InvalidValueError(
            f"Contribution.amount must be exact, got the float {value!r}",
            hint=f'write it as text: "{value}"',
        )
    return exact(value, what="Contribution.amount")


@attrs.frozen
class Contribution:
    """One contribution, by one or more members in order, or by a body.

    ``level`` is the level at which it was adopted, published or commended (where that matters
    to a rule); ``length_chars`` the length of written material in characters (文史资料 are
    often counted by length); ``amount`` an exact figure a rule may value (money raised,
    hours served, households helped), read by :class:`~cppcc_model.rules.Amount`.
    ``reported_on`` is the day it was reported (报送/登记), where that differs from ``on``, the
    day it happened; the rule set's ``Settings(dating=…)`` says which one places it in a period.
    """

    id: str = attrs.field(validator=check.identifier)
    kind: ContributionKind = attrs.field(converter=_to_contribution_kind)
    title: str = attrs.field(validator=check.text)
    on: dt.date = attrs.field(validator=check.date)
    author_ids: tuple[str, ...] = attrs.field(
        default=(), converter=check.to_tuple, validator=check.identifiers
    )
    body: BodyRef | None = attrs.field(default=None)
    level: Level | None = attrs.field(default=None, converter=_to_optional_level)
    length_chars: int | None = attrs.field(default=None, validator=check.optional_positive_int)
    note: str | None = attrs.field(default=None, validator=check.optional_text)
    amount: Fraction | None = attrs.field(default=None, converter=_optional_amount)
    reported_on: dt.date | None = attrs.field(default=None, validator=check.optional_date)

    def __attrs_post_init__(self) -> None:
        if not self.author_ids and self.body is None:
            raise InvalidValueError(
                "a contribution needs at least one author or an authoring body",
                where=Location(record_id=self.id),
                hint="fill in author_ids or body",
            )
