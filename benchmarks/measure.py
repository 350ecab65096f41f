"""Measure one scale in a fresh process: build, write, load, score, re-score, rank, references.

Run by :mod:`benchmarks.__main__` as ``python -m benchmarks.measure MEMBERS SEED FORMAT
[--end-to-end] [--dataset DIR]``; it prints one JSON object of timings (seconds), peak resident
memory (bytes, from ``resource.getrusage``, which a fresh process makes per-scale) and whether
the references' exact totals equal the library's. Running each scale in its own process keeps
the peak-memory figure of one scale from hiding in another's.

A JSON ledger is built in memory (:func:`~benchmarks.generate.generate_ledger`) and written by
``write_dataset``; a CSV dataset is written by the streaming generator
(:func:`~benchmarks.stream.write_csv_dataset`: the same files, in bounded memory). With
``--end-to-end`` only load + score + rank (and a re-score) are measured against polars loading
the same CSV: the references that read the ledger's records as objects (dict loop, numpy,
polars frames from the ledger, the what-if's check) are skipped, so that a national ledger is
never built as 30 million objects. With ``--dataset DIR`` the CSV dataset is kept in
``DIR/MEMBERS-SEED`` (its row counts in ``DIR/MEMBERS-SEED.json``, written last) and reused by
the next run of the same size and seed instead of being generated again.

Memory is read from ``/proc/self/status`` (Linux): before each phase the peak (``VmHWM``) is
reset through ``/proc/self/clear_refs``, so ``peak_<phase>`` is the highest resident size during
that phase and ``rss_<phase>`` the resident size after it. Elsewhere only the process-wide peak
(``resource.getrusage``) is known, and every phase reports that.
"""

from __future__ import annotations

import functools
import gc
import json
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from cppcc_rules_tongcheng import build_rule_set

from benchmarks.generate import generate_ledger, period
from benchmarks.reference import (
    dict_loop_totals,
    numpy_totals,
    polars_load_score_rank,
    polars_totals,
    to_columns,
    to_polars,
)
from benchmarks.stream import write_csv_dataset
from cppcc_model.assess import assess, rank
from cppcc_model.assess.engine import STREAMING_FROM
from cppcc_model.engine.whatif import WhatIf
from cppcc_model.io.dataset import DEFAULT_MAX_ROWS, load_dataset, write_dataset

__all__ = ["measure"]

T = TypeVar("T")


