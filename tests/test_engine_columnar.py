"""The columnar engine gives exactly the reference interpreter's figures.

The row-at-a-time interpreter (``assess(..., engine="reference")``) is the specification. On
generated ledgers, for every rule set the bundled plugins register (under each reading of their
ambiguous clauses), the TOML rule file, the rule examples and a rule set using every block and
escape hatch, the columnar engine's totals, category points, grades, requirement results and
flags must equal the reference's, and a card built on demand must equal the reference's card.
The golden cases must pass on both. A property with 10,000 co-signers and mixed shares checks
that exactness survives denominators whose common multiple overflows 64 bits.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import re
from collections.abc import Iterator, Sequence
from fractions import Fraction
from functools import partial
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _ledgers import D, ledger, meeting, member, proposal
from cppcc_model.assess import assess
from cppcc_model.assess.engine import Assessment, RuleEvaluationError
from cppcc_model.engine import plan_of
from cppcc_model.engine import results as results_module
from cppcc_model.engine.support import unsupported
from cppcc_model.errors import CppccError
from cppcc_model.io.json import ledger_from_dict
from cppcc_model.ledger import Ledger
from cppcc_model.model import Period, Term
from cppcc_model.rules import (
    AllOf,
    AtMost,
    Band,
    ByLevel,
    ByPosition,
    ByRole,
    ByStage,
    ByStatus,
    Category,
    CollectiveCredit,
    ConsecutiveYears,
    EqualSplit,
    FirstOnly,
    FirstShare,
    FromNth,
    FullOrPartial,
    Function,
    Grades,
    HasRole,
    Item,
    LacksRole,
    OncePerPeriod,
    PerUnit,
    Points,
    Pool,
    Reached,
    Requirement,
    RuleSet,
    ScoreBelow,
    Settings,
    Sum,
    Threshold,
    Trigger,
    Where,
    WholeToEach,
)
from cppcc_model.rules.counting import Counted
from cppcc_model.rules.facts import Fact
from cppcc_model.rules.registry import RuleSetRegistry
from cppcc_model.rules.toml import load_rule_set
from cppcc_model.scorecard import Entry
from cppcc_model.testing.golden import load_golden_case
from cppcc_model.testing.strategies import ledgers

ROOT = Path(__file__).resolve().parents[1]
PLUGINS = ("tongcheng", "guangshui", "minhang", "national", "xiangzhou", "yanbian")
READINGS: dict[str, list[dict[str, object]]] = {
    "collective": [{"collective": "split"}],
    "meetings_floor": [{"meetings_floor": 0}],
    "attendance_floor": [{"attendance_floor": None}],
    "collective_proposals": [{"collective_proposals": "joint"}],
    "training_counts": [{"training_counts": False}],
    "key_and_excellent": [{"key_and_excellent": "both"}],
    "joint": [{"joint": "first"}, {"joint": "split"}],
    "conversion": [{"conversion": "original"}],
    "joint_info": [{"joint_info": "each"}],
    "instruction_and_adoption": [{"instruction_and_adoption": "each"}],
    "credit_co_authors": [{"credit_co_authors": False}],
    "count_excused": [{"count_excused": True}],
}


def _registered() -> list[RuleSet]:
    found: list[RuleSet] = []
    for name in PLUGINS:
        module = importlib.import_module(f"cppcc_rules_{name}.plugin")
        module.cppcc_register_rule_sets(found.append)
    return found


def _readings(rule_set: RuleSet) -> Iterator[RuleSet]:
    yield rule_set
    for option in rule_set.options:
        for changes in READINGS.get(option, []):
            yield rule_set.with_options(**changes)


class _Tenth(Function):
    """A plugin's own value block: not known to the compiler, so evaluated row-wise."""


@attrs.frozen
class _EveryOther:
    """A plugin's own counting block: every other credited entry counts."""

    def count(self, entries: Sequence[Entry]) -> Counted:
        kept = []
        place = 0
        for entry in entries:
            if entry.counted:
                place += 1
                if place % 2 == 0:
                    entry = attrs.evolve(entry, counted=False, note="every other")
            kept.append(entry)
        return Counted(tuple(kept), sum((e.points for e in kept if e.counted), Fraction(0)))

    def describe(self) -> str:
        return "every other"


