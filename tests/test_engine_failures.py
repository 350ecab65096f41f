"""A plugin block failing on the columnar path: the reference's error, the block called once.

When a block the columnar engine runs row-wise fails (an escape-hatch function, a plugin's own
selection, share or counting block), the assessment raises exactly the error the reference
interpreter raises — the same type, text and location (rule set, plugin, clause, member) — and
the failing call is not made a second time: a function stopped at its time limit is waited out
once, not twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

import attrs
import pytest

from _ledgers import D, ledger, member, proposal
from cppcc_model.assess import assess
from cppcc_model.errors import CppccError
from cppcc_model.ledger import Ledger
from cppcc_model.model import Period
from cppcc_model.rules import Category, FirstShare, Function, Item, Points, RuleSet, Where
from cppcc_model.rules.counting import Counted
from cppcc_model.rules.facts import Fact
from cppcc_model.rules.guard import TIME_LIMIT_VARIABLE
from cppcc_model.scorecard import Entry
from cppcc_model.testing.codes import raises_code

YEAR = Period.year(2022)
CLAUSE = "第九条"


def _data() -> Ledger:
    """Members a–e; b and d sign proposals, d two of them, c co-signs one with a."""
    return ledger(
        [member(i) for i in "abcde"],
        proposals=[
            proposal("p1", "a", "c", on=D(2022, 2, 1)),
            proposal("p2", "b", on=D(2022, 3, 1)),
            proposal("p3", "d", on=D(2022, 4, 1)),
            proposal("p4", "d", "e", on=D(2022, 5, 1)),
        ],
    )


def _rule_set(item: Item) -> RuleSet:
    plain = Item("plain", "提交", Where("proposal"), Points(2))
    return RuleSet(
        jurisdiction="test.fail",
        name="fail",
        title="失败",
        plugin="failing",
        effective_from=D(2000, 1, 1),
        categories=[Category("p", "提案", [plain, attrs.evolve(item, clause=CLAUSE)])],
    )


class _Calls:
    """Records every fact a block is called with; fails for the members named."""

    def __init__(self, failing: Sequence[str], error: Callable[[], BaseException]) -> None:
        self.failing = set(failing)
        self.error = error
        self.seen: list[tuple[str, str]] = []

    def __call__(self, fact: Fact) -> Any:
        self.seen.append((fact.member_id, fact.record_id))
        if fact.member_id in self.failing:
            raise self.error()
        return 1


class _OwnWhere(Where):
    """A plugin's own selection block (run row-wise), asking ``calls``."""

    calls: _Calls

    def matches(self, fact: Fact) -> bool:
        return bool(self.calls(fact))


@attrs.frozen
class _OwnShare:
    """A plugin's own attribution block (run row-wise)."""

    calls: Any = attrs.field(eq=False)

    def share(self, fact: Fact) -> Fraction:
        return Fraction(self.calls(fact))

    def describe(self) -> str:
        return "own share"


@attrs.frozen
class _OwnCounting:
    """A plugin's own counting block (the item runs through the reference's line); fails on p2."""

    seen: list[str] = attrs.field(factory=list, eq=False)

    def count(self, entries: Sequence[Entry]) -> Counted:
        for entry in entries:
            self.seen.append(entry.record_id)
            if entry.record_id == "p2":
                raise ZeroDivisionError("boom")
        return Counted(tuple(entries), sum((e.points for e in entries), Fraction(0)))

    def describe(self) -> str:
        return "own counting"


def _own_where(calls: _Calls) -> Where:
    where = _OwnWhere("proposal")
    object.__setattr__(where, "calls", calls)  # the block's own state, beside Where's fields
    return where


def _items(calls: _Calls) -> dict[str, Item]:
    where = Where("proposal")
    return {
        "value": Item("v", "值", where, Function(calls, "value")),
        "where": Item("w", "选", _own_where(calls), Points(1)),
        "share": Item("s", "分", where, Points(1), _OwnShare(calls)),
        "share-function": Item("f", "首", where, Function(calls, "value"), FirstShare("1/2")),
    }


