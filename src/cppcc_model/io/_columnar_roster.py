"""The roster (``members`` with their ``roles``) read as columns and built straight from them.

Scoring reads every member (who served in the period, their groups), so the members are built
at once — but from the frames read by polars, without the row loader's typed rows:
:func:`build_members` checks what the row loader checks across rows (member ids used once,
every role naming a member of the roster) as column operations, builds each
:class:`~cppcc_model.model.RoleSpell` as the row loader does (the class checks a role's dates),
and sets each :class:`~cppcc_model.model.Member` straight from its row: the cells were read as
the row loader reads them and the entity classes take them, and a membership's end is compared
with its start on the column, which is everything the class checks. What names other tables —
a member's sector, unit, group and special committees, a role's body — is checked by the
:class:`~cppcc_model.ledger.Ledger` the row loader builds around this roster, as it always was.
Anything refused gives ``None``, and the row loader then reads the roster itself and reports
the problem, located.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from cppcc_model.errors import CppccError
from cppcc_model.io._columnar_checks import all_known, unique
from cppcc_model.io._columnar_read import TableRead, read_table
from cppcc_model.model import Gender, Member, RoleKind, RoleSpell

if TYPE_CHECKING:
    import polars as pl

__all__ = ["ROSTER_TABLES", "build_members", "read_roster"]

ROSTER_TABLES = ("members", "roles")
"""The tables of the roster."""

_ROLES = {kind.value: kind for kind in RoleKind}
_GENDERS: dict[str | None, Gender | None] = {None: None}
_GENDERS.update((gender.value, gender) for gender in Gender)


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


def _shared(frame: pl.DataFrame) -> dict[str, list[Any]]:
    """The columns of ``frame`` as lists, equal values of a column one object.

    Polars gives each cell its own Python object: a province's 30,000 members in 50 sectors
    held 30,000 sector ids and as many join dates. The members live as long as the ledger, so
    equal values (texts and dates: immutable) are shared instead, a province's roster holding
    about 40 % less. The ids, distinct already, are left as they are. A column holds values of
    one type (and ``None``), so a value is its own key in its column's dictionary. A list of
    ids comes as the tuple the member keeps (``()`` when empty), equal tuples one object and
    equal ids in them one object too: polars joins each list into one text (its ids cannot hold
    the NUL joining them, which no file read here holds), cheaper to take out of the frame than
    a list per cell.
    """
    import polars as pl

    shared: dict[str, list[Any]] = {}
    for name, dtype in frame.schema.items():
        column = frame.get_column(name)
        if name == "id":
            shared[name] = column.to_list()
            continue
        if isinstance(dtype, pl.List):
            texts = column.list.join(_JOIN).to_list()
            item: dict[str, str] = {}
            kept: dict[str | None, tuple[str, ...]] = {None: (), "": ()}
            for text in set(texts).difference(kept):
                ids = text.split(_JOIN)
                kept[text] = tuple(map(item.setdefault, ids, ids))
            shared[name] = list(map(kept.__getitem__, texts))
            continue
        values = column.to_list()
        seen: dict[Any, Any] = {}
        shared[name] = list(map(seen.setdefault, values, values))
    return shared


_JOIN = "\x00"
"""What joins a list of ids into one text while it is taken out of the frame."""


def _name(function: object) -> str | None:
    return None if function is None else getattr(function, "__qualname__", repr(function))


_CHECKED = (
    ("id", "identifier", None),
    ("name", "text", None),
    ("sector_id", "identifier", None),
    ("unit_id", "optional_identifier", None),
    ("activity_group_id", "optional_identifier", None),
    ("special_committee_ids", "identifiers", "to_tuple"),
    ("roles", "Member._check_roles", "_roles"),
    ("gender", None, "_to_optional_gender"),
    ("joined", "optional_date", None),
    ("left", "not_before.<locals>.check", None),
    ("workplace", "optional_text", None),
    ("tags", "Member._check_tags", "to_tuple"),
)
"""Each field of :class:`~cppcc_model.model.Member`, the check and the conversion the columns
stand in for when the members are set straight from them (:func:`_setter`)."""


def _setter() -> Callable[[Sequence[Sequence[Any]]], list[Member]] | None:
    """A maker of members from their fields' values, a column at a time, checked and converted.

    The maker takes one sequence per field of :data:`_CHECKED`, in its order, each holding
    that field's value for every member (the first member's values first), and gives the
    members. The columns read here hold each value as :class:`~cppcc_model.model.Member` would
    check and keep it: ids and texts as the entity classes take them, lists of distinct ids and
    of stripped tags as tuples, a gender as its label, dates as dates (a membership's end is
    checked against its start on the column). So each field is set straight into its slot,
    for all members at once, without running the checks again — about eight times faster than
    the constructor row by row, and twice as fast again as setting one member at a time.
    ``None`` (build each member by its constructor) as soon as the class's fields, checks or
    conversions are not the ones this stands in for.
    """
    fields = tuple(
        (field.name, _name(field.validator), _name(field.converter))
        for field in attrs.fields(Member)
    )
    if fields != _CHECKED or hasattr(Member, "__attrs_post_init__"):
        return None
    slots = tuple(Member.__dict__[name] for name, _, _ in _CHECKED)

    def make(columns: Sequence[Sequence[Any]]) -> list[Member]:
        if len(columns) != len(slots):
            raise ValueError(f"{len(columns)} columns given for the {len(slots)} fields")
        count = len(columns[0])
        if any(len(values) != count for values in columns):
            raise ValueError("the columns given are not all as long")
        members: list[Member] = list(map(object.__new__, repeat(Member, count)))
        for slot, values in zip(slots, columns, strict=True):
            deque(map(slot.__set__, members, values), maxlen=0)
        return members

    return make


def build_members(members: TableRead, roles: TableRead) -> tuple[Member, ...] | None:
    """The members with their roles, as the row loader builds them, or ``None``."""
    import polars as pl

    frame = members.frame
    if not (unique(frame) and all_known(roles.frame, "member_id", frame["id"])):
        return None
    if frame.select((pl.col("left") < pl.col("joined")).fill_null(False).any()).item():
        return None
    spells = _spells(roles)
    if spells is None:
        return None
    tags: dict[str | None, Any] = {None: ()}
    tags.update(members.objects["tags"])
    columns = _shared(frame)
    ids = columns["id"]
    values = (
        ids,
        columns["name"],
        columns["sector_id"],
        columns["unit_id"],
        columns["activity_group_id"],
        columns["special_committee_ids"],
        [tuple(spells.get(member_id, ())) for member_id in ids],
        list(map(_GENDERS.__getitem__, columns["gender"])),
        columns["joined"],
        columns["left"],
        columns["workplace"],
        list(map(tags.__getitem__, columns["tags"])),
    )
    make = _setter()
    if make is not None:
        return tuple(make(values))
    built = []
    try:
        for row in zip(*values, strict=True):
            given = {
                name: value
                for (name, _, _), value in zip(_CHECKED, row, strict=True)
                if value is not None
            }
            built.append(Member(**given))
    except (CppccError, TypeError, ValueError):
        return None
    return tuple(built)
