"""襄州区政协 2022 (六个一, activity groups, units, commendations) as a cppcc-model rule plugin."""

from cppcc_rules_xiangzhou.rules import (
    EFFECTIVE_FROM,
    EFFECTIVE_UNTIL,
    JURISDICTION,
    SIX_ONES,
    build_rule_set,
)
from cppcc_rules_xiangzhou.values import Sum

__all__ = ["EFFECTIVE_FROM", "EFFECTIVE_UNTIL", "JURISDICTION", "SIX_ONES", "Sum", "build_rule_set"]
