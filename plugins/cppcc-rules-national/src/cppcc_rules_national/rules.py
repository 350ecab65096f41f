"""全国政协的两项年度评选 — the rule text restated beside the blocks that implement it.

1. 政协全国委员会提案委员会关于年度好提案评选办法(试行), adopted 18 December 2019 by the
   Proposals Committee of the 13th National CPPCC (16th directors' meeting and 8th plenary
   meeting of the committee). Articles 1–4 were recovered; procedure step 2 is cut off.
2. 全国政协委员优秀履职奖, set up by the chairpersons' meeting: awarded every year to members
   with outstanding contributions; 20 members for 2020 (award ceremony 8 March 2021).

Both are selections, not scores: a population-level quota with a composition constraint, and a
fixed count. The national rules publish no member points and no mechanical ranking of
proposals — the committee office evaluates quality and handling results. The ranking values
below are therefore this plugin's reading of the published conditions onto what a ledger
records, and are marked as such.

Source: http://7788bjq.com/cn_law/2021-08-09/6937395621087154176.html (mirror of the text);
context from China News Service, 25 February 2022, and a report of 9 March 2021.
"""

from __future__ import annotations

import datetime as dt

from cppcc_model.rules import (
    ByStage,
    Reading,
    RuleSet,
    Where,
    check_readings,
)
from cppcc_model.rules.awards import Award, Composition, Quota

__all__ = [
    "COLLECTIVE_TAG",
    "EFFECTIVE_FROM",
    "JURISDICTION",
    "build_rule_set",
    "duty_award",
    "good_proposal_award",
    "term_excellent_proposal_award",
]

JURISDICTION = "national"
"""The jurisdiction key: 全国政协."""

EFFECTIVE_FROM = dt.date(2019, 12, 18)
"""The good-proposal rules' adoption by the Proposals Committee."""

SOURCE = "http://7788bjq.com/cn_law/2021-08-09/6937395621087154176.html"

COLLECTIVE_TAG = "collective"
"""The tag cppcc-model gives collective proposals (集体提案) among award candidates."""

_ROUNDINGS = ("half_up", "up", "down")
_TIES = ("exclude", "include", "name_order")

# 办理成效 (condition 3): 成效显著, or important reference value for decisions, or a clear
# improvement in work. Read onto a ledger: filed and replied (the case was handled), adopted by
# the handling unit (采纳), leader instructions (批示), key designation and supervision. The
# weights are this plugin's (ILLUSTRATIVE): the committee's own evaluation is not mechanical.
HANDLING_RESULT = ByStage(
    {"filed": 1, "replied": 1, "key": 1, "supervised": 1, "adopted": 3, "instructed": 3}
)


def good_proposal_award(
    *,
    rounding: str = "half_up",
    collective_rounding: str = "up",
    ties: str = "exclude",
    about: str = "0",
    decided_on: str | None = None,
) -> Award:
    """年度好提案: about 1% of the year's proposals, at least 20% of them collective.

    第二条 评选范围: 全国政协大会期间和闭会期间提交的提案 — the pool is every proposal submitted
    in the year, during a session or between sessions; a ledger's period of one calendar year
    gives exactly that (a proposal's ``session_id`` does not matter). 第三条: 原则上按照提案总数
    的1%左右评选 — a soft quota, ``Quota(share=1/100, of="submitted", tolerance=about)``: the
    denominator is every proposal submitted in the year (提案总数), eligible or not; "about"
    (左右) makes the quota soft — winners outside 1% ± ``about`` are a warning, not an error —
    and leaves the rounding open (settings ``rounding`` and ``about``, default 0: the band is
    the rounded 1% itself). The committee decides after the year (60 good proposals for 2021
    were reported on 25 February 2022): ``decided_on`` (``"MM-DD"``) reads the handling results
    as of that day.
    民主党派、人民团体、政协专门委员会和界别、委员小组 (during the plenary) 提出的提案原则上
    不少于年度好提案总数的20% — a :class:`Composition` on the collective tag, the needed count
    rounded up (11.6 → 12 in the restatement's example B; setting ``collective_rounding``).
    Candidates are filed cases that were replied (merged proposals follow their case and are
    not candidates of their own).
    """
    return Award(
        "good_proposal",
        "年度好提案",
        "proposal",
        Quota(share="1/100", of="submitted", rounding=rounding, tolerance=about),
        value=HANDLING_RESULT,
        where=Where("proposal", reached=["filed", "replied"], not_reached=["merged"]),
        decided_on=decided_on,
        composition=(
            Composition(
                "集体提案原则上不少于20%", COLLECTIVE_TAG, "1/5", rounding=collective_rounding
            ),
        ),
        ties=ties,
        clause="第三条",
    )


def duty_award(*, score_rule_set: str | None = None, ties: str = "exclude") -> Award:
    """全国政协委员优秀履职奖: every year, a fixed 20 members — the count does not scale.

    The national rules publish no member assessment, so the ranking comes from elsewhere:
    ``score_rule_set`` names the rule set whose member totals rank the candidates (``None``:
    whatever assessment the caller passes to ``award_candidates``).
    """
    return Award(
        "outstanding_duty",
        "全国政协委员优秀履职奖",
        "member",
        Quota(count=20),
        score_rule_set=score_rule_set,
        ties=ties,
        clause="优秀履职奖",
    )


