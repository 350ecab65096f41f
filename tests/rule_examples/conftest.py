"""Rule sets restated from shared/reference/rules/, built in Python for the core's tests.

The core's test suite does not load installed plugins, so the worked examples of rules that
have no plugin (Shandong's triggers, Jinchuan's five ones) run against rule sets built from the
public building blocks in ``shandong.py`` and ``jinchuan.py`` beside this file (imported as
``tests.rule_examples.shandong`` …). This conftest gives the tests one way to build a ledger.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest

from cppcc_model.ledger import Ledger
from cppcc_model.model import Committee, Member, Sector, Term

MakeLedger = Callable[..., Ledger]


def _make_ledger(
    members: Sequence[Member],
    *,
    jurisdiction: str,
    terms: Sequence[Term] = (),
    **records: Any,
) -> Ledger:
    return Ledger(
        committee=Committee(id="c", name="政协", level="province", jurisdiction=jurisdiction),
        terms=terms,
        sectors=[Sector("s", "界别")],
        members=members,
        **records,
    )


@pytest.fixture(scope="session")
def make_ledger() -> MakeLedger:
    """``make_ledger(members, jurisdiction=…, terms=…, activities=…, proposals=…)``.

    Every member sits in the one sector ``"s"``.
    """
    return _make_ledger
