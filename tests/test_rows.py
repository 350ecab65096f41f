"""ledger_from_tables: a ledger from rows (dicts, cursors, data frames), checked like files."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cppcc_model.errors import DatasetError, InvalidValueError, Location
from cppcc_model.io._tables_schema import TABLES
from cppcc_model.io._tables_write import ledger_rows, table_cells
from cppcc_model.io.dataset import load_dataset, write_dataset
from cppcc_model.io.rows import ledger_from_tables, tables_problems
from cppcc_model.testing.strategies import ledgers

XIANGZHOU = Path(__file__).resolve().parents[1] / "examples" / "xiangzhou" / "dataset"


def csv_tables(directory: Path) -> dict[str, list[dict[str, str]]]:
    """Every CSV table of a dataset directory as row dicts, keyed by the file's stem."""
    tables = {}
    for path in sorted(directory.glob("*.csv")):
        with open(path, encoding="utf-8-sig", newline="") as stream:
            tables[path.stem] = [dict(row) for row in csv.DictReader(stream)]
    return tables


@pytest.fixture(scope="module")
def xiangzhou_tables() -> dict[str, list[dict[str, str]]]:
    return csv_tables(XIANGZHOU)


def small() -> dict[str, Any]:
    return {
        "committee": {
            "id": "xz",
            "name": "襄州区政协",
            "level": "区县",
            "jurisdiction": "hubei.xiangyang.xiangzhou",
        },
        "sectors": [{"id": "econ", "name": "经济界"}, {"id": "edu", "name": "教育界"}],
        "members": [
            {"id": "m1", "name": "张三", "sector_id": "econ"},
            {"id": "m2", "name": "李四", "sector_id": "edu", "gender": "女"},
        ],
        "proposals": [
            {
                "id": "p1",
                "subject": "关于加强社区养老服务的建议",
                "submitted_on": dt.date(2023, 1, 6),
                "proposer_kind": "joint",
                "member_ids": ["m2", "m1"],
            }
        ],
    }


def test_the_xiangzhou_tables_as_rows_load_the_same_ledger_as_the_files(
    xiangzhou_tables: dict[str, list[dict[str, str]]],
) -> None:
    ledger = ledger_from_tables(xiangzhou_tables, source="rows")
    assert ledger == load_dataset(XIANGZHOU)
    assert len(ledger.members) == 265


def test_english_table_and_column_names_load_the_same_ledger(tmp_path: Path) -> None:
    original = load_dataset(XIANGZHOU)
    write_dataset(original, tmp_path / "en", "csv", headers="en")
    tables = csv_tables(tmp_path / "en")
    assert "members" in tables
    assert "id" in tables["members"][0]
    assert ledger_from_tables(tables) == original


def test_a_small_committee_from_python_values() -> None:
    ledger = ledger_from_tables(small())
    assert [m.name for m in ledger.members] == ["张三", "李四"]
    assert ledger.proposals[0].member_ids == ("m2", "m1")  # a list cell keeps its order
    assert ledger.proposals[0].submitted_on == dt.date(2023, 1, 6)


@pytest.mark.parametrize(
    "committee",
    [
        {"id": "xz", "name": "襄州区政协", "level": "county", "jurisdiction": "hubei.x"},
        [{"id": "xz", "name": "襄州区政协", "level": "county", "jurisdiction": "hubei.x"}],
        [
            {"key": "id", "value": "xz"},
            {"key": "名称", "value": "襄州区政协"},
            {"key": "level", "value": "区县"},
            {"key": "jurisdiction", "value": "hubei.x"},
        ],
    ],
    ids=["one mapping", "one row", "key/value rows"],
)
def test_the_committee_is_one_mapping_one_row_or_key_value_rows(committee: Any) -> None:
    ledger = ledger_from_tables({"committee": committee})
    assert ledger.committee.name == "襄州区政协"
    assert ledger.committee.level.value == "county"


def test_every_problem_is_located_by_table_row_and_column_and_nothing_loads() -> None:
    tables = small()
    tables["委员"] = tables.pop("members")
    tables["委员"][1]["gender"] = "x"
    tables["委员"].append({"id": "m3", "name": "王五", "sector_id": "nope", "nmae": "?"})
    tables["proposals"][0]["submitted_on"] = "2023-02-30"
    tables["committe"] = []
    with pytest.raises(DatasetError) as caught:
        ledger_from_tables(tables, source="platform")
    problems = {(p.where.table, p.where.row, p.where.column): p for p in caught.value.problems}
    assert set(problems) == {
        ("委员", None, "nmae"),
        ("委员", 2, "gender"),
        ("委员", 3, "sector_id"),
        ("proposals", 1, "submitted_on"),
        ("committe", None, None),
    }
    assert problems[("委员", 2, "gender")].where == Location(
        file="platform", table="委员", row=2, column="gender", record_id="m2"
    )
    assert "did you mean 'name'?" in (problems[("委员", None, "nmae")].hint or "")
    assert "did you mean 'committee'?" in (problems[("committe", None, None)].hint or "")
    assert str(problems[("委员", 2, "gender")]).startswith(
        "platform, table '委员', row 2, column 'gender', record 'm2': 'x' is not a known 性别"
    )


