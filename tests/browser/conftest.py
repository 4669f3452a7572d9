"""A real browser on the demo page, talking to a real assistant through the widget."""

import http.server
import threading
from typing import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from scripts.serve_widget import WidgetHandler
from tests.e2e.conftest import model_path
from tools.browser import CHROMIUM_ARGS, ensure_chromium
from tools.servers import ROOT, free_port, running_assistant

OUTPUT = ROOT / "test-output"


@pytest.fixture(scope="session")
def widget_site() -> Iterator[str]:
    """The demo page, served as `make run` serves it, pointed at a real assistant."""
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    with running_assistant(model_path(), log_dir=OUTPUT / "browser", cors_origin=origin) as assistant:
        handler = type("Handler", (WidgetHandler,), {"bot_url": assistant.rasa_url})
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield origin + "/"
        finally:
            server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = ensure_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, widget_site: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(widget_site)
    yield page
    context.close()
