"""Seed 000 (襄州区, 2022): every ranking statement of the speech, through the library's own API.

The example ledger is examples/xiangzhou/ledger_data.py; the rules are the
``cppcc-rules-xiangzhou`` plugin, found through its entry point like any installed plugin. Its
point values are illustrative (the district did not publish them); what is checked is that the
speech's statements hold when the library assesses, groups, ranks and selects:

* 第1活动组 has the highest filing rate (立案率) of all 22 groups;
* among the district-level groups, 第6活动组 is first in the information assessment;
* among the town/street groups, 双沟镇活动组 is first overall and near the top of both
  assessments, 程河镇活动组 first in the proposal and in the information assessment;
* 九三学社 has the highest per-capita member score of the democratic parties, 农工党 the most
  社情民意 adopted or forwarded;
* the commendations have exactly 34, 15, 4, 15, 10 and 16 winners;
* the people the speech names are members.

See shared/reference/seed-figures.md, section 000.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections.abc import Mapping
from fractions import Fraction
from functools import cache
from pathlib import Path

import pytest
from cppcc_rules_xiangzhou import JURISDICTION, SIX_ONES

from cppcc_model import Ledger
from cppcc_model.assess import Assessment, Ranking, assess, rank
from cppcc_model.assess.awards import AwardResult, award_candidates, select_winners
from cppcc_model.assess.groups import GroupsAssessment, assess_groups
from cppcc_model.information import info_statistics_by
from cppcc_model.model import ContributionKind, Period, UnitKind
from cppcc_model.names import StrokeOrder
from cppcc_model.plugins import load_plugins
from cppcc_model.proposals import Grouping, proposal_statistics_by
from cppcc_model.rules import RuleSet
from cppcc_model.testing.conformance import reversed_ledger

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "xiangzhou" / "ledger_data.py"
YEAR = Period.year(2022)
MODEL_SPEAKERS = ("张景海", "杨明国", "秦静", "马璇", "覃俊东")
OTHER_PRINTED = (
    "王兴海",
    "李小燕",
    "崔瑞波",
    "杨起平",
    "刘启军",
    "张建国",
    "方清涛",
    "陈爱国",
    "刘骁勇",
    "杨建鹏",
    "杜明豪",
    "常兴武",
)
AWARD_COUNTS = {
    "excellent_member": 34,  # 优秀政协委员
    "information_individual": 15,  # 信息工作先进个人
    "history_individual": 4,  # 文史工作先进个人
    "excellent_proposal": 15,  # 优秀政协提案
    "excellent_information": 10,  # 优秀社情民意信息
    "excellent_research_report": 16,  # 优秀调研报告
}


@cache
def ledger() -> Ledger:
    spec = importlib.util.spec_from_file_location("_example_xiangzhou_awards", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build()
    assert isinstance(built, Ledger)
    return built


@cache
def rule_set() -> RuleSet:
    plugins = load_plugins(entry_points=True, allow=["xiangzhou"], strict=True)
    return plugins.rule_sets.resolve(JURISDICTION, dt.date(2022, 12, 31))


@cache
def members() -> Assessment:
    return assess(ledger(), rule_set(), YEAR)


def _groups(book: Ledger, assessment: Assessment) -> dict[str, GroupsAssessment]:
    return {
        rules.id: assess_groups(book, rules, YEAR, members=assessment)
        for rules in rule_set().group_rules
    }


@cache
def groups() -> dict[str, GroupsAssessment]:
    return _groups(ledger(), members())


def _awards(
    book: Ledger, assessment: Assessment, by_group: Mapping[str, GroupsAssessment]
) -> dict[str, AwardResult]:
    return {
        award.id: select_winners(
            award, award_candidates(award, book, YEAR, assessment=assessment, groups=by_group)
        )
        for award in rule_set().awards
    }


@cache
def awards() -> dict[str, AwardResult]:
    return _awards(ledger(), members(), groups())


def group_id(name: str) -> str:
    return next(g.id for g in ledger().activity_groups if g.name == name)


def first(ranking: Ranking) -> str:
    """The one subject ranked first, alone (a shared first place is not "first")."""
    leaders = ranking.top(1)
    assert len(leaders) == 1, f"first place is shared: {[e.subject_id for e in leaders]}"
    return leaders[0].subject_id


# ---------------------------------------------------------------- the rule set and the roster


def test_the_rule_set_is_the_plugins_2022_rules() -> None:
    assert rule_set().name == "xiangzhou-2022"
    assert rule_set().plugin == "xiangzhou"
    assert ledger().committee.jurisdiction == JURISDICTION


def test_the_two_kinds_of_group_are_assessed_apart() -> None:
    town = groups()["groups.town_street"].cards
    district = groups()["groups.district"].cards
    assert len(town) == 15
    assert len(district) == 7
    assert {c.subject.id for c in town}.isdisjoint(c.subject.id for c in district)


def test_the_people_the_speech_names_are_members() -> None:
    names = {m.name for m in ledger().members}
    for name in MODEL_SPEAKERS + OTHER_PRINTED:
        assert name in names, name


# ---------------------------------------------------------------- proposals: filing rate


def test_group_1_has_the_highest_filing_rate_of_all_groups() -> None:
    rates = {
        card.subject.id: card.line("proposals.filing_rate").measure
        for result in (groups()["groups.town_street"], groups()["groups.district"])
        for card in result.cards
    }
    assert len(rates) == 22
    assert first(rank(rates)) == "g1"
    assert rates["g1"] == Fraction(26, 29)


def test_the_filing_rate_agrees_with_the_proposal_statistics() -> None:
    stats = proposal_statistics_by(ledger(), Grouping.ACTIVITY_GROUP, period=YEAR)
    for result in (groups()["groups.town_street"], groups()["groups.district"]):
        for card in result.cards:
            value = stats[card.subject.id].filing_rate.value
            assert value is not None
            assert card.line("proposals.filing_rate").measure == value


# ---------------------------------------------------------------- the group assessments


def test_group_6_is_first_in_the_information_assessment_of_the_district_groups() -> None:
    information = groups()["groups.district"].category_totals("information")
    assert len(information) == 7
    assert first(rank(information)) == "g6"


def test_shuanggou_is_first_overall_of_the_town_groups() -> None:
    overall = groups()["groups.town_street"].totals()
    assert len(overall) == 15
    assert first(rank(overall)) == group_id("双沟镇活动组")


def test_shuanggou_is_near_the_top_of_both_assessments() -> None:
    # 两项考核都名列前茅: second to 程河 in each
    result = groups()["groups.town_street"]
    shuanggou = group_id("双沟镇活动组")
    for category in ("proposals", "information"):
        assert rank(result.category_totals(category)).entry(shuanggou).rank == 2


def test_chenghe_is_first_in_the_proposal_and_the_information_assessment() -> None:
    result = groups()["groups.town_street"]
    chenghe = group_id("程河镇活动组")
    proposals = result.category_totals("proposals")
    information = result.category_totals("information")
    assert first(rank(proposals)) == chenghe
    assert first(rank(information)) == chenghe
    # and under the other reading, one combined proposal-and-information assessment
    combined = {key: proposals[key] + information[key] for key in proposals}
    assert first(rank(combined)) == chenghe


def test_the_overall_ranking_adds_the_groups_work_to_both_assessments() -> None:
    result = groups()["groups.town_street"]
    for card in result.cards:
        parts = [card.category_points(c) for c in ("proposals", "information", "work")]
        assert card.total == sum(parts)


# ---------------------------------------------------------------- participating units


def test_jiusan_has_the_highest_per_capita_member_score_of_the_democratic_parties() -> None:
    parties = {u.id for u in ledger().units if u.kind is UnitKind.DEMOCRATIC_PARTY}
    per_capita = {
        key: value
        for key, value in groups()["units.per_capita"].totals().items()
        if key in parties and ledger().members_of_unit(key)
    }
    assert len(per_capita) == 6
    assert first(rank(per_capita)) == "jiusan"


def test_the_per_capita_score_is_the_mean_of_the_members_totals() -> None:
    totals = members().totals()
    for card in groups()["units.per_capita"].cards:
        scores = [totals[m.id] for m in ledger().members_of_unit(card.subject.id)]
        expected = sum(scores, Fraction(0)) / len(scores) if scores else Fraction(0)
        assert card.total == expected


def test_cpwdp_has_the_most_information_adopted_or_forwarded() -> None:
    taken_up = groups()["units.information"].totals()
    assert first(rank(taken_up)) == "cpwdp"  # 农工党
    stats = info_statistics_by(ledger(), Grouping.UNIT, period=YEAR)
    for unit, count in taken_up.items():
        expected = stats[unit].counts.taken_up_county_or_above if unit in stats else 0
        assert count == expected


# ---------------------------------------------------------------- commendations


@pytest.mark.parametrize(("award_id", "count"), sorted(AWARD_COUNTS.items()))
def test_each_award_has_the_speechs_number_of_winners(award_id: str, count: int) -> None:
    result = awards()[award_id]
    assert result.quota == count
    assert len(result.winners) == count
    assert len({w.id for w in result.winners}) == count


@pytest.mark.parametrize("award_id", sorted(AWARD_COUNTS))
def test_no_award_is_cut_through_a_tie(award_id: str) -> None:
    result = awards()[award_id]
    lowest = min(w.score for w in result.winners)
    ranked_out = [n.score for n in result.not_selected if n.reason.startswith("ranked")]
    assert ranked_out
    assert max(ranked_out) < lowest
    assert not any("tied" in n.reason for n in result.not_selected)


def test_excellent_members_did_all_six_ones() -> None:
    cards = {c.member_id: c for c in members().cards}
    for winner in awards()["excellent_member"].winners:
        met = {r.requirement_id for r in cards[winner.id].requirements if r.met}
        assert set(SIX_ONES) <= met


def test_the_model_speakers_are_excellent_members_in_the_example() -> None:
    winners = {w.name for w in awards()["excellent_member"].winners}
    assert set(MODEL_SPEAKERS) <= winners


def test_the_named_proposals_are_excellent() -> None:
    subjects = {w.name for w in awards()["excellent_proposal"].winners}
    for subject in (
        "关于加大农村生活垃圾处理力度美化乡村环境的建议",
        "关于科学搭建我区信息数据共享平台的提案",
        "关于加大河道非法采砂治理力度的建议",
        "关于加快产业扶贫的建议",
    ):
        assert subject in subjects


def test_the_named_information_and_research_report_are_excellent() -> None:
    assert "关于加强集镇公厕建设的建议" in {
        w.name for w in awards()["excellent_information"].winners
    }
    assert "关于进一步优化我区发展环境的调研考察报告" in {
        w.name for w in awards()["excellent_research_report"].winners
    }


def test_the_history_individuals_include_the_city_top_ten_author() -> None:
    assert "覃俊东" in {w.name for w in awards()["history_individual"].winners}


def test_the_public_notice_lists_winners_in_stroke_order() -> None:
    order = StrokeOrder(unknown="last")
    for result in awards().values():
        notice = result.notice()
        assert sorted(notice) == sorted(w.name for w in result.winners)
        keys = [(order.key(name), name) for name in notice]
        assert keys == sorted(keys)


# ---------------------------------------------------------------- other stated facts


def test_the_groups_activities_and_outputs_the_speech_counts() -> None:
    district = groups()["groups.district"]
    town = groups()["groups.town_street"]
    assert town.card("zhangjiaji").line("work.activities").measure == 9  # 全年组织开展9次活动
    g2_research = [
        a
        for a in ledger().activities
        if a.organiser is not None and a.organiser.id == "g2" and a.kind.value == "research"
    ]
    assert len(g2_research) > 10  # 开展了10多次调研活动
    assert district.card("g3").line("work.activities").measure == 7  # 7次调研视察和界别协商
    assert district.card("g1").line("work.research").measure == 10  # 调研报告和建议案10篇
    assert district.card("g2").line("work.research").measure == 7  # 调研报告和建议案7篇
    assert district.card("g5").line("work.history").measure == 16  # 16篇“三亲”史料


def test_three_town_groups_reported_over_ten_thousand_characters_of_history() -> None:
    history = (ContributionKind.CULTURAL_HISTORY, ContributionKind.FIRST_HAND_HISTORY)
    group_of = {m.id: m.activity_group_id for m in ledger().members}
    chars: dict[str | None, int] = {}
    for contribution in ledger().contributions:
        if contribution.kind in history:
            group = group_of[contribution.author_ids[0]]
            chars[group] = chars.get(group, 0) + (contribution.length_chars or 0)
    for group in ("huangji", "guyi", "yushan"):
        assert chars[group] > 10_000


def test_the_six_ones_are_reported_member_by_member() -> None:
    cards = {c.member_id: c for c in members().cards}
    missing = {r.requirement_id for r in cards["xz-g2-30"].requirements if not r.met}
    assert missing == {
        "six_ones.research",
        "six_ones.contact",
        "six_ones.service",
        "six_ones.duty_report",
    }
    complete = [c for c in members().cards if all(r.met for r in c.requirements)]
    assert 34 < len(complete) < len(members().cards)
    share = groups()["groups.district"].card("g2").line("work.six_ones.duty_report").measure
    assert share == Fraction(32, 33)


# ---------------------------------------------------------------- independent of record order


def test_the_statements_do_not_depend_on_record_order() -> None:
    backwards = reversed_ledger(ledger())
    assessment = assess(backwards, rule_set(), YEAR)
    assert assessment.totals() == members().totals()
    by_group = _groups(backwards, assessment)
    for key, result in by_group.items():
        assert result.totals() == groups()[key].totals()
    for key, result in _awards(backwards, assessment, by_group).items():
        assert result.to_dict() == awards()[key].to_dict()
