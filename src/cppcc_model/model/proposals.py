"""Proposals (提案): who proposed them and what happened to them.

A :class:`Proposal` holds its proposers and its dated history — a tuple of
:class:`ProposalEvent` in the order they happened. The rules of which step may follow which
live in :mod:`cppcc_model.proposals`; the record itself only insists that dates never go
backwards and that each event carries what its step needs.

Proposers come in three kinds (:class:`ProposerKind`):

* individual (个人): exactly one member;
* joint (联名): two or more members, in signing order — the first is the lead proposer;
* collective (集体): a body (a participating unit, an activity group, a special committee, a
  sector or the committee itself) with, optionally, its named main members (主要成员).
"""

from __future__ import annotations

import datetime as dt

import attrs

from cppcc_model.errors import InvalidValueError, Location
from cppcc_model.labels import LabeledEnum
from cppcc_model.model import _checks as check
from cppcc_model.model.organizations import BodyRef, Level, _to_optional_level

__all__ = [
    "HandlingRole",
    "HandlingUnit",
    "Proposal",
    "ProposalEvent",
    "ProposalStep",
    "ProposerKind",
    "ReplyCategory",
    "Satisfaction",
]


class ProposerKind(LabeledEnum, kind_label="提案者类别 (kind of proposer)"):
    """Who put a proposal forward."""

    INDIVIDUAL = ("individual", "个人提案", "个人", "委员个人")
    JOINT = ("joint", "联名提案", "联名", "委员联名")
    COLLECTIVE = ("collective", "集体提案", "集体", "党派团体", "界别提案")


class ProposalStep(LabeledEnum, kind_label="提案环节 (proposal step)"):
    """One step in a proposal's life (提、立、交、办、督 and the designations along the way)."""

    SUBMITTED = ("submitted", "提交", "提出")
    RETURNED = ("returned", "退回修改", "退回")
    WITHDRAWN = ("withdrawn", "撤回", "撤案")
    FILED = ("filed", "立案")
    MERGED = ("merged", "并案", "并案处理")
    NOT_FILED = ("not_filed", "不予立案", "不立案")
    TRANSFERRED_UP = ("transferred_up", "转上级政协", "转上级", "转报上级")
    ASSIGNED = ("assigned", "交办")
    REASSIGNMENT_REQUESTED = ("reassignment_requested", "申请调整", "退回调整")
    REASSIGNED = ("reassigned", "重新交办", "调整交办")
    IN_PROGRESS = ("in_progress", "办理中", "承办")
    EXTENDED = ("extended", "延期办理", "延期")
    REPLIED = ("replied", "答复", "办复")
    FEEDBACK = ("feedback", "反馈", "委员反馈", "征询意见")
    REHANDLING = ("rehandling", "重新办理", "二次办理")
    CLOSED = ("closed", "办结")
    TRACKED = ("tracked", "跟踪落实", "跟踪")
    KEY_DESIGNATED = ("key_designated", "确定为重点提案", "重点提案", "重点")
    SUPERVISED = ("supervised", "督办", "重点督办")
    EXCELLENT = ("excellent", "评为优秀提案", "优秀提案", "优秀")
    ADOPTED = ("adopted", "采用", "采纳", "被采用", "被采纳")
    INSTRUCTED = ("instructed", "领导批示", "批示")


class HandlingRole(LabeledEnum, kind_label="承办方式 (handling role)"):
    """A handling unit's part in a proposal (承办方式)."""

    SOLE = ("sole", "单独办理", "单办")
    LEAD = ("lead", "主办")
    CO = ("co", "会办", "协办")
    SPLIT = ("split", "分办")


def _to_handling_role(value: HandlingRole | str) -> HandlingRole:
    return HandlingRole.parse(value)


def _to_proposal_step(value: ProposalStep | str) -> ProposalStep:
    return ProposalStep.parse(value)


def _to_optional_vocabulary_text(value: LabeledEnum | str | None) -> str | None:
    """A reply category or satisfaction level as written: an enumeration gives its id."""
    if value is None:
        return None
    if isinstance(value, LabeledEnum):
        return value.value
    if not isinstance(value, str) or not value.strip():
        raise InvalidValueError(
            f"expected a label as text, got {value!r}", hint="write the label as the office does"
        )
    return value.strip()


