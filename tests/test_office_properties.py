"""Invariants of the lifecycle checks and the office's figures, over generated ledgers.

* every proposal whose history breaks is named once, at the step where it breaks, and a
  written dataset's problems sit on the rows of those steps;
* the kinds of proposer and the topics partition the received proposals, so their shares add
  up to the whole, under any definitions;
* a ledger's labels are a fixed point: rebuilding it changes nothing.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cppcc_model.checks import lifecycle_problems
from cppcc_model.errors import CppccError
from cppcc_model.io.dataset import validate_dataset, write_dataset
from cppcc_model.io.safe_text import restore_formula
from cppcc_model.ledger import Ledger
from cppcc_model.model import (
    ClosedMeaning,
    FilingCount,
    ProposalStep,
    ReplyBase,
    SatisfactionBase,
)
from cppcc_model.proposals import (
    StatsSettings,
    proposal_statistics,
    proposal_statistics_by,
    replay,
    rules_for,
)
from cppcc_model.testing.strategies import ledgers

MERGE_HINT = "merge into a proposal filed on or before that day"
CIRCLE_HINT = "merge every proposal of the group into the one filed case"


def _broken_at(ledger: Ledger) -> dict[str, int]:
    """Proposal id → the index of the first step its replay refuses."""
    rules = rules_for(ledger.committee)
    broken: dict[str, int] = {}
    for proposal in ledger.proposals:
        for index in range(len(proposal.history)):
            cut = attrs.evolve(proposal, history=proposal.history[: index + 1])
            try:
                replay(cut, None, rules)
            except CppccError:
                broken[proposal.id] = index
                break
    return broken


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers(max_records=6))
def test_each_broken_history_is_named_once_at_its_step(ledger: Ledger) -> None:
    broken = _broken_at(ledger)
    positions = {p.id: n for n, p in enumerate(ledger.proposals)}
    step_problems = [
        p
        for p in lifecycle_problems(ledger)
        if p.where.path is not None
        and p.where.path.startswith("$.proposals")
        and p.hint not in (MERGE_HINT, CIRCLE_HINT)
    ]
    named = {p.where.record_id: p.where.path for p in step_problems}
    assert len(named) == len(step_problems)
    assert named == {
        pid: f"$.proposals[{positions[pid]}].history[{index}]" for pid, index in broken.items()
    }


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers(max_records=5))
def test_a_written_dataset_shows_each_problem_on_the_row_of_its_step(ledger: Ledger) -> None:
    expected = [(p.message, p.where.record_id) for p in lifecycle_problems(ledger)]
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "ds"
        write_dataset(ledger, target, "csv")
        found = validate_dataset(target, lifecycles=True)
        assert [(p.message, p.where.record_id) for p in found] == expected
        for problem in found:
            assert problem.where.file in ("proposal_events.csv", "info_events.csv")
            lines = (target / problem.where.file).read_text(encoding="utf-8-sig").splitlines()
            assert problem.where.row is not None
            # an id a spreadsheet would read as a formula ("-", "=x") is written neutralised
            first = restore_formula(lines[problem.where.row - 1].split(",")[0])
            assert first == problem.where.record_id


definitions = st.builds(
    StatsSettings,
    satisfaction_base=st.sampled_from(list(SatisfactionBase)),
    filing_count=st.sampled_from(list(FilingCount)),
    reply_base=st.sampled_from(list(ReplyBase)),
    closed_means=st.sampled_from(list(ClosedMeaning)),
    count_understanding=st.booleans(),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers(max_records=8), definitions)
def test_kinds_and_topics_partition_the_received_proposals(
    ledger: Ledger, chosen: StatsSettings
) -> None:
    broken = set(_broken_at(ledger))
    valid = [
        p for p in ledger.proposals if p.id not in broken and not p.events(ProposalStep.MERGED)
    ]
    small = attrs.evolve(ledger, proposals=valid)
    last = max([p.submitted_on for p in valid], default=None)
    if last is None:
        return
    settings_ = attrs.evolve(chosen, rules=rules_for(ledger.committee))
    total = proposal_statistics(small, as_of=last, settings=settings_).counts
    for grouping in ("proposer_kind", "topic"):
        groups = proposal_statistics_by(small, grouping, as_of=last, settings=settings_)
        assert sum(s.counts.received for s in groups.values()) == total.received
        assert sum(s.counts.filed for s in groups.values()) == total.filed
    assert (
        total.individual_received + total.joint_received + total.collective_received
        == total.received
    )


@settings(max_examples=60, deadline=None)
@given(ledgers(max_records=6))
def test_a_ledgers_labels_are_a_fixed_point(ledger: Ledger) -> None:
    assert attrs.evolve(ledger) == ledger