@attrs.frozen
class _LateShare:
    """A plugin's own attribution: the last signer gets a third, the others the whole."""

    collective: CollectiveCredit = CollectiveCredit(max_members=2, mode="split")

    def share(self, fact: Fact) -> Fraction:
        return Fraction(1, 3) if fact.position == fact.authors - 1 else Fraction(1)

    def describe(self) -> str:
        return "last a third"


def _length(fact: Fact) -> Fraction:
    return Fraction(len(fact.record_id), 7) - 1


def _every_block() -> RuleSet:
    """One rule set using every block the engine knows, and the escape hatches."""
    proposals = Where("proposal")
    filed = Where("proposal", reached=["filed"])
    return RuleSet(
        jurisdiction="test.every",
        name="every-block",
        title="每个积木",
        effective_from=D(2000, 1, 1),
        categories=[
            Category(
                "meet",
                "会议",
                [
                    Item("plenary", "全会", Where("attendance", kinds=["plenary"]), PerUnit("5/2")),
                    Item(
                        "status",
                        "出勤",
                        Where("attendance", statuses=["present", "late", "unexcused"]),
                        ByStatus({"present": 3, "late": 1, "unexcused": "-7/3"}, default=1),
                        cap=20,
                    ),
                    Item(
                        "whole",
                        "全程",
                        Where("attendance", organisers=["committee", "unit"]),
                        FullOrPartial(10, "5/2"),
                        counting=AtMost(3),
                    ),
                    Item(
                        "standing",
                        "常委",
                        Where("attendance", kinds=["standing_committee_meeting"]),
                        Points(-2),
                        applies_to=HasRole("standing_member"),
                    ),
                ],
                base=10,
                floor=0,
                cap=60,
            ),
            Category(
                "props",
                "提案",
                [
                    Item(
                        "staged",
                        "提交立案",
                        proposals,
                        ByStage({"submitted": 3, "filed": "5/2", "key": 4, "excellent": 6}),
                        FirstShare("1/3", CollectiveCredit(max_members=3, mode="split")),
                    ),
                    Item("first", "第一", filed, Points(7), FirstOnly(), counting=FromNth(2)),
                    Item("split", "平分", filed, Points(11), EqualSplit(), cap="35/2"),
                    Item(
                        "roles",
                        "角色",
                        proposals,
                        ByRole({"sole": 4, "first": 3, "co": 1, "main_member": 2}),
                        counting=OncePerPeriod("max"),
                    ),
                    Item(
                        "position",
                        "主笔",
                        Where("proposal", collective=True),
                        ByPosition(15, 3),
                        counting=OncePerPeriod("first"),
                    ),
                    Item(
                        "threshold",
                        "门槛",
                        Where("proposal", not_reached=["not_filed"]),
                        Points(1),
                        counting=Threshold(2, "9/2"),
                    ),
                    Item("late", "末位", proposals, Points(6), _LateShare()),
                ],
                cap=80,
            ),
            Category(
                "info",
                "社情民意",
                [
                    Item(
                        "adopted",
                        "采用",
                        Where(
                            "info_report",
                            reached_any=[Reached("adopted", "city"), Reached("instructed")],
                        ),
                        Sum(
                            (
                                ByStage({"issued": 1}),
                                ByLevel(
                                    {"national": 9, "province": 5, "city": "7/2"}, stage="adopted"
                                ),
                            )
                        ),
                        WholeToEach(CollectiveCredit(mode="none")),
                    ),
                    Item(
                        "level",
                        "级别",
                        Where("contribution", levels=["city", "province", "national"]),
                        ByLevel({"national": 8, "province": 6}, default="1/2"),
                    ),
                    Item(
                        "hatch",
                        "函数",
                        Where("contribution"),
                        Function(_length, "length"),
                        EqualSplit(),
                    ),
                    Item(
                        "own",
                        "自定义",
                        Where("contribution"),
                        _Tenth(lambda fact: Fraction(fact.authors, 10), "tenth"),
                        counting=_EveryOther(),
                    ),
                ],
                applies_to=LacksRole("chair"),
            ),
            Category(
                "bonus",
                "加分",
                [Item("extra", "额外", Where("contribution", roles=["first", "sole"]), Points(2))],
                applies_to=AllOf((LacksRole("vice_chair"),)),
            ),
        ],
        pools=[Pool("pool", "加分", ["info", "bonus"], cap="21/2")],
        grades=Grades(
            [
                Band("优秀", 40, requires=["one"]),
                Band("良好", "61/3"),
                Band("称职", 5),
                Band("不称职"),
            ],
            boundary="exclusive",
        ),
        requirements=[
            Requirement("one", "提案一件", [proposals], credit_co_authors=False),
            Requirement(
                "spread",
                "每季度",
                [Where("attendance"), Where("contribution")],
                at_least=2,
                per_quarter=True,
                strength="encouraged",
            ),
            Requirement(
                "standing_seen",
                "常委",
                [Where("attendance")],
                applies_to=HasRole("standing_member"),
            ),
        ],
        triggers=[
            Trigger("absent", "缺席", [Where("attendance", statuses=["unexcused"])], 2, "talk"),
            Trigger(
                "term",
                "届内",
                [Where("attendance", statuses=["excused"])],
                2,
                "warning",
                window="term",
            ),
            ScoreBelow("low", "低分", "15/2", "notice"),
            ConsecutiveYears("twice", "连续", 2, "resign", grade="不称职"),
            ConsecutiveYears("missed", "未完成", 2, "talk", requirement="one"),
        ],
        settings=Settings(conversion="final", assess_members_not_serving=True),
    )


