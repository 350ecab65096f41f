"""The roster in the Popolo standard: persons, organizations, memberships and posts.

`Popolo <https://www.popoloproject.com>`_ is the open data standard civic-tech tools use for
legislatures and their members. :func:`popolo_export` maps a ledger's roster onto it:

* each member → a ``Person`` (name, gender, the member's id as an identifier);
* the committee → an ``Organization`` (``classification: "committee"``), and under it
  (``parent_id``) its sectors (``"sector"``, 界别), participating units (``"party"`` for the
  CPC and the democratic parties, else the unit's kind: ``"federation"``, ``"non_party"``,
  ``"peoples_organisation"``), special committees (``"special_committee"``) and activity
  groups (``"activity_group"``);
* each member's seat → a ``Membership`` of the committee **on behalf of** the sector they sit
  for (``on_behalf_of_id``), dated by ``joined`` and ``left``; and a membership of their
  participating unit, their activity group and each special committee;
* each role (常委, 主席, 专委会主任, 活动组组长 …) → a ``Post`` of the body it belongs to, and
  a dated ``Membership`` holding that post.

Identifiers are stable and readable: ``{committee}/person/{member id}``,
``{committee}/sector/{sector id}``, ``{committee}/post/{body}/{role}``. Output is deterministic
(records in ledger order), so two exports of the same ledger are equal.
"""

from __future__ import annotations

import json
import os
from typing import Any

from cppcc_model.errors import DatasetError, Location, Problem
from cppcc_model.ledger import Ledger
from cppcc_model.model import RoleKind, UnitKind

__all__ = ["popolo_export", "write_popolo"]

_COMMITTEE_ROLES = frozenset(
    {RoleKind.STANDING_MEMBER, RoleKind.CHAIR, RoleKind.VICE_CHAIR, RoleKind.SECRETARY_GENERAL}
)
_PARTIES = frozenset({UnitKind.CPC, UnitKind.DEMOCRATIC_PARTY})


def _dated(record: dict[str, Any], start: Any, end: Any) -> dict[str, Any]:
    if start is not None:
        record["start_date"] = start.isoformat()
    if end is not None:
        record["end_date"] = end.isoformat()
    return record


def popolo_export(ledger: Ledger) -> dict[str, Any]:
    """The roster of ``ledger`` as Popolo JSON.

    Gives ``persons``, ``organizations``, ``memberships`` and ``posts``; the module docstring
    gives the mapping.
    """
    committee = ledger.committee
    base = committee.id

    def ident(kind: str, key: str) -> str:
        return f"{base}/{kind}/{key}"

    committee_id = ident("committee", committee.id)
    organizations: list[dict[str, Any]] = [
        {
            "id": committee_id,
            "name": committee.name,
            "classification": "committee",
            "identifiers": [{"scheme": "jurisdiction", "identifier": committee.jurisdiction}],
        }
    ]
    body_ids: dict[str, str] = {}
    for sector in ledger.sectors:
        organizations.append(
            {
                "id": ident("sector", sector.id),
                "name": sector.name,
                "classification": "sector",
                "parent_id": committee_id,
            }
        )
    for unit in ledger.units:
        organizations.append(
            {
                "id": ident("unit", unit.id),
                "name": unit.name,
                "other_names": [{"name": unit.short_name, "note": "简称 short name"}],
                "classification": "party" if unit.kind in _PARTIES else unit.kind.value,
                "parent_id": committee_id,
            }
        )
    for special in ledger.special_committees:
        body_ids[special.id] = ident("special_committee", special.id)
        record: dict[str, Any] = {
            "id": body_ids[special.id],
            "name": special.name,
            "classification": "special_committee",
            "parent_id": committee_id,
        }
        if special.short_name:
            record["other_names"] = [{"name": special.short_name, "note": "简称 short name"}]
        organizations.append(record)
    for group in ledger.activity_groups:
        body_ids[group.id] = ident("activity_group", group.id)
        organizations.append(
            {
                "id": body_ids[group.id],
                "name": group.name,
                "classification": "activity_group",
                "parent_id": committee_id,
            }
        )

    persons: list[dict[str, Any]] = []
    memberships: list[dict[str, Any]] = []
    posts: dict[str, dict[str, Any]] = {}
    for member in ledger.members:
        person_id = ident("person", member.id)
        person: dict[str, Any] = {
            "id": person_id,
            "name": member.name,
            "identifiers": [{"scheme": "cppcc-model", "identifier": member.id}],
        }
        if member.gender is not None:
            person["gender"] = member.gender.value  # "male" / "female", as Popolo writes it
        persons.append(person)
        memberships.append(
            _dated(
                {
                    "id": ident("membership", f"{member.id}/seat"),
                    "person_id": person_id,
                    "organization_id": committee_id,
                    "on_behalf_of_id": ident("sector", member.sector_id),
                    "role": "委员 member",
                },
                member.joined,
                member.left,
            )
        )
        bodies = []
        if member.unit_id is not None:
            bodies.append(("unit", ident("unit", member.unit_id)))
        if member.activity_group_id is not None:
            bodies.append(("activity_group", body_ids[member.activity_group_id]))
        bodies.extend(("special_committee", body_ids[sid]) for sid in member.special_committee_ids)
        for kind, organization_id in bodies:
            memberships.append(
                {
                    "id": ident(
                        "membership", f"{member.id}/{kind}/{organization_id.rsplit('/', 1)[1]}"
                    ),
                    "person_id": person_id,
                    "organization_id": organization_id,
                    "role": "member",
                }
            )
        for number, spell in enumerate(member.roles, start=1):
            if spell.role in _COMMITTEE_ROLES or spell.body_id is None:
                organization_id, body_key = committee_id, committee.id
            else:
                organization_id, body_key = body_ids[spell.body_id], spell.body_id
            post_id = ident("post", f"{body_key}/{spell.role.value}")
            posts.setdefault(
                post_id,
                {
                    "id": post_id,
                    "label": spell.role.label,
                    "role": spell.role.value,
                    "organization_id": organization_id,
                },
            )
            memberships.append(
                _dated(
                    {
                        "id": ident("membership", f"{member.id}/role/{number}"),
                        "person_id": person_id,
                        "organization_id": organization_id,
                        "post_id": post_id,
                        "role": spell.role.label,
                    },
                    spell.start,
                    spell.end,
                )
            )
    return {
        "persons": persons,
        "organizations": organizations,
        "memberships": memberships,
        "posts": list(posts.values()),
    }


def write_popolo(ledger: Ledger, path: str | os.PathLike[str]) -> None:
    """Write :func:`popolo_export` of ``ledger`` to ``path`` as UTF-8 JSON.

    Raises:
        DatasetError: when the file cannot be written.

    """
    text = json.dumps(popolo_export(ledger), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    try:
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(text)
    except OSError as exc:
        raise DatasetError(
            f"cannot write the Popolo export to {os.fspath(path)}",
            [Problem(f"writing failed: {exc.strerror or exc}", Location(file=os.fspath(path)))],
            hint="check the path and that you may write there",
        ) from None
