"""The ``cppcc`` command, run through click's CliRunner on the example datasets.

The seed documents' figures (shared/reference/seed-figures.md) are checked THROUGH the command:
its JSON output is what a script would read.
"""

from __future__ import annotations

import itertools
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner, Result
from cppcc_rules_tongcheng import build_rule_set as tongcheng_rules

from cppcc_model.cli import ExitCode, cli, main
from cppcc_model.cli.options import name_key
from cppcc_model.hookspecs import hookimpl
from cppcc_model.io.dataset import load_dataset
from cppcc_model.io.json import dump
from cppcc_model.messages import translate
from cppcc_model.plugins import Plugins, load_plugins
from cppcc_model.rules import Requirement, RuleSet, Where
from cppcc_model.rules.awards import Award, Quota
from cppcc_model.testing.conformance import reversed_ledger

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
LIUJIANG = EXAMPLES / "liujiang" / "dataset"
DAWA = EXAMPLES / "dawa" / "dataset"
CHENGHUA = EXAMPLES / "chenghua" / "dataset"
TOTAL = "全部 total"


def run(*args: object, obj: Any = None) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], obj=obj)


def run_json(*args: object, obj: Any = None) -> Any:
    result = run(*args, "--format", "json", obj=obj)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# ---------------------------------------------------------------- seed 001: Liujiang


def test_liujiang_44_received_38_filed_32_local_6_to_the_city() -> None:
    data = run_json("proposals", "stats", LIUJIANG, "--period", "2022-01-08..2022-06-15")
    counts = data["groups"][TOTAL]["counts"]
    assert counts["received"] == 44
    assert counts["filed"] == 38
    assert counts["handled_locally"] == 32
    assert counts["transferred_up"] == 6
    assert counts["handed_over"] == 38  # 交办完毕 by mid-June
    assert counts["key"] == 3


def test_liujiang_32_assigned_on_3_may() -> None:
    on_may_3 = run_json("proposals", "stats", LIUJIANG, "--period", "2022-01-08..2022-05-03")
    assert on_may_3["groups"][TOTAL]["counts"]["assigned"] == 32
    before = run_json("proposals", "stats", LIUJIANG, "--period", "2022-01-08..2022-05-02")
    assert before["groups"][TOTAL]["counts"]["assigned"] == 0


def test_liujiang_more_than_21_information_leads_in_the_half_year() -> None:
    data = run_json("info", "stats", LIUJIANG, "--period", "2022-H1")
    assert data["groups"][TOTAL]["counts"]["submitted"] > 21


def test_liujiang_four_sector_groups_through_the_grouped_statistics() -> None:
    data = run_json("proposals", "stats", LIUJIANG, "--year", "2022", "--by", "group")
    names = {v["name"] for k, v in data["groups"].items() if k != TOTAL}
    assert names == {"科技组", "社会组", "工商组", "法制组"}


# ---------------------------------------------------------------- seed 003: Dawa


def test_dawa_48_filed_replied_met_and_satisfied_in_full_3_supervised() -> None:
    data = run_json("proposals", "stats", DAWA, "--year", "2023")
    total = data["groups"][TOTAL]
    assert total["counts"]["filed"] == 48
    assert total["counts"]["supervised"] == 3
    for rate in ("reply_rate", "face_to_face_rate", "satisfaction_rate"):
        assert total["rates"][rate]["percent"] == "100.00%"
        assert total["rates"][rate]["denominator"] == 48


@pytest.mark.parametrize("base", ["rated", "replied", "assigned"])
def test_dawa_satisfaction_is_100_percent_on_every_base(base: str) -> None:
    data = run_json("proposals", "stats", DAWA, "--year", "2023", "--satisfaction-base", base)
    assert data["groups"][TOTAL]["rates"]["satisfaction_rate"]["percent"] == "100.00%"


def test_dawa_26_information_items_and_209_members() -> None:
    info = run_json("info", "stats", DAWA, "--year", "2023")
    assert info["groups"][TOTAL]["counts"]["submitted"] == 26
    valid = run_json("validate", DAWA)
    assert valid["valid"] is True
    assert valid["records"]["members"] == 209


def test_dawa_all_members_sit_on_one_of_4_special_committees() -> None:
    data = run_json("proposals", "stats", DAWA, "--year", "2023", "--by", "committee")
    committees = [k for k in data["groups"] if k != TOTAL]
    assert len(committees) == 4


