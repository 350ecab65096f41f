"""The engine evaluates the rule blocks; the blocks are data (engine/evaluate.py).

Hand-worked figures for each family, the fallback to a plugin's own block, the library blocks'
methods as aliases, and that importing ``rules/`` loads no engine.
"""

from __future__ import annotations

import datetime as dt
import inspect
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cppcc_model.engine import evaluate
from cppcc_model.model import AttendanceStatus, Member, Period, RoleSpell
from cppcc_model.rules import (
    AllOfRecords,
    AnyOfRecords,
    AtMost,
    ByStage,
    ByStatus,
    CollectiveCredit,
    EqualSplit,
    FirstOnly,
    FirstShare,
    HasRole,
    Not,
    Points,
    Sum,
    Where,
    WholeToEach,
    attribution,
    award_gates,
    conditions,
    counting,
    inputs,
    selection,
    values,
)
from cppcc_model.rules.facts import AuthorRole, Fact, Source, Stage
from cppcc_model.scorecard import Entry

YEAR = Period.year(2024)
DAY = dt.date(2024, 3, 1)


def _attended(status: str) -> Fact:
    return Fact(
        "m",
        Source.ATTENDANCE,
        "a",
        "plenary",
        DAY,
        AuthorRole.ATTENDEE,
        status=AttendanceStatus.parse(status),
    )


def _signed(position: int, authors: int, role: AuthorRole = AuthorRole.CO) -> Fact:
    return Fact(
        f"m{position}",
        Source.PROPOSAL,
        "p",
        "proposal",
        DAY,
        AuthorRole.FIRST if position == 0 and role is AuthorRole.CO else role,
        position=position,
        authors=authors,
        stages=((Stage.SUBMITTED, None), (Stage.FILED, None)),
    )


def test_values_by_hand() -> None:
    # 请假未批准 is worth what 无故缺席 is, unless the table names it
    assert evaluate.value(ByStatus({"无故缺席": -5}), _attended("请假未批准")) == -5
    assert (
        evaluate.value(ByStatus({"无故缺席": -5, "请假未批准": -2}), _attended("请假未批准")) == -2
    )
    # 提交10分，立案再加15分: a filed proposal is worth 25; with 2 more points it is 27
    staged = ByStage({"submitted": 10, "filed": 15})
    assert evaluate.value(staged, _signed(0, 1, AuthorRole.SOLE)) == 25
    assert evaluate.value(Sum((staged, Points(2))), _signed(0, 1, AuthorRole.SOLE)) == 27


def test_shares_by_hand() -> None:
    # 桐城: the first of four gets 1/2, the three others 1/6 each
    assert evaluate.share(FirstShare("1/2"), _signed(0, 4)) == Fraction(1, 2)
    assert evaluate.share(FirstShare("1/2"), _signed(2, 4)) == Fraction(1, 6)
    assert evaluate.share(FirstOnly(), _signed(1, 4)) == 0
    assert evaluate.share(WholeToEach(), _signed(3, 4)) == 1
    # a collective work: at most two main members, splitting the value
    credit = CollectiveCredit(max_members=2, mode="split")
    main = AuthorRole.MAIN_MEMBER
    assert evaluate.share(WholeToEach(credit), _signed(1, 4, main)) == Fraction(1, 2)
    assert evaluate.share(WholeToEach(credit), _signed(2, 4, main)) == 0
    assert evaluate.collective_share(credit, _signed(0, 4, main)) == Fraction(1, 2)


@given(authors=st.integers(2, 40), first=st.fractions(0, 1, max_denominator=1000))
def test_joint_shares_add_up_to_the_whole(authors: int, first: Fraction) -> None:
    for block in (EqualSplit(), FirstShare(first), FirstOnly()):
        total = sum(
            (evaluate.share(block, _signed(p, authors)) for p in range(authors)), Fraction(0)
        )
        assert total == 1, block


