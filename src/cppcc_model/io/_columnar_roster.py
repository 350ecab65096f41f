"""The roster (``members`` with their ``roles``) read as columns and built straight from them.

Scoring reads every member (who served in the period, their groups), so the members are built
at once — but from the frames read by polars, without the row loader's typed rows:
:func:`build_members` checks what the row loader checks across rows (member ids used once,
every role naming a member of the roster) as column operations, then calls
:class:`~cppcc_model.model.RoleSpell` and :class:`~cppcc_model.model.Member` with each row's
values, exactly as the row loader does; the classes check the rest (a role's dates in order,
a member's tags …). What names other tables — a member's sector, unit, group and special
committees, a role's body — is checked by the :class:`~cppcc_model.ledger.Ledger` the row
loader builds around this roster, as it always was. Anything refused gives ``None``, and the
row loader then reads the roster itself and reports the problem, located.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from cppcc_model.errors import CppccError
from cppcc_model.io._columnar_checks import all_known, unique
from cppcc_model.io._columnar_read import TableRead, read_table
from cppcc_model.model import Gender, Member, RoleKind, RoleSpell

__all__ = ["ROSTER_TABLES", "build_members", "read_roster"]

ROSTER_TABLES = ("members", "roles")
"""The tables of the roster."""

_ROLES = {kind.value: kind for kind in RoleKind}
_GENDERS = {gender.value: gender for gender in Gender}


def read_roster(files: dict[str, Path | None], max_rows: int) -> tuple[Member, ...] | None:
    """The members held in the roster's files (``None``: they are for the row loader)."""
    members = read_table(files["members"], "members", max_rows)
    roles = read_table(files["roles"], "roles", max_rows)
    if members is None or roles is None:
        return None
    return build_members(members, roles)


def _spells(roles: TableRead) -> dict[str, list[RoleSpell]] | None:
    """Each member's role spells, in the table's order, or ``None`` when one is refused."""
    spells: dict[str, list[RoleSpell]] = defaultdict(list)
    try:
        for member_id, role, start, end, body_id in roles.frame.select(
            "member_id", "role", "start", "end", "body_id"
        ).iter_rows():
            given: dict[str, Any] = {"role": _ROLES[role], "start": start}
            if end is not None:
                given["end"] = end
            if body_id is not None:
                given["body_id"] = body_id
            spells[member_id].append(RoleSpell(**given))
    except (CppccError, TypeError, ValueError):
        return None
    return spells


def build_members(members: TableRead, roles: TableRead) -> tuple[Member, ...] | None:
    """The members with their roles, as the row loader builds them, or ``None``."""
    frame = members.frame
    if not (unique(frame) and all_known(roles.frame, "member_id", frame["id"])):
        return None
    spells = _spells(roles)
    if spells is None:
        return None
    tags = members.objects["tags"]
    built = []
    try:
        for (
            member_id,
            name,
            sector_id,
            unit_id,
            activity_group_id,
            special_committee_ids,
            gender,
            joined,
            left,
            workplace,
            tag_text,
        ) in frame.iter_rows():
            given: dict[str, Any] = {"id": member_id, "name": name, "sector_id": sector_id}
            if unit_id is not None:
                given["unit_id"] = unit_id
            if activity_group_id is not None:
                given["activity_group_id"] = activity_group_id
            if special_committee_ids is not None:
                given["special_committee_ids"] = special_committee_ids
            if gender is not None:
                given["gender"] = _GENDERS[gender]
            if joined is not None:
                given["joined"] = joined
            if left is not None:
                given["left"] = left
            if workplace is not None:
                given["workplace"] = workplace
            if tag_text is not None:
                given["tags"] = tags[tag_text]
            held = spells.get(member_id)
            if held:
                given["roles"] = held
            built.append(Member(**given))
    except (CppccError, TypeError, ValueError):
        return None
    return tuple(built)
