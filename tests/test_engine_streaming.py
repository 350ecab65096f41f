"""The plan on polars' streaming engine gives exactly the in-memory engine's figures.

``assess(..., streaming=True)`` collects every query of the compiled plan with
``collect(engine="streaming")``: the credits are read in batches and no source's fact table is
kept. The differential tests here demand the reference interpreter's figures from it on the
hypothesis-generated ledgers, for every rule set ``test_engine_columnar`` checks (every bundled
plugin under each reading of its ambiguous clauses, the TOML rule file, the rule examples, and
the rule sets using every block and escape hatch), and the in-memory engine's figures on the
benchmark's realistic generated ledgers for every bundled plugin's rule sets. Exactness is
checked where the common scale overflows 64 bits, on both the integer and the fraction path.
"""

from __future__ import annotations

import datetime as dt

import pytest
from benchmarks.generate import generate_ledger
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cppcc_model.assess import assess
from cppcc_model.engine import plan_of
from cppcc_model.engine import results as results_module
from cppcc_model.engine.columns import columns_of
from cppcc_model.errors import InvalidValueError
from cppcc_model.model import Period
from cppcc_model.rules import RuleSet
from cppcc_model.testing.codes import raises_code
from test_engine_columnar import (
    _FIRST_HALF,
    RULE_SETS,
    _by_hand,
    _co_signed,
    _readings,
    _registered,
    same_figures,
    same_on_generated_ledgers,
)


@pytest.mark.parametrize(
    "rule_set", RULE_SETS, ids=lambda r: f"{r.name}-{sorted(r.options.items())}"
)
def test_the_streamed_plan_equals_the_reference_on_generated_ledgers(rule_set: RuleSet) -> None:
    same_on_generated_ledgers(rule_set, examples=5, streaming=True)


_BUNDLED = [reading for rule_set in _registered() for reading in _readings(rule_set)]


@pytest.mark.parametrize("seed", [3, 20230101])
def test_the_streamed_plan_equals_the_in_memory_plan_on_benchmark_ledgers(seed: int) -> None:
    """Every bundled plugin's rule sets, on a realistic ledger of 120 members (~6,000 records)."""
    ledger_ = generate_ledger(120, seed=seed)
    scored = 0
    for rule_set in _BUNDLED:
        for as_of in (None, dt.date(2023, 9, 30)):
            in_memory = assess(ledger_, rule_set, Period.year(2023), as_of=as_of, engine="columnar")
            assert in_memory.engine == "columnar"
            streamed = assess(ledger_, rule_set, Period.year(2023), as_of=as_of, streaming=True)
            assert streamed.engine == "columnar"
            same_figures(streamed, in_memory)
            scored += any(streamed.totals().values())
    assert scored > len(_BUNDLED)  # points, not only zeros (an awards rule set scores none)


def test_no_fact_table_is_kept_when_streaming() -> None:
    """The streamed run reads the credits through queries; the in-memory one keeps frames."""
    ledger_ = generate_ledger(40, seed=11)
    rule_set = _BUNDLED[0]
    plan = plan_of(rule_set)
    assert not any(item.row_wise for item in plan.items)
    members = sorted(
        (m for m in ledger_.members if m.served_during(Period.year(2023))), key=lambda m: m.id
    )
    runs = {}
    for streaming in (False, True):
        run = results_module._Run(
            ledger_,
            columns_of(ledger_),
            plan,
            Period.year(2023),
            dt.date(2023, 12, 31),
            members,
            None,
            streaming,
        )
        runs[streaming] = (run, run.run())
    assert runs[True][0].facts._frames == {}
    assert runs[False][0].facts._frames != {}
    assert runs[True][1].totals() == runs[False][1].totals()
    assert runs[True][1].frame.equals(runs[False][1].frame)


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(2, 97), min_size=20, max_size=40))
def test_streamed_shares_of_ten_thousand_co_signers_stay_exact(groups: list[int]) -> None:
    """Shares 1/(2(k-1)), 1/k and 3/(5(k-1)) for k up to 10,000, collected in batches."""
    data = _co_signed(10_000, groups)
    streamed = assess(data, _FIRST_HALF, Period.year(2022), streaming=True)
    assert streamed.totals() == _by_hand(data)


def test_the_streamed_fraction_path_gives_the_reference_figures(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = _co_signed(300, list(range(2, 80)))
    reference = assess(data, _FIRST_HALF, Period.year(2022), engine="reference")
    wide = assess(data, _FIRST_HALF, Period.year(2022), streaming=True)
    monkeypatch.setattr(results_module, "LIMIT", 1 << 12)
    narrow = assess(data, _FIRST_HALF, Period.year(2022), streaming=True)
    same_figures(wide, reference)
    same_figures(narrow, reference)


def test_streaming_asks_for_the_columnar_engine() -> None:
    data = _co_signed(3, [2, 3])
    with raises_code(InvalidValueError, "S020"):
        assess(data, _FIRST_HALF, Period.year(2022), engine="reference", streaming=True)
    small = assess(data, _FIRST_HALF, Period.year(2022), streaming=True)
    assert small.engine == "columnar"
    assert assess(data, _FIRST_HALF, Period.year(2022)).engine == "reference"


def test_a_large_ledger_is_streamed_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """From ``STREAMING_FROM`` records ``assess`` streams unless told not to."""
    from cppcc_model.assess import engine as assess_engine

    chosen: list[bool] = []
    original = results_module._Run.__init__

    def spy(self: results_module._Run, *arguments: object, **named: object) -> None:
        original(self, *arguments, **named)  # type: ignore[arg-type]
        chosen.append(self.streaming)

    monkeypatch.setattr(results_module._Run, "__init__", spy)
    data = generate_ledger(20, seed=2)
    year = Period.year(2023)
    rule_set = _BUNDLED[0]
    small = assess(data, rule_set, year, engine="columnar")
    assert chosen == [False]
    monkeypatch.setattr(assess_engine, "STREAMING_FROM", data.record_count)
    large = assess(data, rule_set, year, engine="columnar")
    kept = assess(data, rule_set, year, engine="columnar", streaming=False)
    assert chosen == [False, True, False]
    same_figures(large, small)
    same_figures(kept, small)
