"""One label for the adopted stage: 采用, as the reference texts write it; 采纳 is read too.

The published rules and the office's 社情民意 work say 采用 (被省级以上采用一条…), so the
proposal step, the 社情民意 step and the rules' stage all show 采用; a clerk who writes 采纳 (or
被采纳) in a workbook is still understood.
"""

from __future__ import annotations

import datetime as dt

import pytest

from cppcc_model.labels import LabeledEnum
from cppcc_model.model import InfoStep, Proposal, ProposalStep
from cppcc_model.proposals import advance
from cppcc_model.rules.facts import Stage

ADOPTED: list[LabeledEnum] = [ProposalStep.ADOPTED, InfoStep.ADOPTED, Stage.ADOPTED]


@pytest.mark.parametrize("member", ADOPTED, ids=lambda m: type(m).__name__)
def test_the_adopted_stage_is_labelled_cai_yong_everywhere(member: LabeledEnum) -> None:
    assert member.label == "采用"


@pytest.mark.parametrize("member", ADOPTED, ids=lambda m: type(m).__name__)
@pytest.mark.parametrize("written", ["采用", "采纳", "adopted"])
def test_either_word_is_read_as_the_adopted_stage(member: LabeledEnum, written: str) -> None:
    assert type(member).parse(written) is member


def test_a_proposal_adopted_by_the_other_word_reads_back_with_the_one_label() -> None:
    proposal = Proposal(
        id="p1",
        subject="关于推进集团化办学的建议",
        submitted_on=dt.date(2022, 1, 8),
        proposer_kind="个人",
        member_ids=("m1",),
    )
    proposal = advance(proposal, "立案", dt.date(2022, 3, 28), case_number="06")
    proposal = advance(proposal, "被采纳", dt.date(2022, 9, 1), level="区县")
    step = proposal.history[-1]
    assert step.step is ProposalStep.ADOPTED
    assert step.step.label == "采用"
