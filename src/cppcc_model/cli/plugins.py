"""``cppcc plugins`` (what is installed) and ``cppcc plugin new`` (a rule-plugin scaffold)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from cppcc_model.cli.app import cli_context
from cppcc_model.cli.formatting import Cell, Report, Table
from cppcc_model.cli.options import emit, output_options
from cppcc_model.cli.scaffold import LAYOUTS, PluginSpec, new_plugin
from cppcc_model.model.periods import parse_date
from cppcc_model.rules.readings import readings_text
from cppcc_model.rules.ruleset import RuleSet

__all__ = ["plugin", "plugins"]

_STATUS = {"loaded": "已加载", "blocked": "已屏蔽", "failed": "加载失败"}


def _rule_set_data(rule_set: RuleSet) -> dict[str, Any]:
    return {
        "name": rule_set.name,
        "title": rule_set.title,
        "jurisdiction": rule_set.jurisdiction,
        "effective_from": rule_set.effective_from.isoformat(),
        "effective_until": rule_set.effective_until.isoformat()
        if rule_set.effective_until
        else None,
        "readings": [
            {**reading.to_dict(), "value": rule_set.options.get(reading.name, reading.default)}
            for reading in rule_set.readings
        ],
    }


@click.command("plugins")
@output_options
def plugins(format: str, output: Path | None) -> None:
    """List the installed rule plugins and the rule sets each registered."""
    loaded = cli_context().plugins()
    by_name = {r.name: r for r in loaded.rule_sets}
    rows: list[list[Cell]] = []
    out = []
    for info in sorted(loaded.info, key=lambda i: i.name):
        rule_sets = [by_name[n] for n in info.rule_sets if n in by_name]
        listed: list[RuleSet | None] = list(rule_sets) or [None]
        status = f"{_STATUS.get(info.status, info.status)} {info.status}"
        for rule_set in listed:
            rows.append(
                [
                    info.name,
                    status,
                    info.distribution,
                    info.version,
                    rule_set.name if rule_set else None,
                    rule_set.jurisdiction if rule_set else None,
                    rule_set.effective_from.isoformat() if rule_set else None,
                    rule_set.effective_until.isoformat()
                    if rule_set and rule_set.effective_until
                    else None,
                    readings_text(rule_set.readings, rule_set.options) if rule_set else None,
                    info.error,
                ]
            )
        out.append({**info.to_dict(), "rule_sets": [_rule_set_data(r) for r in rule_sets]})
    table = Table(
        "已安装的规则插件 installed rule plugins",
        [
            ("plugin", "插件"),
            ("status", "状态"),
            ("distribution", "发行包"),
            ("version", "版本"),
            ("rule_set", "规则集"),
            ("jurisdiction", "地区"),
            ("effective_from", "生效日期"),
            ("effective_until", "失效日期"),
            ("readings", "解读选项"),
            ("error", "错误"),
        ],
        rows,
        [
            "没有安装规则插件 no rule plugin is installed "
            "(pip install -e plugins/cppcc-rules-<地区 district> in a checkout of cppcc-model)"
        ]
        * (not rows),
    )
    emit(Report([table], {"plugins": out}), format, output)


@click.group("plugin")
def plugin() -> None:
    """Work on rule plugins."""


@plugin.command("new")
@click.argument("name")
@click.option(
    "--dir",
    "directory",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Where to create the cppcc-rules-NAME directory.",
)
@click.option("--jurisdiction", help="The jurisdiction key (default: example.NAME).")
@click.option("--title", help="The rules' title (default: 'NAME 政协委员履职考核办法').")
@click.option(
    "--effective-from",
    "effective_from",
    default="2024-01-01",
    show_default=True,
    metavar="DATE",
    help="The day the rules came into force.",
)
@click.option(
    "--layout",
    type=click.Choice(LAYOUTS),
    default="single",
    show_default=True,
    help="single: one rules.py; areas: a module each for members, requirements, groups and "
    "awards, for rules that mix them.",
)
def new(
    name: str,
    directory: Path,
    jurisdiction: str | None,
    title: str | None,
    effective_from: str,
    layout: str,
) -> None:
    """Scaffold a rule-plugin distribution cppcc-rules-NAME, with tests and a golden case."""
    spec = PluginSpec(name, jurisdiction, title, parse_date(effective_from), layout)
    root, written = new_plugin(spec, directory)
    for path in written:
        click.echo(f"  created {path.relative_to(directory)}")
    click.echo(
        f"\nNext:\n  cd {root}\n  pip install -e . pytest hypothesis\n  pytest\n"
        f"  cppcc plugins   # lists {name} with {spec.rule_set}"
    )
