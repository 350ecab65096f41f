"""``python -m benchmarks.attendance_scale``: validate and score a million roll-call rows.

Writes a CSV dataset of ``--members`` members (default 2,000) and ``--activities`` one-day
activities (default 500) in 2022, each with every member on its roll call — 1,000,000
attendance rows by default — then runs ``cppcc validate`` and ``cppcc score --rules
tongcheng`` on it, each in its own process, and prints each command's wall time, CPU time and
peak memory (the maximum resident set size of the process) as one JSON line. docs/reliability.md
quotes the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["main", "run", "write_dataset"]

_STATUSES = ("present", "present", "present", "excused", "absent")


def write_dataset(directory: Path, members: int, activities: int) -> int:
    """Write the dataset; return the number of attendance rows."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "committee.csv").write_text(
        "key,value\nid,scale\nname,规模测试区政协\nlevel,county\njurisdiction,"
        "anhui.anqing.tongcheng\n",
        encoding="utf-8",
    )
    (directory / "sectors.csv").write_text("id,name\ns1,经济界\n", encoding="utf-8")
    with open(directory / "members.csv", "w", encoding="utf-8") as out:
        out.write("id,name,sector_id\n")
        for number in range(members):
            out.write(f"m{number:06d},委员{number},s1\n")
    with open(directory / "activities.csv", "w", encoding="utf-8") as out:
        out.write("id,kind,title,start,half_days\n")
        for number in range(activities):
            day = 1 + number % 28
            month = 1 + (number // 28) % 12
            out.write(f"a{number:05d},inspection,视察{number},2022-{month:02d}-{day:02d},1\n")
    rows = 0
    with open(directory / "attendance.csv", "w", encoding="utf-8") as out:
        out.write("activity_id,member_id,status\n")
        for activity in range(activities):
            for member in range(members):
                status = _STATUSES[(activity + member) % len(_STATUSES)]
                out.write(f"a{activity:05d},m{member:06d},{status}\n")
                rows += 1
    return rows


def run(arguments: list[str]) -> dict[str, float | int]:
    """Run ``cppcc ARGUMENTS`` in a fresh process: exit code, wall and CPU seconds, peak MiB.

    CPU seconds depend far less than wall time on what else the machine is running.
    """
    script = (
        "import resource, sys, time\n"
        "from cppcc_model.cli import main\n"
        "start = time.perf_counter()\n"
        "code = main(sys.argv[1:])\n"
        "seconds = time.perf_counter() - start\n"
        "usage = resource.getrusage(resource.RUSAGE_SELF)\n"
        "cpu = usage.ru_utime + usage.ru_stime\n"
        "print(f'@@ {code} {seconds:.1f} {usage.ru_maxrss} {cpu:.1f}', file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, *arguments],
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ),
    )
    line = [text for text in done.stderr.splitlines() if text.startswith("@@ ")][-1]
    _, code, seconds, peak_kib, cpu = line.split()
    return {
        "exit": int(code),
        "seconds": float(seconds),
        "cpu_seconds": float(cpu),
        "peak_mib": int(peak_kib) // 1024,
    }


def main(argv: list[str] | None = None) -> int:
    """Write the dataset, run both commands, print one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=2_000)
    parser.add_argument("--activities", type=int, default=500)
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        started = time.perf_counter()
        rows = write_dataset(data, options.members, options.activities)
        written = time.perf_counter() - started
        result = {
            "attendance_rows": rows,
            "write_seconds": round(written, 1),
            "validate": run(["validate", str(data)]),
            "score": run(
                [
                    "score",
                    str(data),
                    "--rules",
                    "tongcheng",
                    "--year",
                    "2022",
                    "-f",
                    "csv",
                    "-o",
                    str(Path(folder) / "scores.csv"),
                ]
            ),
            "python": sys.version.split()[0],
            "self_peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
