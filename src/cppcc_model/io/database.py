"""A database as a dataset: the tables of the dataset format, read from and written to SQL.

Any database SQLAlchemy reaches holds a dataset — SQLite (built in), PostgreSQL, MySQL, or a
domestic database with a SQLAlchemy dialect — in tables named and laid out as the CSV files of
the dataset format are (``members`` or ``委员``, with English or Chinese columns)::

    from cppcc_model.io.database import load_database, write_database

    ledger = load_database("sqlite:///xiangzhou.db")
    ledger = load_database("postgresql+psycopg://cppcc@db.example/xiangzhou")
    write_database(ledger, "sqlite:///out.db", assessment=result, awards=awards)

Reading takes every table whose name is a dataset table and ignores the others (a platform's
own tables, result tables). Rows are read in the order of their ``_row`` column where the table
has one (the writer adds it), else of the primary key, else as the database returns them —
child rows (roles, proposal steps) keep the order of their rows, so give such tables an order.
Every cell goes through :func:`~cppcc_model.io.rows.ledger_from_tables`: the same checks as
files, each problem located by table, row and column; all or nothing.

Writing creates the dataset tables (and, given an assessment, the result tables of
:mod:`cppcc_model.io.results`) in **one transaction**: the database afterwards holds all of
them or, on any failure, none. Tables already there are refused unless ``replace=True``.

Needs the ``db`` extra (``pip install 'cppcc-model[db]'``) and, for a server, its driver
(``psycopg`` for PostgreSQL).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Literal

from cppcc_model.assess.award_results import AwardResult
from cppcc_model.assess.engine import Assessment
from cppcc_model.assess.ranking import RankMethod
from cppcc_model.errors import DatasetError, InvalidValueError, Location, Problem
from cppcc_model.io._tables_files import DEFAULT_MAX_ROWS
from cppcc_model.io._tables_schema import TABLES, CellKind, Table, table_named
from cppcc_model.io._tables_write import ledger_rows, table_cells
from cppcc_model.io._urls import is_database_url, scheme_of
from cppcc_model.io.results import RESULT_COLUMNS, RESULT_TABLES, result_tables
from cppcc_model.io.rows import ledger_from_tables, tables_problems
from cppcc_model.ledger import Ledger

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

__all__ = [
    "ORDER_COLUMN",
    "database_problems",
    "is_database_url",
    "load_database",
    "read_result_tables",
    "write_database",
]

ORDER_COLUMN = "_row"
"""The column that gives the order of a table's rows (1, 2, …); written by the writer."""


def _sqlalchemy() -> Any:
    try:
        import sqlalchemy
    except ImportError:
        raise InvalidValueError(
            "reading or writing a database needs SQLAlchemy, which is not installed",
            hint="pip install 'cppcc-model[db]'",
        ) from None
    return sqlalchemy


def _shown(url: str) -> str:
    """The URL as messages show it: without its password."""
    sa = _sqlalchemy()
    try:
        return str(sa.engine.make_url(url).render_as_string(hide_password=True))
    except Exception:  # an unparsable URL is reported by _engine; show its scheme only
        scheme = scheme_of(url)
        return f"{scheme}://…" if scheme else "the database"


def _failure(url: str, what: str, exc: BaseException, hint: str) -> DatasetError:
    shown = _shown(url)
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return DatasetError(
        f"cannot {what} the database {shown}",
        [Problem(f"{type(exc).__name__}: {text}", Location(file=shown), hint)],
    )


def _engine(url: str) -> Engine:
    sa = _sqlalchemy()
    try:
        engine: Engine = sa.create_engine(url)
    except ModuleNotFoundError as exc:
        raise _failure(
            url,
            "open",
            exc,
            f"install the database driver (module {exc.name!r}); for PostgreSQL: "
            "pip install 'psycopg[binary]' and write postgresql+psycopg://…",
        ) from None
    except Exception as exc:  # ArgumentError, NoSuchModuleError …: the URL itself is wrong
        raise _failure(
            url,
            "open",
            exc,
            "write the URL as dialect+driver://user:password@host/database "
            "(sqlite:///path.db for SQLite)",
        ) from None
    if engine.dialect.name == "sqlite":
        _transactional_sqlite(engine)
    return engine


def _transactional_sqlite(engine: Engine) -> None:
    """Let SQLite's DDL take part in the transaction (pysqlite commits before it otherwise)."""
    sa = _sqlalchemy()

    def _connect(dbapi_connection: Any, record: Any) -> None:
        dbapi_connection.isolation_level = None

    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    sa.event.listen(engine, "connect", _connect)
    sa.event.listen(engine, "begin", _begin)


