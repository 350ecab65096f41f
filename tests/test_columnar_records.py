"""The record tables read as columns give what the row loader gives: the same ledger or problems.

Proposals and their events are read by polars and checked whole
(:mod:`cppcc_model.io._columnar_proposals`); anything those checks do not accept sends the
dataset to the row loader. These tests hold the two paths to one behaviour: a valid dataset,
however written, loads to an equal ledger whose engine columns equal those built from the row
loader's objects (and whose records are built only when asked for); a damaged one gives exactly
the row loader's problems.
"""

from __future__ import annotations

import shutil
from collections.abc import Collection
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from cppcc_model.checks import lifecycle_problems
from cppcc_model.engine.columns import Columns, build, columns_of
from cppcc_model.errors import DatasetError, Problem
from cppcc_model.io import json as ledger_json
from cppcc_model.io._columnar_ledger import ColumnarLedger
from cppcc_model.io._tables_schema import table_by_name
from cppcc_model.io.dataset import load_dataset, validate_dataset, write_dataset
from cppcc_model.io.tables import DEFAULT_MAX_ROWS, _problems_and_ledger
from cppcc_model.ledger import Ledger
from cppcc_model.testing.codes import codes_of
from cppcc_model.testing.strategies import ledgers
from reliability._support import GOOD
from reliability.test_fuzz_datasets import _rows, _text, csv_mutation, file_damage

FRAMES = ("credits", "proposal_events", "info_events", "merges", "conversions")
GOOD_ZH = GOOD.parent / "good_zh"


# these small datasets take the columnar path (a district's size is read by rows)
pytestmark = pytest.mark.usefixtures("columns_at_any_size")


def row_loaded(
    path: Path, max_rows: int = DEFAULT_MAX_ROWS, *, lifecycles: bool = False
) -> Ledger | list[Problem]:
    """What the row loader alone gives: the ledger, or its problems."""
    check = lifecycle_problems if lifecycles else None
    problems, ledger = _problems_and_ledger(path, max_rows, check)
    return problems if ledger is None else ledger


def loaded(
    path: Path, max_rows: int = DEFAULT_MAX_ROWS, *, lifecycles: bool = False
) -> Ledger | list[Problem]:
    """What ``load_dataset`` gives (the columnar path first): the ledger, or its problems."""
    try:
        return load_dataset(path, max_rows=max_rows, lifecycles=lifecycles)
    except DatasetError as error:
        return list(error.problems)


def assert_same_columns(mine: Columns, theirs: Columns) -> None:
    assert mine.member_ids == theirs.member_ids
    assert mine.coder == theirs.coder
    for name in FRAMES:
        left, right = getattr(mine, name), getattr(theirs, name)
        assert left.schema == right.schema, name
        assert left.equals(right), name


FAMILIES = ("proposals", "info_reports", "contributions")


def assert_same_ledger(
    columnar: Ledger, rows: Ledger, *, columns: Collection[str] = FAMILIES
) -> None:
    """The families named in ``columns`` were read as columns: equal columns unbuilt, then equal
    records built on demand."""
    assert isinstance(columnar, ColumnarLedger)
    for family in FAMILIES:
        assert columnar.built(family) is (family not in columns), family
    assert columnar.record_count == rows.record_count
    assert_same_columns(columns_of(columnar), build(rows))
    for family in columns:  # the columns did not need the objects
        assert not columnar.built(family)
    for family in FAMILIES:
        assert getattr(columnar, family) == getattr(rows, family)  # built now, on demand
        assert columnar.built(family)
    assert columnar == rows
    assert rows == columnar
    assert hash(columnar) == hash(rows)
    assert ledger_json.dumps(columnar) == ledger_json.dumps(rows)


def _copy(tmp_path: Path, source: Path = GOOD) -> Path:
    target = tmp_path / source.name
    shutil.copytree(source, target)
    return target


