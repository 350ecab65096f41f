"""Nothing silently lost on load: damaged workbook parts, table files that are not files,
strict number cells, and text with characters no output can carry.

Each damaged input must be a located problem — ``validate`` exits 2 naming the file, sheet or
record — never a dataset that loads with a table missing.
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import shutil
import socket
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from cppcc_model.cli import cli
from cppcc_model.errors import DatasetError, Problem
from cppcc_model.io.dataset import load_dataset, validate_dataset
from cppcc_model.ledger import Ledger
from reliability._support import copy_good, fuzz, good_ledger

# ---------------------------------------------------------------------- workbook archives


def _entries(book: Path) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(book) as archive:
        return [(info, archive.read(info)) for info in archive.infolist()]


def _rewrite(book: Path, entries: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in entries:
            archive.writestr(info, data)
    book.write_bytes(buffer.getvalue())


def _sheet_part(book: Path, sheet: str) -> str:
    with zipfile.ZipFile(book) as archive:
        workbook = archive.read("xl/workbook.xml").decode()
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
    rel_id = re.search(rf'<sheet name="{sheet}"[^>]*r:id="([^"]+)"', workbook)
    assert rel_id is not None
    target = re.search(rf'Target="([^"]+)" Id="{rel_id.group(1)}"', rels)
    assert target is not None
    return target.group(1).lstrip("/")


def _problems(path: Path) -> list[Problem]:
    problems = validate_dataset(path)
    with pytest.raises(DatasetError) as caught:
        load_dataset(path)
    assert list(caught.value.problems) == problems
    return problems


def _validate_exits_2_naming(path: Path, *names: str) -> None:
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 2, result.output
    for name in names:
        assert name in result.output, (name, result.output)


@pytest.fixture
def book(tmp_path: Path, fresh_book: Callable[[Path], Path]) -> Path:
    return fresh_book(tmp_path)


def test_a_missing_sheet_part_is_a_problem_not_a_missing_table(book: Path) -> None:
    part = _sheet_part(book, "attendance")
    _rewrite(book, [(i, d) for i, d in _entries(book) if i.filename != part])
    problems = _problems(book)
    assert [(p.where.file, p.where.sheet) for p in problems] == [("book.xlsx", "attendance")]
    assert (problems[0].code, problems[0].value) == ("L026", "attendance")  # its part is missing
    _validate_exits_2_naming(book, "book.xlsx", "attendance")


@pytest.mark.parametrize(
    "target",
    ["../../../../etc/passwd", "/../outside.xml", "file:///etc/passwd", "http://x.example/s"],
)
def test_a_sheet_pointing_outside_the_archive_is_a_problem(book: Path, target: str) -> None:
    part = _sheet_part(book, "members")
    entries = []
    for info, data in _entries(book):
        if info.filename == "xl/_rels/workbook.xml.rels":
            data = data.replace(f'Target="/{part}"'.encode(), f'Target="{target}"'.encode())
        entries.append((info, data))
    _rewrite(book, entries)
    problems = _problems(book)
    sheets = {(p.where.sheet, p.code == "L025") for p in problems}  # points outside the workbook
    assert ("members", True) in sheets
    _validate_exits_2_naming(book, "book.xlsx", "members")


def test_an_external_relationship_is_a_problem(book: Path) -> None:
    part = _sheet_part(book, "proposals")
    entries = []
    for info, data in _entries(book):
        if info.filename == "xl/_rels/workbook.xml.rels":
            data = data.replace(
                f'Target="/{part}"'.encode(), f'Target="/{part}" TargetMode="External"'.encode()
            )
        entries.append((info, data))
    _rewrite(book, entries)
    problems = _problems(book)
    assert any(p.where.sheet == "proposals" and p.code == "L025" for p in problems)


def test_an_unreadable_sheet_part_is_a_problem(book: Path) -> None:
    part = _sheet_part(book, "members")
    raw = bytearray(book.read_bytes())
    with zipfile.ZipFile(book) as archive:
        info = archive.getinfo(part)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 5, start + info.compress_size - 5, 7):
        raw[offset] ^= 0xFF  # damage the compressed rows, not the archive's map
    book.write_bytes(bytes(raw))
    problems = _problems(book)
    assert any(p.where.file == "book.xlsx" and p.where.sheet == "members" for p in problems)
    _validate_exits_2_naming(book, "book.xlsx", "members")


@fuzz(25)
@given(st.randoms(use_true_random=False))
def test_a_reordered_archive_loads_the_same(
    tmp_path_factory: pytest.TempPathFactory, good_book_template: Path, rnd: random.Random
) -> None:
    book = tmp_path_factory.mktemp("reordered") / "book.xlsx"
    shutil.copyfile(good_book_template, book)
    entries = _entries(book)
    rnd.shuffle(entries)
    _rewrite(book, entries)
    assert load_dataset(book) == load_dataset(good_book_template)


@fuzz(40)
@given(st.floats(0.0, 0.999))
def test_a_truncated_archive_is_refused_naming_the_file(
    tmp_path_factory: pytest.TempPathFactory, good_book_template: Path, fraction: float
) -> None:
    data = good_book_template.read_bytes()
    book = tmp_path_factory.mktemp("truncated") / "book.xlsx"
    book.write_bytes(data[: int(len(data) * fraction)])
    problems = _problems(book)
    assert problems
    assert all(p.where.file == "book.xlsx" for p in problems)


@fuzz(60)
@given(st.data())
def test_a_damaged_byte_never_loads_a_different_ledger(
    tmp_path_factory: pytest.TempPathFactory, good_book_template: Path, data: st.DataObject
) -> None:
    raw = bytearray(good_book_template.read_bytes())
    position = data.draw(st.integers(0, len(raw) - 1))
    raw[position] ^= data.draw(st.integers(1, 255))
    book = tmp_path_factory.mktemp("flipped") / "book.xlsx"
    book.write_bytes(bytes(raw))
    problems = validate_dataset(book)
    assert all(p.where.file == "book.xlsx" for p in problems)
    if not problems:
        assert load_dataset(book) == load_dataset(good_book_template)


@fuzz(30)
@given(st.sampled_from(["members", "attendance", "activities", "proposals", "committee"]))
def test_a_dropped_sheet_part_is_always_named(
    tmp_path_factory: pytest.TempPathFactory, good_book_template: Path, sheet: str
) -> None:
    book = tmp_path_factory.mktemp("dropped") / "book.xlsx"
    shutil.copyfile(good_book_template, book)
    part = _sheet_part(book, sheet)
    _rewrite(book, [(i, d) for i, d in _entries(book) if i.filename != part])
    problems = _problems(book)
    assert any(p.where.sheet == sheet for p in problems)


def test_an_empty_sheet_named_after_a_table_is_a_problem(book: Path) -> None:
    import openpyxl

    workbook = openpyxl.load_workbook(book)
    sheet = workbook["attendance"]
    workbook.remove(sheet)
    workbook.create_sheet("attendance")
    workbook.save(book)
    problems = _problems(book)
    assert [(p.where.sheet, p.code) for p in problems] == [("attendance", "L023")]  # empty sheet


# ---------------------------------------------------------------------- table files


def _dataset(tmp_path: Path) -> Path:
    return copy_good(tmp_path / "ds")


def test_an_empty_table_file_is_a_problem(tmp_path: Path) -> None:
    data = _dataset(tmp_path)
    (data / "attendance.csv").write_bytes(b"")
    problems = _problems(data)
    assert [(p.where.file, p.code) for p in problems] == [("attendance.csv", "L014")]  # empty
    _validate_exits_2_naming(data, "attendance.csv")


def test_a_table_file_of_blank_lines_is_a_problem(tmp_path: Path) -> None:
    data = _dataset(tmp_path)
    (data / "members.csv").write_bytes(b"\xef\xbb\xbf\r\n , \r\n\r\n")
    problems = _problems(data)
    assert [(p.where.file, p.code) for p in problems] == [("members.csv", "L014")]


def test_an_empty_workbook_file_is_a_problem(tmp_path: Path) -> None:
    data = _dataset(tmp_path)
    (data / "attendance.csv").unlink()
    (data / "attendance.xlsx").write_bytes(b"")
    problems = _problems(data)
    assert problems
    assert {p.where.file for p in problems} == {"attendance.xlsx"}


@pytest.mark.parametrize("kind", ["directory", "fifo", "socket", "device", "dangling link"])
@pytest.mark.parametrize("name", ["attendance.csv", "members.csv", "extra.xlsx", "委员.csv"])
def test_a_table_name_that_is_not_a_file_is_a_problem(tmp_path: Path, kind: str, name: str) -> None:
    data = _dataset(tmp_path)
    path = data / name
    if path.exists():
        path.unlink()
    if name == "委员.csv":
        (data / "members.csv").unlink()
    if kind == "directory":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX)
        try:
            server.bind(os.fspath(path))
        except OSError as error:  # a path too long for a socket address
            pytest.skip(f"cannot bind a socket here: {error}")
        server.close()
    elif kind == "device":
        try:
            os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 3))  # like /dev/null
        except (PermissionError, OSError) as error:
            pytest.skip(f"cannot make a device node here (needs root): {error}")
    else:
        path.symlink_to(data / "no-such-file.csv")
    problems = _problems(data)
    assert [p.where.file for p in problems] == [name]
    assert (problems[0].code, problems[0].value) == ("L010", name)  # not a regular file
    _validate_exits_2_naming(data, name)


# ---------------------------------------------------------------------- strict numbers


CSV_COUNTS = {
    # L202: not a whole number, and why; L203: not a whole number; L205: too large a count
    "²": "L202",  # not 0-9
    "٣": "L202",
    "1,000": "L202",  # a thousands separator
    "1，000": "L202",
    "+3": "L202",  # a plus sign
    "3.0": "L203",
    "1e3": "L203",
    "NaN": "L203",
    "inf": "L203",
    "99999999999": "L205",  # larger than 1,000,000,000
}


def _set_cell(data: Path, file: str, row: int, column: str, value: str) -> None:
    path = data / file
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    header = lines[0].split(",")
    cells = lines[row - 1].split(",")
    cells[header.index(column)] = f'"{value}"' if "," in value else value
    lines[row - 1] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize(("text", "code"), CSV_COUNTS.items())
def test_number_cells_are_strict(tmp_path: Path, text: str, code: str) -> None:
    data = _dataset(tmp_path)
    _set_cell(data, "activities.csv", 2, "half_days", text)
    problems = _problems(data)
    assert [(p.where.file, p.where.row, p.where.column) for p in problems] == [
        ("activities.csv", 2, "half_days")
    ]
    assert (problems[0].code, problems[0].value) == (code, text)


def test_full_width_digits_are_read_as_a_documented_acceptance(tmp_path: Path) -> None:
    data = _dataset(tmp_path)
    _set_cell(data, "activities.csv", 2, "half_days", "１２")
    ledger = load_dataset(data)
    first = sorted(ledger.activities, key=lambda a: a.id)[0]
    assert first.half_days == 12


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (1e308, "L202"),  # not a whole number: too large
        (2.0**60, "L202"),
        (float("nan"), "L022"),  # the sheet cannot be read
        (float("inf"), "L022"),
        (-float("inf"), "L022"),
        (2.5, "L202"),  # not a whole number: a fractional part
        (10**12, "L205"),  # larger than 1,000,000,000
    ],
)
def test_worksheet_number_cells_are_strict(book: Path, value: float, code: str) -> None:
    _put_number(book, "activities", "half_days", value)
    problems = _problems(book)
    assert [p.where.sheet for p in problems] == ["activities"]
    if value == value and abs(value) != float("inf"):  # openpyxl reads NaN, INF as no number
        assert (problems[0].where.row, problems[0].where.column) == (2, "half_days")
    assert problems[0].code == code


def _put_number(book: Path, sheet: str, column: str, value: float) -> None:
    """Write a raw number into the sheet's XML (openpyxl refuses NaN and infinity)."""
    import openpyxl

    workbook = openpyxl.load_workbook(book)
    worksheet = workbook[sheet]
    headers = [cell.value for cell in worksheet[1]]
    letter = worksheet.cell(row=1, column=headers.index(column) + 1).column_letter
    worksheet[f"{letter}2"] = 12345
    workbook.save(book)
    part = _sheet_part(book, sheet)
    literal = repr(value) if value == value else "NaN"
    if value in (float("inf"), -float("inf")):
        literal = "INF" if value > 0 else "-INF"
    entries = []
    for info, data in _entries(book):
        if info.filename == part:
            data = data.replace(b"<v>12345</v>", f"<v>{literal}</v>".encode())
        entries.append((info, data))
    _rewrite(book, entries)


