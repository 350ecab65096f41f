"""The documentation site looked at as a person would: in a real headless Chromium.

The site is built (both languages) and served from 127.0.0.1, with every other host unreachable
to the browser, as for a reader without the outside world. For the key pages — the home page, a
rule page and the Excel tutorial, in English and in Chinese — the test keeps a screenshot at a
laptop's width (1366 px) in ``build/docs-screenshots/`` (gitignored; CI keeps it as an
artefact), and checks in the rendered page that

* no table is wider than the text column (nothing overflows at 1366 px), nor the page itself;
* Chinese text is drawn with real glyphs, not the boxes ("tofu") of a missing font: distinct
  characters draw distinct pictures, and every one draws something;
* the page asks no other host for anything (fonts, scripts, styles, images);
* the search box finds a Chinese word on the Chinese pages.

Chromium comes from the system packages (Debian: ``apt-get install chromium fonts-noto-cjk``;
.ci/run installs both) and is driven through the DevTools protocol over a pipe (no other
package needed). The tests skip, saying so, only when no Chromium can be found; a missing CJK
font fails them.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import http.server
import json
import os
import select
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

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

# Measures the loaded page once its fonts are ready; returns plain data.
PROBE = """
(async () => {
  await document.fonts.ready;
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
  const article = document.querySelector("article.md-content__inner") || document.body;
  const column = article.getBoundingClientRect();
  const tables = Array.from(article.querySelectorAll("table")).map((table) => {
    const box = table.getBoundingClientRect();
    const wrap = table.closest(".md-typeset__scrollwrap");
    const head = table.querySelector("th, td");
    return {
      head: head ? head.textContent.trim().slice(0, 40) : "",
      width: Math.round(box.width),
      right: Math.round(box.right),
      scrolls: wrap ? wrap.scrollWidth > wrap.clientWidth + 1 : false,
    };
  });
  const font = getComputedStyle(article).fontFamily;
  const chars = Array.from(new Set(article.innerText.match(/[\\u4e00-\\u9fff]/g) || []));
  return {
    innerWidth: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    column: {right: Math.round(column.right), width: Math.round(column.width)},
    tables: tables,
    font: font,
    lang: document.documentElement.lang,
    glyphs: chars.slice(0, 24).map((ch) => [ch, drawn(ch, font)]),
  };
})()
"""

# Waits (up to 60 s) for the search results of the query in the page's address; returns them.
SEARCH_RESULTS = """
new Promise((resolve) => {
  const start = Date.now();
  (function poll() {
    const items = document.querySelectorAll(".md-search-result__item");
    if (items.length || Date.now() - start > 60000) {
      const meta = document.querySelector(".md-search-result__meta");
      resolve({
        count: items.length,
        meta: meta ? meta.textContent.trim() : "",
        links: Array.from(document.querySelectorAll(".md-search-result__link"))
          .map((link) => new URL(link.href).pathname),
      });
    } else {
      setTimeout(poll, 200);
    }
  })();
})
"""


def find_chromium() -> str | None:
    """The system's Chromium, or None."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


