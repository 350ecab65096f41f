"""The national award rules: quanguo.md §4 examples A, B and C, and their invariants."""

import datetime as dt
from collections.abc import Iterable
from fractions import Fraction
from random import Random

import pytest
from cppcc_rules_national import (
    COLLECTIVE_TAG,
    EFFECTIVE_FROM,
    JURISDICTION,
    build_rule_set,
    term_excellent_proposal_award,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from cppcc_model.assess.awards import (
    AwardConstraintError,
    AwardResult,
    Candidate,
    award_candidates,
    select_winners,
)
from cppcc_model.errors import InvalidValueError
from cppcc_model.ledger import Ledger
from cppcc_model.model import (
    BodyRef,
    Committee,
    HandlingUnit,
    Member,
    ParticipatingUnit,
    Period,
    Proposal,
    Sector,
    Session,
    Term,
)
from cppcc_model.plugins import load_plugins
from cppcc_model.proposals import advance
from cppcc_model.rules import NoRuleSetInForceError
from cppcc_model.rules.awards import Award
from cppcc_model.testing.codes import raises_code
from cppcc_model.testing.conformance import assert_conforms


def _award(award_id: str, **options: object) -> Award:
    return next(a for a in build_rule_set(**options).awards if a.id == award_id)  # type: ignore[arg-type]


GOOD = _award("good_proposal")
DUTY = _award("outstanding_duty")


def _proposals(count: int, collective: Iterable[int]) -> list[Candidate]:
    """``count`` candidates ranked by index (0 best), those in ``collective`` collective."""
    chosen = set(collective)
    return [
        Candidate(
            f"P{index:05d}",
            f"提案{index}",
            Fraction(count - index),
            frozenset({COLLECTIVE_TAG if index in chosen else "individual"}),
        )
        for index in range(count)
    ]


def _collective(result: AwardResult, candidates: list[Candidate]) -> int:
    tags = {c.id: c.tags for c in candidates}
    return sum(COLLECTIVE_TAG in tags[w.id] for w in result.winners)


# ---------------------------------------------------------------- registration


def test_the_plugin_registers_the_award_rules_through_its_entry_point() -> None:
    plugins = load_plugins(entry_points=True, allow=["national"], strict=True)
    rule_set = plugins.rule_sets.resolve(JURISDICTION, dt.date(2021, 3, 8))
    assert rule_set.name == "national-awards-2019"
    assert rule_set.plugin == "national"
    assert rule_set.effective_from == EFFECTIVE_FROM == dt.date(2019, 12, 18)
    assert [a.id for a in rule_set.awards] == ["good_proposal", "outstanding_duty"]


def test_the_rules_are_not_in_force_before_their_adoption() -> None:
    plugins = load_plugins(entry_points=True, allow=["national"], strict=True)
    with raises_code(NoRuleSetInForceError, "P014", value="national"):
        plugins.rule_sets.resolve(JURISDICTION, dt.date(2019, 12, 17))


def test_the_rule_set_conforms() -> None:
    assert_conforms(build_rule_set(), max_examples=10)


def test_the_readings_are_options() -> None:
    rule_set = build_rule_set().with_options(rounding="down", term_award_count=30)
    good = next(a for a in rule_set.awards if a.id == "good_proposal")
    assert good.quota.rounding == "down"
    assert [a.id for a in rule_set.awards][-1] == "term_excellent_proposal"
    with raises_code(InvalidValueError, "P101", value="nearest"):
        build_rule_set(collective_rounding="nearest")


# ---------------------------------------------------------------- example A
#
# Examples A, B and C are about quotas at the national scale (5,000 proposals and more), so
# they run the selection on ranked candidates here. The same rules on ledgers a person can read
# are golden cases in tests/golden/: the year's pool and a quota of 2
# (example_pool_in_and_between_sessions) and example B's repair of the collective share at that
# size (example_b_collective_share_repaired).


def test_example_a_5000_proposals_give_50_good_ones_at_least_10_collective() -> None:
    assert GOOD.quota.size(5000, 5000) == 50
    assert GOOD.composition[0].needed(50) == 10
    candidates = _proposals(5000, range(0, 5000, 4))
    result = select_winners(GOOD, candidates)
    assert result.quota == 50
    assert [w.id for w in result.winners] == [f"P{i:05d}" for i in range(50)]
    assert _collective(result, candidates) >= 10


# ---------------------------------------------------------------- example B


def test_example_b_58_winners_with_9_collective_are_repaired_to_12() -> None:
    top_collective = [0, 6, 12, 18, 24, 30, 36, 42, 48]  # 9 of the first 58
    lower_collective = [60, 65, 70, 75, 80]
    candidates = _proposals(5800, top_collective + lower_collective)
    assert GOOD.quota.size(5800, 5800) == 58
    assert GOOD.composition[0].needed(58) == 12  # 11.6, rounded up
    result = select_winners(GOOD, candidates)
    winners = {w.id for w in result.winners}
    assert len(winners) == 58
    assert _collective(result, candidates) == 12
    assert len(winners) - 12 == 46
    # the three lowest-ranked individual winners make way …
    displaced = {"P00055", "P00056", "P00057"}
    assert displaced.isdisjoint(winners)
    reasons = {n.id: n.reason for n in result.not_selected}
    assert all("displaced" in reasons[d] for d in displaced)
    # … for the three highest-ranked collective proposals not yet selected
    assert {"P00060", "P00065", "P00070"} <= winners
    assert "P00075" not in winners


def test_example_b_without_enough_collective_proposals_is_an_error() -> None:
    candidates = _proposals(5800, [0, 6, 12])
    with raises_code(AwardConstraintError, "S208", value="3"):
        select_winners(GOOD, candidates)


# ---------------------------------------------------------------- example C


def test_example_c_the_duty_award_does_not_scale_but_the_proposal_quota_does() -> None:
    for members, proposals in ((2100, 21), (2200, 22)):
        candidates = [
            Candidate(f"m{i:04d}", f"委员{i}", Fraction(members - i)) for i in range(members)
        ]
        assert len(select_winners(DUTY, candidates).winners) == 20
        assert DUTY.quota.size(members, members) == 20
        assert GOOD.quota.size(proposals * 100, proposals * 100) == proposals


D = dt.date
COMMITTEE = Committee(id="cppcc", name="全国政协", level="national", jurisdiction=JURISDICTION)
TERM = Term(number=13, start=D(2018, 3, 3), end=D(2023, 3, 3))
PLENARY_2019 = Session(term=13, number=2, start=D(2019, 3, 3), end=D(2019, 3, 13))


def _handled(proposal: Proposal, *, adopted: bool = False, instructed: bool = False) -> Proposal:
    start = proposal.submitted_on
    proposal = advance(proposal, "filed", start + dt.timedelta(days=20), case_number=proposal.id)
    proposal = advance(
        proposal, "assigned", start + dt.timedelta(days=30), units=(HandlingUnit("国家发展改革委"),)
    )
    proposal = advance(proposal, "replied", start + dt.timedelta(days=90), reply="A")
    if adopted:
        proposal = advance(proposal, "adopted", start + dt.timedelta(days=120), level="national")
    if instructed:
        proposal = advance(
            proposal, "instructed", start + dt.timedelta(days=130), leader="国务院领导"
        )
    return proposal


def _national_ledger() -> Ledger:
    """2019: 150 proposals in session and 50 between sessions; one more from 2018."""
    members = [Member(f"m{i:03d}", f"委员{i}", "s") for i in range(200)]
    proposals = []
    for i in range(200):
        in_session = i < 150
        proposals.append(
            _handled(
                Proposal(
                    id=f"Q-2019-{i + 1:03d}",
                    subject=f"关于第{i + 1}个问题的提案",
                    submitted_on=D(2019, 3, 5) if in_session else D(2019, 7, 1),
                    proposer_kind="individual",
                    member_ids=(members[i].id,),
                    session_id=PLENARY_2019.id if in_session else None,
                ),
                adopted=i in (1, 160),  # Q-2019-002 (in session) and Q-2019-161 (between)
                instructed=i == 160,
            )
        )
    proposals[116] = _handled(
        Proposal(
            id="Q-2019-117",
            subject="关于加强基础研究的提案",
            submitted_on=D(2019, 3, 5),
            proposer_kind="collective",
            body=BodyRef("unit", "jiusan"),
            session_id=PLENARY_2019.id,
        ),
        adopted=True,
        instructed=True,
    )
    proposals.append(
        _handled(
            Proposal(
                id="Q-2018-001",
                subject="关于上一年度问题的提案",
                submitted_on=D(2018, 3, 5),
                proposer_kind="individual",
                member_ids=("m000",),
            ),
            adopted=True,
            instructed=True,
        )
    )
    return Ledger(
        committee=COMMITTEE,
        terms=[TERM],
        sessions=[PLENARY_2019],
        sectors=[Sector("s", "界别")],
        units=[ParticipatingUnit("jiusan", "九三学社", "九三学社", "democratic_party")],
        members=members,
        proposals=proposals,
    )


def test_example_c_an_annual_good_proposal_may_also_win_the_term_award() -> None:
    ledger = _national_ledger()
    annual = select_winners(GOOD, award_candidates(GOOD, ledger, Period.year(2019)))
    term_award = term_excellent_proposal_award(3)
    term = select_winners(
        term_award, award_candidates(term_award, ledger, Period(TERM.start, D(2022, 12, 31)))
    )
    assert "Q-2019-117" in {w.id for w in annual.winners}
    assert "Q-2019-117" in {w.id for w in term.winners}  # both awards stand
    assert "Q-2018-001" in {w.id for w in term.winners}  # the term pools every year
    again = select_winners(GOOD, award_candidates(GOOD, ledger, Period.year(2019)))
    assert again.to_dict() == annual.to_dict()  # the other cycle changes nothing


# ---------------------------------------------------------------- invariants


@settings(max_examples=30, deadline=None)
@given(
    st.integers(min_value=50, max_value=2500),
    st.randoms(use_true_random=False),
    st.sampled_from([0.05, 0.15, 0.3, 0.6]),
)
def test_quota_and_collective_share_hold_whenever_they_can(
    count: int, rng: Random, share: float
) -> None:
    collective = [i for i in range(count) if rng.random() < share]
    candidates = _proposals(count, collective)
    quota = GOOD.quota.size(count, count)
    needed = GOOD.composition[0].needed(quota)
    assert quota == (count + 50) // 100  # 1%, half up
    if len(collective) < needed:
        with pytest.raises(AwardConstraintError):
            select_winners(GOOD, candidates)
        return
    result = select_winners(GOOD, candidates)
    assert len(result.winners) == quota
    assert _collective(result, candidates) >= needed
    # a collective candidate never loses to a lower-ranked winner
    lowest = min(w.score for w in result.winners)
    tags = {c.id: c.tags for c in candidates}
    for loser in result.not_selected:
        if loser.score > lowest:
            assert COLLECTIVE_TAG not in tags[loser.id]


# ---------------------------------------------------------------- "about 1%" (左右): a soft quota


def test_about_one_percent_is_a_soft_quota_with_a_warning_not_an_error() -> None:
    # 150 proposals: 1% is 1.5 → 2 (half_up). The 2nd and 3rd tie at 148, so the tie is left
    # out and one proposal wins: below the band [2, 2] — a warning. With about = 1/200 the band
    # is 0.5%–1.5% of 150: 0.75 → 1 (up) to 2.25 → 2 (down), and one winner is within it.
    # The first is collective, so the 20% collective share (1 of 1, or 1 of 2) holds.
    candidates = [
        Candidate(
            f"p{i:03d}",
            f"提案{i}",
            Fraction(150 - i if i != 1 else 148),
            frozenset({"collective"}) if i == 0 else frozenset(),
        )
        for i in range(150)
    ]
    strict = select_winners(GOOD, candidates)
    assert strict.bounds is not None
    assert (strict.bounds.low, strict.bounds.high, strict.bounds.soft) == (2, 2, True)
    assert [w.id for w in strict.winners] == ["p000"]
    assert strict.band_position() == "below"
    assert "获奖1名，低于名额区间2" in strict.warnings[0]
    lenient = select_winners(_award("good_proposal", about="1/200"), candidates)
    assert lenient.bounds is not None
    assert (lenient.bounds.low, lenient.bounds.target, lenient.bounds.high) == (1, 2, 2)
    assert lenient.band_position() == "within"
    assert lenient.warnings == ()


def test_the_good_proposals_may_be_decided_after_the_year() -> None:
    good = _award("good_proposal", decided_on="02-25")
    assert good.stages_as_of(Period.year(2021)) == D(2022, 2, 25)
    assert good.quota.of == "submitted"
    assert build_rule_set(decided_on="02-25").options["decided_on"] == "02-25"