def term_excellent_proposal_award(count: int, *, ties: str = "exclude") -> Award:
    """The once-per-term excellent-proposal award (届末优秀提案), another cycle.

    Held at the end of each term, separately from the annual good proposals; a proposal may win
    both (different cycles, not double counting). Its count is not in the recovered text, so it
    must be given.
    """
    return Award(
        "term_excellent_proposal",
        "届末优秀提案",
        "proposal",
        Quota(count=count),
        value=HANDLING_RESULT,
        where=Where("proposal", reached=["filed", "replied"], not_reached=["merged"]),
        ties=ties,
        clause="届末表彰",
    )


_ROUNDING_MEANINGS = {"half_up": "half up", "up": "up", "down": "down"}

READINGS = (
    Reading(
        "rounding",
        "half_up",
        "好提案 第三条: how about 1% of the year's proposals (按照提案总数的1%左右) is rounded",
        choices=_ROUNDINGS,
        choice_meanings=_ROUNDING_MEANINGS,
    ),
    Reading(
        "collective_rounding",
        "up",
        "好提案 第三条: how at least 20% collective (不少于…20%) of the winners is rounded",
        choices=_ROUNDINGS,
        choice_meanings=_ROUNDING_MEANINGS,
    ),
    Reading(
        "award_ties",
        "exclude",
        "a tie straddling an award's count (neither text addresses it)",
        choices=_TIES,
        choice_meanings={
            "exclude": "nobody in the tie wins",
            "include": "all of the tie wins; the list grows",
            "name_order": "姓氏笔画 order decides",
        },
    ),
    Reading(
        "duty_score_rule_set",
        None,
        "优秀履职奖: the rule set whose member totals rank the duty award's candidates "
        "(the award's criteria are not published)",
    ),
    Reading(
        "term_award_count",
        None,
        "the once-per-term excellent-proposal award: its number of winners (not known; None "
        "leaves the award out)",
    ),
    Reading(
        "about",
        "0",
        "好提案 第三条: the tolerance of about 1% (左右), a share; winners outside it are a "
        'warning ("0": the band is the rounded 1% itself)',
    ),
    Reading(
        "decided_on",
        None,
        "the day (MM-DD) after the year on which the good proposals are decided; stages "
        "reached by then count (None: the year's last day)",
    ),
)
"""The questions the texts leave open, each with the answer this plugin gives by default."""


def build_rule_set(
    *,
    rounding: str = "half_up",
    collective_rounding: str = "up",
    award_ties: str = "exclude",
    duty_score_rule_set: str | None = None,
    term_award_count: int | None = None,
    about: str = "0",
    decided_on: str | None = None,
) -> RuleSet:
    """Build the national award rules (in force from 18 December 2019).

    Args:
        rounding: how "about 1%" of the proposals is rounded: ``"half_up"`` (default),
            ``"up"`` or ``"down"``.
        collective_rounding: how 20% of the winners is rounded (default ``"up"``, as in the
            restatement's example B).
        award_ties: a tie straddling a count: nobody in it wins (``"exclude"``, default), all
            of it wins (``"include"``: the list grows) or 姓氏笔画 order decides
            (``"name_order"``).
        duty_score_rule_set: the rule set whose member totals rank the duty award's candidates.
        term_award_count: include the once-per-term excellent-proposal award with this many
            winners (default ``None``: not included; its count is not known).
        about: the tolerance of "about 1%" (左右), a share (default ``"0"``: the band is the
            rounded 1%; ``"1/1000"`` accepts 0.9%–1.1%); winners outside it are a warning.
        decided_on: the day (``"MM-DD"``) after the year on which the good proposals are
            decided; stages reached by then count (default ``None``: the year's last day).
    """
    check_readings(
        READINGS,
        rounding=rounding,
        collective_rounding=collective_rounding,
        award_ties=award_ties,
        duty_score_rule_set=duty_score_rule_set,
        term_award_count=term_award_count,
        about=about,
        decided_on=decided_on,
    )
    awards = [
        good_proposal_award(
            rounding=rounding,
            collective_rounding=collective_rounding,
            ties=award_ties,
            about=about,
            decided_on=decided_on,
        ),
        duty_award(score_rule_set=duty_score_rule_set, ties=award_ties),
    ]
    if term_award_count is not None:
        awards.append(term_excellent_proposal_award(term_award_count, ties=award_ties))
    return RuleSet(
        jurisdiction=JURISDICTION,
        name="national-awards-2019",
        title="政协全国委员会提案委员会关于年度好提案评选办法(试行); 全国政协委员优秀履职奖",
        effective_from=EFFECTIVE_FROM,
        categories=(),
        awards=awards,
        source=SOURCE,
        options={
            "rounding": rounding,
            "collective_rounding": collective_rounding,
            "award_ties": award_ties,
            "duty_score_rule_set": duty_score_rule_set,
            "term_award_count": term_award_count,
            "about": about,
            "decided_on": decided_on,
        },
        factory=build_rule_set,
        readings=READINGS,
    )
