"""Determinism: the same data in any row or record order, and any plugin load order, gives
byte-identical assessment JSON.

Rows of every CSV table are shuffled (a child table keeps the order of each parent's rows, which
is meaningful: a proposal's steps, a member's roles); records of every JSON list are shuffled;
the bundled rule plugins are loaded in every order. The JSON output compared is
``json.dumps(assessment.to_dict(), sort_keys=True, ensure_ascii=False)``.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cppcc_model.assess import assess
from cppcc_model.io import json as ledger_json
from cppcc_model.io.dataset import load_dataset, write_dataset
from cppcc_model.ledger import Ledger
from cppcc_model.model import Period
from cppcc_model.plugins import load_plugins
from cppcc_model.rules import RuleSet
from cppcc_model.testing.strategies import EARLIEST, LATEST, ledgers
from reliability._support import bundled_plugins, bundled_rule_sets, fuzz, good_ledger

PLUGINS = bundled_plugins()
RULE_SETS = bundled_rule_sets()

CHILD_TABLES = {
    "roles.csv": "member_id",
    "attendance.csv": "activity_id",
    "proposal_events.csv": "proposal_id",
    "info_events.csv": "report_id",
    "work_items.csv": "plan_id",
}


def output(ledger: Ledger, rule_set: RuleSet, year: int | None) -> str:
    """The assessment's JSON text, as the issue fixes it (``None``: the strategies' whole span)."""
    period = Period.year(year) if year is not None else Period(EARLIEST, LATEST)
    assessment = assess(ledger, rule_set, period)
    return json.dumps(assessment.to_dict(), sort_keys=True, ensure_ascii=False)


def outputs(ledger: Ledger, year: int | None) -> list[str]:
    texts = [output(ledger, rule_set, year) for rule_set in RULE_SETS]
    if year is None and ledger.members:
        assert all('"cards": [{' in text for text in texts), "every member was scored"
    return texts


def shuffle_rows(path: Path, parent: str | None, rng: random.Random) -> None:
    """Shuffle the data rows of one CSV file; rows of one parent keep their order."""
    text = path.read_text(encoding="utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(text)))
    keys = [rng.random() for _ in rows]
    if parent is not None and parent in header:
        column = header.index(parent)
        groups: dict[str, list[int]] = {}
        for index, row in enumerate(rows):
            groups.setdefault(row[column], []).append(index)
        for members in groups.values():  # give each parent's rows its sorted keys, in order
            for index, key in zip(members, sorted(keys[i] for i in members), strict=True):
                keys[index] = key
    order = sorted(range(len(rows)), key=keys.__getitem__)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows[i] for i in order)
    path.write_text(out.getvalue(), encoding="utf-8")


def shuffle_csv_dataset(directory: Path, rng: random.Random) -> None:
    for path in sorted(directory.glob("*.csv")):
        shuffle_rows(path, CHILD_TABLES.get(path.name), rng)


def shuffle_records(document: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """The JSON form with every record list (and every roll call) in a random order."""
    for value in document.values():
        if isinstance(value, list):
            rng.shuffle(value)
    for activity in document.get("activities", []):
        rng.shuffle(activity.get("attendance", []))
    return document


YEARS = st.one_of(st.none(), st.integers(2018, 2026))


@fuzz(15)
@given(
    ledger=ledgers(min_members=1, max_members=6, max_records=6),
    seed=st.integers(0, 2**32),
    year=YEARS,
)
def test_csv_rows_in_any_order_give_byte_identical_output(
    tmp_path_factory: pytest.TempPathFactory, ledger: Ledger, seed: int, year: int
) -> None:
    folder = tmp_path_factory.mktemp("order")
    write_dataset(ledger, folder / "a", "csv")
    write_dataset(ledger, folder / "b", "csv")
    shuffle_csv_dataset(folder / "b", random.Random(seed))
    assert outputs(load_dataset(folder / "b"), year) == outputs(load_dataset(folder / "a"), year)


@fuzz(25)
@given(
    ledger=ledgers(min_members=1, max_members=6, max_records=6),
    seed=st.integers(0, 2**32),
    year=YEARS,
)
def test_json_records_in_any_order_give_byte_identical_output(
    ledger: Ledger, seed: int, year: int
) -> None:
    document = shuffle_records(ledger_json.ledger_to_dict(ledger), random.Random(seed))
    shuffled = ledger_json.loads(json.dumps(document, ensure_ascii=False))
    assert outputs(shuffled, year) == outputs(ledger, year)


def test_the_good_dataset_reversed_gives_the_same_bytes_as_its_json_form(tmp_path: Path) -> None:
    """CSV rows reversed and the JSON form of the same data: one output, to the byte."""
    ledger = good_ledger()
    write_dataset(ledger, tmp_path / "csv", "csv")
    shuffle_csv_dataset(tmp_path / "csv", random.Random(7))
    write_dataset(ledger, tmp_path / "ledger.json", "json")
    from_csv = outputs(load_dataset(tmp_path / "csv"), 2023)
    from_json = outputs(load_dataset(tmp_path / "ledger.json"), 2023)
    assert from_csv == from_json
    assert all('"cards": [{' in text for text in from_csv), "members were scored"


@pytest.mark.parametrize(
    "order", list(itertools.permutations(range(len(PLUGINS)))), ids=lambda o: "-".join(map(str, o))
)
def test_any_plugin_load_order_gives_the_same_registry_and_byte_identical_output(
    order: tuple[int, ...],
) -> None:
    plugins = load_plugins([PLUGINS[i] for i in order], entry_points=False)
    reference = load_plugins(PLUGINS, entry_points=False)
    assert [r.name for r in plugins.rule_sets] == [r.name for r in reference.rule_sets]
    assert plugins.rule_sets.jurisdictions() == reference.rule_sets.jurisdictions()
    ledger = good_ledger()
    for jurisdiction in reference.rule_sets.jurisdictions():
        mine = plugins.rule_sets.resolve(jurisdiction, Period.year(2023).end)
        theirs = reference.rule_sets.resolve(jurisdiction, Period.year(2023).end)
        assert mine.plugin == theirs.plugin
        assert output(ledger, mine, 2023) == output(ledger, theirs, 2023)


def test_the_same_assessment_twice_is_the_same_bytes() -> None:
    ledger = good_ledger()
    assert outputs(ledger, 2023) == outputs(ledger, 2023)
