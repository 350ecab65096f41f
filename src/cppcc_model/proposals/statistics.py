"""The proposal statistics offices publish, exact, as of a date or over a period.

Which proposals count: those submitted on or before ``as_of`` (and inside ``period``, when one
is given); each is read as it stood on ``as_of`` (the period's last day by default). So
"statistics over the first half-year" are those of the proposals submitted in it, as they
stood on 30 June.

Every count is a whole number in :class:`ProposalCounts`; every rate is a
:class:`~cppcc_model.proposals.figures.Figure` (exact fraction, shown as a percentage rounded
half up to two places). The definitions — numerator and denominator of each rate — are in
:data:`RATE_DEFINITIONS` and docs/proposals.md.

Counts are additive: a proposal's contribution (:func:`contribution`) depends on that
proposal alone, so :class:`ProposalTally` can keep statistics up to date one proposal at a
time, and gives the same numbers as computing them from scratch.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Generic, TypeVar

import attrs
from attrs import AttrsInstance

from cppcc_model.ledger import Ledger
from cppcc_model.model.office import (
    ClosedMeaning,
    ReplyMeaning,
    SatisfactionBase,
    SatisfactionMeaning,
)
from cppcc_model.model.people import Member
from cppcc_model.model.periods import Period
from cppcc_model.model.proposals import Proposal, ProposalStep, ProposerKind
from cppcc_model.proposals.errors import StatisticsQueryError
from cppcc_model.proposals.figures import Figure
from cppcc_model.proposals.grouping import (
    BETWEEN_SESSIONS,
    NOT_RECORDED,
    Attribution,
    Grouping,
    people_keys,
)
from cppcc_model.proposals.lifecycle import CaseStatus, replay
from cppcc_model.proposals.settings import (
    COUNT_NAMES,
    COUNTS,
    DEFAULT_SETTINGS,
    RateDefinition,
    StatsSettings,
    rate_definitions,
)
from cppcc_model.proposals.states import Outcome, ProposalState

__all__ = [
    "PROPOSAL_COUNT_LABELS",
    "RATE_DEFINITIONS",
    "ProposalCounts",
    "ProposalStats",
    "ProposalTally",
    "SatisfactionBase",
    "StatsSettings",
    "Tally",
    "add_counts",
    "contribution",
    "group_shares",
    "proposal_keys",
    "proposal_statistics",
    "proposal_statistics_by",
    "resolve_as_of",
    "stats_as_dict",
]

C = TypeVar("C", bound=AttrsInstance)
R = TypeVar("R")
S = TypeVar("S")


def _add_maps(left: Mapping[str, int], right: Mapping[str, int], sign: int) -> dict[str, int]:
    total = dict(left)
    for key, value in right.items():
        total[key] = total.get(key, 0) + sign * value
        if total[key] == 0:
            del total[key]
    return total


def add_counts(left: C, right: C, sign: int) -> C:
    """``left + sign * right``, field by field, for an attrs class of whole-number counts.

    A field holding a mapping (counts by key) is added key by key; keys that reach 0 go.
    """
    kind = type(left)
    values: dict[str, object] = {}
    for field in attrs.fields(kind):
        mine, theirs = getattr(left, field.name), getattr(right, field.name)
        if isinstance(mine, Mapping):
            values[field.name] = _add_maps(mine, theirs, sign)
        else:
            values[field.name] = mine + sign * theirs
    return kind(**values)


def stats_as_dict(
    counts: dict[str, int], rates: Mapping[str, Figure], places: int
) -> dict[str, object]:
    """Plain data: the counts, and each rate as numerator, denominator and percentage."""
    return {
        "counts": counts,
        "rates": {
            name: {
                "label": figure.label,
                "numerator": figure.numerator,
                "denominator": figure.denominator,
                "fraction": None if figure.value is None else str(figure.value),
                "percent": figure.percent(places),
                "definition": figure.definition,
            }
            for name, figure in rates.items()
        },
    }


@attrs.frozen
class ProposalCounts:
    """Whole-number counts, each of proposals (or of filed cases, where it says so).

    ``by_reply`` and ``by_satisfaction`` count replied cases by the office's reply category
    (its code) and rated cases by the office's satisfaction level (its code).
    ``participations`` counts proposers (人次): each named member of each proposal.
    The review buckets ``under_review + withdrawn + filed + merged + not_filed +
    transferred_up_unfiled`` add up to ``received``.
    """

    received: int = 0
    individual_received: int = 0
    joint_received: int = 0
    collective_received: int = 0
    participations: int = 0
    under_review: int = 0
    withdrawn: int = 0
    filed: int = 0
    merged: int = 0
    merged_after_filing: int = 0
    not_filed: int = 0
    converted: int = 0
    transferred_up_unfiled: int = 0
    transferred_after_filing: int = 0
    assigned: int = 0
    replied: int = 0
    replied_on_time: int = 0
    overdue: int = 0
    closed: int = 0
    rated: int = 0
    face_to_face: int = 0
    satisfied: int = 0
    basically_satisfied: int = 0
    understanding: int = 0
    dissatisfied: int = 0
    reply_a: int = 0
    reply_b: int = 0
    reply_c: int = 0
    reply_solved: int = 0
    reply_in_progress: int = 0
    reply_deferred: int = 0
    reply_reference: int = 0
    rehandled: int = 0
    key: int = 0
    supervised: int = 0
    excellent: int = 0
    collective_filed: int = 0
    by_reply: dict[str, int] = attrs.field(factory=dict, hash=False)
    by_satisfaction: dict[str, int] = attrs.field(factory=dict, hash=False)

    def __add__(self, other: ProposalCounts) -> ProposalCounts:
        return add_counts(self, other, 1)

    def __sub__(self, other: ProposalCounts) -> ProposalCounts:
        return add_counts(self, other, -1)

    @property
    def transferred_up(self) -> int:
        """All proposals sent to the upper-level CPPCC, filed here first or not."""
        return self.transferred_up_unfiled + self.transferred_after_filing

    @property
    def handled_locally(self) -> int:
        """Filed cases handled at this level: filed minus those sent up or merged after filing."""
        return self.filed - self.transferred_after_filing - self.merged_after_filing

    @property
    def handed_over(self) -> int:
        """Filed cases handed over (交办): assigned here, or sent up to be handled there."""
        return self.assigned + self.transferred_after_filing

    @property
    def buckets_total(self) -> int:
        """The sum of the review buckets (always equal to ``received``)."""
        return (
            self.under_review
            + self.withdrawn
            + self.filed
            + self.merged
            + self.not_filed
            + self.transferred_up_unfiled
        )

    def as_dict(self) -> dict[str, int]:
        """Plain data: every whole-number count, derived ones included.

        The counts by category and level (``by_reply``, ``by_satisfaction``) are left out;
        :meth:`ProposalStats.as_dict` gives them apart.
        """
        data = {
            key: value
            for key, value in attrs.asdict(self).items()
            if key not in ("by_reply", "by_satisfaction")
        }
        data.update(
            transferred_up=self.transferred_up,
            handled_locally=self.handled_locally,
            handed_over=self.handed_over,
        )
        return data


_EMPTY = ProposalCounts()

RATE_DEFINITIONS: Mapping[str, tuple[str, str, str]] = {
    name: (
        definition.label,
        " + ".join(definition.numerator),
        " + ".join(definition.denominator),
    )
    for name, definition in rate_definitions(DEFAULT_SETTINGS).items()
}
"""Every fixed rate under the default settings: its Chinese name, numerator and denominator.

