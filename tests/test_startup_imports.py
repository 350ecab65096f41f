"""What a command imports: ``cppcc --help`` nothing heavy, the README's ranking no polars.

A one-off command pays for every module it imports, so these tests run the commands in a fresh
interpreter and read ``sys.modules`` afterwards. They check what is imported, never how long it
takes (docs/performance.md records the timings).
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")

HEAVY = ("polars", "pendulum", "cattrs", "pluggy", "openpyxl", "jinja2", "opencc")
"""Libraries ``cppcc --help`` must not import (polars alone takes about 0.25 s)."""


def _modules_after(arguments: list[str]) -> tuple[int, str, set[str]]:
    """Run ``cppcc ARGUMENTS`` in a fresh interpreter: exit code, output, modules imported."""
    probe = (
        "import sys\n"
        "from cppcc_model.cli import main\n"
        f"code = main({arguments!r})\n"
        "sys.stdout.flush()\n"
        "print('\\n@modules', ' '.join(sorted(sys.modules)))\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=False
    )
    output, _, modules = result.stdout.rpartition("\n@modules ")
    return result.returncode, output + result.stderr, set(modules.split())


def _readme_rank_arguments() -> list[str]:
    """The arguments of the README's main command (``python3 -m cppcc_model rank …``)."""
    marker = "<!-- main-command -->\n```\n"
    line = README.split(marker, 1)[1].split("\n", 1)[0]
    run = line.partition(" && ")[2]
    words = shlex.split(run)
    assert words[:4] == ["python3", "-m", "cppcc_model", "rank"], words
    return words[3:]


def test_help_imports_nothing_heavy() -> None:
    code, output, modules = _modules_after(["--help"])
    assert code == 0, output
    assert "Commands:" in output
    assert not modules & set(HEAVY)
    assert not [m for m in modules if m.startswith(("cppcc_model.assess", "cppcc_model.io"))]


def test_the_readme_ranking_of_a_district_does_not_import_polars() -> None:
    arguments = _readme_rank_arguments()
    assert "examples/xiangzhou/dataset" in arguments
    code, output, modules = _modules_after(arguments)
    assert code == 0, output
    assert "委员排名" in output
    assert "双沟镇活动组" in output
    assert "polars" not in modules
    assert "cppcc_model.engine.columns" not in modules
    # nor what a directory of CSV with ISO dates and rules from a plugin do not need
    for unused in ("pendulum", "cattrs", "tomllib", "cppcc_model.catalogue"):
        assert unused not in modules, unused
    # nor the awards, cohorts and requirement reports the package cppcc_model.assess names
    for lazy in ("awards", "award_candidates", "award_results", "cohorts", "requirements"):
        assert f"cppcc_model.assess.{lazy}" not in modules, lazy
    # nor the proposal figures the package cppcc_model.proposals names
    for lazy in ("figures", "merges", "settings", "statistics"):
        assert f"cppcc_model.proposals.{lazy}" not in modules, lazy
    assert "cppcc_model.information.filters" not in modules
    # nor the workbook, XML and JSON modules a CSV dataset printed as a table does not need,
    # nor the OpenCC converter: the example writes its labels in simplified characters
    for unused in (
        "cppcc_model.io._workbook_parts",
        "cppcc_model.io.safe_xlsx",
        "xml.etree.ElementTree",
        "json",
        "difflib",
        "opencc",
        # the plugins' entry points are read without importlib.metadata and its email parser
        "importlib.metadata",
        "email",
        # nor tempfile, which only writing a file needs
        "tempfile",
    ):
        assert unused not in modules, unused


def test_the_assess_package_gives_every_name_it_lists_from_its_module() -> None:
    import importlib

    import cppcc_model.assess as package

    for name in package.__all__:
        home = importlib.import_module(package._HOMES[name])
        assert getattr(package, name) is getattr(home, name), name
        assert name in dir(package)
    with pytest.raises(AttributeError, match="no_such_name"):
        package.no_such_name  # noqa: B018


def test_the_proposals_package_gives_every_name_it_lists() -> None:
    import importlib

    import cppcc_model.proposals as package
    from cppcc_model.proposals import deadlines, overdue

    for name in package.__all__:
        home = package._LAZY.get(name)
        value = getattr(package, name)
        if home is not None:
            assert value is getattr(importlib.import_module(home), name), name
    # the overdue helpers are still reachable where they were first defined
    for name in ("Overdue", "is_overdue", "overdue_as_of", "reply_due"):
        assert getattr(deadlines, name) is getattr(overdue, name)
    with pytest.raises(AttributeError, match="no_such_name"):
        package.no_such_name  # noqa: B018


def test_a_submodule_named_like_a_function_leaves_the_function_in_the_package() -> None:
    # cppcc_model.assess.award_candidates is a module and the function it defines; the
    # package's name is the function whichever is imported first (in a fresh interpreter)
    probe = (
        "import types\n"
        "from cppcc_model.assess.award_candidates import award_candidates as function\n"
        "import cppcc_model.assess as package\n"
        "from cppcc_model.assess import award_candidates\n"
        "assert award_candidates is function, award_candidates\n"
        "assert package.award_candidates is function\n"
        "assert 'cppcc_model.assess.award_candidates' in __import__('sys').modules\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.stdout.strip() == "ok", result.stderr


def test_help_imports_no_attrs() -> None:
    code, output, modules = _modules_after(["--help"])
    assert code == 0, output
    assert not [m for m in modules if m in ("attr", "attrs") or m.startswith("attr.")]


def test_the_cli_context_is_immutable_and_compared_by_value() -> None:
    from cppcc_model.cli import CliContext

    english = CliContext(lang="en")
    assert english == CliContext(lang="en")
    assert hash(english) == hash(CliContext(lang="en"))
    assert english != CliContext(lang="zh")
    assert (english.debug, english.strict, english.lang) == (False, False, "en")
    with pytest.raises(AttributeError):
        english.lang = "zh"  # type: ignore[misc]


# The ranking runs with the installed rule plugins, as a user runs it.
pytestmark = pytest.mark.installed_plugins


def test_a_command_runs_with_fewer_young_collections_and_puts_them_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    import cppcc_model.cli as package

    during: list[tuple[int, int, int]] = []

    def command(**_: object) -> int:
        during.append(gc.get_threshold())
        return 0

    before = gc.get_threshold()
    monkeypatch.setattr(package.cli, "main", command)
    assert package.main(["--help"]) == 0
    assert during == [(max(before[0], package.YOUNG_COLLECTION_EVERY), *before[1:])]
    assert gc.get_threshold() == before

    def failing(**_: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(package.cli, "main", failing)
    with pytest.raises(RuntimeError):
        package.main(["--help"])
    assert gc.get_threshold() == before