# ---------------------------------------------------------------- seed 002: Chenghua

SIX = {"提案委": 1, "经济委": 1, "城环委": 1, "科教委": 1, "法社委": 1, "文史委": 1}


def test_chenghua_33_items_in_5_categories_with_their_lead_bodies() -> None:
    data = run_json("workplan", CHENGHUA)
    assert data["items"] == 33
    categories = {c["label"]: (c["items"], c["lead_bodies"]) for c in data["categories"]}
    assert list(categories) == ["重点协商", "重点调研", "对口协商", "界别协商", "重要会议活动"]
    assert categories["重点协商"] == (
        9,
        {
            "办公室": 1,
            "研究室": 1,
            "提案委": 2,
            "经济委": 1,
            **{k: 1 for k in SIX if k not in ("提案委", "经济委")},
        },
    )
    assert categories["重点调研"] == (7, {**SIX, "经济委": 2})
    assert categories["对口协商"] == (6, SIX)
    assert categories["界别协商"] == (6, SIX)
    assert categories["重要会议活动"] == (5, {})


def test_chenghua_the_ninth_consultation_is_open_and_the_meetings_are_one_plenary_and_four() -> (
    None
):
    items = run_json("workplan", CHENGHUA)["work_items"]
    consultations = [i for i in items if i["category"] == "key_consultation"]
    assert consultations[8]["lead_bodies"] == []
    assert "增加协商议题" in consultations[8]["title"]
    meetings = [i["title"] for i in items if i["category"] == "key_meeting"]
    assert meetings[0] == "区政协八届二次会议"
    assert sum("常委会议" in t for t in meetings[1:]) == 4
    assert [i["number"] for i in items] == list(range(1, 34))


def test_the_workplan_table_shows_categories_and_totals() -> None:
    result = run("workplan", CHENGHUA)
    assert result.exit_code == 0
    assert "共33项" in result.stdout
    assert "经济委×2" in result.stdout


# ---------------------------------------------------------------- scoring and ranking


def test_rank_lists_equal_scores_in_stroke_order_with_shared_places() -> None:
    data = run_json("rank", LIUJIANG, "--rules", "tongcheng")
    entries = data["rankings"][0]["entries"]
    assert len(entries) == 36
    for before, after in itertools.pairwise(entries):
        assert before["total"] != after["total"] or (
            before["rank"] == after["rank"] and name_key(before["name"]) <= name_key(after["name"])
        )
    top = [e["name"] for e in entries if e["rank"] == 1]
    assert top == ["马俊杰", "李卫东", "何桂芳", "罗小红", "胡晓雯", "黄建明"]
    assert entries[6]["rank"] == 7  # competition: 1 ×6, then 7


def test_dense_ranking_numbers_places_consecutively() -> None:
    entries = run_json("rank", LIUJIANG, "--rules", "tongcheng", "--method", "dense")["rankings"][
        0
    ]["entries"]
    assert entries[6]["rank"] == 2
    assert sorted({e["rank"] for e in entries}) == list(
        range(1, max(e["rank"] for e in entries) + 1)
    )


def test_rank_by_group_and_party_uses_the_members_mean_score() -> None:
    data = run_json("rank", LIUJIANG, "--rules", "tongcheng", "--by", "group", "--by", "party")
    groups, parties = data["rankings"]
    assert [e["name"] for e in groups["entries"]] == ["社会组", "法制组", "工商组", "科技组"]
    assert groups["basis"] == "per_capita"
    scores = {
        e["member_id"]: e for e in run_json("score", LIUJIANG, "--rules", "tongcheng")["cards"]
    }
    assert scores  # the member scores behind the means
    assert {e["id"] for e in parties["entries"]} >= {"jiusan", "cpc"}


def test_the_output_does_not_depend_on_record_order(tmp_path: Path) -> None:
    ledger = load_dataset(LIUJIANG)
    dump(reversed_ledger(ledger), tmp_path / "reversed.json")
    dump(ledger, tmp_path / "forward.json")
    args = ("rank", "--rules", "tongcheng", "--by", "member", "--by", "sector", "-f", "csv")
    forward = run(args[0], tmp_path / "forward.json", *args[1:])
    backward = run(args[0], tmp_path / "reversed.json", *args[1:])
    assert forward.exit_code == 0
    assert forward.stdout == backward.stdout