:func:`~cppcc_model.proposals.settings.rate_definitions` gives them under other settings.
"""


PROPOSAL_COUNT_LABELS: Mapping[str, str] = {name: count.heading for name, count in COUNTS.items()}
"""The Chinese name of every count of :class:`ProposalCounts`, in the order reports list them."""


@attrs.frozen
class ProposalStats:
    """Counts and rates for one set of proposals."""

    counts: ProposalCounts
    settings: StatsSettings = DEFAULT_SETTINGS

    @property
    def definitions(self) -> dict[str, RateDefinition]:
        """The definition of every fixed rate under these statistics' settings."""
        return rate_definitions(self.settings)

    def rate(self, name: str) -> Figure:
        """The rate called ``name``: a fixed rate, or an office's category or level share.

        Fixed rates are the keys of :func:`~cppcc_model.proposals.settings.rate_definitions`;
        ``reply_share:<code>`` is a reply category's share of replied cases and
        ``satisfaction_share:<code>`` a satisfaction level's share of rated cases.

        Raises:
            StatisticsQueryError: when there is no rate of that name.

        """
        definitions = self.definitions
        if name in definitions:
            return self._figure(definitions[name])
        shares = self.shares()
        if name in shares:
            return shares[name]
        raise StatisticsQueryError(
            f"there is no proposal rate called {name!r}",
            hint="use one of: " + ", ".join([*definitions, *shares]),
        )

    def _figure(self, definition: RateDefinition) -> Figure:
        top = sum(self._count(name) for name in definition.numerator)
        bottom = sum(self._count(name) for name in definition.denominator)
        return Figure(top, bottom, definition.label, definition.name, definition.zh)

    def _count(self, name: str) -> int:
        value = getattr(self.counts, name)
        assert isinstance(value, int)
        return value

    def shares(self) -> dict[str, Figure]:
        """The office's reply-category and satisfaction-level shares, in the office's order.

        ``reply_share:<code>`` is a category's share of replied cases, ``satisfaction_share:
        <code>`` a level's share of rated cases.
        """
        counts = self.counts
        figures: dict[str, Figure] = {}
        for category in self.settings.rules.reply_scheme.categories:
            name = f"reply_share:{category.code}"
            figures[name] = Figure(
                counts.by_reply.get(category.code, 0),
                counts.replied,
                f"{category.label}占比",
                name,
                f"{category.label}/办复",
            )
        for level in self.settings.rules.satisfaction_scale.levels:
            name = f"satisfaction_share:{level.code}"
            figures[name] = Figure(
                counts.by_satisfaction.get(level.code, 0),
                counts.rated,
                f"{level.label}占比",
                name,
                f"{level.label}/反馈",
            )
        return figures

    @property
    def satisfaction_rate(self) -> Figure:
        """满意率: satisfied (and, by default, basically satisfied) over the chosen base."""
        return self.rate("satisfaction_rate")

    @property
    def filing_rate(self) -> Figure:
        """立案率: filed / received."""
        return self.rate("filing_rate")

    @property
    def reply_rate(self) -> Figure:
        """办复率: cases replied / cases assigned here."""
        return self.rate("reply_rate")

    @property
    def on_time_reply_rate(self) -> Figure:
        """按期办复率: cases whose first reply was on time / cases assigned here."""
        return self.rate("on_time_reply_rate")

    @property
    def closed_rate(self) -> Figure:
        """办结率: closed cases / cases handled at this level."""
        return self.rate("closed_rate")

    @property
    def face_to_face_rate(self) -> Figure:
        """见面率: assigned cases with a face-to-face meeting / cases assigned here."""
        return self.rate("face_to_face_rate")

    @property
    def feedback_rate(self) -> Figure:
        """反馈率: replied cases rated by the proposer / cases replied."""
        return self.rate("feedback_rate")

    def rates(self) -> dict[str, Figure]:
        """Every rate, by name: the fixed ones, then the office's category and level shares."""
        fixed = {name: self._figure(d) for name, d in self.definitions.items()}
        return {**fixed, **self.shares()}

    def as_dict(self, places: int = 2) -> dict[str, object]:
        """Plain data: the counts, the counts by category and level, and each rate.

        ``by_reply`` and ``by_satisfaction`` count by the office's reply category and
        satisfaction level (by code).
        """
        data = stats_as_dict(self.counts.as_dict(), self.rates(), places)
        data["by_reply"] = dict(self.counts.by_reply)
        data["by_satisfaction"] = dict(self.counts.by_satisfaction)
        return data


