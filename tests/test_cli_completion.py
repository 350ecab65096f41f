"""Shell completion works as docs/reference/cli.md says: the scripts, and what Tab completes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def complete(**env: str) -> str:
    """Run ``cppcc`` with click's completion variables set; return what it printed."""
    result = subprocess.run(
        [sys.executable, "-m", "cppcc_model"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize(
    ("shell", "marker"),
    [("bash", "_cppcc_completion()"), ("zsh", "#compdef cppcc"), ("fish", "complete")],
)
def test_the_completion_script_is_generated_for_each_shell(shell: str, marker: str) -> None:
    script = complete(_CPPCC_COMPLETE=f"{shell}_source")
    assert marker in script
    assert "_CPPCC_COMPLETE" in script
    assert "_CPPCC_COMPLETE=bash_source cppcc" in (ROOT / "docs/reference/cli.md").read_text(
        encoding="utf-8"
    )


def test_tab_completes_a_command_and_an_option() -> None:
    commands = complete(COMP_WORDS="cppcc ra", COMP_CWORD="1", _CPPCC_COMPLETE="bash_complete")
    assert commands.split() == ["plain,rank"]
    options = complete(COMP_WORDS="cppcc rank --f", COMP_CWORD="2", _CPPCC_COMPLETE="bash_complete")
    assert "plain,--format" in options.split()
    choices = complete(
        COMP_WORDS="cppcc rank --format ", COMP_CWORD="3", _CPPCC_COMPLETE="bash_complete"
    )
    assert {"plain,xlsx", "plain,json", "plain,csv"} <= set(choices.split())
