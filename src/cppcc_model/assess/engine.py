"""Assessing members: a ledger and a rule set in, every member's figures and score cards out.

:func:`assess` scores every member who served in the period and returns an
:class:`Assessment`: totals, category points, grades, requirement results and flags for
everyone, and an explained :class:`~cppcc_model.scorecard.ScoreCard` per member, built when it
is asked for. It runs the columnar engine (:mod:`cppcc_model.engine`) or the row-at-a-time
reference interpreter (:mod:`cppcc_model.engine.reference`), which give equal results.

No plugin hook is called here: rule sets are plain data built once, and the building blocks are
pure functions of facts. Members are assessed in id order, so the result does not depend on the
order records were loaded in.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from cppcc_model.assess.figures import MemberFigures, figures_from_card, figures_from_results
from cppcc_model.errors import CppccError, InvalidValueError, Location
from cppcc_model.ledger import Ledger
from cppcc_model.model import Member, Period
from cppcc_model.progress import Progress, steps
from cppcc_model.rules.plugin_code import check_unchanged as _check_unchanged
from cppcc_model.rules.plugin_code import ledger_hash_if_needed
from cppcc_model.rules.ruleset import RuleSet

if TYPE_CHECKING:
    from cppcc_model.engine.results import Results
    from cppcc_model.rules.facts import Fact
from cppcc_model.engine.reference import (
    RuleEvaluationError,
    RuleSetForYear,
    _card,
    _scored,
    _Scorer,
)
from cppcc_model.scorecard import (
    ScoreCard,
)

__all__ = ["COLUMNAR_FROM", "STREAMING_FROM", "Assessment", "RuleEvaluationError", "assess"]


_STAGE = "评分 scoring"

COLUMNAR_FROM = 2000
"""The ledger size (records) from which :func:`assess` runs the columnar engine by default."""

STREAMING_FROM = 1_000_000
"""The ledger size (records) from which :func:`assess` streams the columnar plan by default.

Measured on the benchmark's ledgers (docs/performance.md): at 300 and 3,000 members the two
engines take the same time; at 30,000 members (1.5 million records) the streamed plan took 0.84
of the in-memory plan's time and added no resident memory (69 MiB in memory); at 600,000 members
45.9 s and 1.7 GiB against 71.9 s and 3.7 GiB.
"""


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
    _figures: Mapping[str, MemberFigures] | None = attrs.field(
        default=None, init=False, eq=False, repr=False
    )
    _facts: _PeriodFacts | None = attrs.field(
        default=None, alias="facts", eq=False, repr=False, kw_only=True
    )

    def _period_facts(self, ledger: Ledger, dating: str) -> Mapping[str, Sequence[Fact]]:
        """The assessed members' facts of the period, as the scoring read them.

        Each as :func:`~cppcc_model.rules.facts.facts_for_member` gives it for ``ledger``,
        this assessment's period and as-of day and ``dating``; empty unless the reference
        interpreter scored that very ledger with that dating for a rule set with group rules,
        so a caller reads what is missing itself (the group measures do).
        """
        kept = self._facts
        if kept is None or kept.ledger is not ledger or kept.dating != dating:
            return {}
        return kept.facts

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

    def figures(self) -> Mapping[str, MemberFigures]:
        """Every assessed member's figures by id, in member-id order, without explaining them.

        Totals, category points, grades, requirement results and flags (see
        :class:`~cppcc_model.assess.figures.MemberFigures`): from the columnar plan's results
        when it scored, so no explained card is built; from the cards when the reference
        interpreter scored (or every card was built already). Group measures, award selection
        and requirement checks read these; :meth:`card` explains one member.
        """
        if self._figures is not None:
            return self._figures
        lazy = self._results
        if self._cards is None and lazy is not None:
            results = lazy.results
            figures = figures_from_results(
                self.rule_set,
                {m: lazy.ledger.member(m).name for m in results.member_ids},
                results.totals(),
                results.categories(),
                results.grades(),
                results.requirements(),
                results.flags(),
            )
        else:
            figures = tuple(figures_from_card(card) for card in self.cards)
        by_id = MappingProxyType({f.member_id: f for f in figures})
        object.__setattr__(self, "_figures", by_id)
        return by_id

    @property
    def engine(self) -> str:
        """The engine that scored: ``"columnar"`` or ``"reference"`` (see :func:`assess`)."""
        return "reference" if self._results is None else "columnar"

    @property
    def member_ids(self) -> tuple[str, ...]:
        """The assessed members' ids, in order."""
        if self._cards is None and self._results is not None:
            return self._results.results.member_ids
        return tuple(card.member_id for card in self.cards)

    def totals(self) -> dict[str, Fraction]:
        """Each member's exact total; incomplete cards (an input pending) have none."""
        if self._cards is None and self._results is not None:
            return self._results.results.totals()
        return {card.member_id: card.total for card in self.cards if card.complete}

    def incomplete(self) -> dict[str, tuple[str, ...]]:
        """The members whose cards wait for an input, with the reasons; listed apart."""
        if self._cards is None and self._results is not None:
            return {}  # the columnar engine scores only rule sets that read no inputs
        return {card.member_id: card.pending for card in self.cards if not card.complete}

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
            card.member_id: {
                r.requirement_id: (r.count, r.met) for r in card.requirements if r.applicable
            }
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
class _PeriodFacts:
    """The members' facts of the period the reference interpreter read, kept for groups."""

    ledger: Ledger
    dating: str
    facts: Mapping[str, Sequence[Fact]]


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


