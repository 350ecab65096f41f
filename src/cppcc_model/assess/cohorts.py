"""Standing within cohorts: rank, ties, percentile, size, lowest and highest score.

Offices publish more than one order: a member is 12th of the committee, 2nd of their sector,
first of their activity group. Following GovTrack's report cards, :func:`cohort_standings` ranks
each subject within every cohort it belongs to (whole committee, sector, participating unit,
activity group, special committee, standing members, or any cohort a rule set defines) and gives,
for each subject and cohort:

* ``rank`` and ``tied`` from :func:`~cppcc_model.assess.ranking.rank` within the cohort;
* ``percentile``: the share of the *other* members of the cohort ranked strictly below the
  subject, as an exact :class:`~fractions.Fraction` between 0 and 1 — "ranked above 3/4 of the
  others". The top of a cohort with no tie has 1; a subject tied with everyone has 0;
* ``size`` (N), ``minimum`` and ``maximum`` score of the cohort.

Cohorts smaller than ``minimum_size`` (default :data:`DEFAULT_MINIMUM_SIZE`) get no rank and no
percentile, and say why in ``withheld``: a place among two or three people carries little
information, and in a group that small it tells every member the others' results. Their size,
minimum and maximum are still given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs

from cppcc_model.assess.ranking import (
    Direction,
    RankMethod,
    Score,
    TieBreaker,
    exact_score,
    rank,
)
from cppcc_model.errors import InvalidValueError, Location
from cppcc_model.labels import LabeledEnum
from cppcc_model.model import _checks as check
from cppcc_model.model.organizations import BodyKind, body_kind_named
from cppcc_model.model.people import Member, RoleKind

__all__ = [
    "DEFAULT_MINIMUM_SIZE",
    "CohortKey",
    "CohortKind",
    "CohortReport",
    "CohortStanding",
    "CohortSummary",
    "cohort_standings",
    "member_cohorts",
]

DEFAULT_MINIMUM_SIZE = 5
"""Cohorts with fewer subjects than this get no rank (see the module docstring for why)."""


class CohortKind(LabeledEnum, kind_label="比较范围 (cohort kind)"):
    """The kinds of cohort a member belongs to; rule sets may use other kinds as plain text."""

    COMMITTEE = ("committee", "全体委员", "全体")
    SECTOR = ("sector", "界别")
    UNIT = ("unit", "参加单位", "党派", "party")
    ACTIVITY_GROUP = ("activity_group", "委员活动组", "活动组")
    SPECIAL_COMMITTEE = ("special_committee", "专门委员会", "专委会")
    STANDING_MEMBERS = ("standing_members", "常委", "常务委员")

    @property
    def body_kind(self) -> BodyKind | None:
        """This kind as a :class:`BodyKind`, or ``None`` for the standing members."""
        return body_kind_named(self.value)


_BODY_COHORTS = tuple(
    (kind, body)
    for kind in (
        CohortKind.SECTOR,
        CohortKind.UNIT,
        CohortKind.ACTIVITY_GROUP,
        CohortKind.SPECIAL_COMMITTEE,
    )
    if (body := kind.body_kind) is not None
)


def _kind_text(value: CohortKind | str) -> str:
    return value.value if isinstance(value, CohortKind) else value


@attrs.frozen(order=True)
class CohortKey:
    """One cohort: its kind (``"sector"``, or a rule set's own kind) and the id of the body."""

    kind: str = attrs.field(converter=_kind_text, validator=check.identifier)
    id: str = attrs.field(validator=check.identifier)

    def __str__(self) -> str:
        try:
            kind = CohortKind.parse(self.kind).label
        except InvalidValueError:
            kind = self.kind
        return f"{kind}:{self.id}"


@attrs.frozen
class CohortStanding:
    """A subject's standing within one cohort.

    ``rank``, ``tied`` and ``percentile`` are ``None`` / ``False`` / ``None`` when the cohort is
    below the minimum size; ``withheld`` then gives the reason.
    """

    subject_id: str
    cohort: CohortKey
    size: int
    minimum: Score
    maximum: Score
    score: Score
    rank: int | None
    tied: bool
    percentile: Fraction | None
    withheld: str | None = None


@attrs.frozen
class CohortSummary:
    """The figures of one cohort: size, lowest and highest score, whether ranks were given."""

    cohort: CohortKey
    size: int
    minimum: Score
    maximum: Score
    ranked: bool


@attrs.frozen
class CohortReport:
    """Every subject's standing in every cohort it belongs to.

    ``standings`` are ordered by cohort, then by rank and listing order within the cohort.
    """

    standings: tuple[CohortStanding, ...]
    summaries: tuple[CohortSummary, ...]
    minimum_size: int

    def __iter__(self) -> Iterator[CohortStanding]:
        return iter(self.standings)

    def for_subject(self, subject_id: str) -> tuple[CohortStanding, ...]:
        """The standings of one subject, in cohort order."""
        return tuple(item for item in self.standings if item.subject_id == subject_id)

    def for_cohort(self, cohort: CohortKey) -> tuple[CohortStanding, ...]:
        """The standings within one cohort, in rank order."""
        return tuple(item for item in self.standings if item.cohort == cohort)

    def standing(self, subject_id: str, cohort: CohortKey) -> CohortStanding:
        """The standing of ``subject_id`` in ``cohort``.

        Raises:
            InvalidValueError: when the subject is not in that cohort.

        """
        for item in self.standings:
            if item.subject_id == subject_id and item.cohort == cohort:
                return item
        raise InvalidValueError(
            f"{subject_id!r} has no standing in cohort {cohort}",
            where=Location(record_id=subject_id),
            hint="check the subject's cohort assignment",
        )


def _withheld_reason(size: int, minimum_size: int) -> str:
    return (
        f"cohort has {size} member{'s' if size != 1 else ''}, fewer than the minimum of "
        f"{minimum_size}: a rank among so few says little and discloses the others' results"
    )


def cohort_standings(
    scores: Mapping[str, Score],
    cohorts: Mapping[str, Iterable[CohortKey]],
    *,
    minimum_size: int = DEFAULT_MINIMUM_SIZE,
    method: RankMethod | str = RankMethod.COMPETITION,
    direction: Direction | str = Direction.DESCENDING,
    tie_breakers: Sequence[TieBreaker] = (),
    list_key: Callable[[str], Any] | None = None,
) -> CohortReport:
    """Rank every subject within each cohort ``cohorts`` assigns it to.

    ``cohorts`` maps a subject id to the cohorts it belongs to; subjects absent from it belong to
    none. Every subject named in ``cohorts`` must have a score. Ranking options are those of
    :func:`~cppcc_model.assess.ranking.rank`.

    Raises:
        InvalidValueError: when ``minimum_size`` is below 2, or subjects in a cohort have no score.

    """
    if isinstance(minimum_size, bool) or not isinstance(minimum_size, int) or minimum_size < 2:
        raise InvalidValueError(
            f"minimum cohort size must be a whole number of at least 2, got {minimum_size!r}",
            hint="a rank needs at least one other subject to compare with",
        )
    exact = {
        subject_id: exact_score(score, subject_id=subject_id)
        for subject_id, score in scores.items()
    }
    members: dict[CohortKey, list[str]] = {}
    missing: list[str] = []
    for subject_id, keys in cohorts.items():
        if subject_id not in exact:
            missing.append(subject_id)
            continue
        for key in set(keys):
            if not isinstance(key, CohortKey):
                raise InvalidValueError(
                    f"cohort {key!r} of {subject_id!r} is not a CohortKey",
                    where=Location(record_id=subject_id),
                    hint="name each cohort as CohortKey(kind, id)",
                )
            members.setdefault(key, []).append(subject_id)
    if missing:
        missing.sort()
        raise InvalidValueError(
            f"subjects assigned to cohorts have no score: {', '.join(missing)}",
            where=Location(record_id=missing[0]),
            hint="score every subject you place in a cohort (a score of 0 is a score)",
        )

    standings: list[CohortStanding] = []
    summaries: list[CohortSummary] = []
    for key in sorted(members):
        ids = members[key]
        values = [exact[subject_id] for subject_id in ids]
        low = min(values)
        high = max(values)
        low_score = next(scores[s] for s in sorted(ids) if exact[s] == low)
        high_score = next(scores[s] for s in sorted(ids) if exact[s] == high)
        size = len(ids)
        ranked = size >= minimum_size
        summaries.append(CohortSummary(key, size, low_score, high_score, ranked))
        ranking = rank(
            {subject_id: scores[subject_id] for subject_id in ids},
            method=method,
            direction=direction,
            tie_breakers=tie_breakers,
            list_key=list_key,
        )
        for entry in ranking:
            below = size - entry.ahead - entry.tied_count
            standings.append(
                CohortStanding(
                    subject_id=entry.subject_id,
                    cohort=key,
                    size=size,
                    minimum=low_score,
                    maximum=high_score,
                    score=entry.score,
                    rank=entry.rank if ranked else None,
                    tied=entry.tied if ranked else False,
                    percentile=Fraction(below, size - 1) if ranked else None,
                    withheld=None if ranked else _withheld_reason(size, minimum_size),
                )
            )
    return CohortReport(tuple(standings), tuple(summaries), minimum_size)


def member_cohorts(
    members: Iterable[Member],
    *,
    on: dt.date,
    committee_id: str = "committee",
) -> dict[str, tuple[CohortKey, ...]]:
    """The standard cohorts of each member on ``on``.

    Every member is in the whole-committee cohort (``committee_id``), their sector, their
    participating unit and activity group where they have one, each special committee they sit
    on, and the standing members' cohort if they hold :attr:`RoleKind.STANDING_MEMBER` on ``on``.
    """
    result: dict[str, tuple[CohortKey, ...]] = {}
    for member in members:
        keys = [CohortKey(CohortKind.COMMITTEE, committee_id)]
        for kind, body in _BODY_COHORTS:
            keys.extend(CohortKey(kind, body_id) for body_id in member.body_ids(body))
        if member.holds(RoleKind.STANDING_MEMBER, on):
            keys.append(CohortKey(CohortKind.STANDING_MEMBERS, committee_id))
        result[member.id] = tuple(keys)
    return result
