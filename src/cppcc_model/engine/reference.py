"""The reference interpreter: a ledger and a rule set in, one explained score card per member.

The row-at-a-time engine the columnar one (:mod:`cppcc_model.engine`) is tested against, and
the one that explains: every explained card (:func:`cppcc_model.engine.cards.explain`) and every
line the compiler cannot express is built here.

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
from collections.abc import Callable, Sequence
from fractions import Fraction

import attrs

from cppcc_model.engine import evaluate
from cppcc_model.engine.bounds import (
    CATEGORY_CAP,
    FLOOR,
    LINE_CAP,
    bound,
    dimension_cap,
    dimension_floor,
    explanation,
    pool_cap,
)
from cppcc_model.errors import CppccError, InvalidValueError, Location, RuleEvaluationError
from cppcc_model.ledger import Ledger
from cppcc_model.model import Member, Period, period_text, value_text
from cppcc_model.numbers import format_fraction
from cppcc_model.rules.counting import Counted, Each
from cppcc_model.rules.extension import CustomTrigger, TriggerContext
from cppcc_model.rules.facts import (
    AuthorRole,
    Fact,
    FactContext,
    Source,
    facts_for_member,
    with_steps_in_period,
)
from cppcc_model.rules.inputs import External
from cppcc_model.rules.items import Category, Item
from cppcc_model.rules.outcomes import (
    ConsecutiveYears,
    Ladder,
    Requirement,
    ScoreBelow,
    TooFew,
    Trigger,
)
from cppcc_model.rules.ruleset import RuleSet
from cppcc_model.rules.selection import Where
from cppcc_model.scorecard import (
    Adjustment,
    CategoryCard,
    DimensionCard,
    Entry,
    Flag,
    Line,
    RequirementResult,
    ScoreCard,
)

__all__ = [
    "RuleEvaluationError",
    "RuleSetForYear",
    "first_year_over_years",
    "in_force",
    "line_failure",
    "member_failure",
]

RuleSetForYear = Callable[[int], RuleSet | None]
"""Finds the rule set in force in a given year (for consecutive-year triggers)."""


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


def _not_applicable(
    requirement: Requirement,
    why: str,
    count: int = 0,
    records: tuple[str, ...] = (),
) -> RequirementResult:
    """A requirement shown as not applicable (不适用), with the reason; it blocks nothing."""
    return RequirementResult(
        requirement_id=requirement.id,
        label=requirement.label,
        clause=requirement.clause,
        strength=requirement.strength.value,
        needed=requirement.at_least,
        count=count,
        met=True,
        records=records,
        note=why,
        applicable=False,
    )


def _slices(span: Period, each: str, member: Member) -> list[tuple[str, Period]]:
    """The calendar years or quarters of ``span`` (clipped to it), from the member's joining."""
    start = span.start
    if member.joined is not None and member.joined > start:
        start = member.joined
    found: list[tuple[str, Period]] = []
    year = start.year
    while year <= span.end.year:
        parts = (
            [(str(year), Period.year(year))]
            if each == "year"
            else [(f"{year}Q{q}", Period.quarter(year, q)) for q in (1, 2, 3, 4)]
        )
        for label, part in parts:
            if part.end < start or part.start > span.end:
                continue
            found.append((label, Period(max(part.start, start), min(part.end, span.end))))
        year += 1
    return found


def _slice_counts(
    facts: Sequence[Fact], slices: Sequence[tuple[str, Period]]
) -> list[tuple[str, int]]:
    """How many distinct records of ``facts`` fall in each slice."""
    return [(label, len({f.record_id for f in facts if f.on in part})) for label, part in slices]


def _selects_by_step(rule_set: RuleSet) -> bool:
    """Whether any selection of the rule set picks records by a step reached in the period."""
    wheres = [item.where for item in rule_set.items()]
    wheres += [w for r in rule_set.requirements for w in r.where]
    wheres += [w for t in rule_set.triggers if isinstance(t, Trigger | TooFew) for w in t.where]
    return any(w.step_in_period is not None for w in wheres)


def _given_note(fact: Fact) -> str:
    return f"given (录入): {fact.given_by}" if fact.given_by else "given (录入)"


