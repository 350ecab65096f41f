"""Proposal statistics: definitions, exact figures, settings, groupings, cohorts."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cppcc_model.errors import InvalidValueError
from cppcc_model.information import INFO_COUNT_LABELS, InfoCounts
from cppcc_model.ledger import Ledger
from cppcc_model.model import (
    ActivityGroup,
    BodyRef,
    Committee,
    HandlingUnit,
    Member,
    Period,
    Proposal,
    Sector,
    Session,
    SpecialCommittee,
    standard_unit,
)
from cppcc_model.proposals import (
    BETWEEN_SESSIONS,
    NOT_RECORDED,
    PROPOSAL_COUNT_LABELS,
    RATE_DEFINITIONS,
    Attribution,
    Figure,
    Grouping,
    ProposalCounts,
    ProposalTally,
    SatisfactionBase,
    StatisticsQueryError,
    StatsSettings,
    advance,
    group_names,
    percent_text,
    proposal_statistics,
    proposal_statistics_by,
)
from cppcc_model.testing.codes import raises_code

D = dt.date


def proposal(pid: str, members: tuple[str, ...] = ("m1",), **extra: object) -> Proposal:
    kind = "individual" if len(members) == 1 else "joint"
    return Proposal(
        id=pid,
        subject="案由",
        submitted_on=D(2022, 1, 8),
        proposer_kind=extra.pop("kind", kind),  # type: ignore[arg-type]
        member_ids=members,
        session_id=extra.pop("session", "5-4"),  # type: ignore[arg-type]
        **extra,  # type: ignore[arg-type]
    )


def handled(
    p: Proposal, reply: str, rating: str | None, f2f: bool, unit: str = "区教育局"
) -> Proposal:
    p = advance(p, "filed", D(2022, 1, 20), case_number=p.id)
    p = advance(p, "assigned", D(2022, 2, 25), units=(HandlingUnit(unit),))
    p = advance(p, "replied", D(2022, 5, 10), reply=reply, face_to_face=f2f)
    if rating is not None:
        p = advance(p, "feedback", D(2022, 5, 20), satisfaction=rating)
    return p


@pytest.fixture
def proposals() -> list[Proposal]:
    case1 = handled(proposal("c1", ("m1", "m2")), "A", "满意", True)
    case2 = handled(proposal("c2", ("m3",)), "B", "基本满意", True, "区卫健局")
    case3 = handled(proposal("c3", ("m1",)), "C", "不满意", False)
    case4 = handled(proposal("c4", ("m2",)), "A", None, True)
    waiting = advance(
        advance(proposal("c5", ("m3",)), "filed", D(2022, 1, 20), case_number="5"),
        "assigned",
        D(2022, 2, 25),
        units=(HandlingUnit("区卫健局"),),
    )
    merged = advance(proposal("d1", ("m3",)), "merged", D(2022, 1, 20), parent_id="c1")
    rejected = advance(proposal("d2", ("m2",)), "not_filed", D(2022, 1, 20), reason="个人问题")
    up = advance(proposal("d3", ("m1",)), "transferred_up", D(2022, 1, 20), level="city")
    pending = proposal("d4", ("m1",), session=None)
    collective = advance(
        proposal("k1", (), kind="collective", body=BodyRef("unit", "jiusan")),
        "filed",
        D(2022, 1, 20),
        case_number="k1",
    )
    return [case1, case2, case3, case4, waiting, merged, rejected, up, pending, collective]


def test_counts_and_rates(proposals: list[Proposal]) -> None:
    stats = proposal_statistics(proposals, as_of=D(2022, 12, 31))
    c = stats.counts
    assert (c.received, c.filed, c.merged, c.not_filed, c.transferred_up, c.under_review) == (
        10,
        6,
        1,
        1,
        1,
        1,
    )
    assert c.buckets_total == c.received
    assert (c.assigned, c.replied, c.rated, c.face_to_face) == (5, 4, 3, 3)
    assert (c.reply_a, c.reply_b, c.reply_c, c.overdue) == (2, 1, 1, 1)
    assert c.collective_filed == 1
    assert c.handled_locally == 6
    assert stats.filing_rate == Figure(6, 10, "立案率", "filing_rate")
    assert stats.filing_rate.value == Fraction(3, 5)
    assert stats.reply_rate.percent() == "80.00%"
    assert stats.face_to_face_rate.value == Fraction(3, 5)
    assert stats.feedback_rate.value == Fraction(3, 4)
    assert stats.satisfaction_rate.value == Fraction(2, 3)
    assert stats.rate("collective_share").value == Fraction(1, 6)
    shares = {f"reply_share:{c}" for c in "abc"} | {
        f"satisfaction_share:{level}"
        for level in ("satisfied", "basically_satisfied", "dissatisfied")
    }
    assert set(stats.rates()) == set(RATE_DEFINITIONS) | shares
    data = stats.as_dict()
    assert data["rates"]["filing_rate"] == {  # type: ignore[index]
        "label": "立案率",
        "numerator": 6,
        "denominator": 10,
        "fraction": "3/5",
        "percent": "60.00%",
        "definition": "立案/收到提案",
    }


def test_satisfaction_denominator_is_a_setting(proposals: list[Proposal]) -> None:
    def rate(**options: object) -> Fraction | None:
        settings = StatsSettings(**options)  # type: ignore[arg-type]
        return proposal_statistics(
            proposals, as_of=D(2022, 12, 31), settings=settings
        ).satisfaction_rate.value

    assert rate() == Fraction(2, 3)
    assert rate(satisfaction_base=SatisfactionBase.REPLIED) == Fraction(2, 4)
    assert rate(satisfaction_base=SatisfactionBase.ASSIGNED) == Fraction(2, 5)
    assert rate(count_basically_satisfied=False) == Fraction(1, 3)
    assert SatisfactionBase.parse("反馈件数") is SatisfactionBase.RATED


def test_as_of_and_period_select_and_read(proposals: list[Proposal]) -> None:
    early = proposal_statistics(proposals, as_of=D(2022, 2, 1)).counts
    assert (early.filed, early.assigned, early.replied) == (6, 0, 0)
    later = proposal_statistics(proposals, period=Period(D(2022, 1, 1), D(2022, 3, 1))).counts
    assert later.assigned == 5
    assert later.replied == 0
    none = proposal_statistics(proposals, period=Period(D(2022, 2, 1), D(2022, 12, 31)))
    assert none.counts.received == 0
    assert none.filing_rate.percent() == "—"
    assert none.filing_rate.value is None
    with raises_code(StatisticsQueryError, "S305"):
        proposal_statistics(proposals)
    with raises_code(StatisticsQueryError, "S303", value="happiness"):
        none.rate("happiness")


def ledger(proposals: list[Proposal]) -> Ledger:
    return Ledger(
        committee=Committee("xz", "襄州区政协", "county", "hubei.xiangyang.xiangzhou"),
        sessions=[Session(5, 4, D(2022, 1, 5), D(2022, 1, 8))],
        sectors=[Sector("econ", "经济界"), Sector("edu", "教育界")],
        units=[standard_unit("九三学社"), standard_unit("农工党")],
        special_committees=[SpecialCommittee("tian", "提案委员会")],
        activity_groups=[
            ActivityGroup("g1", "第1活动组", "special_committee", "tian"),
            ActivityGroup("g2", "双沟镇活动组", "town_street"),
        ],
        members=[
            Member("m1", "张一", "econ", "jiusan", "g1", ("tian",)),
            Member("m2", "李二", "edu", "cpwdp", "g2"),
            Member("m3", "王三", "edu", None, "g2"),
        ],
        proposals=proposals,
    )


def test_every_count_has_a_chinese_label() -> None:
    assert set(PROPOSAL_COUNT_LABELS) == set(ProposalCounts().as_dict())
    assert set(INFO_COUNT_LABELS) == set(InfoCounts().as_dict())


def test_one_table_names_every_count_in_a_definition_and_in_a_report() -> None:
    from cppcc_model.proposals import COUNTS, CountName
    from cppcc_model.proposals.settings import COUNT_NAMES

    assert set(COUNTS) == set(ProposalCounts().as_dict())
    assert {name: count.heading for name, count in COUNTS.items()} == PROPOSAL_COUNT_LABELS
    assert list(PROPOSAL_COUNT_LABELS) == list(COUNTS)  # the order reports list them in
    assert {name: count.short for name, count in COUNTS.items()} == COUNT_NAMES
    # the two forms differ only where a report says more than a definition needs
    assert COUNTS["rated"] == CountName("反馈", "已反馈")
    assert COUNTS["replied"] == CountName("办复", "已答复")
    assert COUNTS["filed"] == CountName("立案", "立案")
    differ = {name for name, count in COUNTS.items() if count.short != count.heading}
    assert differ == {
        "individual_received",
        "joint_received",
        "collective_received",
        "assigned",
        "replied",
        "replied_on_time",
        "rated",
        "collective_filed",
    }
    # a definition reads the short names
    from cppcc_model.proposals import rate_definitions

    assert rate_definitions()["satisfaction_rate"].zh == "（满意+基本满意）/反馈"
    assert rate_definitions()["reply_rate"].zh == "办复/交办"


def test_each_group_is_named_as_a_report_heads_it() -> None:
    book = ledger([])
    assert group_names(book, Grouping.ACTIVITY_GROUP) == {"g1": "第1活动组", "g2": "双沟镇活动组"}
    assert group_names(book, Grouping.UNIT) == {"jiusan": "九三学社", "cpwdp": "农工党"}
    assert group_names(book, Grouping.SECTOR) == {"econ": "经济界", "edu": "教育界"}
    assert group_names(book, Grouping.SPECIAL_COMMITTEE) == {"tian": "提案委员会"}
    sessions = group_names(book, Grouping.SESSION)
    assert sessions[BETWEEN_SESSIONS] == "平时 (between sessions)"
    assert sessions["5-4"] == book.sessions[0].label
    proposers = group_names(book, Grouping.PROPOSER)
    assert proposers["m2"] == "李二"
    assert proposers["unit:jiusan"] == "九三学社"
    assert proposers["activity_group:g2"] == "双沟镇活动组"
    assert group_names(book, Grouping.PROPOSER_KIND)["joint"] == "联名提案"
    assert group_names(book, Grouping.LEVEL)[NOT_RECORDED] == "未记录"
    assert group_names(book, Grouping.TOPIC) == {NOT_RECORDED: "未分类"}


def test_groupings(proposals: list[Proposal]) -> None:
    book = ledger(proposals)
    day = D(2022, 12, 31)
    by_group = proposal_statistics_by(book, "活动组", as_of=day)
    assert {k: v.counts.received for k, v in by_group.items()} == {"g1": 4, "g2": 6}
    # c1 (m1 + m2) counts in both groups; with LEAD attribution only in g1 (its lead)
    lead = proposal_statistics_by(
        book,
        Grouping.ACTIVITY_GROUP,
        as_of=day,
        settings=StatsSettings(attribution=Attribution.LEAD),
    )
    assert {k: v.counts.received for k, v in lead.items()} == {"g1": 4, "g2": 5}
    by_unit = proposal_statistics_by(book, Grouping.UNIT, as_of=day)
    assert by_unit["jiusan"].counts.collective_filed == 1
    assert by_unit["jiusan"].counts.received == 5
    by_session = proposal_statistics_by(book, Grouping.SESSION, as_of=day)
    assert by_session[BETWEEN_SESSIONS].counts.received == 1
    assert by_session["5-4"].counts.received == 9
    by_handler = proposal_statistics_by(book, Grouping.HANDLING_UNIT, as_of=day)
    assert {k: v.counts.assigned for k, v in by_handler.items()} == {"区卫健局": 2, "区教育局": 3}
    by_person = proposal_statistics_by(book, Grouping.PROPOSER, as_of=day)
    assert by_person["unit:jiusan"].counts.filed == 1
    assert by_person["m1"].counts.received == 4
    assert set(proposal_statistics_by(book, Grouping.SPECIAL_COMMITTEE, as_of=day)) == {"tian"}
    assert set(proposal_statistics_by(book, Grouping.SECTOR, as_of=day)) == {"econ", "edu"}


def test_tally_equals_recomputation_in_any_order(proposals: list[Proposal]) -> None:
    book = ledger(proposals)
    day = D(2022, 12, 31)
    tally = ProposalTally(
        as_of=day, grouping=Grouping.ACTIVITY_GROUP, roster={m.id: m for m in book.members}
    )
    for p in reversed(proposals):
        tally.add(p)
    assert tally.stats() == proposal_statistics(book, as_of=day)
    assert tally.stats_by() == proposal_statistics_by(book, Grouping.ACTIVITY_GROUP, as_of=day)
    tally.remove(proposals[0])
    assert tally.stats() == proposal_statistics(proposals[1:], as_of=day)


@given(st.integers(0, 10_000), st.integers(1, 10_000), st.integers(0, 4))
def test_percent_rounds_half_up_once(top: int, bottom: int, places: int) -> None:
    from decimal import ROUND_HALF_UP, Decimal

    text = Figure(top, bottom).percent(places)
    expected = (Decimal(top) * 100 / Decimal(bottom)).quantize(
        Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP
    )
    assert text == f"{expected}%"


def test_percent_examples_and_invalid_figures() -> None:
    assert Figure(26, 29).percent() == "89.66%"
    assert Figure(1, 8).percent(1) == "12.5%"
    assert Figure(1, 8).percent(0) == "13%"  # half up, not to even
    assert percent_text(Fraction(1, 3)) == "33.33%"
    assert str(Figure(2, 3)) == "2/3 = 66.67%"
    with pytest.raises(InvalidValueError):
        Figure(-1, 3)
    with pytest.raises(InvalidValueError):
        percent_text(Fraction(1, 2), -1)
