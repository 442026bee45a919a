"""Cross-engine check: the exercise page reaches ready and grades the reference solution 4 of 4
in Firefox ESR (driven through Marionette) and WebKitGTK (WebKitWebDriver's MiniBrowser, under
Xvfb), as the other browser tests show it does in Chromium. Both are Debian packages that
scripts/ensure-other-browsers installs (`make test` runs it); where they cannot be installed,
these tests say so and skip.

Both start Python from the build's snapshot, as Chromium does, which the files they download show:
WebKit's engine needs the table slots given their exports first (python_boot/table_identity.js).

WebDriver cannot paste, so the code goes in as a paste's text would: the editor is clicked,
everything selected, and the text inserted at the selection."""

import functools

import pytest
from problem_folders import EXERCISE_PATH

from browsers.chromium import PYTHON_LOAD_TIMEOUT_MS
from browsers.other_engines import Firefox, Unavailable, WebKit, until
from sitebuild.authoring.serve import SiteRequestHandler, serve_in_background
from sitebuild.boot.boot_files import PLAIN_BOOT_FILES, SNAPSHOT

READY = "return document.querySelector('[data-testid=runtime-status]')?.dataset.state"
SUMMARY = "return document.querySelector('[data-testid=results-summary]')?.textContent ?? ''"
PASTE = "document.execCommand('selectAll'); document.execCommand('insertText', false, arguments[0]);"
EDITOR = "[data-testid=editor] .cm-content"
RUN = "[data-testid=run-tests]"


@pytest.fixture(params=[Firefox, WebKit], ids=["firefox-esr", "webkitgtk"])
def other_browser(request):
    try:
        browser = request.param()
    except Unavailable as reason:
        pytest.skip(str(reason))
    yield browser
    browser.quit()


class RecordingRequestHandler(SiteRequestHandler):
    def do_GET(self):  # noqa: N802 - name fixed by the base class
        self.server.requested.append(self.path)
        return super().do_GET()


@pytest.fixture
def recording_site(built_site):
    """The site served at the root of a free port (its URL, and every path requested from it)."""
    server, url = serve_in_background(built_site)
    server.requested = []
    server.RequestHandlerClass = functools.partial(RecordingRequestHandler, directory=str(built_site))  # read per request
    yield url, server.requested
    server.shutdown()


def test_the_page_restores_python_and_grades_the_reference_in_other_engines(other_browser, recording_site, reference_solution):
    site_url, requested = recording_site
    other_browser.open(site_url + EXERCISE_PATH)
    until(lambda: other_browser.script(READY) == "ready", PYTHON_LOAD_TIMEOUT_MS / 1000, "Python to be ready")
    other_browser.click(EDITOR)
    other_browser.script(PASTE, reference_solution)
    other_browser.click(RUN)
    until(lambda: "tests passed" in other_browser.script(SUMMARY), PYTHON_LOAD_TIMEOUT_MS / 1000, "the results")
    assert other_browser.script(SUMMARY).strip() == "4 of 4 tests passed"
    boot_files = [path for path in requested if path.startswith("/pyodide/")]
    assert f"/pyodide/{SNAPSHOT}" in boot_files
    assert not [path for path in boot_files if path.endswith(PLAIN_BOOT_FILES)], f"Python booted the plain way: {boot_files}"
