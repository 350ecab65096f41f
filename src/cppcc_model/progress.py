"""Progress on long work: an optional callback the library calls as it goes.

Functions that take a while (building a report of thousands of members, writing their duty
records) accept ``progress``: a callable taking the stage's name, how many steps are done and
how many there are in all. The library calls it with ``done == 0`` when a stage begins and
``done == total`` when it ends; a caller may draw a bar, log, or ignore it. The ``cppcc``
command draws bars on stderr when stderr is a terminal.

>>> seen = []
>>> def note(stage: str, done: int, total: int) -> None:
...     seen.append((stage, done, total))
>>> for _ in steps(["a", "b"], "评分 scoring", note):
...     pass
>>> seen
[('评分 scoring', 0, 2), ('评分 scoring', 1, 2), ('评分 scoring', 2, 2)]
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

__all__ = ["Progress", "one_step", "steps"]

Progress = Callable[[str, int, int], None]
"""A progress callback: ``progress(stage, done, total)``."""

T = TypeVar("T")


def steps(items: Sequence[T], stage: str, progress: Progress | None) -> Iterator[T]:
    """Yield ``items``, telling ``progress`` (if any) of each one done."""
    total = len(items)
    if progress is not None:
        progress(stage, 0, total)
    for done, item in enumerate(items, start=1):
        yield item
        if progress is not None:
            progress(stage, done, total)


@contextlib.contextmanager
def one_step(stage: str, progress: Progress | None) -> Iterator[None]:
    """Report work that cannot be divided as one step: 0 of 1 as it begins, 1 of 1 when done.

    Nothing is reported as done if the work raises.

    >>> seen = []
    >>> with one_step("核对 checking", lambda *heard: seen.append(heard)):
    ...     pass
    >>> seen
    [('核对 checking', 0, 1), ('核对 checking', 1, 1)]
    >>> seen.clear()
    >>> with one_step("核对 checking", lambda *heard: seen.append(heard)):
    ...     raise ValueError("broken")
    Traceback (most recent call last):
    ValueError: broken
    >>> seen
    [('核对 checking', 0, 1)]
    """
    if progress is not None:
        progress(stage, 0, 1)
    yield
    if progress is not None:
        progress(stage, 1, 1)
