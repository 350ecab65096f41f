"""Results as plain data: Ranking.to_dict, rank_members (the CLI's member ranking)."""

from __future__ import annotations

import itertools
import json
from fractions import Fraction
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from cppcc_model.assess import assess, rank, rank_members
from cppcc_model.cli import cli
from cppcc_model.io.dataset import load_dataset
from cppcc_model.model import Period
from cppcc_model.plugins import load_plugins

XIANGZHOU = Path(__file__).resolve().parents[1] / "examples" / "xiangzhou" / "dataset"


def test_a_ranking_as_plain_data_hand_worked() -> None:
    ranking = rank({"a": 3, "b": Fraction(5, 2), "c": 3, "d": 1}, method="competition")
    assert ranking.to_dict() == {
        "method": "competition",
        "direction": "descending",
        "tie_breakers": [],
        "entries": [
            {
                "subject_id": "a",
                "score": "3",
                "rank": 1,
                "tied": True,
                "tied_count": 2,
                "ahead": 0,
                "position": 1,
                "decided_by": None,
            },
            {
                "subject_id": "c",
                "score": "3",
                "rank": 1,
                "tied": True,
                "tied_count": 2,
                "ahead": 0,
                "position": 2,
                "decided_by": None,
            },
            {
                "subject_id": "b",
                "score": "5/2",
                "rank": 3,
                "tied": False,
                "tied_count": 1,
                "ahead": 2,
                "position": 3,
                "decided_by": None,
            },
            {
                "subject_id": "d",
                "score": "1",
                "rank": 4,
                "tied": False,
                "tied_count": 1,
                "ahead": 3,
                "position": 4,
                "decided_by": None,
            },
        ],
    }


@given(
    st.dictionaries(
        st.text("abcdefg", min_size=1, max_size=3),
        st.fractions(min_value=-100, max_value=100, max_denominator=12),
        max_size=12,
    ),
    st.sampled_from(["competition", "dense", "ordinal"]),
)
def test_the_plain_data_is_json_and_gives_back_every_exact_score_and_place(
    scores: dict[str, Fraction], method: str
) -> None:
    ranking = rank(scores, method=method)
    data = json.loads(json.dumps(ranking.to_dict()))
    assert {e["subject_id"]: Fraction(e["score"]) for e in data["entries"]} == scores
    assert {e["subject_id"]: e["rank"] for e in data["entries"]} == ranking.ranks()
    assert [e["position"] for e in data["entries"]] == list(range(1, len(scores) + 1))


@pytest.mark.installed_plugins
def test_rank_members_is_the_ranking_the_command_prints() -> None:
    ledger = load_dataset(XIANGZHOU)
    plugins = load_plugins(allow=["xiangzhou"])
    period = Period.year(2022)
    rules = plugins.rule_sets.resolve("xiangzhou", period.end)
    ranking = rank_members(assess(ledger, rules, period), ledger)
    result = CliRunner().invoke(
        cli, ["rank", str(XIANGZHOU), "--rules", "xiangzhou", "--year", "2022", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)["rankings"][0]["entries"]
    keys = ("rank", "tied", "member_id", "name", "total", "display_total", "grade")
    expected = ranking.to_dict()["entries"]
    assert [{k: e[k] for k in keys} for e in printed] == [{k: e[k] for k in keys} for e in expected]
    assert [(e["sector"], e["group"]) for e in printed] == [
        (e["sector"], e["activity_group"]) for e in expected
    ]
    data = ranking.to_dict()
    assert data["rule_set"] == rules.name
    assert data["period"]["start"] == "2022-01-01"
    entries = ranking.entries
    assert len(entries) == len(list(ranking.ranking))
    # ties share a place and are listed in 姓氏笔画 order; places follow competition numbering
    for before, after in itertools.pairwise(entries):
        assert before.total >= after.total
        if before.total == after.total:
            assert before.rank == after.rank
        else:
            assert after.rank == after.position
    first = entries[0]
    member = ledger.member(first.member_id)
    assert first.sector == next(s.name for s in ledger.sectors if s.id == member.sector_id)


@pytest.mark.installed_plugins
def test_rank_members_dense() -> None:
    ledger = load_dataset(XIANGZHOU)
    rules = load_plugins(allow=["xiangzhou"]).rule_sets.resolve("xiangzhou", Period.year(2022).end)
    ranking = rank_members(assess(ledger, rules, Period.year(2022)), ledger, method="dense")
    places = sorted({e.rank for e in ranking.entries})
    assert places == list(range(1, len(places) + 1))


@pytest.mark.installed_plugins
def test_cppcc_rank_lists_its_rows_from_rank_members_and_builds_no_card(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import cppcc_model.assess.engine as engine
    import cppcc_model.cli.options as options
    import cppcc_model.outputs.results as results

    calls: list[str] = []

    def spy(*args: object, **kwargs: object) -> object:
        ranking = rank_members(*args, **kwargs)  # type: ignore[arg-type]
        calls.append(ranking.method.value)
        return ranking

    def no_cards(self: object) -> object:
        raise AssertionError("cppcc rank built every explained score card")

    monkeypatch.setattr(results, "rank_members", spy)
    monkeypatch.setattr(engine.Assessment, "cards", property(no_cards))
    # scored by the columnar engine, whose figures need no card (a command scores a district
    # with the reference interpreter, which builds every card as it scores)
    monkeypatch.setattr(options, "ONE_RUN_COLUMNAR_FROM", 0)
    args = ["rank", str(XIANGZHOU), "--rules", "xiangzhou", "--year", "2022", "-f", "json"]
    result = CliRunner().invoke(cli, [*args, "--method", "dense"])
    assert result.exit_code == 0, result.output
    assert calls == ["dense"]
    printed = json.loads(result.stdout)["rankings"][0]["entries"]
    ledger = load_dataset(XIANGZHOU)
    rules = load_plugins(allow=["xiangzhou"]).rule_sets.resolve("xiangzhou", Period.year(2022).end)
    expected = rank_members(assess(ledger, rules, Period.year(2022)), ledger, method="dense")
    assert [(e["member_id"], e["rank"], e["tied"]) for e in printed] == [
        (e.member_id, e.rank, e.tied) for e in expected.entries
    ]