def _presented() -> RuleSet:
    base = _every_block()
    assert base.grades is not None
    return attrs.evolve(
        base,
        name="every-block-presented",
        grades=attrs.evolve(base.grades, basis="presented", boundary="inclusive"),
        settings=Settings(conversion="original"),
        triggers=[t for t in base.triggers if not isinstance(t, Trigger) or t.window == "period"],
    )


def _rule_sets() -> list[RuleSet]:
    found = [r for rule_set in _registered() for r in _readings(rule_set)]
    found.append(
        load_rule_set(
            ROOT / "plugins/cppcc-rules-tongcheng/src/cppcc_rules_tongcheng/tongcheng-2019.toml"
        )
    )
    for name in ("jinchuan", "shandong"):
        module = importlib.import_module(f"rule_examples.{name}")
        found.extend(_readings(module.build_rule_set()))
    found.extend([_every_block(), _presented()])
    return found


RULE_SETS = _rule_sets()
PERIODS = [
    Period(dt.date(2000, 1, 1), dt.date(2035, 12, 31)),
    Period(dt.date(2005, 4, 1), dt.date(2024, 9, 30)),
    Period.year(2020),
]


def same_figures(left: Assessment, right: Assessment) -> None:
    """``left`` and ``right`` agree on the members and every member's figures."""
    assert left.member_ids == right.member_ids
    assert left.not_assessed == right.not_assessed
    assert left.totals() == right.totals()
    assert left.category_points() == right.category_points()
    assert left.grades() == right.grades()
    assert left.requirement_results() == right.requirement_results()
    assert left.flag_ids() == right.flag_ids()


def assert_same(
    ledger_: Ledger,
    rule_set: RuleSet,
    period: Period,
    as_of: dt.date | None,
    *,
    streaming: bool = False,
) -> Assessment | None:
    """Both engines agree on every figure, and a card on demand is the reference's card.

    Where the reference refuses (a term-window trigger with no term in the ledger), the
    columnar engine refuses with the same located error. ``streaming`` runs the columnar
    plan on polars' streaming engine.
    """
    refused: CppccError | None = None
    try:
        reference = assess(ledger_, rule_set, period, as_of=as_of, engine="reference")
    except CppccError as error:
        refused = error
    columnar_run = partial(
        assess, ledger_, rule_set, period, as_of=as_of, engine="columnar", streaming=streaming
    )
    if refused is not None:
        with pytest.raises(type(refused), match=f"^{re.escape(str(refused))}$"):
            columnar_run()
        return None
    columnar = columnar_run()
    same_figures(columnar, reference)
    for member_id in columnar.member_ids[:2]:
        assert columnar.card(member_id) == reference.card(member_id)
    return columnar


