"""Results as flat tables: score cards, score lines, rankings and awards, one row per fact.

:func:`result_tables` turns an assessment (and, optionally, award results) into rows a
database table, a data frame or a spreadsheet holds as they are. Every figure appears three
ways, so no reader ever rounds twice and nothing is lost:

* ``total`` — the exact value as text (``"129/2"``);
* ``total_numerator`` / ``total_denominator`` — the same value as two whole numbers;
* ``display_total`` — the figure as presented, rounded once by the rule set's own policy.

The tables are:

``score_cards``
    one row per assessed member: total, grade, whether the binding requirements were met;
``score_lines``
    one row per line of a card (an item of a category), with the category's label and clause;
``rankings``
    the member ranking :func:`~cppcc_model.assess.member_ranking.rank_members` gives;
``awards``
    one row per award candidate: the winners with their place, the others with the reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import Any

from cppcc_model.assess.award_results import AwardResult
from cppcc_model.assess.engine import Assessment
from cppcc_model.assess.member_ranking import MemberRanking, rank_members
from cppcc_model.assess.ranking import RankMethod
from cppcc_model.ledger import Ledger
from cppcc_model.numbers import format_fraction
from cppcc_model.rules.ruleset import RuleSet

__all__ = ["RESULT_COLUMNS", "RESULT_TABLES", "exact_columns", "result_tables"]

RESULT_TABLES = ("score_cards", "score_lines", "rankings", "awards")
"""The names of the result tables, in the order they are written."""


def _exact(name: str) -> tuple[str, ...]:
    return (name, f"{name}_numerator", f"{name}_denominator")


RESULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "score_cards": (
        "rule_set",
        "period_start",
        "period_end",
        "as_of",
        "member_id",
        "member_name",
        *_exact("total"),
        "display_total",
        "grade",
        "requirements_met",
    ),
    "score_lines": (
        "rule_set",
        "member_id",
        "line",
        "category_id",
        "category",
        "category_clause",
        "item_id",
        "item",
        "clause",
        *_exact("points"),
        "display_points",
    ),
    "rankings": (
        "rule_set",
        "by",
        "method",
        "position",
        "rank",
        "tied",
        "tied_count",
        "member_id",
        "name",
        *_exact("total"),
        "display_total",
        "grade",
        "sector_id",
        "sector",
        "unit_id",
        "unit",
        "activity_group_id",
        "activity_group",
    ),
    "awards": (
        "rule_set",
        "award_id",
        "award",
        "quota",
        "selected",
        "place",
        "candidate_id",
        "name",
        *_exact("score"),
        "display_score",
        "reason",
    ),
}
"""The columns of each result table, in order."""


def exact_columns(table: str) -> tuple[str, ...]:
    """The exact-value columns of ``table``: those with a ``_numerator`` sibling."""
    columns = RESULT_COLUMNS[table]
    return tuple(c for c in columns if f"{c}_numerator" in columns)


def _split(name: str, value: Fraction) -> dict[str, Any]:
    return {
        name: format_fraction(value),
        f"{name}_numerator": value.numerator,
        f"{name}_denominator": value.denominator,
    }


def _cards(assessment: Assessment) -> list[dict[str, Any]]:
    rule_set = assessment.rule_set.name
    return [
        {
            "rule_set": rule_set,
            "period_start": card.period.start,
            "period_end": card.period.end,
            "as_of": card.as_of,
            "member_id": card.member_id,
            "member_name": card.member_name,
            **_split("total", card.total),
            "display_total": card.display_total,
            "grade": card.grade,
            "requirements_met": card.requirements_met,
        }
        for card in sorted(assessment.cards, key=lambda c: c.member_id)
    ]


def _lines(assessment: Assessment) -> list[dict[str, Any]]:
    rows = []
    rule_set = assessment.rule_set.name
    for card in sorted(assessment.cards, key=lambda c: c.member_id):
        present = card.rounding.present
        number = 0
        for category in card.categories:
            for line in category.lines:
                number += 1
                rows.append(
                    {
                        "rule_set": rule_set,
                        "member_id": card.member_id,
                        "line": number,
                        "category_id": category.category_id,
                        "category": category.label,
                        "category_clause": category.clause,
                        "item_id": line.item_id,
                        "item": line.label,
                        "clause": line.clause,
                        **_split("points", line.points),
                        "display_points": str(present(line.points)),
                    }
                )
    return rows


def _rankings(ranking: MemberRanking) -> list[dict[str, Any]]:
    return [
        {
            "rule_set": ranking.rule_set,
            "by": "member",
            "method": ranking.method.value,
            "position": entry.position,
            "rank": entry.rank,
            "tied": entry.tied,
            "tied_count": entry.tied_count,
            "member_id": entry.member_id,
            "name": entry.name,
            **_split("total", entry.total),
            "display_total": entry.display_total,
            "grade": entry.grade,
            "sector_id": entry.sector_id,
            "sector": entry.sector,
            "unit_id": entry.unit_id,
            "unit": entry.unit,
            "activity_group_id": entry.activity_group_id,
            "activity_group": entry.activity_group,
        }
        for entry in ranking.entries
    ]


def _awards(rule_set: RuleSet, results: Iterable[AwardResult]) -> list[dict[str, Any]]:
    rows = []
    present = rule_set.rounding.present
    for result in results:
        award = result.award
        common = {
            "rule_set": rule_set.name,
            "award_id": award.id,
            "award": award.label,
            "quota": result.quota,
        }
        for winner in result.winners:
            rows.append(
                {
                    **common,
                    "selected": True,
                    "place": winner.place,
                    "candidate_id": winner.id,
                    "name": winner.name,
                    **_split("score", winner.score),
                    "display_score": str(present(winner.score)),
                    "reason": None,
                }
            )
        for other in result.not_selected:
            rows.append(
                {
                    **common,
                    "selected": False,
                    "place": None,
                    "candidate_id": other.id,
                    "name": other.name,
                    **_split("score", other.score),
                    "display_score": str(present(other.score)),
                    "reason": other.reason,
                }
            )
    return rows


def result_tables(
    assessment: Assessment,
    ledger: Ledger,
    *,
    awards: Iterable[AwardResult] = (),
    method: RankMethod | str = RankMethod.COMPETITION,
) -> dict[str, list[dict[str, Any]]]:
    """The rows of every result table (see the module docstring), by table name.

    Rows are in a stable order: cards and lines by member id (lines in card order), the
    ranking in rank order, awards in rule-set order with winners first.
    """
    return {
        "score_cards": _cards(assessment),
        "score_lines": _lines(assessment),
        "rankings": _rankings(rank_members(assessment, ledger, method=method)),
        "awards": _awards(assessment.rule_set, awards),
    }
