"""The columnar CSV loader: a dataset directory whose roll calls are read whole by polars.

:func:`load_columnar` is tried first by :func:`~cppcc_model.io.tables.load_tables` for a
directory. It reads every table but ``attendance`` with the row loader (they are small), reads
the roll calls as columns (:mod:`cppcc_model.io._columnar_roll_calls`), checks them whole
against the activities and members, builds the engine's columns from the frame
(:mod:`cppcc_model.engine.roll_calls`) and gives a
:class:`~cppcc_model.io._columnar_ledger.RollCallLedger`, whose roll-call objects are built only
when asked for.

Whenever anything is wrong or unusual — a problem in any table, a lifecycle problem, a roll
call the column checks do not accept — it gives ``None`` and the caller loads the whole dataset
with the row loader, which reports every problem located (file, row, column) exactly as it
always has. Loading stays all or nothing, and the problems do not depend on which path ran.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path

from cppcc_model.errors import Problem
from cppcc_model.io._columnar_ledger import RollCallLedger
from cppcc_model.io._columnar_roll_calls import place_roll_calls, read_roll_calls, roll_call_file
from cppcc_model.ledger import Ledger
from cppcc_model.progress import Progress

__all__ = ["RowLoader", "load_columnar"]

RowLoader = Callable[
    [Path, int, "Callable[[Ledger], list[Problem]] | None", "Progress | None", Collection[str]],
    tuple[list[Problem], Ledger | None],
]
"""The row loader: (path, max rows, check, progress, tables to skip) → (problems, ledger)."""


def load_columnar(
    path: Path,
    max_rows: int,
    check: Callable[[Ledger], list[Problem]] | None,
    progress: Progress | None,
    row_loader: RowLoader,
) -> Ledger | None:
    """The ledger of the CSV dataset directory ``path`` with its roll calls read as columns.

    ``None`` when the dataset has no roll-call CSV file, or anything is wrong or unusual: then
    the row loader must load it (and report its problems).
    """
    from cppcc_model.engine.columns import remember
    from cppcc_model.engine.roll_calls import columns_with_roll_calls

    file = roll_call_file(path)
    if file is None:
        return None
    read = read_roll_calls(file, max_rows)
    if read is None:
        return None
    heard = None if progress is None else _with_roll_calls_parsed(progress)
    problems, bare = row_loader(path, max_rows, check, heard, ("attendance",))
    if problems or bare is None:
        return None
    activities = {a.id: (index, a.half_days) for index, a in enumerate(bare.activities)}
    roll_calls = place_roll_calls(read, activities, frozenset(m.id for m in bare.members))
    if roll_calls is None:
        return None
    ledger = RollCallLedger.of(bare, roll_calls)
    remember(ledger, columns_with_roll_calls(bare, roll_calls))
    return ledger


PARSING = "解析 parsing"
"""The row loader's stage of parsing each table (:data:`cppcc_model.io.tables.PARSING`)."""


def _with_roll_calls_parsed(progress: Progress) -> Progress:
    """``progress`` told of the roll calls as one more parsed table, as the row loader tells it.

    The roll calls were read before the other tables; they are counted as the last step of
    the parsing stage, so a caller hears the same stages and steps on either path. (When the
    dataset then goes to the row loader, the stages are heard again from the start.)
    """

    def heard(stage: str, done: int, total: int) -> None:
        if stage == PARSING:
            progress(stage, done, total + 1)
            if done == total:
                progress(stage, total + 1, total + 1)
            return
        progress(stage, done, total)

    return heard