def _to_proposer_kind(value: ProposerKind | str) -> ProposerKind:
    return ProposerKind.parse(value)


@attrs.frozen
class HandlingUnit:
    """A government or party body a proposal is assigned to (承办单位), and its part."""

    name: str = attrs.field(validator=check.text)
    role: HandlingRole = attrs.field(default=HandlingRole.SOLE, converter=_to_handling_role)


class ReplyCategory(LabeledEnum, kind_label="答复类别 (reply category)"):
    """The default scheme's reply categories (答复类别).

    An office may state its own (:class:`~cppcc_model.model.office.ReplyScheme`).
    """

    A = ("a", "A类", "已解决", "已采纳", "解决采纳")
    B = ("b", "B类", "正在解决", "列入计划", "计划解决")
    C = ("c", "C类", "留作参考", "参考")


class Satisfaction(LabeledEnum, kind_label="满意度 (satisfaction)"):
    """A proposer's verdict on the reply (满意度)."""

    SATISFIED = ("satisfied", "满意")
    BASICALLY_SATISFIED = ("basically_satisfied", "基本满意")
    DISSATISFIED = ("dissatisfied", "不满意")


def _units(value: object) -> tuple[HandlingUnit, ...]:
    return tuple(check.to_tuple(value))  # type: ignore[arg-type]


@attrs.frozen
class ProposalEvent:
    """One dated step of a proposal's history, with what that step records.

    Which fields a step uses:

    * ``FILED`` — ``case_number``;
    * ``MERGED`` — ``parent_id``, the filed proposal it was merged into;
    * ``NOT_FILED`` / ``RETURNED`` / ``WITHDRAWN`` — ``reason``; ``NOT_FILED`` may name what it
      became in ``converted_to`` (a 社情民意 item id, or ``"意见建议"``);
    * ``ASSIGNED`` / ``REASSIGNED`` — ``units``;
    * ``REPLIED`` — ``reply``, a reply category of the committee's scheme (A/B/C by default),
      kept as written and read against the scheme by the lifecycle;
    * ``FEEDBACK`` — ``satisfaction``, a level of the committee's scale (满意 / 基本满意 /
      不满意 by default), kept as written, and ``face_to_face``;
    * ``KEY_DESIGNATED`` / ``SUPERVISED`` / ``INSTRUCTED`` — ``leader``;
    * ``EXCELLENT`` / ``ADOPTED`` / ``INSTRUCTED`` / ``TRANSFERRED_UP`` — ``level``.
    """

    step: ProposalStep = attrs.field(converter=_to_proposal_step)
    on: dt.date = attrs.field(validator=check.date)
    case_number: str | None = attrs.field(default=None, validator=check.optional_text)
    parent_id: str | None = attrs.field(default=None, validator=check.optional_identifier)
    reason: str | None = attrs.field(default=None, validator=check.optional_text)
    converted_to: str | None = attrs.field(default=None, validator=check.optional_text)
    units: tuple[HandlingUnit, ...] = attrs.field(default=(), converter=_units)
    reply: str | None = attrs.field(default=None, converter=_to_optional_vocabulary_text)
    satisfaction: str | None = attrs.field(default=None, converter=_to_optional_vocabulary_text)
    face_to_face: bool | None = attrs.field(default=None)
    leader: str | None = attrs.field(default=None, validator=check.optional_text)
    level: Level | None = attrs.field(default=None, converter=_to_optional_level)
    note: str | None = attrs.field(default=None, validator=check.optional_text)

    def __attrs_post_init__(self) -> None:
        needs = {
            ProposalStep.MERGED: ("parent_id", self.parent_id),
            ProposalStep.REPLIED: ("reply", self.reply),
            ProposalStep.FEEDBACK: ("satisfaction", self.satisfaction),
        }
        if self.step in needs:
            field_name, value = needs[self.step]
            if value is None:
                raise InvalidValueError(
                    f"a {self.step.label} ({self.step.value}) step on {self.on} needs {field_name}",
                    hint=f"fill in {field_name} for this step",
                )
        if self.step in (ProposalStep.ASSIGNED, ProposalStep.REASSIGNED) and not self.units:
            raise InvalidValueError(
                f"a {self.step.label} ({self.step.value}) step on {self.on} names no handling unit",
                hint="list the handling units (承办单位) it was assigned to",
            )
        if self.face_to_face is not None and not isinstance(self.face_to_face, bool):
            raise InvalidValueError(
                f"face_to_face must be true or false, got {self.face_to_face!r}",
                hint="write true or false",
            )


