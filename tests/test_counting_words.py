"""``FromNth`` writes English ordinals (1st, 2nd, 3rd, 11th, 12th, 13th, 21st …), never "2th"."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cppcc_model.engine import evaluate
from cppcc_model.rules.counting import FromNth
from cppcc_model.scorecard import Entry


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (10, "10th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (14, "14th"),
        (21, "21st"),
        (22, "22nd"),
        (23, "23rd"),
        (101, "101st"),
        (111, "111th"),
        (112, "112th"),
        (113, "113th"),
        (1002, "1002nd"),
    ],
)
def test_from_nth_says_its_place_as_an_english_ordinal(n: int, words: str) -> None:
    assert FromNth(n).describe() == f"from the {words}"


def _entry(day: int) -> Entry:
    one = Fraction(1)
    return Entry(f"p{day}", "proposal", dt.date(2024, 1, day), one, one, one)


def test_the_entries_left_out_say_from_which_one_it_counts() -> None:
    counted = evaluate.count(FromNth(2), [_entry(1), _entry(2), _entry(3)])
    assert counted.points == 2
    assert [e.counted for e in counted.entries] == [False, True, True]
    assert counted.entries[0].note == "第2件起计分 (counts from the 2nd)"


@given(st.integers(min_value=1, max_value=10**6))
def test_an_ordinal_follows_the_english_rules(n: int) -> None:
    words = FromNth(n).describe().removeprefix("from the ")
    number, suffix = words[:-2], words[-2:]
    assert number == str(n)
    if n % 100 in (11, 12, 13):
        assert suffix == "th"
    else:
        assert suffix == {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    # the suffix depends on the last two digits only
    assert FromNth(n + 100).describe().endswith(suffix)
