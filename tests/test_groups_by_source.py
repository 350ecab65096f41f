"""Group measures read a member's facts by source; the result is that of reading every fact.

:func:`~cppcc_model.assess.groups.assess_groups` tries the library's ``Where`` only on the facts
of its source, lists each body's members from one pass over the roster and reads no stage of a
record by no body. On generated ledgers, for every bundled rule set with group rules, the cards
must equal those of the plain reading: every fact of every member tried, every body's members
found by asking every member. After a reference assessment of the same ledger, period and day,
the group measures read the members' facts its scoring read instead of reading them again.
"""

from __future__ import annotations

import sys
from pathlib import Path

import attrs
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import generate_ledger, period

from cppcc_model.assess import assess
from cppcc_model.assess import groups as groups_module
from cppcc_model.assess.groups import (
    MeasureContext,
    Subject,
    SubjectKind,
    assess_groups,
    subjects_of,
)
from cppcc_model.ledger import Ledger
from cppcc_model.model import Period
from cppcc_model.rules import RuleSet
from cppcc_model.rules.facts import Fact, Source
from test_engine_columnar import RULE_SETS
from test_engine_groups_awards import _inputs

WITH_GROUPS = [r for r in RULE_SETS if r.group_rules]


def _every_fact(context: MeasureContext, member_id: str, source: Source) -> list[Fact]:
    return list(context.member_facts.get(member_id, ()))


def _plain_subjects(ledger: Ledger, kind: SubjectKind, period_: Period) -> list[Subject]:
    serving = [m for m in ledger.members if m.served_during(period_)]
    return [
        attrs.evolve(s, member_ids=tuple(m.id for m in serving if s.id in m.body_ids(kind)))
        for s in subjects_of(ledger, kind, period_)
    ]


@pytest.mark.parametrize(("members", "seed"), [(40, 3), (70, 4)])
@pytest.mark.parametrize("rule_set", WITH_GROUPS, ids=lambda r: r.name)
def test_group_cards_equal_those_of_trying_every_fact(
    rule_set: RuleSet, members: int, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger = generate_ledger(members, seed=seed)
    base = assess(ledger, rule_set, period(), engine="reference")

    def cards() -> dict[str, object]:
        return {
            rules.id: assess_groups(
                ledger, rules, period(), members=base, external=_inputs(ledger, rules)
            ).cards
            for rules in rule_set.group_rules
        }

    indexed = cards()
    monkeypatch.setattr(MeasureContext, "_of_source", _every_fact)
    assert cards() == indexed


@pytest.mark.parametrize(
    "kind", sorted(groups_module.GROUP_SUBJECTS, key=lambda k: k.value), ids=lambda k: k.value
)
def test_the_members_of_each_body_are_those_that_belong_to_it_in_roster_order(
    kind: SubjectKind,
) -> None:
    ledger = generate_ledger(60, seed=5)
    for period_ in (period(), Period.year(2000)):
        assert list(subjects_of(ledger, kind, period_)) == _plain_subjects(ledger, kind, period_)


def test_group_measures_read_the_facts_the_members_scoring_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a reference assessment of the same ledger, period and day keeps each member's facts for
    # the group measures; another ledger object (even an equal one) has its facts read again
    ledger = generate_ledger(40, seed=6)
    rule_set = next(r for r in WITH_GROUPS if r.name.startswith("xiangzhou"))
    base = assess(ledger, rule_set, period(), engine="reference")
    expected = {
        rules.id: assess_groups(ledger, rules, period(), members=base).cards
        for rules in rule_set.group_rules
    }
    read: list[str] = []
    plain = groups_module.facts_for_member

    def counting(records, period_, context):  # type: ignore[no-untyped-def]
        read.append(records.member.id)
        return plain(records, period_, context)

    monkeypatch.setattr(groups_module, "facts_for_member", counting)
    for rules in rule_set.group_rules:
        assert assess_groups(ledger, rules, period(), members=base).cards == expected[rules.id]
    assert read == []
    copy = attrs.evolve(ledger)
    for rules in rule_set.group_rules:
        assert assess_groups(copy, rules, period(), members=base).cards == expected[rules.id]
    assert read