def _append(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8", newline="") as out:
        out.write(line)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# ---------------------------------------------------------------------- generated ledgers


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    ledger=ledgers(max_members=8, max_records=10),
    headers=st.sampled_from(["en", "zh"]),
)
def test_generated_proposals_load_the_same_by_columns(
    ledger: Ledger, headers: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("ledger") / "csv"
    write_dataset(ledger, path, "csv", headers=headers)  # type: ignore[arg-type]
    rows = row_loaded(path)
    assert isinstance(rows, Ledger)
    columnar = loaded(path)
    assert isinstance(columnar, Ledger)
    # a quote the writer put in a cell leaves the family to the row loader
    files = {
        "proposals": ("proposals", "proposal_events"),
        "info_reports": ("info_reports", "info_events"),
        "contributions": ("contributions",),
    }
    # and so does an award record naming one of its records (or awards not read as columns)
    awarded = {record.subject_id for record in ledger.award_records}
    columns = [
        family
        for family, tables in files.items()
        if not any(_quoted(path, table, headers) for table in tables)
        and not _quoted(path, "award_records", headers)
        and not any(record.id in awarded for record in getattr(ledger, family))
    ]
    note(f"read as columns: {columns}")
    assert_same_ledger(columnar, rows, columns=columns)
    assert columnar == ledger


def _quoted(path: Path, table: str, headers: str) -> bool:
    name = table if headers == "en" else table_by_name(table).zh
    file = path / f"{name}.csv"
    return file.exists() and '"' in file.read_text(encoding="utf-8")


def test_the_sample_datasets_load_the_same_by_columns(tmp_path: Path) -> None:
    for source in (GOOD, GOOD_ZH):
        rows = row_loaded(source)
        assert isinstance(rows, Ledger)
        assert_same_ledger(loaded(source), rows)  # type: ignore[arg-type]


def test_the_lifecycle_check_runs_on_the_columnar_ledger(tmp_path: Path) -> None:
    rows = row_loaded(GOOD, lifecycles=True)
    assert isinstance(rows, Ledger)
    columnar = loaded(GOOD, lifecycles=True)
    assert isinstance(columnar, ColumnarLedger)
    assert columnar == rows
    dataset = _copy(tmp_path)
    _append(dataset / "proposal_events.csv", "p3,closed,2023-01-21,,,,,,,,,,,\n")
    expected = row_loaded(dataset, lifecycles=True)
    assert isinstance(expected, list)
    assert codes_of(expected) == ["I123"]
    assert loaded(dataset, lifecycles=True) == expected
    assert isinstance(loaded(dataset), ColumnarLedger)  # without the check it loads


# ---------------------------------------------------------------------- unusual but valid


VALID = {
    "reply and satisfaction as labels": (
        "proposal_events.csv",
        "a,,,,,\n",
        "A类,,,,,\n",
    ),
    "reply as an alias": ("proposal_events.csv", "a,,,,,\n", "已解决,,,,,\n"),
    "satisfaction as a label": ("proposal_events.csv", "satisfied,true", "满意,是"),
    "full-width separators and spaces in a list": ("proposals.csv", "m2;m3", " m2 ；m3、 "),
    "a trailing separator": ("proposals.csv", "m2;m3", "m2;m3;"),
    "Chinese labels": ("proposals.csv", "individual", "个人提案"),
    "traditional characters": ("proposals.csv", "collective", "集體提案"),
    "a date written the Chinese way": ("proposals.csv", "2023-01-06", "2023年1月6日"),
    "spaces around a cell": ("proposal_events.csv", "p1,filed", " p1 , filed "),
    "a formula written as text": ("proposals.csv", "关于社区养老的建议", "'=关于社区养老的建议"),
    "an external body": ("proposals.csv", "unit,jiusan", "external,区委 统战部"),
    "info authors with a Chinese separator": ("info_reports.csv", "m1;m2", "m1、m2"),
    "info level in Chinese": ("info_events.csv", "adopted,2023-04-01,city", "采用,2023-04-01,市"),
    "info item by a body": ("info_reports.csv", "m1;m2,,", ",unit,jiusan"),
    "an issue combined with its own item": ("info_events.csv", "2023-7,,", "2023-7,r1,"),
    "contribution kind in Chinese": ("contributions.csv", "research_report", "调研报告"),
    "contribution by a body": ("contributions.csv", "m1,,,county", ",unit,jiusan,county"),
    "contribution by the committee": ("contributions.csv", "m1,,,county", "m1,committee,xz,"),
    "activity kind in Chinese": ("activities.csv", "plenary", "全体会议"),
    "activity of one day": ("activities.csv", "2023-01-05,2023-01-08,6", "2023-01-05,,6"),
    "activity run by the office": ("activities.csv", "committee,xz,5-2", "office,办公室,5-2"),
    "a merge into a proposal listed later": ("proposal_events.csv", "p2,merged", "p2,merged"),
}


@pytest.mark.parametrize("edit", VALID.values(), ids=list(VALID))
def test_unusual_but_valid_proposals_load_the_same(tmp_path: Path, edit: Any) -> None:
    name, old, new = edit
    dataset = _copy(tmp_path)
    _replace(dataset / name, old, new)
    rows = row_loaded(dataset)
    assert isinstance(rows, Ledger), rows
    assert_same_ledger(loaded(dataset), rows)  # type: ignore[arg-type]


def test_blank_lines_and_empty_rows_load_the_same(tmp_path: Path) -> None:
    dataset = _copy(tmp_path)
    _append(dataset / "proposals.csv", "\n,,,,,,,,\n  , ,,,,,,,\n")
    _replace(dataset / "proposal_events.csv", "p1,filed", "\n,,,,,,,,,,,,,\np1,filed")
    rows = row_loaded(dataset)
    assert isinstance(rows, Ledger)
    assert_same_ledger(loaded(dataset), rows)  # type: ignore[arg-type]


def test_no_proposal_files_is_no_proposals(tmp_path: Path) -> None:
    dataset = _copy(tmp_path)
    (dataset / "proposals.csv").unlink()
    (dataset / "proposal_events.csv").unlink()
    rows = row_loaded(dataset)
    assert isinstance(rows, Ledger)
    assert rows.proposals == ()
    assert_same_ledger(loaded(dataset), rows)  # type: ignore[arg-type]


UNREAD = {
    "a quoted cell": ("proposals.csv", "m2;m3", '"m2;m3"'),
    "a tab in a subject": ("proposals.csv", "关于社区养老的建议", "关于社区\t养老的建议"),
}


@pytest.mark.parametrize("edit", UNREAD.values(), ids=list(UNREAD))
def test_what_the_columns_do_not_read_goes_to_the_row_loader(tmp_path: Path, edit: Any) -> None:
    name, old, new = edit
    dataset = _copy(tmp_path)
    _replace(dataset / name, old, new)
    rows = row_loaded(dataset)
    assert isinstance(rows, Ledger), rows
    columnar = loaded(dataset)
    assert columnar == rows
    assert isinstance(columnar, ColumnarLedger)  # the roll calls are still read as columns
    assert columnar.built("proposals")  # the proposals came from the row loader
    assert_same_columns(columns_of(columnar), build(rows))


# ---------------------------------------------------------------------- problems


BAD = {
    "repeated id": ("proposals.csv", "p2,关于社区养老", "p1,关于社区养老"),
    "unknown proposer": ("proposals.csv", "m2;m3", "m2;m9"),
    "proposer twice": ("proposals.csv", "m2;m3", "m2;m2"),
    "a list starting with a quote mark": ("proposals.csv", "m2;m3", "'m2;m3"),
    "id with a space in a list": ("proposals.csv", "m2;m3", "m2;m 3"),
    "unknown session": ("proposals.csv", "individual,m1,,,5-2", "individual,m1,,,5-9"),
    "body kind without id": ("proposals.csv", "unit,jiusan", "unit,"),
    "body id without kind": ("proposals.csv", "unit,jiusan", ",jiusan"),
    "unknown body": ("proposals.csv", "unit,jiusan", "unit,jiusna"),
    "body of the wrong kind": ("proposals.csv", "unit,jiusan", "sector,jiusan"),
    "individual with two proposers": ("proposals.csv", "individual,m1", "individual,m1;m2"),
    "individual with a body": ("proposals.csv", "individual,m1,,", "individual,m1,unit,jiusan"),
    "joint with one proposer": ("proposals.csv", "joint,m2;m3", "joint,m2"),
    "collective without a body": ("proposals.csv", "collective,,unit,jiusan", "collective,m1,,"),
    "unknown proposer kind": ("proposals.csv", "individual", "solo"),
    "bad date": ("proposals.csv", "2023-01-06", "2023-13-06"),
    "empty subject": ("proposals.csv", "关于社区养老的建议", " "),
    "control character in a subject": ("proposals.csv", "关于社区养老的建议", "关于\x01养老"),
    "id with a space": ("proposals.csv", "p3,", "p 3,"),
    "unknown column": ("proposals.csv", "topic", "topik"),
    "event of an unknown proposal": ("proposal_events.csv", "p3,filed", "p9,filed"),
    "event before the submission": (
        "proposal_events.csv",
        "p3,filed,2023-01-20",
        "p3,filed,2023-01-01",
    ),
    "events out of order": (
        "proposal_events.csv",
        "p1,replied,2023-04-20",
        "p1,replied,2023-01-25",
    ),
    "merge without a parent": (
        "proposal_events.csv",
        "merged,2023-01-20,,p1",
        "merged,2023-01-20,,",
    ),
    "merge into itself": ("proposal_events.csv", "merged,2023-01-20,,p1", "merged,2023-01-20,,p2"),
    "merge into an unknown proposal": (
        "proposal_events.csv",
        "merged,2023-01-20,,p1",
        "merged,2023-01-20,,p7",
    ),
    "reply without a category": ("proposal_events.csv", "a,,,,,\n", ",,,,,\n"),
    "feedback without satisfaction": ("proposal_events.csv", "satisfied,true", ",true"),
    "assignment without units": ("proposal_events.csv", "区民政局 (lead); 区卫健局 (co)", ""),
    "assignment to an empty list": ("proposal_events.csv", "区民政局 (lead); 区卫健局 (co)", ";"),
    "unknown step": ("proposal_events.csv", "p3,filed", "p3,fiiled"),
    "unknown level": (
        "proposal_events.csv",
        "p3,filed,2023-01-20,13,,,,,,,,,,",
        "p3,filed,2023-01-20,13,,,,,,,,,moon,",
    ),
    "info repeated id": (
        "info_reports.csv",
        "2023-03-01,m1;m2,,\n",
        "2023-03-01,m1;m2,,\nr1,再一条,2023-03-02,m1,,\n",
    ),
    "info unknown author": ("info_reports.csv", "m1;m2", "m1;m9"),
    "info author twice": ("info_reports.csv", "m1;m2", "m1;m1"),
    "info without author or body": ("info_reports.csv", "m1;m2,,", ",,"),
    "info unknown body": ("info_reports.csv", "m1;m2,,", ",unit,nobody"),
    "info bad date": ("info_reports.csv", "2023-03-01", "2023-02-30"),
    "info event of an unknown item": ("info_events.csv", "r1,issued", "r9,issued"),
    "info event before the submission": (
        "info_events.csv",
        "issued,2023-03-10",
        "issued,2023-02-10",
    ),
    "info events out of order": ("info_events.csv", "adopted,2023-04-01", "adopted,2023-03-05"),
    "info adoption without a level": (
        "info_events.csv",
        "adopted,2023-04-01,city",
        "adopted,2023-04-01,",
    ),
    "info combined with an unknown item": ("info_events.csv", "2023-7,,", "2023-7,r9,"),
    "info combined twice with one item": ("info_events.csv", "2023-7,,", "2023-7,r1;r1,"),
    "info unknown step": ("info_events.csv", "r1,issued", "r1,printed"),
    "contribution unknown kind": ("contributions.csv", "research_report", "essay"),
    "contribution length zero": ("contributions.csv", "county,5000,", "county,0,"),
    "contribution length not a number": ("contributions.csv", "county,5000,", "county,五千,"),
    "contribution unknown author": ("contributions.csv", "2023-06-01,m1,", "2023-06-01,m7,"),
    "contribution without author or body": (
        "contributions.csv",
        "2023-06-01,m1,,,",
        "2023-06-01,,,,",
    ),
    "contribution bad level": ("contributions.csv", "county,5000", "galaxy,5000"),
    "contribution empty title": ("contributions.csv", "关于乡村振兴的调研报告", "  "),
    "activity ends before it starts": (
        "activities.csv",
        "2023-01-05,2023-01-08",
        "2023-01-05,2023-01-01",
    ),
    "activity of zero half days": ("activities.csv", "2023-01-08,6", "2023-01-08,0"),
    "activity in an unknown session": ("activities.csv", "xz,5-2", "xz,5-7"),
    "activity by an unknown body": ("activities.csv", "committee,xz", "committee,zz"),
    "activity organiser kind without id": ("activities.csv", "committee,xz", "committee,"),
    "activity unknown kind": ("activities.csv", "plenary", "picnic"),
    "activity repeated id": (
        "activities.csv",
        "5-2\n",
        "5-2\na1,再一次,2023-03-05,,1,,,\n",
    ),
    "roll call longer than the activity": ("activities.csv", "2023-01-08,6", "2023-01-08,1"),
    "face to face not yes or no": ("proposal_events.csv", "satisfied,true", "satisfied,maybe"),
}


@pytest.mark.parametrize("edit", BAD.values(), ids=list(BAD))
def test_a_bad_proposal_gives_the_row_loaders_problems(tmp_path: Path, edit: Any) -> None:
    name, old, new = edit
    dataset = _copy(tmp_path)
    _replace(dataset / name, old, new)
    expected = row_loaded(dataset)
    assert isinstance(expected, list), "the row loader refuses the dataset"
    assert expected
    assert loaded(dataset) == expected
    assert validate_dataset(dataset) == expected


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    edits=st.lists(
        st.tuples(st.sampled_from(sorted(BAD) + sorted(VALID)), st.booleans()),
        min_size=1,
        max_size=3,
    )
)
def test_edits_together_load_or_fail_alike(
    edits: list[tuple[str, bool]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    dataset = tmp_path_factory.mktemp("mixed") / "good"
    shutil.copytree(GOOD, dataset)
    for label, apply in edits:
        name, old, new = BAD.get(label) or VALID[label]
        text = (dataset / name).read_text(encoding="utf-8")
        if apply and old in text:
            note(label)
            (dataset / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    expected = row_loaded(dataset)
    found = loaded(dataset)
    assert found == expected
    if isinstance(found, ColumnarLedger) and isinstance(expected, Ledger):
        assert_same_columns(columns_of(found), build(expected))


AMOUNTS = {
    "whole": ("20000", True),
    "fraction": ("1/3", True),
    "decimal": ("12.50", True),
    "not a number": ("many", False),
    "too large": ("1" + "0" * 40, False),
}


@pytest.mark.parametrize("amount", AMOUNTS.values(), ids=list(AMOUNTS))
def test_contribution_amounts_load_or_fail_alike(tmp_path: Path, amount: Any) -> None:
    text, valid = amount
    dataset = _copy(tmp_path)
    _replace(
        dataset / "contributions.csv",
        "length_chars,note\n",
        "length_chars,note,amount,reported_on\n",
    )
    _replace(dataset / "contributions.csv", "5000,\n", f"5000,,{text},2023-06-03\n")
    rows = row_loaded(dataset)
    assert isinstance(rows, Ledger) is valid, rows
    if valid:
        assert_same_ledger(loaded(dataset), rows)  # type: ignore[arg-type]
    else:
        assert loaded(dataset) == rows


# ---------------------------------------------------------------------- the corpus and fuzzing


CORPUS_CSV = sorted((GOOD.parent.parent.parent / "reliability" / "corpus" / "csv").iterdir())


@pytest.mark.parametrize("dataset", CORPUS_CSV, ids=[path.name for path in CORPUS_CSV])
def test_the_corpus_gives_the_same_problems_by_columns(dataset: Path) -> None:
    assert loaded(dataset) == row_loaded(dataset)
    assert loaded(dataset, lifecycles=True) == row_loaded(dataset, lifecycles=True)


RECORD_FILES = [
    "activities.csv",
    "proposals.csv",
    "proposal_events.csv",
    "info_reports.csv",
    "info_events.csv",
    "contributions.csv",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    edits=st.lists(
        st.tuples(st.sampled_from([*RECORD_FILES, "members.csv"]), csv_mutation()),
        min_size=1,
        max_size=3,
    ),
    damage=st.lists(st.tuples(st.sampled_from(RECORD_FILES), file_damage()), max_size=1),
    max_rows=st.sampled_from([2, DEFAULT_MAX_ROWS]),
    lifecycles=st.booleans(),
)
def test_mutated_record_tables_load_or_fail_alike(
    edits: list[Any],
    damage: list[Any],
    max_rows: int,
    lifecycles: bool,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    dataset = tmp_path_factory.mktemp("fuzz") / "good"
    shutil.copytree(GOOD, dataset)
    for name, (label, mutate) in edits:
        note(f"{name}: {label}")
        path = dataset / name
        path.write_text(_text(mutate(_rows(path.read_text(encoding="utf-8")))), encoding="utf-8")
    for name, (label, spoil) in damage:
        note(f"{name}: {label}")
        path = dataset / name
        data = spoil(path.read_bytes())
        if data is None:
            path.unlink()
        else:
            path.write_bytes(data)
    expected = row_loaded(dataset, max_rows, lifecycles=lifecycles)
    found = loaded(dataset, max_rows, lifecycles=lifecycles)
    assert found == expected
    if isinstance(found, ColumnarLedger) and isinstance(expected, Ledger):
        assert_same_columns(columns_of(found), build(expected))


def test_an_award_naming_a_record_leaves_that_family_to_the_row_loader(tmp_path: Path) -> None:
    dataset = _copy(tmp_path)
    (dataset / "award_records.csv").write_text(
        "id,award_id,subject_id,year,stage\naw1,excellent_proposal,p1,2023,approved\n",
        encoding="utf-8",
    )
    rows = row_loaded(dataset)
    assert isinstance(rows, Ledger), rows
    columnar = loaded(dataset)
    assert isinstance(columnar, ColumnarLedger)
    assert columnar.built("proposals")  # read by the row loader, which checks the award
    assert not columnar.built("info_reports")  # still columns
    assert_same_columns(columns_of(columnar), build(rows))
    assert columnar == rows
