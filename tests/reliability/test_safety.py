"""Safety: rule files and datasets never run code, never read outside the dataset, and very
large inputs fail with a clear error where a limit is configured.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from cppcc_model.errors import DatasetError, InvalidValueError, Location
from cppcc_model.io import _tables_files
from cppcc_model.io.dataset import load_dataset, validate_dataset
from cppcc_model.numbers import exact
from cppcc_model.rules.toml import RuleFileError, loads_rule_set
from cppcc_model.testing.codes import raises_code
from reliability._support import CORPUS, GOOD, copy_good, skip_without_symlinks

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(
    [*(ROOT / "src").rglob("*.py"), *(ROOT / "plugins").glob("*/src/**/*.py")],
    key=lambda path: path.as_posix(),
)

# ---------------------------------------------------------------------- no code execution

FORBIDDEN = {
    "eval": re.compile(r"(?<![\w.])eval\("),
    "exec": re.compile(r"(?<![\w.])exec\("),
    "compile": re.compile(r"(?<![\w.])compile\("),
    "__import__": re.compile(r"__import__\("),
    "pickle": re.compile(r"\b(c?pickle|dill|marshal|shelve)\b"),
    "yaml": re.compile(r"\byaml\b", re.IGNORECASE),
    "os.system": re.compile(r"\bos\.(system|popen|exec\w*|spawn\w*)\("),
    "subprocess": re.compile(r"\bsubprocess\b"),
    "runpy": re.compile(r"\brunpy\b"),
}

# Imports by name that are allowed, each for a stated reason.
ALLOWED_IMPORTS = {
    # the plugin mechanism itself: entry points the user installed
    ("cppcc_model/plugins.py", "entry_point.load()"),
    # and loading one: the module an installed distribution's entry point names
    ("cppcc_model/entry_points.py", 'importlib.import_module(match.group("module"))'),
    # registering strategies for a fixed table of the library's own types
    ("cppcc_model/testing/_hypothesis_setup.py", "importlib.import_module(module_name)"),
    # the command's own sub-commands, from the fixed table cppcc_model.cli.COMMANDS
    ("cppcc_model/cli/app.py", "importlib.import_module(module_name)"),
}


def _code_lines(path: Path) -> list[tuple[int, str]]:
    """Lines of code, without comments and docstring-only lines (a rough but honest filter)."""
    lines = []
    in_doc = False
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        stripped = line.strip()
        quotes = stripped.count('"""') + stripped.count("'''")
        if in_doc:
            in_doc = quotes % 2 == 0
            continue
        if stripped.startswith(('"""', "'''")):
            in_doc = quotes % 2 == 1
            continue
        code = line.split("#", 1)[0]
        if code.strip():
            lines.append((number, code))
    return lines


def test_the_sources_were_found() -> None:
    names = {path.name for path in SOURCES}
    assert {"toml.py", "json.py", "_tables_files.py", "plugins.py"} <= names
    assert any("cppcc_rules_tongcheng" in path.as_posix() for path in SOURCES)


@pytest.mark.parametrize("name", sorted(FORBIDDEN))
def test_no_source_evaluates_unpickles_or_shells_out(name: str) -> None:
    pattern = FORBIDDEN[name]
    found = [
        f"{path.relative_to(ROOT)}:{number}: {code.strip()}"
        for path in SOURCES
        for number, code in _code_lines(path)
        if pattern.search(code)
    ]
    assert found == []


def test_the_only_imports_by_name_are_the_plugin_mechanism_and_the_strategy_registry() -> None:
    pattern = re.compile(r"import_module\(|\.load\(\)|__import__|importlib\.util|load_module")
    found = {
        (path.relative_to(ROOT / "src").as_posix(), match.group(0))
        for path in SOURCES
        if path.is_relative_to(ROOT / "src")
        for _, code in _code_lines(path)
        for match in [pattern.search(code)]
        if match
    }
    assert {place for place, _ in found} <= {place for place, _ in ALLOWED_IMPORTS}


def test_workbooks_are_opened_read_only_with_saved_values_not_formulas() -> None:
    calls = [
        code.strip()
        for path in SOURCES
        for _, code in _code_lines(path)
        if "load_workbook(" in code
    ]
    assert calls, "the workbook reader was found"
    assert all("read_only=True" in call and "data_only=True" in call for call in calls)