# ---------------------------------------------------------------------- unreadable text


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("张\x00三", "U+0000"),
        ("张\x1b[31m三", "U+001B"),
        ("张\x7f三", "U+007F"),
        ("\u202e三张", "U+202E"),
        ("张\u2066三", "U+2066"),
    ],
)
def test_unreadable_text_in_a_csv_is_refused_and_located(
    tmp_path: Path, text: str, words: str
) -> None:
    data = _dataset(tmp_path)
    _set_cell(data, "members.csv", 2, "name", text)
    problems = _problems(data)
    assert [(p.where.file, p.where.row, p.where.column) for p in problems] == [
        ("members.csv", 2, "name")
    ]
    assert problems[0].code == "V003"  # the text holds what cannot be shown
    # which character it is, by its code point, is what a clerk needs to find it: the
    # message must name it (a wording check on purpose)
    assert words in problems[0].message
    _validate_exits_2_naming(data, "members.csv")


@pytest.mark.parametrize("escape", ["_x0000_", "_xD800_", "_x001B_"])
def test_unreadable_text_in_a_workbook_is_refused_and_located(book: Path, escape: str) -> None:
    import openpyxl

    workbook = openpyxl.load_workbook(book)
    sheet = workbook["members"]
    headers = [cell.value for cell in sheet[1]]
    sheet.cell(row=2, column=headers.index("name") + 1).value = f"张{escape}三"
    workbook.save(book)
    problems = _problems(book)
    assert [(p.where.sheet, p.where.row, p.where.column) for p in problems] == [
        ("members", 2, "name")
    ]
    assert problems[0].code in {"V003", "V402"}  # a control character; a lone surrogate
    assert "U+" in problems[0].message  # it names the character (on purpose, as above)


