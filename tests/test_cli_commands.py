"""Every ``cppcc`` command loads on demand, answers ``--help`` and is documented.

Click's advice for lazily loaded commands is to test each one's ``--help``; datasette's is to
tie the CLI reference to the registered commands. Both are checked here, for every command and
every sub-command of a group.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from cppcc_model.cli import COMMANDS, cli

ROOT = Path(__file__).resolve().parents[1]
CLI_REFERENCE = ROOT / "docs" / "reference" / "cli.md"


def _paths(group: click.Group, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        assert command is not None, name
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from _paths(command, (*prefix, name))


ALL_COMMANDS = sorted(_paths(cli))


def test_every_lazy_command_is_listed() -> None:
    assert {path[0] for path in ALL_COMMANDS} == set(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_listed_summary_is_the_commands_own(name: str) -> None:
    command = COMMANDS[name].load()
    assert COMMANDS[name].summary == command.get_short_help_str(limit=1000)


@pytest.mark.parametrize("path", ALL_COMMANDS, ids=" ".join)
def test_every_command_answers_help(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert f"Usage: cli {' '.join(path)}" in result.output


@pytest.mark.parametrize("path", ALL_COMMANDS, ids=" ".join)
def test_every_command_has_a_heading_in_the_cli_reference(path: tuple[str, ...]) -> None:
    headings = re.findall(r"^## (.+)$", CLI_REFERENCE.read_text(encoding="utf-8"), re.MULTILINE)
    invocation = f"`cppcc {' '.join(path)}"
    is_group = isinstance(COMMANDS[path[0]].load(), click.Group) and len(path) == 1
    if is_group:
        # A group is documented through its sub-commands' headings.
        invocation = f"`cppcc {path[0]} "
    assert any(invocation in heading for heading in headings), (
        f"docs/reference/cli.md has no heading for {' '.join(path)}"
    )


def test_help_imports_no_command_module() -> None:
    probe = (
        "import sys\n"
        "from cppcc_model.cli import main\n"
        "main(['--help'])\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('cppcc_model'))\n"
        "print(' '.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    loaded = set(result.stdout.strip().splitlines()[-1].split())
    assert loaded <= {"cppcc_model", "cppcc_model.errors", "cppcc_model.cli", "cppcc_model.cli.app"}
    assert "Commands:" in result.stdout
