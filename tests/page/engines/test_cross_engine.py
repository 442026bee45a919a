"""Cross-engine check: the exercise page reaches ready and grades the reference solution 4 of 4
in Firefox ESR (driven through Marionette) and WebKitGTK (WebKitWebDriver's MiniBrowser, under
Xvfb), as the other browser tests show it does in Chromium. Both are Debian packages that
scripts/ensure-other-browsers installs (`make test` runs it); where they cannot be installed,
these tests say so and skip.

WebDriver cannot paste, so the code goes in as a paste's text would: the editor is clicked,
everything selected, and the text inserted at the selection."""

import pytest
from problem_folders import EXERCISE_PATH

from browsers.chromium import PYTHON_LOAD_TIMEOUT_MS
from browsers.other_engines import Firefox, Unavailable, WebKit, until

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


def test_the_page_gets_ready_and_grades_the_reference_in_other_engines(other_browser, site_url, reference_solution):
    other_browser.open(site_url + EXERCISE_PATH)
    until(lambda: other_browser.script(READY) == "ready", PYTHON_LOAD_TIMEOUT_MS / 1000, "Python to be ready")
    other_browser.click(EDITOR)
    other_browser.script(PASTE, reference_solution)
    other_browser.click(RUN)
    until(lambda: "tests passed" in other_browser.script(SUMMARY), PYTHON_LOAD_TIMEOUT_MS / 1000, "the results")
    assert other_browser.script(SUMMARY).strip() == "4 of 4 tests passed"

