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

from cppcc_model.cli.activities import activities
from cppcc_model.cli.app import CliContext, CppccGroup, ExitCode, PluginLoader
from cppcc_model.cli.assessment import check, explain, rank_command, score
from cppcc_model.cli.awards import awards
from cppcc_model.cli.contributions import contributions
from cppcc_model.cli.data import validate
from cppcc_model.cli.group_scores import group_scores
from cppcc_model.cli.listings import info_issues, proposal_list
from cppcc_model.cli.plugins import plugin, plugins
from cppcc_model.cli.roster import members
from cppcc_model.cli.statistics import info, proposals, workplan

__all__ = ["CliContext", "ExitCode", "cli", "main"]


@click.group(cls=CppccGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show the traceback of an error.")
@click.option(
    "--plugin-strict",
    "plugin_strict",
    is_flag=True,
    envvar="CPPCC_STRICT_PLUGINS",
    help="A plugin that fails to load is an error (exit 4), not a warning.",
)
@click.version_option(package_name="cppcc-model", prog_name="cppcc")
@click.pass_context
def cli(ctx: click.Context, debug: bool, plugin_strict: bool) -> None:
    """Score and rank CPPCC members under their district's rules (政协委员履职考核).

    DATA is a dataset: a directory of CSV or xlsx files, one .xlsx workbook, or a .json file.
    Exit codes: 0 ok, 1 internal error, 2 bad input or usage, 3 check failed, 4 plugin error.
    """
    given: Any = ctx.obj
    if isinstance(given, CliContext):
        loader: PluginLoader = given.loader
    elif callable(given):
        loader = given
    else:
        loader = CliContext().loader
    ctx.obj = CliContext(debug=debug, strict=plugin_strict, loader=loader)


for command in (
    score,
    rank_command,
    explain,
    awards,
    check,
    proposals,
    info,
    workplan,
    group_scores,
    activities,
    contributions,
    members,
    validate,
    plugins,
    plugin,
):
    cli.add_command(command)
proposals.add_command(proposal_list)
info.add_command(info_issues)


def main(argv: list[str] | None = None) -> int:
    """Run ``cppcc`` with ``argv`` (default: the process arguments); return the exit code."""
    try:
        result = cli.main(args=argv, prog_name="cppcc", standalone_mode=False)
    except click.exceptions.Exit as done:  # pragma: no cover - click returns it instead
        return int(done.exit_code)
    except click.exceptions.Abort:
        click.echo("cppcc: aborted", err=True)
        return int(ExitCode.INTERNAL_ERROR)
    except click.ClickException as error:
        error.show()
        return int(ExitCode.BAD_INPUT)
    return result if isinstance(result, int) else int(ExitCode.OK)
