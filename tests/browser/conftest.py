"""Playwright for Python driving Debian's Chromium (never a downloaded browser), plus axe-core."""

import os
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test
# itself (reading e-mails, creating data) are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not os.path.exists(CHROMIUM):
        pytest.fail("Debian's chromium is missing: run scripts/ensure-chromium (make test does).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, asgi_server: str) -> Iterator[Page]:
    context = browser.new_context(base_url=asgi_server, locale="da-DK")
    page = context.new_page()
    page.set_default_timeout(15_000)
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    yield page
    context.close()
    # No page may break our strict CSP or throw a script error.
    assert [p for p in problems if "favicon" not in p] == []


WIDTHS = (320, 390, 1280)
# The innermost elements that reach past the window's right edge (to say what to fix).
WIDEST = """() => {
  const past = r => r.right > window.innerWidth + 1;
  const boxes = Array.from(document.querySelectorAll("body *"))
    .filter(e => past(e.getBoundingClientRect()))
    .filter(e => !Array.from(e.children).some(c => past(c.getBoundingClientRect())))
    .map(e => e.outerHTML.slice(0, 160));
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const words = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const range = document.createRange();
    range.selectNodeContents(node);
    if (node.textContent.trim() && past(range.getBoundingClientRect())) {
      words.push(node.parentElement.tagName + ": " + node.textContent.trim().slice(0, 80));
    }
  }
  return boxes.concat(words).slice(0, 6).join(" | ");
}"""


class AxeChecker:
    """Runs axe-core on a page, checks that it does not scroll sideways at a small phone's,
    a phone's and a desktop's width, and remembers every page it checked."""

    def __init__(self) -> None:
        self.axe = Axe()
        self.checked: list[str] = []

    def __call__(self, page: Page) -> None:
        results = self.axe.run(page)
        self.checked.append(page.url)
        assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"
        size = page.viewport_size or {"width": 1280, "height": 720}
        try:
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": size["height"]})
                extra = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                assert extra <= 0, (
                    f"{page.url} scrolls sideways by {extra} px at {width} px: "
                    + page.evaluate(WIDEST)
                )
        finally:
            page.set_viewport_size(size)


@pytest.fixture
def axe() -> AxeChecker:
    return AxeChecker()


@pytest.fixture
def asgi_server(transactional_db) -> Iterator[str]:
    """The real ASGI application (pages and WebSockets) under uvicorn, in a thread."""
    import socket
    import threading
    import time

    import uvicorn

    from ligesind.asgi import application

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(
        application,
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan="off",
        timeout_graceful_shutdown=3,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def new_page(browser: Browser, asgi_server: str):
    """Pages in separate browser contexts (separate people) on the ASGI server."""
    contexts = []
    problems: list[str] = []

    def make() -> Page:
        context = browser.new_context(base_url=asgi_server, locale="da-DK")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(str(error)))
        return page

    yield make
    for context in contexts:
        context.close()
    assert [p for p in problems if "favicon" not in p] == []