@pytest.mark.parametrize(
    "rule_set", RULE_SETS, ids=lambda r: f"{r.name}-{sorted(r.options.items())}"
)
def test_the_columnar_engine_equals_the_reference_on_generated_ledgers(rule_set: RuleSet) -> None:
    same_on_generated_ledgers(rule_set, examples=8)


def same_on_generated_ledgers(rule_set: RuleSet, *, examples: int, streaming: bool = False) -> None:
    """:func:`assert_same` on hypothesis-generated ledgers, periods and as-of days.

    ``examples`` is the default number of examples; ``CPPCC_DIFF_EXAMPLES`` overrides it.
    """

    @settings(
        max_examples=int(os.environ.get("CPPCC_DIFF_EXAMPLES", str(examples))),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(
        ledgers(min_members=1, max_members=6, max_records=8),
        st.sampled_from(PERIODS),
        st.one_of(st.none(), st.dates(dt.date(2001, 1, 1), dt.date(2036, 6, 30))),
    )
    def check(ledger_: Ledger, period: Period, as_of: dt.date | None) -> None:
        assert_same(ledger_, rule_set, period, as_of, streaming=streaming)

    check()


def test_every_block_is_compiled_but_the_escape_hatches() -> None:
    described = dict(line.split(": ", 1) for line in plan_of(_every_block()).describe())
    assert described["hatch"] == "value: row-wise, share: compiled, counting: each"
    assert described["own"] == "row-wise (reference interpreter)"
    assert described["late"] == "value: compiled, share: row-wise, counting: each"
    compiled = {k: v for k, v in described.items() if k not in ("hatch", "own", "late")}
    assert all("row-wise" not in v for v in compiled.values()), compiled


def _golden_paths() -> list[Path]:
    return sorted(ROOT.glob("plugins/*/tests/golden/*.golden.toml"))


@pytest.mark.parametrize("path", _golden_paths(), ids=lambda p: p.name)
def test_the_golden_cases_pass_on_the_columnar_engine(path: Path) -> None:
    registry = RuleSetRegistry()
    for rule_set in _registered():
        registry.add(rule_set)
    case = load_golden_case(path)
    rule_set = case.resolve(registry)
    ledger_ = ledger_from_dict(case.ledger_data, source=str(path))
    columnar = assert_same(ledger_, rule_set, case.period, case.as_of)
    assert columnar is not None
    assert case.mismatches(columnar) == []


# ---------------------------------------------------------------- exactness at scale

_FIRST_HALF = RuleSet(
    jurisdiction="test.shares",
    name="shares",
    title="分成",
    effective_from=D(2000, 1, 1),
    categories=[
        Category(
            "p",
            "提案",
            [
                Item("half", "一半", Where("proposal"), Points("7/3"), FirstShare("1/2")),
                Item("equal", "平分", Where("proposal"), Points(5), EqualSplit()),
                Item(
                    "best",
                    "最高",
                    Where("proposal"),
                    Points(3),
                    FirstShare("2/5"),
                    counting=OncePerPeriod(),
                ),
            ],
            cap=1000,
        )
    ],
    grades=Grades([Band("高", "1/1000"), Band("低")]),
)


def _co_signed(signers: int, groups: Sequence[int]) -> Ledger:
    """One proposal signed by ``signers`` members, and proposals of every size in ``groups``."""
    ids = [f"m{i:05d}" for i in range(signers)]
    proposals = [proposal("big", *ids, on=D(2022, 2, 1))]
    start = 0
    for index, size in enumerate(groups):
        chosen = [ids[(start + k) % signers] for k in range(size)]
        start += size
        proposals.append(proposal(f"p{index:03d}", *chosen, on=D(2022, 3, 1)))
    return ledger([member(i) for i in ids], proposals=proposals)


def _by_hand(data: Ledger) -> dict[str, Fraction]:
    """The totals under ``_FIRST_HALF``, worked out record by record in fractions."""
    half: dict[str, Fraction] = {}
    equal: dict[str, Fraction] = {}
    best: dict[str, Fraction] = {}
    for record in data.proposals:
        k = len(record.member_ids)
        for place, member_id in enumerate(record.member_ids):
            first_half = Fraction(1, 2) if place == 0 else Fraction(1, 2) / (k - 1)
            first_two_fifths = Fraction(2, 5) if place == 0 else Fraction(3, 5) / (k - 1)
            if k == 1:
                first_half = first_two_fifths = Fraction(1)
            half[member_id] = half.get(member_id, Fraction(0)) + Fraction(7, 3) * first_half
            equal[member_id] = equal.get(member_id, Fraction(0)) + Fraction(5, k)
            best[member_id] = max(best.get(member_id, Fraction(0)), 3 * first_two_fifths)
    return {
        m.id: min(Fraction(1000), half.get(m.id, 0) + equal.get(m.id, 0) + best.get(m.id, 0))
        for m in data.members
    }


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(2, 97), min_size=20, max_size=40))
def test_ten_thousand_co_signers_and_mixed_shares_stay_exact(groups: list[int]) -> None:
    """Shares 1/(2(k-1)), 1/k and 3/(5(k-1)) for k up to 10,000: LCMs far beyond 64 bits."""
    data = _co_signed(10_000, groups)
    columnar = assess(data, _FIRST_HALF, Period.year(2022), engine="columnar")
    expected = _by_hand(data)
    assert columnar.totals() == expected
    assert columnar.grades() == {
        m: "高" if total >= Fraction(1, 1000) else "低" for m, total in expected.items()
    }


