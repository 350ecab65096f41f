"""Award blocks, worked by hand: ties at the cut, order, quotas, gates, several periods.

Each case is small enough to check on paper; the comment above it shows the working. The
property tests at the end hold for any population.
"""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cppcc_model.assess.awards import Candidate, select_over_periods, select_winners
from cppcc_model.assess.ranking import TieBreaker
from cppcc_model.errors import CppccError, InvalidValueError
from cppcc_model.rules import Points, Where
from cppcc_model.rules.award_gates import Exclusion, Periods, TieBreak
from cppcc_model.rules.awards import Award, Quota
from cppcc_model.rules.quotas import RankGate
from cppcc_model.testing.codes import raises_code


def c(cid: str, name: str, score: int | str, **keys: int) -> Candidate:
    return Candidate(
        cid,
        name,
        Fraction(score),
        keys={k.replace("_", ":", 1): Fraction(v) for k, v in keys.items()},
    )


# 王芳 (王 4 strokes) and 李强 (李 7 strokes) tie at 70 across a count of 3.
FIVE = [
    c("a", "赵一", 90, category_proposals=5),
    c("b", "钱二", 80, category_proposals=5),
    c("c", "李强", 70, category_proposals=12),
    c("d", "王芳", 70, category_proposals=10),
    c("e", "孙五", 60, category_proposals=1),
]


def award(**fields: object) -> Award:
    fields.setdefault("quota", Quota(count=3))
    return Award("x", "优秀委员", "member", **fields)  # type: ignore[arg-type]


def winners(result: object) -> list[str]:
    return [w.id for w in result.winners]  # type: ignore[attr-defined]


# ------------------------------------------------------------------ 1. ties at the cut


def test_exclude_drops_the_whole_tie_and_says_so_in_both_languages() -> None:
    result = select_winners(award(ties="exclude"), FIVE)
    assert winners(result) == ["a", "b"]
    out = {n.id: n for n in result.not_selected}
    assert out["c"].stage == out["d"].stage == "tie"
    assert "ties='exclude'" in out["c"].reason
    assert out["c"].reason_zh == "与其他1人同分70并列跨越名额线(3名)，并列者均不入选"
    (tie,) = result.ties
    assert tie.subject_ids == ("d", "c")  # listed in 姓氏笔画 order: 王 before 李
    assert tie.winners == ()
    assert tie.policy == "exclude"
    assert result.band_position() == "below"
    assert "fall below the band 3" in result.warnings[0]


def test_include_takes_the_whole_tie_and_the_list_grows() -> None:
    result = select_winners(award(ties="include"), FIVE)
    assert winners(result) == ["a", "b", "d", "c"]
    assert result.quota == 3
    assert result.band_position() == "above"
    assert result.ties[0].winners == ("d", "c")


def test_name_order_lets_the_fewer_strokes_win() -> None:
    # 王 has 4 strokes, 李 7: 王芳 wins the last place.
    result = select_winners(award(ties="name_order"), FIVE)
    assert winners(result) == ["a", "b", "d"]
    out = {n.id: n for n in result.not_selected}
    assert out["c"].reason_zh.endswith("按姓氏笔画未入选")


def test_a_chain_of_tie_breakers_decides_before_the_policy() -> None:
    # 李强 filed 12 proposals, 王芳 10: the first tie-breaker separates them.
    chain = (TieBreak("category:proposals", "提案得分高者优先"),)
    result = select_winners(award(ties="exclude", tie_breakers=chain), FIVE)
    assert winners(result) == ["a", "b", "c"]
    (tie,) = result.ties
    assert tie.decided_by == ("提案得分高者优先",)
    assert tie.policy is None
    out = {n.id: n for n in result.not_selected}
    assert out["d"].reason_zh == "同分70并列于名额线，按提案得分高者优先未入选"


