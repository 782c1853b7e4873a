"""Browser fixtures: Debian's chromium driven headless by Playwright (no browser download).

Screenshots of the main pages go to test-artifacts/ (git-ignored).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Playwright's sync API runs an event loop in this thread; the tests still touch the ORM directly.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM = os.environ.get("FAZHI_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="zh-CN")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def shoot() -> Any:
    """shoot(page, name): save a full-page screenshot under test-artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)

    def save(page: Any, name: str) -> None:
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    return save


@pytest.fixture(autouse=True)
def parse_inline(settings: Any) -> None:
    """The live server thread shares the test database; a parse thread would not see it."""
    settings.FAZHI_PARSE_IN_THREAD = False


@pytest.fixture
def demo(transactional_db: Any) -> Any:
    """The demo registry and accounts (password fazhi-demo), without plans."""
    import io

    from django.core.management import call_command

    call_command("load_demo", "--no-plans", stdout=io.StringIO())


def login(page: Any, base: str, username: str, password: str = "fazhi-demo") -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")


def logout(page: Any) -> None:
    page.click("header .who button")
    page.wait_for_url("**/accounts/login/**")


@pytest.fixture
def as_user() -> Any:
    return login


@pytest.fixture
def sign_out() -> Any:
    return logout
