"""Ranking: methods, direction, tie-breakers, listing order, exactness, and invariants."""

from __future__ import annotations

import decimal
import random
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cppcc_model.assess.ranking import (
    Direction,
    RankMethod,
    TieBreaker,
    exact_score,
    rank,
)
from cppcc_model.errors import CppccError, InvalidValueError
from cppcc_model.testing.codes import raises_code

SCORES = {"a": 90, "b": 80, "c": 80, "d": 70}


def ranks_of(ranking):
    return [(entry.subject_id, entry.rank) for entry in ranking]


def test_competition_ranking_skips_after_a_tie():
    assert ranks_of(rank(SCORES)) == [("a", 1), ("b", 2), ("c", 2), ("d", 4)]


def test_dense_ranking_does_not_skip():
    assert ranks_of(rank(SCORES, method="dense")) == [("a", 1), ("b", 2), ("c", 2), ("d", 3)]


def test_ordinal_ranking_numbers_every_entry_and_still_reports_the_tie():
    ranking = rank(SCORES, method=RankMethod.ORDINAL)
    assert ranks_of(ranking) == [("a", 1), ("b", 2), ("c", 3), ("d", 4)]
    assert [entry.tied for entry in ranking] == [False, True, True, False]


def test_methods_parse_from_chinese_labels():
    assert rank(SCORES, method="密集排名").method is RankMethod.DENSE
    assert rank(SCORES, direction="从低到高").direction is Direction.ASCENDING


def test_ascending_puts_the_lowest_score_first():
    absences = {"a": 0, "b": 2, "c": 2, "d": 5}
    assert ranks_of(rank(absences, direction="ascending")) == [
        ("a", 1),
        ("b", 2),
        ("c", 2),
        ("d", 4),
    ]


def test_tied_flags_counts_and_positions():
    ranking = rank(SCORES)
    b = ranking.entry("b")
    assert (b.tied, b.tied_count, b.ahead, b.position) == (True, 2, 1, 2)
    d = ranking.entry("d")
    assert (d.tied, d.tied_count, d.ahead, d.position) == (False, 1, 3, 4)


def test_tie_breaker_decides_and_is_recorded():
    adopted = {"a": 0, "b": 1, "c": 3, "d": 0}
    breaker = TieBreaker(key=adopted.__getitem__, label="采纳提案数 (第六条)")
    ranking = rank(SCORES, tie_breakers=[breaker])
    assert ranks_of(ranking) == [("a", 1), ("c", 2), ("b", 3), ("d", 4)]
    assert ranking.entry("c").decided_by == "采纳提案数 (第六条)"
    assert ranking.entry("b").decided_by == "采纳提案数 (第六条)"
    assert ranking.entry("a").decided_by is None
    assert not ranking.entry("c").tied
    assert ranking.tie_breakers == ("采纳提案数 (第六条)",)


def test_ascending_tie_breaker_prefers_the_smaller_key():
    absences = {"b": 2, "c": 0}
    breaker = TieBreaker(key=lambda s: absences.get(s, 0), label="缺席次数", direction="ascending")
    ranking = rank(SCORES, tie_breakers=[breaker])
    assert [entry.subject_id for entry in ranking] == ["a", "c", "b", "d"]


def test_second_tie_breaker_is_used_only_when_the_first_ties():
    first = TieBreaker(key=lambda s: 1, label="first")
    second = TieBreaker(key={"b": 1, "c": 2}.get, label="second")
    ranking = rank({"b": 5, "c": 5}, tie_breakers=[first, second])
    assert ranks_of(ranking) == [("c", 1), ("b", 2)]
    assert ranking.entry("b").decided_by == "second"


def test_ties_are_listed_by_list_key_then_id():
    names = {"b": "王芳", "c": "丁一"}
    ranking = rank(SCORES, list_key=lambda s: names.get(s, ""))
    assert [entry.subject_id for entry in ranking] == ["a", "c", "b", "d"]
    assert ranks_of(rank({"y": 1, "x": 1})) == [("x", 1), ("y", 1)]


