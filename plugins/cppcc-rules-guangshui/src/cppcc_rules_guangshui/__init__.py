"""政协广水市委员会委员年度量化考核办法 (2017, members) as a cppcc-model rule plugin."""

from cppcc_rules_guangshui.rules import JURISDICTION, OTHER_MEETING_KINDS, build_rule_set

__all__ = ["JURISDICTION", "OTHER_MEETING_KINDS", "build_rule_set"]
