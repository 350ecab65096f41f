"""JSON Schemas of the data the loaders read, generated from the declarations they read it by.

* :func:`ledger_schema` — the JSON form of a ledger (:mod:`cppcc_model.io.json`), walked from
  the attrs classes of the model that the JSON converter structures: one ``$defs`` entry per
  class, a property per field (required when the field has no default), enumerations as the
  spellings :meth:`~cppcc_model.labels.LabeledEnum.parse` knows, unknown keys forbidden.
* :func:`table_schema` — one table of the dataset format as rows (JSON objects keyed by the
  English column names), from :data:`~cppcc_model.io.tables.TABLES`: each column's cell kind,
  whether it is required, its Chinese header and aliases (``x-cppcc-headers``).
* :func:`tables_schema` — every table at once, as :func:`~cppcc_model.io.rows.ledger_from_tables`
  takes them.

The schemas are JSON Schema draft 2020-12. They describe the canonical spellings; the loaders
are more lenient still (traditional characters and any case in labels, Chinese headers, dates
written ``2022/5/3``), and they check what no schema can: references between records, dates
in order, duplicate ids. ``python -m cppcc_model.io.schema DIRECTORY`` writes them all
(``ledger.schema.json``, ``tables.schema.json``, ``tables/<table>.schema.json``); the
documentation publishes them under ``docs/schemas/``.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import types
import typing
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs

from cppcc_model.io._tables_schema import KEY_COLUMN, TABLES, VALUE_COLUMN, CellKind, Column, Table
from cppcc_model.io.atomic import atomic_write_text
from cppcc_model.io.json import FORMAT, VERSION
from cppcc_model.labels import LabeledEnum
from cppcc_model.ledger import Ledger
from cppcc_model.model import Period

__all__ = [
    "DIALECT",
    "all_schemas",
    "ledger_schema",
    "schema_text",
    "table_schema",
    "tables_schema",
    "write_schemas",
]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of every schema here."""

_ID_BASE = "https://cppcc-model.readthedocs.io/schemas/"
_ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
_EXACT = r"\S"
"""An exact number as text (8, -2, 8.5, 17/2): the loader reads it exactly, never as a float;
the schema only asks for text, since the loader also reads full-width digits and separators."""
_CELL_DATE = (
    r"^\s*\d{4}(?:([-/.])\d{1,2}\1\d{1,2}|\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?|\d{4})"
    r"(?:[ T]0{1,2}:00(?::00(?:\.0+)?)?)?\s*$"
)


def _spellings(enum_type: type[LabeledEnum]) -> list[str]:
    """Every spelling of every member, as :meth:`LabeledEnum.parse` knows them, in order."""
    seen: dict[str, None] = {}
    for member in enum_type:
        for text in (member.value, member.label, member.name, *member.aliases):
            seen.setdefault(text, None)
    return list(seen)


def _enum_schema(enum_type: type[LabeledEnum]) -> dict[str, Any]:
    members = ", ".join(f"{m.value} ({m.label})" for m in enum_type)
    return {
        "type": "string",
        "enum": _spellings(enum_type),
        "description": f"{enum_type.kind_label}: {members}",
    }


# ---------------------------------------------------------------------- the JSON ledger


