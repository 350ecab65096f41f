"""襄州区政协 2022: what the annual work-conference speech states, beside the blocks for it.

Source: the speech at the Xiangzhou (襄州区, Xiangyang, Hubei) CPPCC annual work conference
(全区政协工作会议讲话稿, seed 000; the hosting site rewrote its years, the year printed — 2022 —
is used). The speech is not a rule text. It states

* the six ones (六个一) every member must do in the year (part 三(二));
* that activity groups (委员活动组) are assessed on proposals and on 社情民意 information and
  ranked overall, town/street groups (镇街活动组) apart from the district-level groups paired
  with special committees (区直活动组) (part 一);
* that participating units are compared on their members' per-capita assessment score and on
  their 社情民意 adopted or forwarded (part 一);
* the year's commendations with their counts (part 一): 34 优秀政协委员, 4 文史工作先进个人,
  15 信息工作先进个人, 15 优秀政协提案 (案由好、内容好、办理效果好), 10 优秀社情民意信息,
  16 优秀调研报告.

The group and member assessment rules themselves (活动组及委员履职考核办法, revised by 第7活动组
that year) were **not published**. Every point value below is therefore **illustrative** — chosen
by this plugin so that the library can run the assessments the speech reports, not taken from
Xiangzhou. The structure (what is assessed, separately for which groups, what is ranked, how
many win) is the speech's; the numbers are ours.

Clause references name the part of the speech: ``一`` (the review and the commendations) and
``三(二)`` (the members' duties).

The rules are laid out by area, one module each: ``members.py`` (the members' points),
``requirements.py`` (the six ones), ``groups.py`` (activity groups and units), ``awards.py``
(the commendations) and ``vocabulary.py`` (the kinds of record the speech names); this module
puts them together with the readings the speech leaves open.
"""

from __future__ import annotations

import datetime as dt

from cppcc_model.rules import (
    Reading,
    RuleSet,
    check_readings,
)
from cppcc_rules_xiangzhou.awards import awards
from cppcc_rules_xiangzhou.groups import group_categories, group_rules
from cppcc_rules_xiangzhou.members import member_categories
from cppcc_rules_xiangzhou.requirements import SIX_ONES, six_ones

__all__ = [
    "EFFECTIVE_FROM",
    "EFFECTIVE_UNTIL",
    "JURISDICTION",
    "SIX_ONES",
    "awards",
    "build_rule_set",
    "group_categories",
    "group_rules",
    "member_categories",
    "six_ones",
]

JURISDICTION = "hubei.xiangyang.xiangzhou"
"""The jurisdiction key: 湖北省襄阳市襄州区."""

EFFECTIVE_FROM = dt.date(2022, 1, 1)
EFFECTIVE_UNTIL = dt.date(2022, 12, 31)
"""The assessment year the rule set covers (the year the speech prints)."""

SOURCE = "全区政协工作会议讲话稿 (襄州区政协, 2022) — shared/seeds/000"

READINGS = (
    Reading(
        "joint",
        "whole",
        "how a co-signed proposal, co-written 社情民意 item or co-authored report credits its "
        "authors in the member assessment (the speech does not say)",
        choices=("whole", "first", "split"),
        choice_meanings={
            "whole": "each author gets the whole value",
            "first": "the first author only",
            "split": "equal shares",
        },
    ),
    Reading(
        "award_ties",
        "exclude",
        "a tie straddling an award's count (the speech does not address it)",
        choices=("exclude", "include", "name_order"),
        choice_meanings={
            "exclude": "nobody in the tie wins; the count is not filled",
            "include": "all of the tie wins; the count is exceeded",
            "name_order": "姓氏笔画 order decides",
        },
    ),
    Reading(
        "decided_on",
        None,
        "the day (MM-DD) of the work conference after the year that announces the "
        "commendations; stages reached by then count (None: the year's last day)",
    ),
)
"""The questions the speech leaves open, each with the answer this plugin gives by default."""


def build_rule_set(
    *, joint: str = "whole", award_ties: str = "exclude", decided_on: str | None = None
) -> RuleSet:
    """Build the 2022 rule set.

    Args:
        joint: how a co-signed proposal, co-written 社情民意 item or co-authored report credits
            its authors in the member assessment — the speech does not say: ``"whole"`` (each
            gets the whole value, the default), ``"first"`` (the first author only) or
            ``"split"`` (equal shares).
        award_ties: a tie straddling an award's count — not addressed by the speech:
            ``"exclude"`` (nobody in the tie wins, the default; the count is then not filled),
            ``"include"`` (all of it wins; the count is exceeded) or ``"name_order"``
            (姓氏笔画 order decides).
        decided_on: the day (``"MM-DD"``) of the work conference after the year that
            announces the commendations; stages reached by then count (default ``None``: the
            year's last day). The speech does not give the conference's date.
    """
    check_readings(READINGS, joint=joint, award_ties=award_ties, decided_on=decided_on)
    return RuleSet(
        jurisdiction=JURISDICTION,
        name="xiangzhou-2022",
        title="襄州区政协委员及活动组履职考核 (2022, 示意分值 illustrative points)",
        effective_from=EFFECTIVE_FROM,
        effective_until=EFFECTIVE_UNTIL,
        categories=member_categories(joint),
        requirements=six_ones(),
        group_rules=group_rules(),
        awards=awards(award_ties, decided_on),
        source=SOURCE,
        options={"joint": joint, "award_ties": award_ties, "decided_on": decided_on},
        factory=build_rule_set,
        readings=READINGS,
    )
