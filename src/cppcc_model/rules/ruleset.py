"""A rule set: one jurisdiction's assessment rules, in force over a dated interval.

A :class:`RuleSet` bundles the categories (with their items), pools, grade bands, requirements
and triggers of one 履职考核办法, the :class:`Settings` for every point the published text leaves
open, and the :class:`~cppcc_model.numbers.RoundingPolicy` for presentation. It is keyed
by ``jurisdiction`` and effective from ``effective_from`` to ``effective_until`` (inclusive;
``None`` for open-ended), so revised rules are new versions, not edits.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import attrs

from cppcc_model.errors import InvalidValueError, Location
from cppcc_model.model import Input, Member, Period
from cppcc_model.numbers import RoundingPolicy
from cppcc_model.rules.awards import Award
from cppcc_model.rules.facts import Fact
from cppcc_model.rules.groups import GroupRules
from cppcc_model.rules.items import Category, Dimension, Item, Pool
from cppcc_model.rules.outcomes import (
    ConsecutiveYears,
    Grades,
    Ladder,
    Requirement,
    ScoreBelow,
    TooFew,
    Trigger,
)
from cppcc_model.rules.readings import Reading

if TYPE_CHECKING:
    from cppcc_model.ledger import Ledger
    from cppcc_model.scorecard import Flag, ScoreCard

__all__ = ["CustomTrigger", "RuleSet", "Settings", "TriggerContext"]


@attrs.frozen
class TriggerContext:
    """What a custom trigger may read about one member's assessment; frozen.

    Attributes:
        ledger: the committee's records.
        member: the member assessed.
        period: the assessment period.
        as_of: the date records are read as of.
        card: the member's score card (without flags).
        facts: the member's facts in the period, in date order.
        inputs: the member's inputs (评分录入) in the period.
        history: the rule set in force in an earlier year (``None`` where none was), for rules
            that look back.

    """

    ledger: Ledger
    member: Member
    period: Period
    as_of: dt.date
    card: ScoreCard
    facts: Sequence[Fact]
    inputs: Sequence[Input]
    history: Callable[[int], RuleSet | None]


@runtime_checkable
class CustomTrigger(Protocol):
    """A trigger a plugin writes itself: an ``id``, a ``label`` and ``check``.

    ``check`` returns the :class:`~cppcc_model.scorecard.Flag` to raise for the member (with its
    reason and records), or ``None``. It is listed in ``RuleSet.triggers`` like any other and may
    be a rung of a :class:`~cppcc_model.rules.Ladder`.
    """

    @property
    def id(self) -> str:
        """The trigger's id, unique in the rule set."""

    @property
    def label(self) -> str:
        """What the rule text calls it."""

    def check(self, context: TriggerContext) -> Flag | None:
        """The flag to raise, or ``None``."""


Trigger_ = Trigger | TooFew | ScoreBelow | ConsecutiveYears | Ladder | CustomTrigger


def _categories(value: Iterable[Category]) -> tuple[Category, ...]:
    return tuple(value)


def _pools(value: Iterable[Pool]) -> tuple[Pool, ...]:
    return tuple(value)


def _dimensions(value: Iterable[Dimension]) -> tuple[Dimension, ...]:
    return tuple(value)


def _requirements(value: Iterable[Requirement]) -> tuple[Requirement, ...]:
    return tuple(value)


def _triggers(value: Iterable[Trigger_]) -> tuple[Trigger_, ...]:
    return tuple(value)


def _awards(value: Iterable[Award]) -> tuple[Award, ...]:
    return tuple(value)


def _group_rules(value: Iterable[GroupRules]) -> tuple[GroupRules, ...]:
    return tuple(value)


_CONVERSION_POLICIES = ("both", "original", "final")


@attrs.frozen
class Settings:
    """Every choice the rule text leaves open, made explicit, with its default.

    Attributes:
        conversion: a proposal not filed but converted into a 社情民意 item — count it
            ``"both"`` as a proposal and as an item (default: nothing is de-duplicated unless
            the rules say so), only as the ``"original"`` proposal, or only as the
            ``"final"`` 社情民意 item (延边: 不重复计分).
        assess_members_not_serving: whether members who did not serve on any day of the period
            get a score card (default ``False``: they are left out, and say so in reports).
        reply_months: months a handling unit has to reply after assignment (default 3).
        max_extension_months: the longest a reply can be extended to, in months (default 6).
        dating: which date places a contribution in a period: ``"event"`` (the day it
            happened, the default) or ``"reported"`` (the day it was reported, 以报送时间为准,
            where the record has one).

    """

    conversion: str = "both"
    assess_members_not_serving: bool = False
    reply_months: int = 3
    max_extension_months: int = 6
    dating: str = "event"

    def __attrs_post_init__(self) -> None:
        if self.dating not in ("event", "reported"):
            raise InvalidValueError(
                f"dating {self.dating!r} is not known",
                hint="use 'event' (the day it happened) or 'reported' (the day it was reported)",
            )
        if self.conversion not in _CONVERSION_POLICIES:
            raise InvalidValueError(
                f"conversion policy {self.conversion!r} is not known",
                hint=f"use one of: {', '.join(_CONVERSION_POLICIES)}",
            )
        if not 1 <= self.reply_months <= self.max_extension_months:
            raise InvalidValueError(
                f"reply_months {self.reply_months} must be at least 1 and at most "
                f"max_extension_months {self.max_extension_months}",
                hint="the usual values are 3 and 6",
            )


