"""Award eligibility and subjects on a real ledger, worked by hand.

Members a–f in 2022 (proposals 10 points each, filed +5; speeches 8):

* a: two proposals, both filed → 30;   b: one filed proposal + a speech → 23;
* c: holds the 副主席 role, one proposal → 10;   d: a 社情民意 item adopted → 0 points here;
* e: three unexcused absences → flag ``warn``; one proposal → 10;   f: nothing → 0.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import attrs

from _ledgers import D, ledger, meeting, member, proposal
from cppcc_model.assess import assess
from cppcc_model.assess.award_candidates import inputs_held
from cppcc_model.assess.awards import award_candidates, record_denominators, select_winners
from cppcc_model.assess.groups import (
    GroupCategory,
    GroupItem,
    GroupRules,
    MemberTotal,
    assess_groups,
)
from cppcc_model.model import (
    Contribution,
    InfoEvent,
    InfoReport,
    Input,
    Member,
    Period,
    RoleSpell,
)
from cppcc_model.rules import (
    ByStage,
    Category,
    External,
    Item,
    Points,
    RuleSet,
    Trigger,
    Where,
)
from cppcc_model.rules.award_gates import AllOfRecords, AnyOfRecords, Exclusion, TieBreak
from cppcc_model.rules.awards import Award, Quota

YEAR = Period.year(2022)


def _ledger():  # type: ignore[no-untyped-def]
    filed = [("filed", D(2022, 2, 1))]
    return ledger(
        [
            member("a"),
            member("b"),
            Member("c", "C", "s", roles=[RoleSpell("vice_chair", D(2020, 1, 1))]),
            member("d"),
            member("e"),
            member("f"),
        ],
        proposals=[
            proposal("p1", "a", steps=filed),
            proposal("p2", "a", steps=filed),
            proposal("p3", "b", steps=filed),
            proposal("p4", "c"),
            proposal("p5", "e"),
            # filed only in February 2023: counts for an award decided in March 2023
            proposal("p6", "f", on=D(2022, 12, 1), steps=[("filed", D(2023, 2, 10))]),
        ],
        activities=[
            meeting("plenary", "plenary", D(2022, 3, 1), ("b", "present"), ("e", "unexcused")),
            meeting("m2", "standing_committee_meeting", D(2022, 5, 1), ("e", "unexcused")),
            meeting("m3", "standing_committee_meeting", D(2022, 8, 1), ("e", "unexcused")),
        ],
        contributions=[Contribution("speech", "plenary_speech", "大会发言", D(2022, 3, 2), ["b"])],
        info_reports=[
            InfoReport(
                "i1",
                "i1",
                D(2022, 4, 1),
                ["d"],
                history=[InfoEvent("adopted", D(2022, 6, 1), level="city")],
            )
        ],
    )


def _rules(*awards: Award) -> RuleSet:
    return RuleSet(
        jurisdiction="test.district",
        name="awards",
        title="t",
        effective_from=D(2020, 1, 1),
        categories=[
            Category(
                "proposals",
                "提案",
                [Item("p", "提案", Where("proposal"), ByStage({"submitted": 10, "filed": 5}))],
            ),
            Category(
                "speeches",
                "发言",
                [Item("s", "大会发言", Where("contribution", kinds=["plenary_speech"]), Points(8))],
            ),
        ],
        triggers=[
            Trigger(
                "warn", "无故缺席三次", [Where("attendance", statuses=["unexcused"])], 3, "warning"
            )
        ],
        awards=awards,
    )


def _candidates(award: Award, **kwargs: object):  # type: ignore[no-untyped-def]
    data = _ledger()
    rules = _rules(award)
    assessment = assess(data, rules, YEAR)
    return {c.id: c for c in award_candidates(award, data, YEAR, assessment=assessment, **kwargs)}  # type: ignore[arg-type]


def test_scores_are_as_worked() -> None:
    data = _ledger()
    totals = assess(data, _rules(), YEAR).totals()
    assert totals == {"a": 30, "b": 23, "c": 10, "d": 0, "e": 10, "f": 10}


def test_negative_eligibility_by_flag_role_input_and_record() -> None:
    award = Award(
        "good",
        "优秀委员",
        "member",
        Quota(count=6),
        exclude=[
            Exclusion("无故缺席全体会议或常委会议三次", flag="warn", clause="第九条"),
            Exclusion("担任副主席", role="vice_chair"),
            Exclusion("受到党纪政务处分", input="discipline"),
            Exclusion(
                "社情民意信息被采用者另行表彰", where=Where("info_report", reached=["adopted"])
            ),
        ],
    )
    found = _candidates(award, inputs={"discipline": {"f"}})
    assert found["e"].reason_zh == "无故缺席全体会议或常委会议三次 (第九条)，不得参评"
    assert found["e"].reason == "excluded: has the flag 'warn' (第九条)"
    assert found["c"].reason_zh == "担任副主席，不得参评"
    assert found["f"].reason_zh == "受到党纪政务处分，不得参评"
    assert found["f"].reason == "excluded: has the outside input 'discipline'"
    assert found["d"].reason_zh == "社情民意信息被采用者另行表彰，不得参评"
    assert {cid for cid, x in found.items() if x.eligible} == {"a", "b"}
    result = select_winners(award, list(found.values()))
    assert [w.id for w in result.winners] == ["a", "b"]
    assert {n.id: n.stage for n in result.not_selected} == dict.fromkeys("cdef", "eligibility")


def test_any_of_and_all_of_across_record_kinds() -> None:
    # "提交提案、或社情民意被采用、或大会发言"
    any_of = AnyOfRecords(
        Where("proposal"),
        Where("info_report", reached=["adopted"]),
        Where("contribution", kinds=["plenary_speech"]),
    )
    found = _candidates(Award("x", "x", "member", Quota(count=3), where=any_of))
    assert {cid for cid, x in found.items() if x.eligible} == {"a", "b", "c", "d", "e", "f"}
    # "提交提案且大会发言": only b
    all_of = AllOfRecords(Where("proposal"), Where("contribution", kinds=["plenary_speech"]))
    found = _candidates(Award("x", "x", "member", Quota(count=3), where=all_of))
    assert {cid for cid, x in found.items() if x.eligible} == {"b"}
    assert found["a"].reason_zh == "缺少履职成果, plenary_speech"


def test_stages_are_read_as_of_the_decision_day() -> None:
    # p6 was filed on 10 February 2023: a filed-proposals award decided on 31 March counts it.
    where = Where("proposal", reached=["filed"])
    in_year = Award("x", "立案提案", "proposal", Quota(count=9), value=Points(1), where=where)
    later = Award(
        "y",
        "立案提案",
        "proposal",
        Quota(count=9),
        value=Points(1),
        where=where,
        decided_on="03-31",
    )
    assert later.stages_as_of(YEAR) == dt.date(2023, 3, 31)
    data = _ledger()
    now = {c.id: c.eligible for c in award_candidates(in_year, data, YEAR)}
    then = {c.id: c.eligible for c in award_candidates(later, data, YEAR)}
    assert now["p6"] is False
    assert then["p6"] is True
    assert record_denominators(in_year, data, YEAR) == {"submitted": 6, "filed": 3}
    assert record_denominators(later, data, YEAR) == {"submitted": 6, "filed": 4}


def test_a_count_of_records_breaks_a_tie() -> None:
    # c, e and f all score 10, and none has a proposal filed by 31 December (f's was filed in
    # February): the tie-breaker counting filed proposals leaves them tied, so name order
    # (C, E, F — Latin letters sort after any 汉字 name, by themselves) decides the third place.
    chain = (TieBreak("records", "立案提案多者优先", where=Where("proposal", reached=["filed"])),)
    award = Award("x", "x", "member", Quota(count=3), tie_breakers=chain, ties="name_order")
    found = _candidates(award)
    assert found["a"].keys == {"records": Fraction(2)}
    assert found["f"].keys == {"records": Fraction(0)}
    result = select_winners(award, list(found.values()))
    assert [w.id for w in result.winners] == ["a", "b", "c"]  # C, E, F tie on both: name order


def test_sectors_and_special_committees_are_subjects() -> None:
    data = _ledger()
    rules = _rules()
    members = assess(data, rules, YEAR)
    sector_rules = GroupRules(
        "sector-rules",
        "界别考核",
        "sector",
        [GroupCategory("m", "委员得分", [GroupItem("mean", "人均得分", MemberTotal("mean"))])],
    )
    sectors = assess_groups(data, sector_rules, YEAR, members=members)
    award = Award("best_sector", "先进界别", "界别", Quota(count=1), group_rules="sector-rules")
    candidates = award_candidates(award, data, YEAR, groups={"sector-rules": sectors})
    assert [(x.id, x.score) for x in candidates] == [("s", Fraction(83, 6))]
    assert [w.name for w in select_winners(award, candidates).winners] == ["测试界"]


def test_results_do_not_depend_on_the_order_of_the_ledger() -> None:
    from cppcc_model.assess.award_run import run_award
    from cppcc_model.testing.conformance import reversed_ledger

    award = Award(
        "x",
        "x",
        "member",
        Quota(share="1/2", of="assessed"),
        ties="include",
        exclude=[Exclusion("无故缺席三次", flag="warn")],
        tie_breakers=[
            TieBreak("records", "立案多者优先", where=Where("proposal", reached=["filed"]))
        ],
    )
    rules = _rules(award)
    results = []
    for data in (_ledger(), reversed_ledger(_ledger())):
        result = run_award(
            award, data, YEAR, members=lambda _name, period, data=data: assess(data, rules, period)
        )
        results.append(result.to_dict())
    assert results[0] == results[1]
    assert [w["id"] for w in results[0]["winners"]] == ["a", "b", "c", "f"]


def test_an_input_exclusion_reads_the_ledgers_inputs_table() -> None:
    # 评分录入: f has a discipline finding in 2022; b's finding is 0 (none); a's is for 2021
    data = attrs.evolve(
        _ledger(),
        inputs=[
            Input("f", YEAR, "discipline", 1, note="警告处分"),
            Input("b", YEAR, "discipline", 0),
            Input("a", Period.year(2021), "discipline", 1),
        ],
    )
    award = Award(
        "good",
        "优秀委员",
        "member",
        Quota(count=6),
        exclude=[Exclusion("受到处分", input="discipline")],
    )
    assert inputs_held(data, YEAR) == {"discipline": frozenset({"f"})}
    found = {
        c.id: c
        for c in award_candidates(award, data, YEAR, assessment=assess(data, _rules(award), YEAR))
    }
    assert found["f"].reason_zh == "受到处分，不得参评"
    assert {cid for cid, x in found.items() if not x.eligible} == {"f"}
    # inputs passed explicitly replace the table
    explicit = award_candidates(
        award, data, YEAR, assessment=assess(data, _rules(award), YEAR), inputs={}
    )
    assert all(c.eligible for c in explicit)


def test_a_card_waiting_for_an_input_is_not_a_candidate() -> None:
    rules = attrs.evolve(
        _rules(),
        categories=[
            *_rules().categories,
            Category("rating", "单位评价", [], given=External("employer_rating")),
        ],
    )
    data = attrs.evolve(_ledger(), inputs=[Input(m, YEAR, "employer_rating", 5) for m in "abcde"])
    award = Award("good", "优秀委员", "member", Quota(count=6))
    assessment = assess(data, attrs.evolve(rules, awards=[award]), YEAR)
    assert assessment.incomplete() == {
        "f": ("单位评价: no 'employer_rating' was given for 2022 (待录入, pending)",)
    }
    found = {c.id: c for c in award_candidates(award, data, YEAR, assessment=assessment)}
    assert not found["f"].eligible
    assert found["f"].reason_zh is not None
    assert found["f"].reason_zh == (
        "待定（单位评价: no 'employer_rating' was given for 2022 (待录入, pending)），暂不参评"
    )
    assert {cid for cid, x in found.items() if x.eligible} == set("abcde")
    result = select_winners(award, list(found.values()))
    assert "f" not in {w.id for w in result.winners}
