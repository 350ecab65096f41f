"""What the record-counting commands share: filters, body names, time buckets, the JSON shape.

``cppcc activities``, ``cppcc contributions`` and ``cppcc members`` count records the way
``cppcc proposals stats`` does: a ``全部 total`` column (key ``"全部 total"`` in JSON) and, with
``--by``, one column per kind, body, level, month or quarter. Every count is a whole number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any, Protocol, TypeVar

import click

from cppcc_model.cli.formatting import Cell, Table
from cppcc_model.cli.options import When
from cppcc_model.labels import LabeledEnum
from cppcc_model.ledger import Ledger
from cppcc_model.model import BodyKind, BodyRef

__all__ = [
    "NONE_KEY",
    "TOTAL",
    "body_key",
    "body_names",
    "count_columns",
    "count_table",
    "groups_payload",
    "kinds_option",
    "match_option",
    "month_key",
    "parse_kinds",
    "quarter_key",
    "select_records",
    "title_matches",
    "when_payload",
]

F = TypeVar("F", bound=Callable[..., Any])
E = TypeVar("E", bound=LabeledEnum)
R = TypeVar("R")


class _Record(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def kind(self) -> LabeledEnum: ...

    @property
    def title(self) -> str: ...


D = TypeVar("D", bound=_Record)

TOTAL = "全部 total"
"""The key of the column that counts every selected record."""

NONE_KEY = "none"
"""The key of the records that have no value for the ``--by`` field (no level, no organiser)."""


def match_option(function: F) -> F:
    """``--match TEXT``: only the records whose title contains TEXT."""
    return click.option(
        "--match",
        "match",
        metavar="TEXT",
        help="Only the records whose title contains TEXT (simplified or traditional as written).",
    )(function)


def kinds_option(what: str) -> Callable[[F], F]:
    """``--kind KIND`` (repeatable): only the records of these kinds (English id or label)."""

    def decorate(function: F) -> F:
        return click.option(
            "--kind",
            "kinds",
            metavar="KIND",
            multiple=True,
            help=f"Only {what} of this kind: its English id or Chinese label. Repeatable.",
        )(function)

    return decorate


def parse_kinds(enum: type[E], given: Sequence[str]) -> tuple[E, ...]:
    """The kinds named on the command line, each once, in the enumeration's order.

    Raises:
        UnknownLabelError: a name that is no kind; the message lists the kinds there are.

    """
    chosen = {enum.parse(text) for text in given}
    return tuple(member for member in enum if member in chosen)


def title_matches(title: str, match: str | None) -> bool:
    """Whether ``title`` contains ``match`` (always, when no ``--match`` was given)."""
    return match is None or match in title


def select_records(
    records: Iterable[D],
    day: Callable[[D], dt.date],
    when: When,
    wanted: Collection[LabeledEnum],
    match: str | None,
) -> list[D]:
    """The records dated on or before --as-of, of the wanted kinds, whose title matches.

    ``day`` dates a record; no ``wanted`` kinds means any kind. Sorted by day, then id.
    """
    return sorted(
        (
            record
            for record in records
            if day(record) <= when.as_of
            and (not wanted or record.kind in wanted)
            and title_matches(record.title, match)
        ),
        key=lambda record: (day(record), record.id),
    )


def month_key(day: dt.date) -> str:
    """``2023-04``."""
    return f"{day.year}-{day.month:02d}"


def quarter_key(day: dt.date) -> str:
    """``2023-Q2``."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def body_names(ledger: Ledger) -> dict[BodyKind, dict[str, str]]:
    """The display name of every body of the ledger, by kind and id (:meth:`Ledger.body_names`)."""
    return ledger.body_names()


def body_key(body: BodyRef | None, names: Mapping[BodyKind, Mapping[str, str]]) -> tuple[str, str]:
    """``(key, name)`` of a body: ``activity_group:g1`` and its name; office names as given."""
    if body is None:
        return NONE_KEY, "无 none"
    name = names.get(body.kind, {}).get(body.id, body.id)
    return f"{body.kind.value}:{body.id}", name


def when_payload(ledger: Ledger, when: When) -> dict[str, Any]:
    """The committee, period and as-of day, as every counting command's JSON starts."""
    return {
        "committee": ledger.committee.name,
        "period": str(when.period),
        "as_of": when.as_of.isoformat(),
    }


def count_table(
    title: str,
    metrics: Mapping[str, str],
    columns: Mapping[str, Mapping[str, int]],
    names: Mapping[str, str],
    notes: Iterable[str] = (),
) -> Table:
    """A table with one row per column key and one column per metric (``metrics``: key → 中文)."""
    header = [("key", "编号"), ("name", "名称")] + list(metrics.items())
    rows: list[list[Cell]] = []
    for key, counts in columns.items():
        rows.append([key, names.get(key, key), *(counts[m] for m in metrics)])
    return Table(title, header, rows, notes)


def count_columns(
    chosen: Sequence[R],
    counts: Callable[[Sequence[R]], dict[str, int]],
    buckets_of: Callable[[R], Iterable[tuple[str, str]]] | None,
) -> tuple[dict[str, dict[str, int]], dict[str, str]]:
    """The counted columns and their names: the total and, with ``--by``, one per bucket key.

    ``buckets_of`` gives each record's buckets as ``(key, name)`` (a record counts once in
    each); the bucket columns follow the total in key order.
    """
    buckets: dict[str, list[R]] = {}
    names = {TOTAL: TOTAL}
    if buckets_of is not None:
        for record in chosen:
            for key, name in buckets_of(record):
                buckets.setdefault(key, []).append(record)
                names[key] = name
    columns = {TOTAL: counts(chosen)}
    columns.update({key: counts(buckets[key]) for key in sorted(buckets)})
    return columns, names


def groups_payload(
    columns: Mapping[str, Mapping[str, int]], names: Mapping[str, str]
) -> dict[str, dict[str, Any]]:
    """The JSON ``groups`` of a counting command: per column key, its name and its counts."""
    return {key: {"name": names[key], **counts} for key, counts in columns.items()}
