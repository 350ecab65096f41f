"""What-if: re-score an assessment after one record changes, without rebuilding the ledger.

A platform re-scores on every edit. Building a new :class:`~cppcc_model.ledger.Ledger` checks
every record again, and flattening it into columns reads every record again; :class:`WhatIf`
keeps the columns of the ledger and, when a record is replaced, swaps only that record's rows
and re-runs the compiled plan for the members the change can reach: the record's credited
members before and after, the signers of proposals merged into a changed proposal (they follow
its stages), and the authors of 社情民意 items a changed proposal was converted into.

A rule set with parts the compiler runs row-wise (escape hatches, plugins' own blocks) reads
the records themselves; for it :meth:`WhatIf.replace` builds the changed ledger and re-scores
everyone (as slow as a first assessment). A rule set that may run a plugin's code
(:func:`~cppcc_model.rules.plugin_code.may_write`) has the ledger hashed before and after every
re-score, as :func:`~cppcc_model.assess.assess` does, and a re-score that wrote into it is
refused with a :class:`~cppcc_model.errors.RuleEvaluationError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from cppcc_model.engine import plan_of
from cppcc_model.engine.columns import (
    _CONVERSION_SCHEMA,
    _CREDIT_SCHEMA,
    _INFO_EVENT_SCHEMA,
    _MERGE_SCHEMA,
    _PROPOSAL_EVENT_SCHEMA,
    CREDIT_ORDER,
    SOURCE_CODE,
    Columns,
    _empty,
    add_activity,
    add_authored,
    add_info_events,
    add_proposal_events,
    columns_of,
    frame,
)
from cppcc_model.engine.patched import PatchedCredits
from cppcc_model.errors import InvalidValueError
from cppcc_model.ledger import Ledger
from cppcc_model.model import Activity, Contribution, InfoReport, Member, Period, Proposal
from cppcc_model.rules.facts import Source
from cppcc_model.rules.plugin_code import check_unchanged, ledger_hash_if_needed
from cppcc_model.rules.ruleset import RuleSet

if TYPE_CHECKING:
    from cppcc_model.engine.results import Results

__all__ = ["Record", "WhatIf"]

Record = Activity | Proposal | InfoReport | Contribution
"""A record :meth:`WhatIf.replace` accepts."""

_FIELDS = {
    Activity: ("activities", Source.ATTENDANCE),
    Proposal: ("proposals", Source.PROPOSAL),
    InfoReport: ("info_reports", Source.INFO_REPORT),
    Contribution: ("contributions", Source.CONTRIBUTION),
}


class WhatIf:
    """One assessment's totals, kept ready to be re-scored after a record changes.

    Args:
        ledger: the committee's records.
        rule_set: the rules.
        period: the assessment period.
        as_of: the date records are read as of (default: the period's last day).
        history: the rule set in force in an earlier year, for consecutive-year triggers.

    """

    def __init__(
        self,
        ledger: Ledger,
        rule_set: RuleSet,
        period: Period,
        *,
        as_of: dt.date | None = None,
        history: Callable[[int], RuleSet | None] | None = None,
    ) -> None:

        self.ledger = ledger
        self.rule_set = rule_set
        self.period = period
        self.as_of = period.end if as_of is None else as_of
        self.history = history
        self.plan = plan_of(rule_set)
        self.columns = columns_of(ledger)
        self.coder = self.columns.coder
        self.members = {
            m.id: m
            for m in ledger.members
            if rule_set.settings.assess_members_not_serving or m.served_during(period)
        }
        # records are found by the columns' codes, so a ledger loaded as columns keeps its
        # records unbuilt until the ledger itself is asked for (``ledger_now``)
        self._index: dict[type, dict[str, int]] = {
            Activity: self.coder.activity_index,
            Proposal: self.coder.proposal_index,
            InfoReport: self.coder.info_index,
            Contribution: self.coder.contribution_index,
        }
        self._replaced: dict[type, dict[int, Record]] = {kind: {} for kind in _FIELDS}
        # a replace checks member ids and ranks record ids: a coder built from columns makes
        # these dictionaries when first read, so read them now, while the assessment is held,
        # not in the first replace (about 65 ms at a province)
        self.coder.member_code.get("")
        self.coder.rank.get("")
        self.row_wise = any(
            p.row_wise or p.value is None or p.share is None for p in self.plan.items
        )
        self.row_wise |= any(
            mask is None for masks in self.plan.requirement_masks for mask in masks
        ) or any(
            mask is None for masks in self.plan.trigger_masks if masks is not None for mask in masks
        )
        self._totals = self._execute(self.members.values()).totals()
        self._credits = None if self.row_wise else PatchedCredits(self.columns.credits)

    def _execute(self, members: Iterable[Member], columns: Columns | None = None) -> Results:
        """Run the plan for ``members``, refusing a run during which plugin code wrote.

        ``columns``: the columns to read (default: the session's).
        """
        from cppcc_model.engine.results import RowWiseFailure, execute

        fingerprint = ledger_hash_if_needed(self.ledger, self.rule_set, self.period, self.history)
        try:
            results = execute(
                self.ledger,
                self.columns if columns is None else columns,
                self.plan,
                self.period,
                self.as_of,
                members,
                self.history,
            )
        except RowWiseFailure as failure:  # a plugin's block failed: say where
            check_unchanged(self.ledger, fingerprint, self.rule_set)
            raise failure.error from failure.error.__cause__
        check_unchanged(self.ledger, fingerprint, self.rule_set)
        return results

    def totals(self) -> dict[str, Fraction]:
        """Each assessed member's exact total, after the replacements so far."""
        return dict(self._totals)

    def ledger_now(self) -> Ledger:
        """The ledger with every replacement so far (built and checked on request)."""
        changes: dict[str, Any] = {}
        for kind, (name, _) in _FIELDS.items():
            replaced = self._replaced[kind]
            if replaced:
                records = list(getattr(self.ledger, name))
                for index, record in replaced.items():
                    records[index] = record
                changes[name] = tuple(records)
        return attrs.evolve(self.ledger, **changes) if changes else self.ledger

    def replace(self, record: Record) -> dict[str, Fraction]:
        """Replace the record with ``record``'s id and re-score; return the totals that changed.

        Raises:
            InvalidValueError: no record of that kind has the id, or the record names a member
                or a merge parent the ledger does not have.
            RuleEvaluationError: a rule failed, or a plugin's code wrote into the ledger while
                re-scoring.

        """
        kind = type(record)
        if kind not in _FIELDS:
            raise InvalidValueError(
                f"cannot replace a {kind.__name__}",
                hint="replace an Activity, Proposal, InfoReport or Contribution",
            )
        index = self._index[kind].get(record.id)
        if index is None:
            raise InvalidValueError(
                f"no {kind.__name__} with id {record.id!r} to replace",
                hint="a what-if replaces an existing record: use its id",
            )
        self._check(record)
        self._replaced[kind][index] = record
        after = self._rescore_all() if self.row_wise else self._rescore(kind, index, record)
        changed = {m: t for m, t in after.items() if self._totals.get(m) != t}
        self._totals.update(after)
        return changed

    def _check(self, record: Record) -> None:
        if isinstance(record, Activity):
            ids = [entry.member_id for entry in record.attendance]
        elif isinstance(record, Proposal):
            ids = list(record.member_ids)
            for event in record.history:
                if event.parent_id is not None and event.parent_id not in self.coder.proposal_index:
                    raise InvalidValueError(
                        f"proposal {record.id!r} is merged into unknown proposal "
                        f"{event.parent_id!r}",
                        hint="merge into a proposal of the ledger",
                    )
        else:
            ids = list(record.author_ids)
        unknown = sorted({m for m in ids if m not in self.coder.member_code})
        if unknown:
            raise InvalidValueError(
                f"{type(record).__name__} {record.id!r} names unknown members: "
                f"{', '.join(unknown)}",
                hint="use the ids of the ledger's members",
            )

    def _rescore_all(self) -> dict[str, Fraction]:

        self.ledger = self.ledger_now()
        self._replaced = {kind: {} for kind in _FIELDS}
        self.columns = columns_of(self.ledger)
        self.members = {
            m.id: self.members[m.id] for m in self.ledger.members if m.id in self.members
        }
        return self._execute(self.members.values()).totals()

    def _rescore(self, kind: type, index: int, new: Record) -> dict[str, Fraction]:
        import polars as pl

        columns, credits = self.columns, self._credits
        assert credits is not None
        source = SOURCE_CODE[_FIELDS[kind][1]]
        rows = _empty(_CREDIT_SCHEMA)
        if isinstance(new, Activity):
            add_activity(rows, index, new, self.coder)
        else:
            add_authored(rows, index, new, self.coder)
        reached = credits.replace(source, index, frame(rows, _CREDIT_SCHEMA))
        changes: dict[str, Any] = {}
        if isinstance(new, Proposal):
            events, merges = _empty(_PROPOSAL_EVENT_SCHEMA), _empty(_MERGE_SCHEMA)
            conversions = _empty(_CONVERSION_SCHEMA)
            add_proposal_events(events, merges, conversions, index, new, self.coder)
            this = pl.col("ri") == index
            old_targets = columns.conversions.filter(this)["target"].to_list()
            changes["proposal_events"] = pl.concat(
                [columns.proposal_events.filter(~this), frame(events, _PROPOSAL_EVENT_SCHEMA)]
            )
            changes["merges"] = pl.concat(
                [columns.merges.filter(~this), frame(merges, _MERGE_SCHEMA)]
            )
            changes["conversions"] = pl.concat(
                [columns.conversions.filter(~this), frame(conversions, _CONVERSION_SCHEMA)]
            )
            children = columns.merges.filter(pl.col("parent") == index)["ri"].to_list()
            targets = set(old_targets) | set(conversions["target"])
            reached |= credits.members_of(SOURCE_CODE[Source.PROPOSAL], children)
            reached |= credits.members_of(SOURCE_CODE[Source.INFO_REPORT], sorted(targets))
        elif isinstance(new, InfoReport):
            events = _empty(_INFO_EVENT_SCHEMA)
            add_info_events(events, index, new)
            this = pl.col("ri") == index
            changes["info_events"] = pl.concat(
                [columns.info_events.filter(~this), frame(events, _INFO_EVENT_SCHEMA)]
            )
        self.columns = attrs.evolve(columns, **changes)
        ids = self.columns.member_ids
        members: list[Member] = [
            self.members[ids[m]] for m in sorted(reached) if ids[m] in self.members
        ]
        if not members:
            return {}
        # only the reached members' rows: the credits table is never filtered or copied whole;
        # a replaced record's new rows are put in the credits' order, which facts keep
        ordered = credits.of(sorted(reached)).sort(CREDIT_ORDER, maintain_order=True)
        only = attrs.evolve(self.columns, credits=ordered)
        return self._execute(members, only).totals()
