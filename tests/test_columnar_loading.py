"""The columnar CSV loader gives what the row loader gives: the same ledger, or the same problems.

A CSV dataset directory is loaded with its roll calls read by polars and checked whole
(:mod:`cppcc_model.io._columnar_load`); anything the column checks do not accept sends the
dataset to the row loader. These tests hold the two paths to one behaviour: for generated
ledgers written as CSV, the columnar ledger has exactly the row loader's engine columns, totals,
cards and records (built on demand); for damaged datasets, exactly the row loader's problems.
"""

from __future__ import annotations

import shutil
import sys
import threading
from pathlib import Path
from typing import Any

import attrs
import pytest
from cppcc_rules_tongcheng import build_rule_set
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate_ledger, period

from cppcc_model.assess import assess
from cppcc_model.engine.columns import Columns, build, columns_of
from cppcc_model.errors import DatasetError, Problem
from cppcc_model.io import json as ledger_json
from cppcc_model.io import tables
from cppcc_model.io._columnar_ledger import RollCallLedger
from cppcc_model.io.dataset import load_dataset, validate_dataset, write_dataset
from cppcc_model.io.tables import DEFAULT_MAX_ROWS, _problems_and_ledger
from cppcc_model.ledger import Ledger
from cppcc_model.testing.strategies import ledgers
from reliability._support import GOOD
from reliability.test_fuzz_datasets import _rows, _text, csv_mutation, file_damage

RULES = build_rule_set()
FRAMES = ("credits", "proposal_events", "info_events", "merges", "conversions")


# these small datasets take the columnar path (a district's size is read by rows)
pytestmark = pytest.mark.usefixtures("columns_at_any_size")


def row_loaded(path: Path, max_rows: int = DEFAULT_MAX_ROWS) -> Ledger | list[Problem]:
    """What the row loader alone gives: the ledger, or its problems."""
    problems, ledger = _problems_and_ledger(path, max_rows)
    return problems if ledger is None else ledger


def loaded(path: Path, max_rows: int = DEFAULT_MAX_ROWS) -> Ledger | list[Problem]:
    """What ``load_dataset`` gives (the columnar path first): the ledger, or its problems."""
    try:
        return load_dataset(path, max_rows=max_rows)
    except DatasetError as error:
        return list(error.problems)


def assert_same_columns(mine: Columns, theirs: Columns) -> None:
    assert mine.member_ids == theirs.member_ids
    assert mine.coder == theirs.coder
    for name in FRAMES:
        left, right = getattr(mine, name), getattr(theirs, name)
        assert left.schema == right.schema, name
        assert left.equals(right), name


