"""Stable codes: one registry of every message, and every message the library writes is in it.

The registry (:mod:`cppcc_model.catalogue`) gives each message an entry with its code, its
English and its Chinese. These tests keep it whole: codes well formed and unique, each entry
found by its own message (no other entry takes it over), every message written at a raise site
of the library and its plugins registered (read statically by ``message_sites``), every code a
test or a page names registered, and the code shown wherever an error is rendered.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from cppcc_model.catalogue import AREAS, HINTS, MESSAGES, Entry, code_of, lookup
from cppcc_model.cli import cli
from cppcc_model.errors import CppccError, DatasetError, Location, Problem
from cppcc_model.messages import render_error, render_problem, translate
from cppcc_model.model import Member
from message_sites import ROOT, SAMPLE, sample, sites

CODE = re.compile(r"[A-Z]\d{3}")


def test_every_code_is_a_letter_of_its_area_and_three_digits_and_used_once() -> None:
    letters = {area.letter for area in AREAS}
    codes = [entry.code for entry in MESSAGES]
    assert all(code is not None and CODE.fullmatch(code) for code in codes)
    assert {code[0] for code in codes if code} <= letters
    assert [code for code, n in Counter(codes).items() if n > 1] == []
    assert all(entry.code is None for entry in HINTS)
    assert len({entry.en for entry in (*MESSAGES, *HINTS)}) == len(MESSAGES) + len(HINTS)


@pytest.mark.parametrize("entry", [*MESSAGES, *HINTS], ids=lambda e: e.code or e.en[:30])
def test_each_entry_is_found_by_its_own_message(entry: Entry) -> None:
    text = sample(entry)
    found = lookup(text)
    assert found is not None
    assert found.entry == entry, f"{found.entry.en!r} takes over {entry.en!r}"
    chinese = translate(text, "zh")
    assert translate(text, "en") == text
    for name, value in found.values.items():
        if not name.startswith("t_"):
            assert value in chinese  # every value the message carries is kept


@pytest.mark.parametrize("entry", [*MESSAGES, *HINTS], ids=lambda e: e.code or e.en[:30])
def test_each_entry_has_a_chinese_rendering_with_the_same_values(entry: Entry) -> None:
    fixed = re.sub(r"\{[a-z_]+\}", "", entry.zh)
    wraps = any(name.startswith("t_") for name in entry.names)
    assert re.search(r"[\u4e00-\u9fff]", fixed) or (wraps and not re.search("[a-z]", fixed))
    english = set(re.findall(r"\{([a-z_]+)\}", entry.en))
    chinese = set(re.findall(r"\{([a-z_]+)\}", entry.zh))
    assert chinese == english


def _literal(text: str) -> str:
    return text.replace(SAMPLE, "").replace("SampleError", "").replace("sample", "")


def test_every_message_the_library_writes_has_a_code() -> None:
    missing = []
    for site in sites():
        if site.kind != "message" or not re.search(r"[A-Za-z\u4e00-\u9fff]", _literal(site.text)):
            continue  # a message made only of other texts is checked where those are written
        found = lookup(site.text)
        wrapper = (
            found is not None
            and found.entry.code is None
            and any(name.startswith("t_") for name in found.entry.names)
        )
        if found is None or (found.code is None and not wrapper):
            missing.append(f"{site.place}: {site.text!r}")
    assert missing == [], "add these messages to cppcc_model.catalogue:\n" + "\n".join(missing)


_USED = re.compile(r"""code\w*\s*(?:==|!=|in|=)\s*[\[({]?\s*["']([A-Z]\d{3})["']""")


def test_every_code_a_test_or_a_page_names_is_registered() -> None:
    registered = {entry.code for entry in MESSAGES}
    used: dict[str, str] = {}
    files = [*(ROOT / "tests").rglob("*.py"), *(ROOT / "plugins").glob("*/tests/*.py")]
    files += [*(ROOT / "docs").rglob("*.md")]
    for path in files:
        text = path.read_text(encoding="utf-8")
        for line in text.splitlines():
            if "code" not in line:
                continue
            for code in _USED.findall(line) + re.findall(r"\[([A-Z]\d{3})\]", line):
                used.setdefault(code, str(path.relative_to(ROOT)))
    assert used, "the tests assert codes"
    assert {code: place for code, place in used.items() if code not in registered} == {}


def test_an_error_carries_its_code_and_the_offending_value() -> None:
    with pytest.raises(CppccError) as caught:
        Member(id="m 1", name="张三", sector_id="cpc")
    assert caught.value.code == "V004"
    assert caught.value.value == "m 1"
    problem = Problem("the id 'p 7' contains a space", Location(row=3))
    assert (problem.code, problem.value) == ("L201", "p 7")
    assert code_of("a message no one registered") is None
    assert Problem("a message no one registered").code is None


def test_the_code_leads_every_rendered_line_in_both_languages() -> None:
    error = DatasetError(
        "cannot load the dataset 台账.xlsx",
        [Problem("'请家' is not a known 出勤状态", Location(row=12), "use one of: 出席")],
        hint="fix the problems listed; nothing was loaded",
    )
    assert render_error(error).splitlines() == [
        "[L001] 无法读取数据 台账.xlsx（1 个问题） — 请逐条改正下列问题；本次没有读入任何数据",
        "  - [V401] 第 12 行：'请家' 不是有效的出勤状态 — 请从以下选择：出席",
    ]
    assert render_error(error, "en").splitlines() == [
        "[L001] cannot load the dataset 台账.xlsx (1 problem) — fix the problems listed; "
        "nothing was loaded",
        "  - [V401] row 12: '请家' is not a known 出勤状态 — use one of: 出席",
    ]
    assert render_problem(Problem("a message no one registered")) == "a message no one registered"


LIUJIANG = ROOT / "examples" / "liujiang" / "dataset"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_command_shows_the_code(lang: str) -> None:
    result = CliRunner().invoke(cli, ["--lang", lang, "rank", str(LIUJIANG), "--period", "2022-13"])
    assert result.exit_code == 2
    prefix = "cppcc: 错误：[V209] " if lang == "zh" else "cppcc: error: [V209] "
    assert result.stderr.startswith(prefix)


def test_validate_gives_each_problem_its_code_and_value_in_json(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "committee.csv").write_text("key,value\nname,柳江区政协\nlevel,county\n", "utf-8")
    (data / "members.csv").write_text("id,name,sector_id\nm 1,张三,cpc\n", "utf-8")
    result = CliRunner().invoke(cli, ["validate", str(data), "-f", "json"])
    assert result.exit_code == 2
    problems = json.loads(result.stdout)["problems"]
    assert problems
    assert all(p["code"] and CODE.fullmatch(p["code"]) for p in problems)
    spaced = [p for p in problems if p["code"] == "L201"]
    assert spaced
    assert spaced[0]["value"] == "m 1"