def _date(value: object) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    raise InvalidValueError(f"expected a date, got {value!r}", hint="write YYYY-MM-DD")


def _readings(value: Iterable[Reading]) -> tuple[Reading, ...]:
    return tuple(value)


def _optional_date(value: object) -> dt.date | None:
    return None if value is None else _date(value)


@attrs.frozen
class RuleSet:
    """One jurisdiction's assessment rules for members, effective over a dated interval.

    Attributes:
        jurisdiction: the key rule sets are looked up by (``"anhui.anqing.tongcheng"``).
        name: a short, unique name for this version (``"tongcheng-2019"``).
        title: the rule's title (``"政协桐城市委员会委员履职考核暂行办法"``).
        effective_from / effective_until: the interval it is in force (inclusive).
        categories, pools, grades, requirements, triggers: the rules for members.
        dimensions: levels above categories (履职 / 纪律 …) with subtotals, caps and floors.
        group_rules: assessments of activity groups, units, sectors or special committees.
        awards: award criteria (表彰评选).
        settings: explicit choices where the text is ambiguous.
        rounding: how scores are presented.
        source: where the rule text comes from (a URL or document reference).
        plugin: the plugin that registered it (filled in by the registry).
        options: the answers in force to the questions the text leaves open (factory keyword →
            value); ``factory`` rebuilds the rules under other answers (:meth:`with_options`).
        readings: each option declared once — choices, default and meaning
            (:class:`~cppcc_model.rules.readings.Reading`); when given, they name exactly the
            options, and :meth:`with_options` checks a value against them before rebuilding.

    """

    jurisdiction: str
    name: str
    title: str
    effective_from: dt.date = attrs.field(converter=_date)
    categories: tuple[Category, ...] = attrs.field(converter=_categories)
    effective_until: dt.date | None = attrs.field(default=None, converter=_optional_date)
    pools: tuple[Pool, ...] = attrs.field(default=(), converter=_pools)
    grades: Grades | None = None
    requirements: tuple[Requirement, ...] = attrs.field(default=(), converter=_requirements)
    triggers: tuple[Trigger_, ...] = attrs.field(default=(), converter=_triggers)
    group_rules: tuple[GroupRules, ...] = attrs.field(default=(), converter=_group_rules)
    awards: tuple[Award, ...] = attrs.field(default=(), converter=_awards)
    settings: Settings = Settings()
    rounding: RoundingPolicy = RoundingPolicy()
    source: str | None = None
    plugin: str | None = None
    options: dict[str, object] = attrs.field(factory=dict)
    factory: Callable[..., RuleSet] | None = attrs.field(default=None, eq=False, repr=False)
    dimensions: tuple[Dimension, ...] = attrs.field(default=(), converter=_dimensions)
    readings: tuple[Reading, ...] = attrs.field(default=(), converter=_readings)

    def __attrs_post_init__(self) -> None:
        where = Location(rule_set=self.name, plugin=self.plugin)
        if self.readings and {r.name for r in self.readings} != set(self.options):
            declared = sorted(r.name for r in self.readings)
            raise InvalidValueError(
                f"the readings ({', '.join(declared)}) do not name the options "
                f"({', '.join(sorted(self.options))})",
                where=where,
                hint="declare one Reading for each option the factory takes",
            )
        if self.effective_until is not None and self.effective_until < self.effective_from:
            raise InvalidValueError(
                f"rule set ends on {self.effective_until}, before it starts on "
                f"{self.effective_from}",
                where=where,
                hint="check the effective dates",
            )
        ids = Counter(
            [c.id for c in self.categories]
            + [i.id for i in self.items()]
            + [p.id for p in self.pools]
            + [r.id for r in self.requirements]
            + [t.id for t in self.triggers]
            + [a.id for a in self.awards]
            + [g.id for g in self.group_rules]
            + [d.id for d in self.dimensions]
        )
        repeated = sorted(key for key, count in ids.items() if count > 1)
        if repeated:
            raise InvalidValueError(
                f"ids used more than once: {', '.join(repeated)}",
                where=where,
                hint="give every category, item, pool, requirement and trigger its own id",
            )
        categories = {c.id for c in self.categories}
        for pool in self.pools:
            unknown = [c for c in pool.categories if c not in categories]
            if unknown:
                raise InvalidValueError(
                    f"pool {pool.id!r} names unknown categories: {', '.join(unknown)}",
                    where=where,
                    hint=f"use category ids: {', '.join(sorted(categories))}",
                )
        placed: dict[str, str] = {}
        for dimension in self.dimensions:
            for category_id in dimension.categories:
                if category_id not in categories:
                    raise InvalidValueError(
                        f"dimension {dimension.id!r} names the unknown category {category_id!r}",
                        where=where,
                        hint=f"use category ids: {', '.join(sorted(categories))}",
                    )
                if category_id in placed:
                    raise InvalidValueError(
                        f"category {category_id!r} is in two dimensions: "
                        f"{placed[category_id]} and {dimension.id}",
                        where=where,
                        hint="put each category in one dimension",
                    )
                placed[category_id] = dimension.id
        requirement_ids = {r.id for r in self.requirements}
        if self.grades is not None:
            for band in self.grades.bands:
                unknown = [r for r in band.requires if r not in requirement_ids]
                if unknown:
                    raise InvalidValueError(
                        f"grade {band.label!r} requires unknown requirements: {', '.join(unknown)}",
                        where=where,
                        hint="define the requirement or correct its id",
                    )
        for award in self.awards:
            for requirement in award.requires:
                if requirement not in requirement_ids:
                    raise InvalidValueError(
                        f"award {award.id!r} requires the unknown requirement {requirement!r}",
                        where=where,
                        hint="define the requirement or correct its id",
                    )
            if award.group_rules is not None and award.group_rules not in {
                g.id for g in self.group_rules
            }:
                raise InvalidValueError(
                    f"award {award.id!r} names the unknown group rule {award.group_rules!r}",
                    where=where,
                    hint="define the group rule or correct its id",
                )
        grade_labels = {b.label for b in self.grades.bands} if self.grades else set()
        trigger_ids = {t.id for t in self.triggers if not isinstance(t, Ladder)}
        for trigger in self.triggers:
            named: list[str] = []
            if isinstance(trigger, Ladder):
                named = list(trigger.rungs)
            elif isinstance(trigger, ConsecutiveYears) and trigger.trigger is not None:
                named = [trigger.trigger]
            unknown_triggers = [t for t in named if t not in trigger_ids or t == trigger.id]
            if unknown_triggers:
                raise InvalidValueError(
                    f"trigger {trigger.id!r} names unknown trigger(s): "
                    f"{', '.join(unknown_triggers)}",
                    where=where,
                    hint=f"use trigger ids: {', '.join(sorted(trigger_ids)) or 'none'}",
                )
            if isinstance(trigger, ConsecutiveYears):
                if trigger.grade is not None and trigger.grade not in grade_labels:
                    raise InvalidValueError(
                        f"trigger {trigger.id!r} names the unknown grade {trigger.grade!r}",
                        where=where,
                        hint="use one of the rule set's grade labels",
                    )
                if trigger.requirement is not None and trigger.requirement not in requirement_ids:
                    raise InvalidValueError(
                        f"trigger {trigger.id!r} names the unknown requirement "
                        f"{trigger.requirement!r}",
                        where=where,
                        hint="define the requirement or correct its id",
                    )

    def with_options(self, **changes: object) -> RuleSet:
        """The same rules under another reading of an ambiguous clause.

        ``tongcheng.with_options(collective="split")`` rebuilds the rule set with collective
        proposals split among their main members instead of credited in full.

        Raises:
            InvalidValueError: the rule set has no factory, or an option is unknown.
        """
        where = Location(rule_set=self.name, plugin=self.plugin)
        if self.factory is None:
            raise InvalidValueError(
                "this rule set has no options to change",
                where=where,
                hint="only rule sets built by a factory with options can be re-read",
            )
        unknown = sorted(set(changes) - set(self.options))
        if unknown:
            raise InvalidValueError(
                f"unknown option(s): {', '.join(unknown)}",
                where=where,
                hint=f"the options are: {', '.join(sorted(self.options)) or 'none'}",
            )
        declared = {reading.name: reading for reading in self.readings}
        for name, value in changes.items():
            if name in declared:
                declared[name].check(value, where)
        rebuilt = self.factory(**{**self.options, **changes})
        return attrs.evolve(rebuilt, plugin=self.plugin)

    def reading(self, name: str) -> Reading:
        """The declared reading of the option ``name``.

        Raises:
            KeyError: the rule set declares no reading of that name.
        """
        for reading in self.readings:
            if reading.name == name:
                return reading
        raise KeyError(name)

    @property
    def effective(self) -> Period | None:
        """The interval as a Period, if it is closed."""
        if self.effective_until is None:
            return None
        return Period(self.effective_from, self.effective_until)

    def in_force_on(self, day: dt.date) -> bool:
        """Whether the rule set is in force on ``day``."""
        return self.effective_from <= day and (
            self.effective_until is None or day <= self.effective_until
        )

    def overlaps(self, other: RuleSet) -> bool:
        """Whether the two rule sets' effective intervals share a day."""
        self_end = self.effective_until or dt.date.max
        other_end = other.effective_until or dt.date.max
        return self.effective_from <= other_end and other.effective_from <= self_end

    def items(self) -> Iterator[Item]:
        """Every item of every category, in order."""
        for category in self.categories:
            yield from category.items

    def describe_interval(self) -> str:
        """``2019-01-10..`` or ``2019-01-10..2021-12-31``."""
        until = self.effective_until.isoformat() if self.effective_until else ""
        return f"{self.effective_from.isoformat()}..{until}"
