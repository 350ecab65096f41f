"""The rule-engine documentation keeps up with the code it documents.

* Every hook specification in ``cppcc_model.hookspecs`` has its ``## name(params)`` heading on
  the hooks page, so a new hook cannot ship undocumented.
* Every class exported by ``cppcc_model.rules`` is named on the building-block pages.
* Every page of docs/rules/ (and the plugin how-to and the rule references) is in the navigation.
* The files of the plugin how-to, written into an empty directory, make a plugin whose own tests
  and golden cases pass; the complete TOML rule file and the golden-case format example load.

(The ``python`` examples of these pages run in tests/test_docs.py.)
"""

from __future__ import annotations

import ast
import html
import inspect
import os
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import cppcc_model.rules
from cppcc_model import hookspecs
from cppcc_model.rules.toml import loads_rule_set
from cppcc_model.testing.golden import load_golden_case

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
RULES = DOCS / "rules"
HOOKS_PAGE = DOCS / "reference" / "hooks.md"
HOW_TO = DOCS / "how-to" / "write-a-rule-plugin.md"
REFERENCES = ("hooks.md", "toml-rules.md", "golden-cases.md", "score-cards.md")

FENCE = re.compile(r"^(?P<fence>`{3,})[ \t]*(?P<info>[^`\n]*?)[ \t]*$")
TITLE = re.compile(r'title="(?P<title>[^"]+)"')


# ---------------------------------------------------------------------- hooks, one heading each


def hookspec_signatures(source: str) -> dict[str, tuple[str, ...]]:
    """Every function decorated with ``@hookspec`` (bare or called) → its parameter names."""
    found: dict[str, tuple[str, ...]] = {}
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for decorator in node.decorator_list:
            target = decorator.func if isinstance(decorator, ast.Call) else decorator
            name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
            if name == "hookspec":
                arguments = node.args
                names = [a.arg for a in [*arguments.posonlyargs, *arguments.args]]
                names += [a.arg for a in arguments.kwonlyargs]
                found[node.name] = tuple(names)
    return found


def page_headings(text: str) -> set[str]:
    """The text of every ``##`` heading, without trailing attributes or spaces."""
    return {
        re.sub(r"\s*\{[^}]*\}\s*$", "", match.strip())
        for match in re.findall(r"^##[ \t]+(.+)$", text, re.MULTILINE)
    }


def undocumented_hooks(source: str, page: str) -> list[str]:
    """The hookspec signatures that have no ``## name(params)`` heading on ``page``."""
    headings = page_headings(page)
    signatures = [
        f"{name}({', '.join(params)})" for name, params in hookspec_signatures(source).items()
    ]
    return [signature for signature in signatures if signature not in headings]


def test_every_hookspec_has_its_signature_as_a_heading_on_the_hooks_page() -> None:
    source = inspect.getsource(hookspecs)
    assert undocumented_hooks(source, HOOKS_PAGE.read_text(encoding="utf-8")) == []


def test_the_hookspec_parser_finds_the_known_hooks() -> None:
    found = hookspec_signatures(inspect.getsource(hookspecs))
    assert found["cppcc_register_rule_sets"] == ("register",)
    assert found["cppcc_register_functions"] == ("register",)
    # the parser agrees with pluggy about which functions are hook specifications
    marked = {
        name
        for name, value in vars(hookspecs).items()
        if callable(value) and hasattr(value, f"{hookspecs.PROJECT_NAME}_spec")
    }
    assert set(found) == marked


def test_a_new_undocumented_hookspec_is_caught() -> None:
    source = (
        "@hookspec\ndef cppcc_new_hook(register, options): ...\n"
        "@hookspec(firstresult=True)\ndef cppcc_first(value): ...\n"
        "def not_a_hook(x): ...\n"
    )
    page = "# Hooks\n\n## cppcc_new_hook(register, options)\n\n## cppcc_first(other)\n"
    assert undocumented_hooks(source, page) == ["cppcc_first(value)"]
    assert undocumented_hooks(source, page.replace("(other)", "(value) { #first }")) == []
    assert undocumented_hooks(source, "### cppcc_new_hook(register, options)\n") == [
        "cppcc_new_hook(register, options)",
        "cppcc_first(value)",
    ]


def test_each_hook_section_says_when_it_is_called_and_has_an_example() -> None:
    text = HOOKS_PAGE.read_text(encoding="utf-8")
    sections = re.split(r"^## ", text, flags=re.MULTILINE)[1:]
    assert len(sections) == len(hookspec_signatures(inspect.getsource(hookspecs)))
    for section in sections:
        assert "**Called:** once per plugin" in section, section.splitlines()[0]
        assert "```python\n" in section, section.splitlines()[0]