def assess(
    ledger: Ledger,
    rule_set: RuleSet,
    period: Period,
    *,
    as_of: dt.date | None = None,
    members: Iterable[str] | None = None,
    history: RuleSetForYear | None = None,
    engine: str = "auto",
    progress: Progress | None = None,
    streaming: bool | None = None,
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
            triggers (:meth:`RuleSetRegistry.history
            <cppcc_model.rules.registry.RuleSetRegistry.history>` gives one from a registry);
            by default the same rule set, for the years it was in force.
        engine: ``"columnar"``: figures for everyone from the compiled plan
            (:mod:`cppcc_model.engine`), explained cards built when asked for;
            ``"reference"``: the row-at-a-time interpreter builds every card at once (the
            oracle the columnar engine is tested against); ``"auto"`` (default): the
            columnar engine for ledgers of at least :data:`COLUMNAR_FROM` records, the
            reference below that, where its fixed cost (tens of milliseconds) would dominate.
            A rule set using a block the columnar engine does not compile yet
            (:func:`cppcc_model.engine.support.unsupported` lists them) is scored by the
            reference whichever is asked; :attr:`Assessment.engine` says which one ran.
            All give equal results.
        streaming: run the columnar engine's plan on polars' streaming engine, which reads
            the fact table in batches instead of holding it; the same exact figures. ``None``
            (default): for ledgers of at least :data:`STREAMING_FROM` records, where it is
            faster and smaller; ``True`` implies the columnar engine under ``"auto"`` (a rule
            set the columnar engine does not compile is still scored by the reference);
            ``False``: the in-memory engine, which keeps each source's fact frame.
        progress: called as ``progress("评分 scoring", done, total)`` (see
            :mod:`cppcc_model.progress`): by the reference interpreter after each member, by
            the columnar engine when it starts and when it has scored everyone.

    Raises:
        RuleEvaluationError: when a rule fails for a member; it names the member, rule set
            and clause.
        InvalidValueError: when ``engine`` is not known, or ``streaming`` is asked of the
            reference engine.

    """
    if engine not in ("auto", "columnar", "reference"):
        raise InvalidValueError(
            f"engine {engine!r} is not known", hint="use 'auto', 'columnar' or 'reference'"
        )
    if streaming and engine == "reference":
        raise InvalidValueError(
            "streaming runs the columnar engine's plan; the reference engine has none",
            hint="use engine='columnar' (or 'auto') with streaming, or drop streaming",
        )
    if engine == "auto":
        engine = "columnar" if streaming or ledger.record_count >= COLUMNAR_FROM else "reference"
    if streaming is None:
        streaming = engine == "columnar" and ledger.record_count >= STREAMING_FROM
    if engine == "columnar":
        from cppcc_model.engine.support import unsupported

        if unsupported(rule_set):
            engine = "reference"
    as_of = period.end if as_of is None else as_of
    fingerprint = ledger_hash_if_needed(ledger, rule_set, period, history)
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
        from cppcc_model.engine.results import RowWiseFailure

        if progress is not None:
            progress(_STAGE, 0, 1)
        try:
            results = run(
                ledger,
                rule_set,
                period,
                as_of=as_of,
                members=chosen,
                history=history,
                streaming=streaming,
            )
        except RowWiseFailure as failure:
            # A block run row-wise failed for one member, already located as the reference
            # locates it; only a member before it can fail first in the reference's order, so
            # the failing call is not made again (a time-out is waited out once).
            _check_unchanged(ledger, fingerprint, rule_set)
            earlier = [m for m in chosen if m.id < failure.member_id]
            _reference_cards(ledger, rule_set, period, as_of, earlier, history)
            raise failure.error from failure.error.__cause__
        except (Exception, SystemExit) as error:
            # Any other failing rule: the reference interpreter reports it with the member,
            # rule set and clause, exactly as before.
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
        if progress is not None:
            progress(_STAGE, 1, 1)
        return Assessment(
            rule_set,
            period,
            as_of,
            None,
            not_assessed,
            _Columnar(ledger, results, history, fingerprint),
        )
    scorer = _Scorer(ledger, rule_set, period, as_of)
    cards = _reference_cards(ledger, rule_set, period, as_of, chosen, history, progress, scorer)
    _check_unchanged(ledger, fingerprint, rule_set)
    # the group measures read the same facts again: kept for them when the rule set has any
    kept = (
        _PeriodFacts(ledger, rule_set.settings.dating, MappingProxyType(scorer.period_facts))
        if rule_set.group_rules
        else None
    )
    return Assessment(rule_set, period, as_of, cards, not_assessed, facts=kept)


def _reference_cards(
    ledger: Ledger,
    rule_set: RuleSet,
    period: Period,
    as_of: dt.date,
    chosen: Sequence[Member],
    history: RuleSetForYear | None,
    progress: Progress | None = None,
    scorer: _Scorer | None = None,
) -> tuple[ScoreCard, ...]:
    """Every chosen member's card, by the row-at-a-time interpreter (the reference)."""
    scorer = _Scorer(ledger, rule_set, period, as_of) if scorer is None else scorer
    return tuple(
        _scored(rule_set, member, functools.partial(_card, scorer, member, history))
        for member in steps(chosen, _STAGE, progress)
    )
