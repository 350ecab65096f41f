"""How records are grouped for statistics: by session, group, committee, unit, sector, person.

A record counts **once in each group it belongs to**. A proposal belongs to the groups of its
proposers (the collective author included), so a joint proposal by members of two activity
groups counts in both, and the figures of all groups can add up to more than the committee's
total. With :attr:`Attribution.LEAD` only the lead proposer (or, without one, the collective
author) decides, and every record is in exactly one group.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from cppcc_model.labels import LabeledEnum
from cppcc_model.ledger import Ledger
from cppcc_model.model.organizations import BodyKind, BodyRef, Level, body_kind_named
from cppcc_model.model.people import Member
from cppcc_model.model.proposals import ProposerKind

__all__ = [
    "BETWEEN_SESSIONS",
    "NOT_RECORDED",
    "Attribution",
    "Grouping",
    "body_key",
    "group_names",
    "people_keys",
]

BETWEEN_SESSIONS = "between_sessions"
"""The session key of records submitted between plenary sessions (平时)."""

NOT_RECORDED = "not_recorded"
"""The key of records that do not record the attribute grouped by (no topic, no level …)."""


class Grouping(LabeledEnum, kind_label="统计口径 (grouping)"):
    """What statistics are grouped by."""

    SESSION = ("session", "届次会议", "会次")
    ACTIVITY_GROUP = ("activity_group", "委员活动组", "活动组")
    SPECIAL_COMMITTEE = ("special_committee", "专门委员会", "专委会")
    UNIT = ("unit", "参加单位", "党派团体")
    SECTOR = ("sector", "界别")
    PROPOSER = ("proposer", "提案者", "作者", "author")
    HANDLING_UNIT = ("handling_unit", "承办单位")
    TOPIC = ("topic", "类别", "提案类别", "主题")
    PROPOSER_KIND = ("proposer_kind", "提案者类别", "提案类型")
    LEVEL = ("level", "级别", "采用级别")
    SOURCE_ACTIVITY = ("source_activity", "来源活动")

    @property
    def body_kind(self) -> BodyKind | None:
        """This grouping as a :class:`BodyKind`, or ``None`` when it groups by no body."""
        return body_kind_named(self.value)


class Attribution(LabeledEnum, kind_label="归属方式 (attribution)"):
    """Whose groups a jointly written record counts in."""

    ALL = ("all", "全部提出者", "all_authors")
    LEAD = ("lead", "第一提出者", "lead_author")


def body_key(body: BodyRef) -> str:
    """The key of a collective author in the proposer/author grouping (``"unit:cpwdp"``)."""
    return f"{body.kind.value}:{body.id}"


def _member_keys(member: Member, grouping: Grouping) -> tuple[str, ...]:
    kind = grouping.body_kind
    return (member.id,) if kind is None else member.body_ids(kind)


def people_keys(
    grouping: Grouping,
    member_ids: Iterable[str],
    body: BodyRef | None,
    roster: Mapping[str, Member],
    attribution: Attribution = Attribution.ALL,
) -> frozenset[str]:
    """The groups of a record written by ``member_ids`` and/or ``body``.

    Members missing from ``roster`` count under the proposer grouping only.
    """
    people = tuple(member_ids)
    if attribution is Attribution.LEAD:
        people = people[:1]
        if people:
            body = None
    keys: set[str] = set()
    for member_id in people:
        if grouping is Grouping.PROPOSER:
            keys.add(member_id)
            continue
        member = roster.get(member_id)
        if member is not None:
            keys.update(_member_keys(member, grouping))
    if body is not None:
        if grouping is Grouping.PROPOSER:
            keys.add(body_key(body))
        elif grouping.body_kind is body.kind:
            keys.add(body.id)
    return frozenset(keys)


_MEMBER_BODIES = (
    BodyKind.ACTIVITY_GROUP,
    BodyKind.SPECIAL_COMMITTEE,
    BodyKind.UNIT,
    BodyKind.SECTOR,
)


def group_names(ledger: Ledger, grouping: Grouping) -> dict[str, str]:
    """The name to show for each key of ``grouping``: what a report heads each group's column.

    Sessions by their labels (and 平时 for :data:`BETWEEN_SESSIONS`), bodies by their names
    (a unit by its short name), proposer kinds and levels by their Chinese labels, source
    activities by their titles, proposers by the member's name or, for a collective author, the
    body's (keyed ``"unit:cpwdp"`` as :func:`body_key` does); records that do not record the
    attribute are 未记录 (未分类 for topics). A key missing from the result is shown as itself.
    """
    names: dict[str, str] = {BETWEEN_SESSIONS: "平时 (between sessions)"}
    names.update({s.id: s.label for s in ledger.sessions})
    if grouping is Grouping.SESSION:
        return names
    if grouping is Grouping.PROPOSER_KIND:
        return {kind.value: kind.label for kind in ProposerKind}
    if grouping is Grouping.LEVEL:
        return {NOT_RECORDED: "未记录", **{level.value: level.label for level in Level}}
    if grouping is Grouping.SOURCE_ACTIVITY:
        return {NOT_RECORDED: "未记录", **{a.id: a.title for a in ledger.activities}}
    if grouping is Grouping.TOPIC:
        return {NOT_RECORDED: "未分类"}
    bodies = ledger.body_names()
    if grouping is Grouping.PROPOSER:
        found = {m.id: m.name for m in ledger.members}
        for kind in _MEMBER_BODIES:
            found.update({f"{kind.value}:{key}": name for key, name in bodies[kind].items()})
        return found
    body = grouping.body_kind
    return {} if body is None else bodies[body]
