"""The conformance kit fits real rule sets: terms, joined dates, role tags and inputs.

``assert_conforms`` must pass on a rule set that counts over the term (the rule-language example:
届内每年至少提交1件提案, 届内提案少于3件的谈话提醒); it accepts a ledger strategy of the
author's own; and it still finds a rule set that breaks a property.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _ledgers import ledger, member, proposal
from cppcc_model.errors import InvalidValueError
from cppcc_model.ledger import Ledger
from cppcc_model.model import Period
from cppcc_model.rules import Category, Function, Item, RuleSet, Trigger, Where
from cppcc_model.testing.codes import raises_code
from cppcc_model.testing.conformance import assert_conforms, needs_terms
from cppcc_model.testing.strategies import ledgers
from rule_language.example import build_rule_set

SPAN = Period(dt.date(2018, 1, 1), dt.date(2026, 12, 31))


def test_a_rule_set_with_term_windows_conforms_on_ledgers_with_terms() -> None:
    rule_set = build_rule_set()
    assert needs_terms(rule_set)
    assert_conforms(rule_set, max_examples=8)


@settings(max_examples=30, deadline=None)
@given(ledgers(min_members=1, max_members=3, max_records=3, term_span=SPAN))
def test_terms_drawn_for_a_span_are_consecutive_and_cover_it(drawn: Ledger) -> None:
    terms = sorted(drawn.terms, key=lambda t: t.start)
    assert terms[0].start <= SPAN.start
    assert terms[-1].end is not None
    assert terms[-1].end >= SPAN.end
    for earlier, later in itertools.pairwise(terms):
        assert earlier.end is not None
        assert later.start == earlier.end + dt.timedelta(days=1)
    assert [t.number for t in terms] == list(range(1, len(terms) + 1))


def test_the_kit_takes_the_authors_own_ledgers_and_period() -> None:
    rosters: list[int] = []

    def counted(drawn: Ledger) -> Ledger:
        rosters.append(len(drawn.members))
        return drawn

    own = ledgers(min_members=2, max_members=2, max_records=2, term_span=SPAN).map(counted)
    assert_conforms(build_rule_set(), ledgers=own, period=SPAN, max_examples=5)
    assert rosters
    assert set(rosters) == {2}


def test_ledgers_without_terms_are_refused_by_a_term_window_rule_set() -> None:
    # the kit adds the terms itself; an author's strategy without them gets the engine's error
    term_trigger = RuleSet(
        jurisdiction="test.term",
        name="term",
        title="届内",
        effective_from="2000-01-01",
        categories=[],
        triggers=[Trigger("t", "届内提案", [Where("proposal")], 1, "notice", window="term")],
    )
    assert needs_terms(term_trigger)
    assert_conforms(term_trigger, max_examples=10)
    bare = st.just(ledger([member("a")], proposals=[proposal("p1", "a")]))
    with raises_code(InvalidValueError, "S008", value="2035-12-31"):
        assert_conforms(term_trigger, ledgers=bare, max_examples=1)


def test_the_kit_still_finds_a_broken_property() -> None:
    calls = itertools.count()
    impure = RuleSet(
        jurisdiction="test.impure",
        name="impure",
        title="不纯的函数",
        effective_from="2000-01-01",
        categories=[
            Category(
                "p",
                "提案",
                [
                    Item(
                        "any",
                        "提案",
                        Where("proposal"),
                        Function(lambda fact: next(calls), "call count"),
                    )
                ],
            )
        ],
    )
    assert not needs_terms(impure)
    two = st.just(ledger([member("a")], proposals=[proposal("p1", "a"), proposal("p2", "a")]))
    with pytest.raises(AssertionError, match="rule set 'impure': not deterministic"):
        assert_conforms(impure, ledgers=two, max_examples=1)
