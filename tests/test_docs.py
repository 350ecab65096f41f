"""The documentation cannot rot: its examples run, its references cover the code, it builds.

* Every ```python block in docs/**/*.md runs; the blocks of one page run in order in one
  namespace. A block fenced as ```python no-run, or preceded by ``<!-- no-run -->``, is skipped.
  A block preceded by ``<!-- output -->`` must equal what the python block before it printed.
* The ``>>>`` examples in the docstrings of every cppcc_model module pass.
* Every public name of the documented modules is rendered on the API page, every error class
  has its section in the errors reference, every labelled enumeration its table.
* The site builds with ``mkdocs build --strict`` (when the docs tools are installed).
"""

from __future__ import annotations

import ast
import contextlib
import doctest
import importlib
import importlib.util
import inspect
import io
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cppcc_model.errors import CppccError
from cppcc_model.labels import LabeledEnum

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
API_PAGE = DOCS / "reference" / "api.md"
ERRORS_PAGE = DOCS / "reference" / "errors.md"
ENUMS_PAGE = DOCS / "reference" / "enumerations.md"

# The modules whose public names (``__all__``) the API reference must render.
DOCUMENTED_MODULES = (
    "cppcc_model.model",
    "cppcc_model.ledger",
    "cppcc_model.errors",
    "cppcc_model.labels",
    "cppcc_model.rules",
    "cppcc_model.rules.groups",
    "cppcc_model.rules.toml",
    "cppcc_model.rules.readings",
    "cppcc_model.numbers",
    "cppcc_model.assess",
    "cppcc_model.assess.engine",
    "cppcc_model.engine.evaluate",
    "cppcc_model.engine.bounds",
    "cppcc_model.scorecard",
    "cppcc_model.names",
    "cppcc_model.io.json",
    "cppcc_model.io.dataset",
    "cppcc_model.io.rows",
    "cppcc_model.io.database",
    "cppcc_model.io.results",
    "cppcc_model.io.schema",
    "cppcc_model.io.frames",
    "cppcc_model.io.popolo",
    "cppcc_model.proposals",
    "cppcc_model.information",
    "cppcc_model.workflow",
    "cppcc_model.attendance",
    "cppcc_model.hookspecs",
    "cppcc_model.plugins",
    "cppcc_model.testing.golden",
    "cppcc_model.testing.conformance",
    "cppcc_model.testing.codes",
    "cppcc_model.dates",
    "cppcc_model.when",
    "cppcc_model.outputs",
    "cppcc_model.outputs.results",
    "cppcc_model.outputs.meeting",
    "cppcc_model.outputs.dossier",
    "cppcc_model.outputs.template",
    "cppcc_model.messages",
    "cppcc_model.suggest",
    "cppcc_model.progress",
)


# ---------------------------------------------------------------------- Markdown code blocks

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*?)[ \t]*$")
NO_RUN = "<!-- no-run -->"
OUTPUT = "<!-- output -->"
PYTHON = {"python", "py", "python3"}


@attrs.frozen
class Block:
    """One fenced code block of a Markdown page."""

    path: Path
    line: int  # 1-based line of the first line of code
    language: str
    words: tuple[str, ...]  # the info string, split: ("python", "no-run")
    marker: str | None  # the HTML comment on the line before the fence, if any
    source: str

    @property
    def runs(self) -> bool:
        """Whether the docs tests execute this block."""
        return self.language in PYTHON and "no-run" not in self.words and self.marker != NO_RUN

    @property
    def where(self) -> str:
        """``docs/page.md:LINE`` for messages."""
        path = self.path.relative_to(ROOT) if self.path.is_relative_to(ROOT) else self.path
        return f"{path}:{self.line}"


def _info_words(info: str) -> tuple[str, ...]:
    info = info.strip()
    if info.startswith("{") and info.endswith("}"):  # {.python .no-run}
        info = info[1:-1]
    return tuple(word.lstrip(".").lower() for word in info.split())


