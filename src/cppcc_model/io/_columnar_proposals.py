"""Proposals and their histories (``proposals``, ``proposal_events``) checked whole as columns.

:func:`place_proposals` holds the two tables, read by
:func:`~cppcc_model.io._columnar_read.read_table`, to every rule the row loader and the
:class:`~cppcc_model.model.Proposal` and :class:`~cppcc_model.model.ProposalEvent` classes apply:

* ids used once; proposers listed once each and on the roster; the session and the collective
  proposer's body known, the body's kind and id given together;
* the proposer kind against the proposers: an individual proposal has one proposer and no body,
  a joint one at least two and no body, a collective one a body;
* every event names a known proposal, and each proposal's events are dated in row order, none
  before the submission;
* a 并案 names the proposal it was merged into (known, not itself), a 答复 its reply category,
  a 反馈 its satisfaction, a 交办 or 重新交办 at least one handling unit.

It gives ``None`` at the first thing that is not so (the row loader then reports it, located).
Reply categories and satisfaction levels are written as the office's labels, as the
:class:`~cppcc_model.ledger.Ledger` writes them. :func:`build_proposals` builds the objects,
equal to the row loader's, when a caller asks for them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from cppcc_model.io._columnar_checks import Known, all_known, body_ok, in_order, list_known, unique
from cppcc_model.io._columnar_read import TableRead, histories
from cppcc_model.io._tables_schema import EVENT_FIELDS
from cppcc_model.model import (
    BodyKind,
    BodyRef,
    Level,
    Proposal,
    ProposalEvent,
    ProposalStep,
    ProposerKind,
)

if TYPE_CHECKING:
    import polars as pl

__all__ = ["PROPOSAL_TABLES", "ProposalTables", "build_proposals", "place_proposals"]

PROPOSAL_TABLES = ("proposals", "proposal_events")
"""The tables of the proposal family."""


@attrs.frozen
class ProposalTables:
    """The proposals and their events, checked, in file order (the events' labels canonical)."""

    proposals: TableRead
    events: TableRead


def _step(step: ProposalStep) -> str:
    return step.value


def _proposers_ok(frame: pl.DataFrame) -> bool:
    """Whether each proposal's kind fits its proposers and body."""
    import polars as pl

    count = pl.col("member_ids").list.len().fill_null(0)
    body = pl.col("body_kind").is_not_null()
    kind = pl.col("proposer_kind")
    bad = (
        ((kind == ProposerKind.INDIVIDUAL.value) & ((count != 1) | body))
        | ((kind == ProposerKind.JOINT.value) & ((count < 2) | body))
        | ((kind == ProposerKind.COLLECTIVE.value) & ~body)
    )
    return not frame.select(bad.any()).item()


def _steps_ok(events: pl.DataFrame, units: dict[str, Any], ids: pl.Series) -> bool:
    """Whether each step carries what it needs, and every merge names another known proposal."""
    import polars as pl

    step = pl.col("step")
    no_units = [text for text, value in units.items() if not value]
    merged = events.filter(step == _step(ProposalStep.MERGED))
    if merged.select(
        (pl.col("parent_id").is_null() | (pl.col("parent_id") == pl.col("proposal_id"))).any()
    ).item():
        return False
    if not all_known(merged, "parent_id", ids):
        return False
    needs = (
        ((step == _step(ProposalStep.REPLIED)) & pl.col("reply").is_null())
        | ((step == _step(ProposalStep.FEEDBACK)) & pl.col("satisfaction").is_null())
        | (
            step.is_in([_step(ProposalStep.ASSIGNED), _step(ProposalStep.REASSIGNED)])
            & (pl.col("units").is_null() | pl.col("units").is_in(no_units))
        )
    )
    return not events.select(needs.any()).item()


def _canonical(events: pl.DataFrame, known: Known) -> pl.DataFrame:
    """The events with reply categories and satisfaction levels as the office's labels."""
    import polars as pl

    committee = known.committee
    changes = []
    for column, vocabulary in (
        ("reply", committee.reply_scheme),
        ("satisfaction", committee.satisfaction_scale),
    ):
        labels = {}
        for text in events[column].drop_nulls().unique().to_list():
            entry = vocabulary.find(text)
            if entry is not None and entry.label != text:
                labels[text] = entry.label
        if labels:
            changes.append(pl.col(column).replace(labels))
    return events.with_columns(changes) if changes else events


def place_proposals(proposals: TableRead, events: TableRead, known: Known) -> ProposalTables | None:
    """The proposal tables, when the row loader would accept them as they are; else ``None``."""
    frame, history = proposals.frame, events.frame
    ids = frame["id"]
    if not (
        unique(frame)
        and list_known(frame, "member_ids", known.members)
        and all_known(frame, "session_id", known.sessions)
        and body_ok(frame, "body", known)
        and _proposers_ok(frame)
        and all_known(history, "proposal_id", ids)
        and in_order(history, "proposal_id", frame)
        and _steps_ok(history, events.objects["units"], ids)
    ):
        return None
    return ProposalTables(proposals, TableRead(_canonical(history, known), events.objects))


_STEPS = {step.value: step for step in ProposalStep}
_LEVELS = {level.value: level for level in Level}
_KINDS = {kind.value: kind for kind in ProposerKind}
_BODIES = {kind.value: kind for kind in BodyKind}


def build_proposals(tables: ProposalTables) -> tuple[Proposal, ...]:
    """The proposals with their histories, as the row loader builds them."""
    lookups: dict[str, Mapping[Any, Any]] = {
        "step": _STEPS,
        "level": _LEVELS,
        "units": tables.events.objects["units"],
    }
    steps = histories(tables.events, "proposal_id", EVENT_FIELDS, ProposalEvent, lookups)
    built = []
    for (
        proposal_id,
        subject,
        submitted_on,
        kind,
        member_ids,
        body_kind,
        body_id,
        session_id,
        topic,
    ) in tables.proposals.frame.iter_rows():
        given = {
            "id": proposal_id,
            "subject": subject,
            "submitted_on": submitted_on,
            "proposer_kind": _KINDS[kind],
            "history": steps.get(proposal_id, []),
        }
        if member_ids is not None:
            given["member_ids"] = member_ids
        if body_kind is not None:
            given["body"] = BodyRef(kind=_BODIES[body_kind], id=body_id)
        if session_id is not None:
            given["session_id"] = session_id
        if topic is not None:
            given["topic"] = topic
        built.append(Proposal(**given))
    return tuple(built)
