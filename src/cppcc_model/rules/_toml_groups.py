"""Reading ``[[groups]]`` tables of a TOML rule file (used by :mod:`cppcc_model.rules.toml`).

A group rule in TOML holds the same blocks as :mod:`cppcc_model.rules.groups` in Python. A
measure is an inline table whose ``kind`` names the block::

    [[groups]]
    id = "town_groups"
    label = "镇（街道）委员活动组"
    subject = "activity_group"
    group_kinds = ["town"]

    [[groups.categories]]
    id = "proposals"
    label = "提案工作"
    cap = 30

    [[groups.categories.items]]
    id = "filed"
    label = "立案提案每件2分"
    measure = { kind = "count", where = { source = "proposal", reached = ["filed"] } }
    points = 2

    [[groups.requirements]]
    id = "study"
    label = "每年至少组织1次专题学习"
    measure = { kind = "count", where = { source = "attendance", kinds = ["学习"] } }
    at_least = 1

The kinds: ``count`` (``where``, ``credit``), ``rate`` (``numerator``, ``denominator``,
``credit``), ``quarters`` (``where``, ``credit``), ``member_total`` (``statistic``: ``"mean"`` or
``"sum"``), ``member_count``, ``requirement_share`` (``requirement``), ``input`` (``key``,
``default``), ``at_least`` (``measure``, ``at_least``), ``all_met`` / ``any_met`` (``parts``)
and ``not_met`` (``measure``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from cppcc_model.rules._toml_blocks import (
    TomlPath,
    _Bad,
    _build,
    _number,
    _only,
    _optional_number,
    _table,
    _text,
    _where,
)
from cppcc_model.rules.groups import (
    AllMet,
    AnyMet,
    AtLeast,
    Count,
    External,
    GroupCategory,
    GroupItem,
    GroupMeasure,
    GroupRequirement,
    GroupRules,
    MemberCount,
    MemberTotal,
    NotMet,
    QuartersCovered,
    Rate,
    RequirementShare,
)

__all__ = ["MEASURE_KINDS", "read_group_rules"]

_GROUP_KEYS = {
    "id",
    "label",
    "subject",
    "clause",
    "group_kinds",
    "unit_kinds",
    "categories",
    "requirements",
}
_CATEGORY_KEYS = {"id", "label", "clause", "items", "base", "cap", "floor"}
_ITEM_KEYS = {"id", "label", "clause", "measure", "points", "cap"}
_REQUIREMENT_KEYS = {"id", "label", "clause", "measure", "at_least"}


def _credit(table: Mapping[str, Any]) -> dict[str, Any]:
    return {"credit": table["credit"]} if "credit" in table else {}


def _count(table: Mapping[str, Any], path: TomlPath) -> GroupMeasure:
    return Count(_where(table.get("where"), path + ("where",)), **_credit(table))


def _rate(table: Mapping[str, Any], path: TomlPath) -> GroupMeasure:
    return Rate(
        _where(table.get("numerator"), path + ("numerator",)),
        _where(table.get("denominator"), path + ("denominator",)),
        **_credit(table),
    )


def _quarters(table: Mapping[str, Any], path: TomlPath) -> GroupMeasure:
    return QuartersCovered(_where(table.get("where"), path + ("where",)), **_credit(table))


def _member_total(table: Mapping[str, Any], path: TomlPath) -> GroupMeasure:
    return MemberTotal(table.get("statistic", "mean"))


def _member_count(table: Mapping[str, Any], path: TomlPath) -> GroupMeasure:
    return MemberCount()


def _requirement_share(table: Mapping[str, Any], path: TomlPath) -> GroupMeasure:
    return RequirementShare(_text(table, "requirement", path, required=False))


def _input(table: Mapping[str, Any], path: TomlPath) -> GroupMeasure:
    return External(_text(table, "key", path), _optional_number(table, "default", path))


def _at_least(table: Mapping[str, Any], path: TomlPath) -> GroupMeasure:
    if "at_least" not in table:
        raise _Bad(path, "an at_least measure needs at_least", "write at_least = 3")
    return AtLeast(
        read_measure(table.get("measure"), path + ("measure",)),
        _number(table["at_least"], path + ("at_least",)),
    )


def _parts(table: Mapping[str, Any], path: TomlPath) -> list[GroupMeasure]:
    parts = table.get("parts")
    if not isinstance(parts, list) or not parts:
        raise _Bad(path + ("parts",), "parts must be a non-empty array of measures")
    return [read_measure(part, path + ("parts", i)) for i, part in enumerate(parts)]


def _all_met(table: Mapping[str, Any], path: TomlPath) -> GroupMeasure:
    return AllMet(_parts(table, path))


def _any_met(table: Mapping[str, Any], path: TomlPath) -> GroupMeasure:
    return AnyMet(_parts(table, path))


def _not_met(table: Mapping[str, Any], path: TomlPath) -> GroupMeasure:
    return NotMet(read_measure(table.get("measure"), path + ("measure",)))


_Reader = Callable[[Mapping[str, Any], TomlPath], GroupMeasure]

MEASURE_KINDS: dict[str, tuple[_Reader, frozenset[str]]] = {
    "count": (_count, frozenset({"where", "credit"})),
    "rate": (_rate, frozenset({"numerator", "denominator", "credit"})),
    "quarters": (_quarters, frozenset({"where", "credit"})),
    "member_total": (_member_total, frozenset({"statistic"})),
    "member_count": (_member_count, frozenset()),
    "requirement_share": (_requirement_share, frozenset({"requirement"})),
    "input": (_input, frozenset({"key", "default"})),
    "at_least": (_at_least, frozenset({"measure", "at_least"})),
    "all_met": (_all_met, frozenset({"parts"})),
    "any_met": (_any_met, frozenset({"parts"})),
    "not_met": (_not_met, frozenset({"measure"})),
}
"""Every measure kind of a TOML group rule: its reader and the keys it takes besides ``kind``."""


def read_measure(value: object, path: TomlPath) -> GroupMeasure:
    """One measure table (``{ kind = "count", where = {...} }``) as its block."""
    table = _table(value, path, "a measure")
    kind = table.get("kind")
    if kind not in MEASURE_KINDS:
        raise _Bad(
            path + ("kind",),
            f"the measure kind {kind!r} is not known",
            f"use one of: {', '.join(MEASURE_KINDS)}",
        )
    reader, keys = MEASURE_KINDS[kind]
    _only(table, {"kind", *keys}, path, f"a {kind} measure")
    return _build(path, lambda: reader(table, path))  # type: ignore[no-any-return]


def _needs(table: Mapping[str, Any], key: str, path: TomlPath, what: str) -> Any:
    if key not in table:
        raise _Bad(path, f"{what} needs {key}")
    return table[key]


def _item(value: object, path: TomlPath) -> GroupItem:
    table = _table(value, path, "a group item")
    _only(table, _ITEM_KEYS, path, "a group item")
    measure = read_measure(_needs(table, "measure", path, "a group item"), path + ("measure",))
    item_id, label = _text(table, "id", path), _text(table, "label", path)
    points, cap = _optional_number(table, "points", path), _optional_number(table, "cap", path)
    clause = _text(table, "clause", path, required=False)
    return _build(  # type: ignore[no-any-return]
        path, lambda: GroupItem(item_id, label, measure, points, cap, clause)
    )


def _category(value: object, path: TomlPath) -> GroupCategory:
    table = _table(value, path, "a group category")
    _only(table, _CATEGORY_KEYS, path, "a group category")
    raw_items = table.get("items", [])
    if not isinstance(raw_items, list):
        raise _Bad(path + ("items",), "items must be an array of tables", "write [[…items]]")
    items = [_item(raw, path + ("items", i)) for i, raw in enumerate(raw_items)]
    category_id, label = _text(table, "id", path), _text(table, "label", path)
    numbers = {key: _optional_number(table, key, path) for key in ("base", "cap", "floor")}
    clause = _text(table, "clause", path, required=False)
    return _build(  # type: ignore[no-any-return]
        path, lambda: GroupCategory(category_id, label, items, clause=clause, **numbers)
    )


def _requirement(value: object, path: TomlPath) -> GroupRequirement:
    table = _table(value, path, "a group requirement")
    _only(table, _REQUIREMENT_KEYS, path, "a group requirement")
    measure = read_measure(
        _needs(table, "measure", path, "a group requirement"), path + ("measure",)
    )
    at_least = _number(table.get("at_least", 1), path + ("at_least",))
    requirement_id, label = _text(table, "id", path), _text(table, "label", path)
    clause = _text(table, "clause", path, required=False)
    return _build(  # type: ignore[no-any-return]
        path, lambda: GroupRequirement(requirement_id, label, measure, at_least, clause)
    )


def _kinds(table: Mapping[str, Any], key: str, path: TomlPath) -> list[str]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Bad(path + (key,), f"{key} must be an array of labels", f'write {key} = ["…"]')
    return value


def read_group_rules(value: object, path: TomlPath) -> GroupRules:
    """One ``[[groups]]`` table as :class:`~cppcc_model.rules.groups.GroupRules`."""
    table = _table(value, path, "a group rule")
    _only(table, _GROUP_KEYS, path, "a group rule")
    raw_categories = table.get("categories", [])
    if not isinstance(raw_categories, list):
        raise _Bad(path + ("categories",), "categories must be an array of tables")
    raw_requirements = table.get("requirements", [])
    if not isinstance(raw_requirements, list):
        raise _Bad(path + ("requirements",), "requirements must be an array of tables")
    categories = [_category(raw, path + ("categories", i)) for i, raw in enumerate(raw_categories)]
    requirements = [
        _requirement(raw, path + ("requirements", i)) for i, raw in enumerate(raw_requirements)
    ]
    rules_id, label = _text(table, "id", path), _text(table, "label", path)
    subject = _text(table, "subject", path)
    group_kinds, unit_kinds = _kinds(table, "group_kinds", path), _kinds(table, "unit_kinds", path)
    clause = _text(table, "clause", path, required=False)
    return _build(  # type: ignore[no-any-return]
        path,
        lambda: GroupRules(
            rules_id,
            label,
            subject,
            categories,
            group_kinds=group_kinds,
            unit_kinds=unit_kinds,
            requirements=requirements,
            clause=clause,
        ),
    )