def fenced_blocks(path: Path, text: str | None = None) -> list[Block]:
    """The fenced code blocks of a page, in order (fences may be indented, as in admonitions)."""
    lines = (path.read_text(encoding="utf-8") if text is None else text).splitlines()
    blocks: list[Block] = []
    previous = ""  # the last non-blank line outside code blocks
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if opening is None:
            if lines[index].strip():
                previous = lines[index].strip()
            index += 1
            continue
        indent = len(opening["indent"].expandtabs(4))
        fence = opening["fence"]
        body: list[str] = []
        index += 1
        start = index + 1
        while index < len(lines):
            closing = lines[index].strip()
            if closing.startswith(fence[0] * len(fence)) and set(closing) == {fence[0]}:
                break
            body.append(lines[index])
            index += 1
        index += 1  # past the closing fence
        words = _info_words(opening["info"])
        source = "\n".join(_strip_indent(line, indent) for line in body)
        marker = previous if previous.startswith("<!--") else None
        blocks.append(Block(path, start, words[0] if words else "", words, marker, source + "\n"))
        previous = ""
    return blocks


def _strip_indent(line: str, indent: int) -> str:
    expanded = line.expandtabs(4)
    removable = len(expanded) - len(expanded.lstrip(" "))
    return expanded[min(indent, removable) :]


def doc_pages() -> list[Path]:
    """Every Markdown page of the documentation."""
    return sorted(DOCS.rglob("*.md"))


def pages_with_examples() -> list[Path]:
    """The pages that have at least one block to run."""
    return [page for page in doc_pages() if any(b.runs for b in fenced_blocks(page))]


def run_page(page: Path) -> None:
    """Run the python blocks of ``page`` in order, in one namespace; check marked output."""
    namespace: dict[str, Any] = {"__name__": f"docs.{page.stem}"}
    last_output: str | None = None
    for block in fenced_blocks(page):
        if block.marker == OUTPUT and block.language not in PYTHON:
            assert last_output is not None, f"{block.where}: output block follows no example"
            assert last_output.rstrip() == block.source.rstrip(), (
                f"{block.where}: the example before this block printed something else:\n"
                f"{last_output}"
            )
            continue
        if not block.runs:
            continue
        # Pad with blank lines so tracebacks point at the right line of the Markdown page.
        code = compile("\n" * (block.line - 1) + block.source, str(block.path), "exec")
        captured = io.StringIO()
        with contextlib.redirect_stdout(captured):
            exec(code, namespace)
        last_output = captured.getvalue()


@pytest.mark.parametrize(
    "page", pages_with_examples(), ids=lambda page: str(page.relative_to(DOCS))
)
def test_page_examples_run(page: Path) -> None:
    run_page(page)


def test_the_tutorial_is_among_the_pages_whose_examples_run() -> None:
    pages = pages_with_examples()
    assert DOCS / "getting-started.md" in pages
    assert len([b for b in fenced_blocks(DOCS / "getting-started.md") if b.runs]) >= 8


SAMPLE = """\
Intro.

```python
x = 1
```

<!-- no-run -->
```python
raise SystemExit
```

```python no-run
raise SystemExit
```

!!! note

    ```python
    y = x + 1
    ```

````text
```python
not code
```
````

```py
print(y)
```

<!-- output -->
```text
2
```
"""


def test_the_block_parser_finds_runs_and_skips_what_it_should(tmp_path: Path) -> None:
    page = tmp_path / "sample.md"
    page.write_text(SAMPLE, encoding="utf-8")
    blocks = fenced_blocks(page)
    assert [(b.language, b.runs) for b in blocks] == [
        ("python", True),
        ("python", False),
        ("python", False),
        ("python", True),
        ("text", False),
        ("py", True),
        ("text", False),
    ]
    assert blocks[3].source == "y = x + 1\n"  # indented inside an admonition
    assert blocks[3].line == 19
    assert blocks[4].source == "```python\nnot code\n```\n"  # a longer fence nests a shorter one
    assert blocks[6].marker == OUTPUT
    run_page(page)  # runs 3 blocks in one namespace and checks the printed "2"


def test_a_wrong_output_block_fails(tmp_path: Path) -> None:
    page = tmp_path / "wrong.md"
    page.write_text('```python\nprint("a")\n```\n\n<!-- output -->\n```text\nb\n```\n', "utf-8")
    with pytest.raises(AssertionError, match="printed something else"):
        run_page(page)