def _in_cohort(proposal: Proposal, as_of: dt.date, period: Period | None) -> bool:
    return proposal.submitted_on <= as_of and (period is None or proposal.submitted_on in period)


def contribution(
    proposal: Proposal,
    as_of: dt.date,
    settings: StatsSettings = DEFAULT_SETTINGS,
    *,
    period: Period | None = None,
    status: CaseStatus | None = None,
) -> ProposalCounts:
    """What one proposal adds to the counts as of ``as_of`` (nothing if outside the cohort)."""
    if not _in_cohort(proposal, as_of, period):
        return _EMPTY
    if status is None:
        status = replay(proposal, as_of, settings.rules)
    outcome = status.outcome
    kind = proposal.proposer_kind
    collective = kind is ProposerKind.COLLECTIVE
    assigned = status.first_assigned_on is not None
    replied = status.replies > 0
    rating = status.satisfaction
    meaning = None if rating is None else rating.meaning
    reply = status.reply
    code = None if reply is None else reply.code.lower()
    reply_meaning = None if reply is None else reply.meaning
    closed = {
        ClosedMeaning.CLOSED_STEP: status.is_closed,
        ClosedMeaning.RATED: replied and rating is not None,
        ClosedMeaning.REPLIED: replied,
    }[settings.closed_means]
    return ProposalCounts(
        received=1,
        individual_received=int(kind is ProposerKind.INDIVIDUAL),
        joint_received=int(kind is ProposerKind.JOINT),
        collective_received=int(collective),
        participations=len(proposal.member_ids),
        under_review=int(outcome is Outcome.UNDER_REVIEW),
        withdrawn=int(outcome is Outcome.WITHDRAWN),
        filed=int(outcome is Outcome.FILED),
        merged=int(outcome is Outcome.MERGED),
        merged_after_filing=int(status.is_filed and status.state is ProposalState.MERGED),
        not_filed=int(outcome is Outcome.NOT_FILED),
        converted=int(status.state is ProposalState.CONVERTED),
        transferred_up_unfiled=int(outcome is Outcome.TRANSFERRED_UP),
        transferred_after_filing=int(status.transferred_after_filing),
        assigned=int(assigned),
        replied=int(replied),
        replied_on_time=int(status.replied_on_time),
        overdue=int(status.is_overdue(as_of)),
        closed=int(closed),
        rated=int(rating is not None),
        face_to_face=int(assigned and status.face_to_face),
        satisfied=int(meaning is SatisfactionMeaning.SATISFIED),
        basically_satisfied=int(meaning is SatisfactionMeaning.BASICALLY_SATISFIED),
        understanding=int(meaning is SatisfactionMeaning.UNDERSTANDING),
        dissatisfied=int(meaning is SatisfactionMeaning.DISSATISFIED),
        reply_a=int(code == "a"),
        reply_b=int(code == "b"),
        reply_c=int(code == "c"),
        reply_solved=int(reply_meaning is ReplyMeaning.SOLVED),
        reply_in_progress=int(reply_meaning is ReplyMeaning.IN_PROGRESS),
        reply_deferred=int(reply_meaning is ReplyMeaning.DEFERRED),
        reply_reference=int(reply_meaning is ReplyMeaning.REFERENCE),
        rehandled=int(status.rehandlings > 0),
        key=int(status.is_key),
        supervised=int(bool(status.supervisions)),
        excellent=int(status.is_excellent),
        collective_filed=int(collective and status.is_filed),
        by_reply={} if reply is None else {reply.code: 1},
        by_satisfaction={} if rating is None else {rating.code: 1},
    )


