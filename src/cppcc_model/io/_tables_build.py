"""From typed rows to the entities of a ledger, checking that the tables fit together.

Each row becomes an entity (a :class:`~cppcc_model.model.Member`, a
:class:`~cppcc_model.model.ProposalEvent` …) and the problems its constructor finds are located
at that row. Child rows (roles, attendance, proposal and 社情民意 events, work items) are
attached to their parent in the order of their rows. Duplicate ids, references to records that
are not there, dates that go backwards and over-counted half-days are found here, at the row
and column that hold them; anything the :class:`~cppcc_model.ledger.Ledger` still finds is
mapped back to the row of the record it names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from typing import Any

from cppcc_model.errors import CppccError, IntegrityError, Location, Problem
from cppcc_model.io._tables_rows import Row
from cppcc_model.io._tables_schema import (
    COMMITTEE_FIELDS,
    EVENT_FIELDS,
    INFO_EVENT_FIELDS,
    table_by_name,
)
from cppcc_model.ledger import Ledger
from cppcc_model.model import (
    Activity,
    ActivityGroup,
    Attendance,
    AwardRecord,
    BodyKind,
    BodyRef,
    Committee,
    Contribution,
    InfoEvent,
    InfoReport,
    Input,
    InputSubject,
    Member,
    ParticipatingUnit,
    Proposal,
    ProposalEvent,
    ProposalStep,
    RoleSpell,
    Sector,
    Session,
    SpecialCommittee,
    Term,
    WorkItem,
    WorkPlan,
)
from cppcc_model.suggest import did_you_mean

__all__ = ["build_ledger"]

_FIELD_PREFIX = re.compile(r"^\w+\.(\w+): ")
_NEEDS = re.compile(r"\bneeds (?:an? )?(\w+)\b")


def _suggestion(value: str, known: Collection[str], names: dict[str, str] | None = None) -> str:
    return did_you_mean(value, known, names)


class _Builder:
    """Builds the ledger's fields from rows, gathering every problem."""

    def __init__(
        self,
        rows: dict[str, list[Row]],
        problems: list[Problem],
        unchecked: Collection[str],
        roster: Sequence[Member] | None = None,
    ) -> None:
        self.rows = rows
        self.problems = problems
        self.unchecked = unchecked
        self.roster = roster
        self.located: dict[tuple[str, str], Row] = {}
        self.activity_ids: set[str] = set()

    # ------------------------------------------------------------------ helpers

    def problem(self, row: Row, field: str | None, message: str, hint: str | None = None) -> None:
        self.problems.append(Problem(message, row.where(field), hint))

    def make(self, row: Row, cls: Callable[..., Any], fallback: str | None, **fields: Any) -> Any:
        """``cls(**fields)`` with the fields that are not ``None``; a failure is a problem."""
        if not row.ok:  # its cells already have problems; building it would only repeat them
            return None
        kwargs = {name: value for name, value in fields.items() if value is not None}
        try:
            return cls(**kwargs)
        except CppccError as exc:
            message = exc.message
            column = fallback
            prefixed = _FIELD_PREFIX.match(message)
            needs = _NEEDS.search(message)
            if prefixed and prefixed.group(1) in row.headers:
                column = prefixed.group(1)
                message = message[prefixed.end() :]
            elif needs and needs.group(1) in row.headers:
                column = needs.group(1)
            self.problem(row, column, message, exc.hint)
        except (TypeError, ValueError) as exc:  # a value of the wrong shape: report, never raise
            self.problem(row, fallback, str(exc))
        row.ok = False
        return None

    def unique(self, table: str, key: Callable[[Row], str | None], field: str) -> dict[str, Row]:
        """The rows of ``table`` by their id; a repeated id is a problem at the later row."""
        found: dict[str, Row] = {}
        for row in self.rows.get(table, []):
            record_id = key(row)
            if record_id is None:
                continue
            if record_id in found:
                self.problem(
                    row,
                    field,
                    f"the id {record_id!r} is already used on row {found[record_id].number}",
                    "give every record its own id",
                )
                row.ok = False
                continue
            found[record_id] = row
            self.located[(table, record_id)] = row
        return found

    def reference(
        self, row: Row, field: str, value: str | None, known: Collection[str], table: str
    ) -> bool:
        """Whether ``value`` names a record of ``table``; if not, a problem at ``field``."""
        if value is None or value in known or table in self.unchecked:
            return True
        target = table_by_name(table)
        self.problem(
            row,
            field,
            f"{value!r} is not in {target.title}",
            f"{_suggestion(value, known, self.names(table))}add it to {target.title} or correct "
            "the id",
        )
        return False

    def names(self, table: str) -> dict[str, str]:
        """The records of ``table`` by name (a name typed where the id belongs)."""
        found: dict[str, str] = {}
        for row in self.rows.get(table, []):
            name, record_id = row.get("name"), row.get("id")
            if isinstance(name, str) and isinstance(record_id, str):
                found.setdefault(name, record_id)
        return found

    def body(
        self, row: Row, prefix: str, bodies: dict[BodyKind, Collection[str]]
    ) -> BodyRef | None:
        """The body named by the ``<prefix>_kind`` and ``<prefix>_id`` cells of ``row``."""
        kind, body_id = row.get(f"{prefix}_kind"), row.get(f"{prefix}_id")
        if kind is None and body_id is None:
            return None
        if kind is None or body_id is None:
            empty = f"{prefix}_kind" if kind is None else f"{prefix}_id"
            self.problem(
                row,
                empty,
                f"{prefix}_kind and {prefix}_id go together, but this one is empty",
                "fill in both cells, or neither",
            )
            row.ok = False
            return None
        ref: BodyRef | None = self.make(row, BodyRef, f"{prefix}_id", kind=kind, id=body_id)
        if ref is None or not ref.is_internal:
            return ref
        table = _BODY_TABLES[ref.kind]
        known = bodies[ref.kind]
        if ref.id not in known and table not in self.unchecked:
            self.problem(
                row,
                f"{prefix}_id",
                f"{ref.id!r} is not in {table_by_name(table).title}",
                f"{_suggestion(ref.id, known)}add it there, or correct the id or the kind",
            )
        return ref

    def refs(self, row: Row, field: str, known: Collection[str], table: str) -> None:
        """Check every id of a list cell."""
        for value in row.get(field) or ():
            self.reference(row, field, value, known, table)

    def children(
        self, table: str, parent_field: str, parents: dict[str, Row], parent_table: str
    ) -> dict[str, list[Row]]:
        """The rows of ``table`` grouped by the parent they name, in row order."""
        grouped: dict[str, list[Row]] = defaultdict(list)
        for row in self.rows.get(table, []):
            parent = row.get(parent_field)
            if parent is None:
                continue
            if not self.reference(row, parent_field, parent, parents, parent_table):
                continue
            grouped[parent].append(row)
        return grouped

    # ------------------------------------------------------------------ the ledger

    def build(self, committee_row: Row | None) -> dict[str, Any] | None:
        committee = None
        if committee_row is not None:
            values = committee_row.values
            committee = self.make(
                committee_row,
                Committee,
                "id",
                **{name: values.get(name) for name in COMMITTEE_FIELDS},
            )
        fields: dict[str, Any] = {"committee": committee}
        if committee is None:  # its problem is reported; do not blame every reference to it
            self.unchecked = {*self.unchecked, "committee"}

        terms = self.unique("terms", lambda r: r.record_id if r.get("number") else None, "number")
        fields["terms"] = [
            self.make(r, Term, None, number=r.get("number"), start=r.get("start"), end=r.get("end"))
            for r in terms.values()
        ]
        sessions = self.unique(
            "sessions",
            lambda r: r.record_id if r.get("term") and r.get("number") else None,
            "number",
        )
        fields["sessions"] = [
            self.make(
                r,
                Session,
                None,
                term=r.get("term"),
                number=r.get("number"),
                start=r.get("start"),
                end=r.get("end"),
                kind=r.get("kind"),
            )
            for r in sessions.values()
        ]
        sectors = self.unique("sectors", lambda r: r.get("id"), "id")
        fields["sectors"] = [
            self.make(r, Sector, None, id=r.get("id"), name=r.get("name")) for r in sectors.values()
        ]
        units = self.unique("units", lambda r: r.get("id"), "id")
        fields["units"] = [
            self.make(
                r,
                ParticipatingUnit,
                None,
                id=r.get("id"),
                name=r.get("name"),
                short_name=r.get("short_name"),
                kind=r.get("kind"),
            )
            for r in units.values()
        ]
        committees = self.unique("special_committees", lambda r: r.get("id"), "id")
        fields["special_committees"] = [
            self.make(
                r,
                SpecialCommittee,
                None,
                id=r.get("id"),
                name=r.get("name"),
                short_name=r.get("short_name"),
            )
            for r in committees.values()
        ]
        groups = self.unique("activity_groups", lambda r: r.get("id"), "id")
        group_list = []
        for r in groups.values():
            self.reference(
                r,
                "paired_committee_id",
                r.get("paired_committee_id"),
                committees,
                "special_committees",
            )
            group_list.append(
                self.make(
                    r,
                    ActivityGroup,
                    None,
                    id=r.get("id"),
                    name=r.get("name"),
                    kind=r.get("kind"),
                    paired_committee_id=r.get("paired_committee_id"),
                    party_branch=r.get("party_branch"),
                )
            )
        fields["activity_groups"] = group_list
        members: Collection[str]
        if self.roster is None:
            rows = self.unique("members", lambda r: r.get("id"), "id")
            fields["members"] = self._members(rows, sectors, units, groups, committees)
            members = rows
        else:  # read as columns: its references are checked by the ledger
            members = frozenset(member.id for member in self.roster)
            fields["members"] = self.roster
        committee_id = committee.id if committee is not None else None
        bodies: dict[BodyKind, Collection[str]] = {
            BodyKind.UNIT: units,
            BodyKind.SPECIAL_COMMITTEE: committees,
            BodyKind.ACTIVITY_GROUP: groups,
            BodyKind.SECTOR: sectors,
            BodyKind.COMMITTEE: {committee_id} if committee_id else set(),
        }
        fields["activities"] = self._activities(members, sessions, bodies)
        fields["proposals"] = self._proposals(members, sessions, bodies)
        fields["info_reports"] = self._info_reports(members, bodies)
        fields["contributions"] = self._contributions(members, bodies)
        fields["work_plans"] = self._work_plans()
        fields["award_records"] = [
            self.make(
                r,
                AwardRecord,
                None,
                id=r.get("id"),
                award_id=r.get("award_id"),
                subject_id=r.get("subject_id"),
                year=r.get("year"),
                stage=r.get("stage"),
                on=r.get("on"),
                by=r.get("by"),
                note=r.get("note"),
            )
            for r in self.unique("award_records", lambda r: r.get("id"), "id").values()
        ]
        fields["inputs"] = self._inputs(
            {
                InputSubject.MEMBER: (members, "members"),
                InputSubject.ACTIVITY_GROUP: (groups, "activity_groups"),
                InputSubject.UNIT: (units, "units"),
                InputSubject.SECTOR: (sectors, "sectors"),
                InputSubject.SPECIAL_COMMITTEE: (committees, "special_committees"),
            }
        )
        return fields

    def _members(
        self,
        members: dict[str, Row],
        sectors: Collection[str],
        units: Collection[str],
        groups: Collection[str],
        committees: Collection[str],
    ) -> list[Any]:
        roles = self.children("roles", "member_id", members, "members")
        result = []
        for member_id, r in members.items():
            self.reference(r, "sector_id", r.get("sector_id"), sectors, "sectors")
            self.reference(r, "unit_id", r.get("unit_id"), units, "units")
            self.reference(
                r, "activity_group_id", r.get("activity_group_id"), groups, "activity_groups"
            )
            self.refs(r, "special_committee_ids", committees, "special_committees")
            spells = []
            for role_row in roles.get(member_id, []):
                body_id = role_row.get("body_id")
                if body_id is not None and body_id not in committees and body_id not in groups:
                    self.problem(
                        role_row,
                        "body_id",
                        f"{body_id!r} is neither in {table_by_name('special_committees').title} "
                        f"nor in {table_by_name('activity_groups').title}",
                        f"{_suggestion(body_id, [*committees, *groups])}correct the id",
                    )
                spells.append(
                    self.make(
                        role_row,
                        RoleSpell,
                        "role",
                        role=role_row.get("role"),
                        start=role_row.get("start"),
                        end=role_row.get("end"),
                        body_id=body_id,
                    )
                )
            result.append(
                self.make(
                    r,
                    Member,
                    None,
                    id=r.get("id"),
                    name=r.get("name"),
                    sector_id=r.get("sector_id"),
                    unit_id=r.get("unit_id"),
                    activity_group_id=r.get("activity_group_id"),
                    special_committee_ids=r.get("special_committee_ids"),
                    gender=r.get("gender"),
                    joined=r.get("joined"),
                    left=r.get("left"),
                    workplace=r.get("workplace"),
                    tags=r.get("tags"),
                    roles=spells if None not in spells else None,
                )
            )
        return result

    def _activities(
        self,
        members: Collection[str],
        sessions: Collection[str],
        bodies: dict[BodyKind, Collection[str]],
    ) -> list[Any]:
        activities = self.unique("activities", lambda r: r.get("id"), "id")
        self.activity_ids = set(activities)
        roll_calls = self.children("attendance", "activity_id", activities, "activities")
        # a roll call's rows are needed only to build it: let them go activity by activity, so
        # a million roll-call rows are not held beside the million entries built from them
        self.rows.pop("attendance", None)
        result = []
        for activity_id, r in activities.items():
            self.reference(r, "session_id", r.get("session_id"), sessions, "sessions")
            organiser = self.body(r, "organiser", bodies)
            length = r.get("half_days") or 1
            entries = []
            seen: dict[str, int] = {}
            for entry_row in roll_calls.pop(activity_id, []):
                member_id = entry_row.get("member_id")
                self.reference(entry_row, "member_id", member_id, members, "members")
                if member_id in seen:
                    self.problem(
                        entry_row,
                        "member_id",
                        f"the member {member_id!r} is already on this activity's roll call "
                        f"(row {seen[member_id]})",
                        "keep one row per member and activity",
                    )
                    entry_row.ok = False
                    continue
                if member_id is not None:
                    seen[member_id] = entry_row.number
                attended = entry_row.get("half_days")
                if attended is not None and r.ok and attended > length:
                    self.problem(
                        entry_row,
                        "half_days",
                        f"{attended} half-days attended, but the activity {activity_id!r} lasts "
                        f"{length}",
                        "a member cannot attend more half-days than the activity has",
                    )
                    entry_row.ok = False
                    continue
                entries.append(
                    self.make(
                        entry_row,
                        Attendance,
                        "member_id",
                        member_id=member_id,
                        status=entry_row.get("status"),
                        role=entry_row.get("role"),
                        half_days=attended,
                    )
                )
            result.append(
                self.make(
                    r,
                    Activity,
                    None,
                    id=r.get("id"),
                    kind=r.get("kind"),
                    title=r.get("title"),
                    start=r.get("start"),
                    end=r.get("end"),
                    half_days=r.get("half_days"),
                    organiser=organiser,
                    session_id=r.get("session_id"),
                    attendance=entries if None not in entries else None,
                )
            )
        return result

    def _in_order(self, parent: Row, rows: list[Row], start_field: str, what: str) -> None:
        """Check that the dated rows of one record never go backwards."""
        start = parent.get(start_field)
        previous: Row | None = None
        for row in rows:
            on = row.get("on")
            if on is None:
                continue
            step = row.get("step")
            label = step.label if step is not None else "the step"
            if start is not None and on < start:
                self.problem(
                    row,
                    "on",
                    f"{label} on {on} is dated before the {what} was submitted on {start}",
                    "correct the date; no step can come before the submission",
                )
                row.ok = False
            elif previous is not None and on < previous.get("on"):
                before = previous.get("step")
                self.problem(
                    row,
                    "on",
                    f"{label} on {on} is dated before the step above it "
                    f"({before.label if before is not None else 'a step'} on {previous.get('on')}, "
                    f"row {previous.number})",
                    f"list the steps of each {what} in date order, or correct the date",
                )
                row.ok = False
            previous = row

    def _proposals(
        self,
        members: Collection[str],
        sessions: Collection[str],
        bodies: dict[BodyKind, Collection[str]],
    ) -> list[Any]:
        proposals = self.unique("proposals", lambda r: r.get("id"), "id")
        histories = self.children("proposal_events", "proposal_id", proposals, "proposals")
        result = []
        for proposal_id, r in proposals.items():
            self.refs(r, "member_ids", members, "members")
            self.reference(r, "session_id", r.get("session_id"), sessions, "sessions")
            body = self.body(r, "body", bodies)
            rows = histories.get(proposal_id, [])
            self._in_order(r, rows, "submitted_on", "proposal")
            events = []
            for event_row in rows:
                parent_id = event_row.get("parent_id")
                if event_row.get("step") is ProposalStep.MERGED and parent_id is not None:
                    if parent_id == proposal_id:
                        self.problem(
                            event_row,
                            "parent_id",
                            "the proposal is merged into itself",
                            "name the filed proposal it was merged into",
                        )
                    else:
                        self.reference(event_row, "parent_id", parent_id, proposals, "proposals")
                step = event_row.get("step")
                needs_units = step in (ProposalStep.ASSIGNED, ProposalStep.REASSIGNED)
                events.append(
                    self.make(
                        event_row,
                        ProposalEvent,
                        "units" if needs_units else "step",
                        **{name: event_row.get(name) for name in EVENT_FIELDS},
                    )
                )
            result.append(
                self.make(
                    r,
                    Proposal,
                    "member_ids",
                    id=r.get("id"),
                    subject=r.get("subject"),
                    submitted_on=r.get("submitted_on"),
                    proposer_kind=r.get("proposer_kind"),
                    member_ids=r.get("member_ids"),
                    body=body,
                    session_id=r.get("session_id"),
                    topic=r.get("topic"),
                    history=events if None not in events else None,
                )
            )
        return result

    def _info_reports(
        self, members: Collection[str], bodies: dict[BodyKind, Collection[str]]
    ) -> list[Any]:
        reports = self.unique("info_reports", lambda r: r.get("id"), "id")
        histories = self.children("info_events", "report_id", reports, "info_reports")
        result = []
        for report_id, r in reports.items():
            self.refs(r, "author_ids", members, "members")
            self.reference(r, "activity_id", r.get("activity_id"), self.activity_ids, "activities")
            body = self.body(r, "body", bodies)
            rows = histories.get(report_id, [])
            self._in_order(r, rows, "submitted_on", "社情民意 item")
            events = []
            for event_row in rows:
                self.refs(event_row, "combined_with", reports, "info_reports")
                events.append(
                    self.make(
                        event_row,
                        InfoEvent,
                        "step",
                        **{name: event_row.get(name) for name in INFO_EVENT_FIELDS},
                    )
                )
            result.append(
                self.make(
                    r,
                    InfoReport,
                    "author_ids",
                    id=r.get("id"),
                    title=r.get("title"),
                    submitted_on=r.get("submitted_on"),
                    author_ids=r.get("author_ids"),
                    body=body,
                    history=events if None not in events else None,
                    activity_id=r.get("activity_id"),
                )
            )
        return result

    def _contributions(
        self, members: Collection[str], bodies: dict[BodyKind, Collection[str]]
    ) -> list[Any]:
        contributions = self.unique("contributions", lambda r: r.get("id"), "id")
        result = []
        for r in contributions.values():
            self.refs(r, "author_ids", members, "members")
            body = self.body(r, "body", bodies)
            result.append(
                self.make(
                    r,
                    Contribution,
                    "author_ids",
                    id=r.get("id"),
                    kind=r.get("kind"),
                    title=r.get("title"),
                    on=r.get("on"),
                    author_ids=r.get("author_ids"),
                    body=body,
                    level=r.get("level"),
                    length_chars=r.get("length_chars"),
                    note=r.get("note"),
                    amount=r.get("amount"),
                    reported_on=r.get("reported_on"),
                )
            )
        return result

    def _inputs(self, subjects: dict[InputSubject, tuple[Collection[str], str]]) -> list[Any]:
        """The 评分录入 rows: one figure per subject, period and key."""
        result = []
        seen: dict[tuple[object, ...], int] = {}
        for r in self.rows.get("inputs", []):
            kind = r.get("subject_kind") or InputSubject.MEMBER
            known, table = subjects[kind]
            self.reference(r, "subject_id", r.get("subject_id"), known, table)
            key = (kind, r.get("subject_id"), r.get("key"), r.get("period"))
            if r.ok and None not in key:
                if key in seen:
                    self.problem(
                        r,
                        "key",
                        f"{r.get('key')!r} for {r.get('subject_id')!r} over that period is "
                        f"already given on row {seen[key]}",
                        "give each figure once per subject and period",
                    )
                    r.ok = False
                    continue
                seen[key] = r.number
            result.append(
                self.make(
                    r,
                    Input,
                    "value",
                    subject_id=r.get("subject_id"),
                    period=r.get("period"),
                    key=r.get("key"),
                    value=r.get("value"),
                    subject_kind=kind,
                    note=r.get("note"),
                    source=r.get("source"),
                )
            )
        return result

    def _work_plans(self) -> list[Any]:
        plans = self.unique("work_plans", lambda r: r.get("id"), "id")
        items_by_plan = self.children("work_items", "plan_id", plans, "work_plans")
        result = []
        for plan_id, r in plans.items():
            items = []
            numbers: dict[int, int] = {}
            for item_row in items_by_plan.get(plan_id, []):
                number = item_row.get("number")
                if number in numbers:
                    self.problem(
                        item_row,
                        "number",
                        f"item {number} of the work plan {plan_id!r} is already on row "
                        f"{numbers[number]}",
                        "number each work item once",
                    )
                    item_row.ok = False
                    continue
                if number is not None:
                    numbers[number] = item_row.number
                items.append(
                    self.make(
                        item_row,
                        WorkItem,
                        "title",
                        number=number,
                        category=item_row.get("category"),
                        title=item_row.get("title"),
                        lead_bodies=item_row.get("lead_bodies"),
                        status=item_row.get("status"),
                    )
                )
            result.append(
                self.make(
                    r,
                    WorkPlan,
                    None,
                    id=r.get("id"),
                    year=r.get("year"),
                    title=r.get("title"),
                    items=items if None not in items else None,
                )
            )
        return result

    # ------------------------------------------------------------------ ledger problems

    def locate(self, problem: Problem) -> Problem:
        """Place a problem the ledger found at the row of the record it names."""
        record_id = problem.where.record_id
        if record_id is None:
            return problem
        candidates = [
            (table, row) for (table, rid), row in self.located.items() if rid == record_id
        ]
        if not candidates:
            return problem
        chosen = candidates[0][1]
        for table, row in candidates:
            if any(word in problem.message for word in _TABLE_WORDS.get(table, ())):
                chosen = row
                break
        return Problem(problem.message, chosen.where().merged(problem.where), problem.hint)


