"""The TOML form of the new blocks builds exactly the Python form (a differential property test).

Each example draws the blocks' parameters, writes them as a TOML rule file the way an office
would, loads it, and compares the rule set with the one built in Python.
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from cppcc_model.rules import (
    Category,
    ConsecutiveYears,
    Dimension,
    External,
    Item,
    Ladder,
    Points,
    Requirement,
    RuleSet,
    TooFew,
    Trigger,
    Where,
)
from cppcc_model.rules.toml import loads_rule_set

KEYS = st.sampled_from(["employer_rating", "platform_score", "单位评价"])
MISSING = st.sampled_from(["zero", "pending", "error"])
EACH = st.sampled_from([None, "year", "quarter"])
WINDOW = st.sampled_from(["period", "term"])
HEADER = """jurisdiction = "example.diff"
name = "diff"
title = "差分"
effective_from = 2024-01-01
"""


def _each(each: str | None) -> str:
    return f'each = "{each}"\n' if each else ""


@st.composite
def pairs(draw: st.DrawFn) -> tuple[str, RuleSet]:
    key, missing, given_key, given_missing = draw(KEYS), draw(MISSING), draw(KEYS), draw(MISSING)
    cap = draw(st.integers(1, 50))
    floor = draw(st.integers(-10, 0))
    r_window, r_each, r_least = draw(WINDOW), draw(EACH), draw(st.integers(1, 5))
    t_window, t_each, t_least = draw(WINDOW), draw(EACH), draw(st.integers(1, 5))
    f_window, f_each, f_fewer = draw(WINDOW), draw(EACH), draw(st.integers(1, 5))
    years, consecutive = draw(st.integers(2, 4)), draw(st.booleans())
    line = draw(st.integers(0, 100))
    basis = draw(st.sampled_from(["exact", "presented"]))
    text = (
        HEADER
        + f"""
[[categories]]
id = "given"
label = "录入"
cap = {cap}
given = {{ external = "{given_key}", missing = "{given_missing}" }}

[[categories.items]]
id = "given.item"
label = "录入项"
where = {{ source = "input" }}
value = {{ external = "{key}", missing = "{missing}" }}

[[dimensions]]
id = "d"
label = "维度"
categories = ["given"]
cap = {cap}
floor = {floor}

[[requirements]]
id = "r"
label = "要求"
where = {{ source = "proposal" }}
at_least = {r_least}
window = "{r_window}"
{_each(r_each)}
[[triggers]]
id = "t"
label = "触发"
where = {{ source = "attendance", statuses = ["无故缺席"] }}
at_least = {t_least}
consequence = "talk"
window = "{t_window}"
{_each(t_each)}
[[triggers]]
kind = "too_few"
id = "f"
label = "少于"
where = {{ source = "proposal" }}
fewer_than = {f_fewer}
consequence = "notice"
window = "{f_window}"
{_each(f_each)}
[[triggers]]
kind = "consecutive_years"
id = "y"
label = "多年"
years = {years}
consequence = "resign"
score_below = {line}
basis = "{basis}"
consecutive = {str(consecutive).lower()}

[[triggers]]
kind = "ladder"
id = "l"
label = "阶梯"
rungs = ["t", "f", "y"]
"""
    )
    python = RuleSet(
        jurisdiction="example.diff",
        name="diff",
        title="差分",
        effective_from="2024-01-01",
        categories=[
            Category(
                "given",
                "录入",
                [Item("given.item", "录入项", Where("input"), External(key, missing))],
                cap=cap,
                given=External(given_key, given_missing),
            )
        ],
        dimensions=[Dimension("d", "维度", ["given"], cap=cap, floor=floor)],
        requirements=[
            Requirement("r", "要求", [Where("proposal")], r_least, window=r_window, each=r_each)
        ],
        triggers=[
            Trigger(
                "t",
                "触发",
                [Where("attendance", statuses=["无故缺席"])],
                t_least,
                "talk",
                t_window,
                each=t_each,
            ),
            TooFew("f", "少于", [Where("proposal")], f_fewer, "notice", f_window, f_each),
            ConsecutiveYears(
                "y",
                "多年",
                years,
                "resign",
                score_below=Fraction(line),
                basis=basis,
                consecutive=consecutive,
            ),
            Ladder("l", "阶梯", ["t", "f", "y"]),
        ],
    )
    return text, python


@given(pairs())
def test_the_toml_form_of_the_new_blocks_is_the_python_form(pair: tuple[str, RuleSet]) -> None:
    text, python = pair
    assert loads_rule_set(text, source="diff.toml") == python


def test_a_step_selection_and_a_tag_condition_in_toml() -> None:
    text = (
        HEADER
        + """
[[categories]]
id = "c"
label = "c"
applies_to = { all_of = [{ has_role = "召集人" }, { not = { has_role = "常委" } }] }

[[categories.items]]
id = "c.tracked"
label = "跟踪落实"
where = { source = "proposal", step_in_period = "跟踪落实" }
value = { points = 2 }
"""
    )
    from cppcc_model.rules import AllOf, HasRole, Not

    python = RuleSet(
        jurisdiction="example.diff",
        name="diff",
        title="差分",
        effective_from="2024-01-01",
        categories=[
            Category(
                "c",
                "c",
                [
                    Item(
                        "c.tracked",
                        "跟踪落实",
                        Where("proposal", step_in_period="tracked"),
                        Points(2),
                    )
                ],
                applies_to=AllOf((HasRole("召集人"), Not(HasRole("standing_member")))),
            )
        ],
    )
    assert loads_rule_set(text) == python