def proposal_keys(
    proposal: Proposal,
    status: CaseStatus,
    grouping: Grouping,
    roster: Mapping[str, Member],
    attribution: Attribution = Attribution.ALL,
) -> frozenset[str]:
    """The groups ``proposal`` counts in under ``grouping`` (see :mod:`.grouping`).

    Sessions: the session id, or :data:`BETWEEN_SESSIONS`. Handling units: the units of the
    assignment in force (none before assignment). Topics: the topic (类别) as recorded, or
    :data:`NOT_RECORDED`. Proposer kinds: ``individual``, ``joint``, ``collective``. Levels:
    each level at which it was adopted, instructed, rated excellent or transferred to (or
    :data:`NOT_RECORDED`).
    """
    if grouping is Grouping.SESSION:
        return frozenset({proposal.session_id or BETWEEN_SESSIONS})
    if grouping is Grouping.HANDLING_UNIT:
        return frozenset(unit.name for unit in status.units)
    if grouping is Grouping.TOPIC:
        return frozenset({proposal.topic or NOT_RECORDED})
    if grouping is Grouping.PROPOSER_KIND:
        return frozenset({proposal.proposer_kind.value})
    if grouping is Grouping.LEVEL:
        levels = {
            event.level.value
            for event in proposal.history
            if event.level is not None
            and event.step in _LEVEL_STEPS
            and (status.as_of is None or event.on <= status.as_of)
        }
        return frozenset(levels or {NOT_RECORDED})
    if grouping is Grouping.SOURCE_ACTIVITY:
        raise StatisticsQueryError(
            "proposals do not record a source activity",
            hint="group 社情民意 items by source activity",
        )
    return people_keys(grouping, proposal.member_ids, proposal.body, roster, attribution)


