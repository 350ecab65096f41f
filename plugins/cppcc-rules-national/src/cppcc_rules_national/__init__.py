"""全国政协 年度好提案评选办法(试行) and the 优秀履职奖 as a cppcc-model rule plugin."""

from cppcc_rules_national.rules import (
    COLLECTIVE_TAG,
    EFFECTIVE_FROM,
    JURISDICTION,
    build_rule_set,
    duty_award,
    good_proposal_award,
    term_excellent_proposal_award,
)

__all__ = [
    "COLLECTIVE_TAG",
    "EFFECTIVE_FROM",
    "JURISDICTION",
    "build_rule_set",
    "duty_award",
    "good_proposal_award",
    "term_excellent_proposal_award",
]
