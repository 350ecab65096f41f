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
from cppcc_model.testing.codes import raises_code
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
    with raises_code(InvalidValueError, "S010", value="nope"):
        what_if.replace(attrs.evolve(proposal, id="nope"))
    with raises_code(InvalidValueError, "S012", value="ghost"):
        what_if.replace(attrs.evolve(proposal, member_ids=("ghost",)))


# ---------------------------------------------------------------- plugin code writing into the ledger

_ARMED: list[Ledger] = []


def _writes_when_armed() -> None:
    for ledger_ in _ARMED:
        object.__setattr__(ledger_.members[0], "name", ledger_.members[0].name + "改")


@attrs.frozen
class _WritingCondition:
    """A plugin's own member condition that writes into the ledger once armed."""

    def applies(self, member: object, period: object, as_of: object) -> bool:
        _writes_when_armed()
        return True

    def describe(self) -> str:
        return "writes"


def _writing_function(fact: object) -> int:
    _writes_when_armed()
    return 1


def _with_plugin_code(kind: str) -> RuleSet:
    from cppcc_model.rules import Category, Function, Item, Points, Where

    base = TONGCHENG
    if kind == "function":
        item = Item("w.fn", "写", Where("proposal"), Function(_writing_function, "writes"))
    else:
        item = Item("w.if", "写", Where("proposal"), Points(1), applies_to=_WritingCondition())
    category = Category("w", "写", [item])
    return attrs.evolve(base, categories=[*base.categories, category], plugin="writer")


@pytest.mark.parametrize("kind", ["function", "condition"])
def test_a_what_if_refuses_a_re_score_during_which_plugin_code_wrote_into_the_ledger(
    kind: str,
) -> None:
    from cppcc_model.errors import RuleEvaluationError

    data = generate_ledger(30, seed=5)
    rule_set = _with_plugin_code(kind)
    what_if = WhatIf(data, rule_set, period())
    # a row-wise value re-scores everyone from a rebuilt ledger; a condition only the reached
    assert what_if.row_wise is (kind == "function")
    proposal = data.proposals[0]
    edited = attrs.evolve(proposal, member_ids=tuple(reversed(proposal.member_ids)))
    # the rebuilt ledger a row-wise re-score reads shares its member objects with ``data``
    _ARMED.append(data)
    try:
        with raises_code(RuleEvaluationError, "S003"):
            what_if.replace(edited)
    finally:
        _ARMED.clear()


def test_a_what_if_with_library_blocks_only_never_hashes_the_ledger(
    base: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cppcc_model.rules import plugin_code

    calls: list[int] = []
    monkeypatch.setattr(plugin_code, "ledger_hash", lambda ledger_: calls.append(1) or 0)
    what_if = WhatIf(base, TONGCHENG, period())
    what_if.replace(attrs.evolve(base.proposals[0], member_ids=base.proposals[0].member_ids[::-1]))
    assert calls == []
    WhatIf(base, _with_plugin_code("condition"), period())
    assert len(calls) == 2  # before and after


@pytest.mark.parametrize("rule_set", [TONGCHENG, XIANGZHOU], ids=lambda r: r.name)
def test_replacing_a_record_again_and_back_gives_the_first_totals(
    base: Ledger, rule_set: RuleSet
) -> None:
    what_if = WhatIf(base, rule_set, period())
    first = what_if.totals()
    for choice in (3, 3, 11):
        for record in _edits(base, choice):
            what_if.replace(record)
    assert (
        what_if.totals()
        == assess(what_if.ledger_now(), rule_set, period(), engine="reference").totals()
    )
    originals = {
        type(r): {x.id: x for x in getattr(base, name)}
        for r, name in [
            (base.proposals[0], "proposals"),
            (base.info_reports[0], "info_reports"),
            (base.activities[0], "activities"),
            (base.contributions[0], "contributions"),
        ]
    }
    for choice in (3, 11):
        for record in _edits(base, choice):
            what_if.replace(originals[type(record)][record.id])  # type: ignore[attr-defined]
    assert what_if.totals() == first


@pytest.mark.parametrize("rule_set", [TONGCHENG, XIANGZHOU], ids=lambda r: r.name)
def test_a_what_if_on_a_ledger_loaded_as_columns_builds_no_records_until_asked(
    base: Ledger, rule_set: RuleSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cppcc_model.io import tables
    from cppcc_model.io._columnar_ledger import LAZY_FIELDS, ColumnarLedger
    from cppcc_model.io.dataset import load_dataset, write_dataset

    monkeypatch.setattr(tables, "COLUMNAR_FROM_BYTES", 0)
    write_dataset(base, tmp_path / "ledger", "csv")
    loaded = load_dataset(tmp_path / "ledger")
    assert isinstance(loaded, ColumnarLedger)

    what_if = WhatIf(loaded, rule_set, period())
    # holding the assessment and replacing records read the columns' codes, not the records
    for record in _edits(base, 5):
        what_if.replace(record)
    assert not any(loaded.built(name) for name in LAZY_FIELDS)

    now = what_if.ledger_now()  # the ledger itself is built when asked for
    fresh = assess(now, rule_set, period(), engine="reference").totals()
    assert what_if.totals() == fresh
    edits = _edits(base, 5)  # the second replaces the first's proposal again
    assert now.proposals[5 % len(now.proposals)] == edits[1]
    assert now.contributions[5 % len(now.contributions)] == edits[4]
