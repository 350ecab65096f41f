"""``cppcc rules``: the rule author's view of rule sets — blocks, outlines and changes.

* ``cppcc rules blocks`` lists every building block with its one-line meaning, by family;
* ``cppcc rules show RULES`` prints a rule set as an outline: categories, items, caps, grades,
  requirements, triggers, group rules and awards, each with its clause;
* ``cppcc rules diff OLD NEW`` lists what changed between two rule sets (two versions of a
  district's rules, or a TOML draft against the installed plugin).

RULES is a rule set's name (``tongcheng-2019``), a jurisdiction or its last part (the version in
force today, or on the date after ``@``: ``tongcheng@2019-06-30``), or a ``.toml`` rule file.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click

from cppcc_model.cli.app import cli_context
from cppcc_model.cli.formatting import Cell, Report, Table
from cppcc_model.cli.options import emit, output_options
from cppcc_model.errors import InvalidValueError
from cppcc_model.model.periods import parse_date
from cppcc_model.rules.outline import block_families, diff, outline
from cppcc_model.rules.ruleset import RuleSet
from cppcc_model.rules.toml import load_rule_set

__all__ = ["find_rule_set", "rules"]

_CHANGE_LABELS = {"added": "新增 added", "removed": "删除 removed", "changed": "修改 changed"}


def find_rule_set(spec: str) -> RuleSet:
    """The rule set ``spec`` names: a ``.toml`` file, a rule set's name or ``jurisdiction[@date]``.

    Raises:
        CppccError: when nothing matches; the hint lists what is installed.

    """
    plugins = cli_context().plugins()
    if spec.lower().endswith(".toml") or os.path.isfile(spec):
        return load_rule_set(spec, functions=plugins.functions)
    name, at, day = spec.partition("@")
    if not name:
        raise InvalidValueError(
            f"{spec!r} names no rule set",
            hint="give a rule set's name, a jurisdiction (optionally @YYYY-MM-DD) or a .toml file",
        )
    on = parse_date(day) if at else dt.date.today()
    return plugins.rule_sets.resolve(name, on)


@click.group("rules")
def rules() -> None:
    """For rule authors: the building blocks, a rule set's outline, what changed between two."""


@rules.command("blocks")
@output_options
def blocks(format: str, output: Path | None) -> None:
    """List every building block a rule set is written with, by family, with its meaning."""
    import cppcc_model.rules

    families = block_families(cppcc_model.rules)
    rows: list[list[Cell]] = [
        [family, name, meaning] for family, entries in families.items() for name, meaning in entries
    ]
    table = Table(
        "构件 building blocks",
        [("family", "类别"), ("block", "构件"), ("meaning", "含义")],
        rows,
    )
    data = {
        family: [{"block": name, "meaning": meaning} for name, meaning in entries]
        for family, entries in families.items()
    }
    emit(Report([table], {"blocks": data}), format, output)


@rules.command("show")
@click.argument("rules_spec", metavar="RULES")
@output_options
def show(rules_spec: str, format: str, output: Path | None) -> None:
    """Show RULES as an outline: every category, item, cap, grade, requirement and award."""
    rule_set = find_rule_set(rules_spec)
    lines = outline(rule_set)
    rows: list[list[Cell]] = [
        ["  " * line.depth + line.path.rsplit("/", 1)[-1], line.text, line.clause] for line in lines
    ]
    text = "\n".join(
        "  " * line.depth
        + (f"{line.text}" if line.is_node else f"{line.path.rsplit('/', 1)[-1]}: {line.text}")
        + (f"  〔{line.clause}〕" if line.clause else "")
        for line in lines
    )
    table = Table(
        f"规则概览 outline of {rule_set.name}",
        [("field", "条目"), ("text", "内容"), ("clause", "条款")],
        rows,
    )
    data = {"rule_set": rule_set.name, "lines": [line.to_dict() for line in lines]}
    emit(Report([table], data, text=text + "\n"), format, output)


@rules.command("diff")
@click.argument("old_spec", metavar="OLD")
@click.argument("new_spec", metavar="NEW")
@output_options
def diff_command(old_spec: str, new_spec: str, format: str, output: Path | None) -> None:
    """List what changed from the rule set OLD to NEW, line by line, with clauses."""
    old, new = find_rule_set(old_spec), find_rule_set(new_spec)
    changes = diff(outline(old), outline(new))
    rows: list[list[Cell]] = [
        [_CHANGE_LABELS[c.kind], c.path, c.old, c.new, c.clause] for c in changes
    ]
    table = Table(
        f"规则变化 changes from {old.name} to {new.name}",
        [("change", "变化"), ("path", "位置"), ("old", "原"), ("new", "新"), ("clause", "条款")],
        rows,
        ["两者相同 no difference"] * (not rows),
    )
    data = {"old": old.name, "new": new.name, "changes": [c.to_dict() for c in changes]}
    emit(Report([table], data), format, output)
