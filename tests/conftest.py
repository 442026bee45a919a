"""Shared fixtures: the site built once per session, served on 127.0.0.1, and Chromium."""

import pytest
from problem_folders import CONTRASTIVE, EXERCISE_PATH, source

from sitebuild.browser import launch_chromium
from sitebuild.serve import serve_in_background
from sitebuild.site import build_site

# Served under a sub-path, as GitHub Pages serves a project site (https://<user>.github.io/<repo>/).
SITE_BASE_PATH = "/ml-exercise-kit/"


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