def test_a_chain_that_cannot_separate_falls_to_the_policy() -> None:
    level = [c("p", "王芳", 70, line_x=1), c("q", "李强", 70, line_x=1), c("r", "赵一", 90)]
    chain = (TieBreak("line:x", "某项得分"),)
    result = select_winners(
        award(quota=Quota(count=2), ties="name_order", tie_breakers=chain), level
    )
    assert winners(result) == ["r", "p"]
    assert result.ties[0].policy == "name_order"


def test_python_tie_breakers_are_the_ones_rank_uses() -> None:
    fewer_absences = TieBreaker(
        lambda sid: {"c": 3, "d": 1}.get(sid, 0), "缺席少者优先", "ascending"
    )
    result = select_winners(award(), FIVE, tie_breakers=[fewer_absences])
    assert winners(result) == ["a", "b", "d"]
    assert result.ties[0].decided_by == ("缺席少者优先",)


# ------------------------------------------------------------------ 2. direction


def test_lowest_first_selects_the_bottom() -> None:
    # "末位": the lowest two of 90, 80, 70, 70, 60 are 60 and one of the 70s — a tie: excluded.
    result = select_winners(award(order="lowest", quota=Quota(count=2)), FIVE)
    assert winners(result) == ["e"]
    assert {n.id for n in result.not_selected if n.stage == "tie"} == {"c", "d"}
    result = select_winners(award(order="末位", quota=Quota(count=1)), FIVE)
    assert winners(result) == ["e"]


# ------------------------------------------------------------------ 3. quotas


def test_share_rounding_and_band_ends_round_their_own_way() -> None:
    # 1% of 150 is 1.5: half_up 2, down 1, up 2.
    sizes = {"eligible": 150, "assessed": 150}
    assert Quota(share="1/100").bounds(sizes).target == 2
    assert Quota(share="1/100", rounding="down").bounds(sizes).target == 1
    # 8% of 95 is 7.6 (lower end up: 8); 10% of 95 is 9.5 (upper end down: 9).
    band = Quota(at_least="8/100", at_most="1/10", of="assessed").bounds({"assessed": 95})
    assert (band.low, band.target, band.high, band.denominator) == (8, 9, 9, 95)
    # the same band with both ends half_up: 8 and 10.
    band = Quota(
        at_least="8/100", at_most="1/10", of="assessed", at_most_rounding="half_up"
    ).bounds({"assessed": 95})
    assert (band.low, band.high) == (8, 10)
    assert Quota(at_least="8/100", at_most="1/10").describe_zh() == (
        "不低于8%(向上取整)、不超过10%(向下取整)"
    )