def _status() -> dict[str, int]:
    """``VmRSS`` and ``VmHWM`` in bytes, or the process-wide peak for both where unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            found = {
                key: int(value.split()[0]) * 1024
                for key, value in (line.split(":", 1) for line in status)
                if key in ("VmRSS", "VmHWM")
            }
    except OSError:
        found = {}
    if len(found) < 2:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        return {"VmRSS": peak, "VmHWM": peak}
    return found


def _reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
            clear.write("5")
    except OSError:
        pass


def _timed(results: dict[str, Any], name: str, action: Callable[[], T]) -> T:
    gc.collect()
    _reset_peak()
    results[f"rss_before_{name}"] = _status()["VmRSS"]
    start = time.perf_counter()
    value = action()
    results[name] = time.perf_counter() - start
    status = _status()
    results[f"peak_{name}"] = status["VmHWM"]
    results[f"rss_{name}"] = status["VmRSS"]
    return value


PAIRS = 5
"""How many times the re-score and the polars scorer run in turn for the paired ratio."""


def _paired(library: Callable[[], object], polars: Callable[[], object]) -> dict[str, float]:
    """The re-score and the polars scorer run in turn ``PAIRS`` times: medians, paired ratio.

    One timing of each says little on a busy machine; alternating them keeps both under the same
    conditions, and the median of the pair-by-pair ratios is what the ratio table reports.
    """
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(PAIRS):
        for action, times in ((library, ours), (polars, theirs)):
            gc.collect()
            start = time.perf_counter()
            action()
            times.append(time.perf_counter() - start)
    return {
        "rescore_median": statistics.median(ours),
        "polars_median": statistics.median(theirs),
        "rescore_ratio": statistics.median([a / b for a, b in zip(ours, theirs, strict=True)]),
    }


def _columns_size(ledger: Any) -> dict[str, int]:
    """Bytes the columnar engine holds for the ledger (its cached frames)."""
    from cppcc_model.engine.columns import columns_of

    columns = columns_of(ledger)
    frames = (
        columns.credits,
        columns.proposal_events,
        columns.info_events,
        columns.merges,
        columns.conversions,
    )
    return {"columns_bytes": sum(int(frame.estimated_size()) for frame in frames)}


def _ledger_records(ledger: Any) -> int:
    """``ledger.record_count`` (counted without building a record for a columnar ledger)."""
    count: int = ledger.record_count
    return count


def _held(ledger: Any) -> dict[str, Any]:
    """What the ledger holds, counted (:func:`benchmarks.held.held_by`), and the settled RSS.

    Taken after the re-scores, so the engine's columns (which the columnar loader builds
    anyway) are counted with the ledger; ``held_built`` names the record fields whose objects
    were built by then (none, unless something asked for them).
    """
    from benchmarks.held import held_by, settled_rss
    from cppcc_model.engine.columns import columns_of

    found: dict[str, Any] = {
        f"held_{name}": value for name, value in held_by(ledger, columns_of(ledger)).items()
    }
    built = getattr(ledger, "built", None)  # only a ledger the columnar loader read has it
    found["held_built"] = (
        None
        if built is None
        else [
            name
            for name in ("activities", "proposals", "info_reports", "contributions")
            if built(name)
        ]
    )
    found["rss_settled"] = settled_rss()
    return found


def _totals(ledger: Any, rule_set: Any, year: Any) -> Any:
    return assess(ledger, rule_set, year).totals()


def _changed_proposal(ledger: Any) -> Any:
    """One proposal changed: its filing dropped, or a filing added."""
    import attrs

    from cppcc_model.model import ProposalEvent, ProposalStep

    proposal = ledger.proposals[len(ledger.proposals) // 2]
    if any(event.step is ProposalStep.FILED for event in proposal.history):
        changed = attrs.evolve(proposal, history=())
    else:
        step = ProposalEvent(ProposalStep.FILED, proposal.submitted_on)
        changed = attrs.evolve(proposal, history=(step,))
    return changed


def _same_ranking(ranked: Any, ranking: Any) -> bool:
    """Whether polars' ranked frame gives the library ranking's members, totals and places."""
    from fractions import Fraction

    mine = [
        (member, Fraction(points, scale), place)
        for member, points, scale, place in ranked.select(
            "member", "p", "scale", "rank"
        ).iter_rows()
    ]
    theirs = [(entry.subject_id, entry.score, entry.rank) for entry in ranking.entries]
    return mine == theirs


_RECORD_TABLES = ("attendance", "proposals", "info_reports", "contributions")
"""The tables whose rows are records (``Ledger.record_count``)."""


def _generated(results: dict[str, Any], members: int, seed: int, path: Path) -> dict[str, int]:
    """Stream the CSV dataset to ``path``, or reuse one a finished run left there."""
    stamp = path.with_name(f"{path.name}.json")
    if stamp.exists():
        kept: dict[str, int] = json.loads(stamp.read_text(encoding="utf-8"))
        results["reused_dataset"] = str(path)
        return kept
    write = functools.partial(write_csv_dataset, members, path, seed=seed)
    counts = _timed(results, "generate", write)
    stamp.write_text(json.dumps(counts), encoding="utf-8")
    return counts


def _write(results: dict[str, Any], members: int, seed: int, fmt: str, path: Path) -> None:
    """The dataset at ``path``: streamed for CSV, else built in memory and written."""
    if fmt == "csv":
        counts = _generated(results, members, seed, path)
        results["records"] = sum(counts.get(name, 0) for name in _RECORD_TABLES)
        results["rows"] = sum(counts.values())
        return
    built = _timed(results, "build", lambda: generate_ledger(members, seed=seed))
    results["records"] = built.record_count
    _timed(results, "write", functools.partial(write_dataset, built, path, fmt))  # type: ignore[arg-type]


def _end_to_end_peak(results: dict[str, Any]) -> None:
    """The highest resident size while loading, scoring and ranking (the phases' peaks)."""
    results["peak_end_to_end"] = max(results[f"peak_{name}"] for name in ("load", "score", "rank"))


def measure(
    members: int,
    seed: int,
    fmt: str,
    *,
    end_to_end: bool = False,
    dataset: Path | None = None,
) -> dict[str, Any]:
    """Every figure of one scale (see the module docstring).

    Raises:
        ValueError: for ``end_to_end`` or ``dataset`` with a format other than CSV.

    """
    if (end_to_end or dataset is not None) and fmt != "csv":
        raise ValueError("--end-to-end and --dataset read a CSV dataset: use --format csv")
    results: dict[str, Any] = {"members": members, "seed": seed, "format": fmt}
    results["end_to_end_only"] = end_to_end
    results["rss_start"] = _status()["VmRSS"]
    rule_set = build_rule_set()
    year = period()
    with tempfile.TemporaryDirectory(prefix="cppcc-bench-") as tmp:
        path = Path(tmp) / ("ledger.json" if fmt == "json" else "ledger")
        if dataset is not None:
            dataset.mkdir(parents=True, exist_ok=True)
            path = dataset / f"{members}-{seed}"
        _write(results, members, seed, fmt, path)
        # polars imported before the clock starts: the polars reference, timed later in this
        # process, never pays its import, so the library's load should not either
        import polars  # noqa: F401

        gc.collect()
        start = time.perf_counter()
        # a province's roll call has 1.3 M rows, past the default limit of a table's rows
        limit = max(DEFAULT_MAX_ROWS, results["records"])
        ledger = _timed(results, "load", lambda: load_dataset(path, max_rows=limit))
        assessment = _timed(results, "score", lambda: assess(ledger, rule_set, year))
        ranking = _timed(results, "rank", functools.partial(rank, assessment.totals()))
        results["end_to_end"] = time.perf_counter() - start
        _end_to_end_peak(results)
        if fmt == "csv":
            ranked = _timed(
                results,
                "polars_end_to_end",
                functools.partial(polars_load_score_rank, path, year),
            )
            results["polars_end_to_end_identical"] = _same_ranking(ranked, ranking)
            del ranked
    results["assessed"] = len(assessment.member_ids)
    results["ranked"] = len(ranking.entries)
    totals = assessment.totals()
    del assessment, ranking
    again = _timed(results, "rescore", lambda: assess(ledger, rule_set, year).totals())
    results["rescore_identical"] = again == totals
    del again
    # the engine assess did not choose by default (streaming from STREAMING_FROM records)
    streams = _ledger_records(ledger) >= STREAMING_FROM
    other = "score_in_memory" if streams else "score_streaming"
    results["score_default"] = "streaming" if streams else "in-memory"
    by_other = _timed(
        results,
        other,
        lambda: assess(ledger, rule_set, year, streaming=not streams).totals(),
    )
    results["score_other_identical"] = by_other == totals
    del by_other
    results.update(_columns_size(ledger))
    results.update(_held(ledger))
    results["peak_process"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    if end_to_end:
        return results
    session = _timed(results, "whatif_setup", lambda: WhatIf(ledger, rule_set, year))
    edit = _changed_proposal(ledger)
    changed = _timed(results, "whatif", functools.partial(session.replace, edit))
    results["whatif_changed"] = len(changed)
    results["whatif_identical"] = session.totals() == _totals(session.ledger_now(), rule_set, year)
    del session, changed
    frames = _timed(results, "polars_columns", lambda: to_polars(ledger))
    by_polars = _timed(results, "polars", functools.partial(polars_totals, frames, year))
    results["polars_identical"] = by_polars == totals
    results["polars_bytes"] = sum(f.estimated_size() for f in frames.frames.values())
    rescore = functools.partial(assess, ledger, rule_set, year)
    results.update(_paired(rescore, functools.partial(polars_totals, frames, year)))
    del frames, by_polars
    reference = _timed(results, "dict_loop", lambda: dict_loop_totals(ledger, year))
    results["dict_loop_identical"] = reference == totals
    try:
        import numpy  # noqa: F401
    except ModuleNotFoundError:
        results["numpy"] = None
    else:
        columns = _timed(results, "numpy_columns", lambda: to_columns(ledger, year))
        vectorised = _timed(results, "numpy", lambda: numpy_totals(columns))
        results["numpy_identical"] = vectorised == totals
    return results


def main(argv: list[str]) -> int:
    """``python -m benchmarks.measure MEMBERS SEED FORMAT [--end-to-end] [--dataset DIR]``.

    Prints one JSON line of figures.
    """
    members, seed, fmt = int(argv[0]), int(argv[1]), argv[2]
    rest = argv[3:]
    end_to_end = "--end-to-end" in rest
    dataset = Path(rest[rest.index("--dataset") + 1]) if "--dataset" in rest else None
    print(json.dumps(measure(members, seed, fmt, end_to_end=end_to_end, dataset=dataset)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
