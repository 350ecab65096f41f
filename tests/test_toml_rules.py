"""TOML rule files: what they express, and how a bad file is reported."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from _ledgers import D, ledger, member, proposal
from cppcc_model.assess import assess
from cppcc_model.model import Period
from cppcc_model.rules.toml import RuleFileError, load_rule_set, loads_rule_set
from cppcc_model.testing.codes import raises_code

GOOD = """\
jurisdiction = "test.district"
name = "test-toml"
title = "测试办法"
effective_from = 2020-01-01

[rounding]
places = 1

[[categories]]
id = "proposals"
label = "提案"
cap = 25

[[categories.items]]
id = "proposals.each"
label = "每件提案"
where = { source = "proposal" }
value = { by_stage = { "提交" = 10, "立案" = 15 } }
attribution = { first_share = "1/2", collective = { max_members = 3, mode = "split" } }
counting = { at_most = 5 }

[[requirements]]
id = "one_proposal"
label = "至少一件提案"
where = { source = "proposal" }

[grades]
[[grades.bands]]
label = "合格"
at_least = 10
requires = ["one_proposal"]
[[grades.bands]]
label = "不合格"

[[triggers]]
kind = "score_below"
id = "low"
label = "低分预警"
threshold = "5.5"
consequence = "预警"
"""


def test_a_good_file_builds_a_working_rule_set() -> None:
    rule_set = loads_rule_set(GOOD, source="good.toml")
    data = ledger(
        [member("a"), member("b")],
        proposals=[proposal("j", "a", "b", steps=[("filed", D(2022, 2, 1))])],
    )
    result = assess(data, rule_set, Period.year(2022))
    assert result.totals() == {"a": Fraction(25, 2), "b": Fraction(25, 2)}
    assert result.card("a").grade == "合格"
    assert result.card("a").display_total == "12.5"


def problems(text: str) -> list[tuple[int | None, str | None, str | None, str | None]]:
    """Each problem's line, key, code and offending value."""
    with pytest.raises(RuleFileError) as info:
        loads_rule_set(text, source="bad.toml")
    return [(p.where.line, p.where.key, p.code, p.value) for p in info.value.problems]


CASES = [
    (
        'value = { by_stage = { "提交" = 10, "立案" = 15 } }',
        'value = { by_stage = { "提交" = 10.5 } }',
        (18, "categories[0].items[0].value.by_stage.提交", "R020", "10.5"),  # 10.5 is a float
    ),
    (
        "cap = 25",
        "cap = 25\ncolour = 'red'",
        (13, "categories[0].colour", "R017", "colour"),  # a category has unknown key(s): colour
    ),
    (
        'where = { source = "proposal" }\nvalue',
        'where = { source = "meeting" }\nvalue',
        (
            17,
            "categories[0].items[0].where",
            "V401",
            "meeting",
        ),  # 'meeting' is not a known 记录类别 (kind of record)
    ),
    (
        "counting = { at_most = 5 }",
        "counting = { at_most = 0 }",
        (
            20,
            "categories[0].items[0].counting",
            "R204",
            "0",
        ),  # expected a whole number of at least 1, got 0
    ),
    (
        'consequence = "预警"',
        'consequence = "开除"',
        (
            40,
            "triggers[0].consequence",
            "V401",
            "开除",
        ),  # '开除' is not a known 处理结果 (consequence)
    ),
    (
        "effective_from = 2020-01-01",
        'effective_from = "2020"',
        (
            4,
            "effective_from",
            "R018",
            "effective_from",
        ),  # effective_from must be a TOML date such as 2019-01-10
    ),
    (
        'requires = ["one_proposal"]',
        'requires = ["two_proposals"]',
        (
            31,
            "grades.bands[0].requires",
            "R043",
            "two_proposals",
        ),  # grade '合格' requires the unknown requirement 'two_proposals'
    ),
    (
        'attribution = { first_share = "1/2", collective = { max_members = 3, mode = "split" } }',
        'attribution = { first_share = "3/2" }',
        (
            19,
            "categories[0].items[0].attribution",
            "R203",
            "3/2",
        ),  # the first author's share must be between 0 and 1, got 3/2
    ),
    (
        'value = { by_stage = { "提交" = 10, "立案" = 15 } }',
        'value = { function = "nowhere.f" }',
        (
            18,
            "categories[0].items[0].value.function",
            "R034",
            "nowhere.f",
        ),  # no registered function is named 'nowhere.f'
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), CASES)
def test_each_bad_file_names_its_line_and_key(
    old: str, new: str, expected: tuple[int, str, str, str | None]
) -> None:
    assert old in GOOD
    found = problems(GOOD.replace(old, new, 1))
    assert expected in found, found


