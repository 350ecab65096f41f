"""Rule sets written as TOML files, for offices without a programmer.

A TOML rule file holds the same building blocks as a Python rule set. Loading it runs no code:
the file is parsed with :mod:`tomllib` and every table is turned into a block by a fixed
table of readers; an escape-hatch function can only be *named* (``value = { function =
"tongcheng.bonus" }``) and must have been registered by an installed plugin. Every problem in a
file is reported at once, each with its line and key.

The format, block by block, is documented in the docs (reference → TOML rule files). A short
example::

    jurisdiction = "anhui.anqing.tongcheng"
    name = "tongcheng-2019"
    title = "政协桐城市委员会委员履职考核暂行办法"
    effective_from = 2019-01-10

    [[categories]]
    id = "proposals"
    label = "提案 (最高25分)"
    cap = 25

    [[categories.items]]
    id = "proposals.submitted_and_filed"
    label = "提交提案10分/件，立案再加15分"
    where = { source = "proposal" }
    value = { by_stage = { submitted = 10, filed = 15 } }
    attribution = { first_share = "1/2", collective = { max_members = 3, mode = "full" } }
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from cppcc_model.errors import CppccError, Location, Problem, ProblemsError
from cppcc_model.numbers import RoundingPolicy
from cppcc_model.rules._toml_lines import dotted, line_index, locate
from cppcc_model.rules.attribution import (
    Attribution,
    CollectiveCredit,
    EqualSplit,
    FirstOnly,
    FirstShare,
    WholeToEach,
)
from cppcc_model.rules.conditions import AllOf, AnyOf, Condition, HasRole, LacksRole, Not
from cppcc_model.rules.counting import AtMost, Counting, Each, FromNth, OncePerPeriod, Threshold
from cppcc_model.rules.inputs import Amount, External
from cppcc_model.rules.items import Category, Dimension, Item, Pool
from cppcc_model.rules.outcomes import (
    Band,
    ConsecutiveYears,
    Consequence,
    Grades,
    Ladder,
    Requirement,
    ScoreBelow,
    TooFew,
    Trigger,
)
from cppcc_model.rules.ruleset import RuleSet, Settings
from cppcc_model.rules.selection import Reached, Where
from cppcc_model.rules.values import (
    ByLevel,
    ByPosition,
    ByRole,
    ByStage,
    ByStatus,
    FullOrPartial,
    Function,
    PerUnit,
    Points,
    Sum,
    Value,
)

__all__ = ["RuleFileError", "load_rule_set", "loads_rule_set"]

TomlPath = tuple[str | int, ...]


class RuleFileError(ProblemsError):
    """A TOML rule file that cannot be loaded; every problem has its line and key."""


class _Bad(Exception):
    """A problem at a path inside the file (internal)."""

    def __init__(self, path: TomlPath, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.message = message
        self.hint = hint


def _table(value: object, path: TomlPath, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _Bad(path, f"{what} must be a table, got {type(value).__name__}")
    return value


def _only(table: Mapping[str, Any], allowed: set[str], path: TomlPath, what: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise _Bad(
            path + (unknown[0],),
            f"{what} has unknown key(s): {', '.join(unknown)}",
            f"the keys of {what} are: {', '.join(sorted(allowed))}",
        )


def _number(value: object, path: TomlPath) -> Any:
    if isinstance(value, float):
        raise _Bad(path, f"{value!r} is a float", f'write exact numbers as text: "{value}"')
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise _Bad(path, f"expected a number, got {value!r}", 'write 10, "12.5" or "1/3"')
    return value


def _numbers(value: object, path: TomlPath) -> Any:
    table = _table(value, path, "a points table")
    return {key: _number(item, path + (key,)) for key, item in table.items()}


def _build(path: TomlPath, make: Callable[[], Any]) -> Any:
    """Run a block constructor, turning its InvalidValueError into a located problem."""
    try:
        return make()
    except CppccError as error:
        raise _Bad(path, error.message, error.hint) from None


def _reached(value: object, path: TomlPath) -> Reached:
    if isinstance(value, str):
        return _build(path, lambda: Reached(value))  # type: ignore[no-any-return]
    table = _table(value, path, "a stage condition")
    _only(table, {"stage", "min_level"}, path, "a stage condition")
    return _build(path, lambda: Reached(table["stage"], table.get("min_level")))  # type: ignore[no-any-return]


_WHERE_KEYS = {
    "source",
    "kinds",
    "statuses",
    "roles",
    "reached",
    "reached_any",
    "not_reached",
    "organisers",
    "levels",
    "collective",
    "keys",
    "step_in_period",
}


def _where(value: object, path: TomlPath) -> Where:
    table = _table(value, path, "where")
    _only(table, _WHERE_KEYS, path, "where")
    if "source" not in table:
        raise _Bad(
            path,
            "where needs a source",
            "source = attendance, proposal, info_report or contribution",
        )
    arguments: dict[str, Any] = {}
    for key in ("kinds", "statuses", "roles", "not_reached", "organisers", "levels", "keys"):
        if key in table:
            if not isinstance(table[key], list):
                raise _Bad(path + (key,), f"{key} must be a list")
            arguments[key] = table[key]
    for key in ("reached", "reached_any"):
        if key in table:
            if not isinstance(table[key], list):
                raise _Bad(path + (key,), f"{key} must be a list")
            arguments[key] = [_reached(v, path + (key, i)) for i, v in enumerate(table[key])]
    if "collective" in table:
        if not isinstance(table["collective"], bool):
            raise _Bad(path + ("collective",), "collective must be true or false")
        arguments["collective"] = table["collective"]
    if "step_in_period" in table:
        arguments["step_in_period"] = table["step_in_period"]
    return _build(path, lambda: Where(table["source"], **arguments))  # type: ignore[no-any-return]


def _value(value: object, path: TomlPath, functions: Mapping[str, Callable[..., object]]) -> Value:
    table = _table(value, path, "value")
    kinds = {
        "points",
        "per_unit",
        "by_status",
        "by_stage",
        "by_role",
        "by_position",
        "by_level",
        "full_or_partial",
        "sum",
        "function",
        "external",
        "amount",
    }
    chosen = sorted(set(table) & kinds)
    if len(chosen) != 1:
        raise _Bad(path, "value needs exactly one of: " + ", ".join(sorted(kinds)))
    kind = chosen[0]
    extra = {"default"} if kind in ("by_status", "by_role", "by_level") else set()
    if kind == "by_level":
        extra.add("stage")
    if kind == "external":
        extra.add("missing")
    _only(table, {kind} | extra, path, f"a {kind} value")
    default = _number(table.get("default", 0), path + ("default",))
    raw = table[kind]
    if kind == "points":
        return _build(path, lambda: Points(_number(raw, path + (kind,))))  # type: ignore[no-any-return]
    if kind == "per_unit":
        return _build(path, lambda: PerUnit(_number(raw, path + (kind,))))  # type: ignore[no-any-return]
    if kind == "external":
        return _external(table, path)
    if kind == "amount":
        return _build(path, lambda: Amount(_number(raw, path + (kind,))))  # type: ignore[no-any-return]
    if kind == "function":
        if not isinstance(raw, str) or raw not in functions:
            known = ", ".join(sorted(functions)) or "none (no plugin registered a function)"
            raise _Bad(
                path + (kind,), f"no registered function is named {raw!r}", f"known: {known}"
            )
        function = functions[raw]
        return Function(function, raw)  # type: ignore[arg-type]
    if kind == "sum":
        if not isinstance(raw, list) or not raw:
            raise _Bad(
                path + (kind,), "sum must be a list of value tables", "sum = [{ points = 1 }]"
            )
        parts = [_value(part, path + (kind, i), functions) for i, part in enumerate(raw)]
        return _build(path, lambda: Sum(parts))  # type: ignore[no-any-return]
    numbers = _numbers(raw, path + (kind,))
    if kind in ("by_position", "full_or_partial"):
        keys = ("first", "others") if kind == "by_position" else ("full", "partial")
        _only(numbers, set(keys), path + (kind,), f"a {kind} value")
        missing = [k for k in keys if k not in numbers]
        if missing:
            raise _Bad(path + (kind,), f"a {kind} value needs {' and '.join(keys)}")
        make = ByPosition if kind == "by_position" else FullOrPartial
        return _build(path, lambda: make(*(numbers[k] for k in keys)))  # type: ignore[no-any-return]
    if kind == "by_status":
        return _build(path, lambda: ByStatus(numbers, default))  # type: ignore[no-any-return]
    if kind == "by_stage":
        return _build(path, lambda: ByStage(numbers))  # type: ignore[no-any-return]
    if kind == "by_role":
        return _build(path, lambda: ByRole(numbers, default))  # type: ignore[no-any-return]
    return _build(path, lambda: ByLevel(numbers, table.get("stage"), default))  # type: ignore[no-any-return]


def _external(table: Mapping[str, Any], path: TomlPath) -> External:
    """``{ external = "employer_rating", missing = "pending" }``."""
    key = table.get("external")
    if not isinstance(key, str):
        raise _Bad(path + ("external",), "external must be the input's key, as text")
    missing = table.get("missing", "pending")
    return _build(path, lambda: External(key, missing))  # type: ignore[no-any-return]


def _collective(value: object, path: TomlPath) -> CollectiveCredit:
    table = _table(value, path, "collective")
    _only(table, {"max_members", "mode"}, path, "collective")
    return _build(  # type: ignore[no-any-return]
        path, lambda: CollectiveCredit(table.get("max_members"), table.get("mode", "full"))
    )


def _attribution(value: object, path: TomlPath) -> Attribution:
    simple: dict[str, Callable[..., Attribution]] = {
        "whole_to_each": WholeToEach,
        "first_only": FirstOnly,
        "equal_split": EqualSplit,
    }
    if isinstance(value, str):
        if value not in simple:
            raise _Bad(
                path, f"unknown attribution {value!r}", "use " + ", ".join([*simple, "first_share"])
            )
        chosen_simple: Attribution = simple[value]()
        return chosen_simple
    table = _table(value, path, "attribution")
    kinds = set(simple) | {"first_share"}
    chosen = sorted(set(table) & kinds)
    if len(chosen) != 1:
        raise _Bad(path, "attribution needs exactly one of: " + ", ".join(sorted(kinds)))
    kind = chosen[0]
    _only(table, {kind, "collective"}, path, "attribution")
    arguments: dict[str, Any] = {}
    if "collective" in table:
        arguments["collective"] = _collective(table["collective"], path + ("collective",))
    if kind == "first_share":
        share = _number(table[kind], path + (kind,))
        return _build(path, lambda: FirstShare(share, **arguments))  # type: ignore[no-any-return]
    return _build(path, lambda: simple[kind](**arguments))  # type: ignore[no-any-return]


def _counting(value: object, path: TomlPath) -> Counting:
    if value == "each":
        return Each()
    if isinstance(value, str):
        raise _Bad(
            path, f"unknown counting {value!r}", "use 'each' or a table such as { from_nth = 2 }"
        )
    table = _table(value, path, "counting")
    kinds = {"once_per_period", "from_nth", "at_most", "threshold"}
    chosen = sorted(set(table) & kinds)
    if len(chosen) != 1 or len(table) != 1:
        raise _Bad(path, "counting needs exactly one of: " + ", ".join(sorted(kinds)))
    kind = chosen[0]
    raw = table[kind]
    if kind == "once_per_period":
        return _build(path, lambda: OncePerPeriod(raw))  # type: ignore[no-any-return]
    if kind == "from_nth":
        return _build(path, lambda: FromNth(raw))  # type: ignore[no-any-return]
    if kind == "at_most":
        return _build(path, lambda: AtMost(raw))  # type: ignore[no-any-return]
    threshold = _table(raw, path + (kind,), "threshold")
    _only(threshold, {"at_least", "points"}, path + (kind,), "threshold")
    points = _number(threshold.get("points"), path + (kind, "points"))
    at_least: Any = threshold.get("at_least")
    return _build(path, lambda: Threshold(at_least, points))  # type: ignore[no-any-return]


def _condition(value: object, path: TomlPath) -> Condition:
    table = _table(value, path, "applies_to")
    kinds = {"has_role", "lacks_role", "all_of", "any_of", "not"}
    chosen = sorted(set(table) & kinds)
    if len(chosen) != 1:
        raise _Bad(path, "applies_to needs exactly one of: " + ", ".join(sorted(kinds)))
    kind = chosen[0]
    _only(table, {kind, "on_as_of"}, path, "applies_to")
    if kind == "not":
        return Not(_condition(table[kind], path + (kind,)))
    on_as_of = bool(table.get("on_as_of", False))
    if kind == "has_role":
        return _build(path, lambda: HasRole(table[kind], on_as_of))  # type: ignore[no-any-return]
    if kind == "lacks_role":
        return _build(path, lambda: LacksRole(table[kind], on_as_of))  # type: ignore[no-any-return]
    if not isinstance(table[kind], list):
        raise _Bad(path + (kind,), f"{kind} must be a list of conditions")
    parts = tuple(_condition(v, path + (kind, i)) for i, v in enumerate(table[kind]))
    return AllOf(parts) if kind == "all_of" else AnyOf(parts)


def _flag(table: Mapping[str, Any], key: str, default: bool, path: TomlPath) -> bool:
    value = table.get(key, default)
    if not isinstance(value, bool):
        raise _Bad(
            path + (key,), f"{key} must be true or false, got {value!r}", "write true or false"
        )
    return value


def _optional_number(table: Mapping[str, Any], key: str, path: TomlPath) -> Any:
    return None if key not in table else _number(table[key], path + (key,))


def _text(table: Mapping[str, Any], key: str, path: TomlPath, *, required: bool = True) -> Any:
    if key not in table:
        if required:
            raise _Bad(path, f"the key {key!r} is missing", f'add {key} = "…"')
        return None
    if not isinstance(table[key], str):
        raise _Bad(path + (key,), f"{key} must be text")
    return table[key]


_KEYWORD_BLOCKS: dict[str, tuple[str, ...]] = {
    "settings": (
        "conversion",
        "assess_members_not_serving",
        "reply_months",
        "max_extension_months",
        "dating",
    ),
    "rounding": ("places", "mode"),
}


def _keyword_block(data: Mapping[str, Any], key: str, make: Callable[..., Any]) -> Any:
    """Build ``make(**data[key])`` after checking the table's keys against its known keys."""
    table = _table(data[key], (key,), key)
    _only(table, set(_KEYWORD_BLOCKS[key]), (key,), f"[{key}]")
    return _build((key,), lambda: make(**table))


