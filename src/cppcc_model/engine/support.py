"""Which rule sets the columnar engine scores, and why it leaves the others to the reference.

The compiled plan covers the blocks most rule sets are made of. A rule set that uses a block
the plan does not compile yet is scored, whole, by the row-at-a-time interpreter
(:mod:`cppcc_model.assess.engine`), which gives the same figures more slowly.
:func:`unsupported` says which parts of a rule set send it there, so the choice is never silent:
:attr:`cppcc_model.assess.Assessment.engine` records the engine used, and ``cppcc rules show``
readers can see why.
"""

from __future__ import annotations

from collections.abc import Iterator

from cppcc_model.rules.facts import Source
from cppcc_model.rules.inputs import Amount, External
from cppcc_model.rules.outcomes import ConsecutiveYears, ScoreBelow, Trigger
from cppcc_model.rules.ruleset import RuleSet
from cppcc_model.rules.selection import Where
from cppcc_model.rules.walk import reachable

__all__ = ["unsupported"]


def _scoring_blocks(rule_set: RuleSet) -> Iterator[object]:
    """Every block the member score reads (not group rules or awards, which run apart)."""
    return reachable(rule_set.categories, rule_set.requirements, rule_set.triggers, rule_set.grades)


def unsupported(rule_set: RuleSet) -> tuple[str, ...]:
    """The parts of ``rule_set`` the columnar engine does not compile yet (empty: it scores it).

    Args:
        rule_set: the rule set to check.

    Returns:
        One reason per part, naming the block, for instance ``"category 'duty' is given whole
        by an input (External)"``; empty when the columnar engine scores the rule set.

    """
    reasons: list[str] = []
    if rule_set.dimensions:
        reasons.append("dimensions (a level above categories)")
    if rule_set.settings.dating != "event":
        reasons.append(f"settings.dating={rule_set.settings.dating!r} (reporting dates)")
    reasons += [
        f"category {c.id!r} is given whole by an input (External)"
        for c in rule_set.categories
        if c.given is not None
    ]
    if rule_set.grades is not None and rule_set.grades.rounding is not None:
        reasons.append("grade bands with their own rounding")
    for requirement in rule_set.requirements:
        if requirement.window != "period" or requirement.each is not None:
            reasons.append(f"requirement {requirement.id!r} counts over a window")
    for trigger in rule_set.triggers:
        if isinstance(trigger, Trigger):
            if trigger.each is not None:
                reasons.append(f"trigger {trigger.id!r} counts each year or quarter")
        elif isinstance(trigger, ScoreBelow):
            if trigger.basis != "exact":
                reasons.append(f"trigger {trigger.id!r} compares the presented score")
        elif isinstance(trigger, ConsecutiveYears):
            if (
                trigger.score_below is not None
                or trigger.trigger is not None
                or trigger.bottom is not None
                or not trigger.consecutive
                or trigger.basis != "exact"
            ):
                reasons.append(f"trigger {trigger.id!r} is kept over years by a new key")
        else:
            reasons.append(f"trigger {trigger.id!r} is a {type(trigger).__name__}")
    for block in _scoring_blocks(rule_set):
        if isinstance(block, External | Amount):
            reasons.append(f"a value reads an amount or an input ({type(block).__name__})")
        elif isinstance(block, Where):
            if block.source is Source.INPUT or block.keys:
                reasons.append("a selection reads the inputs table (评分录入)")
            if block.step_in_period is not None:
                reasons.append(
                    f"a selection by a step reached in the period ({block.step_in_period})"
                )
    return tuple(dict.fromkeys(reasons))
