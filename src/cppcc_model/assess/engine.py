"""The assessment engine: a ledger and a rule set in, one score card per member out.

The engine knows no district. For one assessment it

1. flattens each member's records in the period into facts (:mod:`cppcc_model.rules.facts`),
   applying the rule set's cross-type de-duplication setting;
2. evaluates every category's items — select, value, attribute, count, cap — into lines;
3. applies each category's base, cap and floor, then the pools' caps, giving the exact total;
4. checks requirements, assigns the grade, and raises flags from triggers.

No plugin hook is called here: rule sets are plain data built once, and the building blocks are
pure functions of facts. Members are assessed in id order, so the result does not depend on the
order records were loaded in.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from cppcc_model.errors import CppccError, InvalidValueError, Location, RuleEvaluationError
from cppcc_model.ledger import Ledger
from cppcc_model.model import Member, Period
from cppcc_model.numbers import format_fraction
from cppcc_model.rules.counting import Counted, Each
from cppcc_model.rules.facts import AuthorRole, Fact, FactContext, Source, facts_for_member
from cppcc_model.rules.guard import runs_plugin_code
from cppcc_model.rules.items import Category, Item
from cppcc_model.rules.outcomes import ConsecutiveYears, Requirement, ScoreBelow, Trigger
from cppcc_model.rules.ruleset import RuleSet

if TYPE_CHECKING:
    from cppcc_model.engine.results import Results
from cppcc_model.scorecard import (
    Adjustment,
    CategoryCard,
    Entry,
    Flag,
    Line,
    RequirementResult,
    ScoreCard,
)

__all__ = ["COLUMNAR_FROM", "Assessment", "RuleEvaluationError", "assess"]

COLUMNAR_FROM = 2000
"""The ledger size (records) from which :func:`assess` runs the columnar engine by default."""

RuleSetForYear = Callable[[int], RuleSet | None]
"""Finds the rule set in force in a given year (for consecutive-year triggers)."""


@attrs.frozen
class Assessment:
    """The result of one assessment: every assessed member's figures and score cards.

    Totals, category points, grades, requirement results and flags come from the columnar plan
    (:mod:`cppcc_model.engine`) for everyone at once; an explained :class:`ScoreCard` is built
    when it is asked for (:meth:`card` for one member, :attr:`cards` for all, in member-id
    order) and is kept once built.
    """

    rule_set: RuleSet
    period: Period
    as_of: dt.date
    _cards: tuple[ScoreCard, ...] | None = attrs.field(default=None, alias="cards")
    not_assessed: tuple[str, ...] = ()
    _results: _Columnar | None = attrs.field(default=None, alias="results", eq=False, repr=False)
    _built: dict[str, ScoreCard] = attrs.field(factory=dict, init=False, eq=False, repr=False)

    @property
    def cards(self) -> tuple[ScoreCard, ...]:
        """Every assessed member's explained card, in member-id order (built on first use)."""
        if self._cards is not None:
            return self._cards
        lazy = self._results
        assert lazy is not None
        missing = [m for m in lazy.results.member_ids if m not in self._built]
        if missing:
            scorer = _Scorer(lazy.ledger, self.rule_set, self.period, self.as_of)
            for member_id in missing:
                member = lazy.ledger.member(member_id)
                self._built[member_id] = _scored(
                    self.rule_set, member, functools.partial(_card, scorer, member, lazy.history)
                )
            _check_unchanged(lazy.ledger, lazy.fingerprint, self.rule_set)
        cards = tuple(self._built[m] for m in lazy.results.member_ids)
        object.__setattr__(self, "_cards", cards)
        return cards

    def card(self, member_id: str) -> ScoreCard:
        """The score card of ``member_id``.

        Raises:
            CppccError: when that member was not assessed.

        """
        lazy = self._results
        if self._cards is None and lazy is not None and member_id in lazy.index:
            if member_id not in self._built:
                from cppcc_model.engine.cards import explain

                self._built[member_id] = explain(
                    lazy.ledger, self.rule_set, self.period, self.as_of, member_id, lazy.history
                )
            return self._built[member_id]
        for card in self._cards or ():
            if card.member_id == member_id:
                return card
        raise CppccError(
            f"member {member_id!r} has no score card in this assessment",
            hint="check the id, and that the member served during the period",
        )

    @property
    def member_ids(self) -> tuple[str, ...]:
        """The assessed members' ids, in order."""
        if self._cards is None and self._results is not None:
            return self._results.results.member_ids
        return tuple(card.member_id for card in self.cards)

    def totals(self) -> dict[str, Fraction]:
        """Each member's exact total."""
        if self._cards is None and self._results is not None:
            return self._results.results.totals()
        return {card.member_id: card.total for card in self.cards}

    def category_points(self) -> dict[str, dict[str, Fraction]]:
        """Each member's points per category (the categories that apply to the member)."""
        if self._cards is None and self._results is not None:
            return self._results.results.categories()
        return {
            card.member_id: {c.category_id: c.points for c in card.categories}
            for card in self.cards
        }

    def grades(self) -> dict[str, str | None]:
        """Each member's grade (``None`` when the rule set has no bands or none fits)."""
        if self._cards is None and self._results is not None:
            return self._results.results.grades()
        return {card.member_id: card.grade for card in self.cards}

    def requirement_results(self) -> dict[str, dict[str, tuple[int, bool]]]:
        """Each member's (count, met) per requirement that applies to the member."""
        if self._cards is None and self._results is not None:
            return self._results.results.requirements()
        return {
            card.member_id: {r.requirement_id: (r.count, r.met) for r in card.requirements}
            for card in self.cards
        }

    def flag_ids(self) -> dict[str, tuple[str, ...]]:
        """Each member's raised flags (trigger ids, in rule-set order)."""
        if self._cards is None and self._results is not None:
            return self._results.results.flags()
        return {card.member_id: tuple(f.trigger_id for f in card.flags) for card in self.cards}

    def to_dict(self) -> dict[str, object]:
        """Plain, JSON-ready data."""
        return {
            "rule_set": self.rule_set.name,
            "jurisdiction": self.rule_set.jurisdiction,
            "period": {"start": self.period.start.isoformat(), "end": self.period.end.isoformat()},
            "as_of": self.as_of.isoformat(),
            "cards": [card.to_dict() for card in self.cards],
            "not_assessed": list(self.not_assessed),
        }