class _Reader:
    def __init__(self, functions: Mapping[str, Callable[..., object]]) -> None:
        self.functions = functions
        self.problems: list[tuple[TomlPath, str, str | None]] = []

    def array(self, data: Mapping[str, Any], key: str) -> list[Any]:
        """``data[key]`` if it is an array (of tables), else a problem and an empty list."""
        value = data.get(key, [])
        if isinstance(value, list):
            return value
        self.problems.append(
            ((key,), f"{key} must be an array of tables ([[{key}]])", f"write [[{key}]] sections")
        )
        return []

    def attempt(self, path: TomlPath, make: Callable[[], Any]) -> Any:
        try:
            return make()
        except _Bad as bad:
            self.problems.append((bad.path, bad.message, bad.hint))
            return None

    def item(self, value: object, path: TomlPath) -> Item:
        table = _table(value, path, "an item")
        allowed = {
            "id",
            "label",
            "clause",
            "where",
            "value",
            "attribution",
            "counting",
            "cap",
            "applies_to",
        }
        _only(table, allowed, path, "an item")
        for key in ("where", "value"):
            if key not in table:
                raise _Bad(path, f"the item needs {key}")
        arguments: dict[str, Any] = {
            "where": _where(table["where"], path + ("where",)),
            "value": _value(table["value"], path + ("value",), self.functions),
            "cap": _optional_number(table, "cap", path),
            "clause": _text(table, "clause", path, required=False),
        }
        if "attribution" in table:
            arguments["attribution"] = _attribution(table["attribution"], path + ("attribution",))
        if "counting" in table:
            arguments["counting"] = _counting(table["counting"], path + ("counting",))
        if "applies_to" in table:
            arguments["applies_to"] = _condition(table["applies_to"], path + ("applies_to",))
        item_id, label = _text(table, "id", path), _text(table, "label", path)
        return _build(path, lambda: Item(item_id, label, **arguments))  # type: ignore[no-any-return]

    def category(self, value: object, path: TomlPath) -> Category | None:
        table = _table(value, path, "a category")
        allowed = {"id", "label", "clause", "items", "base", "cap", "floor", "applies_to", "given"}
        _only(table, allowed, path, "a category")
        given = None
        if "given" in table:
            given_table = _table(table["given"], path + ("given",), "given")
            _only(given_table, {"external", "missing"}, path + ("given",), "given")
            given = _external(given_table, path + ("given",))
        raw_items = table.get("items", [])
        if not isinstance(raw_items, list):
            raise _Bad(path + ("items",), "items must be an array of tables ([[categories.items]])")
        items = [
            self.attempt(path + ("items", i), functools.partial(self.item, v, path + ("items", i)))
            for i, v in enumerate(raw_items)
        ]
        if any(item is None for item in items):
            return None
        applies_to = (
            _condition(table["applies_to"], path + ("applies_to",))
            if "applies_to" in table
            else None
        )
        category_id, label = _text(table, "id", path), _text(table, "label", path)
        return _build(  # type: ignore[no-any-return]
            path,
            lambda: Category(
                category_id,
                label,
                items,
                base=_optional_number(table, "base", path),
                cap=_optional_number(table, "cap", path),
                floor=_optional_number(table, "floor", path),
                clause=_text(table, "clause", path, required=False),
                applies_to=applies_to,
                given=given,
            ),
        )

    def wheres(self, table: Mapping[str, Any], path: TomlPath) -> list[Where]:
        raw = table.get("where")
        if isinstance(raw, Mapping):
            raw = [raw]
        if not isinstance(raw, list) or not raw:
            raise _Bad(path, "where must be a table or a list of tables")
        return [_where(v, path + ("where", i)) for i, v in enumerate(raw)]

    def requirement(self, value: object, path: TomlPath) -> Requirement:
        table = _table(value, path, "a requirement")
        allowed = {
            "id",
            "label",
            "clause",
            "where",
            "at_least",
            "strength",
            "credit_co_authors",
            "per_quarter",
            "applies_to",
            "window",
            "each",
        }
        _only(table, allowed, path, "a requirement")
        wheres = self.wheres(table, path)
        applies_to = (
            _condition(table["applies_to"], path + ("applies_to",))
            if "applies_to" in table
            else None
        )
        return _build(  # type: ignore[no-any-return]
            path,
            lambda: Requirement(
                _text(table, "id", path),
                _text(table, "label", path),
                wheres,
                at_least=table.get("at_least", 1),
                strength=table.get("strength", "mandatory"),
                credit_co_authors=_flag(table, "credit_co_authors", True, path),
                per_quarter=_flag(table, "per_quarter", False, path),
                clause=_text(table, "clause", path, required=False),
                applies_to=applies_to,
                window=table.get("window", "period"),
                each=table.get("each"),
            ),
        )

    def trigger(
        self, value: object, path: TomlPath
    ) -> Trigger | TooFew | ScoreBelow | ConsecutiveYears | Ladder:
        table = _table(value, path, "a trigger")
        kind = table.get("kind", "count")
        if kind == "ladder":
            _only(table, {"id", "label", "clause", "kind", "rungs"}, path, "a ladder")
            rungs = table.get("rungs")
            if not isinstance(rungs, list) or not all(isinstance(r, str) for r in rungs):
                raise _Bad(
                    path + ("rungs",),
                    "rungs must be a list of trigger ids, mildest first",
                    'rungs = ["talk", "notice", "resign"]',
                )
            return _build(  # type: ignore[no-any-return]
                path,
                lambda: Ladder(
                    _text(table, "id", path),
                    _text(table, "label", path),
                    rungs,
                    _text(table, "clause", path, required=False),
                ),
            )
        common = {"id", "label", "clause", "kind", "consequence"}
        tid, label = _text(table, "id", path), _text(table, "label", path)
        clause = _text(table, "clause", path, required=False)
        consequence = _build(
            path + ("consequence",),
            functools.partial(Consequence.parse, _text(table, "consequence", path)),
        )
        if kind == "count":
            _only(
                table,
                common | {"where", "at_least", "window", "each", "applies_to"},
                path,
                "a count trigger",
            )
            wheres = self.wheres(table, path)
            applies_to = (
                _condition(table["applies_to"], path + ("applies_to",))
                if "applies_to" in table
                else None
            )
            return _build(  # type: ignore[no-any-return]
                path,
                lambda: Trigger(
                    tid,
                    label,
                    wheres,
                    table.get("at_least", 1),
                    consequence,
                    table.get("window", "period"),
                    clause,
                    applies_to,
                    table.get("each"),
                ),
            )
        if kind == "too_few":
            _only(
                table,
                common | {"where", "fewer_than", "window", "each", "applies_to"},
                path,
                "a too_few trigger",
            )
            wheres = self.wheres(table, path)
            applies_to = (
                _condition(table["applies_to"], path + ("applies_to",))
                if "applies_to" in table
                else None
            )
            return _build(  # type: ignore[no-any-return]
                path,
                lambda: TooFew(
                    tid,
                    label,
                    wheres,
                    table.get("fewer_than"),  # type: ignore[arg-type]
                    consequence,
                    table.get("window", "period"),
                    table.get("each"),
                    clause,
                    applies_to,
                ),
            )
        if kind == "score_below":
            _only(table, common | {"threshold", "basis"}, path, "a score_below trigger")
            threshold = _number(table.get("threshold"), path + ("threshold",))
            basis = table.get("basis", "exact")
            return _build(  # type: ignore[no-any-return]
                path, lambda: ScoreBelow(tid, label, threshold, consequence, clause, basis)
            )
        if kind == "consecutive_years":
            _only(
                table,
                common
                | {
                    "years",
                    "grade",
                    "requirement",
                    "score_below",
                    "basis",
                    "trigger",
                    "bottom",
                    "consecutive",
                },
                path,
                "a consecutive_years trigger",
            )
            score_below = _optional_number(table, "score_below", path)
            return _build(  # type: ignore[no-any-return]
                path,
                lambda: ConsecutiveYears(
                    tid,
                    label,
                    table.get("years", 2),
                    consequence,
                    table.get("grade"),
                    table.get("requirement"),
                    clause,
                    score_below=score_below,
                    basis=table.get("basis", "exact"),
                    trigger=table.get("trigger"),
                    bottom=table.get("bottom"),
                    consecutive=_flag(table, "consecutive", True, path),
                ),
            )
        raise _Bad(
            path + ("kind",),
            f"unknown trigger kind {kind!r}",
            "use count, too_few, score_below, consecutive_years or ladder",
        )

    def grades(self, value: object, path: TomlPath) -> Grades:
        table = _table(value, path, "grades")
        _only(table, {"bands", "boundary", "basis", "rounding"}, path, "grades")
        rounding = None
        if "rounding" in table:
            rounding_table = _table(table["rounding"], path + ("rounding",), "grades.rounding")
            _only(rounding_table, {"places", "mode"}, path + ("rounding",), "grades.rounding")
            rounding = _build(path + ("rounding",), lambda: RoundingPolicy(**rounding_table))
        bands_raw = table.get("bands")
        if not isinstance(bands_raw, list):
            raise _Bad(path, "grades need [[grades.bands]]")
        bands = []
        for i, raw in enumerate(bands_raw):
            band = _table(raw, path + ("bands", i), "a band")
            _only(band, {"label", "at_least", "requires"}, path + ("bands", i), "a band")
            at_least = _optional_number(band, "at_least", path + ("bands", i))
            label = _text(band, "label", path + ("bands", i))
            requires = band.get("requires", ())
            if not isinstance(requires, list | tuple) or not all(
                isinstance(r, str) for r in requires
            ):
                raise _Bad(
                    path + ("bands", i, "requires"),
                    "requires must be a list of requirement ids",
                    'write requires = ["six_ones"]',
                )
            bands.append(
                _build(path + ("bands", i), functools.partial(Band, label, at_least, requires))
            )
        return _build(  # type: ignore[no-any-return]
            path,
            lambda: Grades(
                bands,
                table.get("boundary", "inclusive"),
                table.get("basis", "exact"),
                rounding,
            ),
        )

    def rule_set(self, data: Mapping[str, Any]) -> RuleSet | None:
        allowed = {
            "jurisdiction",
            "name",
            "title",
            "effective_from",
            "effective_until",
            "source",
            "settings",
            "rounding",
            "categories",
            "pools",
            "grades",
            "requirements",
            "triggers",
            "awards",
            "dimensions",
        }
        self.attempt((), lambda: _only(data, allowed, (), "the rule file"))
        header: dict[str, Any] = {}
        for key in ("jurisdiction", "name", "title"):
            header[key] = self.attempt((key,), functools.partial(_text, data, key, ()))
        for key in ("effective_from", "effective_until"):
            raw = data.get(key)
            if raw is None and key == "effective_until":
                header[key] = None
            elif not isinstance(raw, dt.date) or isinstance(raw, dt.datetime):
                self.problems.append(
                    ((key,), f"{key} must be a TOML date such as 2019-01-10", None)
                )
            else:
                header[key] = raw
        start, until = header.get("effective_from"), header.get("effective_until")
        if start is not None and until is not None and until < start:
            self.problems.append(
                (
                    ("effective_until",),
                    f"the rule set ends on {until}, before it starts on {start}",
                    "check the effective dates",
                )
            )
        categories_raw = data.get("categories", [])
        if not isinstance(categories_raw, list) or not (categories_raw or "awards" in data):
            self.problems.append(
                (("categories",), "a rule set needs at least one [[categories]]", None)
            )
            categories_raw = []
        categories = [
            self.attempt(("categories", i), functools.partial(self.category, v, ("categories", i)))
            for i, v in enumerate(categories_raw)
        ]
        pools = []
        for i, raw in enumerate(self.array(data, "pools")):

            def make_pool(raw: Any = raw, i: int = i) -> Pool:
                table = _table(raw, ("pools", i), "a pool")
                _only(table, {"id", "label", "categories", "cap", "clause"}, ("pools", i), "a pool")
                cap = _number(table.get("cap"), ("pools", i, "cap"))
                pool: Pool = _build(
                    ("pools", i),
                    lambda: Pool(
                        _text(table, "id", ("pools", i)),
                        _text(table, "label", ("pools", i)),
                        table.get("categories", []),
                        cap,
                        table.get("clause"),
                    ),
                )
                return pool

            pools.append(self.attempt(("pools", i), make_pool))
        dimensions = []
        for i, raw in enumerate(self.array(data, "dimensions")):

            def make_dimension(raw: Any = raw, i: int = i) -> Dimension:
                path: TomlPath = ("dimensions", i)
                table = _table(raw, path, "a dimension")
                _only(
                    table,
                    {"id", "label", "categories", "cap", "floor", "clause"},
                    path,
                    "a dimension",
                )
                dimension: Dimension = _build(
                    path,
                    lambda: Dimension(
                        _text(table, "id", path),
                        _text(table, "label", path),
                        table.get("categories", []),
                        _optional_number(table, "cap", path),
                        _optional_number(table, "floor", path),
                        _text(table, "clause", path, required=False),
                    ),
                )
                return dimension

            dimensions.append(self.attempt(("dimensions", i), make_dimension))
        requirements = [
            self.attempt(
                ("requirements", i), functools.partial(self.requirement, v, ("requirements", i))
            )
            for i, v in enumerate(self.array(data, "requirements"))
        ]
        triggers = [
            self.attempt(("triggers", i), functools.partial(self.trigger, v, ("triggers", i)))
            for i, v in enumerate(self.array(data, "triggers"))
        ]
        from cppcc_model.rules._toml_awards import read_award  # it reads with this module

        awards = [
            self.attempt(
                ("awards", i), functools.partial(read_award, v, ("awards", i), self.functions)
            )
            for i, v in enumerate(self.array(data, "awards"))
        ]
        grades = (
            self.attempt(("grades",), lambda: self.grades(data["grades"], ("grades",)))
            if "grades" in data
            else None
        )
        settings = (
            self.attempt(
                ("settings",), functools.partial(_keyword_block, data, "settings", Settings)
            )
            if "settings" in data
            else Settings()
        )
        rounding = (
            self.attempt(
                ("rounding",), functools.partial(_keyword_block, data, "rounding", RoundingPolicy)
            )
            if "rounding" in data
            else RoundingPolicy()
        )
        known = {r.id for r in requirements if r is not None}
        for i, band in enumerate(grades.bands if grades is not None else ()):
            for missing in [r for r in band.requires if r not in known]:
                self.problems.append(
                    (
                        ("grades", "bands", i, "requires"),
                        f"grade {band.label!r} requires the unknown requirement {missing!r}",
                        "define it under [[requirements]] or correct the id",
                    )
                )
        if self.problems:
            return None
        return self.attempt(  # type: ignore[no-any-return]
            (),
            lambda: _build(
                (),
                lambda: RuleSet(
                    jurisdiction=header["jurisdiction"],
                    name=header["name"],
                    title=header["title"],
                    effective_from=header["effective_from"],
                    effective_until=header.get("effective_until"),
                    categories=categories,
                    pools=pools,
                    grades=grades,
                    requirements=requirements,
                    triggers=triggers,
                    awards=awards,
                    settings=settings,
                    rounding=rounding,
                    source=data.get("source"),
                    dimensions=dimensions,
                ),
            ),
        )


