"""A rule set as a readable outline, and what changed between two versions of it.

:func:`outline` walks a :class:`~cppcc_model.rules.ruleset.RuleSet` block by block and gives one
:class:`OutlineLine` per thing the rule text decides: each category, item, pool, grade band,
requirement, trigger, group rule and award, with its clause and what each of its blocks says
(every block describes itself in the words of the rule). :func:`diff` compares two outlines by
their paths, so a district can see what its 2023 rules changed against its 2019 ones.

The walk is generic over ``attrs`` classes and reads a block's fields through
:func:`cppcc_model.rules.walk.fields`, as every other walk of a rule set does: a block added to
the vocabulary appears in the outline and the diff without any change here, described by its
own ``describe()`` when it has one, field by field otherwise.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from fractions import Fraction
from types import ModuleType
from typing import Any

import attrs

from cppcc_model.numbers import format_fraction
from cppcc_model.rules.ruleset import RuleSet
from cppcc_model.rules.walk import fields

__all__ = ["Change", "OutlineLine", "block_families", "describe_block", "diff", "outline"]

_SKIPPED = frozenset({"label", "clause", "id"})
"""Fields shown in a node's heading, not as lines of their own (the walk leaves out the factory)."""


@attrs.frozen
class OutlineLine:
    """One line of a rule set's outline.

    Attributes:
        path: where it sits, as ids joined by ``/`` (``categories/proposals/items/proposal.filed``
            for a node, ``…/value`` for one of its fields).
        depth: how deep it sits (0 for the rule set's own fields).
        text: what it says: a node's label, or a field's value in the rule's words.
        clause: the clause reference of the node it belongs to, where the rule set states one.
        is_node: whether the line heads a node (a category, an item …) rather than a field.
    """

    path: str
    depth: int
    text: str
    clause: str | None = None
    is_node: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The line as plain data."""
        return {
            "path": self.path,
            "depth": self.depth,
            "text": self.text,
            "clause": self.clause,
            "node": self.is_node,
        }


@attrs.frozen
class Change:
    """One difference between two outlines.

    Attributes:
        path: the line's path (see :class:`OutlineLine`).
        kind: ``"added"``, ``"removed"`` or ``"changed"``.
        old: the older text (``None`` when added).
        new: the newer text (``None`` when removed).
        clause: the clause of the newer version's line (or the older's, when removed).
    """

    path: str
    kind: str
    old: str | None
    new: str | None
    clause: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The change as plain data."""
        return {
            "path": self.path,
            "kind": self.kind,
            "old": self.old,
            "new": self.new,
            "clause": self.clause,
        }


def describe_block(value: object) -> str:
    """``value`` in the words of the rule: a block's own description, or its fields'.

    Numbers are shown exactly (``25``, ``5/2``, ``1/3``); dates in
    ISO form; enumerations by their Chinese label; collections sorted where their order carries
    no meaning.
    """
    describe = getattr(value, "describe", None)
    if callable(describe) and not isinstance(value, type):
        text = describe()
        if isinstance(text, str):
            return text
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "是 yes" if value else "否 no"
    if isinstance(value, Fraction | int):
        return format_fraction(Fraction(value))
    if isinstance(value, enum.Enum):
        label = getattr(value, "label", None)
        return str(label) if label else str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        return (
            "{"
            + ", ".join(
                f"{describe_block(k)}: {describe_block(v)}"
                for k, v in sorted(value.items(), key=lambda kv: describe_block(kv[0]))
            )
            + "}"
        )
    if isinstance(value, frozenset | set):
        return "{" + ", ".join(sorted(describe_block(v) for v in value)) + "}"
    if isinstance(value, tuple | list):
        return "[" + ", ".join(describe_block(v) for v in value) + "]"
    if attrs.has(type(value)):
        fields = [
            f"{field.name}={describe_block(getattr(value, field.name))}"
            for field in _fields(value)
            if field.repr is not False and getattr(value, field.name) != field.default
        ]
        return f"{type(value).__name__}({', '.join(fields)})"
    if callable(value):
        return getattr(value, "__qualname__", repr(value))
    return repr(value)


def _fields(value: object) -> tuple[attrs.Attribute[Any], ...]:
    fields: tuple[attrs.Attribute[Any], ...] = attrs.fields(type(value))  # type: ignore[arg-type]
    return fields


def _node_id(value: object, index: int) -> str:
    for name in ("id", "name", "label"):
        found = getattr(value, name, None)
        if isinstance(found, str) and found:
            return found
    return str(index + 1)


def _is_node(value: object) -> bool:
    """Whether ``value`` is a block with an identity of its own (it gets a heading line)."""
    return attrs.has(type(value)) and any(
        isinstance(getattr(value, name, None), str) for name in ("id", "label")
    )


