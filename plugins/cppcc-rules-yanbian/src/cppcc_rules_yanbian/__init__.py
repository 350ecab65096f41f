"""延边州政协委员履职考核办法 (published 2022) as a cppcc-model rule plugin."""

from cppcc_rules_yanbian.rules import JURISDICTION, PUBLISHED, build_rule_set

__all__ = ["JURISDICTION", "PUBLISHED", "build_rule_set"]
