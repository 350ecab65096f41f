"""Hand-made malformed datasets: each gives exactly the problems listed, located exactly.

Every case copies the good fixture (``tests/data/datasets/good``), changes one thing a clerk
could get wrong, and lists every problem the validator must report — its code and offending
value (docs/reference/errors.md), file, row, column (as written) and record — and nothing
else. Loading the same dataset raises one ``DatasetError`` carrying the same problems.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import attrs
import pytest

from cppcc_model.errors import DatasetError
from cppcc_model.errors import Location as L
from cppcc_model.io.dataset import load_dataset, validate_dataset

GOOD = Path(__file__).parent / "data" / "datasets" / "good"

Edit = str | None | list[tuple[str, str]]


@attrs.frozen
class Case:
    name: str
    edits: dict[str, Edit]
    options: dict[str, Any]
    expected: list[tuple[str, str | None, L]]  # code, offending value, where


def make_dataset(tmp_path: Path, edits: dict[str, Edit]) -> Path:
    """A copy of the good dataset with ``edits``: new text, ``None`` to delete, replacements."""
    target = tmp_path / "ds"
    shutil.copytree(GOOD, target)
    for name, edit in edits.items():
        path = target / name
        if edit is None:
            path.unlink()
        elif isinstance(edit, str):
            path.write_text(edit, encoding="utf-8")
        else:
            text = path.read_text(encoding="utf-8")
            for old, new in edit:
                assert old in text, f"{old!r} is not in {name}"
                text = text.replace(old, new, 1)
            path.write_text(text, encoding="utf-8")
    return target


CASES = [
    Case(
        "unknown_column_with_suggestion",
        {"sectors.csv": [("id,name", "id,nmae")]},
        {},
        [
            (
                "L102",
                "nmae",
                L(file="sectors.csv", row=1, column="nmae"),
            ),
            (
                "L104",
                "name (名称)",
                L(file="sectors.csv", row=1),
            ),
        ],
    ),
    Case(
        "missing_required_column",
        {"sectors.csv": "id\necon\nedu\n"},
        {},
        [
            (
                "L104",
                "name (名称)",
                L(file="sectors.csv", row=1),
            ),
        ],
    ),
    Case(
        "empty_required_cell",
        {"members.csv": [("m2,李四,", "m2,,")]},
        {},
        [
            (
                "L105",
                "name (姓名)",
                L(file="members.csv", row=3, column="name", record_id="m2"),
            ),
        ],
    ),
    Case(
        "not_a_whole_number",
        {"activities.csv": [(",6,", ",six,")]},
        {},
        [
            (
                "L203",
                "six",
                L(file="activities.csv", row=2, column="half_days", record_id="a1"),
            ),
        ],
    ),
    Case(
        "negative_count",
        {"attendance.csv": [("a1,m3,present,,4", "a1,m3,present,,-1")]},
        {},
        [
            (
                "L204",
                "-1",
                L(file="attendance.csv", row=4, column="half_days", record_id="a1"),
            ),
        ],
    ),
    Case(
        "zero_where_positive",
        {"activities.csv": [(",6,", ",0,")]},
        {},
        [
            (
                "L204",
                "0",
                L(file="activities.csv", row=2, column="half_days", record_id="a1"),
            ),
        ],
    ),
    Case(
        "unknown_label",
        {"attendance.csv": [("a1,m2,excused", "a1,m2,迟迟")]},
        {},
        [
            (
                "V401",
                "迟迟",
                L(file="attendance.csv", row=3, column="status", record_id="a1"),
            ),
        ],
    ),
    Case(
        "not_a_date",
        {"members.csv": [("2021-12-01", "2023-02-30")]},
        {},
        [
            (
                "V202",
                "2023-02-30",
                L(file="members.csv", row=2, column="joined", record_id="m1"),
            ),
        ],
    ),
    Case(
        "words_for_a_date",
        {"contributions.csv": [("2023-06-01", "六月初")]},
        {},
        [
            (
                "V201",
                "六月初",
                L(file="contributions.csv", row=2, column="on", record_id="c1"),
            ),
        ],
    ),
    Case(
        "duplicate_id",
        {"sectors.csv": "id,name\necon,经济界\nedu,教育界\necon,经济界二\n"},
        {},
        [
            (
                "L119",
                "econ",
                L(file="sectors.csv", row=4, column="id", record_id="econ"),
            ),
        ],
    ),
    Case(
        "dangling_reference_with_suggestion",
        {"members.csv": [("m1,张三,econ", "m1,张三,econn")]},
        {},
        [
            (
                "I004",
                "econn",
                L(file="members.csv", row=2, column="sector_id", record_id="m1"),
            ),
        ],
    ),
    Case(
        "attendance_for_unknown_activity",
        {"attendance.csv": [("a1,m2", "a2,m2")]},
        {},
        [
            (
                "I004",
                "a2",
                L(file="attendance.csv", row=3, column="activity_id", record_id="a2"),
            ),
        ],
    ),
    Case(
        "unknown_proposer",
        {"proposals.csv": [("m2;m3", "m2;m9")]},
        {},
        [
            (
                "I004",
                "m9",
                L(file="proposals.csv", row=3, column="member_ids", record_id="p2"),
            ),
        ],
    ),
    Case(
        "steps_out_of_date_order",
        {"proposal_events.csv": [("p1,replied,2023-04-20", "p1,replied,2023-01-21")]},
        {},
        [
            (
                "L122",
                "2023-01-21",
                L(file="proposal_events.csv", row=4, column="on", record_id="p1"),
            ),
        ],
    ),
    Case(
        "step_before_submission",
        {"proposal_events.csv": [("p3,filed,2023-01-20", "p3,filed,2023-01-01")]},
        {},
        [
            (
                "L124",
                "2023-01-01",
                L(file="proposal_events.csv", row=7, column="on", record_id="p3"),
            ),
        ],
    ),
    Case(
        "end_before_start",
        {"terms.csv": "number,start,end\n5,2021-12-01,2020-01-01\n"},
        {},
        [
            (
                "V008",
                "2020-01-01",
                L(file="terms.csv", row=2, column="end", record_id="5"),
            ),
        ],
    ),
    Case(
        "individual_with_two_proposers",
        {"proposals.csv": [("individual,m1", "individual,m1;m2")]},
        {},
        [
            (
                "V123",
                "2",
                L(file="proposals.csv", row=2, column="member_ids", record_id="p1"),
            ),
        ],
    ),
    Case(
        "merged_without_parent",
        {"proposal_events.csv": [("p2,merged,2023-01-20,,p1", "p2,merged,2023-01-20,,")]},
        {},
        [
            (
                "V119",
                "parent_id",
                L(file="proposal_events.csv", row=6, column="parent_id", record_id="p2"),
            ),
        ],
    ),
    Case(
        "assigned_without_units",
        {"proposal_events.csv": [(",区民政局 (lead); 区卫健局 (co),", ",,")]},
        {},
        [
            (
                "V120",
                "交办",
                L(file="proposal_events.csv", row=3, column="units", record_id="p1"),
            ),
        ],
    ),
    Case(
        "no_committee_table",
        {"committee.csv": None},
        {},
        [
            ("L111", None, L(file="ds")),
        ],
    ),
    Case(
        "unknown_committee_key",
        {"committee.csv": [("level,county", "levle,county")]},
        {},
        [
            ("L107", "levle", L(file="committee.csv", row=4, column="key")),
            ("L110", "level (级别)", L(file="committee.csv")),
        ],
    ),
    Case(
        "committee_key_twice",
        {"committee.csv": [("level,county\n", "level,county\n级别,city\n")]},
        {},
        [
            (
                "L108",
                "level (级别)",
                L(file="committee.csv", row=5, column="key"),
            ),
        ],
    ),
    Case(
        "unknown_table_file",
        {"sector.csv": "id,name\nx,y\n"},
        {},
        [
            ("L028", "sector.csv", L(file="sector.csv")),
        ],
    ),
    Case(
        "table_in_two_files",
        {"界别.csv": "编号,名称\necon,经济界\n"},
        {},
        [
            ("L029", "sectors (界别)", L(file="界别.csv")),
        ],
    ),
    Case(
        "malformed_csv_quotes",
        {"sectors.csv": 'id,name\necon,"经济"界\n'},
        {},
        [
            ("L015", ",' expected after '\"", L(file="sectors.csv", row=2)),
        ],
    ),
    Case(
        "not_yes_or_no",
        {"proposal_events.csv": [("satisfied,true", "satisfied,maybe")]},
        {},
        [
            (
                "L208",
                "maybe",
                L(file="proposal_events.csv", row=5, column="face_to_face", record_id="p1"),
            ),
        ],
    ),
    Case(
        "body_kind_without_id",
        {"proposals.csv": [("collective,,unit,jiusan", "collective,,unit,")]},
        {},
        [
            (
                "L121",
                "body",
                L(file="proposals.csv", row=4, column="body_id", record_id="p3"),
            ),
        ],
    ),
    Case(
        "unknown_body",
        {"proposals.csv": [("unit,jiusan", "unit,jiusn")]},
        {},
        [
            (
                "I004",
                "jiusn",
                L(file="proposals.csv", row=4, column="body_id", record_id="p3"),
            ),
        ],
    ),
    Case(
        "same_column_twice",
        {"sectors.csv": "id,name,名称\necon,经济界,经济界\nedu,教育界,教育界\n"},
        {},
        [
            (
                "L103",
                "name (名称)",
                L(file="sectors.csv", row=1, column="名称"),
            ),
        ],
    ),
    Case(
        "more_half_days_than_activity",
        {"attendance.csv": [("a1,m3,present,,4", "a1,m3,present,,7")]},
        {},
        [
            (
                "L126",
                "7",
                L(file="attendance.csv", row=4, column="half_days", record_id="a1"),
            ),
        ],
    ),
    Case(
        "member_twice_on_roll_call",
        {"attendance.csv": [("a1,m3,present,,4", "a1,m1,late,,4")]},
        {},
        [
            (
                "L125",
                "m1",
                L(file="attendance.csv", row=4, column="member_id", record_id="a1"),
            ),
        ],
    ),
    Case(
        "id_with_space",
        {"sectors.csv": "id,name\necon,经济界\nedu,教育界\nsci tech,科技界\n"},
        {},
        [
            (
                "L201",
                "sci tech",
                L(file="sectors.csv", row=4, column="id", record_id="sci tech"),
            ),
        ],
    ),
    Case(
        "list_with_unclosed_quote",
        {"members.csv": [("m2,李四,edu,,,tian", 'm2,李四,edu,,,"""tian"')]},
        {},
        [
            (
                "L211",
                None,
                L(file="members.csv", row=3, column="special_committee_ids", record_id="m2"),
            ),
        ],
    ),
    Case(
        "role_in_unknown_body",
        {"roles.csv": [("2021-12-01,,g1", "2021-12-01,,g2")]},
        {},
        [
            (
                "L120",
                "g2",
                L(file="roles.csv", row=3, column="body_id", record_id="m3"),
            ),
        ],
    ),
    Case(
        "xls_file",
        {"old.xls": "binary"},
        {},
        [
            ("L006", ".xls", L(file="old.xls")),
        ],
    ),
    Case(
        "level_missing_for_adoption",
        {"info_events.csv": [("adopted,2023-04-01,city", "adopted,2023-04-01,")]},
        {},
        [
            (
                "V129",
                "采用",
                L(file="info_events.csv", row=3, column="level", record_id="r1"),
            ),
        ],
    ),
    Case(
        "work_item_number_twice",
        {"work_items.csv": [("done\n", "done\nwp2023,1,key_research,重点调研,,\n")]},
        {},
        [
            (
                "L127",
                "1",
                L(file="work_items.csv", row=3, column="number", record_id="wp2023"),
            ),
        ],
    ),
    Case(
        "values_without_header",
        {"sectors.csv": "id,name,\necon,经济界,额外\nedu,教育界,\n"},
        {},
        [
            ("L101", "3", L(file="sectors.csv", row=1)),
        ],
    ),
    Case(
        "unknown_session",
        {"activities.csv": [(",5-2", ",5-3")]},
        {},
        [
            (
                "I004",
                "5-3",
                L(file="activities.csv", row=2, column="session_id", record_id="a1"),
            ),
        ],
    ),
    Case(
        "merged_into_itself",
        {"proposal_events.csv": [("p2,merged,2023-01-20,,p1", "p2,merged,2023-01-20,,p2")]},
        {},
        [
            (
                "I005",
                None,
                L(file="proposal_events.csv", row=6, column="parent_id", record_id="p2"),
            ),
        ],
    ),
    Case(
        "info_item_without_authors",
        {"info_reports.csv": [("m1;m2", "")]},
        {},
        [
            (
                "V130",
                None,
                L(file="info_reports.csv", row=2, column="author_ids", record_id="r1"),
            ),
        ],
    ),
    Case(
        "left_before_joined",
        {"members.csv": [("2021-12-01,\n", "2021-12-01,2020-01-01\n")]},
        {},
        [
            (
                "V008",
                "2020-01-01",
                L(file="members.csv", row=2, column="left", record_id="m1"),
            ),
        ],
    ),
    Case(
        "csv_quote_not_closed",
        {"members.csv": [("m2,李四,edu,,,tian", 'm2,李四,edu,,,"tian')]},
        {},
        [
            ("L015", "unexpected end of data", L(file="members.csv", row=3)),
        ],
    ),
    Case(
        "too_many_rows",
        {},
        {"max_rows": 2},
        [
            (
                "L017",
                "attendance (出勤)",
                L(file="attendance.csv", row=4),
            ),
            (
                "L017",
                "committee (委员会)",
                L(file="committee.csv", row=4),
            ),
            (
                "L017",
                "members (委员)",
                L(file="members.csv", row=4),
            ),
            (
                "L017",
                "proposal_events (提案办理)",
                L(file="proposal_events.csv", row=4),
            ),
            (
                "L017",
                "proposals (提案)",
                L(file="proposals.csv", row=4),
            ),
        ],
    ),
]


def test_there_are_at_least_forty_cases() -> None:
    assert len(CASES) >= 40
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_malformed_dataset_reports_exactly_its_problems(case: Case, tmp_path: Path) -> None:
    dataset = make_dataset(tmp_path, case.edits)
    problems = validate_dataset(dataset, **case.options)
    assert [(problem.code, problem.value, problem.where) for problem in problems] == case.expected
    with pytest.raises(DatasetError) as raised:
        load_dataset(dataset, **case.options)
    assert [(p.code, p.value, p.where) for p in raised.value.problems] == case.expected
    assert all(p.hint for p in raised.value.problems), "every problem says how to fix it"


def test_the_good_fixture_has_no_problems() -> None:
    assert validate_dataset(GOOD) == []
