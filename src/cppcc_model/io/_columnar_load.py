"""The columnar CSV loader: a dataset directory whose large tables are read whole by polars.

:func:`load_columnar` is tried first by :func:`~cppcc_model.io.tables.load_tables` for a
directory. It reads the roll calls (:mod:`cppcc_model.io._columnar_roll_calls`) and the record
tables — proposals and their events, 社情民意 items and their events, contributions
(:mod:`cppcc_model.io._columnar_read`) — as columns, and every other table (the roster, the
activities: small) with the row loader. It checks the columns whole against the rest of the
ledger (:mod:`cppcc_model.io._columnar_proposals` …), builds the engine's columns from the
frames (:mod:`cppcc_model.engine.roll_calls`, :mod:`cppcc_model.engine.record_columns`) and
gives a :class:`~cppcc_model.io._columnar_ledger.ColumnarLedger`, whose record objects are built
only when asked for. A record family whose files this path does not read (a quote in a cell,
for one) is read by the row loader with the small tables.

Whenever anything is wrong or unusual — a problem in any table, a lifecycle problem, columns
the checks do not accept — it gives ``None`` and the caller loads the whole dataset with the
row loader, which reports every problem located (file, row, column) exactly as it always has.
Loading stays all or nothing, and the problems do not depend on which path ran.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from concurrent.futures import Executor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from cppcc_model.errors import Problem
from cppcc_model.io._columnar_activities import (
    ACTIVITY_TABLES,
    activities_ok,
    activity_rows,
    build_activities,
)
from cppcc_model.io._columnar_checks import Known
from cppcc_model.io._columnar_contributions import (
    CONTRIBUTION_TABLES,
    build_contributions,
    place_contributions,
)
from cppcc_model.io._columnar_ledger import ColumnarLedger, with_roll_calls
from cppcc_model.io._columnar_proposals import (
    PROPOSAL_TABLES,
    build_proposals,
    place_proposals,
)
from cppcc_model.io._columnar_read import TableRead, read_table, table_files
from cppcc_model.io._columnar_reports import INFO_TABLES, build_info_reports, place_info_reports
from cppcc_model.io._columnar_roll_calls import place_roll_calls, read_roll_calls, roll_call_file
from cppcc_model.io._columnar_roster import ROSTER_TABLES, read_roster
from cppcc_model.ledger import Ledger
from cppcc_model.model import Member
from cppcc_model.progress import Progress

__all__ = ["RowLoader", "load_columnar"]

RowLoader = Callable[
    [
        Path,
        int,
        "Callable[[Ledger], list[Problem]] | None",
        "Progress | None",
        Collection[str],
        "Sequence[Member] | None",
    ],
    tuple[list[Problem], Ledger | None],
]
"""The row loader: (path, max rows, check, progress, tables to skip, the members if read) →
(problems, ledger)."""

_FAMILIES = {
    "proposals": PROPOSAL_TABLES,
    "info_reports": INFO_TABLES,
    "contributions": CONTRIBUTION_TABLES,
    "activities": ACTIVITY_TABLES,
}
"""Each record family read as columns → its tables."""


def _read_families(
    path: Path, max_rows: int, pool: Executor
) -> tuple[dict[str, dict[str, TableRead]], int, tuple[Member, ...] | None]:
    """The record families read as columns, their files' count, and the members if read too.

    The roster (members and roles) counts among the files when it is read as columns. The
    proposals' tables are read by ``pool`` (after the roll calls, which it was given first)
    while this thread reads and builds the roster and reads the other tables: the roster's
    build is Python, which polars reading on the other thread need not wait for.
    """
    names = frozenset(name for tables in _FAMILIES.values() for name in tables)
    files = table_files(path, names | {"award_records", *ROSTER_TABLES})
    if files is None:
        return {}, 0, None
    # the proposals' tables are read on the other thread while this one builds the roster
    elsewhere = {
        name: pool.submit(read_table, files[name], name, max_rows)
        for name in _FAMILIES["proposals"]
    }
    members = read_roster(files, max_rows)
    tables_read: dict[str, TableRead | None] = {}
    for family, tables in _FAMILIES.items():
        if family not in ("activities", "proposals"):
            tables_read.update((name, read_table(files[name], name, max_rows)) for name in tables)
    tables_read.update((name, future.result()) for name, future in elsewhere.items())
    families: dict[str, dict[str, TableRead]] = {}
    for family, tables in _FAMILIES.items():
        if family == "activities":
            continue
        read = {name: tables_read[name] for name in tables}
        if all(table is not None for table in read.values()):
            families[family] = {name: table for name, table in read.items() if table}
    named = _award_subjects(files["award_records"], max_rows)
    for family in list(families):  # an award naming a record is checked by the row loader
        if named is None or families[family][family].frame["id"].is_in(named).any():
            del families[family]
    if "info_reports" in families:  # else the row loader checks the items' source activities
        activities = read_table(files["activities"], "activities", max_rows)
        if activities is not None:
            families["activities"] = {"activities": activities}
    count = sum(files[name] is not None for family in families for name in _FAMILIES[family])
    if members is not None:
        count += sum(files[name] is not None for name in ROSTER_TABLES)
    return families, count, members


def _award_subjects(file: Path | None, max_rows: int) -> list[str] | None:
    """The subjects the award records name (``None``: the file is not read as columns)."""
    if file is None:
        return []
    awards = read_table(file, "award_records", max_rows)
    return None if awards is None else awards.frame["subject_id"].drop_nulls().unique().to_list()


def load_columnar(
    path: Path,
    max_rows: int,
    check: Callable[[Ledger], list[Problem]] | None,
    progress: Progress | None,
    row_loader: RowLoader,
) -> Ledger | None:
    """The ledger of the CSV dataset directory ``path`` with its large tables read as columns.

    ``None`` when the dataset has no roll-call CSV file, or anything is wrong or unusual: then
    the row loader must load it (and report its problems).
    """
    from cppcc_model.engine.columns import remember
    from cppcc_model.engine.record_columns import RecordFrames, columns_from_frames
    from cppcc_model.engine.roll_calls import given_entries

    file = roll_call_file(path)
    if file is None:
        return None
    # the roll calls (most of the rows, read and checked mostly inside polars, which lets go of
    # the interpreter) are read on a second thread while this one reads the other tables
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="cppcc-roll-calls") as pool:
        reading = pool.submit(read_roll_calls, file, max_rows)
        families, files, members = _read_families(path, max_rows, pool)
        read = reading.result()
    if read is None:
        return None
    skip = ["attendance", *(name for family in families for name in _FAMILIES[family])]
    if members is not None:
        skip += ROSTER_TABLES
    heard = None if progress is None else _with_columns_parsed(progress, 1 + files)
    # the lifecycle check reads the histories: run it on the whole ledger when they are columns
    problems, bare = row_loader(path, max_rows, None if families else check, heard, skip, members)
    if problems or bare is None:
        return None
    if "activities" in families:  # checked whole, built when asked for
        table = families["activities"]["activities"]
        rows = table.frame.select(*_ACTIVITY_COLUMNS)
        known = Known.of(bare, rows["id"])
        if not activities_ok(table, known):
            return None
        built = _builder(build_activities, table)
    else:
        rows, built = activity_rows(bare.activities), _kept(bare.activities)
        known = Known.of(bare)
    roll_calls = place_roll_calls(read, rows, known.members)
    if roll_calls is None:
        return None
    builders: dict[str, Any] = {}
    sizes = {"activities": roll_calls.height}
    frames: dict[str, Any] = {"activities": rows, "members": known.members}
    if "proposals" in families:
        tables = families["proposals"]
        placed = place_proposals(tables["proposals"], tables["proposal_events"], known)
        if placed is None:
            return None
        builders["proposals"] = _builder(build_proposals, placed)
        sizes["proposals"] = placed.proposals.frame.height
        frames["proposals"] = placed.proposals.frame
        frames["proposal_events"] = placed.events.frame
    if "info_reports" in families:
        tables = families["info_reports"]
        info = place_info_reports(tables["info_reports"], tables["info_events"], known)
        if info is None:
            return None
        builders["info_reports"] = _builder(build_info_reports, info)
        sizes["info_reports"] = info.reports.frame.height
        frames["info_reports"] = info.reports.frame
        frames["info_events"] = info.events.frame
    if "contributions" in families:
        contributions = place_contributions(families["contributions"]["contributions"], known)
        if contributions is None:
            return None
        builders["contributions"] = _builder(build_contributions, contributions)
        sizes["contributions"] = contributions.frame.height
        frames["contributions"] = contributions.frame
    columns = columns_from_frames(bare, RecordFrames(**frames), roll_calls)
    # the roll calls are built from the credits when asked for: the frame read is not kept
    builders["activities"] = with_roll_calls(built, columns, given_entries(roll_calls))
    ledger = ColumnarLedger.of(bare, builders, sizes)
    remember(ledger, columns)
    if families and check is not None and check(ledger):
        return None
    return ledger


def _builder(build: Callable[[Any], tuple[Any, ...]], tables: Any) -> Callable[[], Any]:
    return lambda: build(tables)


def _kept(records: tuple[Any, ...]) -> Callable[[], tuple[Any, ...]]:
    return lambda: records


_ACTIVITY_COLUMNS = ("id", "kind", "start", "half_days", "organiser_kind")
"""What the roll calls and the engine's columns read of each activity."""


PARSING = "解析 parsing"
"""The row loader's stage of parsing each table (:data:`cppcc_model.io.tables.PARSING`)."""


def _with_columns_parsed(progress: Progress, count: int) -> Progress:
    """``progress`` told of ``count`` more parsed tables, as the row loader tells them.

    The tables read as columns were read before the others; they are counted as the last steps
    of the parsing stage, so a caller hears the same stages and steps on either path. (When the
    dataset then goes to the row loader, the stages are heard again from the start.)
    """

    def heard(stage: str, done: int, total: int) -> None:
        if stage == PARSING:
            progress(stage, done, total + count)
            if done == total:
                for extra in range(1, count + 1):
                    progress(stage, total + extra, total + count)
            return
        progress(stage, done, total)

    return heard