_LEVEL_STEPS = frozenset(
    {
        ProposalStep.ADOPTED,
        ProposalStep.INSTRUCTED,
        ProposalStep.EXCELLENT,
        ProposalStep.TRANSFERRED_UP,
    }
)


def group_shares(
    total: ProposalStats, groups: Mapping[str, ProposalStats], count: str
) -> dict[str, Figure]:
    """Each group's share of the total's ``count`` (``received``, ``filed``, ``replied`` …).

    A record counts in each group it belongs to, so with several proposers' groups the shares
    may add up to more than 100 % (see :mod:`.grouping`).
    """
    whole = getattr(total.counts, count)
    label = COUNT_NAMES.get(count, count)
    return {
        key: Figure(
            getattr(stats.counts, count),
            whole,
            f"{label}占比",
            f"{count}_share",
            f"本组{label}/{label}",
        )
        for key, stats in groups.items()
    }


def resolve_as_of(as_of: dt.date | None, period: Period | None) -> dt.date:
    """The day to read records on: ``as_of``, else the period's last day.

    Raises:
        StatisticsQueryError: when neither is given — statistics never assume "today".

    """
    if as_of is not None:
        return as_of
    if period is not None:
        return period.end
    raise StatisticsQueryError(
        "statistics need a date or a period",
        hint="pass as_of=<date> or period=<Period>; nothing assumes today",
    )


class Tally(ABC, Generic[R, C, S]):
    """An incremental accumulator of additive counts over records, in total and by group.

    A subclass says what one record adds and which groups it counts in (:meth:`_part`) and
    how counts become statistics (:meth:`_stats`); add, remove, replace and extend follow.
    """

    def __init__(self, empty: C, grouping: Grouping | None) -> None:
        self.grouping = grouping
        self.total = empty
        self.groups: dict[str, C] = defaultdict(type(empty))
        self._empty = empty

    @abstractmethod
    def _part(self, record: R) -> tuple[C, frozenset[str]] | None:
        """What ``record`` adds and the groups it counts in (none without a grouping).

        ``None`` when the record is outside the cohort.
        """

    @abstractmethod
    def _stats(self, counts: C) -> S:
        """The statistics of ``counts``."""

    def _shift(self, record: R, sign: int) -> None:
        found = self._part(record)
        if found is None:
            return
        part, keys = found
        self.total = add_counts(self.total, part, sign)
        for key in keys:
            self.groups[key] = add_counts(self.groups[key], part, sign)
            if self.groups[key] == self._empty:
                del self.groups[key]

    def add(self, record: R) -> None:
        """Count ``record``."""
        self._shift(record, 1)

    def remove(self, record: R) -> None:
        """Stop counting ``record`` (as it was when added)."""
        self._shift(record, -1)

    def replace(self, old: R, new: R) -> None:
        """Count ``new`` instead of ``old`` (the same record after a step)."""
        self.remove(old)
        self.add(new)

    def extend(self, records: Iterable[R]) -> None:
        """Count every record of ``records``."""
        for record in records:
            self.add(record)

    def stats(self) -> S:
        """The statistics of everything counted."""
        return self._stats(self.total)

    def stats_by(self) -> dict[str, S]:
        """The statistics of each group, by key in sorted order."""
        return {key: self._stats(self.groups[key]) for key in sorted(self.groups)}


