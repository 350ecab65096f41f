"""Fuzzing TOML rule files: random text and mutations of a valid file.

A rule file either builds a rule set — which then scores the good dataset without any
exception outside :class:`CppccError` — or raises one :class:`RuleFileError` whose problems all
name the file. Mutations delete, duplicate or insert lines and replace any value with another
TOML value (text, numbers, floats, dates, arrays, inline tables, labels).
"""

from __future__ import annotations

from hypothesis import given, note
from hypothesis import strategies as st

from cppcc_model.assess import assess
from cppcc_model.errors import CppccError
from cppcc_model.model import Period
from cppcc_model.rules.toml import RuleFileError, loads_rule_set
from reliability._support import CORPUS, attempt, fuzz, good_ledger, raise_unless_known

SOURCE = "fuzz.toml"
BASE = (CORPUS / "toml" / "toml_base_loads.toml").read_text("utf-8")
RICH = (
    BASE
    + """
[[categories]]
id = "meetings"
label = "会议"
clause = "第三条(一)"
base = 10
floor = 0

[[categories.items]]
id = "meetings.plenary"
label = "全体会议"
where = { source = "attendance", kinds = ["全体会议"] }
value = { by_status = { "出席" = 5, "请假" = 2, "无故缺席" = -5 } }
counting = { at_most = 3 }
cap = "12.5"

[[pools]]
id = "all"
label = "合计"
categories = ["proposals", "meetings"]
cap = 30

[[triggers]]
kind = "score_below"
id = "low"
label = "低分预警"
threshold = "5.5"
consequence = "预警"
"""
)

TOML_VALUES = st.one_of(
    st.sampled_from(
        [
            "0",
            "-1",
            "3",
            "99999999999999999999",
            "1.5",
            "inf",
            "nan",
            "true",
            "false",
            '""',
            '"1/3"',
            '"12.5"',
            '"abc"',
            '"提案"',
            '"出席"',
            '"請假"',
            '"proposal"',
            '"meeting"',
            '"inclusive"',
            '"exclusive"',
            '"presented"',
            "2023-01-01",
            "2023-01-01T08:00:00",
            "08:00:00",
            "[]",
            "[1, 2]",
            '["proposals"]',
            "{}",
            "{ points = 1 }",
            '{ source = "proposal" }',
            '{ function = "os.system" }',
        ]
    ),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=8).map(
        lambda text: '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    ),
)


@st.composite
def mutated_rule_files(draw: st.DrawFn) -> str:
    """The rich rule file with one to four line-level mutations."""
    lines = draw(st.sampled_from([BASE, RICH])).splitlines()
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["value", "value", "value", "delete", "duplicate", "insert"]))
        line = lines[index]
        if kind == "value" and "=" in line and not line.startswith("["):
            key = line.split("=", 1)[0]
            lines[index] = f"{key}= {draw(TOML_VALUES)}"
        elif kind == "delete":
            del lines[index]
        elif kind == "duplicate":
            lines.insert(index, line)
        elif kind == "insert":
            key = draw(
                st.sampled_from(["id", "label", "cap", "base", "where", "colour", "at_least"])
            )
            lines.insert(index, f"{key} = {draw(TOML_VALUES)}")
        if not lines:
            lines = [""]
    return "\n".join(lines) + "\n"


def _check(text: str) -> None:
    rule_set, error = attempt(lambda: loads_rule_set(text, source=SOURCE))
    if error is not None:
        raise_unless_known(error, RuleFileError)
        if isinstance(error, RuleFileError):
            assert error.problems
            for problem in error.problems:
                assert problem.where.file == SOURCE, problem
                assert problem.message.strip()
            str(error)
        return
    # a rule set that loads can be used: it scores, or fails as a CppccError
    _, failure = attempt(lambda: assess(good_ledger(), rule_set, Period.year(2023)))
    if failure is not None:
        raise_unless_known(failure, CppccError)


@fuzz(120)
@given(text=mutated_rule_files())
def test_mutated_rule_files_load_or_fail_with_located_problems(text: str) -> None:
    note(text)
    _check(text)


@fuzz(60)
@given(text=st.text(max_size=300))
def test_random_text_never_escapes_as_another_error(text: str) -> None:
    _check(text)


def test_the_rich_base_file_loads_and_scores() -> None:
    rule_set = loads_rule_set(RICH, source=SOURCE)
    result = assess(good_ledger(), rule_set, Period.year(2023))
    assert [card.member_id for card in result.cards] == ["m1", "m2", "m3"]
