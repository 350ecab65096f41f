"""Every award of a rule set, selected in one call: what ``cppcc awards`` computes.

:func:`select_awards` runs :func:`~cppcc_model.assess.award_run.run_award` for each award of a
rule set: it scores the members (under the award's own ``score_rule_set`` where it names one,
for each period the award looks at), assesses the groups when an award to bodies needs them,
and selects. Each :class:`~cppcc_model.assess.award_results.AwardResult` has a plain-data form
(``to_dict``)::

    results = select_awards(ledger, rules, Period.year(2022), rule_sets=plugins.rule_sets)
    payload = [result.to_dict() for result in results]
"""

from __future__ import annotations

import datetime as dt

from cppcc_model.assess.award_results import AwardResult
from cppcc_model.assess.award_run import run_award
from cppcc_model.assess.engine import Assessment, assess
from cppcc_model.assess.groups import GroupsAssessment, assess_groups
from cppcc_model.errors import CppccError
from cppcc_model.ledger import Ledger
from cppcc_model.model import Period
from cppcc_model.rules.registry import RuleSetRegistry
from cppcc_model.rules.ruleset import RuleSet

__all__ = ["select_awards"]


def select_awards(
    ledger: Ledger,
    rule_set: RuleSet,
    period: Period,
    *,
    as_of: dt.date | None = None,
    assessment: Assessment | None = None,
    rule_sets: RuleSetRegistry | None = None,
) -> list[AwardResult]:
    """The result of every award of ``rule_set`` in ``period``, in the rule set's order.

    ``assessment`` (the members scored under ``rule_set`` for ``period``) is reused when given;
    an award that scores under another rule set (``score_rule_set``) finds it in ``rule_sets``.

    Raises:
        CppccError: when an award names a rule set and no registry is given, or the registry
            does not hold it; AwardConstraintError when a composition constraint cannot be met.

    """
    day = as_of if as_of is not None else period.end
    assessments: dict[tuple[str, Period], Assessment] = {}
    if assessment is not None:
        assessments[(rule_set.name, period)] = assessment
    groups: dict[Period, dict[str, GroupsAssessment]] = {}

    def members_under(name: str | None, one: Period) -> Assessment:
        key = (name or rule_set.name, one)
        if key not in assessments:
            if name is None:
                chosen = rule_set
            elif rule_sets is None:
                raise CppccError(
                    f"an award scores under the rule set {name!r}, and no registry was given",
                    hint="pass rule_sets=plugins.rule_sets",
                )
            else:
                chosen = rule_sets.get(name)
            assessments[key] = assess(ledger, chosen, one, as_of=day if one == period else one.end)
        return assessments[key]

    def groups_in(one: Period) -> dict[str, GroupsAssessment]:
        if one not in groups:
            base = members_under(None, one)
            groups[one] = {
                g.id: assess_groups(
                    ledger, g, one, members=base, as_of=day if one == period else one.end
                )
                for g in rule_set.group_rules
            }
        return groups[one]

    return [
        run_award(award, ledger, period, members=members_under, groups=groups_in)
        for award in rule_set.awards
    ]
