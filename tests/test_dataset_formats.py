"""What a clerk's real files look like: BOMs, GBK, traditional labels, Excel dates, workbooks."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cppcc_model.errors import CppccError, DatasetError, Location
from cppcc_model.io._tables_cells import CellError, read_cell, split_list
from cppcc_model.io._tables_schema import TABLES, CellKind, table_named
from cppcc_model.io.dataset import load_dataset, validate_dataset, write_dataset
from cppcc_model.labels import normalize_label
from cppcc_model.ledger import Ledger
from cppcc_model.model import AttendanceStatus, HandlingRole, HandlingUnit, ProposalStep
from cppcc_model.testing.codes import raises_code

DATA = Path(__file__).parent / "data" / "datasets"
GOOD = DATA / "good"
GOOD_ZH = DATA / "good_zh"


@pytest.fixture
def good() -> Ledger:
    return load_dataset(GOOD)


def copy_good(tmp_path: Path) -> Path:
    target = tmp_path / "ds"
    shutil.copytree(GOOD, target)
    return target


# ---------------------------------------------------------------------- encodings and labels


def test_chinese_headers_traditional_labels_bom_and_chinese_dates_load_the_same(
    good: Ledger,
) -> None:
    assert (GOOD_ZH / "委员.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert "請假" in (GOOD_ZH / "出勤.csv").read_text(encoding="utf-8-sig")
    assert load_dataset(GOOD_ZH) == good


def test_the_good_fixture_reads_as_intended(good: Ledger) -> None:
    assert [m.name for m in good.members] == ["张三", "李四", "王五"]
    assert good.activities[0].entry_for("m2").status is AttendanceStatus.EXCUSED  # type: ignore[union-attr]
    assigned = good.proposal("p1").events(ProposalStep.ASSIGNED)[0]
    assert assigned.units == (
        HandlingUnit("区民政局", HandlingRole.LEAD),
        HandlingUnit("区卫健局", HandlingRole.CO),
    )
    assert good.proposal("p2").member_ids == ("m2", "m3")
    assert good.work_plans[0].items[0].lead_bodies == ("经济委", "提案委")


def test_gbk_csv_gets_a_message_that_says_save_as_utf8(tmp_path: Path) -> None:
    dataset = copy_good(tmp_path)
    shutil.copy(DATA / "malformed" / "members_gbk.csv", dataset / "members.csv")
    problems = validate_dataset(dataset)
    assert problems[0].where == Location(file="members.csv")
    assert problems[0].code == "L011"  # not UTF-8: it looks like GBK
    assert problems[0].hint is not None
    assert "CSV UTF-8" in problems[0].hint
    # references into the unreadable table are not blamed on the other tables
    assert len(problems) == 1


def test_utf16_text_is_refused_with_its_name(tmp_path: Path) -> None:
    dataset = copy_good(tmp_path)
    shutil.copy(DATA / "malformed" / "members_utf16.csv", dataset / "members.csv")
    [problem] = validate_dataset(dataset)
    assert (problem.code, problem.value) == ("L013", None)


def test_bytes_that_are_neither_utf8_nor_gbk(tmp_path: Path) -> None:
    dataset = copy_good(tmp_path)
    (dataset / "sectors.csv").write_bytes(b"id,name\n\xff\xfe\xfd,x\n")
    [problem] = validate_dataset(dataset)
    assert (problem.code, problem.value) == ("L012", "8")
    assert problem.where == Location(file="sectors.csv")


def test_a_file_with_many_problems_reports_them_all_at_once(tmp_path: Path) -> None:
    dataset = copy_good(tmp_path)
    shutil.copy(DATA / "malformed" / "members_many_problems.csv", dataset / "members.csv")
    with pytest.raises(DatasetError) as raised:
        load_dataset(dataset)
    located = [
        (p.where.row, p.where.column)
        for p in raised.value.problems
        if p.where.file == "members.csv"
    ]
    assert located == [
        (1, "nmae"),
        (1, "hobby"),
        (1, None),
        (3, "gender"),
        (4, "joined"),
        (4, "id"),
        (3, "sector_id"),
    ]
    assert str(raised.value).startswith(f"cannot load the dataset {dataset} (")


# ---------------------------------------------------------------------- cells


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022-05-03", dt.date(2022, 5, 3)),
        ("2022/5/3", dt.date(2022, 5, 3)),
        ("2022.5.3", dt.date(2022, 5, 3)),
        ("2022年5月3日", dt.date(2022, 5, 3)),
        ("２０２２年５月３日", dt.date(2022, 5, 3)),
        ("2022-05-03 00:00:00", dt.date(2022, 5, 3)),
        ("20220503", dt.date(2022, 5, 3)),
        ("44684", dt.date(2022, 5, 3)),  # an Excel serial number saved as text
        (44684, dt.date(2022, 5, 3)),
        (44684.75, dt.date(2022, 5, 3)),
        (dt.datetime(2022, 5, 3), dt.date(2022, 5, 3)),
        (59, dt.date(1900, 2, 28)),
        (61, dt.date(1900, 3, 1)),
    ],
)
def test_dates_as_clerks_write_them(text: object, expected: dt.date) -> None:
    assert read_cell(text, TABLES[1].column("start")) == expected


@pytest.mark.parametrize(
    "text",
    ["2022", "五月三日", "2022-13-01", "2022-02-29", "2022-5/3", 60, -5, True, "3/5", "May 3"],
)
def test_what_is_not_a_date(text: object) -> None:
    with pytest.raises(CellError):
        read_cell(text, TABLES[1].column("start"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("是", True),
        ("否", False),
        ("TRUE", True),
        ("false", False),
        ("1", True),
        (0, False),
        (True, True),
    ],
)
def test_yes_and_no(text: object, expected: bool) -> None:
    column = table_named("proposal_events").column("face_to_face")  # type: ignore[union-attr]
    assert read_cell(text, column) is expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("m1;m2", ["m1", "m2"]),
        ("m1；m2、m3,m4，m5", ["m1", "m2", "m3", "m4", "m5"]),
        ("m1\nm2", ["m1", "m2"]),
        (" m1 ; m2 ;", ["m1", "m2"]),
        ('"甲,乙"；丙', ["甲,乙", "丙"]),
        ('"说""好"""', ['说"好"']),
    ],
)
def test_list_cells(cell: str, expected: list[str]) -> None:
    assert ["".join(text for text, _ in item) for item in split_list(cell)] == expected


