"""Award selection: quotas, composition constraints, ties, reasons — and the national examples."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from _ledgers import D, ledger, member, proposal
from cppcc_model.assess import assess
from cppcc_model.assess.awards import (
    AwardConstraintError,
    Candidate,
    award_candidates,
    select_winners,
)
from cppcc_model.errors import InvalidValueError
from cppcc_model.model import Contribution, Period
from cppcc_model.rules import ByStage, Category, Item, Points, Requirement, RuleSet, Where
from cppcc_model.rules.awards import Award, Composition, Quota
from cppcc_model.testing.codes import raises_code


def good_proposals(share: str = "1/100") -> Award:
    """全国政协年度好提案: about 1% of all proposals, at least 20% from collective proposers."""
    return Award(
        "good_proposal",
        "年度好提案",
        "proposal",
        Quota(share=share, of="candidates"),
        value=Points(1),
        composition=[Composition("集体提案不少于20%", "collective", "1/5")],
    )


def proposals(total: int, collective_ranks: set[int]) -> list[Candidate]:
    """``total`` proposals scored total, total-1, …; those at ``collective_ranks`` are collective."""
    return [
        Candidate(
            f"p{rank:05d}",
            f"提案{rank}",
            Fraction(total - rank),
            frozenset({"collective"} if rank in collective_ranks else set()),
        )
        for rank in range(1, total + 1)
    ]


def test_national_example_a_quota_and_collective_share() -> None:
    # 5,000 proposals → 1% = 50 good proposals; the collective share is at least 20% × 50 = 10.
    candidates = proposals(5000, set(range(1, 5001, 5)))
    result = select_winners(good_proposals(), candidates)
    assert result.quota == 50
    assert len(result.winners) == 50
    assert (
        sum(
            1
            for w in result.winners
            if "collective" in next(c for c in candidates if c.id == w.id).tags
        )
        >= 10
    )


def test_national_example_b_repairs_the_composition() -> None:
    # 5,800 proposals → 58; 20% × 58 = 11.6 → 12. The first list has only 9 collective: 3 short.
    collective_in_top = {5, 10, 15, 20, 25, 30, 35, 40, 45}
    collective_below = {70, 80, 90, 100}
    candidates = proposals(5800, collective_in_top | collective_below)
    result = select_winners(good_proposals(), candidates)
    winners = {w.id for w in result.winners}
    assert result.quota == 58
    assert len(winners) == 58
    collective = {c.id for c in candidates if "collective" in c.tags}
    assert len(winners & collective) == 12
    # the 3 lowest-ranked individual proposals make way for the 3 best collective ones left
    assert {f"p{r:05d}" for r in (70, 80, 90)} <= winners
    assert not {f"p{r:05d}" for r in (56, 57, 58)} & winners
    displaced = {
        n.id: n.reason for n in result.not_selected if n.id in {"p00056", "p00057", "p00058"}
    }
    assert all("displaced" in reason for reason in displaced.values())
    assert len(winners - collective) == 46


def test_national_example_c_a_fixed_count_does_not_scale() -> None:
    award = Award("duty", "优秀履职奖", "member", Quota(count=20))
    for size in (2100, 2200):
        candidates = [Candidate(f"m{i}", f"委员{i}", Fraction(i)) for i in range(size)]
        assert len(select_winners(award, candidates).winners) == 20


def test_an_unsatisfiable_constraint_is_a_clear_error() -> None:
    candidates = proposals(300, {7})
    with raises_code(AwardConstraintError, "S208", value="0") as info:
        select_winners(good_proposals(), [c for c in candidates if c.id != "p00007"])
    assert "lower the share" in (info.value.hint or "")  # a hint has no code: it is its text


def test_a_tie_across_the_cut_wins_nothing_by_default_or_goes_by_name_order() -> None:
    candidates = [
        Candidate("a", "王芳", Fraction(90)),
        Candidate("b", "李强", Fraction(80)),
        Candidate("c", "丁一", Fraction(80)),
    ]
    award = Award("x", "x", "member", Quota(count=2))
    result = select_winners(award, candidates)
    assert [w.id for w in result.winners] == ["a"]
    assert {n.id for n in result.not_selected} == {"b", "c"}
    by_name = select_winners(
        Award("x", "x", "member", Quota(count=2), ties="name_order"), candidates
    )
    assert [w.id for w in by_name.winners] == ["a", "c"]  # 丁 (2 strokes) before 李 (7)


def test_every_candidate_not_selected_has_a_reason_and_the_notice_is_in_name_order() -> None:
    candidates = [
        Candidate("a", "赵六", Fraction(95)),
        Candidate("b", "王五", Fraction(90)),
        Candidate("c", "张三", Fraction(85)),
        Candidate("d", "丁一", Fraction(99), eligible=False, reason="holds 主席"),
    ]
    result = select_winners(Award("x", "x", "member", Quota(count=2), minimum_score=86), candidates)
    assert {w.id for w in result.winners} == {"a", "b"}
    assert result.notice() == ("王五", "赵六")
    reasons = {n.id: n.reason for n in result.not_selected}
    assert reasons == {"c": "score 85 is below the minimum 86", "d": "not eligible: holds 主席"}


def test_quota_shares_round_as_stated() -> None:
    assert Quota(share="1/100", rounding="half_up").size(5850, 0) == 59
    assert Quota(share="1/100", rounding="down").size(5850, 0) == 58
    assert Quota(share="1/100", rounding="up").size(5801, 0) == 59
    assert Quota(share="1/10", of="population").size(3, 200) == 20
    assert Quota(share="1/100", minimum=1).size(10, 0) == 1
    with raises_code(InvalidValueError, "R306"):
        Quota()


@settings(max_examples=150, deadline=None)
@given(
    scores=st.lists(st.integers(0, 20), min_size=1, max_size=40),
    tagged=st.lists(st.booleans(), min_size=40, max_size=40),
    count=st.integers(0, 15),
    share=st.sampled_from(["0", "1/5", "1/3", "1/2", "1"]),
    ties=st.sampled_from(["exclude", "name_order"]),
)
def test_quotas_are_never_exceeded_and_constraints_hold_or_fail_clearly(
    scores, tagged, count, share, ties
) -> None:
    candidates = [
        Candidate(f"c{i:02d}", f"委员{i}", Fraction(s), frozenset({"t"} if tagged[i] else set()))
        for i, s in enumerate(scores)
    ]
    award = Award(
        "x",
        "x",
        "proposal",
        Quota(count=count),
        value=Points(1),
        composition=[Composition("share", "t", share)],
        ties=ties,
    )
    try:
        result = select_winners(award, candidates)
    except AwardConstraintError:
        assert sum(tagged[: len(scores)]) < Composition("share", "t", share).needed(
            min(count, len(scores))
        )
        return
    winners = {w.id for w in result.winners}
    assert len(winners) <= count
    assert len(winners) + len(result.not_selected) == len(candidates)
    needed = Composition("share", "t", share).needed(len(winners))
    assert sum(1 for c in candidates if c.id in winners and "t" in c.tags) >= needed
    reversed_result = select_winners(award, candidates[::-1])
    assert [w.id for w in reversed_result.winners] == [w.id for w in result.winners]


def test_member_candidates_come_from_score_cards_with_eligibility_reasons() -> None:
    data = ledger(
        [member("a"), member("b"), member("c")],
        proposals=[proposal("p1", "a", steps=[("filed", D(2022, 2, 1))]), proposal("p2", "b")],
        contributions=[Contribution("x", "research_report", "调研报告", D(2022, 5, 1), ["c"])],
    )
    rule_set = RuleSet(
        jurisdiction="test.district",
        name="awards",
        title="t",
        effective_from=D(2020, 1, 1),
        categories=[
            Category(
                "pc",
                "提案",
                [Item("p", "提案", Where("proposal"), ByStage({"submitted": 10, "filed": 15}))],
            ),
            Category("cc", "成果", [Item("c", "成果", Where("contribution"), Points(40))]),
        ],
        requirements=[Requirement("one_proposal", "至少一件提案", [Where("proposal")])],
        awards=[Award("best", "优秀委员", "member", Quota(count=1), requires=["one_proposal"])],
    )
    assessment = assess(data, rule_set, Period.year(2022))
    candidates = award_candidates(
        rule_set.awards[0], data, Period.year(2022), assessment=assessment
    )
    by_id = {c.id: c for c in candidates}
    assert by_id["c"].score == 40
    assert not by_id["c"].eligible
    assert by_id["c"].reason == "did not meet one_proposal"
    result = select_winners(rule_set.awards[0], candidates)
    assert [w.id for w in result.winners] == ["a"]


def test_record_candidates_are_tagged_collective_and_valued() -> None:
    from cppcc_model.model import BodyRef

    data = ledger(
        [member("a"), member("b")],
        proposals=[
            proposal(
                "p1", "a", steps=[("filed", D(2022, 2, 1)), ("key_designated", D(2022, 3, 1))]
            ),
            proposal(
                "p2",
                "a",
                "b",
                kind="collective",
                body=BodyRef("sector", "s"),
                steps=[("filed", D(2022, 2, 1))],
            ),
            proposal("p3", "b"),
        ],
    )
    award = Award(
        "good",
        "优秀提案",
        "proposal",
        Quota(count=2),
        value=ByStage({"filed": 10, "key": 5}),
        where=Where("proposal", reached=["filed"]),
    )
    candidates = {c.id: c for c in award_candidates(award, data, Period.year(2022))}
    assert candidates["p1"].score == 15
    assert "collective" in candidates["p2"].tags
    assert not candidates["p3"].eligible
    assert [w.id for w in select_winners(award, list(candidates.values())).winners] == ["p1", "p2"]


def test_a_name_that_is_no_name_sorts_last_instead_of_failing() -> None:
    candidates = [Candidate("a", "·", Fraction(5)), Candidate("b", "王芳", Fraction(5))]
    result = select_winners(Award("x", "x", "member", Quota(count=2)), candidates)
    assert result.notice() == ("王芳", "·")
