"""Public extension points: what a plugin's own block receives, read-only.

The building blocks cover the published rules; where a rule needs something they do not say, a
plugin writes its own block against one of these typed protocols (``typing.Protocol``, checked by
mypy and at run time):

* a value — :class:`~cppcc_model.rules.values.Value`: ``of(fact) -> Fraction``;
* a condition — :class:`~cppcc_model.rules.conditions.Condition`:
  ``applies(member, period, as_of) -> bool``;
* a group measure — :class:`~cppcc_model.assess.groups.Measure`:
  ``measure(subject, context: MeasureContext) -> (value, records, note)``;
* a trigger — :class:`CustomTrigger`: ``check(context: TriggerContext) -> Flag | None``;
* a value function — :class:`~cppcc_model.rules.values.Function` over a public
  :class:`~cppcc_model.rules.facts.Fact` (with its ``amount``).

Every block must be pure: the same input gives the same result, and it must not change what it
is given (the contexts are frozen).
"""

from __future__ import annotations

# CustomTrigger and TriggerContext are defined beside RuleSet, which lists custom triggers and
# which a trigger's context gives for earlier years (one module, so no import loop); this
# module is where a plugin author finds them.
from cppcc_model.rules.ruleset import CustomTrigger, TriggerContext

__all__ = ["CustomTrigger", "TriggerContext"]