@attrs.frozen(eq=False)
class _Columnar:
    """What an assessment computed by the columnar engine keeps to build cards on demand."""

    ledger: Ledger
    results: Results
    history: RuleSetForYear | None
    fingerprint: int | None = None
    index: frozenset[str] = attrs.field()

    @index.default
    def _index(self) -> frozenset[str]:
        return frozenset(self.results.member_ids)


_SOURCE_ORDER = {source: index for index, source in enumerate(Source)}


def _sort_key(fact: Fact) -> tuple[dt.date, int, str]:
    return (fact.on, _SOURCE_ORDER[fact.source], fact.record_id)


def _exact_sum(values: Sequence[Fraction]) -> Fraction:
    """The exact sum of ``values``: whole numbers summed as integers, the rest as fractions.

    Exact addition is associative, so the result equals ``sum(values, Fraction(0))``; it only
    avoids building a Fraction for every whole-number step.
    """
    whole = 0
    total = None
    for value in values:
        if value.denominator == 1:
            whole += value.numerator
        else:
            total = value if total is None else total + value
    return Fraction(whole) if total is None else total + whole


def _deduplicate(facts: list[Fact], policy: str) -> tuple[list[Fact], list[str]]:
    """Apply the conversion policy; say what was left out, so the card can explain it."""
    if policy == "original":
        dropped = [f for f in facts if f.converted_from is not None]
        notes = [
            f"{f.record_id} not counted as a 社情民意 item: it is proposal {f.converted_from} "
            "converted (settings.conversion='original')"
            for f in dropped
        ]
        return [f for f in facts if f.converted_from is None], notes
    if policy == "final":
        dropped = [f for f in facts if f.converted_to is not None]
        notes = [
            f"{f.record_id} not counted as a proposal: it was converted into 社情民意 item "
            f"{f.converted_to} (settings.conversion='final')"
            for f in dropped
        ]
        return [f for f in facts if f.converted_to is None], notes
    return facts, []