class ProposalTally(Tally[Proposal, ProposalCounts, ProposalStats]):
    """An incremental accumulator of proposal statistics.

    Add, remove or replace proposals one at a time (``replace(old, new)`` after a step was
    applied); :meth:`stats` and :meth:`stats_by` then equal what :func:`proposal_statistics`
    computes from scratch over the same proposals. Pass ``grouping`` and a ``roster``
    (members by id) to keep grouped statistics too.
    """

    def __init__(
        self,
        *,
        as_of: dt.date,
        period: Period | None = None,
        settings: StatsSettings = DEFAULT_SETTINGS,
        grouping: Grouping | None = None,
        roster: Mapping[str, Member] | None = None,
    ) -> None:
        super().__init__(_EMPTY, grouping)
        self.as_of = as_of
        self.period = period
        self.settings = settings
        self.roster: Mapping[str, Member] = roster or {}

    def _part(self, record: Proposal) -> tuple[ProposalCounts, frozenset[str]] | None:
        if not _in_cohort(record, self.as_of, self.period):
            return None
        status = replay(record, self.as_of, self.settings.rules)
        part = contribution(record, self.as_of, self.settings, period=self.period, status=status)
        if self.grouping is None:
            return part, frozenset()
        keys = proposal_keys(record, status, self.grouping, self.roster, self.settings.attribution)
        return part, keys

    def _stats(self, counts: ProposalCounts) -> ProposalStats:
        return ProposalStats(counts, self.settings)


def _proposals_of(source: Ledger | Iterable[Proposal]) -> tuple[Proposal, ...]:
    return source.proposals if isinstance(source, Ledger) else tuple(source)


def proposal_statistics(
    source: Ledger | Iterable[Proposal],
    *,
    as_of: dt.date | None = None,
    period: Period | None = None,
    settings: StatsSettings = DEFAULT_SETTINGS,
) -> ProposalStats:
    """Statistics of the proposals submitted by ``as_of`` (and in ``period``), as of ``as_of``.

    Raises:
        StatisticsQueryError: when neither ``as_of`` nor ``period`` is given.
        IllegalTransitionError: when a proposal's history breaks the lifecycle.

    """
    tally = ProposalTally(as_of=resolve_as_of(as_of, period), period=period, settings=settings)
    tally.extend(_proposals_of(source))
    return tally.stats()


def proposal_statistics_by(
    ledger: Ledger,
    by: Grouping | str,
    *,
    as_of: dt.date | None = None,
    period: Period | None = None,
    settings: StatsSettings = DEFAULT_SETTINGS,
) -> dict[str, ProposalStats]:
    """Statistics per group (``by``: session, activity group, … handling unit), keys sorted.

    Groups without any proposal are left out.
    """
    tally = ProposalTally(
        as_of=resolve_as_of(as_of, period),
        period=period,
        settings=settings,
        grouping=Grouping.parse(by),
        roster={member.id: member for member in ledger.members},
    )
    tally.extend(ledger.proposals)
    return tally.stats_by()
