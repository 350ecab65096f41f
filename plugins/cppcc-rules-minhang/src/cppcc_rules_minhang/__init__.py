"""闵行区政协委员履职积分管理细则 as a cppcc-model rule plugin."""

from cppcc_rules_minhang.rules import EFFECTIVE_FROM, JURISDICTION, build_rule_set

__all__ = ["EFFECTIVE_FROM", "JURISDICTION", "build_rule_set"]
