"""``cppcc awards`` as an office reads it: the band, the ties at the cut, the reasons.

A small ledger, worked by hand: five members with 3, 2, 1, 1 and 0 proposals (10 points
each). 王芳 and 李强 tie at 10 for the last of 3 places; 赵六 holds the 副主席 role.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from _ledgers import D, ledger, proposal
from cppcc_model.cli import cli
from cppcc_model.hookspecs import hookimpl
from cppcc_model.io.json import dump
from cppcc_model.messages import bilingual
from cppcc_model.model import Member, RoleSpell
from cppcc_model.plugins import Plugins, load_plugins
from cppcc_model.rules import Category, Item, Points, RuleSet, Where
from cppcc_model.rules.award_gates import Exclusion
from cppcc_model.rules.awards import Award, Quota


def _rules() -> RuleSet:
    return RuleSet(
        jurisdiction="test.district",
        name="cli-awards",
        title="测试表彰",
        effective_from=D(2020, 1, 1),
        categories=[
            Category(
                "proposals", "提案", [Item("p", "提案每件10分", Where("proposal"), Points(10))]
            )
        ],
        awards=[
            Award(
                "excellent",
                "优秀政协委员",
                "member",
                Quota(share="1/2", of="assessed", rounding="down"),
                exclude=[Exclusion("担任副主席", role="vice_chair")],
                ties="exclude",
                clause="第五条",
            ),
            Award("bottom", "末位提醒", "member", Quota(count=1), order="lowest"),
        ],
    )


class _Plugin:
    @hookimpl
    def cppcc_register_rule_sets(self, register: Callable[[RuleSet], None]) -> None:
        register(_rules())


def _loader(strict: bool) -> Plugins:
    return load_plugins([("cli-awards", _Plugin())], entry_points=False, strict=strict)


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    members = [
        Member("m1", "张伟", "s"),
        Member("m2", "陈静", "s"),
        Member("m3", "王芳", "s"),
        Member("m4", "李强", "s"),
        Member("m5", "赵六", "s", roles=[RoleSpell("vice_chair", D(2020, 1, 1))]),
        Member("m6", "孙七", "s"),
    ]
    proposals = [
        proposal("p1", "m1"),
        proposal("p2", "m1"),
        proposal("p3", "m1"),
        proposal("p4", "m2"),
        proposal("p5", "m2"),
        proposal("p6", "m3"),
        proposal("p7", "m4"),
        proposal("p8", "m5"),
        proposal("p9", "m5"),
        proposal("p10", "m5"),
        proposal("p11", "m5"),
    ]
    path = tmp_path / "ledger.json"
    dump(ledger(members, proposals=proposals), path)
    return path


def _run(*args: object) -> Any:
    return CliRunner().invoke(cli, [str(a) for a in args], obj=_loader)


def test_the_band_the_tie_and_the_reasons_in_both_languages(dataset: Path) -> None:
    # 6 assessed; half, rounded down, is 3 places. 赵六 (40) is excluded; 张伟 30 and 陈静 20
    # win; 王芳 and 李强 tie at 10 across the cut and are left out (ties='exclude').
    result = _run(
        "awards", dataset, "--rules", "cli-awards", "--year", "2022", "--all", "--format", "json"
    )
    assert result.exit_code == 0, result.output
    excellent, bottom = json.loads(result.stdout)["awards"]
    assert [w["name"] for w in excellent["winners"]] == ["张伟", "陈静"]
    assert excellent["band"] == {
        "low": 3,
        "target": 3,
        "high": 3,
        "denominator": 6,
        "of": "assessed",
        "soft": False,
        "winners_fall": "below",
    }
    assert excellent["ties"] == [
        {
            "score": "10",
            "subjects": ["m3", "m4"],
            "winners": [],
            "decided_by": [],
            "policy": "exclude",
        }
    ]
    out = {n["name"]: n for n in excellent["not_selected"]}
    assert out["赵六"]["stage"] == "eligibility"
    assert out["赵六"]["reason_zh"] == "不符合条件：担任副主席，不得参评"
    assert out["赵六"]["reason"] == "not eligible: excluded: holds the role vice_chair"
    assert out["王芳"]["stage"] == "tie"
    assert out["孙七"]["reason_zh"] == "排名第5，未进入名额(3名)"
    assert excellent["counts"]["out_tie"] == 2
    # lowest first: 孙七 (0) is last.
    assert [w["name"] for w in bottom["winners"]] == ["孙七"]


def test_the_table_shows_the_band_where_the_winners_fall_and_how_the_tie_was_broken(
    dataset: Path,
) -> None:
    result = _run("awards", dataset, "--rules", "cli-awards", "--year", "2022", "--all")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "名额 quota: 按50%评选(向下取整)" in text
    assert "区间 band 3, 目标 target 3; 基数 denominator 6 (assessed)" in text
    assert "获奖 winners 2: 低于区间 below the band" in text
    assert "名额线上的并列 ties at the cut" in text
    assert "王芳、李强" in text
    assert "并列者均不入选 (exclude)" in text
    assert "not eligible: excluded: holds the role vice_chair" in text  # the tests pin English
    assert "排序 order: 从低到高 lowest first" in text


def _not_selected(
    dataset: Path, lang: list[str], env: dict[str, str] | None
) -> dict[str, list[str]]:
    """The 未入选 table of the first award as csv rows by name, run in a language."""
    result = CliRunner().invoke(
        cli,
        [*lang, "awards", str(dataset), "--rules", "cli-awards", "--year", "2022", "--all"]
        + ["--format", "csv"],
        obj=_loader,
        env=env,
    )
    assert result.exit_code == 0, result.output
    block = result.stdout.split("未入选 not selected")[1].split("\n\n")[0]
    rows = list(csv.reader(io.StringIO(block.strip())))
    return {row[1]: row for row in rows}


@pytest.mark.parametrize(
    ("lang", "env"),
    [(["--lang", "zh"], None), ([], {"CPPCC_LANG": "zh"}), (["--lang", "en"], None)],
)
def test_the_reasons_not_selected_are_in_the_chosen_language(
    dataset: Path, lang: list[str], env: dict[str, str] | None
) -> None:
    rows = _not_selected(dataset, lang, env)
    chinese = (env or {}).get("CPPCC_LANG") == "zh" or lang == ["--lang", "zh"]
    header = rows["名称"]
    assert header == ["编号", "名称", "得分", "环节", "原因" if chinese else "reason"]
    if chinese:
        assert rows["赵六"][4] == "不符合条件：担任副主席，不得参评"  # the rule's own words
        assert rows["孙七"][4] == "排名第5，未进入名额(3名)"
        assert rows["王芳"][4].startswith("与其他1人同分10并列")
    else:
        assert rows["赵六"][4] == "not eligible: excluded: holds the role vice_chair"
        assert rows["孙七"][4] == "ranked 5, below the quota of 3"
    every = " ".join(row[4] for name, row in rows.items() if name != "名称")
    # one language per column: no English words in Chinese, no Chinese in English
    assert (re.search(r"[a-z]{3,}", every) is None) == chinese
    assert (re.search(r"[\u4e00-\u9fff]", every) is not None) == chinese


def test_a_reason_given_only_in_english_is_put_into_chinese_by_the_catalogue() -> None:
    assert bilingual("ranked 5, below the quota of 4", "", "zh") == "排名第 5，在名额 4 之外"
    assert bilingual("ranked 5, below the quota of 4", "ranked 5, below the quota of 4") == (
        "排名第 5，在名额 4 之外"
    )
    assert bilingual("not eligible: holds 主席", None) == "不符合条件：担任 主席"
    assert bilingual("score 70 is below the minimum 75", None) == "得分 70 低于最低分 75"
    assert bilingual(None, "担任主席", "en") == "担任主席"  # nothing English to give
