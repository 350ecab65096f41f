"""cppcc-model: model, score and rank the duty performance of CPPCC committee members.

The package is organised as the flow it supports::

    files ──io──▶ Ledger ──▶ assessment engine ──▶ score cards ──▶ rankings, awards, statistics

Import what you need from the sub-packages: :mod:`cppcc_model.model` (entities),
:mod:`cppcc_model.ledger`, :mod:`cppcc_model.io`, :mod:`cppcc_model.errors`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cppcc_model.errors import CppccError
    from cppcc_model.ledger import Ledger

__all__ = ["CppccError", "Ledger", "__version__"]

__version__ = "0.1.0.dev0"


def __getattr__(name: str) -> Any:
    """Import :class:`~cppcc_model.ledger.Ledger` and :class:`CppccError` on first use.

    ``cppcc --help`` then imports neither the entities nor attrs.
    """
    if name == "Ledger":
        from cppcc_model.ledger import Ledger

        return Ledger
    if name == "CppccError":
        from cppcc_model.errors import CppccError

        return CppccError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