def test_the_fraction_path_gives_the_same_figures_as_the_integer_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = _co_signed(300, list(range(2, 80)))
    wide = assess(data, _FIRST_HALF, Period.year(2022), engine="columnar")
    monkeypatch.setattr(results_module, "LIMIT", 1 << 12)
    narrow = assess(data, _FIRST_HALF, Period.year(2022), engine="columnar")
    reference = assess(data, _FIRST_HALF, Period.year(2022), engine="reference")
    assert wide.totals() == narrow.totals() == reference.totals()
    assert wide.grades() == narrow.grades() == reference.grades()
    assert narrow.category_points() == reference.category_points()


def test_a_failing_escape_hatch_is_reported_as_the_reference_reports_it() -> None:
    def broken(fact: Fact) -> int:
        raise ZeroDivisionError("boom")

    rule_set = attrs.evolve(
        _FIRST_HALF,
        categories=[
            Category("p", "提案", [Item("x", "x", Where("proposal"), Function(broken, "broken"))])
        ],
        grades=None,
    )
    data = _co_signed(3, [2])
    with pytest.raises(RuleEvaluationError) as columnar:
        assess(data, rule_set, Period.year(2022), engine="columnar")
    with pytest.raises(RuleEvaluationError) as reference:
        assess(data, rule_set, Period.year(2022), engine="reference")
    assert type(columnar.value) is type(reference.value)
    assert str(columnar.value) == str(reference.value)


# ---------------------------------------------------------------- what the plan covers


def test_every_bundled_rule_set_is_scored_by_the_compiled_plan() -> None:
    # a bundled rule set falling back to the reference would be a silent slowdown
    assert {r.name: unsupported(r) for r in RULE_SETS} == {r.name: () for r in RULE_SETS}


