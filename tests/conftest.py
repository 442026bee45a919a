"""Shared fixtures: the site built once per session, served on 127.0.0.1, and Chromium."""

import shutil

import pytest

from sitebuild.site import build_site
from sitebuild.paths import PROBLEMS
from sitebuild.serve import serve_in_background

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PYTHON_LOAD_TIMEOUT_MS = 90_000


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("site") / "_site"
    build_site(site)
    return site


# Served under a sub-path, as GitHub Pages serves a project site (https://<user>.github.io/<repo>/).
SITE_BASE_PATH = "/ml-exercise-kit/"


@pytest.fixture(scope="session")
def site_url(built_site):
    server, url = serve_in_background(built_site, SITE_BASE_PATH)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    if not executable:
        pytest.fail("Chromium is not installed: run `sudo apt-get install chromium` (make test does it when run as root).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    """A fresh browser profile per test: empty localStorage and cache."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    yield context
    context.close()


@pytest.fixture
def exercise_page(context, site_url):
    """The contrastive-loss page, opened; Python may still be loading."""
    page = context.new_page()
    page.goto(site_url + "problems/contrastive-loss/")
    return page


@pytest.fixture(scope="session")
def reference_solution():
    return (PROBLEMS / "contrastive-loss" / "solution.py").read_text()


@pytest.fixture(scope="session")
def starter_code():
    return (PROBLEMS / "contrastive-loss" / "starter.py").read_text()
