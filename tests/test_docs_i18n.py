"""The Chinese pages, and a site that is served without the outside world.

* Every Chinese page (``page.zh.md``) sits beside its English page and has the same code
  blocks, in the same order, byte for byte: code, identifiers and figures are the same in both
  languages. (Its python blocks run in tests/test_docs.py, as the English ones do.)
* The pages a clerk or a rule author reads have a Chinese version; the two READMEs link each
  other from the top.
* The built site has both languages, a language switch, and search that segments Chinese; no
  page loads a font, a script, a style sheet or an image from another host.
* The docs hooks run with only the docs extra installed: they import no test tool.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from test_docs import DOCS, ROOT, fenced_blocks

# The pages a district clerk or a rule author reads: each must have a Chinese version.
TRANSLATED = (
    "index.md",
    "getting-started.md",
    "concepts.md",
    "tutorials/excel.md",
    "tutorials/embedding.md",
    "how-to/write-a-rule-plugin.md",
    "rules/index.md",
    "rules/selection.md",
    "rules/values.md",
    "rules/attribution.md",
    "rules/counting.md",
    "rules/structure.md",
    "rules/grades.md",
    "rules/requirements.md",
    "rules/triggers.md",
    "groups-and-awards.md",
    "ranking.md",
    "reference/cli.md",
    "reference/dataset-format.md",
    "reference/golden-cases.md",
    "reference/toml-rules.md",
)


def chinese_pages() -> list[Path]:
    """Every Chinese page of the documentation (``*.zh.md``)."""
    return sorted(DOCS.rglob("*.zh.md"))


def english_page(chinese: Path) -> Path:
    """The English page a Chinese page translates: ``x.zh.md`` -> ``x.md``."""
    return chinese.with_name(chinese.name.removesuffix(".zh.md") + ".md")


def test_the_pages_a_reader_needs_are_translated() -> None:
    missing = [page for page in TRANSLATED if not (DOCS / page.replace(".md", ".zh.md")).exists()]
    assert not missing, f"write the Chinese version (x.zh.md beside x.md) of {missing}"
    assert len(chinese_pages()) >= len(TRANSLATED)


@pytest.mark.parametrize("page", chinese_pages(), ids=lambda page: str(page.relative_to(DOCS)))
def test_a_chinese_page_has_the_english_pages_code(page: Path) -> None:
    english = english_page(page)
    assert english.exists(), f"{page.name} translates {english.name}, which does not exist"

    def code(path: Path) -> list[tuple[str, tuple[str, ...], str | None, str]]:
        return [(b.language, b.words, b.marker, b.source) for b in fenced_blocks(path)]

    theirs, ours = code(english), code(page)
    for index, (english_block, chinese_block) in enumerate(zip(theirs, ours, strict=False)):
        assert chinese_block == english_block, (
            f"code block {index + 1} of {page.relative_to(ROOT)} differs from the English page's "
            f"(line {fenced_blocks(english)[index].line} of {english.relative_to(ROOT)}): copy "
            "the English block into the Chinese page, and update the Chinese text around it"
        )
    assert len(ours) == len(theirs), (
        f"{page.relative_to(ROOT)} has {len(ours)} code blocks, {english.relative_to(ROOT)} has "
        f"{len(theirs)}: bring the Chinese page up to the English one"
    )


def test_a_chinese_page_is_written_in_chinese() -> None:
    for page in chinese_pages():
        text = page.read_text(encoding="utf-8")
        prose = "\n".join(
            line for line in re.sub(r"```.*?```", "", text, flags=re.DOTALL).splitlines()
        )
        han = len(re.findall(r"[\u4e00-\u9fff]", prose))
        assert han >= 100, f"{page.relative_to(ROOT)} has only {han} Chinese characters of prose"


def test_the_readmes_link_each_other_from_the_top() -> None:
    english = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    chinese = (ROOT / "README.zh-CN.md").read_text(encoding="utf-8").splitlines()
    assert any("(README.zh-CN.md)" in line for line in english[:5])
    assert any("(README.md)" in line for line in chinese[:5])


def test_the_chinese_readme_has_the_same_commands() -> None:
    def commands(path: Path) -> list[str]:
        return [b.source for b in fenced_blocks(path) if b.language in {"", "console", "bash"}]

    english, chinese = ROOT / "README.md", ROOT / "README.zh-CN.md"
    assert commands(chinese) == commands(english)
    for marker in ("<!-- main-command -->", "<!-- test-command -->"):
        assert marker in chinese.read_text(encoding="utf-8")


def test_chinese_lines_are_joined_without_a_space() -> None:
    import doctest

    from test_docs import load_hook

    hook = load_hook("cjk_lines")
    assert doctest.testmod(hook).failed == 0
    text = "按各区的办法\n计分。\n\n| 表 |\n| 格 |\n\n```python\n# 中\n# 文\n```\n"
    assert (
        hook.join_lines(text)
        == "按各区的办法计分。\n\n| 表 |\n| 格 |\n\n```python\n# 中\n# 文\n```\n"
    )
    assert hook.join_lines("English\nlines stay\n") == "English\nlines stay\n"
    assert hook.join_lines("中文 `code`\nEnglish") == "中文 `code`\nEnglish"


def test_no_space_shows_between_the_lines_of_a_chinese_paragraph(docs_site: Path) -> None:
    html = (docs_site / "zh" / "index.html").read_text(encoding="utf-8")
    assert "报送了哪些社情民意信息" in html


# ---------------------------------------------------------------------- the built site


class _Resources(HTMLParser):
    """What an HTML page loads: scripts, style sheets, fonts, images, frames, CSS urls."""

    LOADING_RELS = frozenset({"stylesheet", "preload", "modulepreload", "icon", "preconnect"})

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in {"script", "img", "iframe", "source", "audio", "video", "embed"}:
            self.loads.extend(v for k, v in values.items() if k == "src" and v)
            self.loads.extend(
                u.split()[0] for u in values.get("srcset", "").split(",") if u.strip()
            )
        elif tag == "link" and set(values.get("rel", "").split()) & self.LOADING_RELS:
            self.loads.append(values.get("href", ""))
        elif tag == "object" and values.get("data"):
            self.loads.append(values["data"])
        if "style" in values:
            self.loads.extend(css_urls(values["style"]))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.loads.extend(css_urls(data))


def css_urls(css: str) -> list[str]:
    """The urls a piece of CSS loads (``url(...)`` and ``@import "..."``)."""
    found = re.findall(r"url\(\s*['\"]?([^'\")]+)", css)
    found += re.findall(r"@import\s+['\"]([^'\"]+)", css)
    return found


def foreign(url: str) -> bool:
    """Whether a url points at another host (``https://…``, ``//host/…``)."""
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme in {"http", "https", "ftp"}


def foreign_loads(site: Path) -> list[str]:
    """Every load of another host by a page or a style sheet of ``site``, as ``file: url``."""
    problems = []
    for path in sorted(p for p in site.rglob("*.html") if p.is_file()):
        parser = _Resources()
        parser.feed(path.read_text(encoding="utf-8"))
        problems += [f"{path.relative_to(site)}: {url}" for url in parser.loads if foreign(url)]
    for path in sorted(p for p in site.rglob("*.css") if p.is_file()):
        urls = css_urls(path.read_text(encoding="utf-8"))
        problems += [f"{path.relative_to(site)}: {url}" for url in urls if foreign(url)]
    return problems


def test_the_checker_finds_fonts_and_scripts_from_other_hosts(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        textwrap.dedent(
            """\
            <html><head>
            <link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>
            <link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">
            <script src="//cdn.example.org/x.js"></script>
            <style>body { background: url('https://example.org/b.png') }</style>
            <link rel="stylesheet" href="assets/local.css">
            <script src="assets/local.js"></script>
            </head><body><a href="https://example.org/read-more">a link is not a load</a>
            <img src="img/local.png"></body></html>
            """
        ),
        encoding="utf-8",
    )
    (tmp_path / "s.css").write_text('@import "https://example.org/f.css"; a{}', encoding="utf-8")
    assert foreign_loads(tmp_path) == [
        "a.html: https://fonts.gstatic.com",
        "a.html: https://fonts.googleapis.com/css?family=Roboto",
        "a.html: //cdn.example.org/x.js",
        "a.html: https://example.org/b.png",
        "s.css: https://example.org/f.css",
    ]


def test_no_page_loads_anything_from_another_host(docs_site: Path) -> None:
    pages = [p for p in docs_site.rglob("*.html") if p.is_file()]
    assert len(pages) > 50
    problems = foreign_loads(docs_site)
    assert not problems, "the site must be served without other hosts:\n" + "\n".join(problems)
    home = (docs_site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in home
    assert "stylesheets/fonts.css" in home  # the system font stack, CJK fonts included


def test_both_languages_are_built_with_a_switch(docs_site: Path) -> None:
    english = (docs_site / "index.html").read_text(encoding="utf-8")
    chinese = (docs_site / "zh" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english
    assert '<html lang="zh"' in chinese
    assert "从这里开始" in chinese
    assert "从这里开始" not in english
    for page in (english, chinese):
        assert 'hreflang="en"' in page
        assert 'hreflang="zh"' in page
    assert "简体中文" in english
    # the Chinese navigation is in Chinese; a page not translated yet is served in English
    assert "快速上手" in chinese
    assert (docs_site / "zh" / "reference" / "api" / "index.html").exists()
    started = (docs_site / "zh" / "getting-started" / "index.html").read_text(encoding="utf-8")
    assert "政协及其机构" in started


def test_the_search_segments_chinese_words(docs_site: Path) -> None:
    index = json.loads((docs_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert {"en", "zh"} <= set(index["config"]["lang"])
    chinese = [doc for doc in index["docs"] if doc["location"].startswith("zh/")]
    english = [doc for doc in index["docs"] if not doc["location"].startswith("zh/")]
    assert chinese
    assert english
    text = " ".join(doc["text"] for doc in chinese)
    # jieba cuts the text into words, joined by zero-width spaces, so "台账" is found as a word
    assert "\u200b台账\u200b" in text or "\u200b台账" in text


# ---------------------------------------------------------------------- the newcomer's path

BLOCK_TEST_TOOLS = """
import importlib.abc, sys

class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"pytest", "_pytest", "hypothesis"}:
            raise ModuleNotFoundError(f"No module named {name!r} (blocked by the test)")
        return None

sys.meta_path.insert(0, Block())
sys.path.insert(0, sys.argv[1])
import enum_tables, error_index

enums = enum_tables.labeled_enums()
errors = error_index.error_classes()
assert "pytest" not in sys.modules and "hypothesis" not in sys.modules
print(len(enums), len(errors))
"""


def test_the_docs_hooks_need_no_test_tools() -> None:
    """`pip install -e '.[docs]'` alone builds the site: the hooks import no pytest, hypothesis."""
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_TEST_TOOLS, str(DOCS / "hooks")],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    enums, errors = (int(n) for n in result.stdout.split())
    from test_docs import load_hook

    assert enums == len(load_hook("enum_tables").labeled_enums())
    assert errors == len(load_hook("error_index").error_classes())
    assert errors > 20
    assert enums > 20


def test_the_docs_extra_installs_every_plugin_the_site_uses() -> None:
    import tomllib

    extra = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    needed = " ".join(extra["project"]["optional-dependencies"]["docs"])
    for distribution in ("mkdocs-material", "mkdocs-autorefs", "mkdocs-static-i18n", "jieba"):
        assert distribution in needed
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "font: false" in config
    assert re.search(r"^  - i18n:", config, re.MULTILINE)
