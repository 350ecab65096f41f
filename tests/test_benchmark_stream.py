"""The streaming CSV generator writes exactly what the object generator and ``write_dataset`` write.

``benchmarks.stream.write_csv_dataset`` is what lets the benchmark write a national-size
dataset (30 million records) without holding it: these tests hold it to the files of
``write_dataset(generate_ledger(members, seed=seed), path, "csv")``, byte for byte, at any
chunk size, and check that what it writes loads, scores and ranks as the references say.
"""

from __future__ import annotations

import sys
import tracemalloc
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import pytest
from cppcc_rules_tongcheng import build_rule_set
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.__main__ import main as benchmarks_main
from benchmarks.generate import generate_ledger, period
from benchmarks.measure import measure
from benchmarks.reference import polars_load_score_rank
from benchmarks.stream import write_csv_dataset

from cppcc_model.assess import assess, rank
from cppcc_model.io.dataset import load_dataset, write_dataset

RULES = build_rule_set()


def _files(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


def _written(members: int, seed: int, directory: Path, headers: str = "en") -> dict[str, bytes]:
    write_dataset(generate_ledger(members, seed=seed), directory, "csv", headers=headers)  # type: ignore[arg-type]
    return _files(directory)


@pytest.mark.parametrize("headers", ["en", "zh"])
def test_the_stream_writes_the_same_bytes_as_write_dataset(headers: str, tmp_path: Path) -> None:
    expected = _written(120, 7, tmp_path / "objects", headers)
    counts = write_csv_dataset(120, tmp_path / "stream", seed=7, headers=headers)  # type: ignore[arg-type]
    streamed = _files(tmp_path / "stream")
    assert list(streamed) == list(expected)
    assert len(expected) == 20  # every table, as write_dataset writes them
    for name, content in expected.items():
        assert streamed[name] == content, name
    ledger = generate_ledger(120, seed=7)
    assert counts["attendance"] == sum(len(a.attendance) for a in ledger.activities)
    assert counts["proposals"] == len(ledger.proposals)
    assert counts["members"] == len(ledger.members)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    members=st.integers(min_value=2, max_value=70),
    seed=st.integers(0, 2**32 - 1),
    chunk=st.integers(min_value=1, max_value=200),
)
def test_any_size_seed_and_chunk_give_write_datasets_files(
    members: int, seed: int, chunk: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    directory = tmp_path_factory.mktemp("stream")
    expected = _written(members, seed, directory / "objects")
    write_csv_dataset(members, directory / "stream", seed=seed, chunk=chunk)
    assert _files(directory / "stream") == expected


def test_a_chunk_smaller_than_the_roster_gives_the_same_files(tmp_path: Path) -> None:
    whole = write_csv_dataset(500, tmp_path / "whole", seed=3, chunk=1_000_000)
    chunked = write_csv_dataset(500, tmp_path / "chunked", seed=3, chunk=37)
    assert whole == chunked
    assert chunked["members"] == 500 > 37
    assert chunked["attendance"] > 37 * 100  # the plenary's roll call alone spans chunks
    assert _files(tmp_path / "whole") == _files(tmp_path / "chunked")


def test_the_stream_is_deterministic_for_a_size_and_seed(tmp_path: Path) -> None:
    write_csv_dataset(80, tmp_path / "first", seed=11)
    write_csv_dataset(80, tmp_path / "again", seed=11)
    write_csv_dataset(80, tmp_path / "other", seed=12)
    assert _files(tmp_path / "first") == _files(tmp_path / "again")
    other = _files(tmp_path / "other")
    assert other != _files(tmp_path / "first")
    assert other["sectors.csv"] == _files(tmp_path / "first")["sectors.csv"]  # no draws there


def test_the_streamed_dataset_loads_as_the_generated_ledger(tmp_path: Path) -> None:
    write_csv_dataset(150, tmp_path / "ledger", seed=5, chunk=40)
    assert load_dataset(tmp_path / "ledger") == generate_ledger(150, seed=5)


def test_polars_reading_the_streamed_files_ranks_as_the_library(tmp_path: Path) -> None:
    write_csv_dataset(200, tmp_path / "ledger", seed=9, chunk=64)
    ledger = load_dataset(tmp_path / "ledger")
    totals = assess(ledger, RULES, period()).totals()
    ranked = polars_load_score_rank(tmp_path / "ledger", period())
    mine = [
        (member, Fraction(points, scale), place)
        for member, points, scale, place in ranked.select(
            "member", "p", "scale", "rank"
        ).iter_rows()
    ]
    theirs = [(e.subject_id, Fraction(e.score), e.rank) for e in rank(totals)]
    assert mine == theirs
    assert len(set(totals.values())) > 10


def _peak(action: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_the_stream_holds_a_chunk_not_the_ledger(tmp_path: Path) -> None:
    """Its allocations grow by the members' ids, not by their records as the ledger's do."""
    small = _peak(lambda: write_csv_dataset(500, tmp_path / "small", seed=1, chunk=50))
    large = _peak(lambda: write_csv_dataset(2_000, tmp_path / "large", seed=1, chunk=50))
    ledger = _peak(lambda: generate_ledger(2_000, seed=1))
    per_member = (large - small) / 1_500  # about 250 bytes: ids and a cell per member
    assert per_member < ledger / 2_000 / 10  # the ledger: about 9 KB a member
    assert large < ledger / 3


@pytest.mark.parametrize(("members", "chunk"), [(1, 10), (10, 0)])
def test_bad_sizes_are_refused(members: int, chunk: int, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least"):
        write_csv_dataset(members, tmp_path, chunk=chunk)


def test_the_end_to_end_measure_compares_with_polars_from_the_streamed_csv() -> None:
    results = measure(120, 7, "csv", end_to_end=True)
    assert results["records"] == generate_ledger(120, seed=7).record_count
    assert results["polars_end_to_end_identical"] is True
    assert results["rescore_identical"] is True
    assert results["ranked"] == results["assessed"] > 100
    assert results["peak_end_to_end"] >= results["rss_before_load"] > 0
    assert "dict_loop" not in results  # nothing read the ledger's records as objects
    assert results["generate"] > 0
    assert "build" not in results


def test_end_to_end_needs_csv() -> None:
    with pytest.raises(ValueError, match="--format csv"):
        measure(10, 1, "json", end_to_end=True)
    with pytest.raises(SystemExit):
        benchmarks_main(["--end-to-end", "--format", "json", "--quick"])


def test_a_kept_dataset_is_reused_by_the_next_run(tmp_path: Path) -> None:
    first = measure(60, 4, "csv", end_to_end=True, dataset=tmp_path)
    assert first["generate"] > 0
    assert "reused_dataset" not in first
    kept = tmp_path / "60-4"
    assert _files(kept) == _written(60, 4, tmp_path / "objects")
    again = measure(60, 4, "csv", end_to_end=True, dataset=tmp_path)
    assert "generate" not in again
    assert again["reused_dataset"] == str(kept)
    assert again["records"] == first["records"] == generate_ledger(60, seed=4).record_count
    assert again["polars_end_to_end_identical"] is True
