"""Benchmarks of cppcc-model at district, province and national scale.

Run ``python -m benchmarks`` from the repository root (``--quick`` for a CI-sized run, ``--help``
for the options); see ``docs/performance.md``. The modules:

* :mod:`benchmarks.generate` — seeded, reproducible synthetic ledgers of any size;
* :mod:`benchmarks.reference` — hand-written scorers of the same rule set (a dict loop, numpy);
* :mod:`benchmarks.measure` — one scale measured in a fresh process;
* :mod:`benchmarks.__main__` — the command: every scale, the table and the ratios.
"""
