"""A rule set as an outline (``cppcc rules show``) and what changed between two (``rules diff``)."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from cppcc_model.cli import cli
from cppcc_model.rules import Points
from cppcc_model.rules.outline import block_families, describe_block, diff, outline
from cppcc_model.rules.toml import loads_rule_set

ROOT = Path(__file__).resolve().parents[1]
TONGCHENG_TOML = (
    ROOT / "plugins/cppcc-rules-tongcheng/src/cppcc_rules_tongcheng/tongcheng-2019.toml"
)

RULES = """\
jurisdiction = "test.district"
name = "test-2020"
title = "测试办法"
effective_from = 2020-01-01

[[categories]]
id = "proposals"
label = "提案"
clause = "第三条"
cap = {cap}

[[categories.items]]
id = "proposals.each"
label = "每件提案"
clause = "第三条(一)"
where = {{ source = "proposal" }}
value = {{ points = {points} }}
"""


def rules(cap: str = "25", points: str = "10") -> object:
    return loads_rule_set(RULES.format(cap=cap, points=points), source="test.toml")


def test_the_outline_reads_like_the_rule_text() -> None:
    lines = {line.path: line for line in outline(rules())}  # type: ignore[arg-type]
    assert lines["title"].text == "测试办法"
    assert lines["effective_from"].text == "2020-01-01"
    category = lines["categories/proposals"]
    assert (category.text, category.clause, category.is_node) == ("proposals 提案", "第三条", True)
    item = lines["categories/proposals/items/proposals.each"]
    assert (item.text, item.clause, item.depth) == ("proposals.each 每件提案", "第三条(一)", 1)
    assert lines["categories/proposals/items/proposals.each/value"].text == Points(10).describe()
    assert lines["categories/proposals/cap"].text == "25"


def test_a_changed_cap_is_one_change_at_its_place() -> None:
    changes = diff(outline(rules()), outline(rules(cap="30")))  # type: ignore[arg-type]
    assert [(c.path, c.kind, c.old, c.new) for c in changes] == [
        ("categories/proposals/cap", "changed", "25", "30")
    ]


def test_an_added_item_lists_its_lines_and_a_removed_one_too() -> None:
    base = rules()
    extra = attrs.evolve(
        base.categories[0],  # type: ignore[attr-defined]
        items=(
            *base.categories[0].items,  # type: ignore[attr-defined]
            attrs.evolve(base.categories[0].items[0], id="proposals.key", label="重点提案"),  # type: ignore[attr-defined]
        ),
    )
    grown = attrs.evolve(base, categories=(extra,))  # type: ignore[misc]
    added = diff(outline(base), outline(grown))  # type: ignore[arg-type]
    assert {c.kind for c in added} == {"added"}
    assert added[0].path == "categories/proposals/items/proposals.key"
    assert added[0].new == "proposals.key 重点提案"
    removed = diff(outline(grown), outline(base))  # type: ignore[arg-type]
    assert {c.kind for c in removed} == {"removed"}
    assert [c.path for c in removed] == [c.path for c in added]


@given(
    cap=st.integers(min_value=0, max_value=10**6),
    points=st.fractions(min_value=-100, max_value=100, max_denominator=12),
)
def test_a_rule_set_never_differs_from_itself(cap: int, points: Fraction) -> None:
    built = rules(cap=str(cap), points=f'"{points}"')
    assert diff(outline(built), outline(built)) == ()  # type: ignore[arg-type]


def test_exact_numbers_are_described_exactly() -> None:
    assert describe_block(Fraction(5, 2)) == "5/2"
    assert describe_block(Fraction(1, 3)) == "1/3"
    assert describe_block(frozenset({"b", "a"})) == "{a, b}"


def test_every_exported_block_has_a_family_and_a_meaning() -> None:
    import cppcc_model.rules

    families = block_families(cppcc_model.rules)
    listed = {name for entries in families.values() for name, _ in entries}
    assert {"Points", "Item", "Category", "Award", "Grades", "Where"} <= listed
    assert all(meaning for entries in families.values() for _, meaning in entries)
    assert "values" in families
    meaning = (Points.__doc__ or "").strip().splitlines()[0]
    assert ("Points", meaning) in families["values"]


@pytest.mark.installed_plugins
def test_rules_show_prints_every_category_with_its_clause() -> None:
    result = CliRunner().invoke(cli, ["rules", "show", "tongcheng"])
    assert result.exit_code == 0, result.output
    assert "meetings 会议 (50分)  〔第三条(一)〕" in result.output
    assert "    value: 提交 10 + 立案 15" in result.output


@pytest.mark.installed_plugins
def test_the_toml_twin_of_tongcheng_differs_only_in_name_and_plugin_readings() -> None:
    result = CliRunner().invoke(
        cli, ["rules", "diff", "tongcheng@2020-01-01", str(TONGCHENG_TOML), "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    changes = json.loads(result.output)["changes"]
    # The Python rule set declares its options' readings; a TOML rule file has no options.
    assert {c["path"] for c in changes} <= {"name", "plugin"} | {
        c["path"] for c in changes if c["path"].startswith(("options/", "readings/"))
    }
    assert not [c for c in changes if c["path"].startswith("categories")]


@pytest.mark.installed_plugins
def test_rules_blocks_lists_group_blocks_too() -> None:
    result = CliRunner().invoke(cli, ["rules", "blocks", "-f", "json"])
    assert result.exit_code == 0, result.output
    blocks = json.loads(result.output)["blocks"]
    assert any(b["block"] == "GroupRules" for entries in blocks.values() for b in entries)


@pytest.mark.installed_plugins
def test_an_unknown_rule_set_is_a_clear_error() -> None:
    result = CliRunner().invoke(cli, ["rules", "show", "nowhere"])
    assert result.exit_code == 2
    assert "nowhere" in result.output
