"""Browser tests: the page keeps the learner's work and keeps working when things go wrong
around the code (storage refused or full, a second tab, Python failing to load or dying),
and it runs under its own Content-Security-Policy."""

from page_actions import (
    FULL_STORAGE,
    REFUSE_STORAGE,
    by_testid,
    editor_text,
    open_exercise,
    run_and_wait,
    set_code,
    statuses,
    wait_for_editor_text,
    wait_until_ready,
)
from playwright.sync_api import expect

from browsers.chromium import PYTHON_LOAD_TIMEOUT_MS

MY_DRAFT = "def contrastive_loss(x1, x2, label, margin=1.0):\n    return 1.0  # my idea\n"
OTHER_TAB_DRAFT = "def contrastive_loss(x1, x2, label, margin=1.0):\n    return 2.0  # the other tab\n"

# posix._exit goes around the harness and ends the Python runtime itself.
KILLS_THE_RUNTIME = """\
import posix


def contrastive_loss(x1, x2, label, margin=1.0):
    posix._exit(3)
"""

RECORD_CSP_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) =>
  window.cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI}`));
"""


def test_page_and_catalog_run_under_their_content_security_policy(context, site_url, reference_solution):
    page = open_exercise(context, site_url, RECORD_CSP_VIOLATIONS)
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "script-src 'self'" in policy and "object-src 'none'" in policy
    set_code(page, reference_solution)
    assert run_and_wait(page) == "4 of 4 tests passed"
    expect(page.locator(".katex").first).to_be_visible()
    assert page.evaluate("window.cspViolations") == []
    page.goto(site_url)
    expect(page.get_by_role("link", name="Contrastive loss", exact=True)).to_be_visible()
    assert page.evaluate("window.cspViolations") == []


def test_download_saves_the_code_whole_in_a_python_file(context, site_url, tmp_path):
    page = open_exercise(context, site_url)
    set_code(page, MY_DRAFT)
    with page.expect_download() as download_info:
        by_testid(page, "download-code").click()
    download = download_info.value
    assert download.suggested_filename == "contrastive_loss.py"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    # Below the hand-in header (comment lines: tests/page/test_page_handin.py), the code as typed.
    assert saved.read_text().endswith("---\n" + MY_DRAFT)


def test_two_tabs_of_one_exercise_never_overwrite_each_other_silently(context, site_url):
    first = open_exercise(context, site_url)
    second = open_exercise(context, site_url)
    set_code(first, MY_DRAFT)
    # The second tab is told its code is no longer the saved one, and keeps it on screen.
    notice = by_testid(second, "notice")
    expect(notice).to_contain_text("another tab")
    set_code(second, OTHER_TAB_DRAFT)
    expect(by_testid(first, "notice")).to_contain_text("another tab")
    wait_for_editor_text(first, MY_DRAFT)
    # The first tab can take the other tab's code, which is the one a reload shows.
    by_testid(first, "notice").get_by_role("button", name="Use the other tab's code").click()
    wait_for_editor_text(first, OTHER_TAB_DRAFT)
    first.reload()
    wait_for_editor_text(first, OTHER_TAB_DRAFT)


def test_refused_storage_is_announced_and_the_page_still_works(context, site_url, reference_solution):
    page = open_exercise(context, site_url, REFUSE_STORAGE)
    notice = by_testid(page, "notice")
    expect(notice).to_contain_text("will be lost when you leave")
    expect(notice).to_contain_text("Download")
    set_code(page, reference_solution)
    assert run_and_wait(page) == "4 of 4 tests passed"
    expect(notice).to_be_visible()


def test_full_storage_is_announced_when_saving_fails(context, site_url):
    page = open_exercise(context, site_url, FULL_STORAGE)
    notice = by_testid(page, "notice")
    expect(notice).to_be_hidden()
    set_code(page, MY_DRAFT)
    expect(notice).to_contain_text("will be lost when you leave")
    assert editor_text(page) == MY_DRAFT


def test_python_that_fails_to_load_says_what_failed_and_retries(context, site_url, reference_solution):
    context.route("**/numpy-libraries.zst", lambda route: route.fulfill(status=404, body="missing"))
    page = open_exercise(context, site_url)
    status = by_testid(page, "runtime-status")
    expect(status).to_have_attribute("data-state", "error", timeout=PYTHON_LOAD_TIMEOUT_MS)
    expect(status).to_contain_text("could not load numpy")
    expect(status).not_to_contain_text("Traceback")
    # A run asked for meanwhile ends with a clear verdict instead of waiting forever.
    set_code(page, reference_solution)
    assert run_and_wait(page) == "0 of 4 tests passed"
    assert statuses(page) == ["not-run"] * 4
    expect(by_testid(page, "results-error")).to_contain_text("Retry")
    # Once the file can be had again, Retry loads Python and the same code passes.
    context.unroute("**/numpy-libraries.zst")
    by_testid(page, "retry-python").click()
    wait_until_ready(page)
    assert run_and_wait(page) == "4 of 4 tests passed"


def test_python_dying_mid_run_is_reported_and_restarted_with_the_code_intact(context, site_url, reference_solution):
    page = open_exercise(context, site_url)
    set_code(page, KILLS_THE_RUNTIME)
    assert run_and_wait(page) == "0 of 4 tests passed"
    assert statuses(page) == ["error"] * 4
    expect(by_testid(page, "results-error")).to_contain_text("Python stopped")
    wait_for_editor_text(page, KILLS_THE_RUNTIME)
    wait_until_ready(page)
    set_code(page, reference_solution)
    assert run_and_wait(page) == "4 of 4 tests passed"


def test_code_survives_closing_the_tab(context, site_url):
    page = open_exercise(context, site_url)
    set_code(page, MY_DRAFT)
    page.close()
    wait_for_editor_text(open_exercise(context, site_url), MY_DRAFT)


ALLOCATES_UNTIL_MEMORY_RUNS_OUT = """\
import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    arrays = []
    while True:
        arrays.append(np.ones(10**8))
"""


def test_python_restarts_cleanly_after_running_out_of_memory(context, site_url, reference_solution):
    # The stopped worker may still report an error after its successor has started; that
    # late report must not fail the new worker's loading.
    page = open_exercise(context, site_url)
    set_code(page, ALLOCATES_UNTIL_MEMORY_RUNS_OUT)
    assert run_and_wait(page) == "0 of 4 tests passed"
    assert statuses(page)[0] in ("timeout", "error")
    wait_until_ready(page)
    set_code(page, reference_solution)
    assert run_and_wait(page) == "4 of 4 tests passed"
