"""A database as a dataset: SQLite and a real PostgreSQL server give the results files give."""

from __future__ import annotations

import csv
import datetime as dt
import sqlite3
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from _postgres import ENV, NoServer, fresh_database, local_server
from cppcc_model.assess import assess
from cppcc_model.assess.award_selection import select_awards
from cppcc_model.cli import cli
from cppcc_model.errors import DatasetError
from cppcc_model.io import database
from cppcc_model.io.database import (
    database_problems,
    load_database,
    read_result_tables,
    write_database,
)
from cppcc_model.io.dataset import load_dataset, validate_dataset
from cppcc_model.io.results import result_tables
from cppcc_model.model import Period
from cppcc_model.plugins import load_plugins
from cppcc_model.testing.strategies import ledgers

pytest.importorskip("sqlalchemy", reason="the database tests need the db extra (SQLAlchemy)")

XIANGZHOU = Path(__file__).resolve().parents[1] / "examples" / "xiangzhou" / "dataset"
RULES = ("--rules", "xiangzhou", "--year", "2022")
COMMANDS = (
    ("score",),
    ("rank", "--by", "member", "--by", "group"),
    ("awards", "--all"),
)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A PostgreSQL server's URL: the one .ci/run started, or one started here."""
    import os

    given = os.environ.get(ENV)
    if given:
        yield given
        return
    try:
        with local_server() as url:
            yield url
    except NoServer as why:
        pytest.skip(f"no PostgreSQL server: {why}")


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database of each kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'dataset.db'}"
    return fresh_database(request.getfixturevalue("postgres_server"))


@cache
def files_ledger() -> Any:
    return load_dataset(XIANGZHOU)


@cache
def command_output(source: str, command: tuple[str, ...]) -> bytes:
    result = CliRunner().invoke(cli, [command[0], source, *command[1:], *RULES, "-f", "json"])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def sqlite_from_csv(path: Path) -> str:
    """The example's CSV files copied into SQLite by hand: text columns, Chinese names."""
    connection = sqlite3.connect(path)
    for file in sorted(XIANGZHOU.glob("*.csv")):
        with open(file, encoding="utf-8-sig", newline="") as stream:
            reader = csv.reader(stream)
            header = next(reader)
            columns = ", ".join(f'"{name}" text' for name in header)
            connection.execute(f'create table "{file.stem}" ({columns})')
            marks = ", ".join("?" for _ in header)
            connection.executemany(f'insert into "{file.stem}" values ({marks})', list(reader))
    connection.commit()
    connection.close()
    return f"sqlite:///{path}"


# ---------------------------------------------------------------------- the same results


@pytest.mark.installed_plugins
def test_a_hand_made_sqlite_copy_of_the_csv_files_gives_byte_identical_results(
    tmp_path: Path,
) -> None:
    url = sqlite_from_csv(tmp_path / "copy.db")
    assert load_database(url) == files_ledger()
    for command in COMMANDS:
        assert command_output(url, command) == command_output(str(XIANGZHOU), command), command


@pytest.mark.installed_plugins
def test_the_example_written_to_a_database_gives_byte_identical_results(
    empty_database: str,
) -> None:
    headers = "zh" if empty_database.startswith("sqlite") else "en"  # each language once
    write_database(files_ledger(), empty_database, headers=headers)
    assert load_database(empty_database) == files_ledger()
    assert validate_dataset(empty_database) == []
    for command in COMMANDS:
        expected = command_output(str(XIANGZHOU), command)
        assert command_output(empty_database, command) == expected, command


@pytest.fixture(scope="module")
def results() -> tuple[Any, Any, list[Any]]:
    ledger = files_ledger()
    plugins = load_plugins(allow=["xiangzhou"], entry_points=True)
    period = Period.year(2022)
    rules = plugins.rule_sets.resolve("xiangzhou", period.end)
    assessment = assess(ledger, rules, period)
    awards = select_awards(
        ledger, rules, period, assessment=assessment, rule_sets=plugins.rule_sets
    )
    return ledger, assessment, awards


def test_results_written_read_back_equal(
    empty_database: str, results: tuple[Any, Any, list[Any]]
) -> None:
    ledger, assessment, awards = results
    write_database(ledger, empty_database, assessment=assessment, awards=awards)
    expected = result_tables(assessment, ledger, awards=awards)
    found = read_result_tables(empty_database)
    assert found == expected
    assert len(found["score_cards"]) == len(assessment.cards) == 265
    assert {row["award_id"] for row in found["awards"]} == {a.award.id for a in awards}
    first = found["score_cards"][0]
    assert isinstance(first["period_start"], dt.date)
    assert first["total_numerator"] / first["total_denominator"] == float(
        assessment.card(first["member_id"]).total
    )


