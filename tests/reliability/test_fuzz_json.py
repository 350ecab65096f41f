"""Fuzzing the JSON ledger loader: random text and structure-aware mutations of valid ledgers.

Every document either loads into a whole ledger (which writes back to the same text) or raises
one :class:`DatasetError` whose problems all name the file — no other exception, nothing half
loaded. Valid ledgers come from :func:`cppcc_model.testing.strategies.ledgers`; mutations set a
value anywhere to any JSON value, delete or rename a key, duplicate, drop or reorder records.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, note
from hypothesis import strategies as st

from cppcc_model.errors import DatasetError
from cppcc_model.io import json as ledger_json
from cppcc_model.ledger import Ledger
from cppcc_model.testing.strategies import ledgers
from reliability._support import attempt, fuzz, good_ledger, raise_unless_known

SOURCE = "fuzz.json"

JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([0, -1, 2**63, 1.5, 2.0, -0.0, 1e308]),
    st.text(max_size=8),
    st.sampled_from(
        [
            "",
            "m1",
            "m9",
            "2023-01-05",
            "2023/01/05",
            "2023-02-30",
            "请假",
            "請假",
            "present",
            "PRESENT",
            "plenary",
            "county",
            "村",
            "1/3",
        ]
    ),
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


def _containers(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths of every object and list in ``value``."""
    found: list[tuple[Any, ...]] = []
    if isinstance(value, dict):
        found.append(path)
        for key, item in value.items():
            found.extend(_containers(item, (*path, key)))
    elif isinstance(value, list):
        found.append(path)
        for index, item in enumerate(value):
            found.extend(_containers(item, (*path, index)))
    return found


def _at(value: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        value = value[part]
    return value


@st.composite
def mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid ledger's JSON form with one to three mutations."""
    base = draw(st.one_of(st.just(good_ledger()), ledgers(max_members=4, max_records=3)))
    document: dict[str, Any] = ledger_json.ledger_to_dict(base)
    for _ in range(draw(st.integers(1, 3))):
        paths = _containers(document)
        container = _at(document, draw(st.sampled_from(paths)))
        kind = draw(st.sampled_from(["set", "set", "delete", "rename", "duplicate", "reverse"]))
        note(f"{kind} in {type(container).__name__}")
        if isinstance(container, dict) and container:
            key = draw(st.sampled_from(sorted(container)))
            if kind == "delete":
                del container[key]
            elif kind == "rename":
                container[draw(st.text(max_size=6))] = container.pop(key)
            else:
                container[key] = draw(JSON_VALUES)
        elif isinstance(container, list) and container:
            index = draw(st.integers(0, len(container) - 1))
            if kind == "delete":
                del container[index]
            elif kind == "duplicate":
                container.append(json.loads(json.dumps(container[index])))
            elif kind == "reverse":
                container.reverse()
            else:
                container[index] = draw(JSON_VALUES)
    return document


def _check(text: str) -> None:
    ledger, error = attempt(lambda: ledger_json.loads(text, source=SOURCE))
    if error is not None:
        raise_unless_known(error, DatasetError)
        if isinstance(error, DatasetError):
            assert error.problems
            for problem in error.problems:
                assert problem.where.file == SOURCE, problem
                assert problem.message.strip()
            str(error)
        return
    assert isinstance(ledger, Ledger)
    assert ledger_json.loads(ledger_json.dumps(ledger)) == ledger  # whole, not half loaded


@fuzz(80)
@given(document=mutated_documents())
def test_mutated_ledgers_load_whole_or_fail_with_located_problems(document: dict[str, Any]) -> None:
    _check(json.dumps(document, ensure_ascii=False))


@fuzz(60)
@given(text=st.one_of(st.text(max_size=200), JSON_VALUES.map(json.dumps)))
def test_random_text_never_escapes_as_another_error(text: str) -> None:
    _check(text)


@fuzz(40)
@given(
    cut=st.integers(0, 10_000),
    insert=st.sampled_from(["", ",", "}", "]", '"', "\\", "\x00", "\ufeff", "NaN", "1e999"]),
)
def test_damaged_ledger_text_never_escapes_as_another_error(cut: int, insert: str) -> None:
    text = ledger_json.dumps(good_ledger())
    position = cut % (len(text) + 1)
    _check(text[:position] + insert + text[position + 1 :])
