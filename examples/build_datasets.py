"""Write each example ledger as a CSV dataset directory with Chinese headers.

    python examples/build_datasets.py            # xiangzhou, liujiang, dawa and chenghua
    python examples/build_datasets.py dawa       # only some

Each ``examples/<district>/ledger_data.py`` builds the ledger in Python (its docstring says which
figures of the source document it reproduces); this script writes it to
``examples/<district>/dataset/`` with :func:`cppcc_model.io.dataset.write_dataset`, the form a
district office keeps its records in and the form the ``cppcc`` command reads::

    cppcc proposals stats examples/dawa/dataset --year 2023

The datasets are committed; rerun this script after changing a builder. The script checks that
each dataset loads back equal to the ledger it was written from.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from cppcc_model import Ledger
from cppcc_model.io.dataset import load_dataset, write_dataset

EXAMPLES = Path(__file__).resolve().parent
DISTRICTS = ("xiangzhou", "liujiang", "dawa", "chenghua")


def build(district: str) -> Ledger:
    """The ledger built by ``examples/<district>/ledger_data.py``."""
    path = EXAMPLES / district / "ledger_data.py"
    spec = importlib.util.spec_from_file_location(f"_example_{district}", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    ledger = module.build()
    assert isinstance(ledger, Ledger)
    return ledger


def write(district: str) -> Path:
    """Write one example's dataset directory, replacing the files it had."""
    ledger = build(district)
    target = EXAMPLES / district / "dataset"
    target.mkdir(exist_ok=True)
    for old in target.glob("*.csv"):
        old.unlink()
    write_dataset(ledger, target, format="csv", headers="zh")
    if load_dataset(target) != ledger:
        raise SystemExit(f"{target} does not load back equal to the ledger it was written from")
    return target


def main(argv: list[str]) -> None:
    """Write the datasets named in ``argv`` (default: all)."""
    for district in argv or DISTRICTS:
        if district not in DISTRICTS:
            raise SystemExit(f"unknown example {district!r}; choose from {', '.join(DISTRICTS)}")
        print(f"wrote {write(district).relative_to(EXAMPLES.parent)}")


if __name__ == "__main__":
    main(sys.argv[1:])