def _given_text(entries: Sequence[Entry]) -> str:
    """``given: employer_rating@2023 = 8 (所在单位)`` for a line or a category."""
    parts = []
    for entry in entries:
        source = entry.note.partition(": ")[2] if entry.note and ": " in entry.note else ""
        origin = f" ({source})" if source else ""
        parts.append(f"{entry.record_id} = {value_text(entry.value)}{origin}")
    return "given: " + "; ".join(parts)


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
    """:func:`~cppcc_model.engine.bounds.bound`, keeping its adjustment in ``adjustments``."""
    points, adjustment = bound(points, limit, kind, clause, wording)
    if adjustment is not None:
        adjustments.append(adjustment)
    return points


class _Scorer:
    """Scores members of one ledger under one rule set (internal; one per assessment)."""

    def __init__(self, ledger: Ledger, rule_set: RuleSet, period: Period, as_of: dt.date) -> None:
        self.ledger = ledger
        self.rule_set = rule_set
        self.period = period
        self.as_of = as_of
        self.context = FactContext.of(ledger, as_of, rule_set.settings.dating)
        self.excluded: dict[str, tuple[str, ...]] = {}
        self.pending: list[str] = []
        self.by_step = _selects_by_step(rule_set)
        self._all_totals: dict[str, Fraction] | None = None
        self.period_facts: dict[str, tuple[Fact, ...]] = {}
        """Each scored member's facts of the period, as read before steps and de-duplication."""
        self._earlier: dict[int, _Scorer | None] = {}

    def facts(self, member: Member, period: Period) -> list[Fact]:
        records = self.ledger.records_of(member.id)
        facts = facts_for_member(records, period, self.context)
        if period == self.period:
            self.period_facts[member.id] = tuple(facts)
        if self.by_step:
            facts = with_steps_in_period(facts, records, period, self.context)
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
        except (Exception, SystemExit) as error:  # a plugin's block failed, or exited
            located = line_failure(self.rule_set, member, item, error)
            raise located from located.__cause__

    def _line(self, member: Member, item: Item, facts: Sequence[Fact]) -> Line:
        """One item's line; ``facts`` are the member's facts of the item's source, in order."""
        entries: list[Entry] = []
        where = item.where
        given = item.value if isinstance(item.value, External) else None
        if given is not None:
            facts = [f for f in facts if f.kind == given.key]
        if type(where) is Where and where.kinds:
            # the library's Where passes no fact of another kind: those are not tried
            kinds = where.kinds
            facts = [f for f in facts if f.kind in kinds]
        # each block's evaluation looked up once for the line, not once per fact
        matches = evaluate.bound("matches", where)
        share_of = evaluate.bound("share", item.attribution)
        value_of = evaluate.bound("value", item.value)
        source = item.where.source.value
        for fact in facts:
            if not matches(fact):
                continue
            share = share_of(fact)
            value = value_of(fact)
            note = None
            if fact.source is Source.INPUT:
                note = _given_note(fact)
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
        adjustments: list[Adjustment] = []
        if given is not None and not entries:
            self.missing(member, given, item.clause, item.label, adjustments)
        credited = _exact_sum([e.points for e in entries if e.counted])
        if type(item.counting) is Each:
            counted = Counted(tuple(entries), credited)  # what Each.count gives, summed once
        else:
            counted = evaluate.count(item.counting, entries)
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
        points = _bounded(points, item.cap, "cap", item.clause, LINE_CAP, adjustments)
        return Line(
            item_id=item.id,
            label=item.label,
            clause=item.clause,
            entries=counted.entries,
            raw=counted.points,
            points=points,
            adjustments=tuple(adjustments),
            given=_given_text(entries) if given is not None and entries else None,
        )

    def missing(
        self,
        member: Member,
        given: External,
        clause: str | None,
        label: str,
        adjustments: list[Adjustment],
    ) -> None:
        """Apply ``given``'s missing-input policy for ``member`` (no figure was given)."""
        what = f"no {given.key!r} was given for {period_text(self.period)}"
        if given.missing == "error":
            raise InvalidValueError(
                f"{label}: {what}",
                where=Location(
                    rule_set=self.rule_set.name,
                    plugin=self.rule_set.plugin,
                    clause=clause,
                    record_id=member.id,
                ),
                hint=f"add a row to the inputs table (评分录入): {member.id}, "
                f"{period_text(self.period)}, {given.key}, value",
            )
        if given.missing == "pending":
            self.pending.append(f"{label}: {what} (待录入, pending)")
            adjustments.append(
                Adjustment("input", Fraction(0), Fraction(0), clause, f"{what}: pending")
            )
        else:
            adjustments.append(
                Adjustment("input", Fraction(0), Fraction(0), clause, f"{what}: counts 0")
            )

    def category(
        self, member: Member, category: Category, by_source: dict[Source, list[Fact]]
    ) -> CategoryCard:
        """One category's card; ``by_source`` holds the member's facts bucketed by source."""
        lines = tuple(
            self.line(member, item, by_source.get(item.where.source, ()))
            for item in category.items
            if item.applies_to is None
            or evaluate.applies(item.applies_to, member, self.period, self.as_of)
        )
        raw = _exact_sum([line.points for line in lines])
        adjustments: list[Adjustment] = []
        given_text = None
        if category.given is not None:
            key = category.given.key
            inputs = [f for f in by_source.get(Source.INPUT, ()) if f.kind == key]
            if inputs:
                value = _exact_sum([f.amount or Fraction(0) for f in inputs])
                given_text = _given_text(
                    [
                        Entry(
                            f.record_id,
                            "input",
                            f.on,
                            value,
                            Fraction(1),
                            value,
                            note=_given_note(f),
                        )
                        for f in inputs
                    ]
                )
                raw += value
            else:
                self.missing(member, category.given, category.clause, category.label, adjustments)
        points = raw
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
            CATEGORY_CAP,
            adjustments,
        )
        points = _bounded(points, category.floor, "floor", category.clause, FLOOR, adjustments)
        return CategoryCard(
            category_id=category.id,
            label=category.label,
            clause=category.clause,
            lines=lines,
            raw=raw,
            points=points,
            adjustments=tuple(adjustments),
            given=given_text,
        )

    def requirement(
        self, member: Member, requirement: Requirement, facts: Sequence[Fact]
    ) -> RequirementResult:
        if requirement.applies_to is not None and not evaluate.applies(
            requirement.applies_to, member, self.period, self.as_of
        ):
            return _not_applicable(
                requirement, f"does not apply: only {requirement.applies_to.describe()}"
            )
        span = self.period if requirement.window == "period" else self.term_window()
        if span != self.period:
            facts = self.facts(member, span)
        if all(type(w) is Where for w in requirement.where):
            # the library's Where passes only facts of its source, so the others are not
            # tried (in order); a plugin's own selection (a subclass) is tried on every fact
            sources = {w.source for w in requirement.where}
            facts = [f for f in facts if f.source in sources]
            if all(w.kinds for w in requirement.where):  # nor those of a kind none names
                kinds = frozenset().union(*(w.kinds for w in requirement.where))
                facts = [f for f in facts if f.kind in kinds]

        selections = [evaluate.bound("matches", w) for w in requirement.where]
        selected: Callable[[Fact], bool]
        if len(selections) == 1:
            selected = selections[0]
        else:

            def selected(f: Fact) -> bool:
                return any(matches(f) for matches in selections)

        def credited(f: Fact) -> bool:
            return selected(f) and (
                requirement.credit_co_authors
                or f.position == 0
                or f.role in (AuthorRole.SOLE, AuthorRole.ATTENDEE)
            )

        matching = [f for f in facts if credited(f)]
        records = tuple(dict.fromkeys(f.record_id for f in matching))
        met = len(records) >= requirement.at_least
        note = None
        if requirement.each is not None:
            short = [
                f"{label}: {count}"
                for label, count in _slice_counts(matching, _slices(span, requirement.each, member))
                if count < requirement.at_least
            ]
            met = not short
            if short:
                note = f"fewer than {requirement.at_least} in " + ", ".join(short)
        if requirement.per_quarter and met:
            missing = requirement.empty_quarters(self.period, [f.on for f in matching])
            if missing:
                met = False
                note = "nothing in quarter(s) " + ", ".join(missing)
        if requirement.window == "term" and requirement.each is None and not met:
            ends = self.term_end()
            if ends is None or ends > self.period.end:
                return _not_applicable(
                    requirement,
                    f"not due: {len(records)} of {requirement.at_least} so far in the term "
                    f"(届内), which ends {ends or 'later'}",
                    count=len(records),
                    records=records,
                )
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

    def term_end(self) -> dt.date | None:
        """The last day of the term covering the period's end (``None``: not known yet)."""
        start = self.term_window().start
        for term in self.ledger.terms:
            if term.start == start:
                return term.end
        return None

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
        self.pending = []
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
            or evaluate.applies(category.applies_to, member, self.period, self.as_of)
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
                        explanation(pool_cap(pool.label), pool.cap, pooled, pool.cap),
                    )
                )
                total -= pooled - pool.cap
        dimensions = []
        for dimension in self.rule_set.dimensions:
            raw = sum((points.get(c, Fraction(0)) for c in dimension.categories), Fraction(0))
            bounded = _bounded(
                raw,
                dimension.cap,
                "cap",
                dimension.clause,
                dimension_cap(dimension.label),
                adjustments,
            )
            bounded = _bounded(
                bounded,
                dimension.floor,
                "floor",
                dimension.clause,
                dimension_floor(dimension.label),
                adjustments,
            )
            if bounded != raw:
                adjustments[-1] = attrs.evolve(adjustments[-1], kind="dimension", before=raw)
                total += bounded - raw
            present = tuple(c for c in dimension.categories if c in points)
            dimensions.append(
                DimensionCard(
                    dimension.id, dimension.label, dimension.clause, present, raw, bounded
                )
            )
        requirements = tuple(self.requirement(member, r, facts) for r in self.rule_set.requirements)
        met = frozenset(r.requirement_id for r in requirements if r.met)
        grade = None
        if self.rule_set.grades is not None and not self.pending:
            basis = total
            if self.rule_set.grades.basis == "presented":
                rounding = self.rule_set.grades.rounding or self.rule_set.rounding
                basis = Fraction(rounding.present(total))
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
            pending=tuple(self.pending),
            dimensions=tuple(dimensions),
        )
        return card

    def flags(
        self,
        member: Member,
        card: ScoreCard,
        history: RuleSetForYear | None,
        *,
        over_years: bool = True,
    ) -> tuple[Flag, ...]:
        flags: list[Flag] = []
        period_facts: list[Fact] | None = None
        for trigger in self.rule_set.triggers:
            if isinstance(trigger, Trigger | TooFew):
                if trigger.applies_to is not None and not evaluate.applies(
                    trigger.applies_to, member, self.period, self.as_of
                ):
                    continue
                window = self.period if trigger.window == "period" else self.term_window()
                if window == self.period:
                    if period_facts is None:
                        period_facts = self.facts(member, self.period)
                    facts = period_facts
                else:
                    facts = self.facts(member, window)
                flag = self.count_flag(member, trigger, window, facts)
                if flag is not None:
                    flags.append(flag)
            elif isinstance(trigger, ScoreBelow):
                if card.complete and self.basis(card.total, trigger.basis) < trigger.threshold:
                    flags.append(
                        Flag(
                            trigger.id,
                            trigger.label,
                            trigger.clause,
                            trigger.consequence.value,
                            f"total {card.display_total} < {format_fraction(trigger.threshold)}",
                        )
                    )
            elif isinstance(trigger, CustomTrigger) and not isinstance(trigger, Ladder):
                custom = evaluate.check(
                    trigger,
                    TriggerContext(
                        ledger=self.ledger,
                        member=member,
                        period=self.period,
                        as_of=self.as_of,
                        card=card,
                        facts=tuple(self.facts(member, self.period)),
                        inputs=self.ledger.records_of(member.id, self.period).inputs,
                        history=functools.partial(in_force, self.rule_set, history),
                    ),
                )
                if custom is not None:
                    flags.append(custom)
            elif isinstance(trigger, ConsecutiveYears) and over_years:
                years = self.years_held(member, card, trigger, history)
                if years:
                    flags.append(
                        Flag(
                            trigger.id,
                            trigger.label,
                            trigger.clause,
                            trigger.consequence.value,
                            f"{trigger.keyed_on} in {', '.join(map(str, years))}",
                        )
                    )
        return _apply_ladders(self.rule_set, flags)

    def basis(self, total: Fraction, basis: str) -> Fraction:
        """``total`` itself, or as presented on the card (``basis="presented"``)."""
        if basis == "presented":
            return Fraction(self.rule_set.rounding.present(total))
        return total

    def count_flag(
        self, member: Member, trigger: Trigger | TooFew, window: Period, facts: Sequence[Fact]
    ) -> Flag | None:
        """The flag a counting trigger raises over ``window``, if any."""
        matching = [f for f in facts if any(evaluate.matches(w, f) for w in trigger.where)]
        records = tuple(dict.fromkeys(f.record_id for f in matching))
        if trigger.each is not None:
            counts = _slice_counts(matching, _slices(window, trigger.each, member))
        else:
            counts = [(str(window), len(records))]
        if isinstance(trigger, Trigger):
            hits = [(label, n) for label, n in counts if n >= trigger.at_least]
            reason = "; ".join(f"{n} ≥ {trigger.at_least} in {label}" for label, n in hits)
        else:
            if trigger.window == "term" and trigger.each is None:
                ends = self.term_end()
                if ends is None or ends > self.period.end:
                    return None  # the member still has time until the term's end
            hits = [(label, n) for label, n in counts if n < trigger.fewer_than]
            reason = "; ".join(f"{n} < {trigger.fewer_than} in {label}" for label, n in hits)
        if not hits:
            return None
        return Flag(
            trigger.id, trigger.label, trigger.clause, trigger.consequence.value, reason, records
        )

    def holds(self, member: Member, card: ScoreCard, trigger: ConsecutiveYears) -> bool:
        """Whether what ``trigger`` is keyed on held for ``member`` in this scorer's period."""
        if trigger.grade is not None:
            return card.grade == trigger.grade
        if trigger.requirement is not None:
            return any(
                r.requirement_id == trigger.requirement and r.applicable and not r.met
                for r in card.requirements
            )
        if trigger.score_below is not None:
            return card.complete and self.basis(card.total, trigger.basis) < trigger.score_below
        if trigger.trigger is not None:
            raised = self.flags(member, card, None, over_years=False)
            return any(f.trigger_id == trigger.trigger for f in raised)
        assert trigger.bottom is not None
        if not card.complete:
            return False
        totals = self.all_totals()
        lower = sum(1 for total in totals.values() if total < card.total)
        return lower < trigger.bottom

    def all_totals(self) -> dict[str, Fraction]:
        """Every serving member's complete total in this scorer's period (computed once)."""
        if self._all_totals is None:
            self._all_totals = {}
            for member in self.ledger.members:
                if member.served_during(self.period):
                    card = self.card(member)
                    if card.complete:
                        self._all_totals[member.id] = card.total
        return self._all_totals

    def earlier(self, year: int, history: RuleSetForYear | None) -> _Scorer | None:
        """The scorer of calendar year ``year`` under the rule set in force then (cached)."""
        if year not in self._earlier:
            rule_set = in_force(self.rule_set, history, year)
            period = Period.year(year)
            self._earlier[year] = (
                None if rule_set is None else _Scorer(self.ledger, rule_set, period, period.end)
            )
        return self._earlier[year]

    def years_held(
        self,
        member: Member,
        card: ScoreCard,
        trigger: ConsecutiveYears,
        history: RuleSetForYear | None,
    ) -> list[int]:
        """The years (this one included) that raise ``trigger``; empty when it is not raised."""
        if not self.holds(member, card, trigger):
            return []
        year = self.period.end.year
        first = self.term_first_year()
        held = [year]
        back = year - 1
        while back >= first and (trigger.consecutive is False or len(held) < trigger.years):
            scorer = self.earlier(back, history)
            counts = scorer is not None and member.served_during(Period.year(back))
            if counts:
                assert scorer is not None
                if scorer.holds(member, scorer.card(member), trigger):
                    held.append(back)
                elif trigger.consecutive:
                    return []
            elif trigger.consecutive:
                return []  # a year not assessed breaks the chain; it is never a failure
            back -= 1
        return sorted(held) if len(held) >= trigger.years else []

    def term_first_year(self) -> int:
        """The first year counted over years: the term's first, or (no terms) far back."""
        return first_year_over_years(self.ledger, self.period.end)


