"""``[[awards]]`` in TOML rule files, differential-tested against the Python form."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cppcc_model.assess.awards import Candidate, select_winners
from cppcc_model.rules import ByStage, Where
from cppcc_model.rules.award_gates import AnyOfRecords, Exclusion, Periods, TieBreak
from cppcc_model.rules.awards import Award, Composition, Quota
from cppcc_model.rules.quotas import RankGate
from cppcc_model.rules.toml import RuleFileError, loads_rule_set

HEADER = """
jurisdiction = "example.county"
name = "awards"
title = "表彰"
effective_from = 2024-01-01

[[categories]]
id = "proposals"
label = "提案"

[[categories.items]]
id = "proposals.each"
label = "每件提案10分"
where = { source = "proposal" }
value = { points = 10 }

[[requirements]]
id = "one_proposal"
label = "至少一件提案"
where = { source = "proposal" }
"""

FILE = (
    HEADER
    + """
[[awards]]
id = "excellent_member"
label = "优秀政协委员"
subject = "member"
clause = "第五条"
quota = { at_least = "8/100", at_most = "1/10", of = "assessed", at_most_rounding = "half_up" }
order = "highest"
ties = "name_order"
requires = ["one_proposal"]
exclude_roles = ["chair"]
minimum_score = "60.5"
rank_gate = { share = "3/10" }
decided_on = "03-31"
periods = { count = 2, combine = "mean" }
where = { any_of = [{ source = "proposal" }, { source = "info_report", reached = ["adopted"] }] }

[[awards.tie_breakers]]
by = "category:proposals"
label = "提案得分高者优先"

[[awards.tie_breakers]]
by = "records"
label = "立案提案多者优先"
where = { source = "proposal", reached = ["filed"] }

[[awards.exclude]]
reason = "受到党纪政务处分"
input = "discipline"
clause = "第七条"

[[awards.exclude]]
reason = "无故缺席三次"
flag = "warn"

[[awards]]
id = "good_proposal"
label = "年度好提案"
subject = "提案"
quota = { share = "1/100", of = "submitted", tolerance = "1/200" }
value = { by_stage = { filed = 1, adopted = 3 } }
where = { source = "proposal", reached = ["filed"] }

[[awards.composition]]
label = "集体提案不少于20%"
tag = "collective"
at_least = "1/5"

[[awards]]
id = "bottom"
label = "末位提醒"
subject = "member"
order = "末位"
quota = { count = 2 }
ties = "include"
maximum_score = 30
periods = { count = 2, combine = "each" }
"""
)

PYTHON = (
    Award(
        "excellent_member",
        "优秀政协委员",
        "member",
        Quota(at_least="8/100", at_most="1/10", of="assessed", at_most_rounding="half_up"),
        clause="第五条",
        ties="name_order",
        requires=["one_proposal"],
        exclude_roles=["chair"],
        minimum_score="60.5",
        rank_gate=RankGate(share="3/10"),
        decided_on="03-31",
        periods=Periods(2, "mean"),
        where=AnyOfRecords(Where("proposal"), Where("info_report", reached=["adopted"])),
        tie_breakers=[
            TieBreak("category:proposals", "提案得分高者优先"),
            TieBreak("records", "立案提案多者优先", where=Where("proposal", reached=["filed"])),
        ],
        exclude=[
            Exclusion("受到党纪政务处分", input="discipline", clause="第七条"),
            Exclusion("无故缺席三次", flag="warn"),
        ],
    ),
    Award(
        "good_proposal",
        "年度好提案",
        "proposal",
        Quota(share="1/100", of="submitted", tolerance="1/200"),
        value=ByStage({"filed": 1, "adopted": 3}),
        where=Where("proposal", reached=["filed"]),
        composition=[Composition("集体提案不少于20%", "collective", "1/5")],
    ),
    Award(
        "bottom",
        "末位提醒",
        "member",
        Quota(count=2),
        order="lowest",
        ties="include",
        maximum_score=30,
        periods=Periods(2, "each"),
    ),
)


def test_every_award_block_reads_as_its_python_twin() -> None:
    rule_set = loads_rule_set(FILE, source="awards.toml")
    assert rule_set.awards == PYTHON


def test_an_awards_only_rule_file_needs_no_categories() -> None:
    text = """
jurisdiction = "national"
name = "awards-only"
title = "评选"
effective_from = 2019-12-18

