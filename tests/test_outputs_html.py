"""The HTML report, rendered in a real headless Chromium (Debian's ``chromium`` package).

The report of the Xiangzhou example is opened as a person would open it: the browser renders it,
takes a screenshot and prints it to PDF (A4, a page per member's card); the figures read back
from the rendered page (``--dump-dom``) must equal the library's own assessment. The tests skip,
saying why, only when no Chromium can be found (``.ci/run`` installs it).

With ``CPPCC_UPDATE_SCREENSHOTS=1`` the screenshots are also saved under ``docs/images/``,
where the Excel tutorial shows them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from cppcc_rules_xiangzhou import build_rule_set

from cppcc_model.assess.engine import assess
from cppcc_model.cli import cli
from cppcc_model.io.dataset import load_dataset
from cppcc_model.model import Period

pytestmark = pytest.mark.installed_plugins

ROOT = Path(__file__).resolve().parents[1]
XIANGZHOU = ROOT / "examples" / "xiangzhou" / "dataset"
LIUJIANG = ROOT / "examples" / "liujiang" / "dataset"
SCREENSHOTS = ROOT / "docs" / "images"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    found = _chromium()
    if found is None:
        pytest.skip("no Chromium on this machine: install Debian's chromium package")
    profile = tmp_path_factory.mktemp("chromium-profile")
    return [found, *FLAGS, f"--user-data-dir={profile}"]


def _run(command: list[str], timeout: int = 300) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(command, capture_output=True, timeout=timeout, check=True)


def _report(tmp_path_factory: pytest.TempPathFactory, dataset: Path, rules: str) -> Path:
    out = tmp_path_factory.mktemp("html") / "考核结果.html"
    result = CliRunner().invoke(
        cli, ["report", str(dataset), "--rules", rules, "--year", "2022", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _report(tmp_path_factory, XIANGZHOU, "xiangzhou")


class _Cells(HTMLParser):
    """Collects, per section id, each row's ``data-id`` and its cells by ``data-key``."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: dict[str, list[dict[str, str]]] = {}
        self.ids: list[str] = []
        self.links: list[str] = []
        self._section: str | None = None
        self._row: dict[str, str] | None = None
        self._key: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "section":
            self._section = found.get("id") or ""
            self.ids.append(self._section)
            self.sections[self._section] = []
        elif tag == "tr" and self._section is not None:
            self._row = {"@id": found.get("data-id") or ""}
        elif tag == "td" and self._row is not None:
            self._key = found.get("data-key")
            self._row[self._key or ""] = ""
        elif tag == "a" and found.get("href", "").startswith("#"):
            self.links.append(str(found["href"])[1:])

    def handle_data(self, data: str) -> None:
        if self._row is not None and self._key is not None:
            self._row[self._key] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._key = None
        elif tag == "tr" and self._row is not None and self._section is not None:
            if len(self._row) > 1:
                self.sections[self._section].append(self._row)
            self._row = None


def test_the_report_is_one_file_that_needs_no_network(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    for fetching in ("<script", "<link", "<img", "<iframe", "@import", "url("):
        assert fetching not in text
    # the only address is the SVG namespace, which is a name, never fetched
    assert set(re.findall(r"https?://[^\s\"')]+", text)) == {"http://www.w3.org/2000/svg"}
    assert text.count("<svg") >= 4  # group, party, distribution and category charts


def test_the_rendered_figures_equal_the_library(browser: list[str], page: Path) -> None:
    dom = _run([*browser, "--dump-dom", page.as_uri()]).stdout.decode("utf-8")
    cells = _Cells()
    cells.feed(dom)
    ledger = load_dataset(XIANGZHOU)
    rule_set = build_rule_set()
    assessment = assess(ledger, rule_set, Period.year(2022), as_of=dt.date(2022, 12, 31))
    present = rule_set.rounding.present
    ranking = cells.sections["members"]
    assert len(ranking) == len(assessment.cards) == 265
    for row in ranking:
        card = assessment.card(row["@id"])
        assert row["name"] == card.member_name
        assert row["total"] == str(present(card.total))
        for category in card.categories:
            assert row[f"category:{category.category_id}"] == str(present(category.points))
    assert [int(r["number"]) for r in ranking] == list(range(1, 266))
    # every member's card is a section of its own, and the ranking links to it
    cards = [s for s in cells.ids if s.startswith("member-")]
    assert sorted(cards) == sorted(f"member-{c.member_id}" for c in assessment.cards)
    assert set(cards) <= set(cells.links)
    card = assessment.card("xz-g1-01")
    lines = cells.sections["member-xz-g1-01"]
    shown = {r["item"]: r["points"] for r in lines if r.get("item") != "类别合计"}
    for category in card.categories:
        for line in category.lines:
            assert shown[line.label] == str(present(line.points))


def test_the_page_renders_to_a_screenshot(browser: list[str], page: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.png"
    _run([*browser, "--window-size=1280,1600", f"--screenshot={target}", page.as_uri()])
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1280, 1600)
    assert len(data) > 50_000  # a page of tables and text, not a blank screen
    if os.environ.get("CPPCC_UPDATE_SCREENSHOTS"):
        SCREENSHOTS.mkdir(exist_ok=True)
        shutil.copyfile(target, SCREENSHOTS / "report-html.png")


def test_the_report_prints_to_a4_with_a_page_per_member(
    browser: list[str], tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    page = _report(tmp_path_factory, LIUJIANG, "tongcheng")
    members = page.read_text(encoding="utf-8").count('class="card"')
    target = tmp_path / "report.pdf"
    _run([*browser, "--no-pdf-header-footer", f"--print-to-pdf={target}", page.as_uri()])
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    pages = re.findall(rb"/Type\s*/Page[^s]", data)
    assert len(pages) > members == 36  # the tables first, then a page (at least) per card
    boxes = {
        tuple(round(float(v)) for v in m.split())
        for m in re.findall(rb"/MediaBox\s*\[([^\]]+)\]", data)
    }
    assert boxes == {(0, 0, 842, 595)}  # A4 landscape, in points


def test_duty_records_print_a_page_or_two_per_member_on_a4_portrait(
    browser: list[str], tmp_path: Path
) -> None:
    page = tmp_path / "履职档案.html"
    members = ["xz-g7-08", "xz-huopai-02", "xz-g2-15"]
    result = CliRunner().invoke(
        cli, ["dossier", str(XIANGZHOU), *members, "--rules", "xiangzhou", "-o", str(page)]
    )
    assert result.exit_code == 0, result.output
    target = tmp_path / "records.pdf"
    _run([*browser, "--no-pdf-header-footer", f"--print-to-pdf={target}", page.as_uri()])
    data = target.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    # the list of members, then each record starting a page of its own, none longer than two
    assert 1 + len(members) <= pages <= 1 + 2 * len(members)
    boxes = {
        tuple(round(float(v)) for v in m.split())
        for m in re.findall(rb"/MediaBox\s*\[([^\]]+)\]", data)
    }
    assert boxes == {(0, 0, 595, 842)}  # A4 portrait, in points
    if os.environ.get("CPPCC_UPDATE_SCREENSHOTS"):
        shot = tmp_path / "record.png"
        _run(
            [
                *browser,
                "--window-size=900,1400",
                f"--screenshot={shot}",
                page.as_uri(),
            ]
        )
        SCREENSHOTS.mkdir(exist_ok=True)
        shutil.copyfile(shot, SCREENSHOTS / "duty-record.png")
