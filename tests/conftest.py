"""Shared fixtures: the site built once per session, served on 127.0.0.1, and Chromium.

Tests by kind: unit/ (the harness and the page's results wording, no build), build/ (the build,
`make check`, the boot files, the regrade, the local server), page/ (the real page in a
browser), corpus/ (the adversarial submissions), node/ (page modules under `node --test`, run
by `make test`), support/ (helpers the tests import). A test that drives a browser is marked
`browser`, so `pytest -m "not browser"` runs everything else with no browser installed.
"""

from pathlib import Path

import pytest
from problem_folders import CONTRASTIVE, EXERCISE_PATH, source

from browsers.chromium import launch_chromium
from sitebuild.authoring.serve import serve_in_background
from sitebuild.site.build import build_site

# Served under a sub-path, as GitHub Pages serves a project site (https://<user>.github.io/<repo>/).
SITE_BASE_PATH = "/ml-exercise-kit/"


BROWSER_FIXTURES = {"browser", "context", "exercise_page"}
PAGE_TESTS = Path(__file__).parent / "page"


def pytest_collection_modifyitems(items):
    for item in items:
        if BROWSER_FIXTURES & set(item.fixturenames) or PAGE_TESTS in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("site") / "_site"
    build_site(site)
    return site


@pytest.fixture(scope="session")
def site_url(built_site):
    server, url = serve_in_background(built_site, SITE_BASE_PATH)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        try:
            browser = launch_chromium(playwright)
        except RuntimeError as error:
            pytest.fail(str(error))
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
    page.goto(site_url + EXERCISE_PATH)
    return page


@pytest.fixture(scope="session")
def reference_solution():
    return source(CONTRASTIVE, "solution.py")


@pytest.fixture(scope="session")
def starter_code():
    return source(CONTRASTIVE, "starter.py")
