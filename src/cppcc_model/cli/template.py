"""``cppcc template``: a blank dataset workbook to start from."""

from __future__ import annotations

from pathlib import Path

import click

from cppcc_model.cli.app import say
from cppcc_model.outputs.tables import OutputError
from cppcc_model.outputs.template import write_template

__all__ = ["template"]


@click.command("template")
@click.option(
    "--output",
    "-o",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("履职台账模板.xlsx"),
    show_default=True,
    help="The workbook to write (.xlsx).",
)
def template(output: Path) -> None:
    """Write a blank dataset workbook: every sheet, Chinese headers, drop-down lists, a guide.

    Fill it in, then check it with `cppcc validate FILE.xlsx`.
    """
    if output.suffix.lower() != ".xlsx":
        raise OutputError(
            f"the template is an Excel workbook; {output.name} does not end in .xlsx",
            hint="give a file name ending in .xlsx",
        )
    write_template(output)
    click.echo(say("wrote", path=output), err=True)
