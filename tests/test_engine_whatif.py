"""What-if re-scoring: one record replaced gives the totals of a fresh assessment."""

from __future__ import annotations

import sys
from pathlib import Path

import attrs
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import generate_ledger, period

from cppcc_model.assess import assess
from cppcc_model.engine.whatif import WhatIf
from cppcc_model.errors import InvalidValueError
from cppcc_model.ledger import Ledger
from cppcc_model.model import (
    AttendanceStatus,
    InfoEvent,
    InfoStep,
    Level,
    ProposalEvent,
    ProposalStep,
)
from cppcc_model.rules import RuleSet
from test_engine_columnar import RULE_SETS, _every_block

TONGCHENG = next(r for r in RULE_SETS if r.name == "tongcheng-2019")
XIANGZHOU = next(r for r in RULE_SETS if r.name == "xiangzhou-2022")


@pytest.fixture(scope="module")
def base() -> Ledger:
    return generate_ledger(60, seed=11)


def _edits(ledger: Ledger, choice: int) -> list[object]:
    """A few changed records of every kind, chosen by ``choice``."""
    proposal = ledger.proposals[choice % len(ledger.proposals)]
    filed = any(e.step is ProposalStep.FILED for e in proposal.history)
    history = () if filed else (ProposalEvent(ProposalStep.FILED, proposal.submitted_on),)
    report = ledger.info_reports[choice % len(ledger.info_reports)]
    last = max([report.submitted_on, *(event.on for event in report.history)])
    adopted = InfoEvent(InfoStep.ADOPTED, last, level=Level.PROVINCE)
    activity = ledger.activities[choice % len(ledger.activities)]
    statuses = list(AttendanceStatus)
    entries = tuple(
        attrs.evolve(entry, status=statuses[(i + choice) % len(statuses)], half_days=None)
        for i, entry in enumerate(activity.attendance)
    )
    contribution = ledger.contributions[choice % len(ledger.contributions)]
    return [
        attrs.evolve(proposal, history=history),
        attrs.evolve(proposal, member_ids=tuple(reversed(proposal.member_ids))),
        attrs.evolve(report, history=(*report.history, adopted)),
        attrs.evolve(activity, attendance=entries),
        attrs.evolve(contribution, author_ids=tuple(reversed(contribution.author_ids))),
    ]


@pytest.mark.parametrize("choice", [0, 7, 23])
@pytest.mark.parametrize("rule_set", [TONGCHENG, XIANGZHOU, _every_block()], ids=lambda r: r.name)
def test_a_replaced_record_gives_the_totals_of_a_fresh_assessment(
    base: Ledger, rule_set: RuleSet, choice: int
) -> None:
    what_if = WhatIf(base, rule_set, period())
    for record in _edits(base, choice):
        before = what_if.totals()
        changed = what_if.replace(record)
        fresh = assess(what_if.ledger_now(), rule_set, period(), engine="reference").totals()
        assert what_if.totals() == fresh
        assert changed == {m: t for m, t in fresh.items() if before.get(m) != t}


def test_only_existing_records_and_members_can_be_replaced(base: Ledger) -> None:
    what_if = WhatIf(base, TONGCHENG, period())
    proposal = base.proposals[0]
    with pytest.raises(InvalidValueError, match="no Proposal with id 'nope'"):
        what_if.replace(attrs.evolve(proposal, id="nope"))
    with pytest.raises(InvalidValueError, match="names unknown members: ghost"):
        what_if.replace(attrs.evolve(proposal, member_ids=("ghost",)))
