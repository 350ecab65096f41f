"""Broken proposal and 社情民意 histories are located problems of loading, in every format.

A circle of merges (并案: p1 into p3 into p1, or longer), a merge into a proposal that is not a
filed case or does not exist, and a step the record's stage does not allow are what a clerk's
ledger can hold. Each is refused when a ``cppcc`` command loads the dataset — ``validate`` and
every other command alike, exit 2 — with the file, sheet, row, column and record of the step
(tables) or its JSON path, never by a later figure failing without a place, nor by figures
computed around a circle. The hand-made cases run in CSV, xlsx, JSON and SQLite; hypothesis
draws merge graphs: every circle is refused naming each proposal in it, and a graph without one
loads.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import shutil
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from cppcc_model.checks import lifecycle_problems
from cppcc_model.cli import cli
from cppcc_model.errors import DatasetError, Problem
from cppcc_model.io.dataset import load_dataset, validate_dataset, write_dataset
from cppcc_model.ledger import Ledger
from cppcc_model.model import Proposal
from cppcc_model.model.proposals import ProposalEvent
from cppcc_model.proposals.lifecycle import rules_for
from cppcc_model.proposals.merges import merge_structure
from reliability._support import GOOD, fuzz

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "plugins/cppcc-rules-tongcheng/src/cppcc_rules_tongcheng/tongcheng-2019.toml"

EVENTS_HEADER = (
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
COMMITTEE = (
    "key,value\nid,xz\nname,襄州区政协\nlevel,county\njurisdiction,hubei.xiangyang.xiangzhou\n"
)
EITHER = COMMITTEE + "merge_stage,either\n"


def _event(pid: str, step: str, on: str, case: str = "", parent: str = "", reply: str = "") -> str:
    return f"{pid},{step},{on},{case},{parent},,,,{reply},,,,,\n"


# Each case: the events (and the committee), and the problems as (message start, proposal
# events row, record). Rows are spreadsheet rows: the header is row 1.
CASES: dict[str, tuple[str, str, list[tuple[str, str, int, str]]]] = {
    # each problem: its code, the value it names, its row and its record
    "circle_of_two_filed_cases": (
        _event("p1", "立案", "2023-01-20", "12")
        + _event("p3", "立案", "2023-01-20", "13")
        + _event("p1", "并案", "2023-01-25", parent="p3")
        + _event("p3", "并案", "2023-01-26", parent="p1"),
        EITHER,
        [
            ("I121", "p1", 5, "p3"),  # merges p3 into p1, itself merged into p3
            ("I112", "p1 → p3 → p1", 4, "p1"),  # goes round in a circle
        ],
    ),
    "circle_of_three_unfiled": (
        _event("p2", "并案", "2023-01-20", parent="p3")
        + _event("p3", "并案", "2023-01-20", parent="p4")
        + _event("p4", "并案", "2023-01-20", parent="p2"),
        COMMITTEE,
        [
            ("I120", "p3", 2, "p2"),  # into a parent not a filed case
            ("I120", "p4", 3, "p3"),
            ("I120", "p2", 4, "p4"),
            ("I112", "p2 → p3 → p4 → p2", 2, "p2"),
        ],
    ),
    "merge_into_a_proposal_not_yet_filed": (
        _event("p2", "并案", "2023-01-20", parent="p3") + _event("p3", "立案", "2023-01-25", "13"),
        COMMITTEE,
        [("I120", "p3", 2, "p2")],  # p3 is only 已提交 that day
    ),
    "merge_into_a_proposal_not_filed": (
        "p4,不予立案,2023-01-15,,,属于个人诉求,,,,,,,,\n"
        + _event("p2", "并案", "2023-01-20", parent="p4"),
        COMMITTEE,
        [("I120", "p4", 3, "p2")],  # p4 is 不予立案
    ),
    "reply_before_assignment": (
        _event("p1", "立案", "2023-01-20", "12") + _event("p1", "答复", "2023-04-20", reply="A类"),
        COMMITTEE,
        [("I123", "答复", 3, "p1")],  # not allowed from 已立案
    ),
    "merge_after_filing_where_merges_come_first": (
        _event("p1", "立案", "2023-01-20", "12")
        + _event("p3", "立案", "2023-01-20", "13")
        + _event("p3", "并案", "2023-01-25", parent="p1"),
        COMMITTEE,
        [("I122", "并案", 4, "p3")],  # not allowed, and why (merge stage)
    ),
    "a_step_after_the_end": (
        "p4,撤回,2023-01-15,,,本人撤回,,,,,,,,\n" + _event("p4", "立案", "2023-01-20", "14"),
        COMMITTEE,
        [("I123", "立案", 3, "p4")],
    ),
}


def _csv_dataset(folder: Path, events: str, committee: str = COMMITTEE) -> Path:
    target = folder / "ds"
    shutil.copytree(GOOD, target)
    (target / "proposals.csv").write_text(PROPOSALS, encoding="utf-8")
    (target / "proposal_events.csv").write_text(EVENTS_HEADER + events, encoding="utf-8")
    (target / "committee.csv").write_text(committee, encoding="utf-8")
    return target


def _as(form: str, csv_dataset: Path) -> Path:
    """The CSV dataset in ``form``: itself, or written as a workbook or JSON (loaded leniently)."""
    if form == "csv":
        return csv_dataset
    target = csv_dataset.parent / f"book.{form}"
    write_dataset(load_dataset(csv_dataset), target, form)  # type: ignore[arg-type]
    return target


def _step_index(events: str, row: int) -> int:
    """Which step of its record the events row ``row`` (the header is row 1) is."""
    lines = events.splitlines()
    record = lines[row - 2].split(",")[0]
    return sum(1 for line in lines[: row - 2] if line.split(",")[0] == record)


def _expected_place(
    form: str, path: Path, events: str, row: int, record: str
) -> tuple[object, ...]:
    """Where a problem of the CSV events row ``row`` must be placed in ``form``.

    A workbook and a JSON file are written from the ledger, record by record, so the step's
    row (or JSON path) follows the ledger's order of proposals.
    """
    if form == "csv":
        return ("proposal_events.csv", None, row, "step", record, None)
    step = _step_index(events, row)
    proposals = load_dataset(path).proposals
    if form == "xlsx":
        written = [(p.id, i) for p in proposals for i in range(len(p.history))]
        return (
            "book.xlsx",
            "proposal_events",
            2 + written.index((record, step)),
            "step",
            record,
            None,
        )
    position = [p.id for p in proposals].index(record)
    return (str(path), None, None, None, record, f"$.proposals[{position}].history[{step}]")


def _place(problem: Problem) -> tuple[object, ...]:
    where = problem.where
    return (where.file, where.sheet, where.row, where.column, where.record_id, where.path)


@pytest.mark.parametrize("form", ["csv", "xlsx", "json"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_a_broken_history_is_refused_on_load_at_its_step(
    tmp_path: Path, case: str, form: str
) -> None:
    events, committee, expected = CASES[case]
    dataset = _as(form, _csv_dataset(tmp_path, events, committee))
    assert validate_dataset(dataset) == []  # the library's plain load stays lenient
    problems = validate_dataset(dataset, lifecycles=True)
    with pytest.raises(DatasetError) as caught:
        load_dataset(dataset, lifecycles=True)
    assert list(caught.value.problems) == problems
    found = [(p.code, p.value, _place(p)) for p in problems]
    wanted = [
        (code, value, _expected_place(form, dataset, events, row, r))
        for code, value, row, r in expected
    ]
    assert found == wanted
    for problem in problems:
        assert problem.hint


@pytest.mark.parametrize("form", ["csv", "xlsx", "json"])
@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["proposals", "stats"],
        ["proposals", "merges"],
        ["proposals", "list"],
        ["proposals", "report", "--year", "2023"],
        ["score", "--rules", str(RULES)],
        ["members", "stats"],
        ["info", "stats"],
        ["popolo"],
    ],
    ids=lambda c: "-".join(c[:2]) if c[0] in ("proposals", "members", "info") else c[0],
)
def test_every_command_refuses_a_circle_with_its_place(
    tmp_path: Path, form: str, command: list[str]
) -> None:
    events, committee, _ = CASES["circle_of_three_unfiled"]
    dataset = _as(form, _csv_dataset(tmp_path, events, committee))
    name = 2 if command[0] in ("proposals", "members", "info") else 1
    arguments = [*command[:name], str(dataset), *command[name:]]
    result = CliRunner().invoke(cli, ["--lang", "en", *arguments])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert "并案 goes round in a circle: p2 → p3 → p4 → p2" in result.output
    if form == "csv":
        assert "proposal_events.csv, row 2, column 'step', record 'p2'" in result.output
    elif form == "xlsx":
        assert "book.xlsx" in result.output
        assert "proposal_events" in result.output
    else:
        assert "$.proposals[1].history[0]" in result.output


def _rename_parent(dataset: Path, form: str, old: str, new: str) -> None:
    """Make the merge into ``old`` name ``new`` instead, in the dataset's own form."""
    if form == "csv":
        events = dataset / "proposal_events.csv"
        events.write_text(
            events.read_text(encoding="utf-8").replace(f",{old},", f",{new},"), encoding="utf-8"
        )
    elif form == "xlsx":
        import openpyxl

        book = openpyxl.load_workbook(dataset)
        sheet = book["proposal_events"]
        column = [cell.value for cell in sheet[1]].index("parent_id") + 1
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            if cell.value == old:
                cell.value = new
        book.save(dataset)
    else:
        data = json.loads(dataset.read_text(encoding="utf-8"))
        for proposal in data["proposals"]:
            for step in proposal.get("history", ()):
                if step.get("parent_id") == old:
                    step["parent_id"] = new
        dataset.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("form", ["csv", "xlsx", "json"])