# ---------------------------------------------------------------------- building blocks


def rules_pages_text() -> str:
    return "\n".join(page.read_text(encoding="utf-8") for page in sorted(RULES.glob("*.md")))


def test_every_class_exported_by_cppcc_model_rules_is_named_on_the_block_pages() -> None:
    text = rules_pages_text()
    classes = [
        name
        for name in cppcc_model.rules.__all__
        if inspect.isclass(getattr(cppcc_model.rules, name))
    ]
    assert len(classes) >= 45
    missing = [name for name in classes if not re.search(rf"\b{name}\b", text)]
    assert not missing, f"name these blocks on a page of docs/rules/: {missing}"


@pytest.mark.parametrize(
    "page", sorted(p.name for p in RULES.glob("*.md") if p.name not in ("index.md", "features.md"))
)
def test_each_block_page_states_its_clause_python_toml_and_a_checked_example(page: str) -> None:
    text = (RULES / page).read_text(encoding="utf-8")
    assert re.search(r"[\u4e00-\u9fff]", text), "the Chinese clause pattern"
    assert "## Python" in text or "```python\n" in text
    assert "TOML" in text
    assert "\nassert " in text or "\n    assert " in text
    assert "<!-- output -->" in text, "an example whose printed result is checked"


def test_the_overview_states_the_pipeline_order_and_the_rounding_policy() -> None:
    text = (RULES / "index.md").read_text(encoding="utf-8")
    # the diagram's labels, in the order the SVG draws them
    image = re.search(r"\]\((\.\./images/diagrams/[^)]+\.svg)\)", text)
    assert image is not None
    svg = (RULES / image.group(1)).read_text(encoding="utf-8")
    diagram = "\n".join(html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    order = ["select", "value", "attribute", "count", "line cap", "base → cap → floor", "pools"]
    positions = [diagram.index(step) for step in order]
    assert positions == sorted(positions)
    assert "Rounding happens once, at presentation" in text


FEATURE_ROWS = list(range(1, 59))


def test_the_feature_table_has_every_member_level_population_and_time_row_once() -> None:
    text = (RULES / "features.md").read_text(encoding="utf-8")
    rows = [int(n) for n in re.findall(r"^\| (\d+) \|", text, re.MULTILINE)]
    assert rows == FEATURE_ROWS


# ---------------------------------------------------------------------- navigation


def nav_pages(entries: Any) -> Iterator[str]:
    """Every page path in a MkDocs ``nav``."""
    if isinstance(entries, str):
        yield entries
    elif isinstance(entries, list):
        for entry in entries:
            yield from nav_pages(entry)
    elif isinstance(entries, dict):
        for value in entries.values():
            yield from nav_pages(value)


@pytest.fixture(scope="module")
def nav() -> set[str]:
    """The pages of mkdocs.yml's nav (PyYAML comes with the docs tools)."""
    yaml = pytest.importorskip(
        "yaml", reason="the docs tools are not installed (pip install .[docs])"
    )

    class Loader(yaml.SafeLoader):
        """mkdocs.yml with its ``!!python/name`` tags read as plain strings."""

    Loader.add_multi_constructor(
        "tag:yaml.org,2002:python/", lambda loader, suffix, node: f"python/{suffix}"
    )
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    return set(nav_pages(config["nav"]))


def test_every_rules_page_is_in_the_navigation(nav: set[str]) -> None:
    # the Chinese pages (x.zh.md) are not in the navigation: the i18n plugin serves them
    pages = {f"rules/{page.name}" for page in RULES.glob("*.md") if ".zh." not in page.name}
    assert len(pages) >= 12
    assert pages - nav == set()


def test_the_how_to_and_the_rule_references_are_in_the_navigation(nav: set[str]) -> None:
    wanted = {"how-to/write-a-rule-plugin.md"} | {f"reference/{name}" for name in REFERENCES}
    assert wanted - nav == set()


def test_the_navigation_names_only_pages_that_exist(nav: set[str]) -> None:
    assert sorted(page for page in nav if not (DOCS / page).is_file()) == []


# ---------------------------------------------------------------------- the plugin how-to, run


def titled_blocks(text: str) -> dict[str, str]:
    """The fenced blocks carrying ``title="path"``: path → content."""
    files: dict[str, str] = {}
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index].strip())
        index += 1
        if opening is None:
            continue
        body: list[str] = []
        while index < len(lines) and lines[index].strip() != opening["fence"]:
            body.append(lines[index])
            index += 1
        index += 1
        title = TITLE.search(opening["info"])
        if title:
            files[title["title"]] = "\n".join(body) + "\n"
    return files


