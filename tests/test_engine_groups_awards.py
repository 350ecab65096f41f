"""Group scores, award results and requirement checks are equal whichever engine scored.

Groups (``MemberTotal``, ``RequirementShare``), award selection and requirement reports read an
assessment's figures (:meth:`Assessment.figures`), which the columnar engine gives from its plan
without building explained cards. On generated ledgers, for every bundled rule set with group
rules or awards (under each reading of its options), they must equal what the reference
interpreter's cards give, and the columnar run must build no card the result does not need.
"""

from __future__ import annotations

import sys
from pathlib import Path

import attrs
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import generate_ledger, period

from cppcc_model.assess import assess, assess_groups, requirement_report, requirement_summary
from cppcc_model.assess import engine as engine_module
from cppcc_model.assess.award_selection import select_awards
from cppcc_model.assess.engine import Assessment
from cppcc_model.assess.groups import subjects_of
from cppcc_model.ledger import Ledger
from cppcc_model.rules import RuleSet
from cppcc_model.rules.groups import External as GroupInput
from cppcc_model.rules.groups import GroupRules
from cppcc_model.rules.walk import reachable
from test_engine_columnar import RULE_SETS

WITH_GROUPS_OR_AWARDS = [r for r in RULE_SETS if r.group_rules or r.awards]


def _ids(rule_set: RuleSet) -> str:
    return f"{rule_set.name}-{sorted((k, v) for k, v in rule_set.options.items() if k != 'other_meetings')}"


def _everything(ledger: Ledger, rule_set: RuleSet, engine: str) -> dict[str, object]:
    base = assess(ledger, rule_set, period(), engine=engine)
    assert base.engine == engine
    groups = {
        g.id: assess_groups(ledger, g, period(), members=base, external=_inputs(ledger, g)).cards
        for g in rule_set.group_rules
    }
    awards = [r.to_dict() for r in select_awards(ledger, rule_set, period(), assessment=base)]
    return {
        "groups": groups,
        "awards": awards,
        "report": requirement_report(base),
        "summary": requirement_summary(base, ledger) if rule_set.requirements else None,
        "built": _built(base),
        "assessed": len(base.member_ids),
    }


def _inputs(ledger: Ledger, rules: GroupRules) -> dict[str, dict[str, object]]:
    """A value for every input the group rules read, for every body they assess (0, 1 or 2)."""
    keys = sorted({b.key for b in reachable(rules) if isinstance(b, GroupInput)})
    subjects = subjects_of(ledger, rules.subject, period())
    return {key: {s.id: (n + len(key)) % 3 for n, s in enumerate(subjects)} for key in keys}


def _built(assessment: Assessment) -> int:
    return len(assessment._built)


@pytest.mark.parametrize(("members", "seed"), [(40, 1), (70, 2)])
@pytest.mark.parametrize("rule_set", WITH_GROUPS_OR_AWARDS, ids=_ids)
def test_groups_awards_and_requirement_reports_are_equal_on_both_engines(
    rule_set: RuleSet, members: int, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger = generate_ledger(members, seed=seed)
    # every assess() inside (awards score earlier periods themselves) runs the engine asked
    monkeypatch.setattr(engine_module, "COLUMNAR_FROM", 10**12)
    reference = _everything(ledger, rule_set, "reference")
    monkeypatch.setattr(engine_module, "COLUMNAR_FROM", 0)
    columnar = _everything(ledger, rule_set, "columnar")
    assert columnar["groups"] == reference["groups"]
    assert columnar["awards"] == reference["awards"]
    assert columnar["report"] == reference["report"]
    assert columnar["summary"] == reference["summary"]
    # an award scored on an item's line explains its candidates; nothing else does
    on_lines = any(
        a.score.startswith("line:") or any(b.by.startswith("line:") for b in a.tie_breakers)
        for a in rule_set.awards
    )
    if not on_lines:
        assert columnar["built"] == 0


def test_the_figures_equal_the_cards_on_both_engines() -> None:
    ledger = generate_ledger(60, seed=3)
    for rule_set in WITH_GROUPS_OR_AWARDS[:2]:
        columnar = assess(ledger, rule_set, period(), engine="columnar")
        reference = assess(ledger, rule_set, period(), engine="reference")
        assert dict(columnar.figures()) == dict(reference.figures())
        assert _built(columnar) == 0
        assert list(columnar.figures()) == list(columnar.member_ids)


def test_an_award_ranked_by_one_line_explains_its_candidates_on_demand(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cppcc_model.rules.awards import AwardSubject

    base = next(r for r in WITH_GROUPS_OR_AWARDS if r.name == "xiangzhou-2022")
    award = next(a for a in base.awards if a.subject is AwardSubject.MEMBER)
    item = base.categories[0].items[0].id
    rule_set = attrs.evolve(base, awards=[attrs.evolve(award, score=f"line:{item}")])
    ledger = generate_ledger(40, seed=4)
    monkeypatch.setattr(engine_module, "COLUMNAR_FROM", 10**12)
    reference = _everything(ledger, rule_set, "reference")
    monkeypatch.setattr(engine_module, "COLUMNAR_FROM", 0)
    columnar = _everything(ledger, rule_set, "columnar")
    assert columnar["awards"] == reference["awards"]
    assert columnar["built"] == columnar["assessed"] > 0  # each candidate explained once
