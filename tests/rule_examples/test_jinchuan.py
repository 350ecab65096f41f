"""Jinchuan's five ones: worked examples A, B and C of shared/reference/rules/aba-jinchuan.md."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.rule_examples.jinchuan import FIVE_ONES, JURISDICTION, build_rule_set

from cppcc_model.assess import ScoreCard, assess
from cppcc_model.ledger import Ledger
from cppcc_model.model import (
    Activity,
    Attendance,
    Contribution,
    InfoReport,
    Member,
    Period,
    Proposal,
    ProposalEvent,
)
from cppcc_model.rules import (
    Category,
    FirstOnly,
    Item,
    Points,
    RuleSet,
    RuleSetRegistry,
    Threshold,
    Where,
)
from cppcc_model.testing.conformance import conformance_problems

MakeLedger = Callable[..., Ledger]
YEAR = Period.year(2019)


def _day(month: int, day: int = 10) -> dt.date:
    return dt.date(2019, month, day)


def _proposal(record_id: str, signers: list[str], *, filed: bool = True) -> Proposal:
    return Proposal(
        id=record_id,
        subject=f"提案{record_id}",
        submitted_on=_day(3),
        proposer_kind="联名" if len(signers) > 1 else "个人",
        member_ids=signers,
        history=[ProposalEvent("立案", _day(4))] if filed else [],
    )


def _activity(
    record_id: str, kind: str, member_id: str, month: int, status: str = "出席"
) -> Activity:
    return Activity(
        record_id, kind, record_id, _day(month), attendance=[Attendance(member_id, status)]
    )


def _contribution(record_id: str, kind: str, authors: list[str], month: int) -> Contribution:
    return Contribution(record_id, kind, record_id, _day(month), author_ids=authors)


def _info(record_id: str, authors: list[str], month: int) -> InfoReport:
    return InfoReport(record_id, f"社情民意{record_id}", _day(month), author_ids=authors)


def _card(ledger: Ledger, member_id: str, rule_set: RuleSet | None = None) -> ScoreCard:
    return assess(ledger, rule_set or build_rule_set(), YEAR).card(member_id)


def _met(card: ScoreCard) -> dict[str, bool]:
    return {r.requirement_id: r.met for r in card.requirements}


def _counts(card: ScoreCard) -> dict[str, int]:
    return {r.requirement_id: r.count for r in card.requirements}


# --- Example A: all five met, two of them through co-authorship ----------------------------


@pytest.fixture
def a_wang(make_ledger: MakeLedger) -> Ledger:
    members = [Member("a_wang", "阿旺", "s"), Member("zhang", "张", "s"), Member("li", "李", "s")]
    return make_ledger(
        members,
        jurisdiction=JURISDICTION,
        proposals=[_proposal("p1", ["zhang", "a_wang"])],  # co-signed
        activities=[_activity("inspection", "视察", "a_wang", 5)],
        contributions=[
            _contribution("report", "调研报告", ["li", "a_wang"], 6),  # helped write
            _contribution("clinic", "为民办实事", ["a_wang"], 8),  # a free medical day
        ],
        info_reports=[_info("i1", ["a_wang"], 7)],
    )


def test_example_a_all_five_are_met_through_co_authorship(a_wang: Ledger) -> None:
    card = _card(a_wang, "a_wang")
    assert [r.requirement_id for r in card.requirements] == list(FIVE_ONES)
    assert _met(card) == dict.fromkeys(FIVE_ONES, True)
    assert _counts(card) == dict.fromkeys(FIVE_ONES, 1)
    assert sum(r.met for r in card.requirements) == 5
    records = {r.requirement_id: r.records for r in card.requirements}
    assert records["proposal"] == ("p1",)
    assert records["research_report"] == ("report",)
    assert records["deed"] == ("clinic",)


def test_example_a_without_co_author_credit_two_items_fail(a_wang: Ledger) -> None:
    card = _card(a_wang, "a_wang", build_rule_set(credit_co_authors=False))
    failed = [r.requirement_id for r in card.requirements if not r.met]
    assert failed == ["proposal", "research_report"]
    assert sum(r.met for r in card.requirements) == 3


# --- Example B: two items missing, a surplus does not make up for them ----------------------


def test_example_b_three_of_five_with_the_gaps_listed(make_ledger: MakeLedger) -> None:
    ledger = make_ledger(
        [Member("bai_ma", "白玛", "s")],
        jurisdiction=JURISDICTION,
        proposals=[_proposal("p1", ["bai_ma"]), _proposal("p2", ["bai_ma"], filed=False)],
        activities=[_activity(f"inspection{n}", "视察", "bai_ma", 4 + n) for n in range(3)],
        info_reports=[_info("i1", ["bai_ma"], 5), _info("i2", ["bai_ma"], 9)],
    )
    card = _card(ledger, "bai_ma")
    assert _counts(card) == {
        "proposal": 2,
        "research_or_inspection": 3,
        "research_report": 0,
        "info_report": 2,
        "deed": 0,
    }
    assert sum(r.met for r in card.requirements) == 3
    assert [r.requirement_id for r in card.requirements if not r.met] == ["research_report", "deed"]
    assert all(r.needed == 1 for r in card.requirements)


# --- Example C: the same co-signature under this rule and under a first-proposer-only rule --


def _first_proposer_only_points() -> RuleSet:
    """A points rule that credits joint proposals to the first proposer only (延边's reading)."""
    only_first = FirstOnly()
    return RuleSet(
        jurisdiction="contrast.first_proposer_only",
        name="contrast-first-proposer-only",
        title="first-proposer-only proposal points",
        effective_from=dt.date(2018, 1, 1),
        categories=[
            Category(
                "proposals",
                "提案",
                items=[
                    Item(
                        "proposals.any",
                        "提交提案1件以上计10分（只计第一提案人）",
                        Where("proposal"),
                        Points(0),
                        attribution=only_first,
                        counting=Threshold(1, 10),
                    ),
                    Item(
                        "proposals.filed",
                        "每件立案计10分（只计第一提案人）",
                        Where("proposal", reached=["filed"]),
                        Points(10),
                        attribution=only_first,
                    ),
                ],
            )
        ],
    )


def test_example_c_a_co_signature_meets_item_one_here_and_scores_nothing_there(
    make_ledger: MakeLedger,
) -> None:
    ledger = make_ledger(
        [Member("ze_ren", "泽仁", "s"), Member("zhou", "周", "s")],
        jurisdiction=JURISDICTION,
        proposals=[_proposal("p1", ["zhou", "ze_ren"])],
    )
    card = _card(ledger, "ze_ren")
    assert _met(card)["proposal"] is True
    assert sum(r.met for r in card.requirements) == 1
    points = assess(ledger, _first_proposer_only_points(), YEAR)
    assert points.card("ze_ren").total == 0
    assert points.card("zhou").total == 20  # the rule does score its first proposer


# --- the rule set as a whole ------------------------------------------------------------------


def test_the_rule_set_is_found_by_jurisdiction_and_date() -> None:
    registry = RuleSetRegistry()
    registry.add(build_rule_set())
    found = registry.resolve(JURISDICTION, dt.date(2019, 12, 31))
    assert found.name == "jinchuan-2018"
    assert found.with_options(credit_co_authors=False).options == {"credit_co_authors": False}


def test_missed_activities_do_not_count_as_taking_part(make_ledger: MakeLedger) -> None:
    ledger = make_ledger(
        [Member("m", "某", "s")],
        jurisdiction=JURISDICTION,
        activities=[
            _activity("r1", "调研", "m", 3, "请假"),
            _activity("r2", "调研", "m", 4, "无故缺席"),
            _activity("v1", "公益活动", "m", 5, "无故缺席"),
        ],
    )
    assert _met(_card(ledger, "m")) == dict.fromkeys(FIVE_ONES, False)


def test_example_a_conforms(a_wang: Ledger) -> None:
    for credit in (True, False):
        assert conformance_problems(build_rule_set(credit_co_authors=credit), a_wang, YEAR) == []


_KINDS = st.integers(min_value=0, max_value=3)


@settings(max_examples=40, deadline=None)
@given(
    proposals=_KINDS,
    inspections=_KINDS,
    reports=_KINDS,
    items=_KINDS,
    deeds=_KINDS,
    position=st.integers(min_value=0, max_value=2),
)
def test_each_item_is_met_by_its_own_records_whatever_the_authors_place(
    make_ledger: MakeLedger,
    proposals: int,
    inspections: int,
    reports: int,
    items: int,
    deeds: int,
    position: int,
) -> None:
    others = ["o1", "o2"]
    authors = [*others[:position], "m", *others[position:]]
    ledger = make_ledger(
        [Member("m", "某", "s"), Member("o1", "甲", "s"), Member("o2", "乙", "s")],
        jurisdiction=JURISDICTION,
        proposals=[_proposal(f"p{n}", authors) for n in range(proposals)],
        activities=[_activity(f"a{n}", "调研", "m", n + 1) for n in range(inspections)],
        contributions=[_contribution(f"r{n}", "调研报告", authors, n + 1) for n in range(reports)]
        + [_contribution(f"d{n}", "为民办实事", authors, n + 1) for n in range(deeds)],
        info_reports=[_info(f"i{n}", authors, n + 1) for n in range(items)],
    )
    counts = dict(zip(FIVE_ONES, (proposals, inspections, reports, items, deeds), strict=True))
    card = _card(ledger, "m")
    assert _counts(card) == counts
    assert _met(card) == {key: count >= 1 for key, count in counts.items()}
    strict = _card(ledger, "m", build_rule_set(credit_co_authors=False))
    first_only = {
        key: count >= 1 and (position == 0 or key == "research_or_inspection")
        for key, count in counts.items()
    }
    assert _met(strict) == first_only
