"""PatchedCredits gives exactly the rows a filtered and re-concatenated credits table gives."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from cppcc_model.engine.patched import PatchedCredits

_ROW = st.tuples(st.integers(0, 6), st.integers(0, 3), st.integers(0, 5))  # m, src, ri


def _frame(rows: list[tuple[int, int, int]], tag: int) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "m": [r[0] for r in rows],
            "src": [r[1] for r in rows],
            "ri": [r[2] for r in rows],
            "tag": [tag] * len(rows),
        },
        schema={"m": pl.Int32, "src": pl.Int8, "ri": pl.Int32, "tag": pl.Int32},
    )


def _canonical(frame: pl.DataFrame) -> list[tuple[int, ...]]:
    return sorted(frame.select("m", "src", "ri", "tag").iter_rows())


@settings(max_examples=150, deadline=None)
@given(
    st.lists(_ROW, max_size=40),
    st.lists(
        st.tuples(st.integers(0, 3), st.integers(0, 5), st.lists(st.integers(0, 6), max_size=4)),
        max_size=6,
    ),
    st.lists(st.integers(0, 6), max_size=5),
)
def test_patched_credits_equal_filtering_and_concatenating(
    rows: list[tuple[int, int, int]],
    replacements: list[tuple[int, int, list[int]]],
    asked: list[int],
) -> None:
    plain = _frame(rows, 0)
    patched = PatchedCredits(plain)
    for turn, (src, ri, members) in enumerate(replacements, start=1):
        new = _frame([(m, src, ri) for m in members], turn)
        mine = (pl.col("src") == src) & (pl.col("ri") == ri)
        expected_reached = set(plain.filter(mine)["m"].to_list()) | set(members)
        assert patched.replace(src, ri, new) == expected_reached
        plain = pl.concat([plain.filter(~mine), new])
    for src in range(4):
        records = list(range(6))
        expected = set(plain.filter(pl.col("src") == src)["m"].to_list())
        assert patched.members_of(src, records) == expected
    wanted = plain.filter(pl.col("m").is_in(asked))
    assert _canonical(patched.of(asked)) == _canonical(wanted)