def test_score_uses_category_labels_as_headers() -> None:
    result = run("score", LIUJIANG, "--rules", "tongcheng-2019", "--format", "csv")
    assert result.exit_code == 0
    header = result.stdout.splitlines()[0]
    assert header.startswith("编号,姓名,总分,等次,会议 (50分)")


def test_explain_shows_the_card_line_by_line_with_clauses() -> None:
    result = run("explain", LIUJIANG, "卢振宇", "--rules", "tongcheng")
    assert result.exit_code == 0
    assert "总分 total: 64.50" in result.stdout
    assert "[第三条(二)]" in result.stdout
    assert "第一提案人: 1/2 of 25" in result.stdout
    by_id = run_json("explain", LIUJIANG, "lj18", "--rules", "tongcheng")
    assert by_id["member_id"] == "lj18"
    assert by_id["total"] == "129/2"


def test_explain_an_unknown_member_is_one_clear_message() -> None:
    result = run("explain", LIUJIANG, "无此人", "--rules", "tongcheng")
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "无此人" in result.stderr
    assert "Traceback" not in result.output


def test_a_toml_rule_file_can_be_given_as_rules(tmp_path: Path) -> None:
    rules = tmp_path / "plenary.toml"
    rules.write_text(
        'jurisdiction = "test.plenary"\nname = "plenary-2022"\ntitle = "全会出席"\n'
        'effective_from = 2022-01-01\n\n[[categories]]\nid = "meetings"\nlabel = "会议"\n\n'
        '[[categories.items]]\nid = "meetings.plenary"\nlabel = "出席全会10分"\n'
        'where = { source = "attendance", kinds = ["全体会议"], statuses = ["出席"] }\n'
        "value = { points = 10 }\n",
        encoding="utf-8",
    )
    cards = run_json("score", LIUJIANG, "--rules", rules)["cards"]
    totals = {c["member_id"]: c["total"] for c in cards}
    assert totals["lj06"] == "0"  # excused from the plenary
    assert totals["lj01"] == "10"


def test_a_broken_toml_rule_file_is_located_by_line(tmp_path: Path) -> None:
    rules = tmp_path / "bad.toml"
    rules.write_text(
        'jurisdiction = "x"\nname = "x"\ntitle = "x"\neffective_from = 2022-01-01\ncategories = 3\n'
    )
    result = run("score", LIUJIANG, "--rules", rules)
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "line 5" in result.stderr
    assert "Traceback" not in result.output


# ---------------------------------------------------------------- check


def test_check_exits_3_when_someone_misses_a_required_minimum() -> None:
    result = run("check", LIUJIANG, "--rules", "minhang")
    assert result.exit_code == ExitCode.CHECK_FAILED
    assert "未达标" in result.stdout
    lenient = run("check", LIUJIANG, "--rules", "minhang", "--no-fail")
    assert lenient.exit_code == 0


def test_check_lists_each_requirement_for_each_member() -> None:
    data = CliRunner().invoke(cli, ["check", str(LIUJIANG), "--rules", "minhang", "-f", "json"])
    payload = json.loads(data.stdout)
    assert len(payload["members"]) == 36
    assert all(len(m["requirements"]) == 4 for m in payload["members"])
    assert payload["failed"] == sum(not m["met"] for m in payload["members"])


def test_check_without_requirements_passes_and_says_so() -> None:
    result = run("check", LIUJIANG, "--rules", "tongcheng")
    assert result.exit_code == 0
    assert "没有基本要求" in result.stdout


# ---------------------------------------------------------------- awards, with a test plugin


def _with_awards() -> RuleSet:
    base = tongcheng_rules()
    return attrs.evolve(
        base,
        name="tongcheng-awards",
        requirements=[Requirement("one_proposal", "至少一件提案", [Where("proposal")])],
        awards=[
            Award(
                "excellent",
                "优秀政协委员",
                "member",
                Quota(count=6),
                requires=["one_proposal"],
                clause="第五条",
            )
        ],
    )


class _AwardsPlugin:
    @hookimpl
    def cppcc_register_rule_sets(self, register: Callable[[RuleSet], None]) -> None:
        register(_with_awards())


def _awards_loader(strict: bool) -> Plugins:
    return load_plugins([("awards", _AwardsPlugin())], entry_points=False, strict=strict)