def test_a_soft_quota_is_a_target_with_a_tolerance_and_warns_below_it() -> None:
    # about 5% ± 1% of 150: target 7.5 → 8, band 6 (4% of 150) to 9 (6% of 150).
    quota = Quota(share="5/100", tolerance="1/100")
    bounds = quota.bounds({"eligible": 150})
    assert (bounds.low, bounds.target, bounds.high, bounds.soft) == (6, 8, 9, True)
    assert quota.describe_zh() == "约5%评选(浮动±1%)(四舍五入)"
    # 150 candidates, the top ten tied: excluded → no winner, a warning (not an error).
    pool = [c(f"m{i:03d}", f"王{i}", 100 if i < 10 else 50 - i // 10) for i in range(150)]
    result = select_winners(award(quota=quota), pool)
    assert winners(result) == []
    assert result.band_position() == "below"
    assert result.warnings[0].endswith("获奖0名，低于名额区间6–9")


def test_the_denominator_is_a_stated_choice() -> None:
    # 10 assessed, 4 eligible: 50% of the eligible is 2, of the assessed 5 (capped by the pool).
    pool = [c(f"m{i}", f"王{i}", 10 - i) for i in range(10)]
    pool = [
        x if i < 4 else Candidate(x.id, x.name, x.score, eligible=False, reason="no")
        for i, x in enumerate(pool)
    ]
    assert select_winners(award(quota=Quota(share="1/2", of="eligible")), pool).quota == 2
    assert select_winners(award(quota=Quota(share="1/2", of="assessed")), pool).quota == 5
    assert select_winners(award(quota=Quota(share="1/2", of="candidates")), pool).quota == 2
    submitted = select_winners(
        award(quota=Quota(share="1/2", of="submitted")), pool, denominators={"submitted": 8}
    )
    assert submitted.quota == 4
    assert submitted.bounds is not None
    assert submitted.bounds.denominator == 8
    with raises_code(InvalidValueError, "R311", value="立案件数 (filed records)"):
        select_winners(award(quota=Quota(share="1/2", of="filed")), pool)
    with raises_code(InvalidValueError, "R304", value="members"):
        Quota(share="1/2", of="members")


def test_quota_shapes_are_checked() -> None:
    with raises_code(InvalidValueError, "R309", value="1/5"):
        Quota(at_least="1/5", at_most="1/10")
    with raises_code(InvalidValueError, "R310"):
        Quota(count=3, tolerance="1/100")
    with raises_code(InvalidValueError, "R306"):
        Quota(share="1/10", at_most="1/5")


# ------------------------------------------------------------------ 4. gates


def test_the_rank_gate_ranks_everyone_before_eligibility() -> None:
    # "在全体委员中排名前30%": 10 members, the gate is 3 places. The first holds a role that
    # excludes them — the 4th does not move up into the gate.
    pool = [c(f"m{i}", f"王{i}", 100 - i) for i in range(10)]
    pool[0] = Candidate(
        "m0", "王0", Fraction(100), eligible=False, reason="holds chair", reason_zh="担任主席"
    )
    result = select_winners(award(rank_gate=RankGate(share="3/10")), pool)
    assert winners(result) == ["m1", "m2"]
    out = {n.id: n for n in result.not_selected}
    assert out["m0"].stage == "eligibility"
    assert out["m0"].reason_zh == "不符合条件：担任主席"
    assert out["m3"].stage == "gate"
    assert out["m3"].reason_zh == "在全部10名考核对象中排名第4，未进入前3名(前30%)"
    assert "outside the top 3" in out["m3"].reason


def test_a_score_floor_is_applied_at_candidacy_with_the_reason() -> None:
    result = select_winners(award(minimum_score=75), FIVE)
    out = {n.id: n for n in result.not_selected}
    assert winners(result) == ["a", "b"]
    assert out["c"].stage == "score"
    assert out["c"].reason_zh == "得分70低于最低分75"
    # a ceiling for a lowest-first list: only those at or under 60 may be warned.
    result = select_winners(award(order="lowest", maximum_score=60, quota=Quota(count=3)), FIVE)
    assert winners(result) == ["e"]


# ------------------------------------------------------------------ 6. several periods


def _years() -> list[tuple[str, list[Candidate]]]:
    # 2021: a 10, b 30, c 20 — 2022: a 40, b 10, c 20 (c absent from nothing)
    return [
        ("2021", [c("a", "赵一", 10), c("b", "钱二", 30), c("c", "孙三", 20)]),
        ("2022", [c("a", "赵一", 40), c("b", "钱二", 10), c("c", "孙三", 20)]),
    ]


@pytest.mark.parametrize(
    ("combine", "expected", "score"),
    [
        ("sum", "a", 50),  # a 50, b 40, c 40
        ("mean", "a", 25),  # a 25, b 20, c 20
        ("latest", "a", 40),
        ("min", "c", 20),  # a 10, b 10, c 20
    ],
)
def test_several_periods_aggregate_before_selecting(
    combine: str, expected: str, score: int
) -> None:
    biennial = award(quota=Quota(count=1), periods=Periods(2, combine))
    result = select_over_periods(biennial, _years())
    assert winners(result) == [expected]
    assert result.winners[0].score == score
    assert result.periods == ("2021", "2022")


def test_bottom_in_two_consecutive_years() -> None:
    # bottom 1: 2021 → a (10); 2022 → b (10). Nobody is bottom in both.
    each = award(order="lowest", quota=Quota(count=1), periods=Periods(2, "each"))
    assert winners(select_over_periods(each, _years())) == []
    # bottom 2: 2021 → a, c; 2022 → b, c. c is bottom-2 both years.
    each = award(order="lowest", quota=Quota(count=2), periods=Periods(2, "each"))
    result = select_over_periods(each, _years())
    assert winners(result) == ["c"]
    out = {n.id: n for n in result.not_selected}
    assert out["b"].stage == "periods"
    assert out["b"].reason_zh == "2022入选，但2021未入选"


def test_a_subject_missing_a_period_is_left_out_with_the_period() -> None:
    years = _years()
    years[0] = ("2021", years[0][1][:2])
    result = select_over_periods(award(quota=Quota(count=3), periods=Periods(2, "sum")), years)
    out = {n.id: n for n in result.not_selected}
    assert out["c"].reason_zh == "不符合条件：2021不在候选范围"
    with raises_code(CppccError, "S207", value="1"):
        select_over_periods(award(periods=Periods(2)), years[:1])


# ------------------------------------------------------------------ blocks refuse nonsense


def test_blocks_refuse_what_they_cannot_mean() -> None:
    with raises_code(InvalidValueError, "R319", value="受处分"):
        Exclusion("受处分", flag="x", input="y")
    with raises_code(InvalidValueError, "R317", value="提案数"):
        TieBreak("records", "提案数")
    with raises_code(InvalidValueError, "R314", value="random"):
        award(ties="random")
    with raises_code(InvalidValueError, "R327", value="March"):
        award(decided_on="March")
    TieBreak("records", "提案数", where=Where("proposal"))


# ------------------------------------------------------------------ properties

scores_st = st.lists(st.integers(min_value=0, max_value=8), min_size=0, max_size=25)
quota_st = st.one_of(
    st.builds(Quota, count=st.integers(0, 12)),
    st.builds(
        Quota,
        share=st.sampled_from(["1/10", "1/4", "1/3", "1/2"]),
        rounding=st.sampled_from(["half_up", "up", "down"]),
    ),
    st.builds(
        Quota,
        at_least=st.sampled_from(["1/10", "1/5"]),
        at_most=st.sampled_from(["1/4", "1/3", "1/2"]),
        at_most_rounding=st.sampled_from(["half_up", "up", "down"]),
    ),
    st.builds(
        Quota, share=st.sampled_from(["1/5", "1/3"]), tolerance=st.sampled_from(["1/20", "1/10"])
    ),
)
NAMES = ["王芳", "李强", "张伟", "刘洋", "陈静", "杨帆", "赵敏", "黄磊", "周杰", "吴迪"]


def _pool(scores: list[int]) -> list[Candidate]:
    return [
        Candidate(
            f"s{i:02d}",
            NAMES[i % len(NAMES)] + str(i),
            Fraction(s),
            keys={"records": Fraction(i % 3)},
        )
        for i, s in enumerate(scores)
    ]


@settings(max_examples=150, deadline=None)
@given(scores_st, quota_st, st.sampled_from(["exclude", "name_order"]))
def test_winners_respect_the_band(scores: list[int], quota: Quota, ties: str) -> None:
    pool = _pool(scores)
    result = select_winners(award(quota=quota, ties=ties), pool)
    assert result.bounds is not None
    assert len(result.winners) <= result.bounds.high
    if ties == "name_order":
        assert len(result.winners) == min(result.bounds.target, len(pool))
    if len(result.winners) < result.bounds.low:
        assert result.warnings


@settings(max_examples=150, deadline=None)
@given(scores_st, quota_st)
def test_include_ties_never_returns_fewer_than_exclude_ties(
    scores: list[int], quota: Quota
) -> None:
    pool = _pool(scores)
    included = select_winners(award(quota=quota, ties="include"), pool)
    excluded = select_winners(award(quota=quota, ties="exclude"), pool)
    assert len(included.winners) >= len(excluded.winners)
    assert {w.id for w in excluded.winners} <= {w.id for w in included.winners}


@settings(max_examples=150, deadline=None)
@given(scores_st, quota_st, st.sampled_from(["exclude", "include", "name_order"]), st.booleans())
def test_lowest_first_on_negated_scores_equals_highest_first(
    scores: list[int], quota: Quota, ties: str, chained: bool
) -> None:
    chain = (TieBreak("records", "提案数", where=Where("proposal")),) if chained else ()
    pool = _pool(scores)
    negated = [Candidate(x.id, x.name, -x.score, keys=x.keys) for x in pool]
    high = select_winners(award(quota=quota, ties=ties, tie_breakers=chain), pool)
    low = select_winners(award(quota=quota, ties=ties, tie_breakers=chain, order="lowest"), negated)
    assert [w.id for w in high.winners] == [w.id for w in low.winners]
    assert [w.place for w in high.winners] == [w.place for w in low.winners]
    assert [(n.id, n.stage) for n in high.not_selected] == [
        (n.id, n.stage) for n in low.not_selected
    ]


@settings(max_examples=150, deadline=None)
@given(scores_st, quota_st, st.sampled_from(["exclude", "include", "name_order"]), st.randoms())
def test_results_do_not_depend_on_record_order(
    scores: list[int], quota: Quota, ties: str, rnd: random.Random
) -> None:
    pool = _pool(scores)
    shuffled = list(pool)
    rnd.shuffle(shuffled)
    gate = RankGate(share="1/2")
    first = select_winners(award(quota=quota, ties=ties, rank_gate=gate), pool)
    second = select_winners(award(quota=quota, ties=ties, rank_gate=gate), shuffled)
    assert first.to_dict() == second.to_dict()


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)), max_size=12),
    st.sampled_from(["sum", "mean", "latest", "min", "each"]),
    st.sampled_from(["highest", "lowest"]),
    st.randoms(),
)
def test_several_periods_do_not_depend_on_record_order(
    pairs: list[tuple[int, int]], combine: str, order: str, rnd: random.Random
) -> None:
    first = [c(f"s{i:02d}", NAMES[i % len(NAMES)], a) for i, (a, _) in enumerate(pairs)]
    second = [c(f"s{i:02d}", NAMES[i % len(NAMES)], b) for i, (_, b) in enumerate(pairs)]
    biennial = award(quota=Quota(count=2), order=order, periods=Periods(2, combine))
    shuffled = [list(first), list(second)]
    for pool in shuffled:
        rnd.shuffle(pool)
    one = select_over_periods(biennial, [("2021", first), ("2022", second)])
    two = select_over_periods(biennial, [("2021", shuffled[0]), ("2022", shuffled[1])])
    assert one.to_dict() == two.to_dict()
    assert len(one.winners) <= 2


def test_an_exclusion_that_cannot_apply_to_the_subject_is_refused() -> None:
    with raises_code(InvalidValueError, "R334", value="担任主席"):
        Award(
            "g",
            "先进活动组",
            "activity_group",
            Quota(count=1),
            group_rules="r",
            exclude=[Exclusion("担任主席", role="chair")],
        )
    with raises_code(InvalidValueError, "R334", value="受警示"):
        Award(
            "p",
            "优秀提案",
            "proposal",
            Quota(count=1),
            value=Points(1),
            exclude=[Exclusion("受警示", flag="warn")],
        )


def test_a_tie_breaker_without_a_figure_for_the_subject_is_refused() -> None:
    with raises_code(InvalidValueError, "R333", value="提案数"):
        Award(
            "g",
            "先进活动组",
            "activity_group",
            Quota(count=1),
            group_rules="r",
            tie_breakers=[TieBreak("records", "提案数", where=Where("proposal"))],
        )