def test_a_merge_into_a_proposal_that_does_not_exist_is_a_loading_problem(
    tmp_path: Path, form: str
) -> None:
    events = _event("p3", "立案", "2023-01-15", "13") + _event(
        "p2", "并案", "2023-01-20", parent="p3"
    )
    dataset = _as(form, _csv_dataset(tmp_path, events))
    _rename_parent(dataset, form, "p3", "p9")
    (problem,) = validate_dataset(dataset)  # refused by the plain load already
    assert problem.value == "p9"
    assert problem.where.record_id == "p2"
    if form == "json":  # the reference check of the ledger names the record, not the step
        assert problem.code == "I003"  # the merge (并案) names a proposal not among them
        assert (problem.where.file, problem.where.path) == (str(dataset), "$.proposals[1]")
    else:
        assert problem.code == "I004"  # 'p9' is not in proposals
        row = 3 if form == "csv" else 2  # a workbook is written proposal by proposal
        assert (problem.where.row, problem.where.column) == (row, "parent_id")
        assert problem.where.sheet == (None if form == "csv" else "proposal_events")
    result = CliRunner().invoke(cli, ["proposals", "stats", str(dataset)])
    assert result.exit_code == 2, result.output
    assert "p9" in result.output


def test_an_sqlite_dataset_is_checked_too(tmp_path: Path) -> None:
    pytest.importorskip("sqlalchemy")
    from cppcc_model.io.database import write_database

    events, committee, _ = CASES["circle_of_two_filed_cases"]
    ledger = load_dataset(_csv_dataset(tmp_path, events, committee))
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    write_database(ledger, url)
    assert validate_dataset(url) == []
    problems = validate_dataset(url, lifecycles=True)
    assert [(p.where.table, p.where.row, p.where.column, p.where.record_id) for p in problems] == [
        ("proposal_events", 4, "step", "p3"),  # a table's rows are counted from 1, no header
        ("proposal_events", 2, "step", "p1"),
    ]
    assert {p.where.file for p in problems} == {url}
    with pytest.raises(DatasetError):
        load_dataset(url, lifecycles=True)
    result = CliRunner().invoke(cli, ["validate", url])
    assert result.exit_code == 2, result.output
    assert "goes round in a circle" in result.output


