"""桐城市政协委员履职考核暂行办法 (2019) as a cppcc-model rule plugin."""

from cppcc_rules_tongcheng.rules import JURISDICTION, build_rule_set

__all__ = ["JURISDICTION", "build_rule_set"]
