"""JSON Schemas: generated from the loaders' declarations, published, and true to the examples."""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from cppcc_model.errors import DatasetError
from cppcc_model.io._tables_schema import KEY_COLUMN, VALUE_COLUMN, table_named
from cppcc_model.io.dataset import load_dataset
from cppcc_model.io.json import ledger_from_dict, ledger_to_dict
from cppcc_model.io.rows import ledger_from_tables
from cppcc_model.io.schema import all_schemas, ledger_schema, schema_text, table_schema
from cppcc_model.labels import normalize_label
from cppcc_model.testing.strategies import ledgers

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = ROOT / "docs" / "schemas"
EXAMPLES = sorted(p for p in (ROOT / "examples").glob("*/dataset") if p.is_dir())


def validator(schema: dict[str, Any]) -> Any:
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_the_published_schemas_are_the_generated_ones() -> None:
    published = {
        path.relative_to(PUBLISHED).as_posix(): path.read_text(encoding="utf-8")
        for path in PUBLISHED.rglob("*.json")
    }
    generated = {name: schema_text(schema) for name, schema in all_schemas().items()}
    stale = sorted(name for name in generated if published.get(name) != generated[name])
    extra = sorted(set(published) - set(generated))
    fix = "run `python -m cppcc_model.io.schema docs/schemas` and commit the result"
    assert not stale, f"docs/schemas is stale ({stale}): {fix}"
    assert not extra, f"docs/schemas has files the code does not generate ({extra}): {fix}"


def test_every_schema_is_valid_json_schema() -> None:
    for schema in all_schemas().values():
        jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_the_json_form_of_every_example_meets_the_ledger_schema(example: Path) -> None:
    errors = list(validator(ledger_schema()).iter_errors(ledger_to_dict(load_dataset(example))))
    assert errors == []


def test_the_quickstart_json_meets_the_ledger_schema() -> None:
    document = json.loads((ROOT / "examples" / "quickstart" / "ledger.json").read_text("utf-8"))
    assert list(validator(ledger_schema()).iter_errors(document)) == []


@settings(max_examples=25)
@given(ledgers())
def test_the_json_form_of_any_ledger_meets_the_schema(ledger: Any) -> None:
    assert list(validator(ledger_schema()).iter_errors(ledger_to_dict(ledger))) == []


def test_what_the_schema_refuses_the_loader_refuses_too() -> None:
    document = ledger_to_dict(load_dataset(ROOT / "examples" / "xiangzhou" / "dataset"))
    check = validator(ledger_schema())
    for path, value in (
        (("members", 0, "nickname"), "x"),  # an unknown key
        (("members", 0, "gender"), "unknown"),  # not a label
        (("proposals", 0, "submitted_on"), "2022/5/3"),  # not an ISO date
        (("terms", 0, "number"), "5"),  # text for a whole number
    ):
        broken = copy.deepcopy(document)
        target = broken
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value
        assert list(check.iter_errors(broken)), path
        with pytest.raises(DatasetError):
            ledger_from_dict(broken)


def csv_rows(path: Path) -> tuple[str, list[dict[str, str]]]:
    """A CSV table's rows keyed by English column names, empty cells left out."""
    table = table_named(path.stem)
    assert table is not None
    headers = (
        {normalize_label(h): c.name for c in (KEY_COLUMN, VALUE_COLUMN) for h in c.headers}
        if table.key_value
        else {key: column.name for key, column in table.header_index.items()}
    )
    with open(path, encoding="utf-8-sig", newline="") as stream:
        rows = [
            {headers[normalize_label(k)]: v for k, v in row.items() if v and v.strip()}
            for row in csv.DictReader(stream)
        ]
    return table.name, rows


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_every_table_of_every_example_meets_its_table_schema(example: Path) -> None:
    document = dict(csv_rows(path) for path in sorted(example.glob("*.csv")))
    assert document
    for name, rows in document.items():
        errors = [e.message for e in validator(table_schema(name)).iter_errors(rows)]
        assert errors == [], name
    assert list(validator(all_schemas()["tables.schema.json"]).iter_errors(document)) == []
    assert ledger_from_tables(document) == load_dataset(example)  # and they load as they are


def test_a_table_schema_refuses_an_unknown_column_and_a_missing_required_one() -> None:
    check = validator(table_schema("members"))
    assert list(check.iter_errors([{"id": "m1", "name": "张三", "sector_id": "econ"}])) == []
    assert list(check.iter_errors([{"id": "m1", "name": "张三"}]))  # sector_id is required
    assert list(check.iter_errors([{"id": "m1", "name": "张三", "sector_id": "e", "nmae": 1}]))
    schema = table_schema("members")
    assert schema["items"]["x-cppcc-headers"]["name"][0] == "姓名"
    with pytest.raises(KeyError):
        table_schema("member")