def test_a_failing_example_points_at_its_markdown_line(tmp_path: Path) -> None:
    page = tmp_path / "broken.md"
    page.write_text("# Broken\n\n```python\nx = 1\nassert x == 2\n```\n", encoding="utf-8")
    with pytest.raises(AssertionError) as caught:
        run_page(page)
    frames = [f for f in caught.traceback if str(f.path) == str(page)]
    assert frames
    assert frames[-1].lineno + 1 == 5  # pytest's lineno is 0-based


# ---------------------------------------------------------------------- doctests in the code


def module_names(package: str = "cppcc_model") -> list[str]:
    """Every module in the package's directory tree (even without ``__init__.py``), by name."""
    root = importlib.import_module(package)
    names = {package}
    for directory in root.__path__:
        base = Path(directory)
        for path in base.rglob("*.py"):
            parts = path.relative_to(base).with_suffix("").parts
            if parts[-1] == "__main__":
                continue
            names.add(".".join((package, *(parts[:-1] if parts[-1] == "__init__" else parts))))
    return sorted(names)


def _doctests(module: ModuleType) -> list[doctest.DocTest]:
    finder = doctest.DocTestFinder(exclude_empty=True)
    return [test for test in finder.find(module) if test.examples]


@pytest.mark.parametrize("name", module_names())
def test_docstring_examples_pass(name: str) -> None:
    module = importlib.import_module(name)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    report = io.StringIO()
    for test in _doctests(module):
        runner.run(test, out=report.write)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, report.getvalue()


@pytest.mark.parametrize(
    ("name", "at_least"),
    [
        ("cppcc_model.labels", 3),
        ("cppcc_model.model.organizations", 1),
        ("cppcc_model.model.periods", 1),
    ],
)
def test_the_known_docstring_examples_are_found(name: str, at_least: int) -> None:
    module = importlib.import_module(name)
    examples = sum(len(test.examples) for test in _doctests(module))
    assert examples >= at_least


# ---------------------------------------------------------------------- API reference coverage

API_DIR = DOCS / "reference" / "api"
ANCHOR = re.compile(r"\{ #(?P<identifier>[\w.]+) \}")


def api_anchors() -> set[str]:
    """The heading ids (and re-export anchors) of the generated API pages."""
    return {
        match["identifier"]
        for page in API_DIR.glob("*.md")
        for match in ANCHOR.finditer(page.read_text(encoding="utf-8"))
    }


def defining_modules(module_name: str, name: str) -> list[str]:
    """Where ``name`` may be documented: the module defining it, and modules listing it."""
    defined_in = getattr(getattr(importlib.import_module(module_name), name), "__module__", None)
    found = [defined_in] if isinstance(defined_in, str) else []
    for candidate in (
        module_names(module_name) if module_name == "cppcc_model.model" else [module_name]
    ):
        module = importlib.import_module(candidate)
        if name in getattr(module, "__all__", ()) and candidate not in found:
            found.append(candidate)
    return found


@pytest.mark.parametrize("module_name", DOCUMENTED_MODULES)
def test_every_public_name_has_a_home_in_the_api_reference(module_name: str) -> None:
    anchors = api_anchors()
    assert (API_DIR / f"{module_name}.md").exists(), f"no page docs/reference/api/{module_name}.md"
    module = importlib.import_module(module_name)
    missing = [
        name
        for name in module.__all__
        if not any(f"{home}.{name}" in anchors for home in defining_modules(module_name, name))
    ]
    assert not missing, (
        f"no section for {missing}: add the module to scripts/generate_reference.py's MODULES "
        "and run it"
    )


# ---------------------------------------------------------------------- errors reference


def library_classes(base: type) -> list[type]:
    """Every public class under cppcc_model that subclasses ``base`` (itself included)."""
    found: dict[str, type] = {}
    for name in module_names():
        module = importlib.import_module(name)
        for attribute, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, base)
                and value.__module__.startswith("cppcc_model")
                and not attribute.startswith("_")
                and not value.__name__.startswith("_")
            ):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[key] for key in sorted(found)]


