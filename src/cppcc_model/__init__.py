"""cppcc-model: model, score and rank the duty performance of CPPCC committee members.

The package is organised as the flow it supports::

    files ──io──▶ Ledger ──▶ assessment engine ──▶ score cards ──▶ rankings, awards, statistics

Import what you need from the sub-packages: :mod:`cppcc_model.model` (entities),
:mod:`cppcc_model.ledger`, :mod:`cppcc_model.io`, :mod:`cppcc_model.errors`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cppcc_model.errors import CppccError

if TYPE_CHECKING:
    from cppcc_model.ledger import Ledger

__all__ = ["CppccError", "Ledger", "__version__"]

__version__ = "0.1.0.dev0"


def __getattr__(name: str) -> Any:
    """Import :class:`~cppcc_model.ledger.Ledger` on first use, so ``cppcc --help`` stays light."""
    if name == "Ledger":
        from cppcc_model.ledger import Ledger

        return Ledger
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
