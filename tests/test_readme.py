"""The README's Quick start: its two commands exist, and the main job runs and prints a ranking."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def command_after(marker: str) -> str:
    match = re.search(rf"<!-- {marker} -->\n```\n(.+)\n```", README)
    assert match, f"README.md has no command after <!-- {marker} -->"
    return match.group(1)


def test_the_quick_start_has_exactly_two_one_line_commands() -> None:
    quick_start = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert quick_start.count("<!-- main-command -->") == 1
    assert quick_start.count("<!-- test-command -->") == 1
    assert "pytest" in command_after("test-command")


def test_the_main_job_ranks_members_and_groups() -> None:
    install, _, run = command_after("main-command").partition(" && ")
    assert install.startswith("python3 -m pip install")
    arguments = shlex.split(run)
    assert arguments[:3] == ["python3", "-m", "cppcc_model"]
    result = subprocess.run(
        [sys.executable, "-m", "cppcc_model", *arguments[3:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "委员排名" in result.stdout
    assert "双沟镇活动组" in result.stdout
    assert "张景海" in result.stdout


# These tests run the command and the docs as a user would: with the installed rule plugins.
pytestmark = pytest.mark.installed_plugins
