"""Cohort standings: rank, ties, percentile, size, minimum and maximum within each cohort."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cppcc_model.assess.cohorts import (
    DEFAULT_MINIMUM_SIZE,
    CohortKey,
    CohortKind,
    cohort_standings,
    member_cohorts,
)
from cppcc_model.assess.ranking import rank
from cppcc_model.errors import InvalidValueError
from cppcc_model.model.people import Member, RoleSpell
from cppcc_model.testing.codes import raises_code

WHOLE = CohortKey("committee", "c1")
SECTOR_A = CohortKey(CohortKind.SECTOR, "econ")
SECTOR_B = CohortKey("sector", "edu")

SCORES = {"m1": 95, "m2": 90, "m3": 90, "m4": 80, "m5": 70, "m6": 60, "m7": Fraction(121, 2)}
COHORTS = {
    "m1": [WHOLE, SECTOR_A],
    "m2": [WHOLE, SECTOR_A],
    "m3": [WHOLE, SECTOR_A],
    "m4": [WHOLE, SECTOR_A],
    "m5": [WHOLE, SECTOR_A],
    "m6": [WHOLE, SECTOR_B],
    "m7": [WHOLE, SECTOR_B],
}


def test_rank_percentile_size_min_max_in_the_whole_committee():
    report = cohort_standings(SCORES, COHORTS)
    m2 = report.standing("m2", WHOLE)
    assert (m2.rank, m2.tied, m2.size, m2.minimum, m2.maximum) == (2, True, 7, 60, 95)
    # m2 is ranked above m4, m5, m7, m6: 4 of the 6 others
    assert m2.percentile == Fraction(4, 6)
    assert report.standing("m1", WHOLE).percentile == 1
    assert report.standing("m6", WHOLE).percentile == 0
    assert report.standing("m4", WHOLE).rank == 4


def test_percentile_counts_only_members_strictly_below():
    report = cohort_standings(SCORES, COHORTS)
    a = report.for_cohort(SECTOR_A)
    assert [(s.subject_id, s.rank, s.percentile) for s in a] == [
        ("m1", 1, Fraction(1)),
        ("m2", 2, Fraction(2, 4)),
        ("m3", 2, Fraction(2, 4)),
        ("m4", 4, Fraction(1, 4)),
        ("m5", 5, Fraction(0)),
    ]


def test_small_cohort_gets_no_rank_and_says_why():
    report = cohort_standings(SCORES, COHORTS)
    m7 = report.standing("m7", SECTOR_B)
    assert m7.rank is None
    assert m7.percentile is None
    assert not m7.tied
    assert m7.size == 2
    assert m7.minimum == 60
    assert m7.maximum == Fraction(121, 2)
    assert "fewer than the minimum of 5" in m7.withheld
    summary = {s.cohort: s for s in report.summaries}
    assert not summary[SECTOR_B].ranked
    assert summary[SECTOR_A].ranked
    assert DEFAULT_MINIMUM_SIZE == 5


def test_minimum_size_can_be_lowered_by_the_rule_set():
    report = cohort_standings(SCORES, COHORTS, minimum_size=2)
    m7 = report.standing("m7", SECTOR_B)
    assert (m7.rank, m7.percentile, m7.withheld) == (1, 1, None)


def test_ranking_options_pass_through():
    report = cohort_standings(SCORES, COHORTS, method="dense")
    assert report.standing("m4", WHOLE).rank == 3
    low = cohort_standings(SCORES, COHORTS, direction="ascending")
    assert low.standing("m6", WHOLE).rank == 1


def test_for_subject_lists_every_cohort_in_order():
    report = cohort_standings(SCORES, COHORTS)
    assert [s.cohort for s in report.for_subject("m6")] == sorted([WHOLE, SECTOR_B])


def test_subjects_in_cohorts_need_scores():
    with raises_code(InvalidValueError, "S118", value="m8, m9"):
        cohort_standings(SCORES, {**COHORTS, "m9": [WHOLE], "m8": [WHOLE]})


@pytest.mark.parametrize("bad", [1, 0, True, "5"])
def test_minimum_size_must_be_at_least_two(bad):
    with raises_code(InvalidValueError, "S116"):
        cohort_standings(SCORES, COHORTS, minimum_size=bad)


def test_cohort_keys_must_be_keys():
    with raises_code(InvalidValueError, "S117", value="('sector', 'x')"):
        cohort_standings({"a": 1}, {"a": [("sector", "x")]})
    with pytest.raises(InvalidValueError):
        CohortKey("sector", "has space")


def test_unknown_standing_lookup_says_so():
    report = cohort_standings(SCORES, COHORTS)
    with raises_code(InvalidValueError, "S115", value="m6"):
        report.standing("m6", SECTOR_A)


def test_cohort_key_prints_its_chinese_kind():
    assert str(SECTOR_A) == "界别:econ"
    assert str(CohortKey("own_kind", "x")) == "own_kind:x"


def test_member_cohorts_from_the_model():
    day = dt.date(2024, 6, 1)
    standing = RoleSpell("standing_member", dt.date(2021, 1, 1))
    former = RoleSpell("常委", dt.date(2016, 1, 1), dt.date(2020, 12, 31))
    members = [
        Member(
            id="m1",
            name="王芳",
            sector_id="econ",
            unit_id="jiusan",
            activity_group_id="g1",
            special_committee_ids=("proposals", "culture"),
            roles=(standing,),
        ),
        Member(id="m2", name="丁一", sector_id="edu", roles=(former,)),
    ]
    cohorts = member_cohorts(members, on=day, committee_id="xz")
    assert cohorts["m1"] == (
        CohortKey("committee", "xz"),
        CohortKey("sector", "econ"),
        CohortKey("unit", "jiusan"),
        CohortKey("activity_group", "g1"),
        CohortKey("special_committee", "proposals"),
        CohortKey("special_committee", "culture"),
        CohortKey("standing_members", "xz"),
    )
    assert cohorts["m2"] == (CohortKey("committee", "xz"), CohortKey("sector", "edu"))


# ---- properties ----------------------------------------------------------------------------

ids = [f"m{i}" for i in range(12)]
keys = [CohortKey("committee", "all"), CohortKey("sector", "a"), CohortKey("sector", "b")]


@st.composite
def populations(draw):
    chosen = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=12, unique=True))
    scores = {s: draw(st.integers(0, 6)) for s in chosen}
    cohorts = {s: [keys[0], draw(st.sampled_from(keys[1:]))] for s in chosen}
    return scores, cohorts


@settings(max_examples=120)
@given(populations(), st.integers(2, 6))
def test_cohort_rank_is_the_rank_within_the_cohort_alone(population, minimum):
    scores, cohorts = population
    report = cohort_standings(scores, cohorts, minimum_size=minimum)
    for summary in report.summaries:
        members = {s: scores[s] for s, ks in cohorts.items() if summary.cohort in ks}
        assert summary.size == len(members)
        assert summary.minimum == min(members.values())
        assert summary.maximum == max(members.values())
        alone = rank(members)
        for standing in report.for_cohort(summary.cohort):
            if summary.size >= minimum:
                assert standing.rank == alone.entry(standing.subject_id).rank
                assert 0 <= standing.percentile <= 1
            else:
                assert standing.rank is None
                assert standing.withheld


@settings(max_examples=120)
@given(populations())
def test_percentile_is_monotone_and_equal_for_ties(population):
    scores, cohorts = population
    report = cohort_standings(scores, cohorts, minimum_size=2)
    for summary in report.summaries:
        group = report.for_cohort(summary.cohort)
        for x in group:
            for y in group:
                if x.rank is None:
                    continue
                if x.score == y.score:
                    assert x.percentile == y.percentile
                elif x.score > y.score:
                    assert x.percentile > y.percentile


@settings(max_examples=80)
@given(populations(), st.randoms(use_true_random=False))
def test_cohort_report_is_independent_of_input_order(population, rnd):
    scores, cohorts = population
    items = list(scores.items())
    rnd.shuffle(items)
    cohort_items = list(cohorts.items())
    rnd.shuffle(cohort_items)
    assert cohort_standings(dict(items), dict(cohort_items)) == cohort_standings(scores, cohorts)
