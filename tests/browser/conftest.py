"""A real browser on the demo page, talking to a real assistant through the widget."""

from dataclasses import dataclass
from typing import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.e2e.conftest import model_path
from tools.browser import CHROMIUM_ARGS, ensure_chromium
from tools.servers import ROOT, free_port, running_assistant, running_web_server

OUTPUT = ROOT / "test-output"


@dataclass(frozen=True)
class Site:
    url: str  # the demo page; the staff page is at url + "staff"
    database_url: str
    conversations_url: str  # Rasa's tracker store


@pytest.fixture(scope="session")
def site() -> Iterator[Site]:
    """The demo page and the staff page, served as `make run` serves them, with a real assistant."""
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    with running_assistant(model_path(), log_dir=OUTPUT / "browser", cors_origin=origin,
                           extra_env={"SEND_GUIDE_PUBLIC_URL": origin}) as assistant, \
            running_web_server(assistant.rasa_url, assistant.database_url, log_dir=OUTPUT / "browser",
                               port=port, extra_env={"RASA_TOKEN": assistant.token,
                                                     "CONVERSATIONS_DATABASE_URL": assistant.conversations_url}) as url:
        yield Site(url + "/", assistant.database_url, assistant.conversations_url)


@pytest.fixture(scope="session")
def widget_site(site: Site) -> str:
    return site.url


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