def _walk(value: object, path: str, depth: int, lines: list[OutlineLine]) -> None:
    """The outline lines of ``value``'s fields, as :func:`~cppcc_model.rules.walk.fields` gives."""
    for name, child in fields(value):
        if name in _SKIPPED:
            continue
        if name == "options" and isinstance(child, Mapping):
            for key in sorted(child):
                lines.append(OutlineLine(f"{path}options/{key}", depth, describe_block(child[key])))
            continue
        if name == "readings" and isinstance(child, tuple):
            for reading in child:
                choices = " | ".join(describe_block(c) for c in reading.choices)
                text = f"解读 reading — {reading.meaning}" + (f" [{choices}]" if choices else "")
                lines.append(OutlineLine(f"{path}readings/{reading.name}", depth, text))
            continue
        if isinstance(child, tuple) and child and all(_is_node(c) for c in child):
            for index, node in enumerate(child):
                _node(node, f"{path}{name}/{_node_id(node, index)}", depth, lines)
            continue
        if _is_node(child):
            _node(child, f"{path}{name}", depth, lines)
            continue
        if child is None or child == () or child == {}:
            continue
        if attrs.has(type(child)) and not callable(getattr(child, "describe", None)):
            # A settings-like block (Settings, RoundingPolicy, Grades): one line per field.
            nested: list[OutlineLine] = []
            _walk(child, f"{path}{name}/", depth + 1, nested)
            if nested:
                lines.append(OutlineLine(f"{path}{name}", depth, name, is_node=True))
                lines.extend(nested)
            continue
        lines.append(OutlineLine(f"{path}{name}", depth, describe_block(child)))


def _node(value: object, path: str, depth: int, lines: list[OutlineLine]) -> None:
    label = getattr(value, "label", None)
    ident = getattr(value, "id", None)
    heading = " ".join(str(p) for p in (ident, label) if isinstance(p, str) and p) or path
    clause = getattr(value, "clause", None)
    lines.append(
        OutlineLine(
            path,
            depth,
            heading,
            clause=clause if isinstance(clause, str) else None,
            is_node=True,
        )
    )
    _walk(value, path + "/", depth + 1, lines)


def outline(rule_set: RuleSet) -> tuple[OutlineLine, ...]:
    """The outline of ``rule_set``: its settings, then each block, in the order it states them.

    The first lines say which rule set it is (title, jurisdiction, dates, source, readings);
    every category, item, pool, band, requirement, trigger, group rule and award follows with
    its clause reference and what each of its blocks decides.
    """
    lines: list[OutlineLine] = []
    _walk(rule_set, "", 0, lines)
    return tuple(lines)


def diff(old: Iterable[OutlineLine], new: Iterable[OutlineLine]) -> tuple[Change, ...]:
    """What changed from the outline ``old`` to ``new``, line by line, in ``new``'s order.

    Lines are matched by path: a category or item whose id stayed the same is compared field by
    field; one whose id changed is removed and added. Removed lines follow, in ``old``'s order.
    """
    before = {line.path: line for line in old}
    after = {line.path: line for line in new}
    changes: list[Change] = []
    for path, line in after.items():
        was = before.get(path)
        if was is None:
            changes.append(Change(path, "added", None, line.text, line.clause))
        elif was.text != line.text or was.clause != line.clause:
            old_text = was.text if was.clause == line.clause else f"{was.text} ({was.clause})"
            new_text = line.text if was.clause == line.clause else f"{line.text} ({line.clause})"
            changes.append(Change(path, "changed", old_text, new_text, line.clause))
    for path, line in before.items():
        if path not in after:
            changes.append(Change(path, "removed", line.text, None, line.clause))
    return tuple(changes)


def block_families(*modules: ModuleType) -> dict[str, tuple[tuple[str, str], ...]]:
    """Every building block a rule author writes, by family, with its one-line meaning.

    Args:
        modules: the modules whose ``__all__`` lists blocks (default: :mod:`cppcc_model.rules`);
            a family is the name of the module that defines the block (selection, values,
            attribution, counting, items, outcomes, conditions, awards, groups …).

    Read from the exports, so a new block is listed as soon as it is exported. Exceptions are
    left out.
    """
    if not modules:
        import cppcc_model.rules

        modules = (cppcc_model.rules,)
    families: dict[str, list[tuple[str, str]]] = {}
    for module in modules:
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            if not isinstance(value, type) or issubclass(value, Exception):
                continue
            family = value.__module__.rsplit(".", 1)[-1].lstrip("_")
            doc = (value.__doc__ or "").strip().splitlines()
            entry = (name, doc[0] if doc else "")
            if entry not in families.setdefault(family, []):
                families[family].append(entry)
    return {family: tuple(sorted(entries)) for family, entries in sorted(families.items())}