FOUNDATION = ("cppcc_model.errors", "cppcc_model.labels", "cppcc_model.ledger", "cppcc_model.model")


def test_every_foundation_error_has_a_written_section_on_what_to_do() -> None:
    text = ERRORS_PAGE.read_text(encoding="utf-8")
    headings = set(re.findall(r"^#{2,4}\s+`?(\w+)`?", text, re.MULTILINE))
    errors = [cls for cls in library_classes(CppccError) if cls.__module__.startswith(FOUNDATION)]
    assert len(errors) == 9
    missing = sorted(cls.__name__ for cls in errors if cls.__name__ not in headings)
    assert not missing, f"docs/reference/errors.md needs a section for each of {missing}"
    assert {"Location", "Problem"} <= headings
    assert "<!-- error-index -->" in text


def test_the_error_index_lists_every_error_class_with_links_to_sections() -> None:
    index_hook = load_hook("error_index")
    listed = index_hook.error_classes()
    assert set(library_classes(CppccError)) <= set(listed)
    table = index_hook.render("## IntegrityError\n\ntext\n")
    rows = [line for line in table.splitlines() if line.startswith("| [") or line.startswith("| `")]
    assert len(rows) == len(listed)
    assert "| [`IntegrityError`](#integrityerror) | `ProblemsError` |" in table
    assert "| `UnknownRecordError` | `CppccError`, `KeyError` |" in table  # no section: no link
    page = index_hook.replace_markers("# Errors\n\n<!-- error-index -->\n\n## CppccError\n")
    assert "<!-- error-index -->" not in page
    assert "| [`CppccError`](#cppccerror) | `Exception` |" in page
    assert index_hook.replace_markers("no marker") == "no marker"


# ---------------------------------------------------------------------- the enum-tables hook


def load_hook(name: str = "enum_tables") -> ModuleType:
    """Load a hook file as MkDocs does: by path, with its directory on ``sys.path``."""
    path = DOCS / "hooks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    saved = sys.path.copy()
    sys.path.insert(0, str(path.parent))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = saved
    return module


@pytest.fixture(scope="module")
def hook() -> ModuleType:
    return load_hook()


def enums_in_source() -> set[str]:
    """The names of the classes whose source says ``class X(LabeledEnum, ...)``."""
    names = set()
    for path in (ROOT / "src" / "cppcc_model").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                isinstance(base, ast.Name) and base.id == "LabeledEnum" for base in node.bases
            ):
                names.add(node.name)
    return names


def test_the_hook_finds_every_labeled_enum_in_the_source(hook: ModuleType) -> None:
    found = hook.labeled_enums()
    assert len(found) == len(set(found))
    names = [enum_type.__name__ for enum_type in found]
    assert set(names) == enums_in_source()
    assert set(found) >= set(library_classes(LabeledEnum)) - {LabeledEnum}
    assert {"AttendanceStatus", "Level", "ProposalStep", "InfoStep", "WorkItemStatus"} <= set(names)
    # modules in name order, then source order within a module
    activities = [
        n for n in names if n in {"ActivityKind", "AttendanceStatus", "ParticipationRole"}
    ]
    assert activities == ["ActivityKind", "AttendanceStatus", "ParticipationRole"]
    modules = [enum_type.__module__ for enum_type in found]
    assert modules == sorted(modules)


def test_each_member_is_a_row_with_its_id_label_and_aliases(hook: ModuleType) -> None:
    for enum_type in hook.labeled_enums():
        section = hook.enum_section(enum_type)
        assert section.startswith(f"### {enum_type.__name__} {{ #{enum_type.__name__.lower()} }}")
        assert enum_type.kind_label in section
        rows = [line for line in section.splitlines() if line.startswith("| `")]
        assert len(rows) == len(enum_type)
        for member, row in zip(enum_type, rows, strict=True):
            cells = [cell.strip() for cell in row.strip("|").split(" | ")]
            assert cells[:3] == [f"`{member.name}`", f"`{member.value}`", member.label]
            assert cells[3] == (", ".join(member.aliases) or "—")


def test_the_excused_row_reads_as_documented(hook: ModuleType) -> None:
    from cppcc_model.model import AttendanceStatus

    section = hook.enum_section(AttendanceStatus)
    assert "| `EXCUSED` | `excused` | 请假 | 请假批准, excused_leave, 因公请假 |" in section