class Browser:
    """A headless Chromium driven through the DevTools protocol over a pipe.

    Chromium reads commands from its file descriptor 3 and writes replies and events to 4, each
    a JSON message ended by a NUL byte.
    """

    def __init__(self, chromium: str, profile: Path, log: Path) -> None:
        commands_read, self._commands = os.pipe()
        self._replies, replies_write = os.pipe()
        arguments = [
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
            "--remote-debugging-pipe",
            "about:blank",
        ]
        actions = [
            (os.POSIX_SPAWN_DUP2, commands_read, 3),
            (os.POSIX_SPAWN_DUP2, replies_write, 4),
            (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
            (os.POSIX_SPAWN_OPEN, 2, str(log), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
        ]
        self.log = log
        self.pid = os.posix_spawn(chromium, arguments, dict(os.environ), file_actions=actions)
        os.close(commands_read)
        os.close(replies_write)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []
        self.requests: dict[str, list[str]] = {}  # every url each tab asked for

    def _message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._replies], [], [], max(left, 0))
            if not ready:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._replies, 1 << 16)
            if not chunk:
                raise RuntimeError(f"Chromium stopped: {self.log.read_text(errors='replace')}")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        if message.get("method") == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            self.requests.setdefault(message.get("sessionId", ""), []).append(url)
        return message

    def call(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        session: str | None = None,
        timeout: float = 90,
    ) -> dict[str, Any]:
        """Send one command and return its result."""
        self._next_id += 1
        command: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session is not None:
            command["sessionId"] = session
        os.write(self._commands, json.dumps(command).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            message = self._message(deadline)
            if message.get("id") == self._next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message["result"]
                return result
            if "method" in message:
                self._events.append(message)

    def wait_for(self, event: str, session: str, timeout: float = 90) -> None:
        """Wait until ``event`` arrives for ``session`` (or has arrived since the last wait)."""
        deadline = time.monotonic() + timeout
        while True:
            for index, message in enumerate(self._events):
                if message["method"] == event and message.get("sessionId") == session:
                    del self._events[: index + 1]
                    return
            self._events.append(self._message(deadline))

    def open(self, url: str) -> str:
        """A new tab showing ``url``, loaded; its session id."""
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session: str = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        self.call("Page.enable", session=session)
        self.call("Network.enable", session=session)
        self.call("Page.navigate", {"url": url}, session=session)
        self.wait_for("Page.loadEventFired", session)
        return session

    def evaluate(self, session: str, expression: str) -> Any:
        """The value of a JavaScript expression in the page (promises are awaited)."""
        reply = self.call(
            "Runtime.evaluate",
            {"expression": expression, "awaitPromise": True, "returnByValue": True},
            session=session,
        )
        if "exceptionDetails" in reply:
            raise RuntimeError(f"the page's script failed: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def screenshot(self, session: str, path: Path) -> None:
        """Save what the tab shows as a PNG."""
        data = self.call("Page.captureScreenshot", {"format": "png"}, session=session)["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, TimeoutError, OSError):
            self.call("Browser.close", timeout=10)
        for fd in (self._commands, self._replies):
            os.close(fd)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    chromium = find_chromium()
    if chromium is None:
        pytest.skip(
            "no Chromium on this machine: the docs are not looked at in a browser "
            "(Debian: apt-get install chromium fonts-noto-cjk; .ci/run installs both)"
        )
    work = tmp_path_factory.mktemp("chromium")
    started = Browser(chromium, work / "profile", work / "chromium.log")
    try:
        yield started
    finally:
        started.close()


@pytest.fixture(scope="module")
def cjk_font() -> None:
    fc_list = shutil.which("fc-list")
    assert fc_list is not None, "fontconfig's fc-list is missing (it comes with Chromium)"
    fonts = subprocess.run(
        [fc_list, ":lang=zh", "family"], capture_output=True, text=True, check=False
    ).stdout
    assert fonts.strip(), "no Chinese font is installed: apt-get install fonts-noto-cjk"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served(docs_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(docs_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def rendered(browser: Browser, cjk_font: None, served: str) -> dict[str, dict[str, Any]]:
    """Each key page measured in the browser, and its screenshot kept."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict[str, Any]] = {}
    for name, path in PAGES:
        session = browser.open(served + path)
        results[name] = browser.evaluate(session, PROBE)
        results[name]["requests"] = browser.requests.get(session, [])
        shot = SCREENSHOTS / f"{name}.png"
        browser.screenshot(session, shot)
        assert shot.stat().st_size > 10_000, f"an empty screenshot of /{path}"
    return results


@pytest.mark.parametrize("name", [name for name, _ in PAGES])
def test_no_table_overflows_at_a_laptops_width(
    rendered: dict[str, dict[str, Any]], name: str
) -> None:
    page = rendered[name]
    assert page["innerWidth"] == WIDTH
    assert page["scrollWidth"] <= WIDTH, f"{name}: the page is wider than the window"
    column = page["column"]
    assert page["tables"], f"{name}: no table to look at"
    wide = [t for t in page["tables"] if t["scrolls"] or t["right"] > column["right"] + 1]
    assert not wide, f"{name}: tables wider than the text column ({column['width']} px): {wide}"


@pytest.mark.parametrize("name", [name for name, _ in PAGES])
def test_chinese_text_is_drawn_with_real_glyphs(
    rendered: dict[str, dict[str, Any]], name: str
) -> None:
    glyphs = rendered[name]["glyphs"]
    assert len(glyphs) >= 12, f"{name}: too little Chinese text to judge ({len(glyphs)} chars)"
    blank = [ch for ch, drawn in glyphs if drawn["ink"] < 20]
    assert not blank, f"{name}: these characters draw nothing: {blank}"
    pictures = {drawn["hash"] for _, drawn in glyphs}
    # missing glyphs all draw the same box; real ones differ
    assert len(pictures) == len(glyphs), f"{name}: characters draw the same box (tofu)"


@pytest.mark.parametrize("name", [name for name, _ in PAGES])
def test_the_page_asks_no_other_host_for_anything(
    rendered: dict[str, dict[str, Any]], name: str, served: str
) -> None:
    requests = rendered[name]["requests"]
    assert any(url.startswith(served) for url in requests)  # the page, its styles, its scripts
    elsewhere = [
        url
        for url in requests
        if url.startswith(("http:", "https:")) and not url.startswith(served)
    ]
    assert not elsewhere, f"{name} asked other hosts for {elsewhere}"


def test_the_pages_say_their_language_and_use_the_system_cjk_fonts(
    rendered: dict[str, dict[str, Any]],
) -> None:
    for name, _ in PAGES:
        assert rendered[name]["lang"] == ("zh" if name.endswith("-zh") else "en")
        assert "Noto Sans CJK SC" in rendered[name]["font"]  # the stack in stylesheets/fonts.css
        assert (SCREENSHOTS / f"{name}.png").exists()


def test_the_search_box_finds_a_chinese_word(browser: Browser, served: str) -> None:
    session = browser.open(f"{served}zh/?q={quote('台账')}")
    found = browser.evaluate(session, SEARCH_RESULTS)
    browser.screenshot(session, SCREENSHOTS / "search-zh.png")
    assert found["count"] > 0, f"searching 台账 found nothing: {found}"
    assert found["links"][0].startswith("/zh/"), found
    assert "/zh/getting-started/" in found["links"]


# The pages with diagrams (committed SVGs, docs/images/diagrams/), and how many each shows. The
# Chinese proposals page is the English one served under /zh/ (not translated yet).
DIAGRAM_PAGES = (
    ("concepts-en", "concepts/", 2),
    ("concepts-zh", "zh/concepts/", 2),
    ("rules-overview-en", "rules/", 1),
    ("rules-overview-zh", "zh/rules/", 1),
    ("proposals-en", "proposals/", 1),
    ("proposals-zh", "zh/proposals/", 1),
    ("information-en", "information/", 1),
)

# The diagrams of the loaded page, measured; the first one scrolled into view.
DIAGRAM_PROBE = """
(() => {
  const images = Array.from(document.querySelectorAll("article img"))
    .filter((image) => new URL(image.src).pathname.endsWith(".svg"));
  if (images.length) { images[0].scrollIntoView({block: "center"}); }
  return {
    mermaid: document.querySelectorAll(".mermaid").length,
    images: images.map((image) => {
      const box = image.getBoundingClientRect();
      return {
        path: new URL(image.src).pathname,
        complete: image.complete,
        naturalWidth: image.naturalWidth,
        naturalHeight: image.naturalHeight,
        width: Math.round(box.width),
        height: Math.round(box.height),
        alt: image.alt,
      };
    }),
  };
})()
"""


@pytest.mark.parametrize(("name", "path", "count"), DIAGRAM_PAGES)
def test_the_diagrams_are_drawn_from_the_sites_own_svgs(
    browser: Browser, served: str, name: str, path: str, count: int
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    session = browser.open(served + path)
    found = browser.evaluate(session, DIAGRAM_PROBE)
    time.sleep(0.3)  # let the scroll settle before the picture is taken
    browser.screenshot(session, SCREENSHOTS / f"diagram-{name}.png")
    requests = browser.requests.get(session, [])
    assert found["mermaid"] == 0, f"{name}: a mermaid diagram is on the page"
    images = found["images"]
    assert len(images) == count, f"{name}: {images}"
    for image in images:
        assert image["complete"], f"{name}: {image['path']} did not load"
        assert image["naturalWidth"] > 0, f"{name}: {image}"
        assert image["naturalHeight"] > 0, f"{name}: {image}"
        assert image["width"] > 300, f"{name}: drawn too small: {image}"
        assert image["height"] > 100, f"{name}: drawn too small: {image}"
        assert image["alt"], f"{name}: {image['path']} has no text for who cannot see it"
        assert any(url.endswith(image["path"]) for url in requests), image["path"]
        if name in ("concepts-zh", "rules-overview-zh"):
            assert image["path"].endswith("-zh.svg"), f"{name}: an English diagram: {image}"
    elsewhere = [
        url
        for url in requests
        if url.startswith(("http:", "https:")) and not url.startswith(served)
    ]
    assert not elsewhere, f"{name} asked other hosts for {elsewhere}"


# The docs build uses the installed rule plugins, as a user would.
pytestmark = pytest.mark.installed_plugins
