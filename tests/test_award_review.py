"""The review pipeline (推荐 → 审核 → 审定) as dataset records, and the 公示名单.

Worked by hand: five members are nominated for 优秀政协委员 in 2022; four pass the review; three
are approved (王芳, 李强, 马丽) and one is not (赵六). 马 has 3 strokes, 王 4, 李 7: the approved
list in 姓氏笔画 order is 马丽, 王芳, 李强.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings

from _ledgers import COMMITTEE, D
from cppcc_model import Ledger
from cppcc_model.assess.award_review import PUBLICITY_COLUMNS, publicity_rows, review_award
from cppcc_model.cli import cli
from cppcc_model.errors import IntegrityError
from cppcc_model.hookspecs import hookimpl
from cppcc_model.io.dataset import load_dataset, write_dataset
from cppcc_model.io.json import dumps, loads
from cppcc_model.model import AwardRecord, Member, Sector
from cppcc_model.plugins import Plugins, load_plugins
from cppcc_model.rules import Category, Item, Points, RuleSet, Where
from cppcc_model.rules.awards import Award, Quota
from cppcc_model.testing import strategies
from cppcc_model.testing.codes import raises_code


def _ledger(extra: tuple[AwardRecord, ...] = ()) -> Ledger:
    members = [
        Member("wang", "王芳", "econ", workplace="某中学校长"),
        Member("li", "李强", "edu", workplace="区人民医院副院长"),
        Member("ma", "马丽", "econ"),
        Member("zhao", "赵六", "edu", workplace="某公司董事长"),
        Member("sun", "孙七", "edu"),
    ]
    steps = {
        "wang": ("推荐", "审核", "审定"),
        "li": ("推荐", "审核", "审定"),
        "ma": ("推荐", "审核", "审定"),
        "zhao": ("推荐", "审核", "未通过"),
        "sun": ("推荐",),
    }
    records = [
        AwardRecord(f"{member}-{i}", "excellent_member", member, 2022, stage, on=D(2023, 1, 10 + i))
        for member, stages in steps.items()
        for i, stage in enumerate(stages)
    ]
    return Ledger(
        committee=COMMITTEE,
        sectors=[Sector("econ", "经济界"), Sector("edu", "教育界")],
        members=members,
        award_records=[*records, *extra],
    )


def test_counts_at_each_stage_and_the_approved_list_in_stroke_order() -> None:
    review = review_award(_ledger(), "excellent_member", 2022)
    assert review.counts == {"nominated": 5, "reviewed": 4, "approved": 3, "not_approved": 1}
    assert review.approved == ("ma", "wang", "li")
    assert review.problems == ()
    assert review_award(_ledger(), "excellent_member", 2021).counts["nominated"] == 0


def test_steps_out_of_order_are_named() -> None:
    skipped = (AwardRecord("x", "other", "sun", 2022, "approved"),)
    review = review_award(_ledger(skipped), "other", 2022)
    assert review.problems == (
        "sun: 审定 with no nomination (推荐) on record",
        "sun: approved (审定) with no review (审核) on record",
    )


def test_the_public_notice_rows() -> None:
    ledger = _ledger()
    rows = publicity_rows(ledger, review_award(ledger, "excellent_member", 2022).approved)
    assert [key for key, _ in PUBLICITY_COLUMNS] == ["number", "name", "sector", "workplace"]
    assert rows == [
        {"number": 1, "name": "马丽", "sector": "经济界", "workplace": None},
        {"number": 2, "name": "王芳", "sector": "经济界", "workplace": "某中学校长"},
        {"number": 3, "name": "李强", "sector": "教育界", "workplace": "区人民医院副院长"},
    ]


def test_an_award_record_about_nobody_is_an_integrity_problem() -> None:
    with raises_code(IntegrityError, "I001"):
        _ledger((AwardRecord("g", "excellent_member", "ghost", 2022, "推荐"),))


@pytest.mark.parametrize(("fmt", "suffix", "headers"), [("csv", "", "en"), ("xlsx", ".xlsx", "zh")])
def test_award_records_and_workplaces_survive_the_dataset_formats(
    tmp_path: Path, fmt: str, suffix: str, headers: str
) -> None:
    ledger = _ledger()
    assert loads(dumps(ledger)) == ledger
    target = tmp_path / f"dataset{suffix}"
    write_dataset(ledger, target, fmt, headers=headers)  # type: ignore[arg-type]
    assert load_dataset(target) == ledger


@settings(max_examples=30, deadline=None)
@given(strategies.ledgers())
def test_generated_award_records_round_trip_through_json(ledger: Ledger) -> None:
    assert loads(dumps(ledger)) == ledger


class _Plugin:
    @hookimpl
    def cppcc_register_rule_sets(self, register: Callable[[RuleSet], None]) -> None:
        register(
            RuleSet(
                jurisdiction="test.district",
                name="review-awards",
                title="t",
                effective_from=D(2020, 1, 1),
                categories=[
                    Category("pc", "提案", [Item("p", "提案", Where("proposal"), Points(10))])
                ],
                awards=[Award("excellent_member", "优秀政协委员", "member", Quota(count=2))],
            )
        )


def _loader(strict: bool) -> Plugins:
    return load_plugins([("review", _Plugin())], entry_points=False, strict=strict)


def test_cppcc_awards_shows_the_review_counts_and_the_notice(tmp_path: Path) -> None:
    path = tmp_path / "ledger.json"
    path.write_text(dumps(_ledger()), encoding="utf-8")
    args = ["awards", str(path), "--rules", "review-awards", "--year", "2022"]
    result = CliRunner().invoke(cli, [*args, "--format", "json"], obj=_loader)
    assert result.exit_code == 0, result.output
    (award,) = json.loads(result.stdout)["awards"]
    review = award["review"]
    assert review["counts"] == {"nominated": 5, "reviewed": 4, "approved": 3, "not_approved": 1}
    assert [row["name"] for row in review["notice_rows"]] == ["马丽", "王芳", "李强"]
    # nobody has a score (no proposals): all five tie at 0 across 2 places — none is selected
    assert award["notice_rows"] == []
    table = CliRunner().invoke(cli, args, obj=_loader).stdout
    assert "评审 review 2022 (推荐 → 审核 → 审定)" in table
    assert "审定名单 approved 2022 — 公示名单" in table
    assert "工作单位及职务" in table
    assert "区人民医院副院长" in table