def test_a_rule_set_reading_inputs_and_windows_is_left_to_the_reference() -> None:
    from rule_language.example import build_rule_set

    rule_set = build_rule_set()
    reasons = unsupported(rule_set)
    assert any("input" in reason for reason in reasons), reasons
    path = ROOT / "tests/rule_language/cases/inputs.golden.toml"
    case = load_golden_case(path)
    data = ledger_from_dict(case.ledger_data, source=str(path))
    asked = assess(data, rule_set, case.period, as_of=case.as_of, engine="columnar")
    reference = assess(data, rule_set, case.period, as_of=case.as_of, engine="reference")
    assert (asked.engine, reference.engine) == ("reference", "reference")
    assert asked.totals() == reference.totals()
    assert asked.incomplete() == reference.incomplete()
    assert case.mismatches(asked) == []
    plain = assess(data, RULE_SETS[0], case.period, engine="columnar")
    assert plain.engine == "columnar"


_LEAVE = RuleSet(
    jurisdiction="test.leave",
    name="leave",
    title="请假未批准",
    effective_from=D(2000, 1, 1),
    categories=[
        Category(
            "meetings",
            "会议",
            [
                Item(
                    "attend",
                    "出席",
                    Where("attendance"),
                    ByStatus({"出席": 5, "请假": 2, "无故缺席": -3}),
                ),
                Item("absent", "缺席扣分", Where("attendance", statuses=["无故缺席"]), Points(-1)),
            ],
        )
    ],
    requirements=[
        Requirement("none_absent", "无故缺席", [Where("attendance", statuses=["无故缺席"])], 1)
    ],
)


def test_leave_not_approved_counts_as_unexcused_in_both_engines() -> None:
    data = ledger(
        [member("a"), member("b")],
        activities=[
            meeting("m1", "plenary", D(2022, 3, 1), ("a", "请假未批准"), ("b", "出席")),
            meeting("m2", "plenary", D(2022, 6, 1), ("a", "请假"), ("b", "请假未批准")),
        ],
    )
    period = Period.year(2022)
    columnar = assert_same(data, _LEAVE, period, None)
    assert columnar is not None
    assert columnar.engine == "columnar"
    # a: 请假未批准 -3 and -1, 请假 +2 → -2; b: 出席 +5, 请假未批准 -3 and -1 → 1
    assert columnar.totals() == {"a": Fraction(-2), "b": Fraction(1)}
    assert columnar.requirement_results() == {
        "a": {"none_absent": (1, True)},
        "b": {"none_absent": (1, True)},
    }


# ---------------------------------------------------------------- triggers over years


def _attending(year: int, *terms: Term) -> Ledger:
    """One member at one plenary in ``year`` and none proposing: requirement ``one`` unmet."""
    return ledger(
        [member("a")],
        activities=[meeting("x", "plenary", D(year, 3, 1), ("a", "出席"))],
        terms=terms,
    )


def test_years_before_the_terms_first_year_do_not_count_towards_consecutive_years() -> None:
    # a term starting in 2035 with no end: 2034 lies before it, so 'missed' (two years running
    # without a proposal) cannot be raised in 2035 — once a columnar-only flag
    data = _attending(2035, Term(1, D(2035, 1, 1)))
    columnar = assert_same(data, _every_block(), Period.year(2035), None)
    assert columnar is not None
    assert columnar.flag_ids() == {"a": ()}


def test_consecutive_years_inside_one_term_raise_the_flag_in_both_engines() -> None:
    data = _attending(2035, Term(1, D(2034, 1, 1)))
    columnar = assert_same(data, _every_block(), Period.year(2035), None)
    assert columnar is not None
    assert columnar.flag_ids() == {"a": ("missed",)}


def test_a_year_before_the_rule_set_was_in_force_breaks_the_chain() -> None:
    # _presented() is in force from 2000: 1999 is not assessed, so 2000 alone raises nothing
    data = _attending(2000)
    columnar = assert_same(data, _presented(), Period.year(2000), None)
    assert columnar is not None
    assert columnar.flag_ids() == {"a": ()}
    later = assert_same(_attending(2001), _presented(), Period.year(2001), None)
    assert later is not None
    assert later.flag_ids() == {"a": ("missed",)}