def test_selection_conditions_counting_and_gates_by_hand() -> None:
    unexcused = Where("attendance", statuses=["无故缺席"])
    assert evaluate.matches(unexcused, _attended("请假未批准"))
    assert not evaluate.matches(unexcused, _attended("出席"))
    convener = Member("m", "甲", "s", tags=("召集人",), roles=[RoleSpell("常委", DAY)])
    assert evaluate.applies(HasRole("召集人"), convener, YEAR, YEAR.end)
    assert evaluate.applies(HasRole("常委"), convener, YEAR, YEAR.end)
    assert not evaluate.applies(Not(HasRole("常委")), convener, YEAR, YEAR.end)
    entries = [
        Entry(f"r{i}", "proposal", DAY, Fraction(5), Fraction(1), Fraction(5)) for i in range(3)
    ]
    counted = evaluate.count(AtMost(2), entries)
    assert counted.points == 10
    assert [e.counted for e in counted.entries] == [True, True, False]
    facts = [_attended("请假未批准")]
    proposals = Where("proposal")
    assert evaluate.records_hold(AnyOfRecords(proposals, unexcused), facts)
    assert not evaluate.records_hold(AllOfRecords(proposals, unexcused), facts)
    assert evaluate.records_missing(AllOfRecords(proposals, unexcused), facts) == (proposals,)


@attrs.frozen
class Doubled:
    """A plugin's own value block: twice a fixed figure."""

    points: int

    def of(self, fact: Fact) -> Fraction:
        return Fraction(2 * self.points)

    def describe(self) -> str:
        return f"2 × {self.points}"


@attrs.frozen
class Plain(Points):
    """A plugin's subclass of a library block that changes nothing."""


@attrs.frozen
class Halved(Points):
    """A plugin's subclass that evaluates itself."""

    def of(self, fact: Fact) -> Fraction:
        return self.points / 2


def test_a_plugin_block_is_asked_itself_and_a_plain_subclass_is_its_parent() -> None:
    fact = _attended("出席")
    assert evaluate.value(Doubled(3), fact) == 6
    assert evaluate.value(Sum((Doubled(3), Points(1))), fact) == 7
    assert evaluate.value(Plain(4), fact) == 4
    assert evaluate.value(Halved(4), fact) == 2


def test_the_library_blocks_methods_are_aliases_of_the_engine() -> None:
    fact = _attended("请假未批准")
    block = ByStatus({"无故缺席": -5})
    with pytest.warns(DeprecationWarning, match=r"evaluate\.value\(block") as warned:
        assert block.of(fact) == evaluate.value(block, fact) == -5
    # the warning points at the code that called the old method, not into the library
    assert {Path(w.filename).name for w in warned} == {"test_engine_evaluate.py"}
    with pytest.warns(DeprecationWarning, match=r"evaluate\.share\(block"):
        assert FirstShare("1/2").share(_signed(2, 4)) == Fraction(1, 6)
    with pytest.warns(DeprecationWarning, match=r"evaluate\.matches\(block"):
        assert Where("attendance", statuses=["无故缺席"]).matches(fact)


def _library_classes(method: str, *modules: object) -> set[type]:
    found = set()
    for module in modules:
        for _, kind in inspect.getmembers(module, inspect.isclass):
            if kind.__module__ == module.__name__ and attrs.has(kind) and method in vars(kind):  # type: ignore[attr-defined]
                found.add(kind)
    return found


def test_every_library_block_is_evaluated_by_the_engine() -> None:
    families = evaluate._FAMILIES
    assert _library_classes("of", values, inputs) == set(families["value"].by_class)
    assert _library_classes("share", attribution) == (
        set(families["share"].by_class) | set(families["collective_share"].by_class)
    )
    assert _library_classes("matches", selection) == set(families["matches"].by_class)
    assert _library_classes("applies", conditions) == set(families["applies"].by_class)
    assert _library_classes("count", counting) == set(families["count"].by_class)
    assert _library_classes("holds", award_gates) == set(families["records_hold"].by_class)


def test_importing_the_rules_loads_no_engine_and_an_alias_says_what_it_needs() -> None:
    code = (
        "import sys\n"
        "import datetime as dt\n"
        "from cppcc_model.errors import CppccError\n"
        "from cppcc_model.rules import Points\n"
        "from cppcc_model.rules.facts import AuthorRole, Fact, Source\n"
        "assert not [m for m in sys.modules if m.startswith('cppcc_model.engine')]\n"
        "fact = Fact('m', Source.ATTENDANCE, 'a', 'plenary', dt.date(2024, 1, 1), AuthorRole.ATTENDEE)\n"
        "try:\n"
        "    Points(3).of(fact)\n"
        "except CppccError as error:\n"
        "    assert error.code == 'S019', error.code\n"
        "    assert 'Points is evaluated by cppcc_model.engine.evaluate' in str(error)\n"
        "else:\n"
        "    raise AssertionError('no error')\n"
        "import cppcc_model.engine\n"
        "assert Points(3).of(fact) == 3\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
