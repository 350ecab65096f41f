"""Groups, awards and requirement checks on a generated ledger: what reads an assessment.

``python -m benchmarks.downstream MEMBERS [SEED] [--no-record-awards]`` scores a generated
ledger under the Xiangzhou 2022 rules (member categories, requirements, four group rules, six
awards) with the columnar engine, then times what reads the assessment: the requirement report
(``cppcc check``), every group rule (``cppcc groups``, with an input value for every body), the
awards (``cppcc awards``: to members, and to records unless ``--no-record-awards``), and a
dossier's one card. It prints one JSON object of seconds.

Run it against another checkout's source (``PYTHONPATH=../other/src``) to compare versions: it
calls the public API only.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
from cppcc_rules_xiangzhou import build_rule_set

from benchmarks.generate import generate_ledger, period
from cppcc_model.assess import assess, assess_groups, requirement_report
from cppcc_model.assess.award_selection import select_awards
from cppcc_model.assess.groups import subjects_of
from cppcc_model.ledger import Ledger
from cppcc_model.rules.awards import AwardSubject
from cppcc_model.rules.groups import External, GroupRules

__all__ = ["downstream"]

T = TypeVar("T")


def _inputs(ledger: Ledger, rules: GroupRules) -> dict[str, dict[str, object]]:
    """A value (0, 1 or 2) for every input ``rules`` read, for every body they assess."""
    keys: set[str] = set()
    pending: list[object] = [rules]
    seen: set[int] = set()
    while pending:  # the group rules' External blocks, wherever they sit
        item = pending.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, External):
            keys.add(item.key)
        elif attrs.has(kind := type(item)):
            pending.extend(getattr(item, f.name) for f in attrs.fields(kind))
        elif isinstance(item, tuple | list):
            pending.extend(item)
    subjects = subjects_of(ledger, rules.subject, period())
    return {key: {s.id: (n + len(key)) % 3 for n, s in enumerate(subjects)} for key in keys}


def _timed(figures: dict[str, float], name: str, run: Callable[[], T]) -> T:
    started = time.perf_counter()
    result = run()
    figures[name] = round(time.perf_counter() - started, 3)
    return result


def downstream(members: int, seed: int = 20230101, *, records: bool = True) -> dict[str, Any]:
    """Seconds per phase for a ledger of ``members`` members (``records``: time record awards)."""
    figures: dict[str, Any] = {"members": members, "seed": seed}
    ledger = _timed(figures, "build", lambda: generate_ledger(members, seed=seed))
    figures["records"] = ledger.record_count
    rule_set = build_rule_set()
    assessment = _timed(
        figures, "score", lambda: assess(ledger, rule_set, period(), engine="columnar")
    )
    figures["engine"] = assessment.engine
    _timed(figures, "requirement report", lambda: requirement_report(assessment))
    inputs = {g.id: _inputs(ledger, g) for g in rule_set.group_rules}
    _timed(
        figures,
        "group rules",
        lambda: [
            assess_groups(ledger, g, period(), members=assessment, external=inputs[g.id])
            for g in rule_set.group_rules
        ],
    )
    to_members = attrs.evolve(
        rule_set, awards=[a for a in rule_set.awards if a.subject is AwardSubject.MEMBER]
    )
    _timed(
        figures,
        "awards to members",
        lambda: select_awards(ledger, to_members, period(), assessment=assessment),
    )
    if records:
        to_records = attrs.evolve(
            rule_set, awards=[a for a in rule_set.awards if a.subject.is_record]
        )
        _timed(
            figures,
            "awards to records",
            lambda: select_awards(ledger, to_records, period(), assessment=assessment),
        )
    one = assessment.member_ids[len(assessment.member_ids) // 2]
    _timed(figures, "one explained card", lambda: assessment.card(one))
    return figures


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    print(
        json.dumps(
            downstream(
                int(arguments[0]),
                *(int(a) for a in arguments[1:2]),
                records="--no-record-awards" not in sys.argv,
            )
        )
    )