INFO_HEADER = "report_id,step,on,level,leader,issue,combined_with,note\n"


@pytest.mark.parametrize("form", ["csv", "xlsx", "json"])
def test_a_社情民意_step_its_stage_does_not_allow_is_refused(tmp_path: Path, form: str) -> None:
    folder = tmp_path / "ds"
    shutil.copytree(GOOD, folder)
    (folder / "info_events.csv").write_text(
        INFO_HEADER + "r1,编发,2023-03-10,,,2023-7,,\nr1,编发,2023-03-12,,,2023-8,,\n",
        encoding="utf-8",
    )
    dataset = _as(form, folder)
    (problem,) = validate_dataset(dataset, lifecycles=True)
    assert (problem.code, problem.value) == ("I123", "编发")  # not allowed: r1 is 已编发 by then
    if form == "json":
        assert problem.where.path == "$.info_reports[0].history[1]"
    else:
        assert (problem.where.row, problem.where.column, problem.where.record_id) == (
            3,
            "step",
            "r1",
        )
    result = CliRunner().invoke(cli, ["info", "stats", str(dataset)])
    assert result.exit_code == 2, result.output
    assert "r1" in result.output


# ---------------------------------------------------------------------- merge graphs


def _cycles(parents: dict[int, int]) -> list[set[int]]:
    """The circles of the graph proposal → the proposal it is merged into."""
    found: list[set[int]] = []
    for start in parents:
        seen: list[int] = []
        node = start
        while node in parents and node not in seen:
            seen.append(node)
            node = parents[node]
        if node in seen:
            loop = set(seen[seen.index(node) :])
            if loop not in found:
                found.append(loop)
    return found


def _depth(node: int, parents: dict[int, int]) -> int:
    """How many merges lead from ``node`` to its case (bounded when they run into a circle)."""
    seen: set[int] = set()
    while node in parents and node not in seen:
        seen.add(node)
        node = parents[node]
    return len(seen)


@st.composite
def merge_graphs(draw: st.DrawFn) -> dict[int, int]:
    """Proposals 0..n-1 and which other proposal each is merged into (if any)."""
    size = draw(st.integers(2, 7))
    parents: dict[int, int] = {}
    for node in range(size):
        if draw(st.booleans()):
            parents[node] = draw(st.integers(0, size - 1).filter(lambda p, n=node: p != n))
    return parents