_BODY_TABLES = {
    BodyKind.UNIT: "units",
    BodyKind.SPECIAL_COMMITTEE: "special_committees",
    BodyKind.ACTIVITY_GROUP: "activity_groups",
    BodyKind.SECTOR: "sectors",
    BodyKind.COMMITTEE: "committee",
}

_TABLE_WORDS: dict[str, tuple[str, ...]] = {
    "members": ("the member", "the role", "two members"),
    "activity_groups": ("the group", "activity groups"),
    "activities": ("the activity", "the organiser", "the roll call", "two activities"),
    "proposals": (
        "the proposal",
        "the proposers",
        "the collective proposer",
        "the merge",
        "two proposals",
    ),
    "info_reports": ("the combined issue", "社情民意"),
    "contributions": ("contributions",),
}


def build_ledger(
    committee: Row | None,
    rows: dict[str, list[Row]],
    problems: list[Problem],
    *,
    unchecked: Collection[str] = (),
    roster: Sequence[Member] | None = None,
) -> Ledger | None:
    """The ledger the rows describe, or ``None`` when ``problems`` is not empty afterwards.

    References into the tables named in ``unchecked`` (tables that could not be read in full)
    are not checked, so one unreadable file does not bury its own problem under a hundred
    consequences. The ``attendance`` rows are taken out of ``rows`` as they are built (the
    largest table is not held twice); the other tables stay. ``roster``, when given, is the
    members already built (read as columns, their ``members`` and ``roles`` rows not given):
    the other tables' references to members are checked against it, and its own references
    by the ledger.
    """
    builder = _Builder(rows, problems, unchecked, roster)
    fields = builder.build(committee)
    if problems or fields is None or fields["committee"] is None:
        return None
    try:
        return Ledger(**fields)
    except IntegrityError as exc:
        problems.extend(builder.locate(problem) for problem in exc.problems)
    except CppccError as exc:
        problems.append(Problem(exc.message, exc.where or Location(), exc.hint))
    return None
