"""Reading the member rule blocks from the tables of a TOML rule file (internal).

Selections, values, attribution, counting, conditions and the keyword blocks, each from its
table, with the path of every problem; shared by the whole-file reader
(:mod:`cppcc_model.rules.toml`) and the awards reader (:mod:`cppcc_model.rules._toml_awards`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from cppcc_model.errors import CppccError
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

TomlPath = tuple[str | int, ...]


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


def _optional_condition(table: Mapping[str, Any], path: TomlPath) -> Condition | None:
    """The table's ``applies_to`` condition, or ``None`` when it has none."""
    if "applies_to" not in table:
        return None
    return _condition(table["applies_to"], path + ("applies_to",))


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
