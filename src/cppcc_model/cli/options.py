"""Options shared by the sub-commands, and what they resolve to.

* ``DATA`` — a dataset: a directory of CSV/xlsx files, a workbook or a JSON file, or a database
  URL (``sqlite:///x.db``, ``postgresql://…``), with ``--max-rows`` (the most data rows a table
  may have);
* ``--rules`` — a jurisdiction (``anhui.anqing.tongcheng`` or ``tongcheng``), a rule set's name
  (``tongcheng-2019``) or the path of a ``.toml`` rule file; default: the dataset's own
  jurisdiction;
* ``--year`` / ``--period`` — the assessment period; default: the last calendar year that has
  records;
* ``--as-of`` — the day records are read as of (default: the period's last day);
* ``--format`` / ``--output`` — see :mod:`cppcc_model.cli.formatting`.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from cppcc_model.assess.engine import Assessment, assess
from cppcc_model.cli.app import cli_context, say, stderr_is_terminal
from cppcc_model.cli.formatting import FORMATS, Report, write_report
from cppcc_model.errors import CppccError, InvalidValueError
from cppcc_model.io._urls import is_database_url, sqlite_file
from cppcc_model.io.dataset import DEFAULT_MAX_ROWS, load_dataset
from cppcc_model.ledger import Ledger
from cppcc_model.model import BodyKind
from cppcc_model.outputs.results import name_key
from cppcc_model.rules.outcomes import ConsecutiveYears
from cppcc_model.rules.ruleset import RuleSet
from cppcc_model.when import When, last_year, resolve_when

__all__ = [
    "BODY_WORDS",
    "ONE_RUN_COLUMNAR_FROM",
    "PROGRESS_THRESHOLD",
    "When",
    "assess_members",
    "data_argument",
    "dataset_rules_when",
    "dataset_when",
    "emit",
    "inputs",
    "last_year",
    "load",
    "max_rows",
    "method_option",
    "name_key",
    "output_options",
    "remember_input",
    "resolve_rules",
    "resolve_when",
    "rules_option",
    "when_options",
]

F = TypeVar("F", bound=Callable[..., Any])

PROGRESS_THRESHOLD = 200
"""Assessments of more members than this show a progress bar (on a terminal only)."""

ONE_RUN_COLUMNAR_FROM = 20_000
"""The ledger size (records) from which a command scores with the columnar engine.

