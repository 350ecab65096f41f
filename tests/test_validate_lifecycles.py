"""``validate`` runs the proposal and 社情民意 lifecycles: every problem at once, at its row.

Each case copies the good fixture, breaks the histories the way a clerk could, and lists every
problem ``validate_dataset`` must give — message, file, row, column and record — naming the
step as the clerk wrote it (并案, not ``merged``). The same dataset still loads: the lifecycle
is what the statistics commands check, and ``validate`` now checks it first.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.test_dataset_problems import make_dataset

from cppcc_model.cli import cli
from cppcc_model.errors import Problem
from cppcc_model.io.dataset import load_dataset
from cppcc_model.io.dataset import validate_dataset as validate_plain

EVENTS = "proposal_events.csv"


def validate_dataset(path: Path) -> list[Problem]:
    """What ``cppcc validate`` lists: the loading problems and the lifecycles'."""
    return validate_plain(path, lifecycles=True)


HEADER = (
    "proposal_id,step,on,case_number,parent_id,reason,converted_to,units,reply,satisfaction,"
    "face_to_face,leader,level,note\n"
)
PROPOSALS = (
    "id,subject,submitted_on,proposer_kind,member_ids,body_kind,body_id,session_id,topic\n"
    "p1,关于加强社区养老服务的建议,2023-01-06,individual,m1,,,5-2,社会建设\n"
    "p2,关于社区养老的建议,2023-01-07,joint,m2;m3,,,5-2,\n"
    "p3,关于发展数字经济的建议,2023-01-07,collective,,unit,jiusan,5-2,经济\n"
    "p4,关于老旧小区改造的建议,2023-01-07,individual,m1,,,5-2,城乡建设\n"
)


def _where(problem: object) -> tuple[object, ...]:
    where = problem.where  # type: ignore[attr-defined]
    return (where.file, where.row, where.column, where.record_id)


def test_the_good_fixture_passes_the_lifecycles() -> None:
    good = Path(__file__).parent / "data" / "datasets" / "good"
    assert validate_dataset(good) == []


def test_every_lifecycle_problem_is_listed_at_its_row(tmp_path: Path) -> None:
    events = (
        HEADER
        # p1: 答复 straight after 立案, without 交办 (row 3)
        + "p1,立案,2023-01-20,12,,,,,,,,,,\n"
        + "p1,答复,2023-04-20,,,,,,A类,,,,,\n"
        # p2: merged into p4, which was not filed (不予立案) (row 4)
        + "p2,并案,2023-01-21,,p4,,,,,,,,,\n"
        # p3: merged into p1 after p3 was filed: not allowed by default (row 6)
        + "p3,立案,2023-01-20,13,,,,,,,,,,\n"
        + "p3,并案处理,2023-01-25,,p1,,,,,,,,,\n"
        + "p4,不予立案,2023-01-20,,,属于个人诉求,,,,,,,,\n"
    )
    target = make_dataset(tmp_path, {"proposals.csv": PROPOSALS, EVENTS: events})
    load_dataset(target)  # it loads: the lifecycle is not a loading matter
    assert validate_plain(target) == []  # nor, by default, of validate_dataset
    problems = validate_dataset(target)
    found = [(p.code, p.value, _where(p)) for p in problems]
    assert found == [
        # 答复 is not allowed: p1 is 已立案 by then
        ("I123", "答复", ("proposal_events.csv", 3, "step", "p1")),
        # merges p2 into p4, which is 不予立案 on that day, not a filed case
        ("I120", "p4", ("proposal_events.csv", 4, "step", "p2")),
        # 并案 (written 并案处理) is not allowed after 立案: the committee merges before filing
        ("I122", "并案", ("proposal_events.csv", 6, "step", "p3")),
    ]
    assert "交办 (assigned)" in (problems[0].hint or "")


def test_merging_after_filing_is_a_committee_setting(tmp_path: Path) -> None:
    events = (
        HEADER
        + "p1,立案,2023-01-20,12,,,,,,,,,,\n"
        + "p3,立案,2023-01-20,13,,,,,,,,,,\n"
        + "p3,并案,2023-01-25,,p1,,,,,,,,,\n"
    )
    committee = (
        "key,value\nid,xz\nname,襄州区政协\nlevel,county\n"
        "jurisdiction,hubei.xiangyang.xiangzhou\n并案时机,立案后并案\n"
    )
    edits = {EVENTS: events, "committee.csv": committee}
    target = make_dataset(tmp_path, edits)
    # p2 has no step (still under review); p3 was filed and then merged: allowed after filing
    assert validate_dataset(target) == []
    committee_before = committee.replace("立案后并案", "立案前并案")
    other = make_dataset(tmp_path / "b", {**edits, "committee.csv": committee_before})
    assert [p.where.row for p in validate_dataset(other)] == [4]


