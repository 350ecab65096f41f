"""Progress bars on stderr for the ``cppcc`` command, drawn with rich when stderr is a terminal.

:func:`terminal_progress` gives a :data:`~cppcc_model.progress.Progress` callback: on a terminal
each stage the library reports becomes a bar (with the count and time left); anywhere else
(a pipe, a file, a test) the callback does nothing, so output that scripts read never holds
progress lines.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from cppcc_model.cli.app import stderr_is_terminal
from cppcc_model.progress import Progress

__all__ = ["status", "terminal_progress"]

T = TypeVar("T")


def _ignore(stage: str, done: int, total: int) -> None:
    return None


@contextlib.contextmanager
def terminal_progress(enabled: bool | None = None) -> Iterator[Progress]:
    """A progress callback drawing bars on a terminal's stderr (a no-op elsewhere).

    ``enabled`` overrides the check that stderr is a terminal.
    """
    if not (stderr_is_terminal() if enabled is None else enabled):
        yield _ignore
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.progress import (
        Progress as Bars,
    )

    bars = Bars(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(file=sys.stderr, force_terminal=True),
        transient=True,
    )
    tasks: dict[str, Any] = {}

    def update(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bars.add_task(stage, total=total)
        bars.update(tasks[stage], completed=done, total=total)

    with bars:
        yield update


def status(message: str, work: Callable[[], T]) -> T:
    """Run ``work`` under a spinner saying ``message`` on a terminal's stderr."""
    if not stderr_is_terminal():
        return work()
    from rich.console import Console

    with Console(file=sys.stderr, force_terminal=True).status(message):
        return work()