def loads_rule_set(
    text: str,
    *,
    source: str | None = None,
    functions: Mapping[str, Callable[..., object]] | None = None,
) -> RuleSet:
    """Build a rule set from TOML text.

    Args:
        text: the TOML document.
        source: the file name, for error messages.
        functions: named functions the file may refer to (a loaded plugin set's ``functions``).

    Raises:
        RuleFileError: listing every problem with its line and key; nothing is built.
    """
    index = line_index(text)
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise RuleFileError(
            f"cannot read the rule file{f' {source}' if source else ''}",
            [Problem("the file nests arrays or tables too deeply", Location(file=source))],
            hint="a rule file needs only a few levels of nesting",
        ) from None
    except tomllib.TOMLDecodeError as error:
        line = getattr(error, "lineno", None)
        if line is None:  # tomllib reports the position in its message before Python 3.14
            found = re.search(r"\(at line (\d+), column \d+\)", str(error))
            line = int(found.group(1)) if found else None
        raise RuleFileError(
            f"cannot read the rule file{f' {source}' if source else ''}",
            [
                Problem(
                    f"not valid TOML: {error.args[0] if error.args else error}",
                    Location(file=source, line=line),
                )
            ],
            hint="fix the TOML syntax",
        ) from None
    reader = _Reader(functions or {})
    rule_set = reader.rule_set(data)
    if reader.problems or rule_set is None:
        problems = [
            Problem(
                message,
                Location(file=source, line=locate(index, path), key=dotted(path) or None),
                hint,
            )
            for path, message, hint in reader.problems
        ]
        raise RuleFileError(
            f"cannot load the rule file{f' {source}' if source else ''}",
            problems,
            hint="fix the problems listed; nothing was loaded",
        )
    return rule_set


def load_rule_set(
    path: str | Path, *, functions: Mapping[str, Callable[..., object]] | None = None
) -> RuleSet:
    """Build a rule set from a TOML file (see :func:`loads_rule_set`)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")  # Notepad saves a byte-order mark
    except (OSError, UnicodeDecodeError) as error:
        raise RuleFileError(
            f"cannot read the rule file {path}",
            [Problem(str(error), Location(file=str(path)))],
            hint="check the path, and save the file as UTF-8",
        ) from None
    return loads_rule_set(text, source=str(path), functions=functions)