def test_awards_lists_winners_the_notice_in_name_order_and_reasons() -> None:
    data = run_json("awards", LIUJIANG, "--rules", "tongcheng-awards", "--all", obj=_awards_loader)
    (award,) = data["awards"]
    assert len(award["winners"]) == 6
    assert award["notice"] == ["马俊杰", "李卫东", "何桂芳", "罗小红", "胡晓雯", "黄建明"]
    assert all(entry["reason"] for entry in award["not_selected"])
    assert len(award["winners"]) + len(award["not_selected"]) == 36
    table = run("awards", LIUJIANG, "--rules", "tongcheng-awards", "--all", obj=_awards_loader)
    assert "公示名单" in table.stdout
    assert "未入选" in table.stdout
    assert "[第五条]" in table.stdout


def test_awards_without_all_leaves_out_the_reasons() -> None:
    data = run_json("awards", LIUJIANG, "--rules", "tongcheng-awards", obj=_awards_loader)
    assert "not_selected" not in data["awards"][0]


# ---------------------------------------------------------------- plugins


def test_plugins_lists_the_installed_rule_plugins_with_their_rule_sets() -> None:
    data = run_json("plugins")
    by_name = {p["name"]: p for p in data["plugins"]}
    tongcheng = by_name["tongcheng"]
    assert tongcheng["status"] == "loaded"
    assert tongcheng["distribution"] == "cppcc-rules-tongcheng"
    (rule_set,) = tongcheng["rule_sets"]
    readings = rule_set.pop("readings")
    assert rule_set == {
        "name": "tongcheng-2019",
        "title": "政协桐城市委员会委员履职考核暂行办法",
        "jurisdiction": "anhui.anqing.tongcheng",
        "effective_from": "2019-01-10",
        "effective_until": None,
    }
    assert [(r["name"], r["value"], r["choices"]) for r in readings] == [
        ("collective", "full", ["full", "split"]),
        ("meetings_floor", None, []),
    ]
    assert by_name["guangshui"]["rule_sets"][0]["jurisdiction"] == "hubei.suizhou.guangshui"


class _Broken:
    @hookimpl
    def cppcc_register_rule_sets(self, register: Callable[[RuleSet], None]) -> None:
        raise RuntimeError("boom")


def _broken_loader(strict: bool) -> Plugins:
    return load_plugins(
        [("broken", _Broken()), ("awards", _AwardsPlugin())], entry_points=False, strict=strict
    )


def test_a_failing_plugin_is_a_warning_and_an_error_under_plugin_strict() -> None:
    lenient = run("plugins", obj=_broken_loader)
    assert lenient.exit_code == 0
    assert "cppcc: warning:" in lenient.stderr
    assert "broken" in lenient.stderr
    assert "加载失败 failed" in lenient.stdout
    strict = run("--plugin-strict", "plugins", obj=_broken_loader)
    assert strict.exit_code == ExitCode.PLUGIN_ERROR
    assert "boom" in strict.stderr
    assert "Traceback" not in strict.output


# ---------------------------------------------------------------- errors and exit codes


@pytest.fixture
def malformed(tmp_path: Path) -> Path:
    target = tmp_path / "liujiang"
    shutil.copytree(LIUJIANG, target)
    proposals = target / "提案.csv"
    text = proposals.read_text(encoding="utf-8-sig").replace("2022-01-08", "2022-13-45", 1)
    proposals.write_text(text, encoding="utf-8-sig")
    members = target / "委员.csv"
    lines = members.read_text(encoding="utf-8-sig").splitlines()
    lines.append("lj99,无名,nosuchsector" + "," * (lines[0].count(",") - 2))
    members.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return target


def test_validate_lists_every_problem_with_file_row_and_column(malformed: Path) -> None:
    result = run("validate", malformed)
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "提案.csv" in result.stdout
    assert "委员.csv" in result.stdout
    payload = json.loads(run("validate", malformed, "-f", "json").stdout)
    assert payload["valid"] is False
    files = {p["file"].rsplit("/", 1)[-1] for p in payload["problems"]}
    assert files == {"提案.csv", "委员.csv"}
    assert all(p["row"] for p in payload["problems"])


