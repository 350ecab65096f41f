"""The ``cppcc`` command: score, rank, explain, check, award and count, from Excel, CSV or JSON.

::

    cppcc rank examples/xiangzhou/dataset --rules tongcheng --by member --by group
    cppcc explain data/ 张三 --year 2023
    cppcc proposals stats data/ --by group --format xlsx --output 提案统计.xlsx

Every sub-command is documented in docs/reference/cli.md, with its options, output formats and
exit codes (:class:`~cppcc_model.cli.app.ExitCode`). :func:`main` is the console-script entry
point; :data:`cli` the click group (for :class:`click.testing.CliRunner`).
"""

from __future__ import annotations

from typing import Any

import click

from cppcc_model.cli.app import CliContext, CppccGroup, ExitCode, LazyCommand, PluginLoader

__all__ = ["COMMANDS", "YOUNG_COLLECTION_EVERY", "CliContext", "ExitCode", "cli", "main"]

COMMANDS: dict[str, LazyCommand] = {
    "score": LazyCommand(
        "cppcc_model.cli.assessment:score",
        "Score every member of DATA: totals, category points, grades (姓氏笔画 order).",
    ),
    "rank": LazyCommand(
        "cppcc_model.cli.assessment:rank_command",
        "Rank the members of DATA (or groups, parties, sectors, committees): the results table.",
    ),
    "explain": LazyCommand(
        "cppcc_model.cli.assessment:explain",
        "Show MEMBER's score card (id or unique name), line by line, with clauses, caps, floors.",
    ),
    "check": LazyCommand(
        "cppcc_model.cli.assessment:check",
        "Check the minimum requirements (基本要求, 六个一 …) item by item.",
    ),
    "awards": LazyCommand(
        "cppcc_model.cli.awards:awards",
        "Select the winners of every award of the rule set, and the 公示 list in name order.",
    ),
    "proposals": LazyCommand(
        "cppcc_model.cli.statistics:proposals",
        "Proposal (提案) figures.",
        subcommands=(
            "cppcc_model.cli.listings:proposal_list",
            "cppcc_model.cli.paragraphs:proposal_report_command",
            "cppcc_model.cli.paragraphs:proposal_merges",
        ),
    ),
    "info": LazyCommand(
        "cppcc_model.cli.statistics:info",
        "社情民意 information figures.",
        subcommands=(
            "cppcc_model.cli.listings:info_issues",
            "cppcc_model.cli.paragraphs:info_report_command",
        ),
    ),
    "workplan": LazyCommand(
        "cppcc_model.cli.statistics:workplan",
        "The work plan's main items (工作要点): categories, lead bodies (牵头单位), progress.",
    ),
    "group-scores": LazyCommand(
        "cppcc_model.cli.group_scores:group_scores",
        "Score the groups and units under each group rule set: every category, with places.",
    ),
    "activities": LazyCommand(
        "cppcc_model.cli.activities:activities",
        "Meetings and activities (会议、活动) and their attendance.",
    ),
    "contributions": LazyCommand(
        "cppcc_model.cli.contributions:contributions",
        "Other contributions (履职成果): reports, history, speeches, deeds, opinions, honours.",
    ),
    "members": LazyCommand(
        "cppcc_model.cli.roster:members",
        "The roster (委员名单): members by group, special committee, unit and sector.",
    ),
    "validate": LazyCommand(
        "cppcc_model.cli.data:validate",
        "Check DATA and list every problem with its file, sheet, row and column.",
    ),
    "report": LazyCommand(
        "cppcc_model.cli.report:report",
        "Write the meeting report of DATA: rankings, score details, requirements, awards, charts.",
    ),
    "dossier": LazyCommand(
        "cppcc_model.cli.dossier:dossier",
        "Write each member's annual duty record (履职档案): one printed page per member.",
    ),
    "template": LazyCommand(
        "cppcc_model.cli.template:template",
        "Write a blank dataset workbook: every sheet, Chinese headers, drop-down lists, a guide.",
    ),
    "export-db": LazyCommand(
        "cppcc_model.cli.database:export_db",
        "Write DATA and its results (score cards, lines, rankings, awards) into a database.",
    ),
    "popolo": LazyCommand(
        "cppcc_model.cli.popolo:popolo",
        "Export the roster of DATA as Popolo JSON: persons, organizations, memberships, posts.",
    ),
    "serve": LazyCommand(
        "cppcc_model.cli.serve:serve",
        "Serve validate, score, rank, explain, awards and statistics as JSON over HTTP.",
    ),
    "plugins": LazyCommand(
        "cppcc_model.cli.plugins:plugins",
        "List the installed rule plugins and the rule sets each registered.",
    ),
    "plugin": LazyCommand("cppcc_model.cli.plugins:plugin", "Work on rule plugins."),
    "rules": LazyCommand(
        "cppcc_model.cli.rules:rules",
        "For rule authors: the building blocks, a rule set's outline, what changed between two.",
    ),
}
"""Every sub-command of ``cppcc``, imported only when it runs (a new command is added here)."""


