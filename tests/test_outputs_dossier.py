"""Each member's annual duty record (履职档案), drawn from the same records as the scores."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from cppcc_rules_xiangzhou import build_rule_set

from cppcc_model.assess.engine import Assessment, assess
from cppcc_model.cli import ExitCode, cli
from cppcc_model.io.dataset import load_dataset
from cppcc_model.ledger import Ledger
from cppcc_model.model import Period
from cppcc_model.outputs.dossier import duty_record, duty_records, proposal_outcome
from cppcc_model.rules.ruleset import RuleSet

pytestmark = pytest.mark.installed_plugins

XIANGZHOU = Path(__file__).resolve().parents[1] / "examples" / "xiangzhou" / "dataset"


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return load_dataset(XIANGZHOU)


@pytest.fixture(scope="module")
def rule_set() -> RuleSet:
    return build_rule_set()


@pytest.fixture(scope="module")
def assessment(ledger: Ledger, rule_set: RuleSet) -> Assessment:
    return assess(ledger, rule_set, Period.year(2022), as_of=dt.date(2022, 12, 31))


def test_a_record_lists_everything_the_member_did_in_the_period(
    ledger: Ledger, rule_set: RuleSet, assessment: Assessment
) -> None:
    for member_id in ("xz-g1-01", "xz-g7-08", "xz-shuanggou-01"):
        profile, meetings, proposals, reports, others, card = duty_record(
            ledger, rule_set, assessment, member_id, place="1 / 265"
        )
        records = ledger.records_of(member_id, Period.year(2022))
        assert profile.new_page
        assert profile.anchor == f"record-{member_id}"
        assert not any(t.new_page for t in (meetings, proposals, reports, others, card))
        assert len(meetings.rows) == len(records.attendances)
        assert sorted(meetings.column("title")) == sorted(a.title for a, _ in records.attendances)
        assert sorted(proposals.column("id")) == sorted(p.id for p in records.proposals)
        assert sorted(reports.column("id")) == sorted(r.id for r in records.info_reports)
        assert len(others.rows) == len(records.contributions)
        items = dict(profile.rows)
        score = assessment.card(member_id)
        assert items["总分"] == rule_set.rounding.present(score.total)
        assert items["名次"] == "1 / 265"
        lines = [r for r in card.records() if r["item"] not in ("类别合计", "总分调整")]
        assert len(lines) == sum(len(c.lines) for c in score.categories)
        assert all(r["clause"] for r in lines)  # every line says its clause
        for requirement in score.requirements:
            status = "达标" if requirement.met else "未达标"
            assert any(requirement.label in n and n.endswith(status) for n in card.notes)


def test_how_a_proposal_fared_follows_its_history_up_to_the_day(ledger: Ledger) -> None:
    proposal = ledger.proposal("xz-p-g1-01")
    assert proposal_outcome(proposal, dt.date(2022, 12, 31)) == (
        "立案 → 交办 → 确定为重点提案 → 督办 → 答复（A类） → 反馈（满意） → 采用（区县） → 办结"
    )
    filed = min(e.on for e in proposal.history if e.step.value == "filed")
    assert proposal_outcome(proposal, filed) == "立案"
    assert proposal_outcome(proposal, proposal.submitted_on) == "已提交，尚无办理记录"


def test_the_records_of_all_members_are_one_report_a_page_each(
    ledger: Ledger, rule_set: RuleSet, assessment: Assessment
) -> None:
    report = duty_records(ledger, rule_set, assessment)
    starts = [t for t in report.sections if t.new_page]
    assert len(starts) == len(assessment.cards) == 265
    assert report.tables[0].links == tuple(t.anchor for t in starts)


def test_the_command_writes_the_records_of_the_members_named(tmp_path: Path) -> None:
    out = tmp_path / "履职档案.html"
    result = CliRunner().invoke(
        cli,
        ["dossier", str(XIANGZHOU), "张景海", "xz-g7-08", "--rules", "xiangzhou", "-o", str(out)],
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.count('class="card"') == 2
    assert 'id="record-xz-g1-01"' in text
    assert 'id="record-xz-g7-08"' in text
    missing = CliRunner().invoke(cli, ["dossier", str(XIANGZHOU), "无此人", "--rules", "xiangzhou"])
    assert missing.exit_code == ExitCode.BAD_INPUT
    assert "无此人" in missing.stderr
