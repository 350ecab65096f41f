"""The rules' vocabulary: 请假未批准, free role tags, Not (worked figures: vocabulary.golden.toml)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cppcc_model.attendance import attendance_statistics
from cppcc_model.engine import evaluate
from cppcc_model.errors import CppccError
from cppcc_model.io.dataset import load_dataset, write_dataset
from cppcc_model.ledger import Ledger
from cppcc_model.model import (
    Activity,
    Attendance,
    AttendanceStatus,
    Committee,
    Member,
    Period,
    RoleKind,
    RoleSpell,
    Sector,
)
from cppcc_model.rules import ByStatus, HasRole, LacksRole, Not, Where
from cppcc_model.rules.facts import AuthorRole, Fact, Source
from cppcc_model.testing.codes import raises_code

YEAR = Period.year(2024)


def _fact(status: str) -> Fact:
    return Fact(
        "m",
        Source.ATTENDANCE,
        "a",
        "plenary",
        dt.date(2024, 1, 1),
        AuthorRole.ATTENDEE,
        status=AttendanceStatus.parse(status),
    )


def test_leave_not_approved_is_recorded_as_it_was_and_counted_as_unexcused() -> None:
    status = AttendanceStatus.parse("请假未批准")
    assert status is AttendanceStatus.LEAVE_NOT_APPROVED
    assert status.counted_as is AttendanceStatus.UNEXCUSED
    assert not status.attended
    assert evaluate.matches(Where("attendance", statuses=["无故缺席"]), _fact("请假未批准"))
    assert not evaluate.matches(Where("attendance", statuses=["请假"]), _fact("请假未批准"))
    # a rule that names it decides for itself
    named = Where("attendance", statuses=["请假未批准"])
    assert evaluate.matches(named, _fact("请假未批准"))
    assert not evaluate.matches(named, _fact("无故缺席"))
    assert evaluate.value(ByStatus({"无故缺席": -5}), _fact("请假未批准")) == -5
    assert evaluate.value(ByStatus({"无故缺席": -5, "请假未批准": -2}), _fact("请假未批准")) == -2


def test_attendance_statistics_count_it_as_unexcused() -> None:
    activity = Activity(
        "a",
        "全体会议",
        "会议",
        dt.date(2024, 1, 1),
        attendance=[Attendance("m", "请假未批准"), Attendance("n", "无故缺席")],
    )
    stats = attendance_statistics([activity], YEAR)
    assert stats.counts.unexcused == 2
    assert stats.counts.attended == 0


def _member(tags: tuple[str, ...] = (), standing: bool = False) -> Member:
    roles = [("常委", dt.date(2024, 1, 1))] if standing else []
    return Member(
        "m", "甲", "s", tags=tags, roles=[RoleSpell(role, start) for role, start in roles]
    )


def test_free_role_tags_in_has_role_and_not() -> None:
    convener = _member(("召集人",))
    assert evaluate.applies(HasRole("召集人"), convener, YEAR, YEAR.end)
    assert not evaluate.applies(HasRole("联络员"), convener, YEAR, YEAR.end)
    assert evaluate.applies(LacksRole("联络员"), convener, YEAR, YEAR.end)
    assert HasRole("常委").role is RoleKind.STANDING_MEMBER  # a fixed role stays a fixed role
    assert evaluate.applies(Not(HasRole("常委")), convener, YEAR, YEAR.end)
    assert not evaluate.applies(Not(HasRole("常委")), _member(standing=True), YEAR, YEAR.end)
    assert HasRole("召集人").describe() == "召集人 (tag)"


def test_tags_must_be_text() -> None:
    with raises_code(CppccError, "V116", value=" 召集人"):
        Member("m", "甲", "s", tags=(" 召集人",))


@pytest.mark.parametrize("form", ["csv", "xlsx", "json"])
def test_tags_and_the_new_status_survive_every_format(tmp_path: Path, form: str) -> None:
    ledger = Ledger(
        committee=Committee("c", "政协", "county", "x"),
        sectors=[Sector("s", "界别")],
        members=[Member("m", "甲", "s", tags=("驻会常委", "召集人"))],
        activities=[
            Activity(
                "a",
                "全体会议",
                "会议",
                dt.date(2024, 1, 1),
                attendance=[Attendance("m", "请假未批准")],
            )
        ],
    )
    target = tmp_path / ("out.xlsx" if form == "xlsx" else "out.json" if form == "json" else "out")
    write_dataset(ledger, target, form, headers="zh" if form == "csv" else "en")  # type: ignore[arg-type]
    assert load_dataset(target) == ledger


def test_the_reporting_date_places_a_contribution_when_the_rule_set_says_so() -> None:
    import attrs

    from cppcc_model.assess import assess
    from cppcc_model.model import Contribution
    from cppcc_model.rules import Category, Item, Points, RuleSet, Settings

    ledger = Ledger(
        committee=Committee("c", "政协", "county", "x"),
        sectors=[Sector("s", "界别")],
        members=[Member("m", "甲", "s")],
        contributions=[
            Contribution(
                "r",
                "调研报告",
                "调研报告",
                dt.date(2023, 12, 20),
                ("m",),
                reported_on=dt.date(2024, 1, 5),
            ),
            Contribution("s", "调研报告", "调研报告", dt.date(2024, 3, 1), ("m",)),
        ],
    )
    by_event = RuleSet(
        jurisdiction="x",
        name="x",
        title="x",
        effective_from="2020-01-01",
        categories=[
            Category("c", "成果", [Item("c.r", "调研报告", Where("contribution"), Points(5))])
        ],
    )
    by_report = attrs.evolve(by_event, settings=Settings(dating="reported"))
    assert assess(ledger, by_event, YEAR).card("m").total == 5
    line = assess(ledger, by_report, YEAR).card("m").line("c.r")
    assert line.points == 10
    assert line.entries[0].on == dt.date(2024, 1, 5)
    assert assess(ledger, by_report, Period.year(2023)).card("m").total == 0
    with raises_code(CppccError, "R101", value="posted"):
        Settings(dating="posted")
