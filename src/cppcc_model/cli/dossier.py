"""``cppcc dossier``: each member's annual duty record (履职档案), one printed page per member."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from cppcc_model.cli.options import (
    assess_members,
    data_argument,
    emit,
    load,
    output_options,
    resolve_rules,
    resolve_when,
    rules_option,
    when_options,
)
from cppcc_model.cli.progress import terminal_progress
from cppcc_model.outputs.dossier import duty_records
from cppcc_model.outputs.results import member_results

__all__ = ["dossier"]


@click.command("dossier")
@data_argument
@click.argument("members", metavar="[MEMBER]...", nargs=-1)
@rules_option
@when_options
@output_options
def dossier(
    data: Path,
    members: Sequence[str],
    rules: str | None,
    year: int | None,
    period: str | None,
    as_of: str | None,
    format: str | None,
    output: Path | None,
) -> None:
    r"""Write each member's annual duty record (履职档案): one printed page per member.

    \b
    What they did (meetings, proposals and how each fared, 社情民意 and where adopted,
    other work), their score card with the clause of every line, their place, and the
    minimum requirements met and missing. MEMBER is an id or a unique name (default: all).
    cppcc dossier DATA -o 履职档案.html           every member, a page each when printed
    cppcc dossier DATA 张景海 -o 张景海.html
    """
    ledger = load(data)
    when = resolve_when(ledger, year, period, as_of)
    rule_set = resolve_rules(rules, ledger, when.as_of)
    assessment = assess_members(ledger, rule_set, when)
    chosen = [ledger.find_member(m).id for m in members] or None
    if chosen is not None:
        for member_id in chosen:
            assessment.card(member_id)  # a clear error for a member who was not assessed
    ranked = member_results(ledger, rule_set, assessment).data["entries"]
    places = {
        e["member_id"]: f"{e['rank']}{'（并列）' if e['tied'] else ''} / {len(ranked)}"
        for e in ranked
    }
    if chosen is None:
        chosen = [e["member_id"] for e in ranked]
    with terminal_progress() as progress:
        made = duty_records(
            ledger, rule_set, assessment, members=chosen, places=places, progress=progress
        )
    emit(made, format, output)