def test_references_are_checked_once_every_cell_reads() -> None:
    tables = small()
    tables["members"][1]["sector_id"] = "education"
    [problem] = tables_problems(tables)
    assert (problem.where.table, problem.where.row, problem.where.column) == (
        "members",
        2,
        "sector_id",
    )
    assert (problem.code, problem.value) == ("I004", "education")


def test_a_committee_mapping_locates_its_problems_by_key() -> None:
    tables = small()
    tables["committee"] = {**tables["committee"], "name": "", "level": "乡镇"}
    problems = {(p.where.table, p.where.column) for p in tables_problems(tables)}
    assert problems == {("committee", "name"), ("committee", "level")}


def test_a_table_given_twice_and_a_missing_committee_are_problems() -> None:
    tables = small()
    del tables["committee"]
    tables["界别"] = []
    codes = [p.code for p in tables_problems(tables)]
    assert "L114" in codes  # the table is given twice
    assert "L112" in codes  # there is no committee table


def test_rows_beyond_the_limit_are_refused() -> None:
    tables = small()
    problems = tables_problems(tables, max_rows=1)
    assert [(p.where.table, p.where.row) for p in problems] == [
        ("sectors", 2),
        ("members", 2),
    ]
    with pytest.raises(InvalidValueError):
        tables_problems(tables, max_rows=0)


def test_a_row_that_is_not_a_mapping_is_a_problem() -> None:
    tables = small()
    tables["sectors"] = [("econ", "经济界")]
    [problem] = [p for p in tables_problems(tables) if p.where.table == "sectors"]
    assert problem.where.row == 1
    assert problem.code == "L116"


def test_a_db_api_cursor_and_database_values_load(tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / "x.db", detect_types=sqlite3.PARSE_DECLTYPES)
    connection.execute("create table 委员 (编号 text, 姓名 text, 界别 text, 任职日期 date)")
    connection.execute("insert into 委员 values ('m1', '张三', 'econ', '2021-12-01')")
    connection.execute("insert into 委员 values ('m2', '李四', 'edu', null)")
    tables = small()
    del tables["members"]
    tables["委员"] = connection.execute("select * from 委员 order by 编号")
    ledger = ledger_from_tables(tables)
    assert ledger.member("m1").joined == dt.date(2021, 12, 1)
    assert ledger.member("m2").joined is None
    connection.close()


def test_decimal_numpy_and_missing_values_read_as_the_cells_they_stand_for() -> None:
    np = pytest.importorskip("numpy")
    tables = small()
    tables["terms"] = [{"number": decimal.Decimal("5"), "start": "2021-12-01", "end": float("nan")}]
    tables["sessions"] = [
        {
            "term": np.int64(5),
            "number": np.int64(2),
            "start": dt.datetime(2023, 1, 5),
            "end": dt.date(2023, 1, 8),
        }
    ]
    ledger = ledger_from_tables(tables)
    assert ledger.terms[0].number == 5
    assert ledger.terms[0].end is None
    assert ledger.sessions[0].start == dt.date(2023, 1, 5)


def test_data_frames_load_as_their_records(
    xiangzhou_tables: dict[str, list[dict[str, str]]],
) -> None:
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    expected = load_dataset(XIANGZHOU)
    as_pandas = {name: pd.DataFrame(rows) for name, rows in xiangzhou_tables.items()}
    assert ledger_from_tables(as_pandas) == expected
    as_polars = {
        name: pl.DataFrame(rows, infer_schema_length=None)
        for name, rows in xiangzhou_tables.items()
    }
    assert ledger_from_tables(as_polars) == expected


@given(st.randoms(use_true_random=False))
def test_the_order_of_tables_and_of_columns_does_not_matter(random: Any) -> None:
    tables = small()
    names = list(tables)
    random.shuffle(names)
    shuffled: dict[str, Any] = {}
    for name in names:
        rows = tables[name]
        if isinstance(rows, dict):
            items = list(rows.items())
            random.shuffle(items)
            shuffled[name] = dict(items)
        else:
            new_rows = []
            for row in rows:
                items = list(row.items())
                random.shuffle(items)
                new_rows.append(dict(items))
            shuffled[name] = new_rows
    assert ledger_from_tables(shuffled) == ledger_from_tables(small())


@settings(max_examples=40)
@given(ledgers(), st.sampled_from(["en", "zh"]))
def test_any_ledger_as_the_rows_of_its_tables_loads_back_equal(ledger: Any, headers: str) -> None:
    rows = ledger_rows(ledger)
    tables = {}
    for table in TABLES:
        cells = table_cells(table, rows[table.name], headers)  # type: ignore[arg-type]
        header = [str(text) for text in next(cells)]
        tables[table.zh if headers == "zh" else table.name] = [
            dict(zip(header, values, strict=True)) for values in cells
        ]
    assert ledger_from_tables(tables) == ledger