A command scores once and exits, so the columnar engine's cost includes importing polars
(about 0.25 s); below this size the reference interpreter, which gives equal figures, is
faster as a whole process. Measured with ``load_dataset`` + ``assess`` from a fresh interpreter
on the benchmark's generated ledgers: the reference is ahead up to about 400 members (19,600
records), level near 500 and behind from 600 (29,000 records). The library's own default
(:data:`cppcc_model.assess.engine.COLUMNAR_FROM`) is lower: a program that keeps the ledger
and scores it again has paid for the import once.
"""


BODY_WORDS: dict[str, BodyKind] = {
    "activity-group": BodyKind.ACTIVITY_GROUP,
    "unit": BodyKind.UNIT,
    "sector": BodyKind.SECTOR,
    "special-committee": BodyKind.SPECIAL_COMMITTEE,
    "group": BodyKind.ACTIVITY_GROUP,
    "party": BodyKind.UNIT,
    "committee": BodyKind.SPECIAL_COMMITTEE,
}
"""The bodies a ``--by`` option names, by :class:`~cppcc_model.model.BodyKind`, spelled as the
enumeration's values (``activity-group``, ``unit``, ``sector``, ``special-committee``), then the
short words the commands have always taken: ``group``, ``party`` (a unit) and ``committee``,
which in ``--by`` means the special committees, never the whole committee."""


def _dataset(ctx: click.Context, param: click.Parameter, value: str) -> Path | str:
    """A dataset path, or a database URL kept as it was written (``sqlite:///x.db``)."""
    return value if is_database_url(value) else Path(value)


_MAX_ROWS = "cppcc_model.max_rows"


def _remember_max_rows(ctx: click.Context, param: click.Parameter, value: int | None) -> None:
    if value is not None:
        ctx.find_root().meta[_MAX_ROWS] = value


def max_rows() -> int:
    """The running command's ``--max-rows``, else the loaders' default (1,000,000)."""
    context = click.get_current_context(silent=True)
    if context is None:
        return DEFAULT_MAX_ROWS
    limit: int = context.find_root().meta.get(_MAX_ROWS, DEFAULT_MAX_ROWS)
    return limit


def data_argument(function: F) -> F:
    """The ``DATA`` argument (a dataset directory, workbook or JSON file, or a database URL).

    With it comes ``--max-rows N``: the most data rows one table of the dataset may have
    (default 1,000,000; a province's roll calls have more, the nation's about 26 million). The
    command reads it through :func:`max_rows`, so its own signature does not change.
    """
    function = click.option(
        "--max-rows",
        type=click.IntRange(min=1),
        metavar="N",
        expose_value=False,
        callback=_remember_max_rows,
        help=f"The most data rows one table may have (default {DEFAULT_MAX_ROWS:,}); a longer "
        "table is refused. Raise it for a province's or the nation's roll calls.",
    )(function)
    return click.argument("data", metavar="DATA", type=click.Path(), callback=_dataset)(function)


def rules_option(function: F) -> F:
    """``--rules``: jurisdiction, rule-set name or .toml path."""
    return click.option(
        "--rules",
        "rules",
        metavar="JURISDICTION|RULESET|FILE.toml",
        help="The rules: a jurisdiction (or its last part), a rule set's name, or a .toml rule "
        "file. Default: the dataset's own jurisdiction.",
    )(function)


def when_options(function: F) -> F:
    """``--year``, ``--period`` and ``--as-of``."""
    function = click.option(
        "--as-of",
        "as_of",
        metavar="DATE",
        help="Read the records as they stood on this day (default: the period's last day).",
    )(function)
    function = click.option(
        "--period",
        "period",
        metavar="PERIOD",
        help="The period: 2023, 2023-H1, 2023-Q3 or START..END.",
    )(function)
    return click.option(
        "--year",
        "year",
        type=click.IntRange(1949, 2999),
        metavar="YYYY",
        help="The calendar year (default: the last year with records).",
    )(function)


def dataset_when(function: Callable[..., Any]) -> Callable[..., Any]:
    """``DATA`` and ``--year``/``--period``/``--as-of``, resolved before the command runs.

    The command receives ``ledger`` (the loaded dataset) and ``when`` (a :class:`When`) in
    their place, with its own options as they are.
    """

    @functools.wraps(function)
    def command(
        data: Path | str, year: int | None, period: str | None, as_of: str | None, **rest: Any
    ) -> Any:
        ledger = load(data)
        return function(ledger=ledger, when=resolve_when(ledger, year, period, as_of), **rest)

    return data_argument(when_options(command))


def dataset_rules_when(function: Callable[..., Any]) -> Callable[..., Any]:
    """``DATA``, ``--rules`` and ``--year``/``--period``/``--as-of``, resolved before it runs.

    The command receives ``ledger``, ``when`` and ``rule_set`` (the rules in force on the as-of
    day) in their place, with its own options as they are.
    """

    @functools.wraps(function)
    def command(
        data: Path | str,
        rules: str | None,
        year: int | None,
        period: str | None,
        as_of: str | None,
        **rest: Any,
    ) -> Any:
        ledger = load(data)
        when = resolve_when(ledger, year, period, as_of)
        rule_set = resolve_rules(rules, ledger, when.as_of)
        return function(ledger=ledger, when=when, rule_set=rule_set, **rest)

    return data_argument(rules_option(when_options(command)))


def method_option(function: F) -> F:
    """``--method``: how places follow a tie, competition (default) or dense."""
    return click.option(
        "--method",
        type=click.Choice(["competition", "dense"]),
        default="competition",
        show_default=True,
        help="Places after a tie: competition 1,2,2,4 or dense 1,2,2,3.",
    )(function)


def output_options(function: F) -> F:
    """``--format`` and ``--output``."""
    function = click.option(
        "--output",
        "-o",
        "output",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write to this file instead of the terminal (needed for xlsx and html); its "
        "extension chooses the format.",
    )(function)
    return click.option(
        "--format",
        "-f",
        "format",
        type=click.Choice(FORMATS),
        default=None,
        help="Output format (default: the --output file's extension, else table). A format "
        "that contradicts the extension is refused.",
    )(function)


_INPUTS = "cppcc_model.inputs"


def remember_input(path: str | os.PathLike[str]) -> None:
    """Note that the running command reads ``path``: ``--output`` may not overwrite it.

    For a database URL the file of an SQLite database is noted; other databases are no file.
    """
    if isinstance(path, str) and is_database_url(path):
        named = sqlite_file(path)
        if named is None:
            return
        path = named
    context = click.get_current_context(silent=True)
    if context is not None:
        context.find_root().meta.setdefault(_INPUTS, []).append(os.fspath(path))


def inputs() -> list[str]:
    """The files and directories the running command has read (see :func:`remember_input`)."""
    context = click.get_current_context(silent=True)
    if context is None:
        return []
    return list(context.find_root().meta.get(_INPUTS, []))


def load(data: Path | str) -> Ledger:
    """Load the dataset (every problem is reported at once, as one error).

    The proposal and 社情民意 histories are checked against their lifecycles as ``cppcc
    validate`` checks them, so a command refuses, with the same located problems, a dataset
    that ``validate`` calls invalid. On a terminal a bar for each stage of loading shows how
    far it has got.
    """
    from cppcc_model.cli.progress import terminal_progress

    remember_input(data)
    with terminal_progress() as progress:
        return load_dataset(data, progress=progress, lifecycles=True, max_rows=max_rows())


def resolve_rules(rules: str | None, ledger: Ledger, on: dt.date) -> RuleSet:
    """The rule set ``--rules`` names (or the dataset's jurisdiction's), in force on ``on``.

    Raises:
        CppccError: when nothing matches; the hint lists what is installed.

    """
    context = cli_context()
    if rules is not None and (rules.lower().endswith(".toml") or os.path.isfile(rules)):
        from cppcc_model.rules.toml import load_rule_set

        remember_input(rules)
        return load_rule_set(rules, functions=context.plugins().functions)
    plugins = context.plugins()
    target = rules if rules is not None else ledger.committee.jurisdiction
    try:
        return plugins.rule_sets.resolve(target, on)
    except CppccError as error:
        if rules is None:
            raise InvalidValueError(
                f"no rule set is installed for the dataset's jurisdiction {target!r}",
                hint="name the rules with --rules (see `cppcc plugins`), or give a .toml file",
            ) from None
        raise error


def _history(rule_set: RuleSet) -> Callable[[int], RuleSet | None] | None:
    """Earlier years under the installed rule set then in force, for outcomes over years."""
    if not any(isinstance(t, ConsecutiveYears) for t in rule_set.triggers):
        return None
    registry = cli_context().plugins().rule_sets
    try:
        registry.get(rule_set.name)
    except CppccError:
        return None  # a rule file not installed: its own years only
    return registry.history(rule_set.jurisdiction)


def assess_members(ledger: Ledger, rule_set: RuleSet, when: When) -> Assessment:
    """Score every member; with a progress bar on a terminal when there are many.

    Earlier years, for outcomes over years, are assessed under the installed rule set in
    force in each year. Ledgers under :data:`ONE_RUN_COLUMNAR_FROM` records are scored by the
    reference interpreter (equal figures, without importing polars). The bar follows the
    library's progress callback: member by member under the reference interpreter, start and
    end under the columnar engine.
    """
    from cppcc_model.cli.progress import terminal_progress

    history = _history(rule_set)
    engine = "auto" if ledger.record_count >= ONE_RUN_COLUMNAR_FROM else "reference"
    if len(ledger.members) <= PROGRESS_THRESHOLD or not stderr_is_terminal():
        return assess(
            ledger, rule_set, when.period, as_of=when.as_of, history=history, engine=engine
        )
    with terminal_progress(enabled=True) as progress:
        return assess(
            ledger,
            rule_set,
            when.period,
            as_of=when.as_of,
            history=history,
            engine=engine,
            progress=progress,
        )


def terminal_width() -> int | None:
    """The columns of the terminal stdout writes to; ``None`` when it is not a terminal.

    Output to a pipe or a file is never folded, so scripts always get whole rows.
    """
    import shutil

    if not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size().columns


def emit(report: Report, format: str | None, output: Path | None) -> None:
    """Print ``report`` or write it to ``output``."""
    from cppcc_model.cli.progress import status

    width = terminal_width() if output is None else None
    text = status(
        "写出 writing",
        lambda: write_report(report, format, output, inputs=inputs(), width=width),
    )
    if text is not None:
        click.echo(text, nl=False)
    elif output is not None:
        click.echo(say("wrote", path=output), err=True)