@click.group(
    cls=CppccGroup,
    lazy_commands=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option("--debug", is_flag=True, help="Show the traceback of an error.")
@click.option(
    "--plugin-strict",
    "plugin_strict",
    is_flag=True,
    envvar="CPPCC_STRICT_PLUGINS",
    help="A plugin that fails to load is an error (exit 4), not a warning.",
)
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default=None,
    help="Language of messages: zh 中文 (default) or en. Also CPPCC_LANG or an English locale.",
)
@click.version_option(package_name="cppcc-model", prog_name="cppcc")
@click.pass_context
def cli(ctx: click.Context, debug: bool, plugin_strict: bool, lang: str | None) -> None:
    """Score and rank CPPCC members under their district's rules (政协委员履职考核).

    DATA is a dataset: a directory of CSV or xlsx files, one .xlsx workbook, a .json file, or
    a database URL (sqlite:///x.db, postgresql://…).
    Exit codes: 0 ok, 1 internal error, 2 bad input or usage, 3 check failed, 4 plugin error.
    """
    given: Any = ctx.obj
    if isinstance(given, CliContext):
        loader: PluginLoader = given.loader
    elif callable(given):
        loader = given
    else:
        loader = CliContext().loader
    from cppcc_model.cli.app import _choose_lang

    ctx.obj = CliContext(debug=debug, strict=plugin_strict, loader=loader, lang=_choose_lang(lang))


YOUNG_COLLECTION_EVERY = 50_000
"""While a command runs, the collector looks for cycles after this many new objects (not 700).

A command builds many small objects that are freed by reference counting, few cycles: with
Python's default the cycle collector ran some 180 times in the README's ranking, about a
twentieth of its time; after every 10,000 it still took some 25 ms of CPU there (three of its
collections reach the older objects), after every 50,000 about 5 ms. The thresholds are put
back when the command returns.
"""


def main(argv: list[str] | None = None) -> int:
    """Run ``cppcc`` with ``argv`` (default: the process arguments); return the exit code."""
    import gc

    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], YOUNG_COLLECTION_EVERY), *thresholds[1:])
    try:
        return _run(argv)
    finally:
        gc.set_threshold(*thresholds)


def _run(argv: list[str] | None) -> int:
    try:
        result = cli.main(args=argv, prog_name="cppcc", standalone_mode=False)
    except click.exceptions.Exit as done:  # pragma: no cover - click returns it instead
        return int(done.exit_code)
    except click.exceptions.Abort:
        click.echo("cppcc: aborted / 已中止", err=True)
        return int(ExitCode.INTERNAL_ERROR)
    except click.ClickException as error:
        error.show()
        return int(ExitCode.BAD_INPUT)
    return result if isinstance(result, int) else int(ExitCode.OK)
