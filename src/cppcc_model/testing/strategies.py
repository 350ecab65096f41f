"""Hypothesis strategies for every entity of the model and for whole, consistent ledgers.

Requires the ``hypothesis`` package (``pip install -e '.[test]'`` in a checkout of cppcc-model).
Each entity strategy makes valid records on its own; give it pools of ids (``member_ids=…``,
``sector_ids=…``) to make records that refer to each other. :func:`ledgers` puts them together
into ledgers whose ids are unique, whose references resolve and whose histories have dates that
never go backwards::

    from hypothesis import given
    from cppcc_model.testing import strategies as cst

    @given(cst.ledgers(max_members=5))
    def test_something(ledger): ...

The strategies are also registered for :func:`hypothesis.strategies.from_type` (through the
``hypothesis`` entry point), so ``st.from_type(Member)`` and ``st.builds(f)`` work without an
import.
"""

from __future__ import annotations

import datetime as dt
import functools
import string
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from typing import Any, TypeVar, cast

import attrs
from hypothesis import strategies as st

from cppcc_model.ledger import Ledger
from cppcc_model.model import (
    STANDARD_UNITS,
    Activity,
    ActivityGroup,
    ActivityKind,
    Attendance,
    AttendanceStatus,
    AwardRecord,
    AwardStage,
    BodyKind,
    BodyRef,
    Committee,
    Contribution,
    ContributionKind,
    Gender,
    GroupKind,
    HandlingRole,
    HandlingUnit,
    InfoEvent,
    InfoReport,
    InfoStep,
    Input,
    Level,
    Member,
    ParticipatingUnit,
    ParticipationRole,
    Period,
    Proposal,
    ProposalEvent,
    ProposalStep,
    ProposerKind,
    ReplyCategory,
    RoleKind,
    RoleSpell,
    Satisfaction,
    Sector,
    Session,
    SpecialCommittee,
    Term,
    UnitKind,
    WorkCategory,
    WorkItem,
    WorkItemStatus,
    WorkPlan,
)

__all__ = [
    "EARLIEST",
    "LATEST",
    "activities",
    "activity_groups",
    "attendances",
    "award_records",
    "body_refs",
    "committees",
    "contributions",
    "dates",
    "exact_values",
    "handling_units",
    "identifiers",
    "info_events",
    "info_histories",
    "info_reports",
    "inputs",
    "ledgers",
    "members",
    "participating_units",
    "periods",
    "proposal_histories",
    "proposals",
    "role_spells",
    "sectors",
    "sessions",
    "special_committees",
    "terms",
    "texts",
    "work_items",
    "work_plans",
]

T = TypeVar("T")

EARLIEST = dt.date(2000, 1, 1)
"""The earliest date the strategies make."""

LATEST = dt.date(2035, 12, 31)
"""The latest start date the strategies make (histories may run a couple of years beyond)."""

_ID_ALPHABET = string.ascii_letters + string.digits + "-_.:/" + "委员组提案界别甲乙丙"
_NAME_CHARACTERS = (
    "张王李赵刘陈杨黄吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程"
    "区县市省政协委员会提案界别活动组社情民意调研视察协商养老教育医疗乡村振兴营商环境"
    "關於加強議員會區縣與為"  # traditional characters
    + string.ascii_letters
    + string.digits
    + "·、，。（）()《》—-_.:/&'\"<>\\#%+"
    + "éßñØ€𠀀😀\u200b"  # beyond the BMP, accents, a zero-width space (control characters
    # are refused by every text field: cppcc_model.io.safe_text.text_problem)
)

Pool = Sequence[str] | None
"""A pool of ids to refer to: ``None`` for arbitrary ids, a sequence to pick from."""


F = TypeVar("F", bound=Callable[..., Any])


def _cached(function: F) -> F:
    """Reuse strategies: they are immutable, and building and validating them is what costs."""
    return cast(F, functools.lru_cache(maxsize=2048)(function))


@_cached
def dates(min_value: dt.date = EARLIEST, max_value: dt.date = LATEST) -> st.SearchStrategy[dt.date]:
    """Dates between ``min_value`` and ``max_value``."""
    return st.dates(min_value=min_value, max_value=max_value)