# ---------------------------------------------------------------------- reading


def _read_table(connection: Connection, name: str, schema: str | None, limit: int) -> list[Any]:
    sa = _sqlalchemy()
    table = sa.Table(name, sa.MetaData(), autoload_with=connection, schema=schema)
    query = sa.select(table)
    if ORDER_COLUMN in table.c:
        query = query.order_by(table.c[ORDER_COLUMN])
    elif table.primary_key.columns:
        query = query.order_by(*table.primary_key.columns)
    rows = []
    for row in connection.execute(query.limit(limit)):
        values = dict(row._mapping)
        values.pop(ORDER_COLUMN, None)
        rows.append(values)
    return rows


def _missing_sqlite_file(engine: Engine) -> str | None:
    """The file an SQLite URL names when it does not exist (reading must not create it)."""
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return None if os.path.exists(database) else database


def _database_tables(
    url: str, schema: str | None, max_rows: int
) -> dict[str, list[dict[str, Any]]]:
    sa = _sqlalchemy()
    engine = _engine(url)
    missing = _missing_sqlite_file(engine)
    if missing is not None:
        engine.dispose()
        shown = _shown(url)
        raise DatasetError(
            f"cannot read the database {shown}",
            [
                Problem(
                    f"there is no SQLite database file {missing}",
                    Location(file=shown),
                    "check the path: sqlite:///relative/path.db or sqlite:////absolute/path.db",
                )
            ],
        )
    try:
        with engine.connect() as connection:
            names = sa.inspect(connection).get_table_names(schema=schema)
            return {
                name: _read_table(connection, name, schema, max_rows + 1)
                for name in sorted(names)
                if table_named(name) is not None
            }
    except DatasetError:
        raise
    except Exception as exc:  # OperationalError and kin: no server, no database, no right
        raise _failure(
            url,
            "read",
            exc,
            "check that the server runs, the database exists and the user may read it",
        ) from None
    finally:
        engine.dispose()


def load_database(
    url: str,
    *,
    schema: str | None = None,
    max_rows: int = DEFAULT_MAX_ROWS,
    check: Callable[[Ledger], list[Problem]] | None = None,
) -> Ledger:
    """The ledger held in the database at ``url`` (any SQLAlchemy URL).

    ``schema`` names the database schema holding the tables (default: the connection's).
    ``check``, when given, runs on the ledger read (the lifecycles, for instance) and its
    problems refuse the dataset like any other, each at the table row of the step it names.

    Raises:
        DatasetError: when the database cannot be reached or read, or its tables hold problems
            (each located by table, row, column and record); nothing is loaded.
        InvalidValueError: when SQLAlchemy is not installed.

    """
    tables = _database_tables(url, schema, max_rows)
    return ledger_from_tables(tables, source=_shown(url), max_rows=max_rows, check=check)


def database_problems(
    url: str,
    *,
    schema: str | None = None,
    max_rows: int = DEFAULT_MAX_ROWS,
    check: Callable[[Ledger], list[Problem]] | None = None,
) -> list[Problem]:
    """Every problem of the dataset in the database at ``url``; ``[]`` when it loads.

    ``check`` is run on a ledger that loads, as by :func:`load_database`.
    """
    try:
        tables = _database_tables(url, schema, max_rows)
    except DatasetError as error:
        return list(error.problems)
    return tables_problems(tables, source=_shown(url), max_rows=max_rows, check=check)


