"""The sum of several value blocks, now provided by the core as :class:`cppcc_model.rules.Sum`.

This plugin introduced it; it is re-exported here so ``from cppcc_rules_xiangzhou import Sum``
keeps working.
"""

from cppcc_model.rules import Sum

__all__ = ["Sum"]