def test_several_problems_are_reported_at_once() -> None:
    text = GOOD.replace("cap = 25", "cap = 25.0").replace(
        'consequence = "预警"', 'consequence = "开除"'
    )
    assert len(problems(text)) == 2


def test_invalid_toml_syntax_gives_the_line() -> None:
    with raises_code(RuleFileError, "R001") as info:
        loads_rule_set("name = \n", source="x.toml")
    [problem] = info.value.problems
    assert (problem.code, problem.where.line) == ("R006", 1)  # not valid TOML, on line 1


def test_a_missing_file_is_a_rule_file_error(tmp_path: Path) -> None:
    with raises_code(RuleFileError, "R001"):
        load_rule_set(tmp_path / "missing.toml")


def test_toml_never_executes_code(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = GOOD.replace(
        'title = "测试办法"', f"title = \"__import__('os').system('touch {marker}')\""
    )
    rule_set = loads_rule_set(text)
    assert rule_set.title.startswith("__import__")
    assert not marker.exists()


def test_unknown_settings_and_rounding_keys_name_their_line() -> None:
    found = problems(GOOD.replace("places = 1", "places = 1\ndigits = 2"))
    assert (8, "rounding.digits", "R017", "digits") in found  # unknown key(s)
    found = problems(
        GOOD.replace("[rounding]", '[settings]\nconversion = "final"\nfoo = 1\n\n[rounding]')
    )
    assert (8, "settings.foo", "R017", "foo") in found


def test_counts_must_be_whole_numbers() -> None:
    text = GOOD.replace('id = "one_proposal"\nlabel', 'id = "one_proposal"\nat_least = "2"\nlabel')
    # R224: must be a whole number of at least 1
    assert ("R224", "2") in [(code, value) for *_, code, value in problems(text)]


def test_the_keyword_blocks_list_every_field() -> None:
    import attrs

    from cppcc_model.numbers import RoundingPolicy
    from cppcc_model.rules import Settings
    from cppcc_model.rules._toml_blocks import _KEYWORD_BLOCKS

    assert _KEYWORD_BLOCKS["settings"] == tuple(f.name for f in attrs.fields(Settings))
    assert _KEYWORD_BLOCKS["rounding"] == tuple(f.name for f in attrs.fields(RoundingPolicy))


def test_by_position_and_full_or_partial_in_toml() -> None:
    from cppcc_model.rules import ByPosition, FullOrPartial

    text = GOOD.replace(
        'value = { by_stage = { "提交" = 10, "立案" = 15 } }',
        "value = { by_position = { first = 15, others = 3 } }",
    )
    assert loads_rule_set(text).categories[0].items[0].value == ByPosition(15, 3)
    text = GOOD.replace(
        'value = { by_stage = { "提交" = 10, "立案" = 15 } }',
        "value = { full_or_partial = { full = 10, partial = 5 } }",
    )
    assert loads_rule_set(text).categories[0].items[0].value == FullOrPartial(10, 5)
    bad = GOOD.replace(
        'value = { by_stage = { "提交" = 10, "立案" = 15 } }',
        "value = { by_position = { first = 15 } }",
    )
    # R036: a by_position value needs first and others
    assert problems(bad) == [
        (18, "categories[0].items[0].value.by_position", "R036", "first and others")
    ]