def read_result_tables(url: str, *, schema: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """The result tables :func:`write_database` wrote, as rows, each table in its row order.

    Raises:
        DatasetError: when the database cannot be read.

    """
    sa = _sqlalchemy()
    engine = _engine(url)
    try:
        with engine.connect() as connection:
            names = set(sa.inspect(connection).get_table_names(schema=schema))
            return {
                name: _read_table(connection, name, schema, 2**62)
                for name in RESULT_TABLES
                if name in names
            }
    except Exception as exc:
        raise _failure(
            url, "read", exc, "check the URL and that the results were written"
        ) from None
    finally:
        engine.dispose()


# ---------------------------------------------------------------------- writing

_RESULT_TYPES = {
    "period_start": "date",
    "period_end": "date",
    "as_of": "date",
    "requirements_met": "bool",
    "tied": "bool",
    "selected": "bool",
    "line": "int",
    "position": "int",
    "rank": "int",
    "tied_count": "int",
    "quota": "int",
    "place": "int",
}


def _sql_type(kind: CellKind) -> Any:
    sa = _sqlalchemy()
    if kind in (CellKind.POSITIVE, CellKind.COUNT):
        return sa.Integer()
    if kind is CellKind.DATE:
        return sa.Date()
    return sa.Text()


def _dataset_table(metadata: Any, table: Table, headers: Literal["en", "zh"]) -> Any:
    sa = _sqlalchemy()
    name = table.zh if headers == "zh" else table.name
    order = sa.Column(ORDER_COLUMN, sa.Integer(), primary_key=True, autoincrement=False)
    if table.key_value:
        key, value = next(iter(table_cells(table, [], headers)))
        return sa.Table(
            name, metadata, order, sa.Column(str(key), sa.Text()), sa.Column(str(value), sa.Text())
        )
    header = next(iter(table_cells(table, [], headers)))
    columns = [
        sa.Column(str(text), _sql_type(column.kind))
        for text, column in zip(header, table.columns, strict=True)
    ]
    return sa.Table(name, metadata, order, *columns)


def _result_table(metadata: Any, name: str) -> Any:
    sa = _sqlalchemy()
    columns = []
    for column in RESULT_COLUMNS[name]:
        kind = _RESULT_TYPES.get(column)
        if column.endswith(("_numerator", "_denominator")):
            sql: Any = sa.BigInteger()
        elif kind == "date":
            sql = sa.Date()
        elif kind == "bool":
            sql = sa.Boolean()
        elif kind == "int":
            sql = sa.Integer()
        else:
            sql = sa.Text()
        columns.append(sa.Column(column, sql))
    order = sa.Column(ORDER_COLUMN, sa.Integer(), primary_key=True, autoincrement=False)
    return sa.Table(name, metadata, order, *columns)


def _ours(name: str) -> bool:
    return table_named(name) is not None or name in RESULT_TABLES


def write_database(
    ledger: Ledger,
    url: str,
    *,
    assessment: Assessment | None = None,
    awards: Iterable[AwardResult] = (),
    headers: Literal["en", "zh"] = "en",
    method: RankMethod | str = RankMethod.COMPETITION,
    replace: bool = False,
    schema: str | None = None,
) -> None:
    """Write ``ledger`` (and the results) into the database at ``url``, in one transaction.

    The dataset tables get the names and columns of the CSV files (``headers="zh"``: Chinese
    names, columns and labels) plus an ``_row`` column giving their order, so that
    :func:`load_database` reads the same ledger back. Given an ``assessment``, the result
    tables (``score_cards``, ``score_lines``, ``rankings``, ``awards``) are written too, with
    every figure exact (text and numerator/denominator) beside its presented form.

    Raises:
        DatasetError: when the database already holds such tables (and ``replace`` is false),
            or cannot be written; then nothing was written.
        InvalidValueError: for an unknown header language, or without SQLAlchemy.

    """
    if headers not in ("en", "zh"):
        raise InvalidValueError(f"unknown header language {headers!r}", hint="use 'en' or 'zh'")
    sa = _sqlalchemy()
    engine = _engine(url)
    shown = _shown(url)
    results = (
        result_tables(assessment, ledger, awards=awards, method=method)
        if assessment is not None
        else None
    )
    try:
        with engine.begin() as connection:
            existing = [
                name
                for name in sa.inspect(connection).get_table_names(schema=schema)
                if _ours(name)
            ]
            if existing and not replace:
                raise DatasetError(
                    f"cannot write the dataset to {shown}",
                    [
                        Problem(
                            "the database already holds tables of a dataset or of results: "
                            + ", ".join(sorted(existing)),
                            Location(file=shown),
                            "write to an empty database, or replace those tables "
                            "(replace=True, cppcc export-db --replace)",
                        )
                    ],
                )
            metadata = sa.MetaData(schema=schema)
            for name in existing:
                sa.Table(name, metadata).drop(connection)
            metadata = sa.MetaData(schema=schema)
            rows = ledger_rows(ledger)
            for table in TABLES:
                sql_table = _dataset_table(metadata, table, headers)
                sql_table.create(connection)
                cells = table_cells(table, rows[table.name], headers)
                header = [str(text) for text in next(cells)]
                data = [
                    {ORDER_COLUMN: number, **dict(zip(header, values, strict=True))}
                    for number, values in enumerate(cells, start=1)
                ]
                if data:
                    connection.execute(sql_table.insert(), data)
            for name, result_rows in (results or {}).items():
                sql_table = _result_table(metadata, name)
                sql_table.create(connection)
                if result_rows:
                    connection.execute(
                        sql_table.insert(),
                        [
                            {ORDER_COLUMN: number, **row}
                            for number, row in enumerate(result_rows, start=1)
                        ],
                    )
    except DatasetError:
        raise
    except Exception as exc:
        raise _failure(
            url, "write", exc, "check that the server runs and the user may create tables"
        ) from None
    finally:
        engine.dispose()