def _graph_dataset(folder: Path, size: int, parents: dict[int, int]) -> Path:
    """Every proposal filed on 10 January; merges dated so a chain merges its leaves first."""
    proposals = "id,subject,submitted_on,proposer_kind,member_ids\n" + "".join(
        f"g{n},提案{n},2023-01-05,individual,m1\n" for n in range(size)
    )
    in_cycle = set().union(*_cycles(parents)) if parents else set()
    longest = max((_depth(n, parents) for n in parents if n not in in_cycle), default=0)
    events = ""
    for node in range(size):
        events += _event(f"g{node}", "立案", "2023-01-10", str(node + 1))
    for node, parent in sorted(parents.items()):
        # acyclic: deeper proposals (further from their case) merge first
        offset = node if node in in_cycle else longest - _depth(node, parents)
        day = dt.date(2023, 2, 1) + dt.timedelta(days=offset)
        events += _event(f"g{node}", "并案", day.isoformat(), parent=f"g{parent}")
    target = folder / "ds"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(GOOD, target)
    (target / "proposals.csv").write_text(proposals, encoding="utf-8")
    (target / "proposal_events.csv").write_text(EVENTS_HEADER + events, encoding="utf-8")
    (target / "committee.csv").write_text(EITHER, encoding="utf-8")
    return target


@fuzz(25)
@given(parents=merge_graphs())
def test_any_circle_of_merges_is_refused_naming_every_proposal_in_it(
    tmp_path_factory: pytest.TempPathFactory, parents: dict[int, int]
) -> None:
    size = 1 + max([*parents, *parents.values()], default=1)
    dataset = _graph_dataset(tmp_path_factory.mktemp("graph"), size, parents)
    cycles = _cycles(parents)
    problems = validate_dataset(dataset, lifecycles=True)
    circles = [p for p in problems if p.code == "I112"]  # goes round in a circle
    if not cycles:
        assert problems == []
        ledger = load_dataset(dataset, lifecycles=True)
        rules = rules_for(ledger.committee)
        structure = merge_structure(ledger.proposals, as_of=dt.date(2023, 12, 31), rules=rules)
        assert structure.merged == len(parents)
        return
    assert len(circles) == len(cycles), problems
    for loop in cycles:
        names = {f"g{n}" for n in loop}
        (named,) = [p for p in circles if _circle_names(p) == names]
        assert named.where.file == "proposal_events.csv"
        assert named.where.record_id in names
        assert named.where.row is not None
        assert named.where.column == "step"
    with pytest.raises(DatasetError) as caught:
        load_dataset(dataset, lifecycles=True)
    assert list(caught.value.problems) == problems


@functools.cache
def _good_ledger() -> Ledger:
    return load_dataset(GOOD)


def _graph_ledger(parents: dict[int, int]) -> Ledger:
    """The good ledger with the proposals of :func:`_graph_dataset`, built in memory."""
    size = 1 + max([*parents, *parents.values()], default=1)
    in_cycle = set().union(*_cycles(parents)) if parents else set()
    longest = max((_depth(n, parents) for n in parents if n not in in_cycle), default=0)
    proposals = []
    for node in range(size):
        history = [ProposalEvent(step="立案", on=dt.date(2023, 1, 10), case_number=str(node + 1))]
        if node in parents:
            offset = node if node in in_cycle else longest - _depth(node, parents)
            day = dt.date(2023, 2, 1) + dt.timedelta(days=offset)
            history.append(ProposalEvent(step="并案", on=day, parent_id=f"g{parents[node]}"))
        proposals.append(
            Proposal(
                id=f"g{node}",
                subject=f"提案{node}",
                submitted_on=dt.date(2023, 1, 5),
                proposer_kind="individual",
                member_ids=("m1",),
                history=tuple(history),
            )
        )
    good = _good_ledger()
    committee = attrs.evolve(good.committee, merge_stage="either")
    return attrs.evolve(good, committee=committee, proposals=tuple(proposals))


@fuzz(300)
@given(parents=merge_graphs())
def test_the_circle_check_on_ledgers_agrees_with_the_graph(parents: dict[int, int]) -> None:
    """The same property on ledgers built in memory, with more examples."""
    problems = lifecycle_problems(_graph_ledger(parents))
    cycles = _cycles(parents)
    circles = [p for p in problems if p.code == "I112"]
    assert len(circles) == len(cycles)
    assert (problems == []) == (not cycles)
    for loop in cycles:
        names = {f"g{n}" for n in loop}
        assert any(_circle_names(p) == names for p in circles)


def _circle_names(problem: Problem) -> set[str]:
    """The proposals a circle problem names: ``… circle: g1 → g3 → g1; …`` gives g1, g3."""
    assert problem.value is not None
    return set(problem.value.split(" → "))