def first_year_over_years(ledger: Ledger, day: dt.date) -> int:
    """The first year a trigger over years reads back to, for a period ending on ``day``.

    That is the first year of the latest term (届) of ``ledger`` covering ``day``; with no such
    term, fifty years back. Both engines count consecutive years from here, never before.
    """
    covering = [
        term.start
        for term in ledger.terms
        if term.start <= day and (term.end is None or day <= term.end)
    ]
    if not covering:
        return max(day.year - 50, dt.MINYEAR)
    return max(covering).year


def in_force(rule_set: RuleSet, history: RuleSetForYear | None, year: int) -> RuleSet | None:
    """The rule set in force at the end of ``year``: from ``history``, else ``rule_set``.

    ``None`` when there is none, or when the one found was not yet (or no longer) in force on
    31 December of ``year``: that year is not assessed, which breaks a chain of years.
    """
    found = history(year) if history is not None else rule_set
    if found is not None and not found.in_force_on(dt.date(year, 12, 31)):
        return None
    return found


def _apply_ladders(rule_set: RuleSet, flags: list[Flag]) -> tuple[Flag, ...]:
    """Keep only the most severe raised rung of each ladder; it names the ones it supersedes."""
    ladders = [t for t in rule_set.triggers if isinstance(t, Ladder)]
    if not ladders:
        return tuple(flags)
    dropped: set[str] = set()
    notes: dict[str, str] = {}
    raised = {f.trigger_id for f in flags}
    for ladder in ladders:
        rungs = [r for r in ladder.rungs if r in raised]
        if len(rungs) > 1:
            dropped.update(rungs[:-1])
            notes[rungs[-1]] = f"{ladder.label}: supersedes {', '.join(rungs[:-1])}"
    return tuple(
        attrs.evolve(f, reason=f"{f.reason} ({notes[f.trigger_id]})")
        if f.trigger_id in notes
        else f
        for f in flags
        if f.trigger_id not in dropped
    )


