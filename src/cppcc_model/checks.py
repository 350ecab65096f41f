"""Checks that need the whole ledger: the proposal and 社情民意 lifecycles.

:func:`lifecycle_problems` runs every proposal and 社情民意 history through its lifecycle,
under the committee's own settings (merge stage, reply categories, satisfaction scale), and
lists every problem at once. ``cppcc validate`` runs it after the dataset loads, so a dataset
it calls valid is one the statistics commands accept.
"""

from __future__ import annotations

from cppcc_model.errors import Problem
from cppcc_model.information.lifecycle import check_info_reports
from cppcc_model.ledger import Ledger
from cppcc_model.proposals.lifecycle import LifecycleRules, check_proposals, rules_for

__all__ = ["lifecycle_problems"]


def lifecycle_problems(ledger: Ledger, rules: LifecycleRules | None = None) -> list[Problem]:
    """Every lifecycle problem of the ledger's proposals and 社情民意 items.

    ``rules`` defaults to the library's rules with the committee's stated choices
    (:func:`~cppcc_model.proposals.lifecycle.rules_for`).
    """
    chosen = rules if rules is not None else rules_for(ledger.committee)
    return [*check_proposals(ledger.proposals, chosen), *check_info_reports(ledger.info_reports)]