def test_handling_units_with_their_part_in_brackets() -> None:
    column = table_named("proposal_events").column("units")  # type: ignore[union-attr]
    assert read_cell("区住建局（主辦）；区政府（办公室）、区交通局 (co)", column) == (
        HandlingUnit("区住建局", HandlingRole.LEAD),
        HandlingUnit("区政府（办公室）"),
        HandlingUnit("区交通局", HandlingRole.CO),
    )


def test_numbers_typed_into_id_and_text_cells_read_as_text() -> None:
    members = table_named("members")
    assert members is not None
    assert read_cell(1001, members.column("id")) == "1001"
    assert read_cell(1001.0, members.column("name")) == "1001"


def test_tables_and_headers_have_distinct_names() -> None:
    names = [normalize_label(name) for table in TABLES for name in table.names]
    assert len(names) == len(set(names))
    for table in TABLES:
        headers = [normalize_label(h) for column in table.columns for h in column.headers]
        assert len(headers) == len(set(headers)), table.name
        for column in table.columns:
            assert (column.enum is not None) == (column.kind is CellKind.ENUM)


# ---------------------------------------------------------------------- workbooks


def _workbook_from(dataset: Path, target: Path, *, serial_dates: bool = False) -> None:
    """Put every CSV table of ``dataset`` into one workbook, as a clerk would paste it."""
    import csv

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for path in sorted(dataset.glob("*.csv")):
        sheet = workbook.create_sheet(path.stem)
        with open(path, encoding="utf-8-sig", newline="") as stream:
            for row in csv.reader(stream):
                cells: list[object] = []
                for cell in row:
                    if serial_dates and len(cell) == 10 and cell[4] == "-" and cell[7] == "-":
                        day = dt.date.fromisoformat(cell)
                        cells.append((day - dt.date(1899, 12, 30)).days)
                    elif cell.isdigit() and len(cell) < 5:
                        cells.append(int(cell))
                    else:
                        cells.append(cell or None)
                sheet.append(cells)
    workbook.save(target)


def test_workbook_with_excel_serial_dates_and_number_cells(good: Ledger, tmp_path: Path) -> None:
    target = tmp_path / "台账.xlsx"
    _workbook_from(GOOD, target, serial_dates=True)
    assert load_dataset(target) == good


def test_workbook_with_chinese_sheet_names(good: Ledger, tmp_path: Path) -> None:
    target = tmp_path / "台账.xlsx"
    _workbook_from(GOOD_ZH, target)
    assert load_dataset(target) == good


