"""``python -m benchmarks``: measure every scale, print the table and the ratios.

Each scale runs in a fresh interpreter (:mod:`benchmarks.measure`) so that its peak memory is its
own. Scales larger than ``--sample`` members are measured on a generated ledger of that many
members and the times, record counts and memory are multiplied by the ratio of sizes; the table
marks those rows. The scoring rule set is Tongcheng 2019 (``cppcc_rules_tongcheng``).

With ``--format csv`` the dataset is written by the streaming generator
(:mod:`benchmarks.stream`), so any scale can be written in bounded memory; ``--end-to-end``
measures only load + score + rank against polars reading the same CSV, which is what the full
national scale runs (``--scales national --sample 0 --format csv --end-to-end``).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import os
import platform
import pstats
import subprocess
import sys
from pathlib import Path
from typing import Any

__all__ = ["SCALES", "main"]

SCALES = {"district": 300, "province": 30_000, "national": 600_000}
"""Members at each scale: a district office, a provincial platform, every CPPCC member."""

_DEFAULT_SAMPLE = 60_000
_QUICK_SAMPLES = {"district": 300, "province": 1_000, "national": 3_000}
_ROOT = Path(__file__).resolve().parent.parent

_PHASES = (
    ("generate", "write the CSV dataset (streaming generator, setup)"),
    ("build", "build the ledger in memory (generator)"),
    ("write", "write it to files (setup)"),
    ("load", "load the ledger from files"),
    ("score", "score: library `assess` (first: columns from the ledger + plan)"),
    ("rescore", "re-score: library `assess` again (columns kept)"),
    ("score_streaming", "re-score on polars' streaming engine (`assess(..., streaming=True)`)"),
    ("score_in_memory", "re-score on the in-memory engine (`assess(..., streaming=False)`)"),
    ("whatif_setup", "what-if: hold the assessment (WhatIf)"),
    ("whatif", "what-if: replace one proposal and re-score"),
    ("rank", "rank the totals"),
    ("end_to_end", "end to end: load + score + rank"),
    ("polars_end_to_end", "reference: polars, load CSV + score + rank"),
    ("dict_loop", "reference: plain dict loop"),
    ("numpy_columns", "reference: numpy, columns from the ledger"),
    ("numpy", "reference: numpy, vectorised scoring"),
    ("polars_columns", "reference: polars, frames from the ledger"),
    ("polars", "reference: polars, scoring"),
)
_MIB = 1024 * 1024


def _run_scale(
    members: int, seed: int, fmt: str, end_to_end: bool = False, dataset: Path | None = None
) -> dict[str, Any]:
    path = os.pathsep.join([str(_ROOT), os.environ.get("PYTHONPATH", "")])
    env = dict(os.environ, PYTHONPATH=path)
    command = [sys.executable, "-m", "benchmarks.measure", str(members), str(seed), fmt]
    if end_to_end:
        command.append("--end-to-end")
    if dataset is not None:
        command += ["--dataset", str(dataset.resolve())]
    done = subprocess.run(
        command,
        cwd=_ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _seconds(value: float) -> str:
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def _rate(records: float, seconds: float) -> str:
    if seconds <= 0:
        return "—"
    rate = records / seconds
    return f"{rate / 1e6:.2f} M" if rate >= 1e6 else f"{rate / 1e3:.0f} k"


def _phase_table(name: str, target: int, result: dict[str, Any]) -> list[str]:
    factor = target / result["members"]
    mark = "" if factor == 1 else " *"
    records = result["records"] * factor
    lines = [
        f"### {name}: {target:,} members, {records:,.0f} records{mark}",
        "",
        "| phase | seconds | records/s | peak RSS (MiB) | added (MiB) | bytes/record |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for key, label in _PHASES:
        if result.get(key) is None:
            continue
        seconds = result[key] * factor
        if key == "end_to_end":
            rate = _rate(records, seconds)
            top = result.get("peak_end_to_end")
            peak_cell = "" if top is None else f"{top * factor / _MIB:,.0f}{mark}"
            lines.append(f"| {label} | {_seconds(seconds)}{mark} | {rate} | {peak_cell} | | |")
            continue
        added = max(0, result[f"peak_{key}"] - result[f"rss_before_{key}"]) * factor
        peak = result[f"rss_before_{key}"] * factor + added
        lines.append(
            f"| {label} | {_seconds(seconds)}{mark} | {_rate(records, seconds)} | "
            f"{peak / _MIB:,.0f}{mark} | {added / _MIB:,.0f}{mark} | "
            f"{added / records:,.0f} |"
        )
    lines += ["", *_memory_lines(result, factor, mark)]
    if factor != 1:
        lines.append(
            f"\n\\* measured on a {result['members']:,}-member sample "
            f"({result['records']:,} records) and multiplied by {factor:g}."
        )
    return lines


def _memory_lines(result: dict[str, Any], factor: float, mark: str) -> list[str]:
    """What the ledger holds, counted, beside the resident sizes (see :mod:`benchmarks.held`)."""
    records = result["records"]
    retained = max(0, result["rss_load"] - result["rss_before_load"])
    lines = [
        f"Resident size added by loading, read right after it (RSS; includes pages the "
        f"allocators keep and the modules the loader imports): {retained * factor / _MIB:,.0f} "
        f"MiB{mark} ({retained / records:,.0f} bytes/record)."
    ]
    if "held_python_bytes" not in result:  # a run from before the count
        return lines
    python, frames = result["held_python_bytes"], result["held_frame_bytes"]
    held = python + frames
    settled = max(0, result["rss_settled"] - result["rss_before_load"])
    built = (
        "all (the ledger was read by rows)"
        if result["held_built"] is None
        else ", ".join(result["held_built"]) or "none"
    )
    lines += [
        "",
        f"Resident size above the start of loading once settled (after the scores, a full "
        f"collection, glibc's `malloc_trim` and 12 s for polars' allocator to return freed "
        f"pages; the engine's columns and the modules imported since are in it): "
        f"{settled * factor / _MIB:,.0f} MiB{mark} ({settled / records:,.0f} bytes/record).",
        "",
        f"Held by the ledger, counted (objects reachable from it at `sys.getsizeof`, polars "
        f"frames at `estimated_size`, the engine's columns included): "
        f"**{held * factor / _MIB:,.0f} MiB{mark}, {held / records:,.0f} bytes/record** "
        f"(target: under 80) — {python * factor / _MIB:,.0f} MiB{mark} in "
        f"{result['held_python_objects'] * factor:,.0f}{mark} Python objects "
        f"({python / records:,.0f} B/record) and {frames * factor / _MIB:,.0f} MiB{mark} in "
        f"{result['held_frames']} frames and series ({frames / records:,.0f} B/record); "
        f"the engine's columns alone {result['columns_bytes'] / records:,.0f} B/record. "
        f"Record objects built by then: {built}.",
    ]
    if "score_other_identical" in result:
        same = "yes" if result["score_other_identical"] else "NO"
        streamed = "yes" if result["score_default"] == "streaming" else "no"
        lines += [
            "",
            f"Scores streamed by default: {streamed}; the re-score on the other engine gives "
            f"the same totals: {same}.",
        ]
    return lines


def _ratio_table(rows: list[tuple[str, int, dict[str, Any]]]) -> list[str]:
    lines = [
        "| scale | library score (s) | dict loop (s) | library / dict loop | numpy vectorised (s) "
        "| library / numpy | numpy with columns (s) | library / numpy with columns "
        "| re-score / dict loop | identical totals |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, target, result in rows:
        if "dict_loop" not in result:  # --end-to-end: no reference read the ledger
            continue
        factor = target / result["members"]
        mark = "" if factor == 1 else " *"
        score, loop = result["score"], result["dict_loop"]
        identical = [result["dict_loop_identical"], result["rescore_identical"]]
        identical.append(result.get("score_other_identical", True))
        if "numpy" in result and result["numpy"] is not None:
            vector = result["numpy"]
            with_columns = vector + result["numpy_columns"]
            identical.append(result["numpy_identical"])
            numpy_cells = (
                f"{_seconds(vector * factor)}{mark} | {score / vector:,.0f}× | "
                f"{_seconds(with_columns * factor)}{mark} | {score / with_columns:.1f}×"
            )
        else:
            numpy_cells = "not installed | — | — | —"
        lines.append(
            f"| {name} | {_seconds(score * factor)}{mark} | {_seconds(loop * factor)}{mark} | "
            f"{score / loop:.1f}× | {numpy_cells} | {result['rescore'] / loop:.1f}× | "
            f"{'yes' if all(identical) else 'NO'} |"
        )
    return lines


def _polars_table(rows: list[tuple[str, int, dict[str, Any]]]) -> list[str]:
    lines = [
        "| scale | library score, first (s) | library re-score (s) | polars score (s) "
        "| re-score / polars | re-score / polars, median of 5 pairs "
        "| first score / polars with frames | what-if (s) "
        "| load + score + rank (s) | library columns (B/record) | polars frames (B/record) "
        "| load + score + rank, polars from CSV (s) | load + score + rank / polars "
        "| identical totals |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, target, result in rows:
        if "polars" not in result:
            continue
        factor = target / result["members"]
        mark = "" if factor == 1 else " *"
        end_to_end = result.get("polars_end_to_end")
        if end_to_end is None:  # loaded from JSON: there is no CSV for polars to read
            load_cells = "— | —"
            same = True
        else:
            load_cells = (
                f"{_seconds(end_to_end * factor)}{mark} | {result['end_to_end'] / end_to_end:.1f}×"
            )
            same = result["polars_end_to_end_identical"]
        identical = result["polars_identical"] and result["whatif_identical"] and same
        vector, frames = result["polars"], result["polars_columns"]
        records = result["records"]
        lines.append(
            f"| {name} | {_seconds(result['score'] * factor)}{mark} "
            f"| {_seconds(result['rescore'] * factor)}{mark} | {_seconds(vector * factor)}{mark} "
            f"| {result['rescore'] / vector:.1f}× | {result['rescore_ratio']:.2f}× "
            f"| {result['score'] / (vector + frames):.1f}× "
            f"| {_seconds(result['whatif'] * factor)}{mark} "
            f"| {_seconds(result['end_to_end'] * factor)}{mark} "
            f"| {result['columns_bytes'] / records:,.0f} | {result['polars_bytes'] / records:,.0f} "
            f"| {load_cells} "
            f"| {'yes' if identical else 'NO'} |"
        )
    return lines


def _end_to_end_table(rows: list[tuple[str, int, dict[str, Any]]]) -> list[str]:
    """Load + score + rank from CSV against polars doing the same, with peak memory.

    The library's peak is the process's highest resident size while loading, scoring and
    ranking; polars' is what it added to the resident size while it ran.
    """
    lines = [
        "| scale | members | records | load (s) | score (s) | rank (s) "
        "| load + score + rank (s) | peak RSS (MiB) | polars from CSV (s) "
        "| polars added (MiB) | library / polars | same ranking |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, target, result in rows:
        if result.get("polars_end_to_end") is None:
            continue
        factor = target / result["members"]
        mark = "" if factor == 1 else " *"
        ours, theirs = result["end_to_end"], result["polars_end_to_end"]
        peak = result["peak_end_to_end"] * factor / _MIB
        # polars runs after the library, beside its ledger: what it added is its own
        polars_added = result["peak_polars_end_to_end"] - result["rss_before_polars_end_to_end"]
        polars_peak = max(0, polars_added) * factor / _MIB
        lines.append(
            f"| {name} | {result['members'] * factor:,.0f}{mark} "
            f"| {result['records'] * factor:,.0f}{mark} "
            f"| {_seconds(result['load'] * factor)}{mark} "
            f"| {_seconds(result['score'] * factor)}{mark} "
            f"| {_seconds(result['rank'] * factor)}{mark} | {_seconds(ours * factor)}{mark} "
            f"| {peak:,.0f}{mark} | {_seconds(theirs * factor)}{mark} | {polars_peak:,.0f}{mark} "
            f"| {ours / theirs:.1f}× | {'yes' if result['polars_end_to_end_identical'] else 'NO'} |"
        )
    return lines


def _profile(members: int, seed: int, top: int) -> None:
    from cppcc_rules_tongcheng import build_rule_set

    from benchmarks.generate import generate_ledger, period
    from cppcc_model.assess import assess

    ledger = generate_ledger(members, seed=seed)
    rule_set = build_rule_set()
    assess(ledger, rule_set, period())  # warm the per-member index
    profiler = cProfile.Profile()
    profiler.enable()
    assess(ledger, rule_set, period())
    profiler.disable()
    print(f"## Profile of `assess` on {members:,} members ({ledger.record_count:,} records)\n")
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    """Parse the options, measure each scale, print Markdown tables (and save raw JSON)."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Benchmark cppcc-model at district, province and national scale.",
    )
    parser.add_argument("--quick", action="store_true", help="CI-sized samples (seconds)")
    parser.add_argument(
        "--scales",
        default=",".join(SCALES),
        help="comma-separated scales to run (default: all: district,province,national)",
    )
    parser.add_argument(
        "--sample",
        type=int,
        default=_DEFAULT_SAMPLE,
        help="measure scales above this many members on a sample of this size and "
        f"extrapolate (default {_DEFAULT_SAMPLE:,}; 0 measures every scale in full)",
    )
    parser.add_argument("--seed", type=int, default=20230101, help="generator seed")
    parser.add_argument(
        "--format", choices=("json", "csv"), default="json", help="file format to load from"
    )
    parser.add_argument(
        "--end-to-end",
        action="store_true",
        help="measure only load + score + rank from CSV against polars (and a re-score); skip "
        "the references that read the ledger's records as objects (needs --format csv)",
    )
    parser.add_argument(
        "--dataset",
        type=Path,
        metavar="DIR",
        help="keep each scale's CSV dataset in DIR/MEMBERS-SEED and reuse it on the next run "
        "(needs --format csv; default: a temporary directory, removed after the run)",
    )
    parser.add_argument("--json", type=Path, help="also write the raw figures to this file")
    parser.add_argument(
        "--profile",
        type=int,
        metavar="MEMBERS",
        help="instead of benchmarking, profile one re-score of a ledger of MEMBERS members",
    )
    options = parser.parse_args(argv)
    if options.profile:
        _profile(options.profile, options.seed, 30)
        return 0
    if (options.end_to_end or options.dataset) and options.format != "csv":
        parser.error("--end-to-end and --dataset read a CSV dataset: add --format csv")
    chosen = [name.strip() for name in options.scales.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in SCALES]
    if unknown:
        parser.error(f"unknown scale(s) {', '.join(unknown)}; use {', '.join(SCALES)}")
    rows: list[tuple[str, int, dict[str, Any]]] = []
    for name in chosen:
        target = SCALES[name]
        if options.quick:
            size = _QUICK_SAMPLES[name]
        elif options.sample:
            size = min(target, options.sample)
        else:
            size = target
        print(f"measuring {name} ({size:,} members) …", file=sys.stderr, flush=True)
        rows.append(
            (
                name,
                target,
                _run_scale(size, options.seed, options.format, options.end_to_end, options.dataset),
            )
        )
    print(
        f"# cppcc-model benchmarks — {dt.date.today().isoformat()}\n\n"
        f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs; "
        f"rule set tongcheng-2019; ledgers loaded from {options.format}; seed {options.seed}"
        f"{'; quick mode' if options.quick else ''}.\n"
    )
    if not options.end_to_end:
        print("## Library / reference\n")
        print("\n".join(_ratio_table(rows)))
        print()
        print("## Library / hand-written polars\n")
        print("\n".join(_polars_table(rows)))
        print()
    if options.format == "csv":
        print("## Load + score + rank from CSV\n")
        print("\n".join(_end_to_end_table(rows)))
        print()
    for name, target, result in rows:
        print("\n".join(_phase_table(name, target, result)))
        print()
    if options.json:
        options.json.write_text(
            json.dumps([{"scale": n, "target": t, **r} for n, t, r in rows], indent=2) + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