def _both(rule_set: RuleSet) -> tuple[CppccError, CppccError]:
    with pytest.raises(CppccError) as reference:
        assess(_data(), rule_set, YEAR, engine="reference")
    with pytest.raises(CppccError) as columnar:
        assess(_data(), rule_set, YEAR, engine="columnar")
    return reference.value, columnar.value


@pytest.mark.parametrize("block", ["value", "where", "share", "share-function"])
@pytest.mark.parametrize("failing", [("b",), ("d", "b"), ("e",), ("c", "e")])
def test_the_columnar_engine_raises_the_reference_error_for_a_failing_block(
    block: str, failing: tuple[str, ...]
) -> None:
    calls = _Calls(failing, lambda: ZeroDivisionError("boom"))
    reference, columnar = _both(_rule_set(_items(calls)[block]))
    assert type(columnar) is type(reference)
    assert str(columnar) == str(reference)
    assert columnar.where == reference.where
    assert columnar.where is not None
    assert (columnar.where.plugin, columnar.where.clause) == ("failing", CLAUSE)
    assert columnar.where.record_id == min(failing)
    assert isinstance(columnar.__cause__, ZeroDivisionError)


@pytest.mark.parametrize("block", ["value", "where", "share"])
def test_the_failing_call_is_made_once_on_the_columnar_path(block: str) -> None:
    calls = _Calls(("d",), lambda: ZeroDivisionError("boom"))
    with pytest.raises(CppccError, match=re.escape("ZeroDivisionError: boom")):
        assess(_data(), _rule_set(_items(calls)[block]), YEAR, engine="columnar")
    failed = [seen for seen in calls.seen if seen[0] == "d"]
    assert failed == [("d", "p3")]


def test_a_block_counted_by_the_reference_line_fails_once_too() -> None:
    counting = _OwnCounting()
    item = Item("c", "数", Where("proposal"), Points(1), counting=counting)
    reference, columnar = _both(_rule_set(item))
    assert (type(columnar), str(columnar)) == (type(reference), str(reference))
    assert columnar.where == reference.where
    counting.seen.clear()
    with pytest.raises(CppccError):
        assess(_data(), _rule_set(item), YEAR, engine="columnar")
    assert counting.seen.count("p2") == 1


def test_a_function_past_its_time_limit_is_stopped_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TIME_LIMIT_VARIABLE, "0.2")
    seen: list[str] = []

    def forever(fact: Fact) -> int:
        seen.append(fact.member_id)
        if fact.member_id == "d":
            while True:
                pass
        return 1

    rule_set = _rule_set(Item("v", "值", Where("proposal"), Function(forever, "forever")))
    with raises_code(CppccError, "S013", value="forever") as caught:
        assess(_data(), rule_set, YEAR, engine="columnar")
    assert seen.count("d") == 1
    assert caught.value.where is not None
    assert (caught.value.where.record_id, caught.value.where.clause) == ("d", CLAUSE)


_IGNORING_SCRIPT = """
import signal, sys
from cppcc_model.errors import RuleEvaluationError
from cppcc_model.rules.guard import call_plugin_function

assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN

def forever(fact):
    while True:
        pass

try:
    call_plugin_function(forever, None, "forever", seconds=0.2)
except RuleEvaluationError as error:
    print(error.code, signal.getsignal(signal.SIGINT) is signal.SIG_IGN)
"""


def test_the_time_limit_holds_in_a_process_that_ignores_interrupts() -> None:
    # a shell starts a background job (``cmd &``, nohup) with SIGINT ignored: the limit must
    # still stop the call, and the ignoring be as it was after it
    import signal
    import subprocess
    import sys

    def ignore_interrupts() -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)

    done = subprocess.run(
        [sys.executable, "-c", _IGNORING_SCRIPT],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=ignore_interrupts,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["S013", "True"]
