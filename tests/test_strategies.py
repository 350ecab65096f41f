"""The public hypothesis strategies: valid records, consistent ledgers, from_type registration."""

from __future__ import annotations

import importlib
import importlib.metadata
import subprocess
import sys
import warnings
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cppcc_model.testing._hypothesis_setup as setup
from cppcc_model.ledger import Ledger
from cppcc_model.model import (
    BodyKind,
    InfoReport,
    Member,
    Proposal,
    ProposalStep,
    ProposerKind,
)
from cppcc_model.testing import strategies as cst


def _registered_types() -> list[tuple[type, str]]:
    found = []
    for target, name in setup.STRATEGY_NAMES.items():
        module_name, _, type_name = target.partition(":")
        found.append((getattr(importlib.import_module(module_name), type_name), name))
    return found


def test_the_entry_point_names_the_hook() -> None:
    points = importlib.metadata.entry_points(group="hypothesis")
    ours = [p for p in points if p.value.startswith("cppcc_model")]
    assert len(ours) == 1
    assert ours[0].load() is setup._hypothesis_setup_hook


def test_every_registered_name_is_a_public_strategy() -> None:
    for _, name in _registered_types():
        assert name in cst.__all__
        assert callable(getattr(cst, name))


@pytest.mark.parametrize(
    ("type_", "name"), _registered_types(), ids=lambda x: getattr(x, "__name__", x)
)
def test_from_type_gives_valid_instances(type_: type, name: str) -> None:
    @given(st.from_type(type_))
    def check(value: Any) -> None:
        assert isinstance(value, type_)

    check()


def test_the_hook_never_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(setup, "_register", broken)
    with pytest.warns(RuntimeWarning, match="boom"):
        setup._hypothesis_setup_hook()


def test_the_hook_can_run_twice() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        setup._hypothesis_setup_hook()
        setup._hypothesis_setup_hook()


def test_importing_the_package_does_not_import_hypothesis() -> None:
    code = (
        "import sys, cppcc_model, cppcc_model.testing, cppcc_model.io.json;"
        "print('hypothesis' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


@given(cst.ledgers(min_members=2, max_members=4, max_records=3))
def test_ledgers_respect_their_bounds(ledger: Ledger) -> None:
    assert 2 <= len(ledger.members) <= 4
    for records in (ledger.activities, ledger.proposals, ledger.info_reports, ledger.contributions):
        assert len(records) <= 3


def _check_consistent(ledger: Ledger) -> None:
    for proposal in ledger.proposals:
        days = [proposal.submitted_on, *(event.on for event in proposal.history)]
        assert days == sorted(days)
    for report in ledger.info_reports:
        days = [report.submitted_on, *(event.on for event in report.history)]
        assert days == sorted(days)
    member_ids = [m.id for m in ledger.members]
    assert len(member_ids) == len(set(member_ids))
    for activity in ledger.activities:
        assert {e.member_id for e in activity.attendance} <= set(member_ids)


def test_ledgers_are_consistent_and_exercise_every_kind_of_record() -> None:
    seen: set[str] = set()

    @given(cst.ledgers())
    def collect(ledger: Ledger) -> None:
        _check_consistent(ledger)
        for name in ("activities", "proposals", "info_reports", "contributions", "work_plans"):
            if getattr(ledger, name):
                seen.add(name)
        for proposal in ledger.proposals:
            seen.add(proposal.proposer_kind.value)
            seen.update(event.step.value for event in proposal.history)

    collect()
    assert {"activities", "proposals", "info_reports", "contributions", "work_plans"} <= seen
    assert {"individual", "joint", "collective", "filed", "merged", "replied"} <= seen


@given(cst.members(sector_ids=["econ"], unit_ids=[], group_ids=["g1"], committee_ids=[]))
def test_members_use_only_the_pools_given(member: Member) -> None:
    assert member.sector_id == "econ"
    assert member.unit_id is None
    assert member.activity_group_id in (None, "g1")
    assert member.special_committee_ids == ()
    assert all(spell.body_id in (None, "g1") for spell in member.roles)


@given(cst.proposals(member_ids=["solo"], parent_ids=[], bodies={BodyKind.UNIT: ["jiusan"]}))
def test_small_pools_limit_the_kinds_of_proposal(proposal: Proposal) -> None:
    assert proposal.proposer_kind is not ProposerKind.JOINT
    assert not proposal.has(ProposalStep.MERGED)
    if proposal.body is not None:
        assert (proposal.body.kind, proposal.body.id) in {
            (BodyKind.UNIT, "jiusan"),
            (BodyKind.OFFICE, proposal.body.id),
            (BodyKind.EXTERNAL, proposal.body.id),
        }


@given(cst.info_reports(member_ids=[], report_ids=["r0"]))
def test_reports_without_members_have_a_body(report: InfoReport) -> None:
    assert report.author_ids == ()
    assert report.body is not None
    for event in report.history:
        assert set(event.combined_with) <= {"r0"}