def test_a_circle_of_merges_is_one_problem(tmp_path: Path) -> None:
    events = (
        HEADER
        + "p1,立案,2023-01-20,12,,,,,,,,,,\n"
        + "p3,立案,2023-01-20,13,,,,,,,,,,\n"
        + "p1,并案,2023-01-25,,p3,,,,,,,,,\n"
        + "p3,并案,2023-01-25,,p1,,,,,,,,,\n"
    )
    committee = (
        "key,value\nid,xz\nname,襄州区政协\nlevel,county\n"
        "jurisdiction,hubei.xiangyang.xiangzhou\nmerge_stage,after_filing\n"
    )
    target = make_dataset(tmp_path, {EVENTS: events, "committee.csv": committee})
    found = [(p.code, p.value, p.where.row) for p in validate_dataset(target)]
    assert ("I112", "p1 → p3 → p1", 4) in found  # 并案 goes round in a circle
    # p3's merge into p1, which had been merged into p3 the same day, is named too
    assert any(code == "I121" and value == "p1" for code, value, _ in found)


def test_info_steps_are_checked_too(tmp_path: Path) -> None:
    events = (
        "report_id,step,on,level,leader,issue,combined_with,note\nr1,采用,2023-03-10,city,,,,\n"
    )
    target = make_dataset(tmp_path, {"info_events.csv": events})
    (problem,) = validate_dataset(target)
    assert (problem.code, problem.value) == ("I123", "采用")  # not allowed: r1 is 已报送
    assert _where(problem) == ("info_events.csv", 2, "step", "r1")


def test_the_office_reply_categories_are_checked(tmp_path: Path) -> None:
    events = (
        HEADER
        + "p1,立案,2023-01-20,12,,,,,,,,,,\n"
        + "p1,交办,2023-02-01,,,,,区民政局,,,,,,\n"
        + "p1,答复,2023-04-20,,,,,,留作参考,,,,,\n"
        + "p1,反馈,2023-04-25,,,,,,,理解,,,,\n"
        + "p3,立案,2023-01-20,13,,,,,,,,,,\n"
        + "p3,交办,2023-02-01,,,,,区发改局,,,,,,\n"
        + "p3,答复,2023-04-20,,,,,,E类,,,,,\n"
    )
    four = (
        "key,value\nid,xz\nname,襄州区政协\nlevel,county\njurisdiction,hubei.xiangyang.xiangzhou\n"
        "答复类别,A:已解决或采纳=solved；B:正在解决或列入计划=in_progress；"
        "C:因条件限制待以后解决=deferred；D:留作参考=reference\n"
        "满意度等级,满意=satisfied；基本满意=basically_satisfied；理解=understanding；"
        "不满意=dissatisfied\n"
    )
    target = make_dataset(tmp_path, {EVENTS: events, "committee.csv": four})
    (problem,) = validate_dataset(target)
    # I109: the category is not one of this committee's reply categories
    assert (problem.code, problem.value) == ("I109", "E类")
    assert problem.hint is not None
    assert "因条件限制待以后解决" in problem.hint
    assert _where(problem) == ("proposal_events.csv", 8, "step", "p3")
    # under the default scale, 理解 is not a level
    default = make_dataset(tmp_path / "d", {EVENTS: events})
    rows = [p.where.row for p in validate_dataset(default)]
    assert rows == [5, 8]


@pytest.mark.parametrize("form", ["csv", "json"])
def test_cppcc_validate_lists_them_and_exits_2(tmp_path: Path, form: str) -> None:
    events = HEADER + "p1,答复,2023-04-20,,,,,,A类,,,,,\np2,并案,2023-01-21,,p3,,,,,,,,,\n"
    target = make_dataset(tmp_path, {EVENTS: events})
    if form == "json":
        from cppcc_model.io.dataset import write_dataset

        json_path = tmp_path / "ds.json"
        write_dataset(load_dataset(target), json_path, "json")
        target = json_path
    result = CliRunner().invoke(cli, ["validate", str(target), "--format", "json"])
    assert result.exit_code == 2, result.output
    payload = json.loads(result.output)
    assert payload["valid"] is False
    messages = [p["message"] for p in payload["problems"]]
    assert messages == [
        "答复 on 2023-04-20 is not allowed: p1 is 已提交 by then",
        "并案 on 2023-01-21 merges p2 into p3, which is 已提交 on that day, not a filed case",
    ]
    if form == "csv":
        assert [p["row"] for p in payload["problems"]] == [2, 3]
    else:
        assert [p["field"] for p in payload["problems"]] == [
            "$.proposals[0].history[0]",
            "$.proposals[1].history[0]",
        ]