@pytest.mark.parametrize("name", ["os.system", "builtins.eval", "subprocess.run", "pickle.loads"])
def test_a_rule_file_can_only_name_registered_functions(name: str) -> None:
    text = (CORPUS / "toml" / "toml_base_loads.toml").read_text("utf-8")
    text = text.replace(
        'value = { by_stage = { "提交" = 10, "立案" = 15 } }', f'value = {{ function = "{name}" }}'
    )
    with pytest.raises(RuleFileError) as caught:
        loads_rule_set(text, source="r.toml")
    (problem,) = caught.value.problems
    assert (problem.code, problem.value) == ("R034", name)  # no registered function so named
    assert problem.where == Location(
        file="r.toml", line=18, key="categories[0].items[0].value.function"
    )


PAYLOADS = [
    "!!python/object/apply:os.system ['touch {marker}']",
    "__import__('os').system('touch {marker}')",
    "=cmd|' /C touch {marker}'!A0",
    "{{% import os %}}{{{{ os.system('touch {marker}') }}}}",
    "../../../../{marker}",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_dataset_cells_that_look_like_code_or_paths_stay_text(tmp_path: Path, payload: str) -> None:
    marker = tmp_path / "pwned"
    text = payload.format(marker=marker)
    dataset = copy_good(tmp_path)
    members = dataset / "members.csv"
    rows = list(csv.reader(members.read_text("utf-8").splitlines()))
    rows[1][1] = text  # m1's name
    with open(members, "w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(rows)
    ledger = load_dataset(dataset)
    assert ledger.member("m1").name == text
    assert not marker.exists()


# ---------------------------------------------------------------------- path containment


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A directory beside the dataset holding a table the dataset must never read."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "contributions.csv").write_text(
        "id,kind,title,on,author_ids\nc9,research_report,SECRET,2023-06-01,m1\n", encoding="utf-8"
    )
    return folder


OUTSIDE_PROBLEM = "L009"  # the file links to a place outside the dataset directory


@skip_without_symlinks
@pytest.mark.parametrize(
    "target",
    ["../outside/contributions.csv", "ABSOLUTE", "chain", "../outside"],
    ids=["relative", "absolute", "chain-inside-then-out", "directory"],
)
def test_links_leading_outside_are_problems_not_reads(
    tmp_path: Path, outside: Path, target: str
) -> None:
    dataset = copy_good(tmp_path)
    (dataset / "contributions.csv").unlink()
    link = dataset / "contributions.csv"
    if target == "ABSOLUTE":
        link.symlink_to(outside / "contributions.csv")
    elif target == "chain":
        (dataset / "#hop.csv").symlink_to("../outside/contributions.csv")
        link.symlink_to("#hop.csv")
    else:
        link.symlink_to(target)
    problems = validate_dataset(dataset)
    assert [(p.code, p.where) for p in problems] == [
        (OUTSIDE_PROBLEM, Location(file="contributions.csv"))
    ]
    with pytest.raises(DatasetError) as caught:
        load_dataset(dataset)
    assert "SECRET" not in str(caught.value)


@skip_without_symlinks
def test_a_linked_workbook_outside_is_not_read(tmp_path: Path, outside: Path) -> None:
    book = outside / "members.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["id", "name", "sector_id"])
    workbook.active.append(["m9", "SECRET", "econ"])
    workbook.save(book)
    dataset = copy_good(tmp_path)
    (dataset / "extra.xlsx").symlink_to(book)
    problems = validate_dataset(dataset)
    assert [(p.code, p.where) for p in problems] == [(OUTSIDE_PROBLEM, Location(file="extra.xlsx"))]


@skip_without_symlinks
def test_links_that_stay_inside_are_read_and_a_linked_dataset_directory_loads(
    tmp_path: Path,
) -> None:
    dataset = copy_good(tmp_path)
    (dataset / "委员.csv").symlink_to("members.csv")  # the same table under its Chinese name
    [problem] = validate_dataset(dataset)
    assert (problem.code, problem.value) == ("L029", "members (委员)")
    linked = tmp_path / "linked"
    linked.symlink_to(GOOD, target_is_directory=True)
    assert load_dataset(linked) == load_dataset(GOOD)


@skip_without_symlinks
def test_a_dangling_link_named_after_a_table_is_a_problem(tmp_path: Path) -> None:
    dataset = copy_good(tmp_path)
    (dataset / "contributions.csv").unlink()
    (dataset / "contributions.csv").symlink_to("contributions-2022.csv")
    problems = validate_dataset(dataset)
    assert [p.where.file for p in problems] == ["contributions.csv"]


def test_a_workbook_part_pointing_outside_the_archive_reads_nothing_outside(
    tmp_path: Path, outside: Path
) -> None:
    """Relationship targets with ``..`` name parts of the zip, never files on disk."""
    book = tmp_path / "book.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.title = "sectors"
    workbook.active.append(["id", "name"])
    workbook.active.append(["econ", "经济界"])
    workbook.save(book)
    secret_sheet = (
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>SECRET'
        "</t></is></c></row></sheetData></worksheet>"
    )
    (outside / "sheet.xml").write_text(secret_sheet, encoding="utf-8")
    with zipfile.ZipFile(book) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    parts["xl/_rels/workbook.xml.rels"] = rels.replace(
        "worksheets/sheet1.xml", "../../../outside/sheet.xml"
    ).encode()
    with zipfile.ZipFile(book, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    problems = validate_dataset(book)
    assert problems, "a workbook whose sheet is missing from the archive is refused"
    assert all("SECRET" not in str(p) for p in problems)
    assert {p.where.file for p in problems} == {"book.xlsx"}


# ---------------------------------------------------------------------- size limits


def test_the_row_limit_stops_reading_before_the_rest_of_the_file(tmp_path: Path) -> None:
    """Bytes after the limit are never decoded: the problem is the limit, not the encoding."""
    dataset = copy_good(tmp_path)
    rows = "".join(f"s{i},界别{i}\n" for i in range(20_000))  # far past the reader's buffer
    (dataset / "sectors.csv").write_bytes(
        ("id,name\necon,经济界\nedu,教育界\n" + rows).encode() + b"\xff\xfe garbage"
    )
    problems = [p for p in validate_dataset(dataset, max_rows=10) if p.where.file == "sectors.csv"]
    assert [(p.code, p.value, p.where) for p in problems] == [
        # more than 10 rows, the limit for one table
        ("L017", "sectors (界别)", Location(file="sectors.csv", row=12))
    ]


def test_a_workbook_row_limit_and_column_limit(tmp_path: Path) -> None:
    book = tmp_path / "book.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "sectors"
    sheet.append(["id", "name"])
    for i in range(30):
        sheet.append([f"s{i}", f"界别{i}"])
    wide = workbook.create_sheet("units")
    wide.append(["id"] + [f"c{i}" for i in range(_tables_files.MAX_COLUMNS + 5)])
    workbook.save(book)
    problems = [p for p in validate_dataset(book, max_rows=25) if p.where.sheet is not None]
    assert [(p.code, p.value, p.where) for p in problems] == [
        # more than 25 rows, the limit for one table
        ("L017", "sectors (界别)", Location(file="book.xlsx", sheet="sectors", row=27)),
        # the row has more cells than allowed
        (
            "L016",
            f"{_tables_files.MAX_COLUMNS + 6:,}",
            Location(file="book.xlsx", sheet="units", row=1),
        ),
    ]


def test_a_workbook_that_unpacks_too_large_is_refused_before_it_is_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = tmp_path / "book.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.title = "sectors"
    workbook.active.append(["id", "name"])
    workbook.save(book)
    with zipfile.ZipFile(book) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    monkeypatch.setattr(_tables_files, "MAX_WORKBOOK_BYTES", 1000)
    # (the limit grows with the row limit: 1 KiB per row, which the default would pass)
    [problem] = validate_dataset(book, max_rows=1)
    # the workbook unpacks to more bytes than allowed
    assert (problem.code, problem.value) == ("L019", f"{unpacked:,}")
    assert problem.where == Location(file="book.xlsx")


def test_a_cell_larger_than_the_csv_field_limit_is_a_located_problem(tmp_path: Path) -> None:
    dataset = copy_good(tmp_path)
    limit = csv.field_size_limit()
    (dataset / "sectors.csv").write_text(
        f"id,name\necon,经济界\nedu,{'界' * (limit + 1)}\n", encoding="utf-8"
    )
    problems = [p for p in validate_dataset(dataset) if p.where.file == "sectors.csv"]
    assert [(p.code, p.where) for p in problems] == [
        ("L015", Location(file="sectors.csv", row=3))  # the CSV text is malformed
    ]


def test_a_row_limit_below_one_is_refused() -> None:
    with raises_code(InvalidValueError, "L118", value="0"):
        load_dataset(GOOD, max_rows=0)


def test_an_absurd_exponent_in_a_rule_file_fails_quickly() -> None:
    with pytest.raises(InvalidValueError):
        exact("1e999999999")


def test_moderate_exponents_are_exact() -> None:
    assert exact("1e3") == 1000
    assert exact("12.5e-1") == exact("5/4")


def test_copying_the_good_fixture_does_not_touch_it(tmp_path: Path) -> None:
    before = {path.name: path.read_bytes() for path in GOOD.iterdir()}
    copy = copy_good(tmp_path)
    shutil.rmtree(copy)
    assert {path.name: path.read_bytes() for path in GOOD.iterdir()} == before
    assert os.access(GOOD, os.R_OK)
