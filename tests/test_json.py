"""The JSON form of a ledger: exact round trips, strict reading, every problem located."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from cppcc_model.errors import DatasetError, Problem
from cppcc_model.io import json as ledger_json
from cppcc_model.ledger import Ledger
from cppcc_model.testing import strategies as cst
from cppcc_model.testing.codes import raises_code


@given(cst.ledgers(max_members=6, max_records=6))
def test_dict_round_trip(ledger: Ledger) -> None:
    data = ledger_json.ledger_to_dict(ledger)
    assert ledger_json.ledger_from_dict(data) == ledger
    assert json.loads(json.dumps(data)) == data, "plain JSON types only"


@given(cst.ledgers(max_members=6, max_records=6))
def test_text_round_trip_is_exact_and_deterministic(ledger: Ledger) -> None:
    text = ledger_json.dumps(ledger)
    again = ledger_json.loads(text)
    assert again == ledger
    assert ledger_json.dumps(again) == text
    assert text == json.dumps(json.loads(text), sort_keys=True, ensure_ascii=False, indent=2)


def test_file_round_trip(small_ledger: Ledger, tmp_path: Path) -> None:
    path = tmp_path / "ledger.json"
    ledger_json.dump(small_ledger, path)
    text = path.read_text(encoding="utf-8")
    assert text.endswith("}\n")
    assert "张三" in text, "Chinese is written as is, not escaped"
    assert ledger_json.load(path) == small_ledger
    assert ledger_json.load(str(path)) == small_ledger


def test_the_written_form(small_ledger: Ledger) -> None:
    data = ledger_json.ledger_to_dict(small_ledger)
    assert (data["format"], data["version"]) == ("cppcc-ledger", 1)
    assert set(data) == {
        "format",
        "version",
        "committee",
        "terms",
        "sessions",
        "sectors",
        "units",
        "special_committees",
        "activity_groups",
        "members",
        "activities",
        "proposals",
    }, "empty record lists are left out"
    assert data["committee"] == {
        "id": "xz",
        "name": "襄州区政协",
        "level": "county",
        "jurisdiction": "hubei.xiangyang",
    }
    assert data["members"][1] == {
        "id": "m2",
        "name": "李四",
        "sector_id": "edu",
        "special_committee_ids": ["tian"],
    }
    assert data["activities"][0]["attendance"] == [
        {"member_id": "m1"},
        {"member_id": "m2", "status": "excused"},
    ]
    assert data["terms"] == [{"number": 5, "start": "2021-12-01"}]
    assert data["sessions"] == [
        {"term": 5, "number": 2, "start": "2023-01-05", "end": "2023-01-08"}
    ]
    assert data["proposals"][1]["history"] == [
        {"step": "merged", "on": "2023-01-20", "parent_id": "p1"}
    ]


def test_labels_names_and_traditional_are_read(small_ledger: Ledger) -> None:
    data = ledger_json.ledger_to_dict(small_ledger)
    data["committee"]["level"] = "區級"
    data["activities"][0]["attendance"][1]["status"] = "請假"
    data["activities"][0]["kind"] = "PLENARY"
    data["activity_groups"][0]["kind"] = "镇街活动组"
    assert ledger_json.ledger_from_dict(data) == small_ledger


def _good(small_ledger: Ledger) -> dict[str, Any]:
    return copy.deepcopy(ledger_json.ledger_to_dict(small_ledger))


def _problems(data: object, source: str | None = "in.json") -> tuple[Problem, ...]:
    with pytest.raises(DatasetError) as caught:
        ledger_json.ledger_from_dict(data, source=source)
    return caught.value.problems


def _set(data: dict[str, Any], path: tuple[str | int, ...], value: Any) -> None:
    target: Any = data
    for part in path[:-1]:
        target = target[part]
    if value is _DELETE:
        del target[path[-1]]
    elif isinstance(target, list) and path[-1] == len(target):
        target.append(value)
    else:
        target[path[-1]] = value


_DELETE = object()

# (what is changed, the new value, the path of the problem, its record, words in the message)
MALFORMED: list[tuple[tuple[str | int, ...], Any, str, str | None, str]] = [
    (("members", 2, "name"), "", "$.members[2]", "m3", "V001"),
    (("members", 2, "name"), 7, "$.members[2].name", "m3", "L313"),
    (("members", 0, "id"), "m 1", "$.members[0]", "m 1", "V004"),
    (("members", 1, "gender"), "其他", "$.members[1].gender", "m2", "V401"),
    (("members", 1, "joined"), "2022/01/01", "$.members[1].joined", "m2", "L316"),
    (("members", 1, "joined"), "2022-02-30", "$.members[1].joined", "m2", "V202"),
    (
        ("members", 1, "special_committee_ids"),
        "tian",
        "$.members[1].special_committee_ids",
        "m2",
        "V009",
    ),
    (("members", 1, "name"), _DELETE, "$.members[1].name", "m2", "L311"),
    (("members", 1, "nickname"), "小李", "$.members[1].nickname", "m2", "L312"),
    (("members", 1), "m2", "$.members[1]", None, "L321"),
    (("members",), {"m1": {}}, "$.members", None, "L320"),
    (("terms", 0, "number"), True, "$.terms[0].number", None, "L314"),
    (("terms", 0, "number"), 5.0, "$.terms[0].number", None, "L314"),
    (("terms", 0, "number"), "5", "$.terms[0].number", None, "L314"),
    (("terms", 0, "end"), "2020-01-01", "$.terms[0]", "5", "V008"),
    (("sessions", 0, "number"), 0, "$.sessions[0]", "5-0", "R224"),
    (("activities", 0, "half_days"), 1.5, "$.activities[0].half_days", "a1", "L314"),
    (
        ("activities", 0, "attendance", 1, "status"),
        "睡觉",
        "$.activities[0].attendance[1].status",
        "a1",
        "V401",
    ),
    (("activities", 0, "attendance", 0, "half_days"), 9, "$.activities[0]", "a1", "V104"),
    (
        ("activities", 0, "organiser"),
        {"kind": "unit"},
        "$.activities[0].organiser.id",
        "a1",
        "L311",
    ),
    (("proposals", 0, "proposer_kind"), "joint", "$.proposals[0]", "p1", "V124"),
    (("proposals", 1, "history", 0, "on"), "2022-12-31", "$.proposals[1]", "p2", "V127"),
    (
        ("proposals", 1, "history", 0, "step"),
        "奖励",
        "$.proposals[1].history[0].step",
        "p2",
        "V401",
    ),
    (
        ("proposals", 1, "history", 0, "parent_id"),
        _DELETE,
        "$.proposals[1].history[0]",
        "p2",
        "V119",
    ),
    (
        ("proposals", 0, "history", 0, "face_to_face"),
        "yes",
        "$.proposals[0].history[0].face_to_face",
        "p1",
        "L315",
    ),
    (("committee", "level"), "村", "$.committee.level", "xz", "V401"),
    (("committee", "name"), None, "$.committee.name", "xz", "L313"),
    (("units", 0, "kind"), ["民主党派"], "$.units[0].kind", "jiusan", "L319"),
]


@pytest.mark.parametrize(
    ("where", "value", "path", "record", "code"),
    MALFORMED,
    ids=[
        f"{'.'.join(map(str, case[0]))}=" + ("<deleted>" if case[1] is _DELETE else repr(case[1]))
        for case in MALFORMED
    ],
)
def test_malformed_values_are_located(
    small_ledger: Ledger,
    where: tuple[str | int, ...],
    value: Any,
    path: str,
    record: str | None,
    code: str,
) -> None:
    data = _good(small_ledger)
    _set(data, where, value)
    problems = _problems(data)
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem.where.path == path
    assert problem.where.file == "in.json"
    assert problem.where.record_id == record
    assert problem.code == code


# (what is changed, the new value, record of the problem, the problem's code)
INTEGRITY: list[tuple[tuple[str | int, ...], Any, str, str]] = [
    (("members", 2, "sector_id"), "law", "m3", "I003"),
    (("members", 3), {"id": "m1", "name": "张三", "sector_id": "econ"}, "m1", "I002"),
    (("activities", 0, "session_id"), "5-9", "a1", "I003"),
    (("activities", 0, "attendance", 0, "member_id"), "m9", "a1", "I003"),
    (("proposals", 1, "history", 0, "parent_id"), "p9", "p2", "I003"),
    (("activity_groups", 0, "paired_committee_id"), "jing", "g1", "I003"),
]


@pytest.mark.parametrize(("where", "value", "record", "code"), INTEGRITY)
def test_integrity_problems_become_dataset_problems(
    small_ledger: Ledger, where: tuple[str | int, ...], value: Any, record: str, code: str
) -> None:
    data = _good(small_ledger)
    _set(data, where, value)
    problems = _problems(data)
    assert len(problems) == 1, problems
    assert problems[0].where.record_id == record
    assert problems[0].where.file == "in.json"
    assert problems[0].code == code
    if record != "m1":  # an id used twice has no one path
        collection = where[0]
        assert problems[0].where.path == f"$.{collection}[{where[1]}]"


def test_every_problem_is_listed_at_once(small_ledger: Ledger) -> None:
    data = _good(small_ledger)
    data["version"] = 2
    data["members"][0]["name"] = 3
    data["members"][0]["unit_id"] = False
    data["members"][2]["roles"] = [{"role": "村长", "start": "2022-1-1", "extra": 1}]
    data["activities"][0]["title"] = None
    data["colour"] = "red"
    problems = _problems(data)
    assert [p.where.path for p in problems] == [
        "$.version",
        "$.members[0].name",
        "$.members[0].unit_id",
        "$.members[2].roles[0].role",
        "$.members[2].roles[0].start",
        "$.members[2].roles[0].extra",
        "$.activities[0].title",
        "$.colour",
    ]
    assert all(p.hint for p in problems)


@pytest.mark.parametrize(
    ("header", "code"),
    [
        ({"format": "cppcc-ledger"}, "L303"),  # the version key is missing
        ({"version": 1}, "L301"),  # the format key is missing
        ({"format": "ledger", "version": 1}, "L302"),  # not 'cppcc-ledger'
        ({"format": "cppcc-ledger", "version": "1"}, "L304"),  # not a whole number
        ({"format": "cppcc-ledger", "version": 1.0}, "L304"),
        ({"format": "cppcc-ledger", "version": 99}, "L305"),  # a version it cannot read
    ],
)
def test_header_problems(small_ledger: Ledger, header: dict[str, Any], code: str) -> None:
    data = _good(small_ledger)
    del data["format"], data["version"]
    data.update(header)
    problems = _problems(data)
    assert len(problems) == 1
    assert problems[0].code == code
    assert problems[0].where.path in ("$.format", "$.version")


@pytest.mark.parametrize("document", [[], "ledger", 3, None])
def test_the_document_must_be_an_object(document: object) -> None:
    problems = _problems(document)
    assert [p.where.path for p in problems] == ["$"]


def test_the_committee_is_required() -> None:
    problems = _problems({"format": "cppcc-ledger", "version": 1})
    assert [(p.where.path, p.code) for p in problems] == [("$.committee", "L311")]


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('{"format": "cppcc-ledger",\n  "version": 1,,\n}', 2, 16),
        ('{"format": "cppcc-ledger"', 1, 26),
        ("", 1, 1),
        ('{"a": tru}', 1, 7),
    ],
)
def test_syntax_errors_give_line_and_column(text: str, line: int, column: int) -> None:
    with pytest.raises(DatasetError) as caught:
        ledger_json.loads(text, source="bad.json")
    (problem,) = caught.value.problems
    assert (problem.where.file, problem.where.line, problem.where.column) == (
        "bad.json",
        line,
        str(column),
    )
    assert problem.code == "L308"
    assert caught.value.code == "L032"  # cannot load the ledger from the file named
    assert (caught.value.value or "").startswith("bad.json")


def test_duplicate_keys_are_reported(small_ledger: Ledger) -> None:
    text = ledger_json.dumps(small_ledger).replace(
        '"name": "李四"', '"name": "李四", "name": "李五"'
    )
    with pytest.raises(DatasetError) as caught:
        ledger_json.loads(text)
    (problem,) = caught.value.problems
    assert problem.where.path == "$.members[1]"
    assert (problem.code, problem.value) == ("L307", "name")


def test_nothing_but_dataset_errors_escape(tmp_path: Path) -> None:
    with raises_code(DatasetError, "L032"):
        ledger_json.load(tmp_path / "missing.json")
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(DatasetError):
        ledger_json.load(binary)
    with pytest.raises(DatasetError):
        ledger_json.loads('{"format": "cppcc-ledger", "version": 1, "committee": NaN}')
    deep = "[" * 100_000 + "]" * 100_000
    with pytest.raises(DatasetError):
        ledger_json.loads(deep)


def test_a_byte_order_mark_is_tolerated(small_ledger: Ledger, tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_text("\ufeff" + ledger_json.dumps(small_ledger), encoding="utf-8")
    assert ledger_json.load(path) == small_ledger