def _bounded(
    points: Fraction,
    limit: Fraction | None,
    kind: str,
    clause: str | None,
    wording: str,
    adjustments: list[Adjustment],
) -> Fraction:
    """Apply a cap (``kind="cap"``) or a floor; record the adjustment when it changes ``points``.

    ``wording`` names the limit, with ``{}`` where its value goes (``"本类最高 {} 分"``).
    """
    if limit is None or (points <= limit if kind == "cap" else points >= limit):
        return points
    adjustments.append(
        Adjustment(
            kind,
            points,
            limit,
            clause,
            f"{wording.format(format_fraction(limit))}: "
            f"{format_fraction(points)} → {format_fraction(limit)}",
        )
    )
    return limit


class _Scorer:
    """Scores members of one ledger under one rule set (internal; one per assessment)."""

    def __init__(self, ledger: Ledger, rule_set: RuleSet, period: Period, as_of: dt.date) -> None:
        self.ledger = ledger
        self.rule_set = rule_set
        self.period = period
        self.as_of = as_of
        self.context = FactContext.of(ledger, as_of)
        self.excluded: dict[str, tuple[str, ...]] = {}

    def facts(self, member: Member, period: Period) -> list[Fact]:
        records = self.ledger.records_of(member.id)
        facts = facts_for_member(records, period, self.context)
        facts, notes = _deduplicate(facts, self.rule_set.settings.conversion)
        if period == self.period:
            self.excluded[member.id] = tuple(sorted(notes))
        facts.sort(key=_sort_key)
        return facts

    def where(self, member: Member, item: Item | Category | None = None) -> Location:
        return Location(
            rule_set=self.rule_set.name,
            plugin=self.rule_set.plugin,
            clause=item.clause if item is not None else None,
            record_id=member.id,
        )

    def line(self, member: Member, item: Item, facts: Sequence[Fact]) -> Line:
        """One item's line; a failing block is reported with the member, item and clause."""
        try:
            return self._line(member, item, facts)
        except CppccError as error:  # keep the original cause, add where it happened
            raise error.located(self.where(member, item)) from error.__cause__
        except (Exception, SystemExit) as error:  # a plugin's block failed, or exited
            raise RuleEvaluationError(
                f"item {item.id!r} failed while scoring member {member.id!r}: "
                f"{type(error).__name__}: {error}",
                where=self.where(member, item),
                hint="fix the rule (or report it to the plugin's authors)",
            ) from error

    def _line(self, member: Member, item: Item, facts: Sequence[Fact]) -> Line:
        """One item's line; ``facts`` are the member's facts of the item's source, in order."""
        entries: list[Entry] = []
        matches = item.where.matches
        share_of = item.attribution.share
        value_of = item.value.of
        source = item.where.source.value
        for fact in facts:
            if not matches(fact):
                continue
            share = share_of(fact)
            value = value_of(fact)
            note = None
            if share.numerator == 0:
                note = f"not credited ({item.attribution.describe()})"
                points = value * share
            elif share.numerator == share.denominator and type(value) is Fraction:
                points = value  # a whole share: value × 1 is the value itself
            else:
                if share != 1:
                    note = (
                        f"{fact.role.label}: {format_fraction(share)} of {format_fraction(value)}"
                    )
                points = value * share
            entries.append(
                Entry(
                    record_id=fact.record_id,
                    source=source,
                    on=fact.on,
                    value=value,
                    share=share,
                    points=points,
                    counted=share.numerator != 0,
                    note=note,
                )
            )
        credited = _exact_sum([e.points for e in entries if e.counted])
        if type(item.counting) is Each:
            counted = Counted(tuple(entries), credited)  # what Each.count gives, summed once
        else:
            counted = item.counting.count(entries)
        adjustments: list[Adjustment] = []
        if counted.note is not None or counted.points != credited:
            adjustments.append(
                Adjustment(
                    "counting",
                    credited,
                    counted.points,
                    item.clause,
                    counted.note or item.counting.describe(),
                )
            )
        points = counted.points
        points = _bounded(
            points, item.cap, "cap", item.clause, "单项最高 {} 分 (line cap)", adjustments
        )
        return Line(
            item_id=item.id,
            label=item.label,
            clause=item.clause,
            entries=counted.entries,
            raw=counted.points,
            points=points,
            adjustments=tuple(adjustments),
        )

    def category(
        self, member: Member, category: Category, by_source: dict[Source, list[Fact]]
    ) -> CategoryCard:
        """One category's card; ``by_source`` holds the member's facts bucketed by source."""
        lines = tuple(
            self.line(member, item, by_source.get(item.where.source, ()))
            for item in category.items
            if item.applies_to is None or item.applies_to.applies(member, self.period, self.as_of)
        )
        raw = _exact_sum([line.points for line in lines])
        points = raw
        adjustments: list[Adjustment] = []
        if category.base is not None:
            adjustments.append(
                Adjustment(
                    "base",
                    points,
                    category.base + points,
                    category.clause,
                    f"基础分 {format_fraction(category.base)} (base) "
                    f"{'+' if points >= 0 else '−'} {format_fraction(abs(points))}",
                )
            )
            points = category.base + points
        points = _bounded(
            points,
            category.cap,
            "cap",
            category.clause,
            "本类最高 {} 分 (category cap)",
            adjustments,
        )
        points = _bounded(
            points, category.floor, "floor", category.clause, "扣完为止 (floor {})", adjustments
        )
        return CategoryCard(
            category_id=category.id,
            label=category.label,
            clause=category.clause,
            lines=lines,
            raw=raw,
            points=points,
            adjustments=tuple(adjustments),
        )

    def requirement(
        self, member: Member, requirement: Requirement, facts: Sequence[Fact]
    ) -> RequirementResult:
        matching = [
            f
            for f in facts
            if any(w.matches(f) for w in requirement.where)
            and (
                requirement.credit_co_authors
                or f.position == 0
                or f.role in (AuthorRole.SOLE, AuthorRole.ATTENDEE)
            )
        ]
        records = tuple(dict.fromkeys(f.record_id for f in matching))
        met = len(records) >= requirement.at_least
        note = None
        if requirement.per_quarter and met:
            missing = requirement.empty_quarters(self.period, [f.on for f in matching])
            if missing:
                met = False
                note = "nothing in quarter(s) " + ", ".join(missing)
        return RequirementResult(
            requirement_id=requirement.id,
            label=requirement.label,
            clause=requirement.clause,
            strength=requirement.strength.value,
            needed=requirement.at_least,
            count=len(records),
            met=met,
            records=records,
            note=note,
        )

    def term_window(self) -> Period:
        covering = [
            term
            for term in self.ledger.terms
            if term.start <= self.period.end and (term.end is None or self.period.end <= term.end)
        ]
        if not covering:
            raise InvalidValueError(
                f"no term (届) in the ledger covers {self.period.end}, so a term-window trigger "
                "cannot be counted",
                where=Location(rule_set=self.rule_set.name),
                hint="add the committee's terms to the ledger",
            )
        start = max(term.start for term in covering)
        return Period(start, self.period.end)

    def card(self, member: Member) -> ScoreCard:
        facts = self.facts(member, self.period)
        by_source: dict[Source, list[Fact]] = {}
        for fact in facts:  # buckets keep the facts' order
            bucket = by_source.get(fact.source)
            if bucket is None:
                by_source[fact.source] = [fact]
            else:
                bucket.append(fact)
        categories = tuple(
            self.category(member, category, by_source)
            for category in self.rule_set.categories
            if category.applies_to is None
            or category.applies_to.applies(member, self.period, self.as_of)
        )
        points = {c.category_id: c.points for c in categories}
        total = sum(points.values(), Fraction(0))
        adjustments: list[Adjustment] = []
        for pool in self.rule_set.pools:
            pooled = sum((points.get(c, Fraction(0)) for c in pool.categories), Fraction(0))
            if pooled > pool.cap:
                adjustments.append(
                    Adjustment(
                        "pool",
                        pooled,
                        pool.cap,
                        pool.clause,
                        f"{pool.label}合计最高 {format_fraction(pool.cap)} 分 (pool cap): "
                        f"{format_fraction(pooled)} → {format_fraction(pool.cap)}",
                    )
                )
                total -= pooled - pool.cap
        requirements = tuple(
            self.requirement(member, r, facts)
            for r in self.rule_set.requirements
            if r.applies_to is None or r.applies_to.applies(member, self.period, self.as_of)
        )
        met = frozenset(r.requirement_id for r in requirements if r.met)
        met |= frozenset(
            r.id
            for r in self.rule_set.requirements
            if r.applies_to is not None
            and not r.applies_to.applies(member, self.period, self.as_of)
        )
        grade = None
        if self.rule_set.grades is not None:
            basis = total
            if self.rule_set.grades.basis == "presented":
                basis = Fraction(self.rule_set.rounding.present(total))
            grade = self.rule_set.grades.grade(basis, met)
        card = ScoreCard(
            member_id=member.id,
            member_name=member.name,
            rule_set=self.rule_set.name,
            period=self.period,
            as_of=self.as_of,
            categories=categories,
            total=total,
            rounding=self.rule_set.rounding,
            adjustments=tuple(adjustments),
            grade=grade,
            requirements=requirements,
            excluded=self.excluded.get(member.id, ()),
        )
        return card

    def flags(
        self, member: Member, card: ScoreCard, history: RuleSetForYear | None
    ) -> tuple[Flag, ...]:
        flags: list[Flag] = []
        period_facts: list[Fact] | None = None
        for trigger in self.rule_set.triggers:
            if isinstance(trigger, Trigger):
                if trigger.applies_to is not None and not trigger.applies_to.applies(
                    member, self.period, self.as_of
                ):
                    continue
                window = self.period if trigger.window == "period" else self.term_window()
                if window == self.period:
                    if period_facts is None:
                        period_facts = self.facts(member, self.period)
                    facts = period_facts
                else:
                    facts = self.facts(member, window)
                records = tuple(
                    dict.fromkeys(
                        f.record_id for f in facts if any(w.matches(f) for w in trigger.where)
                    )
                )
                if len(records) >= trigger.at_least:
                    flags.append(
                        Flag(
                            trigger.id,
                            trigger.label,
                            trigger.clause,
                            trigger.consequence.value,
                            f"{len(records)} ≥ {trigger.at_least} in {window}",
                            records,
                        )
                    )
            elif isinstance(trigger, ScoreBelow):
                if card.total < trigger.threshold:
                    flags.append(
                        Flag(
                            trigger.id,
                            trigger.label,
                            trigger.clause,
                            trigger.consequence.value,
                            f"total {card.display_total} < {format_fraction(trigger.threshold)}",
                        )
                    )
            elif isinstance(trigger, ConsecutiveYears) and self._consecutive(
                member, card, trigger, history
            ):
                flags.append(
                    Flag(
                        trigger.id,
                        trigger.label,
                        trigger.clause,
                        trigger.consequence.value,
                        f"held in each of the last {trigger.years} years",
                    )
                )
        return tuple(flags)

    def _holds(self, card: ScoreCard, trigger: ConsecutiveYears) -> bool:
        if trigger.grade is not None:
            return card.grade == trigger.grade
        return any(r.requirement_id == trigger.requirement and not r.met for r in card.requirements)

    def _consecutive(
        self,
        member: Member,
        card: ScoreCard,
        trigger: ConsecutiveYears,
        history: RuleSetForYear | None,
    ) -> bool:
        if not self._holds(card, trigger):
            return False
        year = self.period.end.year
        for back in range(1, trigger.years):
            previous_year = Period.year(year - back)
            rule_set = history(year - back) if history is not None else self.rule_set
            if rule_set is None or not member.served_during(previous_year):
                return False
            previous = _Scorer(self.ledger, rule_set, previous_year, previous_year.end)
            if not previous._holds(previous.card(member), trigger):
                return False
        return True