def _events(value: object) -> tuple[ProposalEvent, ...]:
    return tuple(check.to_tuple(value))  # type: ignore[arg-type]


@attrs.frozen
class Proposal:
    """A proposal (提案) with its proposers and its history.

    ``member_ids`` are the proposers in signing order (the first is the lead proposer); for a
    collective proposal they are the body's named main members and may be empty. ``body`` is
    the collective author. ``session_id`` is the plenary it was submitted to (``"5-4"``), or
    ``None`` for one submitted between sessions (平时提案).
    """

    id: str = attrs.field(validator=check.identifier)
    subject: str = attrs.field(validator=check.text)
    submitted_on: dt.date = attrs.field(validator=check.date)
    proposer_kind: ProposerKind = attrs.field(converter=_to_proposer_kind)
    member_ids: tuple[str, ...] = attrs.field(
        default=(), converter=check.to_tuple, validator=check.identifiers
    )
    body: BodyRef | None = attrs.field(default=None)
    session_id: str | None = attrs.field(default=None, validator=check.optional_identifier)
    topic: str | None = attrs.field(default=None, validator=check.optional_text)
    history: tuple[ProposalEvent, ...] = attrs.field(default=(), converter=_events)

    def __attrs_post_init__(self) -> None:
        where = Location(record_id=self.id)
        kind = self.proposer_kind
        if kind is ProposerKind.INDIVIDUAL and (len(self.member_ids) != 1 or self.body):
            raise InvalidValueError(
                f"an individual proposal has exactly one proposer and no body; "
                f"this one has {len(self.member_ids)} proposer(s)"
                + (" and a body" if self.body else ""),
                where=where,
                hint="mark it as joint (联名) or collective (集体), or fix the proposers",
            )
        if kind is ProposerKind.JOINT and (len(self.member_ids) < 2 or self.body):
            raise InvalidValueError(
                f"a joint proposal has at least two proposers and no body; "
                f"this one has {len(self.member_ids)}",
                where=where,
                hint="mark a single proposer's proposal as individual (个人)",
            )
        if kind is ProposerKind.COLLECTIVE and self.body is None:
            raise InvalidValueError(
                "a collective proposal needs the body that put it forward",
                where=where,
                hint="name the unit, group, committee or sector in 'body'",
            )
        previous: ProposalEvent | None = None
        for event in self.history:
            if not isinstance(event, ProposalEvent):
                raise InvalidValueError(
                    f"history entry {event!r} is not a proposal event",
                    where=where,
                    hint="give each history entry as ProposalEvent(step, on, …)",
                )
            if event.on < self.submitted_on:
                raise InvalidValueError(
                    f"{event.step.label} on {event.on} is before the proposal was submitted "
                    f"on {self.submitted_on}",
                    where=where,
                    hint="dates in a proposal's history cannot go backwards",
                )
            if previous is not None and event.on < previous.on:
                raise InvalidValueError(
                    f"{event.step.label} on {event.on} comes after {previous.step.label} "
                    f"on {previous.on} in the history but is dated earlier",
                    where=where,
                    hint="dates in a proposal's history cannot go backwards",
                )
            previous = event

    @property
    def lead_member_id(self) -> str | None:
        """The first proposer (领衔), or ``None`` for a collective proposal without main members."""
        return self.member_ids[0] if self.member_ids else None

    def events(self, step: ProposalStep) -> tuple[ProposalEvent, ...]:
        """Every event of ``step``, in order."""
        return tuple(event for event in self.history if event.step is step)

    def has(self, step: ProposalStep, by: dt.date | None = None) -> bool:
        """Whether the history has ``step`` (on or before ``by``, if given)."""
        return any(event.step is step and (by is None or event.on <= by) for event in self.history)

    def history_until(self, day: dt.date) -> tuple[ProposalEvent, ...]:
        """The events dated on or before ``day``."""
        return tuple(event for event in self.history if event.on <= day)
