"""Reading ``[[awards]]`` tables of a TOML rule file (used by :mod:`cppcc_model.rules.toml`).

An award in TOML holds the same blocks as in Python::

    [[awards]]
    id = "excellent_member"
    label = "优秀政协委员"
    subject = "member"
    quota = { at_least = "8/100", at_most = "1/10", of = "assessed" }
    ties = "name_order"
    exclude_roles = ["chair", "vice_chair"]
    rank_gate = { share = "3/10" }
    where = { any_of = [{ source = "proposal" }, { source = "info_report" }] }

    [[awards.tie_breakers]]
    by = "category:proposals"
    label = "提案得分高者优先"

    [[awards.exclude]]
    reason = "受到党纪政务处分"
    input = "discipline"
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

from cppcc_model.rules._toml_blocks import (
    TomlPath,
    _Bad,
    _build,
    _number,
    _only,
    _table,
    _text,
    _value,
    _where,
)
from cppcc_model.rules.award_gates import (
    AllOfRecords,
    AnyOfRecords,
    Exclusion,
    Order,
    Periods,
    TieBreak,
    check_tie_policy,
)
from cppcc_model.rules.awards import Award, Composition, RecordSelection
from cppcc_model.rules.quotas import Quota, RankGate

__all__ = ["read_award"]

_AWARD_KEYS = {
    "id",
    "label",
    "subject",
    "clause",
    "quota",
    "score",
    "value",
    "score_rule_set",
    "group_rules",
    "where",
    "requires",
    "grades",
    "exclude_roles",
    "minimum_score",
    "maximum_score",
    "composition",
    "ties",
    "order",
    "tie_breakers",
    "exclude",
    "rank_gate",
    "decided_on",
    "periods",
}
_QUOTA_KEYS = {
    "count",
    "share",
    "of",
    "rounding",
    "minimum",
    "at_least",
    "at_most",
    "at_least_rounding",
    "at_most_rounding",
    "tolerance",
}
_SHARES = ("share", "at_least", "at_most", "tolerance")
_WHOLE = ("count", "minimum")


def _whole(value: object, path: TomlPath) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Bad(path, f"expected a whole number, got {value!r}", "write a whole number: 20")
    return value


def _words(table: Mapping[str, Any], key: str, path: TomlPath) -> list[str]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Bad(path + (key,), f"{key} must be a list of text", f'write {key} = ["…"]')
    return value


def _quota(value: object, path: TomlPath) -> Quota:
    table = _table(value, path, "quota")
    _only(table, _QUOTA_KEYS, path, "quota")
    arguments: dict[str, Any] = {}
    for key, item in table.items():
        if key in _SHARES:
            arguments[key] = _number(item, path + (key,))
        elif key in _WHOLE:
            arguments[key] = _whole(item, path + (key,))
        elif key == "of":
            if isinstance(item, bool) or not isinstance(item, int | str):
                raise _Bad(path + (key,), "of must be a denominator name or a whole number")
            arguments[key] = item
        else:
            arguments[key] = _text(table, key, path)
    return _build(path, lambda: Quota(**arguments))  # type: ignore[no-any-return]


def _selection(value: object, path: TomlPath) -> RecordSelection:
    table = _table(value, path, "where")
    for key, make in (("any_of", AnyOfRecords), ("all_of", AllOfRecords)):
        if key in table:
            _only(table, {key}, path, f"where with {key}")
            items = table[key]
            if not isinstance(items, list) or not items:
                raise _Bad(path + (key,), f"{key} must be a list of selections")
            wheres = [_where(v, path + (key, i)) for i, v in enumerate(items)]
            return _build(path, lambda make=make, wheres=wheres: make(*wheres))  # type: ignore[no-any-return,misc]
    return _where(table, path)


def _rank_gate(value: object, path: TomlPath) -> RankGate:
    table = _table(value, path, "rank_gate")
    _only(table, {"share", "count", "rounding"}, path, "rank_gate")
    arguments: dict[str, Any] = {}
    if "share" in table:
        arguments["share"] = _number(table["share"], path + ("share",))
    if "count" in table:
        arguments["count"] = _whole(table["count"], path + ("count",))
    if "rounding" in table:
        arguments["rounding"] = _text(table, "rounding", path)
    return _build(path, lambda: RankGate(**arguments))  # type: ignore[no-any-return]


def _periods(value: object, path: TomlPath) -> Periods:
    table = _table(value, path, "periods")
    _only(table, {"count", "combine"}, path, "periods")
    if "count" not in table:
        raise _Bad(path, "periods needs a count", "periods = { count = 2, combine = 'sum' }")
    count = _whole(table["count"], path + ("count",))
    combine = _text(table, "combine", path, required=False) or "sum"
    return _build(path, lambda: Periods(count, combine))  # type: ignore[no-any-return]


def _tables(table: Mapping[str, Any], key: str, path: TomlPath) -> list[Mapping[str, Any]]:
    value = table.get(key, [])
    if not isinstance(value, list):
        raise _Bad(path + (key,), f"{key} must be an array of tables", f"write [[awards.{key}]]")
    return [_table(v, path + (key, i), f"a {key} entry") for i, v in enumerate(value)]


def _composition(table: Mapping[str, Any], path: TomlPath) -> Composition:
    _only(table, {"label", "tag", "at_least", "rounding"}, path, "a composition")
    at_least = _number(table.get("at_least"), path + ("at_least",))
    label, tag = _text(table, "label", path), _text(table, "tag", path)
    rounding = _text(table, "rounding", path, required=False) or "up"
    return _build(path, lambda: Composition(label, tag, at_least, rounding))  # type: ignore[no-any-return]


def _tie_break(table: Mapping[str, Any], path: TomlPath) -> TieBreak:
    _only(table, {"by", "label", "direction", "where"}, path, "a tie-breaker")
    where = _where(table["where"], path + ("where",)) if "where" in table else None
    by, label = _text(table, "by", path), _text(table, "label", path)
    direction = _text(table, "direction", path, required=False) or "descending"
    return _build(path, lambda: TieBreak(by, label, direction, where))  # type: ignore[no-any-return]


def _exclusion(table: Mapping[str, Any], path: TomlPath) -> Exclusion:
    _only(table, {"reason", "flag", "role", "input", "where", "clause"}, path, "an exclusion")
    arguments: dict[str, Any] = {
        key: _text(table, key, path) for key in ("flag", "role", "input", "clause") if key in table
    }
    if "where" in table:
        arguments["where"] = _where(table["where"], path + ("where",))
    reason = _text(table, "reason", path)
    return _build(path, lambda: Exclusion(reason, **arguments))  # type: ignore[no-any-return]


_CHECKED: dict[str, Callable[[str], object]] = {
    "ties": check_tie_policy,
    "order": Order.parse,
}


def read_award(
    value: object, path: TomlPath, functions: Mapping[str, Callable[..., object]]
) -> Award:
    """One ``[[awards]]`` table as an :class:`~cppcc_model.rules.awards.Award`.

    Raises:
        _Bad: the first problem, with its path.
    """
    table = _table(value, path, "an award")
    _only(table, _AWARD_KEYS, path, "an award")
    if "quota" not in table:
        raise _Bad(path, "the award needs a quota", "quota = { count = 20 } or { share = '1/100' }")
    arguments: dict[str, Any] = {"quota": _quota(table["quota"], path + ("quota",))}
    for key in (
        "score",
        "score_rule_set",
        "group_rules",
        "ties",
        "order",
        "decided_on",
        "clause",
    ):
        if key in table:
            arguments[key] = _text(table, key, path)
    for key, check in _CHECKED.items():
        if key in arguments:
            _build(path + (key,), functools.partial(check, arguments[key]))
    for key in ("requires", "grades", "exclude_roles"):
        if key in table:
            arguments[key] = _words(table, key, path)
    for key in ("minimum_score", "maximum_score"):
        if key in table:
            arguments[key] = _number(table[key], path + (key,))
    if "value" in table:
        arguments["value"] = _value(table["value"], path + ("value",), functions)
    if "where" in table:
        arguments["where"] = _selection(table["where"], path + ("where",))
    if "rank_gate" in table:
        arguments["rank_gate"] = _rank_gate(table["rank_gate"], path + ("rank_gate",))
    if "periods" in table:
        arguments["periods"] = _periods(table["periods"], path + ("periods",))
    arguments["composition"] = [
        _composition(t, path + ("composition", i))
        for i, t in enumerate(_tables(table, "composition", path))
    ]
    arguments["tie_breakers"] = [
        _tie_break(t, path + ("tie_breakers", i))
        for i, t in enumerate(_tables(table, "tie_breakers", path))
    ]
    arguments["exclude"] = [
        _exclusion(t, path + ("exclude", i)) for i, t in enumerate(_tables(table, "exclude", path))
    ]
    award_id, label = _text(table, "id", path), _text(table, "label", path)
    subject = _text(table, "subject", path)
    return _build(path, lambda: Award(award_id, label, subject, **arguments))  # type: ignore[no-any-return]
