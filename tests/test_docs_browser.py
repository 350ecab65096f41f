"""The documentation site looked at as a person would: in a real headless Chromium.

The site is built (both languages) and served from 127.0.0.1 with every other host unreachable
to the browser, as for a reader without the outside world. For the key pages — the home page, a
rule page and the Excel tutorial, in English and in Chinese — the test keeps a screenshot at a
laptop's width (1366 px) in ``build/docs-screenshots/`` (gitignored; CI keeps it as an
artefact), and checks in the rendered page that

* no table is wider than the text column (nothing overflows at 1366 px), nor the page itself;
* Chinese text is drawn with real glyphs, not the boxes ("tofu") of a missing font: distinct
  characters draw distinct pictures, and every one draws something.

Chromium comes from the system packages (Debian: ``apt-get install chromium fonts-noto-cjk``;
.ci/run installs both). The tests skip, saying so, only when no Chromium can be found; a
missing CJK font fails them.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "build" / "docs-screenshots"
WIDTH, HEIGHT = 1366, 900

# (screenshot name, path of the page in the site)
PAGES = (
    ("home-en", ""),
    ("home-zh", "zh/"),
    ("rule-selection-en", "rules/selection/"),
    ("rule-selection-zh", "zh/rules/selection/"),
    ("tutorial-excel-en", "tutorials/excel/"),
    ("tutorial-excel-zh", "zh/tutorials/excel/"),
)

# Run in the page once it has loaded and its fonts are ready; the result is written into the
# page as JSON, where --dump-dom reads it.
PROBE = """
<script>
(function () {
  function drawn(ch, font) {
    const canvas = document.createElement("canvas");
    canvas.width = 48; canvas.height = 48;
    const ctx = canvas.getContext("2d");
    ctx.font = "32px " + font;
    ctx.fillStyle = "#000";
    ctx.fillText(ch, 4, 38);
    const data = ctx.getImageData(0, 0, 48, 48).data;
    let ink = 0, hash = 0;
    for (let i = 3; i < data.length; i += 4) {
      if (data[i]) { ink += 1; hash = (hash * 31 + i * data[i]) >>> 0; }
    }
    return {ink: ink, hash: hash};
  }
  function measure() {
    const article = document.querySelector("article.md-content__inner") || document.body;
    const column = article.getBoundingClientRect();
    const tables = Array.from(article.querySelectorAll("table")).map(function (table) {
      const box = table.getBoundingClientRect();
      const head = table.querySelector("th, td");
      return {
        head: head ? head.textContent.trim().slice(0, 40) : "",
        width: Math.round(box.width),
        right: Math.round(box.right),
        scrolls: table.closest(".md-typeset__scrollwrap") ?
          table.closest(".md-typeset__scrollwrap").scrollWidth >
          table.closest(".md-typeset__scrollwrap").clientWidth + 1 : false,
      };
    });
    const font = getComputedStyle(article).fontFamily;
    const text = article.innerText || "";
    const chars = Array.from(new Set(text.match(/[\\u4e00-\\u9fff]/g) || [])).slice(0, 24);
    const glyphs = chars.map(function (ch) { return [ch, drawn(ch, font)]; });
    const result = {
      innerWidth: window.innerWidth,
      scrollWidth: document.documentElement.scrollWidth,
      column: {left: Math.round(column.left), right: Math.round(column.right),
               width: Math.round(column.width)},
      tables: tables,
      font: font,
      lang: document.documentElement.lang,
      glyphs: glyphs,
      title: document.title,
    };
    const pre = document.createElement("pre");
    pre.id = "cppcc-probe";
    pre.textContent = JSON.stringify(result);
    document.body.appendChild(pre);
  }
  window.addEventListener("load", function () { document.fonts.ready.then(measure); });
})();
</script>
"""


def find_chromium() -> str | None:
    """The system's Chromium, or None."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


@pytest.fixture(scope="module")
def chromium() -> str:
    found = find_chromium()
    if found is None:
        pytest.skip(
            "no Chromium on this machine: the docs are not looked at in a browser "
            "(Debian: apt-get install chromium fonts-noto-cjk; .ci/run installs both)"
        )
    return found


