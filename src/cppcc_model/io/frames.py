"""Results as data frames: polars (default), pandas, or Arrow tables, exact to the last digit.

::

    from cppcc_model.io.frames import result_frames, statistics_frame

    frames = result_frames(assessment, ledger, awards=awards)          # polars DataFrames
    frames["rankings"].filter(pl.col("tied"))
    tables = result_frames(assessment, ledger, library="arrow")         # pyarrow Tables
    proposals = statistics_frame(proposal_statistics_by(ledger, "activity_group", period=p))

The frames hold the rows of :func:`~cppcc_model.io.results.result_tables` — score cards, score
lines, the member ranking, awards — with columns typed: dates as dates, flags as booleans,
places as integers. Every exact figure keeps three columns:

* ``total`` — the exact value as text (``"129/2"``), as in JSON;
* ``total_numerator`` / ``total_denominator`` — the same value as two 64-bit integers, for
  exact arithmetic in the frame (``pl.col("total_numerator") / pl.col("total_denominator")``
  is a float; sum numerators over a common denominator to stay exact);
* ``display_total`` — the presented figure as a **decimal** column (``Decimal(38, places)``,
  the rule set's rounding places), so sums of presented figures are exact decimals.

Needs the ``frames`` extra (``pip install 'cppcc-model[frames]'``: polars and pyarrow); pandas
frames need pandas as well.
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterable, Mapping
from typing import Any, Literal

import attrs

from cppcc_model.assess.awards import AwardResult
from cppcc_model.assess.engine import Assessment
from cppcc_model.assess.ranking import RankMethod
from cppcc_model.errors import InvalidValueError
from cppcc_model.io.results import RESULT_COLUMNS, result_tables
from cppcc_model.ledger import Ledger
from cppcc_model.proposals.figures import Figure

__all__ = ["Library", "result_frames", "rows_frame", "statistics_frame"]

Library = Literal["polars", "pandas", "arrow"]
"""Which kind of frame to build."""

_INTS = {"line", "position", "rank", "tied_count", "quota", "place"}
_BOOLS = {"requirements_met", "tied", "selected"}
_DATES = {"period_start", "period_end", "as_of"}


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError:
        raise InvalidValueError(
            "data frames need pyarrow, which is not installed",
            hint="pip install 'cppcc-model[frames]'",
        ) from None
    return pyarrow


def _convert(table: Any, library: Library) -> Any:
    if library == "arrow":
        return table
    if library == "polars":
        try:
            import polars
        except ImportError:
            raise InvalidValueError(
                "polars frames need polars, which is not installed",
                hint="pip install 'cppcc-model[frames]', or ask for library='arrow'",
            ) from None
        return polars.from_arrow(table)
    if library == "pandas":
        try:
            import pandas  # noqa: F401  (to_pandas needs it)
        except ImportError:
            raise InvalidValueError(
                "pandas frames need pandas, which is not installed",
                hint="pip install pandas, or ask for library='polars' or 'arrow'",
            ) from None
        return table.to_pandas()
    raise InvalidValueError(
        f"unknown frame library {library!r}", hint="use 'polars', 'pandas' or 'arrow'"
    )


def _field(pa: Any, name: str, places: int) -> Any:
    if name in _INTS or name.endswith(("_numerator", "_denominator")):
        return pa.field(name, pa.int64())
    if name in _BOOLS:
        return pa.field(name, pa.bool_())
    if name in _DATES:
        return pa.field(name, pa.date32())
    if name.startswith("display_"):
        return pa.field(name, pa.decimal128(38, places))
    return pa.field(name, pa.string())


def _decimal(text: str | None, places: int) -> decimal.Decimal | None:
    if text is None:
        return None
    return decimal.Decimal(text).quantize(decimal.Decimal(1).scaleb(-places))


def result_frames(
    assessment: Assessment,
    ledger: Ledger,
    *,
    awards: Iterable[AwardResult] = (),
    method: RankMethod | str = RankMethod.COMPETITION,
    library: Library = "polars",
) -> dict[str, Any]:
    """The result tables (score cards, lines, rankings, awards) as frames, by table name.

    Raises:
        InvalidValueError: for an unknown library, or when it is not installed.

    """
    pa = _pyarrow()
    places = assessment.rule_set.rounding.places
    frames = {}
    for name, rows in result_tables(assessment, ledger, awards=awards, method=method).items():
        schema = pa.schema([_field(pa, column, places) for column in RESULT_COLUMNS[name]])
        prepared = [
            {
                column: _decimal(value, places) if column.startswith("display_") else value
                for column, value in row.items()
            }
            for row in rows
        ]
        frames[name] = _convert(pa.Table.from_pylist(prepared, schema=schema), library)
    return frames


def _rates(stats: Any) -> dict[str, Figure]:
    """Every rate of a statistics object: its ``rates()``, or its properties that are figures."""
    rates = getattr(stats, "rates", None)
    if callable(rates):
        found = rates()
        if isinstance(found, Mapping):
            return dict(found)
    figures = {}
    for name in sorted(dir(type(stats))):
        if isinstance(getattr(type(stats), name, None), property):
            value = getattr(stats, name)
            if isinstance(value, Figure):
                figures[name] = value
    return figures


def statistics_frame(
    statistics: Mapping[str, Any] | Any,
    *,
    key: str = "group",
    places: int = 2,
    library: Library = "polars",
) -> Any:
    """Statistics — proposal, 社情民意 or attendance — as one frame, one row per group.

    ``statistics`` is what ``proposal_statistics_by``, ``info_statistics_by`` or
    ``attendance_statistics_by`` give (group key → statistics), or one statistics object (one
    row, key ``"all"``). Each row holds the group key, every count (int64; a count by label,
    such as ``by_reply``, one column per label: ``by_reply_a``), and for every rate
    ``{rate}_numerator``, ``{rate}_denominator`` (exact) and ``{rate}_percent`` (a decimal
    percentage rounded half up to ``places``; null when the denominator is 0).

    Raises:
        InvalidValueError: for an unknown library, or when it is not installed.

    """
    pa = _pyarrow()
    groups = dict(statistics) if isinstance(statistics, Mapping) else {"all": statistics}
    rows = []
    fields: dict[str, Any] = {key: pa.string()}
    for group, stats in groups.items():
        row: dict[str, Any] = {key: str(group)}
        counts = stats.counts
        for field in attrs.fields(type(counts)):
            value = getattr(counts, field.name)
            if isinstance(value, Mapping):  # counts by a label (by_reply): one column each
                for label in sorted(value):
                    row[f"{field.name}_{label}"] = value[label]
                    fields.setdefault(f"{field.name}_{label}", pa.int64())
                continue
            row[field.name] = value
            fields.setdefault(field.name, pa.int64())
        for name, figure in _rates(stats).items():
            row[f"{name}_numerator"] = figure.numerator
            row[f"{name}_denominator"] = figure.denominator
            value = figure.value
            row[f"{name}_percent"] = (
                None
                if value is None
                else (
                    decimal.Decimal(value.numerator) * 100 / decimal.Decimal(value.denominator)
                ).quantize(decimal.Decimal(1).scaleb(-places), rounding=decimal.ROUND_HALF_UP)
            )
            fields.setdefault(f"{name}_numerator", pa.int64())
            fields.setdefault(f"{name}_denominator", pa.int64())
            fields.setdefault(f"{name}_percent", pa.decimal128(38, places))
        rows.append(row)
    schema = pa.schema([pa.field(name, kind) for name, kind in fields.items()])
    return _convert(pa.Table.from_pylist(rows, schema=schema), library)


def rows_frame(rows: Iterable[Mapping[str, Any]], *, library: Library = "polars") -> Any:
    """Any plain rows (``to_dict`` data, a ledger table's rows) as a frame, types inferred.

    Dates stay dates; everything else is as the rows give it.

    Raises:
        InvalidValueError: for an unknown library, or when it is not installed.

    """
    pa = _pyarrow()
    listed = [dict(row) for row in rows]
    for row in listed:
        for column, value in row.items():
            if isinstance(value, dt.datetime):
                row[column] = value.date() if value.time() == dt.time() else value
    return _convert(pa.Table.from_pylist(listed), library)