def _card(scorer: _Scorer, member: Member, history: RuleSetForYear | None) -> ScoreCard:
    card = scorer.card(member)
    if scorer.rule_set.triggers:
        card = attrs.evolve(card, flags=scorer.flags(member, card, history))
    return card


def _scored(rule_set: RuleSet, member: Member, build: Callable[[], ScoreCard]) -> ScoreCard:
    """``build()``, with a failing rule reported with the member, rule set and plugin."""
    try:
        return build()
    except CppccError as error:  # keep the original cause, add where it happened
        raise error.located(
            Location(rule_set=rule_set.name, plugin=rule_set.plugin, record_id=member.id)
        ) from error.__cause__
    except (Exception, SystemExit) as error:  # a plugin's block failed, or exited
        raise RuleEvaluationError(
            f"a rule failed while scoring member {member.id!r}: {type(error).__name__}: {error}",
            where=Location(rule_set=rule_set.name, plugin=rule_set.plugin, record_id=member.id),
            hint="fix the rule (or report it to the plugin's authors)",
        ) from error


def assess(
    ledger: Ledger,
    rule_set: RuleSet,
    period: Period,
    *,
    as_of: dt.date | None = None,
    members: Iterable[str] | None = None,
    history: RuleSetForYear | None = None,
    engine: str = "auto",
) -> Assessment:
    """Score every member who served during ``period`` (or those in ``members``).

    Args:
        ledger: the committee's records.
        rule_set: the rules to apply (pick it with the registry by jurisdiction and date).
        period: the assessment period (usually a calendar year).
        as_of: the date the records are read as of — stages reached later do not count;
            defaults to the last day of ``period``.
        members: ids of the members to assess; default, everyone who served in the period.
        history: finds the rule set in force in an earlier year, for consecutive-year
            triggers; by default the same rule set is used for earlier years.
        engine: ``"columnar"``: figures for everyone from the compiled plan
            (:mod:`cppcc_model.engine`), explained cards built when asked for;
            ``"reference"``: the row-at-a-time interpreter builds every card at once (the
            oracle the columnar engine is tested against); ``"auto"`` (default): the
            columnar engine for ledgers of at least :data:`COLUMNAR_FROM` records, the
            reference below that, where its fixed cost (tens of milliseconds) would dominate.
            All give equal results.

    Raises:
        RuleEvaluationError: when a rule fails for a member; it names the member, rule set
            and clause.
        InvalidValueError: when ``engine`` is not known.

    """
    if engine not in ("auto", "columnar", "reference"):
        raise InvalidValueError(
            f"engine {engine!r} is not known", hint="use 'auto', 'columnar' or 'reference'"
        )
    if engine == "auto":
        engine = "columnar" if ledger.record_count >= COLUMNAR_FROM else "reference"
    as_of = period.end if as_of is None else as_of
    fingerprint = _fingerprint(ledger) if _may_write(rule_set, period, history) else None
    if members is None:
        chosen = [
            m
            for m in ledger.members
            if rule_set.settings.assess_members_not_serving or m.served_during(period)
        ]
    else:
        chosen = [ledger.member(member_id) for member_id in dict.fromkeys(members)]
    chosen.sort(key=lambda m: m.id)
    assessed = {m.id for m in chosen}
    not_assessed = tuple(sorted(m.id for m in ledger.members if m.id not in assessed))
    if engine == "columnar":
        from cppcc_model.engine import run

        try:
            results = run(ledger, rule_set, period, as_of=as_of, members=chosen, history=history)
        except (Exception, SystemExit) as error:
            # A failing rule (an escape-hatch function …): the reference interpreter reports it
            # with the member, rule set and clause, exactly as before.
            _check_unchanged(ledger, fingerprint, rule_set)
            _reference_cards(ledger, rule_set, period, as_of, chosen, history)
            if isinstance(error, CppccError):
                raise
            raise RuleEvaluationError(
                f"a rule failed while scoring: {type(error).__name__}: {error}",
                where=Location(rule_set=rule_set.name, plugin=rule_set.plugin),
                hint="fix the rule (or report it to the plugin's authors)",
            ) from error
        _check_unchanged(ledger, fingerprint, rule_set)
        return Assessment(
            rule_set,
            period,
            as_of,
            None,
            not_assessed,
            _Columnar(ledger, results, history, fingerprint),
        )
    cards = _reference_cards(ledger, rule_set, period, as_of, chosen, history)
    _check_unchanged(ledger, fingerprint, rule_set)
    return Assessment(rule_set, period, as_of, cards, not_assessed)