def test_markers_are_replaced_and_the_rest_is_kept(hook: ModuleType) -> None:
    page = "# Title\n\nBefore.\n\n<!-- enum-tables: cppcc_model.model.people -->\n\nAfter.\n"
    result = hook.replace_markers(page)
    assert result.startswith("# Title\n\nBefore.\n\n| enumeration |")
    assert result.endswith("\nAfter.\n")
    assert "<!-- enum-tables" not in result
    assert "### Gender { #gender }" in result
    assert "### RoleKind { #rolekind }" in result
    assert "AttendanceStatus" not in result  # only the package the marker names
    assert hook.replace_markers("no marker here") == "no marker here"
    assert hook.on_page_markdown("<!-- enum-tables -->", page=None, config={}, files=[]).count(
        "### "
    ) == len(hook.labeled_enums())


def test_the_enumerations_page_uses_the_hook() -> None:
    assert "<!-- enum-tables -->" in ENUMS_PAGE.read_text(encoding="utf-8")


@settings(max_examples=60)
@given(st.text(alphabet=st.characters(exclude_characters="\\\n")))
def test_a_table_cell_never_opens_a_new_column(hook: ModuleType, text: str) -> None:
    cell = hook._cell(text)
    assert len(re.split(r"(?<!\\)\|", cell)) == 1
    assert cell.replace("\\|", "|") == text


# ---------------------------------------------------------------------- the site builds


@pytest.fixture(scope="module")
def site(docs_site: Path) -> Path:
    """The site, built once per test session (see ``docs_site`` in conftest.py)."""
    return docs_site


def _api_html(site: Path) -> str:
    return "\n".join(
        page.read_text(encoding="utf-8")
        for page in sorted((site / "reference").rglob("*.html"))
        if page.is_file()
    )


def test_every_public_name_is_rendered_with_an_anchor(site: Path) -> None:
    html = _api_html(site)
    missing = []
    for module_name in DOCUMENTED_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            homes = defining_modules(module_name, name)
            if not any(f'id="{home}.{name}"' in html for home in homes):
                missing.append(f"{module_name}.{name}")
    assert not missing


def test_docstring_roles_are_rendered_not_shown(site: Path) -> None:
    html = _api_html(site)
    assert re.search(r":(class|mod|meth|func|data|attr|exc):`", html) is None
    # a role naming a documented object became a link to it
    assert re.search(r'href="[^"]*#cppcc_model\.errors\.IntegrityError"', html)


def test_the_enumerations_page_is_built_from_the_code(site: Path) -> None:
    html = (site / "reference" / "enumerations" / "index.html").read_text(encoding="utf-8")
    for enum_type in load_hook().labeled_enums():
        assert f'id="{enum_type.__name__.lower()}"' in html
        for member in enum_type:
            assert f"<code>{member.value}</code>" in html
            assert member.label in html


def test_a_no_run_block_still_renders_as_highlighted_python() -> None:
    pytest.importorskip("mkdocs")
    pytest.importorskip("pymdownx")
    import markdown
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    renderer = markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    )
    html = renderer.convert("```python no-run\nx = 1\n```\n")
    assert "no-run" not in html
    assert '<span class="n">x</span>' in html


# Hosts that serve scripts, styles or fonts to other sites. No built page may name one: the site
# is read where they are unreachable, and it loads no third-party script.
SCRIPT_HOSTS = (
    "unpkg.com",
    "jsdelivr.net",
    "cdnjs.cloudflare.com",
    "googleapis.com",
    "gstatic.com",
    "code.jquery.com",
    "esm.sh",
    "skypack.dev",
    "jspm.io",
    "polyfill.io",
    "bootcdn.net",
    "staticfile.org",
)

# Each page with a diagram, and the committed SVGs it shows (docs/images/diagrams/).
DIAGRAMS = {
    "concepts/index.html": ["proposal-path.svg", "pipeline.svg"],
    "zh/concepts/index.html": ["proposal-path-zh.svg", "pipeline-zh.svg"],
    "rules/index.html": ["rule-steps.svg"],
    "zh/rules/index.html": ["rule-steps-zh.svg"],
    "proposals/index.html": ["proposal-states.svg"],
    "information/index.html": ["info-states.svg"],
}