class _Walker:
    """Builds the schema of attrs classes, each once, under ``$defs``."""

    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def of(self, type_: Any) -> dict[str, Any]:
        if type_ is str:
            return {"type": "string"}
        if type_ is bool:
            return {"type": "boolean"}
        if type_ is int:
            return {"type": "integer"}
        if type_ is dt.date:
            return {"type": "string", "format": "date", "pattern": _ISO_DATE}
        if type_ is Fraction:  # an exact number: a whole number, or text ("8.5", "17/2")
            return {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": _EXACT}]}
        if type_ is Period:  # a period as text: 2023, 2023-Q3, 2023-H1, START..END
            return {"type": "string", "pattern": r"\S"}
        if isinstance(type_, type) and issubclass(type_, LabeledEnum):
            return _enum_schema(type_)
        origin = typing.get_origin(type_)
        args = typing.get_args(type_)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.of(args[0])}
        if origin in (typing.Union, types.UnionType):
            options = [self.of(arg) for arg in args if arg is not type(None)]
            if type(None) in args:
                options.append({"type": "null"})
            return options[0] if len(options) == 1 else {"anyOf": options}
        if isinstance(type_, type) and attrs.has(type_):
            return self.define(type_)
        raise TypeError(f"no JSON Schema for the field type {type_!r}")

    def define(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # a placeholder, so a class that holds itself terminates
            hints = typing.get_type_hints(cls)
            properties: dict[str, Any] = {}
            required: list[str] = []
            for field in attrs.fields(cls):
                if not field.init:
                    continue
                key = field.alias or field.name
                properties[key] = self.of(hints[field.name])
                if field.default is attrs.NOTHING:
                    required.append(key)
            doc = (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
            self.defs[name] = {
                "type": "object",
                "title": name,
                "description": doc,
                "properties": properties,
                "required": required,
                "additionalProperties": False,
            }
        return {"$ref": f"#/$defs/{name}"}


def ledger_schema() -> dict[str, Any]:
    """The JSON Schema of the JSON form of a ledger (``{"format": "cppcc-ledger", …}``)."""
    walker = _Walker()
    walker.define(Ledger)
    body = walker.defs.pop("Ledger")
    properties = {
        "format": {"const": FORMAT},
        "version": {"const": VERSION},
        **body["properties"],
    }
    return {
        "$schema": DIALECT,
        "$id": f"{_ID_BASE}ledger.schema.json",
        "title": "cppcc-ledger",
        "description": "One committee's ledger (台账) in the JSON form of cppcc-model: "
        "docs/reference/json-format.md describes every key.",
        "type": "object",
        "properties": properties,
        "required": ["format", "version", *body["required"]],
        "additionalProperties": False,
        "$defs": dict(sorted(walker.defs.items())),
    }


# ---------------------------------------------------------------------- the tables


def _cell_schema(column: Column) -> dict[str, Any]:
    """What a cell of ``column`` may hold in a row: its JSON type, or text of that type."""
    kind = column.kind
    text: dict[str, Any] = {"type": "string", "pattern": r"\S"}
    if kind is CellKind.TEXT:
        return text
    if kind is CellKind.ID:
        return {"anyOf": [{"type": "string", "pattern": r"^\s*\S+\s*$"}, {"type": "integer"}]}
    if kind in (CellKind.POSITIVE, CellKind.COUNT):
        minimum = 1 if kind is CellKind.POSITIVE else 0
        pattern = r"^\s*\+?0*[1-9]\d*\s*$" if minimum else r"^\s*\+?\d+\s*$"
        return {
            "anyOf": [
                {"type": "integer", "minimum": minimum},
                {"type": "string", "pattern": pattern},
            ]
        }
    if kind is CellKind.DATE:
        return {"type": "string", "pattern": _CELL_DATE}
    if kind is CellKind.BOOL:
        words = ["是", "否", "true", "false", "yes", "no", "y", "n", "1", "0", "有", "无"]
        return {"anyOf": [{"type": "boolean"}, {"enum": [*words, "√", "×"]}]}
    if kind is CellKind.ENUM:
        assert column.enum is not None
        return _enum_schema(column.enum)
    if kind is CellKind.NUMBER:
        return {"anyOf": [{"type": "number"}, {"type": "string", "pattern": _EXACT}]}
    if kind is CellKind.PERIOD:
        return text
    item = {"type": "string", "pattern": r"\S"}
    return {"anyOf": [text, {"type": "array", "items": item}]}


def _column_schema(column: Column) -> dict[str, Any]:
    schema = _cell_schema(column)
    if not column.required:
        schema = {"anyOf": [schema, {"type": "null"}]}
    described = f"{column.zh} ({column.kind.value})"
    if column.note:
        described += f": {column.note}"
    return {"title": column.name, "description": described, **schema}


def _row_schema(table: Table) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {column.name: _column_schema(column) for column in table.columns},
        "required": [column.name for column in table.columns if column.required],
        "additionalProperties": False,
        "x-cppcc-headers": {column.name: list(column.headers[1:]) for column in table.columns},
    }


def table_schema(table: Table | str) -> dict[str, Any]:
    """The JSON Schema of one table's rows (a JSON array of row objects).

    ``committee`` is one object of its fields, or key/value rows.

    Raises:
        KeyError: for a name that is no table of the dataset format.

    """
    if isinstance(table, str):
        found = next((t for t in TABLES if t.name == table), None)
        if found is None:
            raise KeyError(f"{table!r} is not a table of the dataset format")
        table = found
    if table.key_value:
        key_value = {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    KEY_COLUMN.name: {"enum": [h for c in table.columns for h in c.headers]},
                    VALUE_COLUMN.name: {"type": ["string", "integer", "null"]},
                },
                "required": [KEY_COLUMN.name, VALUE_COLUMN.name],
                "additionalProperties": False,
            },
        }
        body: dict[str, Any] = {"anyOf": [_row_schema(table), key_value]}
    else:
        body = {"type": "array", "items": _row_schema(table)}
    return {
        "$schema": DIALECT,
        "$id": f"{_ID_BASE}tables/{table.name}.schema.json",
        "title": f"{table.name} ({table.zh})",
        "description": table.description,
        **body,
    }


def tables_schema() -> dict[str, Any]:
    """The JSON Schema of every table at once: ``{table name: rows}``, English names."""
    properties = {}
    for table in TABLES:
        one = table_schema(table)
        properties[table.name] = {
            key: value for key, value in one.items() if key not in ("$schema", "$id")
        }
    return {
        "$schema": DIALECT,
        "$id": f"{_ID_BASE}tables.schema.json",
        "title": "cppcc-model dataset tables",
        "description": "The tables of the dataset format (docs/reference/dataset-format.md) as "
        "rows, as ledger_from_tables takes them; committee is required.",
        "type": "object",
        "properties": properties,
        "required": ["committee"],
        "additionalProperties": False,
    }


def schema_text(schema: dict[str, Any]) -> str:
    """A schema as the files hold it: sorted keys, two-space indent, UTF-8, final newline."""
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def all_schemas() -> dict[str, dict[str, Any]]:
    """Every schema by the file name it is published under (``tables/members.schema.json``)."""
    schemas = {"ledger.schema.json": ledger_schema(), "tables.schema.json": tables_schema()}
    for table in TABLES:
        schemas[f"tables/{table.name}.schema.json"] = table_schema(table)
    return schemas


def write_schemas(directory: str | Path) -> list[Path]:
    """Write every schema of :func:`all_schemas` into ``directory``; the paths written."""
    target = Path(directory)
    written = []
    for name, schema in all_schemas().items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, schema_text(schema))
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover - exercised by the staleness test's hint
    for written_path in write_schemas(sys.argv[1] if len(sys.argv) > 1 else "docs/schemas"):
        print(written_path)