@pytest.fixture(scope="module")
def cjk_font() -> None:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        pytest.fail("fontconfig's fc-list is missing (it comes with Chromium's packages)")
    fonts = subprocess.run(
        [fc_list, ":lang=zh", "family"], capture_output=True, text=True, check=False
    ).stdout
    assert fonts.strip(), "no Chinese font is installed: apt-get install fonts-noto-cjk"


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site; ``?probe`` pages get the measuring script."""

    def do_GET(self) -> None:
        path, _, query = self.path.partition("?")
        if query != "probe":
            super().do_GET()
            return
        target = Path(self.translate_path(path))
        if target.is_dir():
            target = target / "index.html"
        html = target.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>", 1)
        body = html.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served(docs_site: Path) -> Iterator[str]:
    handler = functools.partial(_Handler, directory=str(docs_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def run_chromium(chromium: str, profile: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Chromium, headless, offline but for 127.0.0.1, at a laptop's width."""
    command = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        f"--window-size={WIDTH},{HEIGHT}",
        # every other host is unreachable, as for a reader without the outside world
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        *arguments,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def rendered(
    chromium: str, cjk_font: None, served: str, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict[str, object]]:
    """Each key page measured in the browser, and its screenshot kept."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    profile = tmp_path_factory.mktemp("chromium-profile")
    results: dict[str, dict[str, object]] = {}
    for name, path in PAGES:
        shot = SCREENSHOTS / f"{name}.png"
        shot.unlink(missing_ok=True)
        run_chromium(chromium, profile, f"--screenshot={shot}", served + path)
        assert shot.exists(), f"no screenshot of {path or '/'}"
        assert shot.stat().st_size > 10_000, f"an empty screenshot of {path or '/'}"
        dom = run_chromium(
            chromium, profile, "--virtual-time-budget=10000", "--dump-dom", f"{served}{path}?probe"
        )
        marker = '<pre id="cppcc-probe">'
        assert marker in dom.stdout, f"the probe did not run on {path or '/'}: {dom.stderr[-2000:]}"
        payload = dom.stdout.split(marker, 1)[1].split("</pre>", 1)[0]
        results[name] = json.loads(
            payload.replace("&quot;", '"')
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
        )
    return results


@pytest.mark.parametrize("name", [name for name, _ in PAGES])
def test_no_table_overflows_at_a_laptops_width(
    rendered: dict[str, dict[str, object]], name: str
) -> None:
    page = rendered[name]
    assert page["innerWidth"] == WIDTH
    assert page["scrollWidth"] <= WIDTH, f"{name}: the page is wider than the window"
    column = page["column"]
    assert isinstance(column, dict)
    tables = page["tables"]
    assert isinstance(tables, list)
    wide = [t for t in tables if t["scrolls"] or t["right"] > column["right"] + 1]
    assert not wide, f"{name}: tables wider than the text column ({column['width']} px): {wide}"


@pytest.mark.parametrize("name", [name for name, _ in PAGES])
def test_chinese_text_is_drawn_with_real_glyphs(
    rendered: dict[str, dict[str, object]], name: str
) -> None:
    page = rendered[name]
    glyphs = page["glyphs"]
    assert isinstance(glyphs, list)
    assert len(glyphs) >= 12, f"{name}: too little Chinese text to judge ({len(glyphs)} chars)"
    blank = [ch for ch, drawn in glyphs if drawn["ink"] < 20]
    assert not blank, f"{name}: these characters draw nothing: {blank}"
    pictures = {drawn["hash"] for _, drawn in glyphs}
    # missing glyphs all draw the same box; real ones differ
    assert len(pictures) == len(glyphs), f"{name}: characters draw the same box (tofu)"


def test_the_chinese_pages_are_chinese(rendered: dict[str, dict[str, object]]) -> None:
    for name, _ in PAGES:
        expected = "zh" if name.endswith("-zh") else "en"
        assert rendered[name]["lang"] == expected
    assert "CJK" in str(rendered["home-zh"]["font"])  # the system font stack names CJK fonts
    for name, _ in PAGES:
        assert (SCREENSHOTS / f"{name}.png").exists()


# The docs build uses the installed rule plugins, as a user would.
pytestmark = pytest.mark.installed_plugins
