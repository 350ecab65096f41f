"""What the service's endpoints take: attrs classes, decoded and documented by Litestar as they are.

Every request carries a dataset in one of two forms — ``ledger``, the JSON form of a ledger
(docs/reference/json-format.md), or ``tables``, the tables of the dataset format as rows
(``{"members": [{"id": "m1", …}], …}``, English or Chinese names) — and, where it scores, the
rules and the period as the ``cppcc`` options give them.
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = [
    "AssessRequest",
    "DatasetRequest",
    "ExplainRequest",
    "RankRequest",
    "StatisticsRequest",
]


@attrs.define
class DatasetRequest:
    """A dataset: ``ledger`` (the JSON form) or ``tables`` (rows by table), exactly one."""

    ledger: dict[str, Any] | None = None
    tables: dict[str, Any] | None = None


@attrs.define
class AssessRequest(DatasetRequest):
    """A dataset, the rules and the period.

    ``rules`` is a jurisdiction, its last part or a rule set's name (default: the dataset's
    jurisdiction); ``year`` or ``period`` (``2022``, ``2022-H1``, ``2022-01-01..2022-06-30``)
    gives the period (default: the last year with records); ``as_of`` the day records are read
    as of (default: the period's last day).
    """

    rules: str | None = None
    year: int | None = None
    period: str | None = None
    as_of: str | None = None


@attrs.define
class RankRequest(AssessRequest):
    """An assessment request and how places follow a tie: ``competition`` or ``dense``."""

    method: str = "competition"


@attrs.define
class ExplainRequest(AssessRequest):
    """An assessment request and the member (id or unique name) whose card to explain."""

    member: str = ""


@attrs.define
class StatisticsRequest(DatasetRequest):
    """Statistics of ``subject`` — ``proposals``, ``info`` (社情民意) or ``attendance``.

    ``by`` groups them (proposals and info: ``activity_group``, ``special_committee``, ``unit``,
    ``sector``, ``proposer``, and for proposals ``session`` and ``handling_unit``; attendance:
    ``kind``, ``member``, ``activity``); without it, one set of figures for everything.
    """

    subject: str = "proposals"
    by: str | None = None
    year: int | None = None
    period: str | None = None
    as_of: str | None = None