def _reference_cards(
    ledger: Ledger,
    rule_set: RuleSet,
    period: Period,
    as_of: dt.date,
    chosen: Sequence[Member],
    history: RuleSetForYear | None,
) -> tuple[ScoreCard, ...]:
    """Every chosen member's card, by the row-at-a-time interpreter (the reference)."""
    scorer = _Scorer(ledger, rule_set, period, as_of)
    return tuple(
        _scored(rule_set, member, functools.partial(_card, scorer, member, history))
        for member in chosen
    )


def _may_write(rule_set: RuleSet, period: Period, history: RuleSetForYear | None) -> bool:
    """Whether scoring may run a plugin's code, which could write into the ledger.

    The library's own blocks only read, so the ledger is hashed (before and after) only when
    the rule set — or a rule set of an earlier year that a consecutive-year trigger reads —
    holds a plugin's function or block (:func:`cppcc_model.rules.guard.runs_plugin_code`).
    """
    if runs_plugin_code(rule_set):
        return True
    if history is None:
        return False
    year = period.end.year
    for trigger in rule_set.triggers:
        if isinstance(trigger, ConsecutiveYears):
            for back in range(1, trigger.years):
                earlier = history(year - back)
                if earlier is not None and runs_plugin_code(earlier):
                    return True
    return False


def _fingerprint(ledger: Ledger) -> int | None:
    """A hash of every record's fields, to see whether scoring changed any (``None``: cannot)."""
    try:
        return hash(ledger)
    except TypeError:
        return None


def _check_unchanged(ledger: Ledger, fingerprint: int | None, rule_set: RuleSet) -> None:
    """Refuse an assessment during which a rule wrote into the ledger (either engine)."""
    if fingerprint is not None and _fingerprint(ledger) != fingerprint:
        raise RuleEvaluationError(
            "the ledger changed while it was being scored; a rule may only read it",
            where=Location(rule_set=rule_set.name, plugin=rule_set.plugin),
            hint="a plugin's function or block wrote into the records (object.__setattr__ or "
            "the like): report it to the plugin's authors and block the plugin meanwhile",
        )
