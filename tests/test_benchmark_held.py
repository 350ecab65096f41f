"""The benchmark's count of what a ledger holds (``benchmarks.held``), checked by hand."""

from __future__ import annotations

import sys
from pathlib import Path

import polars as pl
from benchmarks.held import held_by, settled_rss
from benchmarks.stream import write_csv_dataset

from cppcc_model.engine.columns import columns_of
from cppcc_model.io.dataset import load_dataset


class _Box:
    """A slotted object holding whatever it is given (as the ledger's attrs classes are)."""

    __slots__ = ("contents",)

    def __init__(self, *contents: object) -> None:
        self.contents = contents


def test_objects_and_frames_are_counted_once_each_by_hand() -> None:
    frame = pl.DataFrame({"a": list(range(1000)), "b": [1.5] * 1000})
    text = "某某委员的履职记录" * 10
    inner = (text, frame)
    box = _Box(inner, inner, frame)  # shared twice: counted once
    found = held_by(box)
    expected_python = (
        sys.getsizeof(box)
        + sys.getsizeof(box.contents)
        + sys.getsizeof(inner)
        + sys.getsizeof(text)
    )
    assert found["python_bytes"] == expected_python
    assert found["python_objects"] == 4
    assert found["frame_bytes"] == frame.estimated_size() == 1000 * 8 * 2
    assert found["frames"] == 1
    assert found["frame_detail"] == [[1000, 2, 16000, ["a", "b"]]]


def test_classes_and_modules_are_not_followed_but_closures_are() -> None:
    series = pl.Series("codes", list(range(500)), dtype=pl.Int32)

    def builder() -> int:
        return len(series)

    found = held_by(_Box(builder, pl, _Box))
    assert found["frames"] == 1
    assert found["frame_bytes"] == 500 * 4
    # the box, its tuple, the function, the closure cell: not polars' module graph
    assert found["python_objects"] < 20


def test_a_ledger_loaded_as_columns_is_counted_without_building_its_records(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ledger"
    counts = write_csv_dataset(40, path, seed=3)
    records = sum(counts[name] for name in ("attendance", "proposals", "info_reports"))
    ledger = load_dataset(path)
    columns = columns_of(ledger)
    found = held_by(ledger, columns)
    built = getattr(ledger, "built", None)
    if built is not None:  # the columnar loader's ledger: nothing was built by the count
        assert not any(
            built(name) for name in ("activities", "proposals", "info_reports", "contributions")
        )
    assert found["frame_bytes"] >= columns.credits.estimated_size() > 0
    assert found["python_bytes"] > 0
    assert found["frame_bytes"] + found["python_bytes"] < records * 2000
    assert settled_rss(wait=0) > 0
