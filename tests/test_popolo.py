"""The roster as Popolo JSON: persons, organizations, memberships, posts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import given, settings

from cppcc_model.cli import cli
from cppcc_model.io.dataset import load_dataset
from cppcc_model.io.popolo import popolo_export, write_popolo
from cppcc_model.io.rows import ledger_from_tables
from cppcc_model.testing.strategies import ledgers

XIANGZHOU = Path(__file__).resolve().parents[1] / "examples" / "xiangzhou" / "dataset"


def small() -> Any:
    return ledger_from_tables(
        {
            "committee": {"id": "xz", "name": "襄州区政协", "level": "区县", "jurisdiction": "h.x"},
            "sectors": [{"id": "econ", "name": "经济界"}],
            "units": [
                {"id": "jiusan", "name": "九三学社", "short_name": "九三", "kind": "民主党派"},
                {"id": "gsl", "name": "工商业联合会", "short_name": "工商联", "kind": "工商联"},
            ],
            "special_committees": [{"id": "tian", "name": "提案委员会", "short_name": "提案委"}],
            "activity_groups": [{"id": "g1", "name": "第一活动组", "kind": "界别活动组"}],
            "members": [
                {
                    "id": "m1",
                    "name": "张三",
                    "sector_id": "econ",
                    "unit_id": "jiusan",
                    "activity_group_id": "g1",
                    "special_committee_ids": ["tian"],
                    "gender": "女",
                    "joined": dt.date(2021, 12, 1),
                },
                {"id": "m2", "name": "李四", "sector_id": "econ", "unit_id": "gsl"},
            ],
            "roles": [
                {"member_id": "m1", "role": "常委", "start": "2021-12-01"},
                {
                    "member_id": "m1",
                    "role": "活动组组长",
                    "start": "2022-01-01",
                    "end": "2022-12-31",
                    "body_id": "g1",
                },
            ],
        }
    )


def test_a_small_roster_hand_worked() -> None:
    data = popolo_export(small())
    assert data["persons"] == [
        {
            "id": "xz/person/m1",
            "name": "张三",
            "identifiers": [{"scheme": "cppcc-model", "identifier": "m1"}],
            "gender": "female",
        },
        {
            "id": "xz/person/m2",
            "name": "李四",
            "identifiers": [{"scheme": "cppcc-model", "identifier": "m2"}],
        },
    ]
    assert [(o["id"], o["classification"]) for o in data["organizations"]] == [
        ("xz/committee/xz", "committee"),
        ("xz/sector/econ", "sector"),
        ("xz/unit/jiusan", "party"),
        ("xz/unit/gsl", "federation"),
        ("xz/special_committee/tian", "special_committee"),
        ("xz/activity_group/g1", "activity_group"),
    ]
    assert all(o.get("parent_id") == "xz/committee/xz" for o in data["organizations"][1:])
    seat = data["memberships"][0]
    assert seat == {
        "id": "xz/membership/m1/seat",
        "person_id": "xz/person/m1",
        "organization_id": "xz/committee/xz",
        "on_behalf_of_id": "xz/sector/econ",
        "role": "委员 member",
        "start_date": "2021-12-01",
    }
    m1 = [m for m in data["memberships"] if m["person_id"] == "xz/person/m1"]
    assert [m["organization_id"] for m in m1] == [
        "xz/committee/xz",
        "xz/unit/jiusan",
        "xz/activity_group/g1",
        "xz/special_committee/tian",
        "xz/committee/xz",
        "xz/activity_group/g1",
    ]
    leader = m1[-1]
    assert leader["post_id"] == "xz/post/g1/group_leader"
    assert (leader["start_date"], leader["end_date"]) == ("2022-01-01", "2022-12-31")
    assert data["posts"] == [
        {
            "id": "xz/post/xz/standing_member",
            "label": "常委",
            "role": "standing_member",
            "organization_id": "xz/committee/xz",
        },
        {
            "id": "xz/post/g1/group_leader",
            "label": "活动组组长",
            "role": "group_leader",
            "organization_id": "xz/activity_group/g1",
        },
    ]


def check_references(data: dict[str, Any]) -> None:
    """Every id is unique and every reference names a record of the export."""
    persons = {p["id"] for p in data["persons"]}
    organizations = {o["id"] for o in data["organizations"]}
    posts = {p["id"] for p in data["posts"]}
    memberships = [m["id"] for m in data["memberships"]]
    assert len(persons) == len(data["persons"])
    assert len(organizations) == len(data["organizations"])
    assert len(set(memberships)) == len(memberships)
    for membership in data["memberships"]:
        assert membership["person_id"] in persons
        assert membership["organization_id"] in organizations
        assert membership.get("on_behalf_of_id", next(iter(organizations))) in organizations
        if "post_id" in membership:
            assert membership["post_id"] in posts
    for post in data["posts"]:
        assert post["organization_id"] in organizations
    for organization in data["organizations"]:
        assert organization.get("parent_id", next(iter(organizations))) in organizations


def test_the_xiangzhou_roster_exports_whole_and_consistent(tmp_path: Path) -> None:
    ledger = load_dataset(XIANGZHOU)
    data = popolo_export(ledger)
    check_references(data)
    assert len(data["persons"]) == len(ledger.members) == 265
    seats = [m for m in data["memberships"] if m["id"].endswith("/seat")]
    assert len(seats) == 265
    roles = sum(len(m.roles) for m in ledger.members)
    assert sum("post_id" in m for m in data["memberships"]) == roles
    write_popolo(ledger, tmp_path / "popolo.json")
    assert json.loads((tmp_path / "popolo.json").read_text("utf-8")) == data
    result = CliRunner().invoke(cli, ["popolo", str(XIANGZHOU)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == data


@settings(max_examples=30)
@given(ledgers())
def test_any_ledger_exports_with_every_reference_resolved(ledger: Any) -> None:
    data = popolo_export(ledger)
    check_references(data)
    assert len(data["persons"]) == len(ledger.members)
    assert popolo_export(ledger) == data  # deterministic
