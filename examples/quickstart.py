"""Score and rank a small district committee for 2022 — the README's first command.

It loads a ledger from JSON (``examples/quickstart/ledger.json``), loads Tongcheng's published
rules from their TOML rule file (shipped with the ``cppcc-rules-tongcheng`` plugin), scores every
member for 2022, ranks them (standard competition ranking; equal scores listed in 姓氏笔画
order), and explains the first member's score card line by line.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from cppcc_model.assess import assess, rank
from cppcc_model.io.json import load
from cppcc_model.model import Period
from cppcc_model.names import StrokeOrder
from cppcc_model.rules.toml import load_rule_set

HERE = Path(__file__).resolve().parent
RULES = HERE.parent / "plugins/cppcc-rules-tongcheng/src/cppcc_rules_tongcheng/tongcheng-2019.toml"


def pad(text: str, width: int) -> str:
    """Pad ``text`` to ``width`` terminal columns (Chinese characters take two)."""
    columns = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
    return text + " " * max(0, width - columns)


def main() -> None:
    ledger = load(HERE / "quickstart" / "ledger.json")
    rules = load_rule_set(RULES)
    result = assess(ledger, rules, Period.year(2022))
    names = {member.id: member.name for member in ledger.members}
    order = StrokeOrder()
    ranking = rank(result.totals(), list_key=lambda member_id: order.key(names[member_id]))

    print(f"{ledger.committee.name} — {rules.title} — 2022")
    print(f"{pad('名次', 6)}{pad('姓名', 10)}{pad('总分', 8)}等次")
    for entry in ranking.entries:
        card = result.card(entry.subject_id)
        place = f"{entry.rank}{'=' if entry.tied else ''}"
        print(f"{pad(place, 6)}{pad(card.member_name, 10)}{pad(card.display_total, 8)}{card.grade}")
    first = ranking.entries[0].subject_id
    print()
    print(result.card(first).render_text())


if __name__ == "__main__":
    main()
