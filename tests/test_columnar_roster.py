"""The roster read as columns gives what the row loader gives: the same members or problems.

The members and their roles are read by polars and built straight from the frames
(:mod:`cppcc_model.io._columnar_roster`); anything those checks, the entity classes or the
ledger do not accept sends the dataset to the row loader. These tests hold the two paths to one
behaviour: a valid roster, however written, loads to equal members; a damaged one gives exactly
the row loader's problems, located.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from cppcc_model.engine.columns import build, columns_of
from cppcc_model.io import _columnar_load, _columnar_roster
from cppcc_model.io._columnar_ledger import ColumnarLedger
from cppcc_model.io.dataset import validate_dataset, write_dataset
from cppcc_model.io.tables import DEFAULT_MAX_ROWS
from cppcc_model.ledger import Ledger
from cppcc_model.model import Member
from cppcc_model.testing.strategies import ledgers
from reliability._support import GOOD
from reliability.test_fuzz_datasets import _rows, _text, csv_mutation, file_damage
from test_columnar_records import assert_same_columns, loaded, row_loaded

ROSTER_FILES = ["members.csv", "roles.csv"]
INPUTS = "subject_id,period,key,value\nm1,2023,extra_points,2\nm3,2023,extra_points,1\n"
"""An inputs table naming members (checked against the roster read as columns)."""


# these small datasets take the columnar path (a district's size is read by rows)
pytestmark = pytest.mark.usefixtures("columns_at_any_size")


@pytest.fixture
def rosters(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Member, ...] | None]:
    """What the columnar roster reader gave, each time it ran."""
    given: list[tuple[Member, ...] | None] = []
    read = _columnar_load.read_roster

    def spy(*args: Any) -> tuple[Member, ...] | None:
        members = read(*args)
        given.append(members)
        return members

    monkeypatch.setattr(_columnar_load, "read_roster", spy)
    return given


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / GOOD.name
    shutil.copytree(GOOD, target)
    return target


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def assert_same(columnar: Ledger | list[Any], rows: Ledger) -> None:
    assert isinstance(columnar, ColumnarLedger)
    assert columnar.members == rows.members
    assert columnar == rows
    assert_same_columns(columns_of(columnar), build(rows))


def test_the_sample_roster_is_read_as_columns(
    tmp_path: Path, rosters: list[tuple[Member, ...] | None]
) -> None:
    rows = row_loaded(GOOD)
    assert isinstance(rows, Ledger)
    assert_same(loaded(GOOD), rows)
    assert rosters == [rows.members]
    assert any(member.roles for member in rows.members)


def test_no_roles_file_is_no_roles(tmp_path: Path, rosters: list[Any]) -> None:
    dataset = _copy(tmp_path)
    (dataset / "roles.csv").unlink()
    rows = row_loaded(dataset)
    assert isinstance(rows, Ledger)
    assert_same(loaded(dataset), rows)
    assert rosters[0] is not None


VALID = {
    "gender in Chinese": ("members.csv", "male", "男"),
    "a date written the Chinese way": ("members.csv", "2021-12-01", "2021年12月1日"),
    "spaces around a cell": ("members.csv", "m1,张三,econ", " m1 , 张三 ,econ "),
    "a name written as a formula": ("members.csv", "张三", "'=张三"),
    "committees with separators": ("members.csv", "edu,,,tian", "edu,,, tian ；、"),
    "a role in Chinese": ("roles.csv", "standing_member", "常委"),
    "a role ending": ("roles.csv", "group_leader,2021-12-01,", "group_leader,2021-12-01,2022-5-1"),
    "a workplace and tags": (
        "members.csv",
        "joined,left\n",
        "joined,left,workplace,tags\n",
    ),
}


@pytest.mark.parametrize("edit", VALID.values(), ids=list(VALID))
def test_unusual_but_valid_rosters_load_the_same(
    tmp_path: Path, edit: Any, rosters: list[Any]
) -> None:
    name, old, new = edit
    dataset = _copy(tmp_path)
    _replace(dataset / name, old, new)
    if "tags" in new:
        _replace(dataset / name, "female,,\n", "female,,,区 教育局 局长,召集人；联络员\n")
    rows = row_loaded(dataset)
    assert isinstance(rows, Ledger), rows
    assert_same(loaded(dataset), rows)
    assert rosters == [rows.members]


BAD = {
    "a repeated member id": ("members.csv", "m3,王五", "m1,王五"),
    "an unknown sector": ("members.csv", "m3,王五,edu", "m3,王五,law"),
    "an unknown group": ("members.csv", "edu,,g1", "edu,,g9"),
    "an unknown special committee": ("members.csv", "edu,,,tian", "edu,,,tian;law"),
    "a committee named twice": ("members.csv", "edu,,,tian", "edu,,,tian;tian"),
    "an id with a space": ("members.csv", "m2,李四", "m 2,李四"),
    "no name": ("members.csv", "m2,李四", "m2,"),
    "an unknown gender": ("members.csv", "female", "other"),
    "left before joined": ("members.csv", "2021-12-01,", "2021-12-01,2020-01-01"),
    "not a date": ("members.csv", "2021-12-01,", "2021-13-01,"),
    "a control character in a name": ("members.csv", "李四", "李\x01四"),
    "a role of an unknown member": ("roles.csv", "m3,group_leader", "m9,group_leader"),
    "an unknown role": ("roles.csv", "standing_member", "king"),
    "a role without a start": ("roles.csv", "standing_member,2021-12-01", "standing_member,"),
    "a role ending before it starts": (
        "roles.csv",
        "group_leader,2021-12-01,",
        "group_leader,2021-12-01,2020-01-01",
    ),
    "a role of an unknown body": ("roles.csv", ",g1", ",g9"),
}


@pytest.mark.parametrize("edit", BAD.values(), ids=list(BAD))
def test_a_bad_roster_gives_the_row_loaders_problems(tmp_path: Path, edit: Any) -> None:
    name, old, new = edit
    dataset = _copy(tmp_path)
    _replace(dataset / name, old, new)
    expected = row_loaded(dataset)
    assert isinstance(expected, list), "the row loader refuses the dataset"
    assert expected
    assert all(problem.where.file for problem in expected)
    assert loaded(dataset) == expected
    assert validate_dataset(dataset) == expected


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledger=ledgers(max_members=8, max_records=6), headers=st.sampled_from(["en", "zh"]))
def test_generated_rosters_load_the_same_by_columns(
    ledger: Ledger, headers: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("ledger") / "csv"
    write_dataset(ledger, path, "csv", headers=headers)  # type: ignore[arg-type]
    rows = row_loaded(path)
    assert isinstance(rows, Ledger)
    assert_same(loaded(path), rows)
    assert rows == ledger


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    edits=st.lists(
        st.tuples(st.sampled_from([*ROSTER_FILES, "inputs.csv"]), csv_mutation()),
        min_size=1,
        max_size=3,
    ),
    damage=st.lists(st.tuples(st.sampled_from(ROSTER_FILES), file_damage()), max_size=1),
    max_rows=st.sampled_from([2, DEFAULT_MAX_ROWS]),
)
def test_mutated_rosters_load_or_fail_alike(
    edits: list[Any],
    damage: list[Any],
    max_rows: int,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    dataset = tmp_path_factory.mktemp("fuzz") / "good"
    shutil.copytree(GOOD, dataset)
    for name, (label, mutate) in edits:
        note(f"{name}: {label}")
        path = dataset / name
        text = (
            path.read_text(encoding="utf-8") if path.exists() else "subject_id,period,key,value\n"
        )
        path.write_text(_text(mutate(_rows(text))), encoding="utf-8")
    for name, (label, spoil) in damage:
        note(f"{name}: {label}")
        path = dataset / name
        data = spoil(path.read_bytes())
        if data is None:
            path.unlink()
        else:
            path.write_bytes(data)
    expected = row_loaded(dataset, max_rows)
    found = loaded(dataset, max_rows)
    assert found == expected
    if isinstance(found, ColumnarLedger) and isinstance(expected, Ledger):
        assert_same_columns(columns_of(found), build(expected))


@settings(max_examples=50, deadline=None)
@given(ledger=ledgers(max_members=8, max_records=0))
def test_members_set_from_their_values_equal_the_constructed_ones(ledger: Ledger) -> None:
    make = _columnar_roster._setter()
    assert make is not None, "the fields of Member are the ones the roster reader sets"
    columns = [
        [getattr(member, name) for member in ledger.members]
        for name, _, _ in _columnar_roster._CHECKED
    ]
    made = make(columns)
    assert len(made) == len(ledger.members)
    for one, member in zip(made, ledger.members, strict=True):
        assert type(one) is Member
        assert one == member
        assert hash(one) == hash(member)
        assert repr(one) == repr(member)
        # every field of each member set from its own row of the columns
        for name, _, _ in _columnar_roster._CHECKED:
            assert getattr(one, name) is getattr(member, name)


def test_the_member_maker_refuses_columns_that_do_not_fit() -> None:
    make = _columnar_roster._setter()
    assert make is not None
    fields = len(_columnar_roster._CHECKED)
    with pytest.raises(ValueError, match="columns given"):
        make([["m1"]] * (fields - 1))
    with pytest.raises(ValueError, match="not all as long"):
        make([["m1"]] * (fields - 1) + [[(), ()]])
    assert make([[] for _ in range(fields)]) == []


def test_a_member_class_with_other_checks_is_built_by_its_constructor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rosters: list[Any]
) -> None:
    checked = list(_columnar_roster._CHECKED)
    checked[1] = ("name", "another_check", None)
    monkeypatch.setattr(_columnar_roster, "_CHECKED", tuple(checked))
    assert _columnar_roster._setter() is None
    rows = row_loaded(GOOD)
    assert isinstance(rows, Ledger)
    assert_same(loaded(GOOD), rows)
    assert rosters == [rows.members]
    dataset = _copy(tmp_path)
    _replace(dataset / "members.csv", "2021-12-01,", "2021-12-01,2020-01-01")
    expected = row_loaded(dataset)
    assert isinstance(expected, list)
    assert loaded(dataset) == expected