def test_notes_sheets_and_empty_default_sheets_are_ignored(good: Ledger, tmp_path: Path) -> None:
    target = tmp_path / "book.xlsx"
    _workbook_from(GOOD, target)
    workbook = openpyxl.load_workbook(target)
    workbook.create_sheet("#说明").append(["这是填表说明"])
    workbook.create_sheet("Sheet3")
    workbook.save(target)
    assert load_dataset(target) == good


def test_an_unknown_sheet_with_data_is_a_problem(tmp_path: Path) -> None:
    target = tmp_path / "book.xlsx"
    _workbook_from(GOOD, target)
    workbook = openpyxl.load_workbook(target)
    workbook.create_sheet("membres").append(["id"])
    workbook.save(target)
    [problem] = validate_dataset(target)
    assert (problem.code, problem.value) == ("L021", "membres")
    assert problem.where == Location(file="book.xlsx", sheet="membres")
    assert problem.hint is not None
    assert problem.hint.startswith("did you mean 'members'?")


def test_problems_in_a_workbook_name_the_sheet(tmp_path: Path) -> None:
    target = tmp_path / "book.xlsx"
    _workbook_from(GOOD, target)
    workbook = openpyxl.load_workbook(target)
    workbook["members"]["C3"] = "edux"
    workbook.save(target)
    [problem] = validate_dataset(target)
    assert problem.where == Location(
        file="book.xlsx", sheet="members", row=3, column="sector_id", record_id="m2"
    )


def test_a_directory_of_workbooks_one_table_each(good: Ledger, tmp_path: Path) -> None:
    dataset = tmp_path / "ds"
    dataset.mkdir()
    source = copy_good(tmp_path / "src")
    for path in source.glob("*.csv"):
        single = tmp_path / "single"
        single.mkdir(exist_ok=True)
        shutil.copy(path, single / path.name)
        _workbook_from(single, dataset / f"{path.stem}.xlsx")
        (single / path.name).unlink()
        book = openpyxl.load_workbook(dataset / f"{path.stem}.xlsx")
        book.active.title = "Sheet1"  # whatever the sheet is called
        book.save(dataset / f"{path.stem}.xlsx")
    assert load_dataset(dataset) == good


def test_text_that_looks_like_a_formula_stays_text(good: Ledger, tmp_path: Path) -> None:
    import attrs

    sector = attrs.evolve(good.sectors[0], name='=HYPERLINK("x")')
    ledger = attrs.evolve(good, sectors=(sector, *good.sectors[1:]))
    target = tmp_path / "out.xlsx"
    write_dataset(ledger, target, "xlsx")
    workbook = openpyxl.load_workbook(target)
    assert workbook["sectors"]["B2"].data_type == "s"
    assert load_dataset(target) == ledger


def test_a_damaged_workbook_is_a_dataset_error(tmp_path: Path) -> None:
    target = tmp_path / "broken.xlsx"
    target.write_bytes(b"PK\x03\x04 not really a zip")
    [problem] = validate_dataset(target)
    assert problem.code == "L018"  # not a valid .xlsx file (not a zip)
    assert problem.where == Location(file="broken.xlsx")


def test_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    target = tmp_path / "other.xlsx"
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("hello.txt", "hi")
    [problem] = validate_dataset(target)
    assert problem.code == "L020"  # cannot read the workbook
    assert problem.where == Location(file="other.xlsx")


# ---------------------------------------------------------------------- safety and limits


def test_a_file_linking_outside_the_dataset_is_not_read(tmp_path: Path) -> None:
    dataset = copy_good(tmp_path)
    outside = tmp_path / "secret.csv"
    outside.write_text("id,name\nx,y\n", encoding="utf-8")
    (dataset / "sectors.csv").unlink()
    os.symlink(outside, dataset / "sectors.csv")
    problems = validate_dataset(dataset)
    assert problems[0].code == "L009"  # links to a place outside the dataset directory
    assert problems[0].where == Location(file="sectors.csv")


def test_a_row_limit_fails_clearly(tmp_path: Path) -> None:
    dataset = copy_good(tmp_path)
    rows = "".join(f"s{i},界别{i}\n" for i in range(50))
    (dataset / "sectors.csv").write_text("id,name\necon,经济界\nedu,教育界\n" + rows, "utf-8")
    assert load_dataset(dataset, max_rows=52).sectors[-1].id == "s49"
    [problem] = validate_dataset(dataset, max_rows=51)
    assert (problem.code, problem.value) == ("L017", "sectors (界别)")
    assert problem.where == Location(file="sectors.csv", row=53)