def _card(scorer: _Scorer, member: Member, history: RuleSetForYear | None) -> ScoreCard:
    card = scorer.card(member)
    if scorer.rule_set.triggers:
        card = attrs.evolve(card, flags=scorer.flags(member, card, history))
    return card


def _scored(rule_set: RuleSet, member: Member, build: Callable[[], ScoreCard]) -> ScoreCard:
    """``build()``, with a failing rule reported with the member, rule set and plugin."""
    try:
        return build()
    except (Exception, SystemExit) as error:  # a plugin's block failed, or exited
        located = member_failure(rule_set, member, error)
        raise located from located.__cause__


def _located(error: BaseException, where: Location, message: str) -> CppccError:
    """``error`` located at ``where``, its cause kept; anything else wrapped with ``message``."""
    if isinstance(error, CppccError):  # keep the original cause, add where it happened
        located = error.located(where)
        located.__cause__ = error.__cause__
        return located
    wrapped = RuleEvaluationError(
        f"{message}: {type(error).__name__}: {error}",
        where=where,
        hint="fix the rule (or report it to the plugin's authors)",
    )
    wrapped.__cause__ = error
    return wrapped


def line_failure(rule_set: RuleSet, member: Member, item: Item, error: BaseException) -> CppccError:
    """The error the reference gives when a block of ``item`` fails for ``member``.

    Located at the rule set, plugin, item's clause and member; the original error is its
    cause. Combine with :func:`member_failure` for the error an assessment raises.
    """
    where = Location(
        rule_set=rule_set.name, plugin=rule_set.plugin, clause=item.clause, record_id=member.id
    )
    return _located(error, where, f"item {item.id!r} failed while scoring member {member.id!r}")


def member_failure(rule_set: RuleSet, member: Member, error: BaseException) -> CppccError:
    """The error an assessment raises when scoring ``member`` fails with ``error``."""
    where = Location(rule_set=rule_set.name, plugin=rule_set.plugin, record_id=member.id)
    return _located(error, where, f"a rule failed while scoring member {member.id!r}")