@_cached
def identifiers() -> st.SearchStrategy[str]:
    """Record ids: short, non-empty, no white space (ASCII letters, digits, some Chinese)."""
    return st.text(alphabet=_ID_ALPHABET, min_size=1, max_size=8)


@_cached
def texts(max_size: int = 16) -> st.SearchStrategy[str]:
    """Names and titles: non-empty text without surrounding white space, often Chinese.

    Besides Chinese (simplified and traditional) they hold ASCII, quotes and backslashes,
    characters beyond the BMP and a zero-width space, so serialisers meet what clerks type.
    """
    word = st.text(alphabet=_NAME_CHARACTERS, min_size=1, max_size=max_size)
    two_words = st.tuples(
        st.text(alphabet=_NAME_CHARACTERS, min_size=1, max_size=max(1, max_size // 2)), word
    ).map(" ".join)
    return word | two_words


@_cached
def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


@_cached
def _sampled(values: Any) -> st.SearchStrategy[Any]:
    return st.sampled_from(values)


@_cached
def _ints(low: int, high: int) -> st.SearchStrategy[int]:
    return st.integers(low, high)


def _tuple(pool: Pool) -> tuple[str, ...] | None:
    return None if pool is None else tuple(pool)


def _pick(pool: Pool) -> st.SearchStrategy[str]:
    """An id from ``pool`` (or any id when the pool is ``None``); the pool must not be empty."""
    return identifiers() if pool is None else _sampled(tuple(pool))


def _optional_pick(pool: Pool) -> st.SearchStrategy[str | None]:
    if pool is not None and not pool:
        return st.none()
    return _optional(_pick(pool))


def _subset(pool: Pool, max_size: int = 3) -> st.SearchStrategy[tuple[str, ...]]:
    return _cached_subset(_tuple(pool), max_size)


@_cached
def _cached_subset(
    pool: tuple[str, ...] | None, max_size: int
) -> st.SearchStrategy[tuple[str, ...]]:
    if pool is not None and not pool:
        return st.just(())
    return st.lists(_pick(pool), unique=True, max_size=max_size).map(tuple)


def _record_id(record_id: str | None) -> st.SearchStrategy[str]:
    return identifiers() if record_id is None else st.just(record_id)


def _after(draw: st.DrawFn, start: dt.date, max_days: int) -> dt.date:
    """A date from ``start`` to ``max_days`` days after it."""
    return start + dt.timedelta(days=draw(_ints(0, max_days)))


def _maybe_after(draw: st.DrawFn, start: dt.date, max_days: int) -> dt.date | None:
    """``None`` or a date from ``start`` to ``max_days`` days after it."""
    return _after(draw, start, max_days) if draw(st.booleans()) else None


@_cached
def _gaps(count: int, max_gap: int) -> st.SearchStrategy[list[int]]:
    return st.lists(_ints(0, max_gap), min_size=count, max_size=count)


def _days_after(draw: st.DrawFn, start: dt.date, count: int, max_gap: int = 60) -> list[dt.date]:
    """``count`` dates from ``start`` on, never going backwards."""
    days, total = [], 0
    for gap in draw(_gaps(count, max_gap)):
        total += gap
        days.append(start + dt.timedelta(days=total))
    return days


# ---------------------------------------------------------------------- organisations


def committees(*, record_id: str | None = None) -> st.SearchStrategy[Committee]:
    """CPPCC committees at any level."""
    return st.builds(
        Committee,
        id=_record_id(record_id),
        name=texts(),
        level=_sampled(Level),
        jurisdiction=identifiers(),
        parent_jurisdiction=_optional(identifiers()),
    )


def sectors(*, record_id: str | None = None) -> st.SearchStrategy[Sector]:
    """Sectors (界别)."""
    return st.builds(Sector, id=_record_id(record_id), name=texts())


def participating_units(*, record_id: str | None = None) -> st.SearchStrategy[ParticipatingUnit]:
    """Participating units: a standard one (中共, 九三学社 …) or an invented one."""
    invented = st.builds(
        ParticipatingUnit,
        id=_record_id(record_id),
        name=texts(),
        short_name=texts(6),
        kind=_sampled(UnitKind),
    )
    if record_id is not None:
        return invented
    return _sampled(STANDARD_UNITS) | invented


def special_committees(*, record_id: str | None = None) -> st.SearchStrategy[SpecialCommittee]:
    """Special committees (专门委员会)."""
    return st.builds(
        SpecialCommittee, id=_record_id(record_id), name=texts(), short_name=_optional(texts(6))
    )


def activity_groups(
    *, record_id: str | None = None, committee_ids: Pool = None
) -> st.SearchStrategy[ActivityGroup]:
    """Activity groups (委员活动组), paired with a special committee from ``committee_ids``."""
    return st.builds(
        ActivityGroup,
        id=_record_id(record_id),
        name=texts(),
        kind=_sampled(GroupKind),
        paired_committee_id=_optional_pick(committee_ids),
        party_branch=_optional(texts()),
    )


def body_refs(bodies: Mapping[BodyKind, Sequence[str]] | None = None) -> st.SearchStrategy[BodyRef]:
    """References to bodies: internal ones from ``bodies`` (by kind), offices, outside bodies.

    With ``bodies`` ``None`` any kind and any id is made; otherwise internal references name
    only the ids listed for their kind.
    """
    frozen = None if bodies is None else tuple((kind, tuple(ids)) for kind, ids in bodies.items())
    return _body_refs(frozen)


@_cached
def _body_refs(
    bodies: tuple[tuple[BodyKind, tuple[str, ...]], ...] | None,
) -> st.SearchStrategy[BodyRef]:
    free = st.builds(BodyRef, kind=_sampled((BodyKind.OFFICE, BodyKind.EXTERNAL)), id=texts(10))
    if bodies is None:
        return st.builds(BodyRef, kind=_sampled(BodyKind), id=identifiers()) | free
    internal = [
        st.builds(BodyRef, kind=st.just(kind), id=_sampled(tuple(ids)))
        for kind, ids in bodies
        if ids and kind not in (BodyKind.OFFICE, BodyKind.EXTERNAL)
    ]
    return st.one_of(*internal, free)


# ---------------------------------------------------------------------- people


@st.composite
def role_spells(draw: st.DrawFn, *, body_ids: Pool = None) -> RoleSpell:
    """Dated roles; ``body_ids`` are the special committees and groups a role may belong to."""
    start = draw(dates())
    return RoleSpell(
        role=draw(_sampled(RoleKind)),
        start=start,
        end=_maybe_after(draw, start, 800),
        body_id=draw(_optional_pick(body_ids)),
    )


@st.composite
def members(
    draw: st.DrawFn,
    *,
    record_id: str | None = None,
    sector_ids: Pool = None,
    unit_ids: Pool = None,
    group_ids: Pool = None,
    committee_ids: Pool = None,
) -> Member:
    """Members with dated roles, referring to the sectors, units, groups and committees given."""
    joined = draw(_optional(dates()))
    body_pool: Pool = None
    if committee_ids is not None or group_ids is not None:
        body_pool = [*(committee_ids or ()), *(group_ids or ())]
    return Member(
        id=draw(_record_id(record_id)),
        name=draw(texts(8)),
        sector_id=draw(_pick(sector_ids)),
        unit_id=draw(_optional_pick(unit_ids)),
        activity_group_id=draw(_optional_pick(group_ids)),
        special_committee_ids=draw(_subset(committee_ids)),
        roles=tuple(draw(st.lists(role_spells(body_ids=body_pool), max_size=3))),
        gender=draw(_optional(_sampled(Gender))),
        joined=joined,
        left=_maybe_after(draw, joined or EARLIEST, 3000),
        workplace=draw(_optional(texts(16))),
        tags=tuple(draw(st.lists(st.sampled_from(ROLE_TAGS), max_size=2, unique=True))),
    )


ROLE_TAGS = ("驻会常委", "召集人", "联络员", "特邀监督员")
"""The free role tags the strategies draw from."""


# ---------------------------------------------------------------------- time


@st.composite
def terms(draw: st.DrawFn, *, number: int | None = None) -> Term:
    """Terms (届)."""
    start = draw(dates())
    return Term(
        number=number if number is not None else draw(_ints(1, 20)),
        start=start,
        end=_maybe_after(draw, start, 5 * 366),
    )


@st.composite
def sessions(draw: st.DrawFn, *, term: int | None = None, number: int | None = None) -> Session:
    """Sessions (次会议) of a term."""
    start = draw(dates())
    return Session(
        term=term if term is not None else draw(_ints(1, 20)),
        number=number if number is not None else draw(_ints(1, 6)),
        start=start,
        end=_after(draw, start, 7),
    )


@st.composite
def periods(draw: st.DrawFn, *, max_days: int = 2 * 366) -> Period:
    """Inclusive periods of at most ``max_days`` + 1 days."""
    start = draw(dates())
    return Period(start, _after(draw, start, max_days))


# ---------------------------------------------------------------------- activities


def attendances(
    *, member_ids: Pool = None, max_half_days: int = 4
) -> st.SearchStrategy[Attendance]:
    """Roll-call entries; ``half_days`` never exceeds ``max_half_days``."""
    return st.builds(
        Attendance,
        member_id=_pick(member_ids),
        status=_sampled(AttendanceStatus),
        role=_sampled(ParticipationRole),
        half_days=_optional(_ints(0, max_half_days)),
    )


@st.composite
def activities(
    draw: st.DrawFn,
    *,
    record_id: str | None = None,
    member_ids: Pool = None,
    session_ids: Pool = None,
    bodies: Mapping[BodyKind, Sequence[str]] | None = None,
    max_attendance: int = 6,
) -> Activity:
    """Activities with a roll call of distinct members from ``member_ids``."""
    start = draw(dates())
    half_days = draw(_ints(1, 6))
    roll: list[Attendance] = []
    if member_ids is None or member_ids:
        entries = st.lists(
            attendances(member_ids=member_ids, max_half_days=half_days),
            max_size=max_attendance,
            unique_by=lambda entry: entry.member_id,
        )
        roll = draw(entries)
    return Activity(
        id=draw(_record_id(record_id)),
        kind=draw(_sampled(ActivityKind)),
        title=draw(texts()),
        start=start,
        end=_maybe_after(draw, start, 10),
        half_days=half_days,
        organiser=draw(_optional(body_refs(bodies))),
        session_id=draw(_optional_pick(session_ids)),
        attendance=tuple(roll),
    )


# ---------------------------------------------------------------------- proposals


def handling_units() -> st.SearchStrategy[HandlingUnit]:
    """Handling units (承办单位) with their part."""
    return st.builds(HandlingUnit, name=texts(10), role=_sampled(HandlingRole))


_FILED_PATH = (
    ProposalStep.FILED,
    ProposalStep.ASSIGNED,
    ProposalStep.IN_PROGRESS,
    ProposalStep.REPLIED,
    ProposalStep.FEEDBACK,
    ProposalStep.CLOSED,
    ProposalStep.TRACKED,
)
_EXTRAS_AFTER_FILING = (
    ProposalStep.KEY_DESIGNATED,
    ProposalStep.SUPERVISED,
    ProposalStep.REASSIGNMENT_REQUESTED,
    ProposalStep.EXTENDED,
)
_EXTRAS_AFTER_REPLY = (ProposalStep.EXCELLENT, ProposalStep.ADOPTED, ProposalStep.INSTRUCTED)


def _event(draw: st.DrawFn, step: ProposalStep, on: dt.date, parent_ids: Pool) -> ProposalEvent:
    """A proposal event of ``step`` carrying what that step records."""
    fields: dict[str, Any] = {}
    if step is ProposalStep.FILED:
        fields["case_number"] = draw(_optional(_ints(1, 999).map(str)))
    elif step is ProposalStep.MERGED:
        fields["parent_id"] = draw(_pick(parent_ids))
    elif step in (ProposalStep.NOT_FILED, ProposalStep.RETURNED, ProposalStep.WITHDRAWN):
        fields["reason"] = draw(_optional(texts()))
        if step is ProposalStep.NOT_FILED:
            fields["converted_to"] = draw(_optional(st.just("意见建议") | identifiers()))
    elif step in (ProposalStep.ASSIGNED, ProposalStep.REASSIGNED):
        fields["units"] = tuple(draw(st.lists(handling_units(), min_size=1, max_size=3)))
    elif step is ProposalStep.REPLIED:
        fields["reply"] = draw(_sampled(ReplyCategory))
    elif step is ProposalStep.FEEDBACK:
        fields["satisfaction"] = draw(_sampled(Satisfaction))
        fields["face_to_face"] = draw(_optional(st.booleans()))
    if step in (ProposalStep.KEY_DESIGNATED, ProposalStep.SUPERVISED, ProposalStep.INSTRUCTED):
        fields["leader"] = draw(_optional(texts(6)))
    if step in (
        ProposalStep.EXCELLENT,
        ProposalStep.ADOPTED,
        ProposalStep.INSTRUCTED,
        ProposalStep.TRANSFERRED_UP,
    ):
        fields["level"] = draw(_optional(_sampled(Level)))
    fields["note"] = draw(_optional(texts()))
    return ProposalEvent(step=step, on=on, **fields)


@st.composite
def proposal_histories(
    draw: st.DrawFn, *, submitted_on: dt.date, parent_ids: Pool = None
) -> tuple[ProposalEvent, ...]:
    """A plausible history from submission on: filed and handled, or stopped on the way.

    Dates never go backwards. A merge (并案) names a proposal from ``parent_ids``; with an empty
    pool no history is merged.
    """
    endings: list[ProposalStep | None] = [
        None,
        ProposalStep.WITHDRAWN,
        ProposalStep.NOT_FILED,
        ProposalStep.TRANSFERRED_UP,
    ]
    if parent_ids is None or parent_ids:
        endings.append(ProposalStep.MERGED)
    steps = [ProposalStep.SUBMITTED]
    if draw(st.booleans()):
        steps += [ProposalStep.RETURNED, ProposalStep.SUBMITTED]
    ending = draw(_sampled(tuple(endings)))
    if ending is not None:
        steps.append(ending)
    else:
        reached = draw(_ints(0, len(_FILED_PATH)))
        path = list(_FILED_PATH[:reached])
        for extra in draw(st.lists(_sampled(_EXTRAS_AFTER_FILING), max_size=2)):
            if ProposalStep.ASSIGNED in path:
                place = path.index(ProposalStep.ASSIGNED) + 1
                step_pair = (
                    [extra, ProposalStep.REASSIGNED]
                    if extra is ProposalStep.REASSIGNMENT_REQUESTED
                    else [extra]
                )
                path[place:place] = step_pair
        if ProposalStep.REPLIED in path:
            path += draw(st.lists(_sampled(_EXTRAS_AFTER_REPLY), max_size=2, unique=True))
        steps += path
    days = _days_after(draw, submitted_on, len(steps))
    return tuple(_event(draw, step, on, parent_ids) for step, on in zip(steps, days, strict=True))


@st.composite
def proposals(
    draw: st.DrawFn,
    *,
    record_id: str | None = None,
    member_ids: Pool = None,
    session_ids: Pool = None,
    bodies: Mapping[BodyKind, Sequence[str]] | None = None,
    parent_ids: Pool = None,
) -> Proposal:
    """Proposals of every kind of proposer, with a plausible dated history.

    Individual proposals need one member and joint ones two distinct members from
    ``member_ids``; with too small a pool the proposal is collective.
    """
    kinds = [ProposerKind.COLLECTIVE]
    pool_size = None if member_ids is None else len(set(member_ids))
    if pool_size is None or pool_size >= 1:
        kinds.append(ProposerKind.INDIVIDUAL)
    if pool_size is None or pool_size >= 2:
        kinds.append(ProposerKind.JOINT)
    kind = draw(_sampled(tuple(kinds)))
    body: BodyRef | None = None
    if kind is ProposerKind.INDIVIDUAL:
        proposers: tuple[str, ...] = (draw(_pick(member_ids)),)
    elif kind is ProposerKind.JOINT:
        proposers = tuple(draw(st.lists(_pick(member_ids), min_size=2, max_size=5, unique=True)))
    else:
        proposers = draw(_subset(member_ids))
        body = draw(body_refs(bodies))
    submitted_on = draw(dates())
    return Proposal(
        id=draw(_record_id(record_id)),
        subject=draw(texts(24)),
        submitted_on=submitted_on,
        proposer_kind=kind,
        member_ids=proposers,
        body=body,
        session_id=draw(_optional_pick(session_ids)),
        topic=draw(_optional(texts(6))),
        history=draw(proposal_histories(submitted_on=submitted_on, parent_ids=parent_ids)),
    )


# ---------------------------------------------------------------------- 社情民意


@_cached
def _issue_numbers() -> st.SearchStrategy[str]:
    return _ints(1, 300).map(lambda number: f"第{number}期")


def _info_event(
    draw: st.DrawFn, step: InfoStep | None, on: dt.date | None, report_ids: Pool
) -> InfoEvent:
    chosen = step if step is not None else draw(_sampled(InfoStep))
    needs_level = chosen in (InfoStep.FORWARDED, InfoStep.ADOPTED, InfoStep.INSTRUCTED)
    level_strategy = _sampled(Level)
    issued = chosen is InfoStep.ISSUED
    return InfoEvent(
        step=chosen,
        on=on if on is not None else draw(dates()),
        level=draw(level_strategy if needs_level else _optional(level_strategy)),
        leader=draw(_optional(texts(6))) if chosen is InfoStep.INSTRUCTED else None,
        issue=draw(_optional(_issue_numbers())) if issued else None,
        combined_with=draw(_subset(report_ids, 2)) if issued else (),
        note=draw(_optional(texts())),
    )


@st.composite
def info_events(
    draw: st.DrawFn,
    *,
    step: InfoStep | None = None,
    on: dt.date | None = None,
    report_ids: Pool = None,
) -> InfoEvent:
    """Single 社情民意 events carrying what their step needs (a level where one is needed)."""
    return _info_event(draw, step, on, report_ids)


@st.composite
def info_histories(
    draw: st.DrawFn, *, submitted_on: dt.date, report_ids: Pool = None
) -> tuple[InfoEvent, ...]:
    """A plausible history: submitted, screened, then returned, or issued and beyond."""
    path = [InfoStep.SUBMITTED, InfoStep.SCREENED]
    if draw(st.booleans()):
        path.append(InfoStep.RETURNED)
    else:
        path += [InfoStep.ISSUED, InfoStep.FORWARDED, InfoStep.ADOPTED, InfoStep.INSTRUCTED]
    steps = path[: draw(_ints(0, len(path)))]
    days = _days_after(draw, submitted_on, len(steps), 30)
    return tuple(
        _info_event(draw, step, on, report_ids) for step, on in zip(steps, days, strict=True)
    )


@st.composite
def info_reports(
    draw: st.DrawFn,
    *,
    record_id: str | None = None,
    member_ids: Pool = None,
    bodies: Mapping[BodyKind, Sequence[str]] | None = None,
    report_ids: Pool = None,
) -> InfoReport:
    """社情民意 items by members from ``member_ids`` or by a body, with a dated history."""
    authors = draw(_subset(member_ids, 4))
    body = draw(body_refs(bodies)) if not authors else draw(_optional(body_refs(bodies)))
    submitted_on = draw(dates())
    return InfoReport(
        id=draw(_record_id(record_id)),
        title=draw(texts(24)),
        submitted_on=submitted_on,
        author_ids=authors,
        body=body,
        history=draw(info_histories(submitted_on=submitted_on, report_ids=report_ids)),
    )


# ---------------------------------------------------------------------- contributions, plans


@st.composite
def contributions(
    draw: st.DrawFn,
    *,
    record_id: str | None = None,
    member_ids: Pool = None,
    bodies: Mapping[BodyKind, Sequence[str]] | None = None,
) -> Contribution:
    """Contributions (调研报告, 文史资料, 发言 …) by members from ``member_ids`` or by a body."""
    authors = draw(_subset(member_ids, 4))
    body = draw(body_refs(bodies)) if not authors else draw(_optional(body_refs(bodies)))
    return Contribution(
        id=draw(_record_id(record_id)),
        kind=draw(_sampled(ContributionKind)),
        title=draw(texts(24)),
        on=draw(dates()),
        author_ids=authors,
        body=body,
        level=draw(_optional(_sampled(Level))),
        length_chars=draw(_optional(_ints(1, 100_000))),
        note=draw(_optional(texts())),
        amount=draw(_optional(exact_values())),
        reported_on=draw(_optional(dates())),
    )


def exact_values() -> st.SearchStrategy[Fraction]:
    """Exact figures as people write them: whole, decimal (8.5, 0.25) or a fraction (1/3)."""
    return st.one_of(
        st.integers(-100, 100).map(Fraction),
        st.builds(Fraction, st.integers(-10_000, 10_000), st.sampled_from([2, 4, 5, 10, 100])),
        st.builds(Fraction, st.integers(-100, 100), st.integers(1, 12)),
    )


INPUT_KEYS = ("employer_rating", "platform_score", "discipline", "单位评价")
"""The input keys the strategies draw from."""


@st.composite
def inputs(draw: st.DrawFn, *, member_ids: Pool = None) -> Input:
    """Inputs (评分录入) for a member of ``member_ids``: a year, a half or a quarter."""
    year = draw(_ints(EARLIEST.year, LATEST.year))
    period = draw(
        st.sampled_from([Period.year(year), Period.half(year, 2), Period.quarter(year, 1)])
    )
    return Input(
        subject_id=draw(_pick(member_ids)),
        period=period,
        key=draw(st.sampled_from(INPUT_KEYS)),
        value=draw(exact_values()),
        note=draw(_optional(texts())),
        source=draw(_optional(texts())),
    )


def work_items(*, number: int | None = None) -> st.SearchStrategy[WorkItem]:
    """Work-plan items with lead bodies."""
    return st.builds(
        WorkItem,
        number=st.just(number) if number is not None else _ints(1, 60),
        category=_sampled(WorkCategory),
        title=texts(24),
        lead_bodies=st.lists(texts(8), max_size=3, unique=True).map(tuple),
        status=_sampled(WorkItemStatus),
    )


@st.composite
def work_plans(draw: st.DrawFn, *, record_id: str | None = None, max_items: int = 6) -> WorkPlan:
    """Work plans with distinctly numbered items."""
    numbers = draw(st.lists(_ints(1, 60), unique=True, max_size=max_items))
    return WorkPlan(
        id=draw(_record_id(record_id)),
        year=draw(_ints(2000, 2035)),
        title=draw(texts(24)),
        items=tuple(draw(work_items(number=number)) for number in numbers),
    )


@st.composite
def award_records(
    draw: st.DrawFn, *, record_id: str | None = None, subject_ids: Pool = None
) -> AwardRecord:
    """Steps of awards' reviews, about the subjects given."""
    return AwardRecord(
        id=draw(_record_id(record_id)),
        award_id=draw(identifiers()),
        subject_id=draw(_pick(subject_ids)),
        year=draw(_ints(2000, 2035)),
        stage=draw(_sampled(AwardStage)),
        on=draw(_optional(dates())),
        by=draw(_optional(texts(8))),
        note=draw(_optional(texts(12))),
    )


# ---------------------------------------------------------------------- ledgers


def _unique_ids(draw: st.DrawFn, min_size: int, max_size: int) -> list[str]:
    return draw(st.lists(identifiers(), unique=True, min_size=min_size, max_size=max_size))


_Record = TypeVar(
    "_Record",
    Sector,
    SpecialCommittee,
    ActivityGroup,
    Member,
    Activity,
    Proposal,
    InfoReport,
    Contribution,
    WorkPlan,
    AwardRecord,
)


def _each(
    draw: st.DrawFn, ids: Sequence[str], strategy: st.SearchStrategy[_Record]
) -> tuple[_Record, ...]:
    """One record per id: drawn from one strategy (cheap), then given its id."""
    return tuple(attrs.evolve(draw(strategy), id=record_id) for record_id in ids)


def _not_merged_into_itself(proposal: Proposal, ids: Sequence[str]) -> Proposal:
    if not any(event.parent_id == proposal.id for event in proposal.history):
        return proposal
    other = next(record_id for record_id in ids if record_id != proposal.id)
    history = tuple(
        attrs.evolve(event, parent_id=other) if event.parent_id == proposal.id else event
        for event in proposal.history
    )
    return attrs.evolve(proposal, history=history)


def _not_combined_with_itself(report: InfoReport) -> InfoReport:
    history = tuple(
        attrs.evolve(event, combined_with=tuple(o for o in event.combined_with if o != report.id))
        for event in report.history
    )
    return attrs.evolve(report, history=history)


def _covering_terms(draw: st.DrawFn, span: Period) -> tuple[Term, ...]:
    """Consecutive five-year terms, the first starting up to five years before ``span``."""
    start = span.start - dt.timedelta(days=draw(_ints(0, 5 * 365)))
    found: list[Term] = []
    while not found or found[-1].end is None or found[-1].end < span.end:
        end = dt.date(start.year + 5, start.month, 1) - dt.timedelta(days=1)
        found.append(Term(number=len(found) + 1, start=start, end=end))
        start = end + dt.timedelta(days=1)
    return tuple(found)


@st.composite
def ledgers(
    draw: st.DrawFn,
    *,
    min_members: int = 0,
    max_members: int = 8,
    max_records: int = 10,
    term_span: Period | None = None,
) -> Ledger:
    """Whole ledgers: unique ids, references that resolve, histories that move forward.

    ``min_members``/``max_members`` bound the roster; ``max_records`` bounds each kind of record
    (activities, proposals, 社情民意 items, contributions). With ``term_span`` the ledger's terms
    (届) are consecutive five-year terms that cover the span, as a rule set with term windows
    (``window="term"``) needs; without it, zero to two terms are drawn at random.
    """
    committee = draw(committees())
    if term_span is None:
        term_numbers = draw(st.lists(_ints(1, 20), unique=True, max_size=2))
        term_list = tuple(draw(terms(number=number)) for number in term_numbers)
    else:
        term_list = _covering_terms(draw, term_span)
    session_keys = draw(st.lists(st.tuples(_ints(1, 20), _ints(1, 6)), unique=True, max_size=3))
    session_list = tuple(draw(sessions(term=t, number=n)) for t, n in session_keys)
    session_ids = tuple(session.id for session in session_list)

    sector_ids = tuple(_unique_ids(draw, 1 if max_members > 0 else 0, 4))
    unit_list = draw(st.lists(participating_units(), unique_by=lambda unit: unit.id, max_size=4))
    unit_ids = tuple(unit.id for unit in unit_list)
    committee_ids = tuple(_unique_ids(draw, 0, 3))
    group_ids = tuple(_unique_ids(draw, 0, 3))
    member_ids = tuple(_unique_ids(draw, min_members, max_members))
    bodies = {
        BodyKind.COMMITTEE: (committee.id,),
        BodyKind.UNIT: unit_ids,
        BodyKind.SPECIAL_COMMITTEE: committee_ids,
        BodyKind.ACTIVITY_GROUP: group_ids,
        BodyKind.SECTOR: sector_ids,
    }
    proposal_ids = _unique_ids(draw, 0, max_records)
    report_ids = _unique_ids(draw, 0, max_records)
    parents = proposal_ids if len(proposal_ids) > 1 else []
    proposal_strategy = proposals(
        member_ids=member_ids, session_ids=session_ids, bodies=bodies, parent_ids=parents
    )
    report_strategy = info_reports(member_ids=member_ids, bodies=bodies, report_ids=report_ids)
    return Ledger(
        committee=committee,
        terms=term_list,
        sessions=session_list,
        sectors=_each(draw, sector_ids, sectors()),
        units=tuple(unit_list),
        special_committees=_each(draw, committee_ids, special_committees()),
        activity_groups=_each(draw, group_ids, activity_groups(committee_ids=committee_ids)),
        members=_each(
            draw,
            member_ids,
            members(
                sector_ids=sector_ids,
                unit_ids=unit_ids,
                group_ids=group_ids,
                committee_ids=committee_ids,
            ),
        ),
        activities=_each(
            draw,
            _unique_ids(draw, 0, max_records),
            activities(member_ids=member_ids, session_ids=session_ids, bodies=bodies),
        ),
        proposals=tuple(
            _not_merged_into_itself(proposal, proposal_ids)
            for proposal in _each(draw, proposal_ids, proposal_strategy)
        ),
        info_reports=tuple(
            _not_combined_with_itself(report) for report in _each(draw, report_ids, report_strategy)
        ),
        contributions=_each(
            draw,
            _unique_ids(draw, 0, max_records),
            contributions(member_ids=member_ids, bodies=bodies),
        ),
        work_plans=_each(draw, _unique_ids(draw, 0, 2), work_plans()),
        award_records=_each(draw, _unique_ids(draw, 0, 3), award_records(subject_ids=member_ids))
        if member_ids
        else (),
        inputs=_unique_inputs(
            draw(st.lists(inputs(member_ids=member_ids), max_size=max_records))
            if member_ids
            else []
        ),
    )


def _unique_inputs(drawn: Sequence[Input]) -> tuple[Input, ...]:
    """One input per member, key and period (the ledger refuses a second)."""
    seen: set[tuple[object, ...]] = set()
    kept = []
    for given in drawn:
        key = (given.subject_id, given.key, given.period)
        if key not in seen:
            seen.add(key)
            kept.append(given)
    return tuple(kept)