def test_exact_scores_of_different_types_compare_exactly():
    ranking = rank({"a": decimal.Decimal("0.5"), "b": Fraction(1, 2), "c": 1})
    assert ranks_of(ranking) == [("c", 1), ("a", 2), ("b", 2)]
    assert ranking.entry("a").score == decimal.Decimal("0.5")
    assert ranking.entry("a").exact == Fraction(1, 2)


@pytest.mark.parametrize(
    "bad", [0.5, True, decimal.Decimal("NaN"), decimal.Decimal("Infinity"), "5", None]
)
def test_inexact_or_non_numeric_scores_are_refused(bad):
    with pytest.raises(InvalidValueError) as caught:
        rank({"a": 1, "m7": bad})
    assert caught.value.code in {"S101", "S102"}  # not an exact number; not finite
    assert "m7" in str(caught.value)  # the member is named (a location, not wording)


def test_an_inexact_score_shared_by_several_subjects_names_the_first_of_them():
    # scores are read once per distinct object (an assessment's totals share them): the error
    # still names the first subject, in input order, given the inexact score
    bad = 0.5
    with pytest.raises(InvalidValueError) as caught:
        rank([("z", 1), ("m2", bad), ("m1", bad), ("a", bad)])
    assert caught.value.where is not None
    assert caught.value.where.record_id == "m2"


def test_float_error_says_how_to_fix():
    with raises_code(CppccError, "S101", value="0.1"):
        exact_score(0.1)


def test_duplicate_subject_is_refused():
    with raises_code(InvalidValueError, "S107", value="a"):
        rank([("a", 1), ("b", 2), ("a", 3)])


def test_bad_pairs_and_bad_tie_breakers_are_refused():
    with pytest.raises(InvalidValueError):
        rank([("a", 1, 2)])
    with pytest.raises(InvalidValueError):
        rank([("", 1)])
    with raises_code(InvalidValueError, "S108"):
        rank(SCORES, tie_breakers=[len])
    with pytest.raises(InvalidValueError):
        TieBreaker(key=len, label=" ")


def test_empty_population_gives_an_empty_ranking():
    ranking = rank({})
    assert len(ranking) == 0
    assert ranking.top(3) == ()


def test_top_keeps_a_tie_that_straddles_the_cut():
    assert [entry.subject_id for entry in rank(SCORES).top(2)] == ["a", "b", "c"]


def test_unknown_subject_lookup_says_so():
    with raises_code(InvalidValueError, "S104", value="zz"):
        rank(SCORES).entry("zz")


# ---- properties ----------------------------------------------------------------------------

scores_st = st.dictionaries(
    st.text("abcdefgh", min_size=1, max_size=3),
    st.one_of(
        st.integers(-5, 20),
        st.fractions(min_value=-5, max_value=20, max_denominator=4),
    ),
    max_size=25,
)
methods = st.sampled_from(list(RankMethod))
directions = st.sampled_from(list(Direction))


@settings(max_examples=150)
@given(scores_st, methods, directions, st.randoms(use_true_random=False))
def test_invariant_under_input_order(scores, method, direction, rnd):
    pairs = list(scores.items())
    shuffled = pairs[:]
    rnd.shuffle(shuffled)
    assert rank(pairs, method=method, direction=direction) == rank(
        shuffled, method=method, direction=direction
    )


@settings(max_examples=150)
@given(scores_st, methods, directions)
def test_shared_score_objects_rank_as_separate_equal_ones(scores, method, direction):
    # an assessment's totals share one Fraction per distinct value; a ranking of such shared
    # objects equals the ranking of a fresh, equal object per subject
    shared: dict[Fraction, Fraction] = {}
    as_shared = {s: shared.setdefault(Fraction(v), Fraction(v)) for s, v in scores.items()}
    fresh = {s: Fraction(v.numerator, v.denominator) for s, v in as_shared.items()}
    assert rank(as_shared, method=method, direction=direction) == rank(
        fresh, method=method, direction=direction
    )


@settings(max_examples=150)
@given(scores_st, st.sampled_from([RankMethod.COMPETITION, RankMethod.DENSE]), directions)
def test_equal_scores_get_equal_ranks(scores, method, direction):
    ranking = rank(scores, method=method, direction=direction)
    for x in ranking:
        for y in ranking:
            assert (x.rank == y.rank) == (Fraction(x.score) == Fraction(y.score))


