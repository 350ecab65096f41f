"""Roll-call entries built on demand from the engine's credits, not from a second copy.

The columnar loader keeps no frame of the roll calls as read: a ledger's
:class:`~cppcc_model.model.Attendance` objects are built, when asked for, from the credits'
attendance rows and the few entries that gave a role or their own half days
(:func:`~cppcc_model.engine.roll_calls.given_entries`). These tests hold them equal, field by
field and type by type, to the entries the row loader reads from the same file, however the
file spells what it leaves to the defaults.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

import attrs
import polars as pl
import pytest
from benchmarks.generate import generate_ledger
from benchmarks.held import held_by
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cppcc_model.engine.columns import columns_of
from cppcc_model.engine.roll_calls import GIVEN_SCHEMA, given_entries, roll_call_entries
from cppcc_model.io._columnar_ledger import ColumnarLedger
from cppcc_model.io._columnar_roll_calls import ROLL_CALL_SCHEMA
from cppcc_model.io.dataset import load_dataset, write_dataset
from cppcc_model.io.tables import DEFAULT_MAX_ROWS, _problems_and_ledger
from cppcc_model.ledger import Ledger
from cppcc_model.model import Activity, AttendanceStatus, ParticipationRole
from cppcc_model.testing.strategies import ledgers

# these small datasets take the columnar path (a district's size is read by rows)
pytestmark = pytest.mark.usefixtures("columns_at_any_size")


def _row_loaded(path: Path) -> Ledger:
    problems, ledger = _problems_and_ledger(path, DEFAULT_MAX_ROWS)
    assert ledger is not None, problems
    return ledger


def _fields(activities: tuple[Activity, ...]) -> list[list[tuple[object, ...]]]:
    """Every entry of every roll call as its fields' values and their types."""
    return [
        [
            tuple((value, type(value)) for value in attrs.astuple(entry, recurse=False))
            for entry in activity.attendance
        ]
        for activity in activities
    ]


# the spellings a roll-call cell may take for what it leaves to the defaults
_PRESENT = ("", "present", "出席", "到会")
_PARTICIPANT = ("", "participant", "参加", "参与")


def _respell(path: Path, choices: random.Random) -> None:
    """Rewrite ``path``'s roll calls, each default status and role spelt some other way."""
    file = path / "attendance.csv"
    with file.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    status, role = header.index("status"), header.index("role")
    for row in body:
        if row[status] == AttendanceStatus.PRESENT.value:
            row[status] = choices.choice(_PRESENT)
        if row[role] == ParticipationRole.PARTICIPANT.value:
            row[role] = choices.choice(_PARTICIPANT)
        elif choices.random() < 0.5:  # a role given by its Chinese label
            row[role] = ParticipationRole(row[role]).label
    with file.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([header, *body])


def _written(
    ledger: Ledger, factory: pytest.TempPathFactory, respell: random.Random | None = None
) -> tuple[Path, ColumnarLedger]:
    """``ledger`` written as CSV (its roll calls respelt by ``respell``), and loaded in columns."""
    path = factory.mktemp("ledger") / "csv"
    write_dataset(ledger, path, "csv")
    if respell is not None:
        _respell(path, respell)
    columnar = load_dataset(path)
    assert isinstance(columnar, ColumnarLedger)
    return path, columnar


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledger=ledgers(max_members=8, max_records=8), seed=st.integers(0, 2**32 - 1))
def test_entries_built_from_the_credits_are_the_entries_read(
    ledger: Ledger, seed: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path, columnar = _written(ledger, tmp_path_factory, respell=random.Random(seed))
    rows = _row_loaded(path)
    assert not columnar.roll_calls_built
    # built now, from the credits: every field equal, and of the same type
    assert _fields(columnar.activities) == _fields(rows.activities) == _fields(ledger.activities)
    assert columnar.activities == rows.activities == ledger.activities
    assert columnar == rows


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledger=ledgers(max_members=8, max_records=8), seed=st.integers(0, 2**32 - 1))
def test_the_entries_do_not_depend_on_the_credits_order(
    ledger: Ledger, seed: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    _, columnar = _written(ledger, tmp_path_factory)
    columns = columns_of(columnar)
    kept = _given_kept(columnar)
    shuffled = columns.credits.sample(fraction=1.0, shuffle=True, seed=seed)
    by_credits = roll_call_entries(columns.credits, columns.member_ids, kept)
    assert roll_call_entries(shuffled, columns.member_ids, kept) == by_credits
    expected = {
        index: activity.attendance
        for index, activity in enumerate(ledger.activities)
        if activity.attendance
    }
    assert by_credits == expected


def _given_kept(ledger: ColumnarLedger) -> pl.DataFrame:
    """The frame of given entries the ledger's builder of activities keeps."""
    builder = ledger._pending["activities"]
    cells = [cell.cell_contents for cell in builder.__closure__ or ()]
    found = [value for value in cells if isinstance(value, pl.DataFrame)]
    assert len(found) == 1
    return found[0]


def test_only_the_entries_the_credits_cannot_say_are_kept() -> None:
    roles = pl.Enum([role.value for role in ParticipationRole])
    statuses = pl.Enum([status.value for status in AttendanceStatus])
    roll_calls = pl.DataFrame(
        {
            "ri": [0, 0, 0, 1, 1, 2],
            "ai": [0, 1, 2, 0, 1, 0],
            "member_id": ["m1", "m2", "m3", "m1", "m2", "m3"],
            "status": [None, "present", "partial", "excused", None, None],
            "role": [None, "participant", "lead", "speaker", None, "participant"],
            "half_days": [None, None, 1, None, 0, 2],
        },
        schema={
            "ri": pl.Int32,
            "ai": pl.Int32,
            "member_id": pl.String,
            "status": statuses,
            "role": roles,
            "half_days": pl.Int32,
        },
    )
    kept = given_entries(roll_calls)
    assert list(kept.columns) == list(GIVEN_SCHEMA)
    # 参加 given or not is the default: only a lead, a speaker and half days given are kept
    assert kept.rows() == [
        (0, 2, "lead", 1),
        (1, 0, "speaker", None),
        (1, 1, None, 0),
        (2, 0, None, 2),
    ]


def test_a_loaded_ledger_keeps_no_second_copy_of_its_roll_calls(tmp_path: Path) -> None:
    write_dataset(generate_ledger(60, seed=4), tmp_path / "csv", "csv")
    ledger = load_dataset(tmp_path / "csv")
    assert isinstance(ledger, ColumnarLedger)
    columns = columns_of(ledger)
    found = held_by(ledger, columns)
    read = set(ROLL_CALL_SCHEMA)
    assert not [names for *_, names in found["frame_detail"] if read <= set(names)]
    # the benchmark's roll calls give every role as 参加 and no half days: nothing kept
    assert _given_kept(ledger).height == 0
    entries = sum(len(activity.attendance) for activity in ledger.activities)
    assert entries == ledger.record_count - sum(
        len(records) for records in (ledger.proposals, ledger.info_reports, ledger.contributions)
    )
