"""What a learner does and sees on the exercise page, for the browser tests: paste code,
press Run, read the results. Everything goes through the public hooks (data-testid) and
visible text."""

import time

from conftest import PYTHON_LOAD_TIMEOUT_MS
from playwright.sync_api import expect

TEST_NAMES = [
    "Reference example: 0.625",
    "Identical similar pair -> 0",
    "Dissimilar pair beyond the margin -> 0",
    "Coincident dissimilar pair -> margin squared",
]
EDITOR_TIMEOUT_MS = 5_000
EXERCISE_PATH = "problems/contrastive-loss/"

# An init script for browsers that refuse storage (blocked cookies, some private modes).
REFUSE_STORAGE = """
Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
});
"""


def by_testid(page, testid):
    return page.locator(f'[data-testid="{testid}"]')


def editor_text(page):
    """The code as the editor shows it: its visible lines joined with newlines."""
    return page.locator('[data-testid="editor"] .cm-line').evaluate_all(
        "lines => lines.map(line => line.textContent).join('\\n')"
    )


def wait_for_editor_text(page, expected, timeout_ms=EDITOR_TIMEOUT_MS):
    deadline = time.monotonic() + timeout_ms / 1000
    shown = editor_text(page)
    while shown != expected and time.monotonic() < deadline:
        page.wait_for_timeout(100)
        shown = editor_text(page)
    assert shown == expected, f"the editor shows:\n{shown}\n--- expected:\n{expected}"


def set_code(page, code):
    """Select everything in the editor and paste `code` over it."""
    page.locator('[data-testid="editor"] .cm-content').click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(code)
    wait_for_editor_text(page, code)


def wait_for_results(page):
    summary = by_testid(page, "results-summary")
    expect(summary).to_contain_text("tests passed", timeout=PYTHON_LOAD_TIMEOUT_MS)
    return summary.text_content()


def run_and_wait(page):
    """Press the Run button and wait for the final summary; returns its text."""
    by_testid(page, "run-tests").click()
    return wait_for_results(page)


def rows(page):
    return by_testid(page, "test-result")


def statuses(page):
    return rows(page).evaluate_all("rows => rows.map(row => row.dataset.status)")


def expect_rows_named(page):
    expect(rows(page)).to_have_count(len(TEST_NAMES))
    for row, name in zip(rows(page).all(), TEST_NAMES):
        expect(row).to_contain_text(name)


def wait_until_ready(page):
    expect(by_testid(page, "runtime-status")).to_have_attribute("data-state", "ready", timeout=PYTHON_LOAD_TIMEOUT_MS)


def open_exercise(context, site_url, init_script=None):
    """The contrastive-loss page in `context`, editor shown; `init_script` runs before the page's own."""
    page = context.new_page()
    if init_script:
        page.add_init_script(init_script)
    page.goto(site_url + EXERCISE_PATH)
    expect(by_testid(page, "editor").locator(".cm-content")).to_be_visible()
    return page
