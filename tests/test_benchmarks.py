"""The benchmark generator and hand-written references (no timing is asserted anywhere).

The references in ``benchmarks/reference.py`` are only worth comparing against if they
implement the same rules: on generated ledgers their exact totals must equal the engine's.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from fractions import Fraction
from pathlib import Path

import pytest
from cppcc_rules_tongcheng import build_rule_set
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate_ledger, period
from benchmarks.reference import (
    dict_loop_totals,
    numpy_totals,
    polars_load_score_rank,
    polars_totals,
    read_polars,
    to_columns,
    to_polars,
)

from cppcc_model.assess import assess, rank
from cppcc_model.io import json as ledger_json
from cppcc_model.io.dataset import write_dataset
from cppcc_model.ledger import Ledger
from cppcc_model.model import ProposalStep, ProposerKind

RULES = build_rule_set()


@pytest.fixture(scope="module")
def small_ledger() -> Ledger:
    return generate_ledger(120, seed=7)


def test_the_dict_loop_gives_the_engines_exact_totals(small_ledger: Ledger) -> None:
    library = assess(small_ledger, RULES, period()).totals()
    assert dict_loop_totals(small_ledger, period()) == library


def test_the_totals_are_not_trivial(small_ledger: Ledger) -> None:
    totals = dict_loop_totals(small_ledger, period())
    assert len(set(totals.values())) > 10
    assert any(total.denominator > 1 for total in totals.values())  # first-share splits
    assert max(totals.values()) <= 100


def test_numpy_gives_the_engines_exact_totals(small_ledger: Ledger) -> None:
    pytest.importorskip("numpy")
    library = assess(small_ledger, RULES, period()).totals()
    assert numpy_totals(to_columns(small_ledger, period())) == library


def test_polars_gives_the_engines_exact_totals(small_ledger: Ledger) -> None:
    library = assess(small_ledger, RULES, period(), engine="reference").totals()
    columnar = assess(small_ledger, RULES, period(), engine="columnar").totals()
    assert polars_totals(to_polars(small_ledger), period()) == library == columnar
    as_of = period().start.replace(month=6, day=30)
    early = assess(small_ledger, RULES, period(), as_of=as_of, engine="columnar").totals()
    assert polars_totals(to_polars(small_ledger), period(), as_of) == early


def _polars_ranking(
    directory: Path, as_of: dt.date | None = None
) -> list[tuple[str, Fraction, int]]:
    ranked = polars_load_score_rank(directory, period(), as_of)
    return [
        (member, Fraction(points, scale), place)
        for member, points, scale, place in ranked.select(
            "member", "p", "scale", "rank"
        ).iter_rows()
    ]


def _library_ranking(totals: dict[str, Fraction]) -> list[tuple[str, Fraction, int]]:
    return [(entry.subject_id, Fraction(entry.score), entry.rank) for entry in rank(totals)]


def test_polars_loading_the_csv_files_gives_the_engines_totals_and_ranks(
    small_ledger: Ledger, tmp_path: Path
) -> None:
    write_dataset(small_ledger, tmp_path / "ledger", "csv")
    library = assess(small_ledger, RULES, period()).totals()
    assert polars_totals(read_polars(tmp_path / "ledger"), period()) == library
    assert _polars_ranking(tmp_path / "ledger") == _library_ranking(library)
    as_of = period().start.replace(month=6, day=30)
    early = assess(small_ledger, RULES, period(), as_of=as_of).totals()
    assert early != library
    assert _polars_ranking(tmp_path / "ledger", as_of) == _library_ranking(early)


def test_the_polars_csv_reference_reads_the_files_not_the_ledger(
    small_ledger: Ledger, tmp_path: Path
) -> None:
    """A change made to the files alone shows in its totals: it really reads the CSV."""
    write_dataset(small_ledger, tmp_path / "ledger", "csv")
    before = polars_totals(read_polars(tmp_path / "ledger"), period())
    members = (tmp_path / "ledger" / "attendance.csv").read_text(encoding="utf-8-sig")
    header, *rows = members.splitlines()
    kept = [row for row in rows if not row.startswith("a-plenary,")]
    assert len(kept) < len(rows)
    (tmp_path / "ledger" / "attendance.csv").write_text(
        "\n".join([header, *kept]) + "\n", encoding="utf-8"
    )
    after = polars_totals(read_polars(tmp_path / "ledger"), period())
    assert after != before
    assert sum(after.values()) < sum(before.values())


def test_an_earlier_as_of_date_changes_both_alike(small_ledger: Ledger) -> None:
    as_of = period().start.replace(month=6, day=30)
    library = assess(small_ledger, RULES, period(), as_of=as_of).totals()
    reference = dict_loop_totals(small_ledger, period(), as_of)
    assert reference == library
    assert reference != dict_loop_totals(small_ledger, period())


@settings(max_examples=8, deadline=None)
@given(members=st.integers(min_value=2, max_value=40), seed=st.integers(0, 2**32 - 1))
def test_the_reference_matches_the_engine_on_any_seed(members: int, seed: int) -> None:
    ledger = generate_ledger(members, seed=seed)
    library = assess(ledger, RULES, period()).totals()
    assert dict_loop_totals(ledger, period()) == library
    assert polars_totals(to_polars(ledger), period()) == library
    assert assess(ledger, RULES, period(), engine="columnar").totals() == library


@settings(max_examples=5, deadline=None)
@given(members=st.integers(min_value=2, max_value=40), seed=st.integers(0, 2**32 - 1))
def test_polars_from_csv_matches_the_engine_on_any_seed(members: int, seed: int) -> None:
    ledger = generate_ledger(members, seed=seed)
    library = assess(ledger, RULES, period()).totals()
    with tempfile.TemporaryDirectory() as tmp:
        write_dataset(ledger, Path(tmp) / "ledger", "csv")
        assert _polars_ranking(Path(tmp) / "ledger") == _library_ranking(library)


def test_the_generator_is_reproducible_for_a_seed() -> None:
    first = generate_ledger(60, seed=11)
    again = generate_ledger(60, seed=11)
    assert first == again
    assert ledger_json.dumps(first) == ledger_json.dumps(again)


def test_another_seed_gives_another_ledger() -> None:
    assert ledger_json.dumps(generate_ledger(60, seed=11)) != ledger_json.dumps(
        generate_ledger(60, seed=12)
    )


def test_the_ledger_has_about_fifty_records_per_member(small_ledger: Ledger) -> None:
    assert 40 <= small_ledger.record_count / len(small_ledger.members) <= 60


def test_the_ledger_has_every_shape_the_rules_read(small_ledger: Ledger) -> None:
    kinds = {p.proposer_kind for p in small_ledger.proposals}
    assert kinds == {ProposerKind.INDIVIDUAL, ProposerKind.JOINT, ProposerKind.COLLECTIVE}
    steps = {e.step for p in small_ledger.proposals for e in p.history}
    assert {ProposalStep.FILED, ProposalStep.MERGED, ProposalStep.NOT_FILED} <= steps
    year = period()
    assert any(a.start not in year for a in small_ledger.activities)
    assert any(not m.served_during(year) for m in small_ledger.members)


def test_the_generated_ledger_round_trips_through_json(small_ledger: Ledger) -> None:
    assert ledger_json.loads(ledger_json.dumps(small_ledger)) == small_ledger


def test_too_small_a_roster_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 2 members"):
        generate_ledger(1)


def test_fractions_stay_exact(small_ledger: Ledger) -> None:
    assert all(isinstance(t, Fraction) for t in dict_loop_totals(small_ledger, period()).values())
