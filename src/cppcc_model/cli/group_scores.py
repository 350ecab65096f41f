"""``cppcc group-scores``: the group assessment, category by category, with places.

``cppcc rank --by group`` ranks the groups by their total. An annual speech also says who came
first in one part of the assessment ("提案和社情民意信息考核排名第一", "信息考核跃居首位");
this command shows, for each group rule set (活动组考核, 参加单位考核 …), every body's points and
place in each category and overall, and each line's measure (立案率 26/29 …).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import click

from cppcc_model.assess.groups import GroupsAssessment, assess_groups
from cppcc_model.assess.ranking import RankMethod, rank
from cppcc_model.cli.formatting import Cell, Report, Table
from cppcc_model.cli.options import (
    assess_members,
    dataset_rules_when,
    emit,
    method_option,
    output_options,
)
from cppcc_model.errors import CppccError
from cppcc_model.ledger import Ledger
from cppcc_model.numbers import format_fraction
from cppcc_model.rules.ruleset import RuleSet
from cppcc_model.when import When

__all__ = ["group_scores"]


def _places(values: dict[str, Fraction], method: RankMethod) -> dict[str, tuple[int, bool]]:
    return {e.subject_id: (e.rank, e.tied) for e in rank(values, method=method)}


def _result_data(
    result: GroupsAssessment, method: RankMethod, present: Callable[[Fraction], Decimal]
) -> tuple[dict[str, Any], Table]:
    rules = result.rules
    categories = [(c.id, c.label) for c in rules.categories]
    overall = _places(result.totals(), method)
    by_category = {cid: _places(result.category_totals(cid), method) for cid, _ in categories}
    cards = sorted(result.cards, key=lambda c: (overall[c.subject.id][0], c.subject.id))
    rows: list[list[Cell]] = []
    out = []
    for card in cards:
        sid = card.subject.id
        place, tied = overall[sid]
        row: list[Cell] = [place, "并列" if tied else None, sid, card.subject.name]
        category_out = {}
        for cid, _ in categories:
            points = card.category_points(cid)
            cplace, ctied = by_category[cid][sid]
            row += [present(points), cplace]
            category_out[cid] = {"points": format_fraction(points), "rank": cplace, "tied": ctied}
        row.append(present(card.total))
        rows.append(row)
        out.append(
            {
                "id": sid,
                "name": card.subject.name,
                "members": len(card.subject.member_ids),
                "rank": place,
                "tied": tied,
                "total": format_fraction(card.total),
                "categories": category_out,
                "lines": {
                    line.item_id: format_fraction(line.measure)
                    for _, _, lines, _ in card.categories
                    for line in lines
                },
            }
        )
    header: list[tuple[str, str]] = [
        ("rank", "名次"),
        ("tied", "并列"),
        ("id", "编号"),
        ("name", "名称"),
    ]
    for cid, label in categories:
        header += [(f"category:{cid}", label), (f"rank:{cid}", f"{label}名次")]
    header.append(("total", "总分"))
    table = Table(f"{rules.label} ({rules.subject.label}) — {method.label}", header, rows)
    data = {
        "id": rules.id,
        "label": rules.label,
        "kind": rules.subject.value,
        "categories": [{"id": cid, "label": label} for cid, label in categories],
        "cards": out,
    }
    return data, table


@click.command("group-scores")
@dataset_rules_when
@click.option(
    "--only",
    "only",
    metavar="GROUP_RULES",
    multiple=True,
    help="Only these group rule sets, by id (groups.town_street …). Repeatable.",
)
@method_option
@output_options
def group_scores(
    ledger: Ledger,
    when: When,
    rule_set: RuleSet,
    only: Sequence[str],
    method: str,
    format: str,
    output: Path | None,
) -> None:
    """Score the groups and units under each group rule set: every category, with places."""
    known = [g.id for g in rule_set.group_rules]
    unknown = [name for name in only if name not in known]
    if unknown:
        raise CppccError(
            f"the rule set {rule_set.name} has no group rules {', '.join(unknown)}",
            hint=f"use one of: {', '.join(known) or '(none)'}",
        )
    chosen = [g for g in rule_set.group_rules if not only or g.id in only]
    members = assess_members(ledger, rule_set, when)
    places = RankMethod.parse(method)
    tables: list[Table] = []
    out = []
    for group_rules in chosen:
        result = assess_groups(ledger, group_rules, when.period, members=members, as_of=when.as_of)
        data_out, table = _result_data(result, places, rule_set.rounding.present)
        out.append(data_out)
        tables.append(table)
    if not chosen:
        tables.append(
            Table(
                f"活动组考核 — {rule_set.title} ({rule_set.name})",
                [("rules", "考核")],
                [],
                ["该规则集没有活动组或参加单位考核 the rule set assesses no groups"],
            )
        )
    payload = {
        "rule_set": rule_set.name,
        "period": str(when.period),
        "as_of": when.as_of.isoformat(),
        "method": places.value,
        "group_rules": out,
    }
    emit(Report(tables, payload), format, output)
