"""Time several what-if replaces at one scale: a steadier figure than one call.

``python -m benchmarks.whatif_runs MEMBERS [REPEATS]`` generates a ledger (seed 20230101),
holds a :class:`~cppcc_model.engine.whatif.WhatIf` under the Tongcheng 2019 rules and replaces
the benchmark's changed proposal and its original alternately ``REPEATS`` times (default 7),
then prints one JSON object: the set-up seconds, each replace in milliseconds and their median.
Run it against another checkout's source (``PYTHONPATH=../other/src``) to compare versions.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from typing import Any

from cppcc_rules_tongcheng import build_rule_set

from benchmarks.generate import generate_ledger, period
from benchmarks.measure import _changed_proposal
from cppcc_model.engine.whatif import WhatIf

__all__ = ["whatif_runs"]


def whatif_runs(members: int, repeats: int = 7) -> dict[str, Any]:
    """Set-up seconds and ``repeats`` replace times (ms) for a ledger of ``members``."""
    ledger = generate_ledger(members, seed=20230101)
    started = time.perf_counter()
    session = WhatIf(ledger, build_rule_set(), period())
    setup = time.perf_counter() - started
    edit = _changed_proposal(ledger)
    original = next(p for p in ledger.proposals if p.id == edit.id)
    times = []
    for turn in range(repeats):
        started = time.perf_counter()
        session.replace(edit if turn % 2 == 0 else original)
        times.append(time.perf_counter() - started)
    return {
        "members": members,
        "setup_s": round(setup, 3),
        "replace_ms": [round(t * 1000, 1) for t in times],
        "median_ms": round(statistics.median(times) * 1000, 1),
    }


if __name__ == "__main__":
    arguments = [int(a) for a in sys.argv[1:3]]
    print(json.dumps(whatif_runs(*arguments)))