def test_no_page_has_a_mermaid_block() -> None:
    # The theme's script fetches mermaid from unpkg for any page with a mermaid diagram; the
    # diagrams are committed SVGs instead (docs/images/diagrams/).
    fenced = [
        f"{page.relative_to(ROOT)}:{block.line}"
        for page in sorted(DOCS.rglob("*.md"))
        for block in fenced_blocks(page)
        if block.language == "mermaid"
    ]
    assert not fenced, f"draw these as SVG in docs/images/diagrams/: {fenced}"


def test_no_built_page_names_a_script_host_or_asks_for_mermaid(site: Path) -> None:
    problems = []
    pages = sorted(p for p in site.rglob("*.html") if p.is_file())
    assert len(pages) > 50
    for page in pages:
        html = page.read_text(encoding="utf-8")
        where = page.relative_to(site)
        problems += [f"{where}: {host}" for host in SCRIPT_HOSTS if host in html.lower()]
        if re.search(r"""class=["'][^"']*\bmermaid\b""", html):
            problems.append(f"{where}: a mermaid diagram (the theme loads mermaid from unpkg)")
        for source in re.findall(r"""<script[^>]*\bsrc=["']([^"']+)""", html):
            if re.match(r"(?i)([a-z]+:)?//", source):
                problems.append(f"{where}: the script {source}")
    assert not problems, "pages must load no third-party script:\n" + "\n".join(problems)


def test_the_checker_finds_a_script_host_and_a_mermaid_diagram(tmp_path: Path) -> None:
    site = tmp_path
    for index in range(51):
        (site / f"p{index}.html").write_text("<p>plain</p>", encoding="utf-8")
    (site / "a.html").write_text(
        '<script src="https://unpkg.com/mermaid@10/dist/mermaid.min.js"></script>'
        '<pre class="mermaid"><code>flowchart LR</code></pre>',
        encoding="utf-8",
    )
    with pytest.raises(AssertionError) as found:
        test_no_built_page_names_a_script_host_or_asks_for_mermaid(site)
    assert "a.html: unpkg.com" in str(found.value)
    assert "a.html: a mermaid diagram" in str(found.value)
    assert "a.html: the script https://unpkg.com/" in str(found.value)


@pytest.mark.parametrize("page", sorted(DIAGRAMS))
def test_each_diagram_is_a_committed_svg_that_loads_nothing(site: Path, page: str) -> None:
    import xml.etree.ElementTree as ET
    from urllib.parse import urljoin, urlsplit

    html = (site / page).read_text(encoding="utf-8")
    sources = re.findall(r'<img[^>]*\bsrc="([^"]+\.svg)"', html)
    assert [s.rsplit("/", 1)[-1] for s in sources] == DIAGRAMS[page]
    for source in sources:
        built = site / urlsplit(urljoin(f"/{page}", source)).path.lstrip("/")
        assert built.is_file(), f"{page} shows {source}, which the site does not have"
        committed = DOCS / "images" / "diagrams" / built.name
        assert built.read_bytes() == committed.read_bytes()
        root = ET.fromstring(committed.read_bytes())
        svg = "{http://www.w3.org/2000/svg}"
        assert root.tag == f"{svg}svg"
        title = root.find(f"{svg}title")
        assert title is not None
        assert title.text
        assert root.find(f".//{svg}script") is None
        for element in root.iter():
            assert not any("//" in value for key, value in element.attrib.items()), element
        texts = [t.text or "" for t in root.iter(f"{svg}text")]
        assert len(texts) >= 8
        chinese = [t for t in texts if re.search(r"[\u4e00-\u9fff]", t)]
        if built.stem.endswith("-zh"):
            # a Chinese page's diagram is labelled in Chinese
            assert re.search(r"[\u4e00-\u9fff]", title.text)
            assert len(chinese) * 2 >= len(texts), texts


# These tests run the command and the docs as a user would: with the installed rule plugins.
pytestmark = pytest.mark.installed_plugins
