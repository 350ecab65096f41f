"""A seeded generator of realistic synthetic ledgers for the benchmarks.

:func:`generate_ledger` builds one committee's year of records at any size: a roster with
sectors (界别), participating units (参加单位), activity groups (活动组) and special committees;
one plenary session and the standing-committee meetings with their roll calls; each activity
group's research, inspection, study and other activities with attendance; proposals (individual,
joint with co-signers, collective with main members) with their history (filed, not filed and
sometimes converted, merged into a filed case, key, excellent, replied …); 社情民意 items with
their issue, forwarding and adoption levels; and contributions (speeches, research reports,
文史资料, commendations …). Each member has about :data:`RECORDS_PER_MEMBER` records.

The same ``members`` and ``seed`` always give an equal ledger (no set iteration, no clock, one
:class:`random.Random`). A few records fall outside the assessed year, and some stages are
reached only after it, so a scorer must honour the period and the as-of date.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence
from typing import Any

from cppcc_model.ledger import Ledger
from cppcc_model.model import (
    Activity,
    ActivityGroup,
    ActivityKind,
    Attendance,
    AttendanceStatus,
    BodyKind,
    BodyRef,
    Committee,
    Contribution,
    ContributionKind,
    HandlingUnit,
    InfoEvent,
    InfoReport,
    InfoStep,
    Level,
    Member,
    ParticipatingUnit,
    Period,
    Proposal,
    ProposalEvent,
    ProposalStep,
    ProposerKind,
    RoleKind,
    RoleSpell,
    Sector,
    Session,
    SpecialCommittee,
    Term,
)

__all__ = ["RECORDS_PER_MEMBER", "YEAR", "generate_ledger", "period"]

RollCall = tuple[dict[str, Any], list[str], list[AttendanceStatus]]
"""One activity as generated: its fields but the roll call, the members called, their statuses."""

YEAR = 2023
"""The assessed year of every generated ledger."""

RECORDS_PER_MEMBER = 50
"""About how many records (roll-call entries, proposals, items, contributions) each member has."""

GROUP_SIZE = 30
"""Members per activity group (委员活动组)."""

GROUP_ACTIVITIES = 42
"""Activities each group holds in the year; every group member is on each roll call."""

STANDING_MEETINGS = 6
"""Standing-committee meetings (常委会议) in the year."""

_SECTORS = (
    "中国共产党",
    "中国国民党革命委员会",
    "中国民主同盟",
    "中国民主建国会",
    "中国民主促进会",
    "中国农工民主党",
    "中国致公党",
    "九三学社",
    "无党派人士",
    "中国共产主义青年团",
    "中华全国总工会",
    "中华全国妇女联合会",
    "中华全国工商业联合会",
    "科学技术界",
    "农业界",
    "经济界",
    "教育界",
    "文化艺术界",
    "医药卫生界",
    "社会科学界",
    "新闻出版界",
    "体育界",
    "少数民族界",
    "宗教界",
    "社会福利和社会保障界",
)
_UNITS = (
    ("cpc", "中国共产党", "中共", "cpc"),
    ("rcck", "中国国民党革命委员会", "民革", "democratic_party"),
    ("cdl", "中国民主同盟", "民盟", "democratic_party"),
    ("cndca", "中国民主建国会", "民建", "democratic_party"),
    ("capd", "中国民主促进会", "民进", "democratic_party"),
    ("cpwdp", "中国农工民主党", "农工党", "democratic_party"),
    ("czgd", "中国致公党", "致公党", "democratic_party"),
    ("jiusan", "九三学社", "九三学社", "democratic_party"),
    ("acfic", "中华全国工商业联合会", "工商联", "federation"),
    ("nonparty", "无党派人士", "无党派", "non_party"),
)
_UNIT_WEIGHTS = (30, 6, 8, 7, 7, 6, 4, 6, 10, 16)
_COMMITTEES = (
    ("proposals", "提案委员会"),
    ("economy", "经济委员会"),
    ("population", "人口资源环境委员会"),
    ("education", "教科卫体委员会"),
    ("society", "社会和法制委员会"),
    ("ethnic", "民族宗教委员会"),
    ("culture", "文化文史和学习委员会"),
    ("liaison", "港澳台侨和外事委员会"),
)
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷"
    "侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
_GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国红志文辉玉萍鹏飞斌宇浩凯俊峰晨阳雪梅琳丹"
)

_GROUP_KINDS: tuple[tuple[ActivityKind, int], ...] = (
    (ActivityKind.RESEARCH, 8),
    (ActivityKind.INSPECTION, 5),
    (ActivityKind.DEMOCRATIC_SUPERVISION, 3),
    (ActivityKind.SEMINAR, 5),
    (ActivityKind.STUDY, 6),
    (ActivityKind.TRAINING, 2),
    (ActivityKind.GROUP_ACTIVITY, 6),
    (ActivityKind.SPECIAL_COMMITTEE_ACTIVITY, 2),
    (ActivityKind.TOPICAL_CONSULTATION, 2),
    (ActivityKind.SECTOR_CONSULTATION, 1),
    (ActivityKind.PARTY_BRANCH_ACTIVITY, 1),
    (ActivityKind.PUBLIC_SERVICE, 2),
    (ActivityKind.OTHER, 1),
)
_CONTRIBUTION_KINDS: tuple[tuple[ContributionKind, int], ...] = (
    (ContributionKind.MEETING_SPEECH, 6),
    (ContributionKind.WRITTEN_SPEECH, 3),
    (ContributionKind.RESEARCH_REPORT, 3),
    (ContributionKind.PUBLICITY_ARTICLE, 3),
    (ContributionKind.PUBLIC_SERVICE, 3),
    (ContributionKind.CONSTITUENT_CONTACT, 4),
    (ContributionKind.CULTURAL_HISTORY, 1),
    (ContributionKind.PLENARY_SPEECH, 1),
    (ContributionKind.COMMENDATION, 1),
)
_STATUSES = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.EXCUSED,
    AttendanceStatus.UNEXCUSED,
    AttendanceStatus.LATE,
    AttendanceStatus.LEFT_EARLY,
    AttendanceStatus.PARTIAL,
)
_PLENARY_STATUS_WEIGHTS = (88, 8, 2, 1, 1, 0)
_MEETING_STATUS_WEIGHTS = (80, 12, 5, 1, 1, 1)
_GROUP_STATUS_WEIGHTS = (62, 24, 10, 2, 1, 1)
_LEVELS = (Level.COUNTY, Level.CITY, Level.PROVINCE, Level.NATIONAL)


def period() -> Period:
    """The assessed period: the calendar year :data:`YEAR`."""
    return Period.year(YEAR)


def _day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def _after(rng: random.Random, day: dt.date, low: int, high: int) -> dt.date:
    return day + dt.timedelta(days=rng.randint(low, high))


def _pick(rng: random.Random, choices: Sequence[tuple[object, int]]) -> object:
    return rng.choices([c for c, _ in choices], weights=[w for _, w in choices])[0]


class _Generator:
    """Builds one ledger; every draw comes from ``self.rng``, in a fixed order.

    Each table of records is an iterator, so that a writer can stream a large ledger without
    holding it (:mod:`benchmarks.stream`); consumed in the order of :meth:`ledger` — roster,
    activities, 社情民意 items, proposals, contributions — they draw exactly what
    :func:`generate_ledger` draws. Only the ids the later tables pick from are kept.
    """

    def __init__(self, members: int, seed: int) -> None:
        self.size = members
        self.rng = random.Random(seed)
        self.year_start = dt.date(YEAR, 1, 1)
        self.year_end = dt.date(YEAR, 12, 31)
        self.member_ids: list[str] = []
        self.groups: list[list[str]] = [[] for _ in range(max(1, round(members / GROUP_SIZE)))]
        self.by_unit: dict[str, list[str]] = {unit[0]: [] for unit in _UNITS}
        self.standing: list[str] = []
        self.committee = Committee("c", "基准测试政协", "county", "bench.synthetic")

    def label(self, text: str, field: str) -> str:
        """A reply category or rating as the office's vocabulary writes it (``b`` → ``B类``).

        A :class:`Ledger` keeps these labels whatever spelling it is given, so the proposals
        the generator gives are the ones a ledger holds, also when they are written to files
        without a ledger (:mod:`benchmarks.stream`).
        """
        vocabulary = (
            self.committee.reply_scheme if field == "reply" else self.committee.satisfaction_scale
        )
        found = vocabulary.find(text)
        assert found is not None, text
        return found.label

    def roster(self) -> Iterator[Member]:
        rng = self.rng
        groups = len(self.groups)
        unit_ids = [unit[0] for unit in _UNITS]
        width = len(str(self.size))
        for number in range(1, self.size + 1):
            member_id = f"m{number:0{width}d}"
            name = rng.choice(_SURNAMES) + "".join(rng.choices(_GIVEN, k=rng.choice((1, 2, 2))))
            unit_id = rng.choices(unit_ids, weights=_UNIT_WEIGHTS)[0]
            group = rng.randrange(groups)
            roles: list[RoleSpell] = []
            if rng.random() < 0.1:
                roles.append(RoleSpell(RoleKind.STANDING_MEMBER, dt.date(2021, 1, 10)))
                self.standing.append(member_id)
            committees = tuple(
                sorted({c[0] for c in rng.sample(_COMMITTEES, k=rng.choice((0, 1, 1, 2)))})
            )
            joined, left = dt.date(2021, 1, 10), None
            draw = rng.random()
            if draw < 0.01:
                left = dt.date(YEAR - 1, rng.randint(1, 12), 1)  # left before the year
            elif draw < 0.04:
                joined = dt.date(YEAR, rng.randint(2, 11), 1)  # joined during the year
            member = Member(
                member_id,
                name,
                f"s{rng.randrange(len(_SECTORS)) + 1:02d}",
                unit_id=unit_id,
                activity_group_id=f"g{group + 1:05d}",
                special_committee_ids=committees,
                roles=roles,
                gender=rng.choice(("male", "male", "female")),
                joined=joined,
                left=left,
            )
            self.member_ids.append(member_id)
            self.groups[group].append(member_id)
            self.by_unit[unit_id].append(member_id)
            yield member

    def roll_call(
        self, fields: dict[str, Any], member_ids: list[str], weights: Sequence[int]
    ) -> RollCall:
        statuses = self.rng.choices(_STATUSES, weights=weights, k=len(member_ids))
        return fields, member_ids, statuses

    def roll_calls(self) -> Iterator[RollCall]:
        """Each activity's fields, and its roll call as member ids and statuses."""
        rng = self.rng
        committee = BodyRef(BodyKind.COMMITTEE, "c")
        plenary = {
            "id": "a-plenary",
            "kind": ActivityKind.PLENARY,
            "title": "二届二次会议",
            "start": dt.date(YEAR, 1, 9),
            "end": dt.date(YEAR, 1, 12),
            "half_days": 7,
            "organiser": committee,
            "session_id": "2-2",
        }
        yield self.roll_call(plenary, self.member_ids, _PLENARY_STATUS_WEIGHTS)
        for number in range(1, STANDING_MEETINGS + 1):
            meeting = {
                "id": f"a-standing-{number}",
                "kind": ActivityKind.STANDING_COMMITTEE_MEETING,
                "title": f"二届常委会第{number + 4}次会议",
                "start": dt.date(YEAR, 2 * number, 20),
                "organiser": committee,
            }
            yield self.roll_call(meeting, self.standing, _MEETING_STATUS_WEIGHTS)
        for index, group in enumerate(self.groups):
            organiser = BodyRef(BodyKind.ACTIVITY_GROUP, f"g{index + 1:05d}")
            for number in range(1, GROUP_ACTIVITIES + 1):
                kind = _pick(rng, _GROUP_KINDS)
                assert isinstance(kind, ActivityKind)
                start = _day(rng, dt.date(YEAR - 1, 12, 20), self.year_end)
                fields = {
                    "id": f"a{index + 1:05d}-{number:02d}",
                    "kind": kind,
                    "title": f"{kind.label} {number}",
                    "start": start,
                    "half_days": rng.choice((1, 1, 2)),
                    "organiser": organiser,
                }
                yield self.roll_call(fields, group, _GROUP_STATUS_WEIGHTS)

    def activities(self) -> Iterator[Activity]:
        for fields, member_ids, statuses in self.roll_calls():
            attendance = [Attendance(m, s) for m, s in zip(member_ids, statuses, strict=True)]
            yield Activity(**fields, attendance=attendance)

    def proposal_history(
        self, submitted: dt.date, filed_ids: list[str], info_ids: list[str]
    ) -> tuple[ProposalEvent, ...]:
        rng = self.rng
        draw = rng.random()
        decided = _after(rng, submitted, 5, 40)
        if draw < 0.10 and filed_ids:
            return (ProposalEvent(ProposalStep.MERGED, decided, parent_id=rng.choice(filed_ids)),)
        if draw < 0.25:
            converted = None
            if rng.random() < 0.4 and info_ids:
                converted = rng.choice(info_ids)
            elif rng.random() < 0.5:
                converted = "意见建议"
            return (
                ProposalEvent(
                    ProposalStep.NOT_FILED, decided, reason="不属于提案范围", converted_to=converted
                ),
            )
        events = [ProposalEvent(ProposalStep.FILED, decided, case_number=f"{rng.randint(1, 999)}")]
        day = _after(rng, decided, 3, 20)
        unit = HandlingUnit("区发展改革委")
        events.append(ProposalEvent(ProposalStep.ASSIGNED, day, units=(unit,)))
        if rng.random() < 0.05:
            events.append(ProposalEvent(ProposalStep.KEY_DESIGNATED, day, leader="区长"))
        day = _after(rng, day, 30, 120)
        reply = self.label(rng.choice("abbc"), "reply")
        events.append(ProposalEvent(ProposalStep.REPLIED, day, reply=reply))
        day = _after(rng, day, 5, 30)
        events.append(
            ProposalEvent(
                ProposalStep.FEEDBACK,
                day,
                satisfaction=self.label(
                    rng.choice(("satisfied", "satisfied", "basically_satisfied")), "satisfaction"
                ),
                face_to_face=rng.random() < 0.6,
            )
        )
        if rng.random() < 0.03:
            day = _after(rng, day, 10, 90)
            events.append(ProposalEvent(ProposalStep.EXCELLENT, day, level=Level.COUNTY))
        return tuple(events)

    def proposals(self, info_ids: list[str]) -> Iterator[Proposal]:
        rng = self.rng
        filed: list[str] = []
        count = round(self.size * 1.2)
        everyone = self.member_ids
        for number in range(1, count + 1):
            proposal_id = f"p{number:07d}"
            submitted = (
                dt.date(YEAR, 1, rng.randint(5, 12))
                if rng.random() < 0.7
                else _day(rng, dt.date(YEAR - 1, 12, 1), self.year_end)
            )
            draw = rng.random()
            body = None
            if draw < 0.50:
                kind, member_ids = ProposerKind.INDIVIDUAL, [rng.choice(everyone)]
            elif draw < 0.90:
                group = self.groups[rng.randrange(len(self.groups))]
                signers = min(len(group), rng.choice((2, 2, 3, 3, 4, 5, 6)))
                kind = ProposerKind.JOINT if signers >= 2 else ProposerKind.INDIVIDUAL
                member_ids = rng.sample(group, k=signers) if signers >= 2 else [group[0]]
            else:
                unit_id = rng.choices([u[0] for u in _UNITS], weights=_UNIT_WEIGHTS)[0]
                pool = self.by_unit[unit_id]
                kind, body = ProposerKind.COLLECTIVE, BodyRef(BodyKind.UNIT, unit_id)
                member_ids = rng.sample(pool, k=min(len(pool), rng.choice((0, 1, 2, 3, 4, 5))))
            history = self.proposal_history(submitted, filed, info_ids)
            if history and history[0].step is ProposalStep.FILED:
                filed.append(proposal_id)
            yield Proposal(
                proposal_id,
                f"关于改进民生工作的建议 {number}",
                submitted,
                kind,
                member_ids,
                body=body,
                session_id="2-2" if submitted.month == 1 and submitted.year == YEAR else None,
                history=history,
            )

    def report_ids(self) -> list[str]:
        """The ids :meth:`reports` gives, in its order (a proposal may convert into one)."""
        return [f"r{number:07d}" for number in range(1, round(self.size * 1.5) + 1)]

    def reports(self) -> Iterator[InfoReport]:
        rng = self.rng
        everyone = self.member_ids
        for number in range(1, round(self.size * 1.5) + 1):
            submitted = _day(rng, dt.date(YEAR - 1, 12, 15), self.year_end)
            authors = rng.sample(everyone, k=min(len(everyone), rng.choice((1, 1, 1, 2, 3))))
            events: list[InfoEvent] = [InfoEvent(InfoStep.SCREENED, _after(rng, submitted, 1, 7))]
            if rng.random() < 0.45:
                day = _after(rng, events[-1].on, 3, 20)
                events.append(InfoEvent(InfoStep.ISSUED, day, issue=f"{rng.randint(1, 60)}"))
                if rng.random() < 0.35:
                    day = _after(rng, day, 2, 15)
                    level = rng.choice(_LEVELS[1:])
                    events.append(InfoEvent(InfoStep.FORWARDED, day, level=level))
                if rng.random() < 0.55:
                    day = _after(rng, day, 5, 60)
                    level = rng.choices(_LEVELS, weights=(50, 30, 15, 5))[0]
                    events.append(InfoEvent(InfoStep.ADOPTED, day, level=level))
                    if rng.random() < 0.1:
                        day = _after(rng, day, 1, 30)
                        instructed = InfoEvent(InfoStep.INSTRUCTED, day, level=level, leader="书记")
                        events.append(instructed)
            yield InfoReport(
                f"r{number:07d}", f"社情民意 {number}", submitted, authors, history=events
            )

    def contributions(self) -> Iterator[Contribution]:
        rng = self.rng
        everyone = self.member_ids
        for number in range(1, round(self.size * 2.6) + 1):
            kind = _pick(rng, _CONTRIBUTION_KINDS)
            assert isinstance(kind, ContributionKind)
            authors = rng.sample(everyone, k=min(len(everyone), rng.choice((1, 1, 1, 1, 2))))
            level = None
            length = None
            if kind is ContributionKind.COMMENDATION:
                level = rng.choices(_LEVELS, weights=(60, 25, 12, 3))[0]
            elif kind is ContributionKind.CULTURAL_HISTORY:
                length = rng.randint(800, 12_000)
            yield Contribution(
                f"k{number:07d}",
                kind,
                f"{kind.label} {number}",
                _day(rng, dt.date(YEAR - 1, 12, 1), self.year_end),
                authors,
                level=level,
                length_chars=length,
            )

    def structure(self) -> dict[str, Any]:
        """The committee, its term, session, sectors, units, committees and groups (no draws)."""
        return {
            "committee": self.committee,
            "terms": [Term(2, dt.date(2021, 1, 10))],
            "sessions": [Session(2, 2, dt.date(YEAR, 1, 9), dt.date(YEAR, 1, 12))],
            "sectors": [Sector(f"s{i + 1:02d}", name) for i, name in enumerate(_SECTORS)],
            "units": [ParticipatingUnit(u, name, short, kind) for u, name, short, kind in _UNITS],
            "special_committees": [SpecialCommittee(c, name) for c, name in _COMMITTEES],
            "activity_groups": [
                ActivityGroup(
                    f"g{index + 1:05d}",
                    f"第{index + 1}活动组",
                    "town_street",
                    paired_committee_id=_COMMITTEES[index % len(_COMMITTEES)][0],
                )
                for index in range(len(self.groups))
            ],
        }

    def ledger(self) -> Ledger:
        members = list(self.roster())
        activities = list(self.activities())
        reports = list(self.reports())
        proposals = list(self.proposals(self.report_ids()))
        contributions = list(self.contributions())
        return Ledger(
            **self.structure(),
            members=members,
            activities=activities,
            proposals=proposals,
            info_reports=reports,
            contributions=contributions,
        )


def generate_ledger(members: int, *, seed: int = 20230101) -> Ledger:
    """A synthetic ledger of ``members`` members for the year :data:`YEAR`, reproducible by seed.

    Raises:
        ValueError: when ``members`` is below 2.

    """
    if members < 2:
        raise ValueError(f"a synthetic ledger needs at least 2 members, got {members}")
    return _Generator(members, seed).ledger()
