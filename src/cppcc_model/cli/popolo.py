"""``cppcc popolo``: the roster in the Popolo JSON standard."""

from __future__ import annotations

import json
from pathlib import Path

import click

from cppcc_model.cli.options import data_argument, load

__all__ = ["popolo"]


@click.command("popolo")
@data_argument
@click.option(
    "--output",
    "-o",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of the terminal.",
)
def popolo(data: Path | str, output: Path | None) -> None:
    """Export the roster of DATA as Popolo JSON: persons, organizations, memberships, posts."""
    from cppcc_model.io.popolo import popolo_export, write_popolo

    ledger = load(data)
    if output is not None:
        write_popolo(ledger, output)
        click.echo(f"cppcc: wrote {output}", err=True)
        return
    click.echo(json.dumps(popolo_export(ledger), ensure_ascii=False, indent=2, sort_keys=True))