@settings(max_examples=150)
@given(scores_st, directions)
def test_competition_rank_is_one_plus_the_number_strictly_better(scores, direction):
    ranking = rank(scores, direction=direction)
    sign = -1 if direction is Direction.DESCENDING else 1
    for entry in ranking:
        better = sum(1 for v in scores.values() if sign * Fraction(v) < sign * entry.exact)
        assert entry.rank == better + 1 == entry.ahead + 1
    assert [entry.position for entry in ranking] == list(range(1, len(scores) + 1))
    assert all(entry.rank >= 1 for entry in ranking)


@settings(max_examples=150)
@given(
    st.dictionaries(
        st.text("abcdefgh", min_size=1, max_size=3),
        st.fractions(min_value=-1, max_value=1, max_denominator=10**12),
        max_size=25,
    ),
    directions,
)
def test_scores_with_unlike_denominators_keep_their_exact_order(scores, direction):
    # scores a hair apart over large, unlike denominators: sorting them as whole numbers over a
    # common denominator must keep exactly the order (and the ties) of the fractions
    ranking = rank(scores, direction=direction)
    sign = -1 if direction is Direction.DESCENDING else 1
    for entry in ranking:
        better = sum(1 for v in scores.values() if sign * v < sign * entry.exact)
        assert entry.rank == better + 1
    exacts = [entry.exact for entry in ranking]
    assert exacts == sorted(exacts, reverse=direction is Direction.DESCENDING)


@settings(max_examples=100)
@given(scores_st)
def test_dense_ranks_are_consecutive_from_one(scores):
    ranks = sorted({entry.rank for entry in rank(scores, method="dense")})
    assert ranks == list(range(1, len(ranks) + 1))


@settings(max_examples=150)
@given(scores_st, methods, st.data())
def test_adding_points_never_lowers_a_rank(scores, method, data):
    if not scores:
        return
    subject = data.draw(st.sampled_from(sorted(scores)))
    bonus = data.draw(st.fractions(min_value=0, max_value=10, max_denominator=3))
    before = rank(scores, method=method).entry(subject).rank
    raised = dict(scores)
    raised[subject] = Fraction(raised[subject]) + bonus
    after = rank(raised, method=method).entry(subject).rank
    assert after <= before


@settings(max_examples=100)
@given(scores_st, st.dictionaries(st.text("abcdefgh", min_size=1, max_size=3), st.integers(0, 3)))
def test_tie_breakers_only_split_ties_never_reorder_scores(scores, keys):
    breaker = TieBreaker(key=lambda s: keys.get(s, 0), label="k")
    plain = rank(scores)
    broken = rank(scores, tie_breakers=[breaker])
    for entry in broken:
        assert entry.rank >= plain.entry(entry.subject_id).rank
        assert (
            entry.rank
            < plain.entry(entry.subject_id).rank + plain.entry(entry.subject_id).tied_count
        )


def test_random_large_population_is_consistent():
    rnd = random.Random(7)
    scores = {f"m{i:03d}": Fraction(rnd.randint(0, 40), 2) for i in range(300)}
    ranking = rank(scores)
    values = [entry.exact for entry in ranking]
    assert values == sorted(values, reverse=True)


@settings(max_examples=150)
@given(
    scores_st,
    directions,
    st.dictionaries(st.text("abcdefgh", min_size=1, max_size=3), st.integers(0, 2)),
)
def test_listing_order_is_score_then_list_key_then_id(scores, direction, groups):
    sign = -1 if direction is Direction.DESCENDING else 1
    plain = rank(scores, direction=direction)
    assert [e.subject_id for e in plain] == sorted(
        scores, key=lambda s: (sign * Fraction(scores[s]), s)
    )
    keyed = rank(scores, direction=direction, list_key=lambda s: groups.get(s, 9))
    assert [e.subject_id for e in keyed] == sorted(
        scores, key=lambda s: (sign * Fraction(scores[s]), groups.get(s, 9), s)
    )
