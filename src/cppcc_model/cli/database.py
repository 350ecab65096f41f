"""``cppcc export-db``: a dataset and its results, written into a database in one transaction."""

from __future__ import annotations

from pathlib import Path

import click

from cppcc_model.cli.app import cli_context
from cppcc_model.cli.options import (
    assess_members,
    data_argument,
    inputs,
    load,
    method_option,
    resolve_rules,
    resolve_when,
    rules_option,
    when_options,
)
from cppcc_model.errors import Location, OutputError
from cppcc_model.io._urls import is_database_url, sqlite_file

__all__ = ["export_db"]


@click.command("export-db")
@data_argument
@click.argument("url", metavar="URL")
@rules_option
@when_options
@method_option
@click.option(
    "--headers",
    type=click.Choice(["en", "zh"]),
    default="en",
    show_default=True,
    help="Table and column names (and labels) in English or Chinese.",
)
@click.option(
    "--replace", is_flag=True, help="Replace the dataset and result tables already there."
)
@click.option("--no-results", is_flag=True, help="Write the dataset only, without scoring it.")
def export_db(
    data: Path | str,
    url: str,
    rules: str | None,
    year: int | None,
    period: str | None,
    as_of: str | None,
    method: str,
    headers: str,
    replace: bool,
    no_results: bool,
) -> None:
    """Write DATA and its results (score cards, lines, rankings, awards) into a database.

    URL is any SQLAlchemy URL: sqlite:///path.db, postgresql+psycopg://user@host/db … Everything
    is written in one transaction: the database holds all of it afterwards, or nothing.
    """
    if not is_database_url(url):
        raise click.BadParameter(
            f"{url!r} is not a database URL; write sqlite:///path.db or "
            "postgresql+psycopg://user@host/database",
            param_hint="URL",
        )
    from cppcc_model.io.database import write_database

    ledger = load(data)
    _check_target(data, url)
    if no_results:
        write_database(ledger, url, headers="zh" if headers == "zh" else "en", replace=replace)
        click.echo(f"cppcc: wrote the dataset of {ledger.committee.name} to the database", err=True)
        return
    from cppcc_model.assess.award_selection import select_awards

    when = resolve_when(ledger, year, period, as_of)
    rule_set = resolve_rules(rules, ledger, when.as_of)
    _check_target(data, url)  # the rule file too
    assessment = assess_members(ledger, rule_set, when)
    awards = select_awards(
        ledger,
        rule_set,
        when.period,
        as_of=when.as_of,
        assessment=assessment,
        rule_sets=cli_context().plugins().rule_sets,
    )
    write_database(
        ledger,
        url,
        assessment=assessment,
        awards=awards,
        headers="zh" if headers == "zh" else "en",
        method=method,
        replace=replace,
    )
    click.echo(
        f"cppcc: wrote the dataset of {ledger.committee.name} and its results under "
        f"{rule_set.name} ({when.period}: {len(assessment.cards)} score cards, "
        f"{len(awards)} awards) to the database",
        err=True,
    )


def _check_target(data: Path | str, url: str) -> None:
    """Refuse to write into the dataset being read: its database, its file or its directory.

    An SQLite URL names a file, which is checked like any ``--output`` against the inputs the
    command read (the dataset, an SQLite dataset's file, the rule file), through links too.
    Another database is refused when its URL is the dataset's own.

    Raises:
        OutputError: naming the database file (or URL) and the input it would overwrite.

    """
    from cppcc_model.io.atomic import check_output_path

    target = sqlite_file(url)
    if target is None:
        if isinstance(data, str) and data.strip() == url.strip():
            raise OutputError(
                f"the database {url} is the dataset {data} itself; writing into it would "
                "replace the data the results were made from",
                where=Location(file=url),
                hint="write into another database, or export the dataset to a file first",
            )
        return
    try:
        check_output_path(target, inputs())
    except OutputError as error:
        raise OutputError(
            error.message.replace("the output", "the database file", 1),
            where=error.where,
            hint="give URL a database file outside the dataset and apart from the rule file",
        ) from None