@pytest.mark.parametrize("char", [chr(0), chr(0xD800), chr(0xDFFF), chr(0x1B), chr(0x202E)])
def test_unreadable_text_in_json_is_refused_and_located(tmp_path: Path, char: str) -> None:
    ledger: Ledger = good_ledger()
    from cppcc_model.io.json import ledger_to_dict

    data = ledger_to_dict(ledger)
    data["members"][0]["name"] += char
    path = tmp_path / "ledger.json"
    path.write_text(json.dumps(data), encoding="utf-8")  # ASCII escapes carry the surrogate
    problems = _problems(path)
    assert len(problems) == 1
    assert problems[0].where.path == "$.members[0]"
    assert problems[0].code in {"V003", "V402"}
    assert f"U+{ord(char):04X}" in problems[0].message  # it names the character, on purpose
    _validate_exits_2_naming(path, "ledger.json", "members[0]")


def test_text_that_loads_is_written_by_every_output(tmp_path: Path) -> None:
    """Tab and line breaks are accepted; every writer then carries them."""
    data = _dataset(tmp_path)
    _set_cell(data, "members.csv", 2, "name", '"张\t三\n四"')
    ledger = load_dataset(data)
    assert any(m.name == "张\t三\n四" for m in ledger.members)


def _damage_central_entry(book: Path, part: str, offset: int, value: bytes) -> None:
    """Overwrite bytes of ``part``'s entry in the archive's central directory.

    The entry is a 46-byte header followed by the name, so the name's last occurrence in the
    file (the directory comes last) is 46 bytes after the header's start.
    """
    data = bytearray(book.read_bytes())
    start = data.rindex(part.encode()) - 46
    assert data[start : start + 4] == b"PK\x01\x02"
    data[start + offset : start + offset + len(value)] = value
    book.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("offset", "value", "what"),
    [
        (10, b"\x63\x00", "an unknown compression method"),  # 99: AES, zipfile cannot read it
        (8, b"\x41\x00", "strong encryption (flag bit 6)"),
        (8, b"\x01\x00", "a part marked encrypted"),
    ],
    ids=["compression", "strong-encryption", "encrypted"],
)
def test_a_sheet_part_zipfile_cannot_open_is_a_problem_naming_it(
    book: Path, offset: int, value: bytes, what: str
) -> None:
    part = _sheet_part(book, "members")
    _damage_central_entry(book, part, offset, value)
    problems = _problems(book)  # refused, never NotImplementedError or RuntimeError
    assert problems, what
    assert all(p.where.file == "book.xlsx" for p in problems)
    _validate_exits_2_naming(book, "book.xlsx")