def test_writing_is_all_or_nothing(
    empty_database: str, results: tuple[Any, Any, list[Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger, assessment, awards = results
    made: list[str] = []
    original = database._result_table

    def failing(metadata: Any, name: str) -> Any:
        made.append(name)
        if len(made) == 3:
            raise RuntimeError("the disk is full")
        return original(metadata, name)

    monkeypatch.setattr(database, "_result_table", failing)
    with pytest.raises(DatasetError) as caught:
        write_database(ledger, empty_database, assessment=assessment, awards=awards)
    # the driver's own words are carried into the error (on purpose: they say what failed)
    assert "the disk is full" in str(caught.value)
    import sqlalchemy as sa

    engine = sa.create_engine(empty_database)
    try:
        assert sa.inspect(engine).get_table_names() == []  # not even the dataset tables
    finally:
        engine.dispose()


def test_tables_already_there_are_refused_unless_replaced(empty_database: str) -> None:
    ledger = files_ledger()
    write_database(ledger, empty_database)
    with pytest.raises(DatasetError) as caught:
        write_database(ledger, empty_database, headers="zh")
    [problem] = caught.value.problems
    assert problem.code == "O017"  # the tables are already there
    assert "members" in (problem.value or "")
    assert "replace" in (problem.hint or "")
    write_database(ledger, empty_database, headers="zh", replace=True)
    import sqlalchemy as sa

    engine = sa.create_engine(empty_database)
    try:
        names = set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert "委员" in names
    assert "members" not in names  # the English tables were replaced, not kept beside
    assert load_database(empty_database) == ledger


def test_problems_in_a_database_are_located_by_table_row_and_column(empty_database: str) -> None:
    write_database(files_ledger(), empty_database)
    import sqlalchemy as sa

    engine = sa.create_engine(empty_database)
    try:
        with engine.begin() as connection:
            connection.execute(sa.text("update members set gender = 'x' where _row = 4"))
            connection.execute(sa.text("update members set sector_id = 'nope' where _row = 7"))
    finally:
        engine.dispose()
    problems = database_problems(empty_database)
    located = {(p.where.table, p.where.row, p.where.column) for p in problems}
    assert located == {("members", 4, "gender"), ("members", 7, "sector_id")}
    assert all(p.where.file == empty_database for p in problems)
    with pytest.raises(DatasetError):
        load_database(empty_database)


def test_a_missing_sqlite_file_is_reported_and_not_created(tmp_path: Path) -> None:
    target = tmp_path / "nowhere.db"
    with pytest.raises(DatasetError) as caught:
        load_database(f"sqlite:///{target}")
    assert caught.value.problems[0].code == "L405"  # no SQLite database file
    assert not target.exists()


def test_an_unknown_dialect_or_unreachable_server_is_a_dataset_error() -> None:
    with pytest.raises(DatasetError) as caught:
        load_database("nosuchdialect://host/db")
    assert "dialect+driver://" in (caught.value.problems[0].hint or "")
    with pytest.raises(DatasetError) as caught:
        load_database("postgresql+psycopg://someone:secret@127.0.0.1:1/db")
    text = str(caught.value)
    assert "secret" not in text  # the password never reaches a message
    assert "check that the server runs" in text


@pytest.mark.installed_plugins
def test_cppcc_export_db_writes_the_dataset_and_results_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'out.db'}"
    runner = CliRunner()
    first = runner.invoke(cli, ["export-db", str(XIANGZHOU), url, *RULES])
    assert first.exit_code == 0, first.output
    assert "265 score cards" in first.stderr
    tables = read_result_tables(url)
    assert len(tables["rankings"]) == 265
    assert tables["rankings"][0]["rank"] == 1
    again = runner.invoke(cli, ["export-db", str(XIANGZHOU), url, *RULES])
    assert again.exit_code == 2
    assert "already holds" in again.output
    replaced = runner.invoke(
        cli, ["export-db", str(XIANGZHOU), url, "--replace", "--no-results", "--headers", "zh"]
    )
    assert replaced.exit_code == 0, replaced.output
    assert read_result_tables(url) == {}  # stale results do not outlive their dataset
    assert load_database(url) == files_ledger()
    wrong = runner.invoke(cli, ["export-db", str(XIANGZHOU), str(tmp_path / "out.db")])
    assert wrong.exit_code == 2
    assert "not a database URL" in wrong.output


@settings(max_examples=10, deadline=None)
@given(ledgers(), st.sampled_from(["en", "zh"]))
def test_any_ledger_written_to_sqlite_loads_back_equal(ledger: Any, headers: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        url = f"sqlite:///{Path(directory) / 'any.db'}"
        write_database(ledger, url, headers=headers)  # type: ignore[arg-type]
        assert load_database(url) == ledger