[[awards]]
id = "duty"
label = "优秀履职奖"
subject = "member"
quota = { count = 20 }
"""
    assert loads_rule_set(text).awards[0].quota == Quota(count=20)


@pytest.mark.parametrize(
    ("award", "line", "key", "message"),  # line: lines after [[awards]]
    [
        ('quota = { count = 3 }\nties = "random"', 5, "awards[0].ties", "tie policy 'random'"),
        ("quota = { count = 3.5 }", 4, "awards[0].quota.count", "expected a whole number"),
        ('quota = { share = "1/10", of = "members" }', 4, "awards[0].quota", "denominator"),
        (
            "quota = { count = 3 }\nrank_gate = { share = 0.3 }",
            5,
            "awards[0].rank_gate.share",
            "float",
        ),
        (
            'quota = { count = 3 }\n[[awards.exclude]]\nreason = "x"\nflag = "a"\ninput = "b"',
            5,
            "awards[0].exclude[0]",
            "names 2 grounds",
        ),
        (
            'quota = { count = 3 }\nwhere = { any_of = [{ kinds = ["x"] }] }',
            5,
            "awards[0].where.any_of[0]",
            "source",
        ),
        ("", 0, "awards[0]", "needs a quota"),
    ],
)
def test_award_problems_have_their_line_and_key(
    award: str, line: int, key: str, message: str
) -> None:
    text = HEADER + '\n[[awards]]\nid = "x"\nlabel = "x"\nsubject = "member"\n' + award + "\n"
    with pytest.raises(RuleFileError) as caught:
        loads_rule_set(text, source="bad.toml")
    (problem,) = caught.value.problems
    assert message in problem.message
    assert problem.where.key == key
    awards_line = HEADER.count("\n") + 2  # the [[awards]] line; line counts from it
    assert problem.where.line == awards_line + line


# ---------------------------------------------------------------- differential property


def _toml_value(value: object) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def _inline(table: dict[str, object]) -> str:
    return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in table.items()) + " }"


quota_specs = st.one_of(
    st.fixed_dictionaries({"count": st.integers(0, 6)}),
    st.fixed_dictionaries(
        {
            "share": st.sampled_from(["1/10", "1/4", "1/2"]),
            "of": st.sampled_from(["eligible", "assessed", "candidates", "population"]),
            "rounding": st.sampled_from(["half_up", "up", "down"]),
        }
    ),
    st.fixed_dictionaries(
        {
            "at_least": st.sampled_from(["1/10", "1/5"]),
            "at_most": st.sampled_from(["1/4", "1/2"]),
            "at_least_rounding": st.sampled_from(["half_up", "up", "down"]),
            "at_most_rounding": st.sampled_from(["half_up", "up", "down"]),
        }
    ),
    st.fixed_dictionaries(
        {"share": st.sampled_from(["1/5", "1/3"]), "tolerance": st.sampled_from(["1/20", "1/10"])}
    ),
)


@st.composite
def award_specs(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "quota": draw(quota_specs),
        "order": draw(st.sampled_from(["highest", "lowest"])),
        "ties": draw(st.sampled_from(["exclude", "include", "name_order"])),
        "gate": draw(st.one_of(st.none(), st.sampled_from(["1/2", "3/4"]))),
        "minimum": draw(st.one_of(st.none(), st.integers(0, 4))),
        "breaker": draw(st.booleans()),
    }


def _python(spec: dict[str, Any]) -> Award:
    return Award(
        "x",
        "奖",
        "member",
        Quota(**spec["quota"]),
        order=spec["order"],
        ties=spec["ties"],
        rank_gate=None if spec["gate"] is None else RankGate(share=spec["gate"]),
        minimum_score=spec["minimum"],
        tie_breakers=[TieBreak("category:a", "甲类得分")] if spec["breaker"] else [],
    )


def _toml(spec: dict[str, Any]) -> str:
    lines = [
        "[[awards]]",
        'id = "x"',
        'label = "奖"',
        'subject = "member"',
        f"quota = {_inline(spec['quota'])}",
        f'order = "{spec["order"]}"',
        f'ties = "{spec["ties"]}"',
    ]
    if spec["gate"] is not None:
        lines.append(f'rank_gate = {{ share = "{spec["gate"]}" }}')
    if spec["minimum"] is not None:
        lines.append(f"minimum_score = {spec['minimum']}")
    if spec["breaker"]:
        lines += ["[[awards.tie_breakers]]", 'by = "category:a"', 'label = "甲类得分"']
    return HEADER + "\n" + "\n".join(lines) + "\n"


@settings(max_examples=120, deadline=None)
@given(award_specs(), st.lists(st.tuples(st.integers(0, 6), st.integers(0, 2)), max_size=14))
def test_toml_and_python_awards_are_equal_and_select_alike(
    spec: dict[str, Any], scores: list[tuple[int, int]]
) -> None:
    python = _python(spec)
    (loaded,) = loads_rule_set(_toml(spec)).awards
    assert loaded == python
    pool = [
        Candidate(f"m{i:02d}", f"王{i}", Fraction(s), keys={"category:a": Fraction(k)})
        for i, (s, k) in enumerate(scores)
    ]
    assert select_winners(loaded, pool).to_dict() == select_winners(python, pool).to_dict()


def test_the_reference_example_loads() -> None:
    from pathlib import Path

    page = Path(__file__).resolve().parents[1] / "docs" / "reference" / "toml-rules.md"
    section = page.read_text(encoding="utf-8").split("## `[[awards]]`", 1)[1]
    block = section.split("```toml\n", 1)[1].split("\n```", 1)[0]
    (award,) = loads_rule_set(HEADER + "\n" + block + "\n").awards
    assert award.rank_gate == RankGate(share="3/10")
    assert award.tie_breakers[0].label == "提案得分高者优先"
    assert award.exclude[0].input == "discipline"


def test_the_groups_and_awards_page_has_a_toml_twin_of_its_first_example() -> None:
    from pathlib import Path

    page = Path(__file__).resolve().parents[1] / "docs" / "groups-and-awards.md"
    section = page.read_text(encoding="utf-8").split("## Awards in TOML and in golden cases", 1)[1]
    block = section.split("```toml\n", 1)[1].split("\n```", 1)[0]
    (award,) = loads_rule_set(HEADER + "\n" + block + "\n").awards
    assert award == Award(
        "x",
        "优秀委员",
        "member",
        Quota(count=3),
        ties="exclude",
        tie_breakers=[TieBreak("category:proposals", "提案得分高者优先")],
    )
