"""The 社情民意 pipeline and its statistics."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cppcc_model.information import (
    INFO_TRANSITIONS,
    InfoState,
    InfoTally,
    advance_info,
    info_statistics,
    info_statistics_by,
    issues_published,
    replay_info,
)
from cppcc_model.ledger import Ledger
from cppcc_model.model import (
    ActivityGroup,
    BodyRef,
    Committee,
    InfoEvent,
    InfoReport,
    InfoStep,
    Level,
    Member,
    Period,
    Sector,
    standard_unit,
)
from cppcc_model.proposals import (
    DateOrderError,
    Grouping,
    IllegalTransitionError,
    InvalidStepError,
    LifecycleError,
    StatisticsQueryError,
)
from cppcc_model.testing.codes import raises_code

D = dt.date


def item(iid: str = "i1", authors: tuple[str, ...] = ("m1",), **extra: object) -> InfoReport:
    return InfoReport(
        id=iid,
        title="关于河道采砂的社情民意",
        submitted_on=D(2022, 3, 1),
        author_ids=authors,
        **extra,  # type: ignore[arg-type]
    )


def test_pipeline_collects_outcomes_by_level() -> None:
    r = advance_info(item(), "submitted", D(2022, 3, 1))
    r = advance_info(r, "screened", D(2022, 3, 3))
    r = advance_info(r, "issued", D(2022, 3, 8), issue="2022年第3期")
    r = advance_info(r, "adopted", D(2022, 4, 1), level="市")
    r = advance_info(r, "forwarded", D(2022, 4, 20), level="全国")
    r = advance_info(r, "instructed", D(2022, 5, 1), level="省", leader="副省长")
    status = replay_info(r)
    assert status.state is InfoState.ISSUED
    assert status.issue == "2022年第3期"
    assert status.adopted == (Level.CITY,)
    assert status.forwarded == (Level.NATIONAL,)
    assert status.instructions == ((Level.PROVINCE, "副省长"),)
    assert status.taken_up_by(Level.CITY)
    assert status.taken_up_by(Level.PROVINCE)
    assert not status.taken_up_by(Level.NATIONAL)
    assert replay_info(r, D(2022, 3, 31)).adopted == ()


def test_illegal_and_backward_steps_are_refused() -> None:
    r = item()
    with pytest.raises(IllegalTransitionError) as caught:
        advance_info(r, "adopted", D(2022, 3, 5), level="city")
    assert (caught.value.record_id, caught.value.state, caught.value.step) == (
        "i1",
        "submitted",
        "adopted",
    )
    issued = advance_info(r, "issued", D(2022, 3, 8))
    with pytest.raises(DateOrderError):
        advance_info(issued, "adopted", D(2022, 3, 7), level="city")
    with pytest.raises(IllegalTransitionError):
        advance_info(issued, "issued", D(2022, 3, 9))
    with pytest.raises(InvalidStepError):
        advance_info(r, "submitted", D(2022, 3, 2))
    returned = advance_info(r, "returned", D(2022, 3, 2))
    again = advance_info(returned, "submitted", D(2022, 3, 4))
    assert replay_info(again).returns == 1
    assert replay_info(again).state is InfoState.SUBMITTED


@given(st.lists(st.sampled_from(list(InfoStep)), max_size=12))
def test_random_steps_follow_the_table_and_never_corrupt(steps: list[InfoStep]) -> None:
    report = item()
    day = D(2022, 3, 1)
    for step in steps:
        before = replay_info(report)
        day += dt.timedelta(days=1)
        event = InfoEvent(step=step, on=day, level="city")
        try:
            report = advance_info(report, step, day, level="city")
        except LifecycleError:
            assert (before.state, step) not in INFO_TRANSITIONS or (
                step is InfoStep.SUBMITTED and not report.history
            )
            continue
        assert report.history[-1] == event
        assert replay_info(report).state is INFO_TRANSITIONS.get((before.state, step), before.state)


def book(reports: list[InfoReport]) -> Ledger:
    return Ledger(
        committee=Committee("xz", "襄州区政协", "county", "hubei.xiangyang.xiangzhou"),
        sectors=[Sector("parties", "民主党派")],
        units=[standard_unit("农工党"), standard_unit("九三学社")],
        activity_groups=[ActivityGroup("g1", "第1活动组", "special_committee")],
        members=[
            Member("m1", "张一", "parties", "cpwdp", "g1"),
            Member("m2", "李二", "parties", "jiusan", "g1"),
        ],
        info_reports=reports,
    )


def sample() -> list[InfoReport]:
    a = advance_info(item("a"), "issued", D(2022, 3, 8), issue="第3期", combined_with=("b",))
    a = advance_info(a, "adopted", D(2022, 4, 1), level="city")
    a = advance_info(a, "adopted", D(2022, 4, 9), level="province")
    b = advance_info(
        item("b", ("m2",)), "issued", D(2022, 3, 8), issue="第3期", combined_with=("a",)
    )
    b = advance_info(b, "forwarded", D(2022, 4, 2), level="city")
    c = advance_info(item("c", ("m1", "m2")), "issued", D(2022, 5, 8), issue="第5期")
    c = advance_info(c, "instructed", D(2022, 6, 1), level="county")
    c = advance_info(c, "instructed", D(2022, 6, 2), level="city")
    d = item("d", (), body=BodyRef("unit", "cpwdp"))
    return [a, b, c, d]


def test_info_statistics_counts_items_and_events() -> None:
    counts = info_statistics(sample(), as_of=D(2022, 12, 31)).counts
    assert (counts.submitted, counts.issued, counts.issued_combined, counts.pending) == (4, 3, 2, 1)
    assert counts.taken_up_county_or_above == 2  # a adopted; b forwarded (by the district)
    assert counts.taken_up_city_or_above == 1  # only a: b was forwarded *to* the city
    assert (counts.adoption_events, counts.forward_events, counts.instruction_events) == (2, 1, 2)
    assert counts.outcome_events_with_instructions == 5
    assert (counts.instructed, counts.instructions_city, counts.instructions_county) == (1, 1, 1)
    stats = info_statistics(sample(), as_of=D(2022, 12, 31))
    assert stats.rate("issue_rate").percent() == "75.00%"
    assert issues_published(sample(), period=Period.year(2022)) == ("第3期", "第5期")
    with pytest.raises(StatisticsQueryError):
        stats.rate("nope")


def test_info_grouping_and_tally() -> None:
    ledger = book(sample())
    by_unit = info_statistics_by(ledger, "unit", as_of=D(2022, 12, 31))
    assert {k: v.counts.submitted for k, v in by_unit.items()} == {"cpwdp": 3, "jiusan": 2}
    by_group = info_statistics_by(ledger, Grouping.ACTIVITY_GROUP, as_of=D(2022, 12, 31))
    assert by_group["g1"].counts.submitted == 3
    tally = InfoTally(
        as_of=D(2022, 12, 31), grouping=Grouping.UNIT, roster={m.id: m for m in ledger.members}
    )
    tally.extend(reversed(ledger.info_reports))
    assert tally.stats_by() == by_unit
    assert tally.stats() == info_statistics(ledger, as_of=D(2022, 12, 31))
    with raises_code(StatisticsQueryError, "S302", value="handling_unit"):
        info_statistics_by(ledger, Grouping.HANDLING_UNIT, as_of=D(2022, 12, 31))