def test_loading_malformed_data_is_one_message_and_exit_2(malformed: Path) -> None:
    result = run("score", malformed, "--rules", "tongcheng")
    assert result.exit_code == ExitCode.BAD_INPUT
    assert result.stdout == ""
    assert result.stderr.startswith("cppcc: error: ")
    assert "row" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_heads_its_problems_in_the_chosen_language(malformed: Path) -> None:
    english = run("validate", malformed)
    chinese = run("--lang", "zh", "validate", malformed)
    assert english.exit_code == chinese.exit_code == ExitCode.BAD_INPUT
    count = len(json.loads(run("validate", malformed, "--format", "json").stdout)["problems"])
    assert count > 1
    assert english.stdout.startswith(f"{malformed} is not valid: {count} problems\n")
    assert chinese.stdout.startswith(f"数据有误 {malformed}：{count} 个问题\n")
    assert "数据有误" not in english.stdout
    as_json = {
        lang: json.loads(run("--lang", lang, "validate", malformed, "--format", "json").stdout)
        for lang in ("en", "zh")
    }
    for en, zh in zip(as_json["en"]["problems"], as_json["zh"]["problems"], strict=True):
        # the same problem in each language: located and coded alike, worded in the language
        assert {k: v for k, v in en.items() if k not in ("message", "hint")} == {
            k: v for k, v in zh.items() if k not in ("message", "hint")
        }
        assert zh["message"] == translate(en["message"], "zh") != en["message"]


def test_validate_a_good_dataset_exits_0() -> None:
    result = run("validate", CHENGHUA)
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{CHENGHUA} is valid: 成都市成华区政协\n")
    chinese = run("--lang", "zh", "validate", CHENGHUA)
    assert chinese.stdout.startswith(f"数据有效 {CHENGHUA}：成都市成华区政协\n")


@pytest.mark.parametrize(
    "args",
    [
        ("score", "no/such/dir", "--rules", "tongcheng"),
        ("score", str(LIUJIANG), "--rules", "nowhere"),
        ("score", str(DAWA)),  # no rule set for Dawa's own jurisdiction
        ("score", str(LIUJIANG), "--rules", "tongcheng", "--year", "2022", "--period", "2022"),
        ("score", str(LIUJIANG), "--rules", "tongcheng", "--period", "spring"),
        ("score", str(LIUJIANG), "--rules", "tongcheng", "--year", "2018"),  # before adoption
        ("score", str(LIUJIANG), "--rules", "tongcheng", "--format", "xlsx"),  # no --output
        ("workplan", str(LIUJIANG)),  # Liujiang has no work plan
        ("rank", str(LIUJIANG), "--by", "galaxy"),  # a usage error
    ],
)
def test_bad_input_exits_2_with_one_message(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == ExitCode.BAD_INPUT, result.output
    assert result.stderr.strip()
    assert "Traceback" not in result.output


def _exploding(strict: bool) -> Plugins:
    raise RuntimeError("a bug")


def test_an_unexpected_error_is_exit_1_and_debug_shows_the_traceback() -> None:
    plain = run("plugins", obj=_exploding)
    assert plain.exit_code == ExitCode.INTERNAL_ERROR
    assert "internal error: RuntimeError: a bug" in plain.stderr
    assert "Traceback" not in plain.stderr
    debug = run("--debug", "plugins", obj=_exploding)
    assert debug.exit_code == ExitCode.INTERNAL_ERROR
    assert "Traceback" in debug.stderr


def test_main_returns_the_exit_code() -> None:
    assert main(["validate", str(CHENGHUA), "-f", "json"]) == 0
    assert main(["validate", "no/such/place"]) == ExitCode.BAD_INPUT
    assert main(["--no-such-option"]) == ExitCode.BAD_INPUT


def test_the_progress_bar_run_scores_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    plain = run_json("score", LIUJIANG, "--rules", "tongcheng")
    import cppcc_model.cli.options as options

    monkeypatch.setattr(options, "stderr_is_terminal", lambda: True)
    monkeypatch.setattr(options, "PROGRESS_THRESHOLD", 0)
    result = run("score", LIUJIANG, "--rules", "tongcheng", "-f", "json")
    assert result.exit_code == 0
    assert "评分 scoring" in result.stderr
    assert json.loads(result.stdout) == plain


# These tests run the command and the docs as a user would: with the installed rule plugins.
pytestmark = pytest.mark.installed_plugins
