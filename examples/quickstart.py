"""Score and rank a small district committee for 2022: the library's main path from Python.

A self-contained example for developers who embed cppcc-model (the README's Quick start uses the
``cppcc`` command instead). Run it from the repository's root, with the library and the
Tongcheng rule plugin installed (``python3 -m pip install -e . -e plugins/cppcc-rules-tongcheng``)::

    python3 examples/quickstart.py

It loads a ledger from JSON (``examples/quickstart/ledger.json``), loads Tongcheng's published
rules from their TOML rule file (shipped with the ``cppcc-rules-tongcheng`` plugin), scores every
member for 2022, ranks them (standard competition ranking; equal scores listed in 姓氏笔画
order), prints the ranking as the ``cppcc`` command prints its tables (wide Chinese characters
counted as two columns), and explains the first member's score card line by line.
"""

from __future__ import annotations

from pathlib import Path

from cppcc_model.assess import assess, rank
from cppcc_model.cli.formatting import Report, Table, render
from cppcc_model.io.json import load
from cppcc_model.model import Period
from cppcc_model.names import StrokeOrder
from cppcc_model.rules.toml import load_rule_set

HERE = Path(__file__).resolve().parent
RULES = HERE.parent / "plugins/cppcc-rules-tongcheng/src/cppcc_rules_tongcheng/tongcheng-2019.toml"


def main() -> None:
    ledger = load(HERE / "quickstart" / "ledger.json")
    rules = load_rule_set(RULES)
    result = assess(ledger, rules, Period.year(2022))
    names = {member.id: member.name for member in ledger.members}
    order = StrokeOrder()
    ranking = rank(result.totals(), list_key=lambda member_id: order.key(names[member_id]))

    rows = []
    for entry in ranking.entries:
        card = result.card(entry.subject_id)
        tied = "并列" if entry.tied else None
        rows.append((entry.rank, tied, card.member_name, card.display_total, card.grade))
    table = Table(
        f"{ledger.committee.name} — {rules.title} — 2022",
        [
            ("rank", "名次"),
            ("tied", "并列"),
            ("name", "姓名"),
            ("total", "总分"),
            ("grade", "等次"),
        ],
        rows,
    )
    print(render(Report([table]), "table"), end="")
    first = ranking.entries[0].subject_id
    print()
    print(result.card(first).render_text())


if __name__ == "__main__":
    main()