def test_a_row_with_absurdly_many_cells(tmp_path: Path) -> None:
    dataset = copy_good(tmp_path)
    (dataset / "sectors.csv").write_text("id,name\n" + "x," * 5000 + "\n", "utf-8")
    [problem] = validate_dataset(dataset)
    assert (problem.code, problem.value) == ("L016", "5,001")


@pytest.mark.parametrize(
    ("name", "code", "value"),
    [
        ("members.csv", "L005", ".csv"),  # cannot read a .csv as a dataset
        ("notes.txt", "L005", ".txt"),
        ("missing", "L004", None),  # there is no such file or directory
    ],
)
def test_paths_that_are_not_datasets(
    tmp_path: Path, name: str, code: str, value: str | None
) -> None:
    path = tmp_path / name
    if name != "missing":
        path.write_text("x", encoding="utf-8")
    [problem] = validate_dataset(path)
    assert (problem.code, problem.value) == (code, value)


def test_writing_next_to_the_same_table_under_another_name_is_refused(
    good: Ledger, tmp_path: Path
) -> None:
    write_dataset(good, tmp_path, "csv", headers="zh")
    with pytest.raises(DatasetError) as raised:
        write_dataset(good, tmp_path, "csv", headers="en")
    assert raised.value.problems[0].where == Location(file="专门委员会.csv")
    assert not (tmp_path / "members.csv").exists()


def test_unknown_format_or_header_language(good: Ledger, tmp_path: Path) -> None:
    with raises_code(CppccError, "L411", value="ods"):
        write_dataset(good, tmp_path, "ods")  # type: ignore[arg-type]
    with raises_code(CppccError, "L406", value="fr"):
        write_dataset(good, tmp_path, "csv", headers="fr")  # type: ignore[arg-type]


# ---------------------------------------------------------------------- fuzzing


def problems_loading(path: Path) -> tuple[object, ...] | None:
    """``None`` when the dataset loads, its problems when it fails as a DatasetError."""
    try:
        load_dataset(path)
    except DatasetError as exc:
        return exc.problems
    return None


FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(data=st.binary(max_size=300))
def test_random_bytes_in_a_csv_table_never_escape_as_another_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    dataset = copy_good(tmp_path_factory.mktemp("fuzz"))
    (dataset / "members.csv").write_bytes(data)
    problems = problems_loading(dataset)  # any other exception fails the test
    assert problems is None or all(p.where.file for p in problems)  # type: ignore[attr-defined]


@FUZZ
@given(st.lists(st.lists(st.text(max_size=12), max_size=10), max_size=6))
def test_random_cells_in_a_csv_table_never_escape_as_another_error(
    tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]]
) -> None:
    import csv

    dataset = copy_good(tmp_path_factory.mktemp("fuzz"))
    header = "id,name,sector_id,unit_id,activity_group_id,special_committee_ids,gender,joined,left"
    with open(dataset / "members.csv", "w", encoding="utf-8", newline="") as stream:
        stream.write(header + "\n")
        csv.writer(stream).writerows(rows)
    problems = problems_loading(dataset)
    assert problems is None or all(p.where.file for p in problems)  # type: ignore[attr-defined]


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(min_size=1, max_size=2000), cut=st.integers(0, 10_000))
def test_damaged_workbooks_never_escape_as_another_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, cut: int
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    good_book = folder / "good.xlsx"
    _workbook_from(GOOD, good_book)
    raw = bytearray(good_book.read_bytes())
    position = cut % len(raw)
    raw[position : position + len(data)] = data
    target = folder / "bad.xlsx"
    target.write_bytes(bytes(raw))
    problems = problems_loading(target)
    assert problems is None or len(problems) > 0


def test_a_workbook_must_be_named_xlsx(good: Ledger, tmp_path: Path) -> None:
    with raises_code(CppccError, "O015"):
        write_dataset(good, tmp_path / "book.xls", "xlsx")


def test_problems_the_ledger_finds_are_mapped_back_to_their_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should the ledger find a problem the tables did not, it still names file and row."""
    from cppcc_model.io import _tables_build

    monkeypatch.setattr(_tables_build._Builder, "reference", lambda *args, **kwargs: True)
    dataset = copy_good(tmp_path)
    text = (dataset / "members.csv").read_text(encoding="utf-8")
    (dataset / "members.csv").write_text(text.replace("m2,李四,edu", "m2,李四,edux"), "utf-8")
    [problem] = validate_dataset(dataset)
    assert (problem.code, problem.value) == ("I003", "edux")
    assert problem.where == Location(file="members.csv", row=3, record_id="m2")
