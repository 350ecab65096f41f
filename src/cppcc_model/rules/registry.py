"""The rule-set registry: rule sets keyed by jurisdiction and effective interval.

The registry answers "which rules were in force in this jurisdiction on this date?". It refuses
what would make that question ambiguous — two rule sets with one name, two versions of one
jurisdiction in force on the same day — and every failed look-up says what was asked for and
what exists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from cppcc_model.errors import CppccError, Location
from cppcc_model.rules.ruleset import RuleSet

__all__ = [
    "DuplicateRuleSetError",
    "NoRuleSetInForceError",
    "OverlappingRuleSetsError",
    "RegistryError",
    "RuleSetRegistry",
    "UnknownJurisdictionError",
    "UnknownRuleSetError",
]


class RegistryError(CppccError):
    """A rule set could not be registered or found."""


class DuplicateRuleSetError(RegistryError):
    """Two rule sets have the same name."""


class OverlappingRuleSetsError(RegistryError):
    """Two versions of one jurisdiction's rules are in force on the same day."""


class UnknownJurisdictionError(RegistryError, LookupError):
    """No rule set is registered for the jurisdiction asked for."""


class NoRuleSetInForceError(RegistryError, LookupError):
    """The jurisdiction has rule sets, but none in force on the date asked for."""


class UnknownRuleSetError(RegistryError, LookupError):
    """No rule set has the name asked for."""


def _describe(rule_set: RuleSet) -> str:
    plugin = f", plugin {rule_set.plugin}" if rule_set.plugin else ""
    return f"{rule_set.name} ({rule_set.describe_interval()}{plugin})"


class RuleSetRegistry:
    """Rule sets by jurisdiction, each version with its effective interval."""

    def __init__(self) -> None:
        self._by_name: dict[str, RuleSet] = {}

    def check(self, rule_set: RuleSet) -> None:
        """Raise the error :meth:`add` would raise for ``rule_set``, without adding it."""
        where = Location(rule_set=rule_set.name, plugin=rule_set.plugin)
        if not isinstance(rule_set, RuleSet):
            raise RegistryError(
                f"expected a RuleSet, got {type(rule_set).__name__}",
                where=where,
                hint="register cppcc_model.rules.RuleSet objects only",
            )
        existing = self._by_name.get(rule_set.name)
        if existing is not None:
            raise DuplicateRuleSetError(
                f"a rule set named {rule_set.name!r} is already registered: {_describe(existing)}",
                where=where,
                hint="give each version its own name, such as 'tongcheng-2019'",
            )
        for other in self.versions(rule_set.jurisdiction):
            if other.overlaps(rule_set):
                raise OverlappingRuleSetsError(
                    f"{_describe(rule_set)} overlaps {_describe(other)} in jurisdiction "
                    f"{rule_set.jurisdiction!r}",
                    where=where,
                    hint="end the earlier version the day before the later one starts",
                )

    def add(self, rule_set: RuleSet) -> None:
        """Register ``rule_set``.

        Raises:
            DuplicateRuleSetError: the name is taken.
            OverlappingRuleSetsError: another version of the jurisdiction overlaps it.

        """
        self.check(rule_set)
        self._by_name[rule_set.name] = rule_set

    def __iter__(self) -> Iterator[RuleSet]:
        """Every rule set, by jurisdiction then start date."""
        return iter(
            sorted(self._by_name.values(), key=lambda r: (r.jurisdiction, r.effective_from))
        )

    def __len__(self) -> int:
        return len(self._by_name)

    def jurisdictions(self) -> tuple[str, ...]:
        """The jurisdictions that have rule sets, sorted."""
        return tuple(sorted({r.jurisdiction for r in self._by_name.values()}))

    def versions(self, jurisdiction: str) -> tuple[RuleSet, ...]:
        """The rule sets of ``jurisdiction``, oldest first."""
        return tuple(
            sorted(
                (r for r in self._by_name.values() if r.jurisdiction == jurisdiction),
                key=lambda r: r.effective_from,
            )
        )

    def get(self, name: str) -> RuleSet:
        """The rule set named ``name``.

        Raises:
            UnknownRuleSetError: no rule set has that name.

        """
        try:
            return self._by_name[name]
        except KeyError:
            known = ", ".join(sorted(self._by_name)) or "none"
            raise UnknownRuleSetError(
                f"no rule set is named {name!r}", hint=f"registered rule sets: {known}"
            ) from None

    def resolve(self, jurisdiction: str, on: dt.date) -> RuleSet:
        """The rule set of ``jurisdiction`` in force on ``on``.

        ``jurisdiction`` may also be the last part of a dotted jurisdiction (``"tongcheng"`` for
        ``"anhui.anqing.tongcheng"``) when that is unambiguous, or a rule set's name, which picks
        that version whatever the date.

        Raises:
            UnknownJurisdictionError: nothing is registered for it.
            NoRuleSetInForceError: none of its versions is in force on ``on``.

        """
        if jurisdiction not in self.jurisdictions() and jurisdiction in self._by_name:
            return self._by_name[jurisdiction]
        versions = self.versions(self._canonical(jurisdiction))
        for rule_set in versions:
            if rule_set.in_force_on(on):
                return rule_set
        listed = "; ".join(_describe(r) for r in versions)
        raise NoRuleSetInForceError(
            f"no rule set of {jurisdiction!r} is in force on {on}",
            hint=f"its versions are: {listed}; pick a date they cover",
        )

    def history(self, jurisdiction: str) -> Callable[[int], RuleSet | None]:
        """The rule set in force at the end of each year, for outcomes over years.

        ``assess(…, history=registry.history("anhui.anqing.tongcheng"))`` assesses each earlier
        year under the rule set then in force; a year with none gives ``None`` (it never counts).
        """

        def in_force(year: int) -> RuleSet | None:
            try:
                return self.resolve(jurisdiction, dt.date(year, 12, 31))
            except RegistryError:
                return None

        return in_force

    def _canonical(self, jurisdiction: str) -> str:
        known = self.jurisdictions()
        if jurisdiction in known:
            return jurisdiction
        short = [j for j in known if j.rsplit(".", 1)[-1] == jurisdiction]
        if len(short) == 1:
            return short[0]
        raise UnknownJurisdictionError(
            f"no rule set is registered for jurisdiction {jurisdiction!r}",
            hint=(
                f"registered jurisdictions: {', '.join(known)}"
                if known
                else "no rule plugin is installed; install your district's (a bundled one, "
                "in a checkout of cppcc-model: pip install -e plugins/cppcc-rules-xiangzhou)"
            ),
        )