def assert_same_ledger(columnar: Ledger, rows: Ledger) -> None:
    """Equal columns (the prebuilt ones, not built from objects), then equal records."""
    assert isinstance(columnar, RollCallLedger)
    assert not columnar.roll_calls_built
    assert columnar.record_count == rows.record_count
    assert_same_columns(columns_of(columnar), build(rows))
    assert not columnar.roll_calls_built  # the engine's columns did not need the objects
    assert columnar.activities == rows.activities  # built now, on demand
    assert columnar.roll_calls_built
    assert columnar == rows
    assert rows == columnar
    assert hash(columnar) == hash(rows)
    assert ledger_json.dumps(columnar) == ledger_json.dumps(rows)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    ledger=ledgers(max_members=8, max_records=8),
    headers=st.sampled_from(["en", "zh"]),
)
def test_a_generated_ledger_loads_the_same_by_columns(
    ledger: Ledger, headers: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("ledger") / "csv"
    write_dataset(ledger, path, "csv", headers=headers)  # type: ignore[arg-type]
    rows = row_loaded(path)
    assert isinstance(rows, Ledger)
    columnar = loaded(path)
    assert isinstance(columnar, Ledger)
    assert_same_ledger(columnar, rows)
    assert columnar == ledger


@settings(max_examples=6, deadline=None)
@given(members=st.integers(min_value=2, max_value=40), seed=st.integers(0, 2**32 - 1))
def test_the_columnar_ledger_scores_and_explains_the_same(
    members: int, seed: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("bench") / "csv"
    write_dataset(generate_ledger(members, seed=seed), path, "csv")
    rows = row_loaded(path)
    columnar = loaded(path)
    assert isinstance(rows, Ledger)
    assert isinstance(columnar, RollCallLedger)
    by_columns = assess(columnar, RULES, period())
    by_rows = assess(rows, RULES, period())
    # the columnar engine's totals come from the columns alone (small ledgers are scored by
    # the reference engine, which reads the records)
    assert columnar.roll_calls_built is (by_columns.engine == "reference")
    assert by_columns.totals() == by_rows.totals()
    assert by_columns.category_points() == by_rows.category_points()
    assert by_columns.grades() == by_rows.grades()
    first = by_rows.member_ids[0]
    assert by_columns.card(first) == by_rows.card(first)  # explained: builds the records
    assert columnar.roll_calls_built
    assert_same_columns(columns_of(columnar), build(rows))


def test_the_columnar_path_is_taken_for_a_plain_csv_dataset(tmp_path: Path) -> None:
    write_dataset(generate_ledger(60, seed=5), tmp_path / "csv", "csv")
    ledger = load_dataset(tmp_path / "csv")
    assert isinstance(ledger, RollCallLedger)
    assert not ledger.roll_calls_built
    assessed = assess(ledger, RULES, period())
    assert assessed.engine == "columnar"
    assert not ledger.roll_calls_built  # scored without an object per roll-call entry
    rows = row_loaded(tmp_path / "csv")
    assert isinstance(rows, Ledger)
    assert assessed.totals() == assess(rows, RULES, period()).totals()
    assert repr(ledger).startswith("Ledger(")  # a repr shows every record: they are built
    assert ledger.roll_calls_built


def test_a_copy_made_by_evolve_is_a_whole_ledger(tmp_path: Path) -> None:
    write_dataset(generate_ledger(30, seed=5), tmp_path / "csv", "csv")
    ledger = load_dataset(tmp_path / "csv")
    rows = row_loaded(tmp_path / "csv")
    assert isinstance(rows, Ledger)
    renamed = attrs.evolve(ledger, proposals=ledger.proposals[:3])
    assert renamed.activities == rows.activities
    assert renamed.record_count == rows.record_count - len(rows.proposals) + 3
    assert ledger.within(period()) == rows.within(period())


def test_threads_asking_at_once_see_the_same_objects(tmp_path: Path) -> None:
    write_dataset(generate_ledger(60, seed=9), tmp_path / "csv", "csv")
    ledger = load_dataset(tmp_path / "csv")
    seen: list[Any] = []
    threads = [threading.Thread(target=lambda: seen.append(ledger.activities)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(found is seen[0] for found in seen)


def test_roll_calls_in_any_row_order_load_as_the_row_loader_loads_them(tmp_path: Path) -> None:
    """Rows of several activities interleaved are put in the activities' order, stably."""
    path = tmp_path / "csv"
    write_dataset(generate_ledger(40, seed=3), path, "csv")
    file = path / "attendance.csv"
    header, *rows = file.read_text(encoding="utf-8").splitlines()
    assert len({row.split(",")[0] for row in rows}) > 2
    _rewrite(file, "\n".join([header, *rows[::2], *rows[1::2]]) + "\n")  # interleaved
    expected = row_loaded(path)
    assert isinstance(expected, Ledger)
    found = load_dataset(path)
    assert isinstance(found, RollCallLedger)
    assert_same_ledger(found, expected)


# ---------------------------------------------------------------------- unusual but valid files


def _good(tmp_path: Path) -> Path:
    target = tmp_path / "good"
    shutil.copytree(GOOD, target)
    return target


def _rewrite(path: Path, text: str, encoding: str = "utf-8") -> None:
    path.write_bytes(text.encode(encoding))


VALID_ROLL_CALLS = {
    "chinese headers and labels": "活动编号,委员编号,出勤状态,参与角色,出席半天数\n"
    "a1,m1,出席,,\na1,m2,请假,,\na1,m3,出席,,4\n",
    "traditional labels": "activity_id,member_id,status,role,half_days\n"
    "a1,m1,出席,,\na1,m2,請假,,\na1,m3,present,,4\n",
    "blank lines and empty rows": "activity_id,member_id,status,role,half_days\n\n"
    "a1,m1,present,,\n,,,,\na1,m2,excused,,\n  ,, , ,\na1,m3,present,,4\n",
    "spaces around cells": "activity_id, member_id ,status,role,half_days\n"
    " a1 ,m1, present ,,\na1,m2,excused,,\na1,m3,present,, 4 \n",
    "crlf line ends": "activity_id,member_id,status,role,half_days\r\n"
    "a1,m1,present,,\r\na1,m2,excused,,\r\na1,m3,present,,4\r\n",
    "columns in another order, some left out": "member_id,activity_id\nm1,a1\nm2,a1\nm3,a1\n",
    "full-width digits": "activity_id,member_id,status,role,half_days\n"
    "a1,m1,present,,\na1,m2,excused,,\na1,m3,present,,４\n",
    "quoted cells": 'activity_id,member_id,status,role,half_days\n"a1",m1,present,,\n'
    'a1,"m2",excused,,\na1,m3,present,,"4"\n',
    "header only": "activity_id,member_id,status,role,half_days\n",
}


@pytest.mark.parametrize("text", VALID_ROLL_CALLS.values(), ids=list(VALID_ROLL_CALLS))
def test_unusual_but_valid_roll_calls_load_the_same(tmp_path: Path, text: str) -> None:
    dataset = _good(tmp_path)
    _rewrite(dataset / "attendance.csv", text)
    rows = row_loaded(dataset)
    assert isinstance(rows, Ledger), rows
    columnar = loaded(dataset)
    assert columnar == rows
    # quotes are left to the row loader (the two CSV readers could split them differently)
    assert isinstance(columnar, RollCallLedger) is ('"' not in text)
    if isinstance(columnar, RollCallLedger):
        assert_same_columns(columns_of(columnar), build(rows))


@pytest.fixture
def roll_call_reads(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """For each reading of the roll calls' cells: whether ids and labels were taken as written."""
    from cppcc_model.io import _columnar_roll_calls

    seen: list[bool] = []
    read = _columnar_roll_calls.read_columns

    def spy(raw: Any, table: Any, max_rows: int, exact: Any = ()) -> Any:
        seen.append(bool(exact))
        return read(raw, table, max_rows, exact)

    monkeypatch.setattr(_columnar_roll_calls, "read_columns", spy)
    return seen


def test_plain_roll_calls_are_placed_as_written(
    tmp_path: Path, roll_call_reads: list[bool]
) -> None:
    write_dataset(generate_ledger(60, seed=5), tmp_path / "csv", "csv")
    ledger = loaded(tmp_path / "csv")
    assert isinstance(ledger, RollCallLedger)
    assert roll_call_reads == [True]  # read once, the ids and labels as written
    rows = row_loaded(tmp_path / "csv")
    assert ledger == rows
    assert isinstance(rows, Ledger)
    assert_same_columns(columns_of(ledger), build(rows))


@pytest.mark.parametrize(
    "text",
    [VALID_ROLL_CALLS["chinese headers and labels"], VALID_ROLL_CALLS["spaces around cells"]],
    ids=["chinese labels", "spaces around cells"],
)
def test_roll_calls_written_otherwise_are_read_again_cell_by_cell(
    tmp_path: Path, text: str, roll_call_reads: list[bool]
) -> None:
    dataset = _good(tmp_path)
    _rewrite(dataset / "attendance.csv", text)
    columnar = loaded(dataset)
    assert isinstance(columnar, RollCallLedger)  # still by columns
    assert roll_call_reads == [True, False]  # as written, then every cell read
    assert columnar == row_loaded(dataset)


def test_every_label_value_of_the_roll_calls_reads_as_itself() -> None:
    """What taking the roll calls' labels as written rests on."""
    from cppcc_model.io._columnar_cells import cell_value
    from cppcc_model.io._columnar_roll_calls import AS_WRITTEN
    from cppcc_model.io._tables_schema import table_by_name

    labels = [c for c in table_by_name("attendance").columns if c.name in AS_WRITTEN and c.enum]
    assert {c.name for c in labels} == {"status", "role"}
    for column in labels:
        assert column.enum is not None
        for member in column.enum:
            assert cell_value(member.value, column) == member.value


def test_an_id_written_otherwise_is_read_again_and_its_problem_reported_alike(
    tmp_path: Path, roll_call_reads: list[bool]
) -> None:
    # "'m1" is no member's id as written: the roll calls are read again, every cell as the row
    # loader reads it, and then left to the row loader, which says where the unknown id is
    dataset = _good(tmp_path)
    members = (dataset / "members.csv").read_text(encoding="utf-8")
    roster_id = members.splitlines()[1].split(",")[0]
    text = (dataset / "attendance.csv").read_text(encoding="utf-8")
    assert f",{roster_id}," in text
    _rewrite(dataset / "attendance.csv", text.replace(f",{roster_id},", f",'{roster_id},", 1))
    expected = row_loaded(dataset)
    assert isinstance(expected, list)
    assert expected
    assert loaded(dataset) == expected
    assert roll_call_reads == [True, False]


def test_a_roster_id_not_written_plainly_is_not_taken_as_written() -> None:
    import polars as pl

    from cppcc_model.io._columnar_roll_calls import _place, place_roll_calls

    frame = pl.DataFrame(
        {
            "activity_id": ["a1", "a1"],
            "member_id": ["'m1", "m2"],
            "status": [None, "present"],
            "role": [None, None],
            "half_days": [None, None],
        },
        schema={
            "activity_id": pl.String,
            "member_id": pl.String,
            "status": pl.String,
            "role": pl.String,
            "half_days": pl.Int64,
        },
    )
    activities = pl.DataFrame({"id": ["a1"], "half_days": [1]})
    members = pl.Series(["'m1", "m2"])  # a roster id read from a cell "''m1"
    # as a frame read cell by cell, "'m1" is the id itself
    assert place_roll_calls(frame, activities, members) is not None
    # as written: not taken, since a cell equal to a roster id not written plainly need not be
    # read by the row loader as that id
    assert _place(frame, activities, members, as_written=True) is None


def test_a_bom_and_a_chinese_file_name_are_read_by_columns(tmp_path: Path) -> None:
    dataset = _good(tmp_path)
    text = (dataset / "attendance.csv").read_text(encoding="utf-8")
    (dataset / "attendance.csv").unlink()
    _rewrite(dataset / "出勤.csv", "\ufeff" + text)
    rows = row_loaded(dataset)
    columnar = loaded(dataset)
    assert isinstance(rows, Ledger)
    assert isinstance(columnar, RollCallLedger)
    assert_same_ledger(columnar, rows)


# ---------------------------------------------------------------------- problems


BAD_ROLL_CALLS = {
    "unknown member": "a1,m9,present,,\n",
    "unknown activity": "a9,m1,present,,\n",
    "member twice": "a1,m1,excused,,\n",
    "unknown status": "a1,m4,maybe,,\n",
    "unknown role": "a1,m4,present,boss,\n",
    "too many half days": "a1,m4,present,,99\n",
    "negative half days": "a1,m4,present,,-1\n",
    "half days not a number": "a1,m4,present,,four\n",
    "empty member": "a1,,present,,\n",
    "empty activity": ",m4,present,,\n",
    "id with a space": "a1,m 4,present,,\n",
    "extra cell": "a1,m4,present,,,surplus\n",
    "nul byte": "a1,m4\x00,present,,\n",
    "stray quote": 'a1,"m4"x,present,,\n',
    "lone carriage return": "a1,m4,present,,\ra1,m5,present,,\n",
}


@pytest.mark.parametrize("line", BAD_ROLL_CALLS.values(), ids=list(BAD_ROLL_CALLS))
def test_a_bad_roll_call_gives_the_row_loaders_problems(tmp_path: Path, line: str) -> None:
    dataset = _good(tmp_path)
    with (dataset / "attendance.csv").open("a", encoding="utf-8", newline="") as out:
        out.write(line)
    expected = row_loaded(dataset)
    assert isinstance(expected, list), "the row loader refuses the file"
    assert expected
    assert loaded(dataset) == expected
    assert validate_dataset(dataset) == expected


def test_a_bad_unknown_header_and_too_many_rows_give_the_row_loaders_problems(
    tmp_path: Path,
) -> None:
    dataset = _good(tmp_path)
    text = (dataset / "attendance.csv").read_text(encoding="utf-8")
    _rewrite(dataset / "attendance.csv", text.replace("half_days", "half_dayz"))
    assert loaded(dataset) == row_loaded(dataset)
    assert isinstance(loaded(dataset), list)
    _rewrite(dataset / "attendance.csv", text)
    assert loaded(dataset, max_rows=2) == row_loaded(dataset, max_rows=2)
    assert isinstance(loaded(dataset, max_rows=2), list)


def test_a_problem_in_another_table_is_reported_with_the_roll_calls_problems(
    tmp_path: Path,
) -> None:
    dataset = _good(tmp_path)
    with (dataset / "attendance.csv").open("a", encoding="utf-8") as out:
        out.write("a1,m9,present,,\n")
    members = (dataset / "members.csv").read_text(encoding="utf-8")
    _rewrite(dataset / "members.csv", members.replace("econ", "ecno", 1))
    expected = row_loaded(dataset)
    assert isinstance(expected, list)
    assert len(expected) >= 2
    assert loaded(dataset) == expected


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    edits=st.lists(
        st.tuples(
            st.sampled_from(["attendance.csv", "attendance.csv", "activities.csv", "members.csv"]),
            csv_mutation(),
        ),
        min_size=1,
        max_size=3,
    ),
    damage=st.lists(file_damage(), max_size=1),
    max_rows=st.sampled_from([2, DEFAULT_MAX_ROWS]),
)
def test_mutated_roll_calls_load_or_fail_alike(
    edits: list[Any], damage: list[Any], max_rows: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    dataset = tmp_path_factory.mktemp("fuzz") / "good"
    shutil.copytree(GOOD, dataset)
    for name, (label, mutate) in edits:
        note(f"{name}: {label}")
        path = dataset / name
        path.write_text(_text(mutate(_rows(path.read_text(encoding="utf-8")))), encoding="utf-8")
    for label, spoil in damage:
        note(f"attendance.csv: {label}")
        path = dataset / "attendance.csv"
        data = spoil(path.read_bytes())
        if data is None:
            path.unlink()
        else:
            path.write_bytes(data)
    expected = row_loaded(dataset, max_rows)
    found = loaded(dataset, max_rows)
    assert found == expected
    if isinstance(found, RollCallLedger) and isinstance(expected, Ledger):
        assert_same_columns(columns_of(found), build(expected))


def test_progress_hears_the_same_stages_and_steps_on_either_path(tmp_path: Path) -> None:
    from cppcc_model.io import _columnar_load

    assert tables.PARSING == _columnar_load.PARSING
    write_dataset(generate_ledger(30, seed=5), tmp_path / "csv", "csv")
    heard: list[tuple[str, int, int]] = []
    ledger = load_dataset(tmp_path / "csv", progress=lambda *step: heard.append(step))
    assert isinstance(ledger, RollCallLedger)
    files = len(list((tmp_path / "csv").glob("*.csv")))
    assert heard == [
        (tables.READING, 0, 1),
        (tables.READING, 1, 1),
        *[(tables.PARSING, n, files) for n in range(files + 1)],
        (tables.CHECKING, 0, 1),
        (tables.CHECKING, 1, 1),
    ]


def test_a_second_bom_is_a_header_problem_on_either_path(tmp_path: Path) -> None:
    dataset = _good(tmp_path)
    data = (dataset / "attendance.csv").read_bytes()
    (dataset / "attendance.csv").write_bytes(b"\xef\xbb\xbf\xef\xbb\xbf" + data)
    expected = row_loaded(dataset)
    assert isinstance(expected, list)
    assert "unknown column" in expected[0].message
    assert loaded(dataset) == expected
