"""cppcc-model: model, score and rank the duty performance of CPPCC committee members.

The package is organised as the flow it supports::

    files ──io──▶ Ledger ──▶ assessment engine ──▶ score cards ──▶ rankings, awards, statistics

Import what you need from the sub-packages: :mod:`cppcc_model.model` (entities),
:mod:`cppcc_model.ledger`, :mod:`cppcc_model.io`, :mod:`cppcc_model.errors`.
"""

from cppcc_model.errors import CppccError
from cppcc_model.ledger import Ledger

__all__ = ["CppccError", "Ledger", "__version__"]

__version__ = "0.1.0.dev0"
