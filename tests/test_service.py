"""cppcc serve: every endpoint driven over real HTTP against a server started on localhost."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from cppcc_model.assess import assess, rank_members
from cppcc_model.assess.award_selection import select_awards
from cppcc_model.assess.requirements import requirement_report_to_dict
from cppcc_model.io.dataset import load_dataset
from cppcc_model.io.json import ledger_to_dict
from cppcc_model.model import Period
from cppcc_model.plugins import load_plugins
from cppcc_model.proposals.statistics import proposal_statistics_by

httpx = pytest.importorskip("httpx")
pytest.importorskip("litestar")
pytest.importorskip("uvicorn")

pytestmark = pytest.mark.installed_plugins

XIANGZHOU = Path(__file__).resolve().parents[1] / "examples" / "xiangzhou" / "dataset"
YEAR = Period.year(2022)
ASK = {"rules": "xiangzhou", "year": 2022}
DRIVEN: set[tuple[str, str]] = set()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """``cppcc serve`` in a process of its own, on a free local port."""
    port = _free_port()
    env = {**os.environ, "CPPCC_PLUGINS": "xiangzhou", "CPPCC_LANG": "zh"}
    env.pop("CPPCC_DISABLE_PLUGIN_AUTOLOAD", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "cppcc_model", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                _, err = process.communicate(timeout=5)
                pytest.fail(f"cppcc serve did not start: {err.decode(errors='replace')[-2000:]}")
            time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@cache
def ledger() -> Any:
    return load_dataset(XIANGZHOU)


@cache
def document() -> dict[str, Any]:
    return ledger_to_dict(ledger())


@cache
def rules() -> Any:
    plugins = load_plugins(allow=["xiangzhou"], entry_points=True)
    return plugins, plugins.rule_sets.resolve("xiangzhou", YEAR.end)


def call(base: str, method: str, path: str, body: Any = None, lang: str | None = None) -> Any:
    DRIVEN.add((method.lower(), path))
    headers = {"Accept-Language": lang} if lang else {}
    response = httpx.request(method, f"{base}{path}", json=body, headers=headers, timeout=300)
    return response


def test_health_and_rule_sets(server: str) -> None:
    health = call(server, "GET", "/health")
    assert health.status_code == 200
    assert health.json()["status"] == "ok"
    listed = call(server, "GET", "/rule-sets").json()
    assert [r["name"] for r in listed] == ["xiangzhou-2022"]
    assert listed[0]["jurisdiction"] == "hubei.xiangyang.xiangzhou"


def test_validate_a_ledger_and_tables(server: str) -> None:
    answer = call(server, "POST", "/validate", {"ledger": document()})
    assert answer.status_code == 200
    assert answer.json()["records"]["members"] == 265
    tables = {
        "committee": {"id": "x", "name": "某区政协", "level": "区县", "jurisdiction": "a.b"},
        "sectors": [{"id": "econ", "name": "经济界"}],
        "委员": [{"编号": "m1", "姓名": "张三", "界别": "econ"}],
    }
    assert call(server, "POST", "/validate", {"tables": tables}).json()["valid"] is True


def test_validate_answers_422_with_every_problem_located(server: str) -> None:
    tables = {
        "committee": {"id": "x", "name": "某区政协", "level": "区县", "jurisdiction": "a.b"},
        "sectors": [{"id": "econ", "name": "经济界"}],
        "委员": [
            {"编号": "m1", "姓名": "张三", "界别": "econ", "性别": "x"},
            {"编号": "m2", "姓名": "李四", "界别": "edu"},
        ],
    }
    answer = call(server, "POST", "/validate", {"tables": tables}, lang="en")
    assert answer.status_code == 422
    body = answer.json()
    assert body["code"] == "L002"
    assert body["error"] == "cannot load the dataset from request"
    located = {(p["table"], p["row"], p["column"], p["record"]) for p in body["problems"]}
    assert located == {("委员", 1, "性别", "m1"), ("委员", 2, "界别", "m2")}
    assert all(p["hint"] for p in body["problems"])
    broken = json.loads(json.dumps(document()))
    broken["members"][0]["gender"] = "x"
    answer = call(server, "POST", "/validate", {"ledger": broken})
    assert answer.status_code == 422
    assert answer.json()["problems"][0]["field"] == "$.members[0].gender"
    neither = call(server, "POST", "/validate", {})
    assert neither.status_code == 422
    assert neither.json()["code"] == "C010"


def test_problems_speak_the_language_the_request_accepts(server: str) -> None:
    tables = {
        "committee": {"id": "x", "name": "某区政协", "level": "区县", "jurisdiction": "a.b"},
        "sectors": [{"id": "econ", "name": "经济界"}],
        "委员": [{"编号": "m 1", "姓名": "张三", "界别": "econ"}],
    }
    answers = {
        lang: call(server, "POST", "/validate", {"tables": tables}, lang=lang)
        for lang in ("en-US,en;q=0.9", "zh-CN,zh;q=0.9,en;q=0.8", None)
    }
    english, chinese, default = (answers[k] for k in answers)
    assert english.headers["content-language"] == "en"
    assert chinese.headers["content-language"] == "zh"
    (problem,) = english.json()["problems"]
    assert problem["code"] == "L201"
    assert problem["message"] == "the id 'm 1' contains a space"
    assert problem["hint"] == "write ids without spaces"
    (translated,) = chinese.json()["problems"]
    assert translated == {**problem, "message": "编号 'm 1' 含有空格", "hint": "编号中不要有空格"}
    assert chinese.json()["error"] == "无法从 request 读取数据"
    # without Accept-Language the service speaks its own language (CPPCC_LANG=zh here)
    assert default.headers["content-language"] == "zh"
    assert default.json() == chinese.json()


def test_score_is_the_assessment(server: str) -> None:
    _, rule_set = rules()
    answer = call(server, "POST", "/score", {"ledger": document(), **ASK})
    assert answer.status_code == 200
    assert answer.json() == assess(ledger(), rule_set, YEAR).to_dict()


def test_rank_is_the_published_member_ranking(server: str) -> None:
    _, rule_set = rules()
    answer = call(server, "POST", "/rank", {"ledger": document(), **ASK, "method": "dense"})
    assert answer.status_code == 200
    expected = rank_members(assess(ledger(), rule_set, YEAR), ledger(), method="dense")
    assert answer.json() == expected.to_dict()


def test_explain_gives_the_card_and_its_text(server: str) -> None:
    _, rule_set = rules()
    answer = call(server, "POST", "/explain", {"ledger": document(), **ASK, "member": "王兴海"})
    assert answer.status_code == 200
    card = assess(ledger(), rule_set, YEAR, members=["xz-chair-01"]).cards[0]
    assert answer.json() == {"card": card.to_dict(), "text": card.render_text()}
    asked = {"ledger": document(), **ASK, "member": "无此人"}
    unknown = call(server, "POST", "/explain", asked, lang="en")
    assert unknown.status_code == 422
    assert "无此人" in unknown.json()["error"]


def test_requirements_and_awards(server: str) -> None:
    plugins, rule_set = rules()
    assessment = assess(ledger(), rule_set, YEAR)
    answer = call(server, "POST", "/requirements", {"ledger": document(), **ASK})
    assert answer.json() == requirement_report_to_dict(assessment, ledger())
    answer = call(server, "POST", "/awards", {"ledger": document(), **ASK})
    assert answer.status_code == 200
    results = select_awards(ledger(), rule_set, YEAR, rule_sets=plugins.rule_sets)
    assert answer.json()["awards"] == [r.to_dict() for r in results]
    assert len(answer.json()["awards"]) == 6


def test_a_broken_history_is_422_at_its_step(server: str) -> None:
    tables = {
        "committee": {"id": "x", "name": "某区政协", "level": "区县", "jurisdiction": "a.b"},
        "sectors": [{"id": "econ", "name": "经济界"}],
        "委员": [{"编号": "m1", "姓名": "张三", "界别": "econ"}],
        "proposals": [
            {
                "id": f"p{n}",
                "subject": "案由",
                "submitted_on": "2023-01-05",
                "proposer_kind": "个人",
                "member_ids": "m1",
            }
            for n in (1, 2)
        ],
        "proposal_events": [
            {"proposal_id": "p1", "step": "并案", "on": "2023-01-20", "parent_id": "p2"},
            {"proposal_id": "p2", "step": "并案", "on": "2023-01-20", "parent_id": "p1"},
        ],
    }
    answer = call(server, "POST", "/validate", {"tables": tables}, lang="en")
    assert answer.status_code == 422
    problems = answer.json()["problems"]
    assert [(p["table"], p["row"], p["column"], p["record"]) for p in problems] == [
        ("proposal_events", 1, "step", "p1"),
        ("proposal_events", 2, "step", "p2"),
        ("proposal_events", 1, "step", "p1"),
    ]
    assert problems[2]["message"].startswith("并案 goes round in a circle: p1 → p2 → p1")
    broken = json.loads(json.dumps(document()))
    filed = next(i for i, p in enumerate(broken["proposals"]) if p.get("history"))
    day = broken["proposals"][filed]["submitted_on"]
    broken["proposals"][filed]["history"].insert(0, {"step": "replied", "on": day, "reply": "a"})
    for path in ("/validate", "/statistics"):
        body = {"ledger": broken, "subject": "proposals", "year": 2022}
        asked = body if path == "/statistics" else {"ledger": broken}
        answer = call(server, "POST", path, asked, lang="en")
        assert answer.status_code == 422, answer.text
        (problem,) = answer.json()["problems"]
        assert problem["field"] == f"$.proposals[{filed}].history[0]"
        assert problem["record"] == broken["proposals"][filed]["id"]
        assert problem["message"].startswith(f"答复 on {day} is not allowed")


def test_statistics_grouped_and_whole(server: str) -> None:
    body = {"ledger": document(), "year": 2022, "subject": "proposals", "by": "activity_group"}
    answer = call(server, "POST", "/statistics", body)
    assert answer.status_code == 200
    expected = proposal_statistics_by(ledger(), "activity_group", period=YEAR)
    assert answer.json()["groups"] == {k: v.as_dict() for k, v in expected.items()}
    whole = call(server, "POST", "/statistics", {"ledger": document(), "subject": "attendance"})
    figures = whole.json()["figures"]
    assert figures["rates"]["attendance_rate"]["denominator"] == figures["counts"]["invited"]
    wrong = call(server, "POST", "/statistics", {"ledger": document(), "subject": "votes"})
    assert wrong.status_code == 422
    assert wrong.json()["problems"][0]["field"] == "$.subject"


def test_a_body_of_the_wrong_shape_is_422_with_the_field(server: str) -> None:
    answer = call(server, "POST", "/score", {"ledger": document(), "year": "last"})
    assert answer.status_code == 422
    [problem] = answer.json()["problems"]
    assert problem["field"] == "year"
    unknown_rules = call(server, "POST", "/score", {"ledger": document(), "rules": "nowhere"})
    assert unknown_rules.status_code == 422
    assert unknown_rules.json()["hint"]


def test_the_openapi_document_validates_and_every_endpoint_was_driven(server: str) -> None:
    from openapi_spec_validator import validate

    spec = call(server, "GET", "/schema/openapi.json").json()
    validate(spec)
    assert spec["info"]["title"] == "cppcc-model"
    operations = {
        (method, path)
        for path, item in spec["paths"].items()
        for method in item
        if method in ("get", "post", "put", "delete", "patch")
    }
    assert len(operations) == 9
    # When this test runs without the others (alone, or on its own pytest-xdist worker), drive
    # each endpoint here; /explain needs the member to explain.
    needs = {"/explain": {"member": ledger().members[0].id}}
    for method, path in sorted(operations - DRIVEN):
        body = {"ledger": document(), **ASK, **needs.get(path, {})} if method == "post" else None
        assert call(server, method.upper(), path, body).status_code == 200, path
    assert operations <= DRIVEN
    score = spec["paths"]["/score"]["post"]
    assert "422" in score["responses"]
    assert spec["components"]["schemas"]["RankRequest"]["properties"]["method"]["type"] == (
        "string"
    )
