"""``cppcc plugin new``: the scaffold is a working plugin distribution whose own tests pass."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

from click.testing import CliRunner

from cppcc_model.cli import ExitCode, cli


def _new(tmp_path: Path, *args: str) -> Path:
    result = CliRunner().invoke(
        cli, ["plugin", "new", "demo-county", "--dir", str(tmp_path), *args]
    )
    assert result.exit_code == 0, result.output
    return tmp_path / "cppcc-rules-demo-county"


def test_the_scaffold_has_the_shape_of_a_rule_plugin(tmp_path: Path) -> None:
    root = _new(
        tmp_path, "--jurisdiction", "demo.province.county", "--effective-from", "2023-03-01"
    )
    files = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
    assert files == [
        "README.md",
        "pyproject.toml",
        "src/cppcc_rules_demo_county/__init__.py",
        "src/cppcc_rules_demo_county/plugin.py",
        "src/cppcc_rules_demo_county/py.typed",
        "src/cppcc_rules_demo_county/rules.py",
        "tests/conftest.py",
        "tests/golden/sample.golden.toml",
        "tests/test_rules.py",
    ]
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["name"] == "cppcc-rules-demo-county"
    assert project["project"]["entry-points"]["cppcc_model"] == {
        "demo-county": "cppcc_rules_demo_county.plugin"
    }
    rules = (root / "src/cppcc_rules_demo_county/rules.py").read_text(encoding="utf-8")
    assert 'JURISDICTION = "demo.province.county"' in rules
    assert 'name="demo-county-2023"' in rules
    golden = tomllib.loads((root / "tests/golden/sample.golden.toml").read_text(encoding="utf-8"))
    assert golden["rule_set"] == "demo-county-2023"
    assert golden["period"] == "2023"


def test_the_generated_plugin_tests_pass_from_its_source_tree(tmp_path: Path) -> None:
    root = _new(tmp_path)
    env = {
        **os.environ,
        "PYTHONPATH": str(root / "src"),
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
        "CPPCC_PLUGINS": "",
    }
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "cppcc_model.testing.pytest_plugin", "-q"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "4 passed" in completed.stdout  # three tests and the golden case


def _run_its_tests(root: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(root / "src"),
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
        "CPPCC_PLUGINS": "",
    }
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "cppcc_model.testing.pytest_plugin", "-q"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_areas_layout_gives_a_module_per_area_and_its_tests_pass(tmp_path: Path) -> None:
    root = _new(tmp_path, "--layout", "areas")
    package = root / "src/cppcc_rules_demo_county"
    assert sorted(p.name for p in package.glob("*.py")) == [
        "__init__.py",
        "awards.py",
        "groups.py",
        "members.py",
        "plugin.py",
        "requirements.py",
        "rules.py",
    ]
    rules = (package / "rules.py").read_text(encoding="utf-8")
    assert "from cppcc_rules_demo_county import awards, groups, members, requirements" in rules
    for area, block in (
        ("members", "Category("),
        ("requirements", "Requirement("),
        ("groups", "GroupRules("),
        ("awards", "Award("),
    ):
        text = (package / f"{area}.py").read_text(encoding="utf-8")
        assert block in text
        assert "# 第" in text  # the clause beside its block
    completed = _run_its_tests(root)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "4 passed" in completed.stdout


def test_a_bad_name_or_an_existing_directory_is_refused(tmp_path: Path) -> None:
    runner = CliRunner()
    bad = runner.invoke(cli, ["plugin", "new", "Bad Name", "--dir", str(tmp_path)])
    assert bad.exit_code == ExitCode.BAD_INPUT
    assert "lower-case" in bad.stderr
    _new(tmp_path)
    again = runner.invoke(cli, ["plugin", "new", "demo-county", "--dir", str(tmp_path)])
    assert again.exit_code == ExitCode.BAD_INPUT
    assert "already exists" in again.stderr