def test_the_titled_block_reader_finds_paths_and_contents() -> None:
    text = '```toml title="a/b.toml"\nx = 1\n```\n\n```python\nno title\n```\n'
    text += '```python no-run title="src/p.py"\nimport os\n```\n'
    assert titled_blocks(text) == {"a/b.toml": "x = 1\n", "src/p.py": "import os\n"}


def write_how_to_plugin(target: Path) -> dict[str, str]:
    """Write the how-to's files under ``target``, plus the metadata an editable install adds."""
    files = titled_blocks(HOW_TO.read_text(encoding="utf-8"))
    for relative, content in files.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    project = tomllib.loads(files["pyproject.toml"])["project"]
    package = project["name"].replace("-", "_")
    info = target / "src" / f"{package}-{project['version']}.dist-info"
    info.mkdir(parents=True)
    info.joinpath("METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n",
        encoding="utf-8",
    )
    points = project["entry-points"]["cppcc_model"]
    info.joinpath("entry_points.txt").write_text(
        "[cppcc_model]\n" + "".join(f"{k} = {v}\n" for k, v in points.items()), encoding="utf-8"
    )
    return files


def test_the_how_to_gives_every_file_of_a_plugin() -> None:
    files = titled_blocks(HOW_TO.read_text(encoding="utf-8"))
    package = "src/cppcc_rules_yanbian_tutorial/"
    assert {
        "pyproject.toml",
        "README.md",
        f"{package}__init__.py",
        f"{package}rules.py",
        f"{package}plugin.py",
        "tests/test_yanbian_tutorial.py",
    } <= set(files)
    assert len([name for name in files if name.endswith(".golden.toml")]) == 4


def test_the_how_to_plugin_passes_its_own_tests_and_golden_cases(tmp_path: Path) -> None:
    write_how_to_plugin(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CPPCC_", "PYTEST_"))}
    env["PYTHONPATH"] = str(tmp_path / "src")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--cppcc-plugins=yanbian_tutorial",
            "--rootdir",
            str(tmp_path),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert re.search(r"\b10 passed\b", output), output


def test_a_golden_case_of_the_how_to_fails_when_its_figure_is_wrong(tmp_path: Path) -> None:
    files = write_how_to_plugin(tmp_path)
    golden = tmp_path / "tests" / "golden" / "example_b_first_proposer_only.golden.toml"
    golden.write_text(files[str(golden.relative_to(tmp_path))].replace('"20"', '"25"'), "utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CPPCC_", "PYTEST_"))}
    env["PYTHONPATH"] = str(tmp_path / "src")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--cppcc-plugins=yanbian_tutorial",
            str(golden),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "piao: total 20 (20.00), expected 25" in output


# ---------------------------------------------------------------------- reference examples load


def test_the_complete_toml_rule_file_loads() -> None:
    text = (DOCS / "reference" / "toml-rules.md").read_text(encoding="utf-8")
    block = text.split("<!-- rule-file -->\n```toml\n", 1)[1].split("\n```", 1)[0]
    rule_set = loads_rule_set(block, source="toml-rules.md")
    assert [c.id for c in rule_set.categories] == ["attendance", "proposals", "bonus"]
    assert rule_set.settings.conversion == "final"
    assert rule_set.grades is not None
    assert rule_set.grades.bands[0].requires == ("one_proposal",)
    assert [p.id for p in rule_set.pools] == ["bonus_pool"]


def test_the_golden_case_format_example_loads(tmp_path: Path) -> None:
    text = (DOCS / "reference" / "golden-cases.md").read_text(encoding="utf-8")
    block = text.split("## The format\n\n```toml\n", 1)[1].split("\n```", 1)[0]
    path = tmp_path / "format.golden.toml"
    path.write_text(block, encoding="utf-8")
    case = load_golden_case(path)
    assert case.rule_set == "yanbian-2022"
    assert case.options == {"conversion": "original"}
    assert [e.member_id for e in case.expectations] == ["li", "piao"]


def test_the_how_to_plugin_is_tested_before_it_is_installed(tmp_path: Path) -> None:
    # no .dist-info and nothing on the path: the how-to's tests/conftest.py (as the scaffold's)
    # registers the source tree's entry point for the run
    for relative, content in titled_blocks(HOW_TO.read_text(encoding="utf-8")).items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    assert (tmp_path / "tests" / "conftest.py").is_file()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CPPCC_", "PYTEST_"))}
    env.pop("PYTHONPATH", None)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--cppcc-plugins=yanbian_tutorial",
            "--rootdir",
            str(tmp_path),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert re.search(r"\b10 passed\b", output), output
