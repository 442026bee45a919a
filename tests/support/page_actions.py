"""What a learner does and sees on the exercise page, for the browser tests: paste code,
press Run, read the results. Everything goes through the public hooks (data-testid) and
visible text."""

import time

from playwright.sync_api import expect
from problem_folders import EXERCISE_PATH, case_names

from browsers.chromium import EDITOR, PYTHON_LOAD_TIMEOUT_MS, paste_code

EDITOR_TIMEOUT_MS = 5_000

# An init script for browsers that refuse storage (blocked cookies, some private modes).
REFUSE_STORAGE = """
Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
});
"""
# An init script for browsers whose storage is full: nothing more can be saved.
FULL_STORAGE = """
Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
};
"""
# Wraps Worker before the page's scripts run: what the page posts and what the worker answers,
# in window.__workerMessages.
RECORD_WORKER_MESSAGES = """
window.__workerMessages = { requests: [], replies: [] };
const PageWorker = window.Worker;
window.Worker = class extends PageWorker {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", ({ data }) => window.__workerMessages.replies.push(structuredClone(data)));
  }
  postMessage(message, ...rest) {
    window.__workerMessages.requests.push(structuredClone(message));
    return super.postMessage(message, ...rest);
  }
};
"""
# The code as the editor shows it: its visible lines joined with newlines.
EDITOR_TEXT = "() => [...document.querySelectorAll('[data-testid=\"editor\"] .cm-line')].map((line) => line.textContent).join('\\n')"


def by_testid(page, testid):
    return page.locator(f'[data-testid="{testid}"]')


def editor_text(page):
    return page.evaluate(EDITOR_TEXT)


def wait_for_editor_text(page, expected, timeout_ms=EDITOR_TIMEOUT_MS):
    try:
        page.wait_for_function(f"expected => ({EDITOR_TEXT})() === expected", arg=expected, timeout=timeout_ms)
    except Exception:  # noqa: BLE001 - Playwright's timeout: say what the editor shows instead
        raise AssertionError(f"the editor shows:\n{editor_text(page)}\n--- expected:\n{expected}") from None


def set_code(page, code):
    """Select everything in the editor and paste `code` over it."""
    paste_code(page, code)
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
    names = case_names()
    expect(rows(page)).to_have_count(len(names))
    for row, name in zip(rows(page).all(), names):
        expect(row).to_contain_text(name)


def wait_until_ready(page):
    expect(by_testid(page, "runtime-status")).to_have_attribute("data-state", "ready", timeout=PYTHON_LOAD_TIMEOUT_MS)


def wait_for_service_worker(page, timeout_ms=60_000):
    """Until the service worker has cached the site and controls the page."""
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=timeout_ms)


def open_exercise(context, site_url, init_script=None):
    """The contrastive-loss page in `context`, editor shown; `init_script` runs before the page's own."""
    page = context.new_page()
    if init_script:
        page.add_init_script(init_script)
    page.goto(site_url + EXERCISE_PATH)
    expect(page.locator(EDITOR)).to_be_visible()
    return page


def console_entries(page):
    return by_testid(page, "console-entry")


def open_console(page):
    """Opens the Python console under the editor (if it is closed), as a learner clicks it."""
    toggle = by_testid(page, "console-toggle")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    expect(by_testid(page, "console-input")).to_be_visible()


def run_in_console(page, text=None, timeout_ms=PYTHON_LOAD_TIMEOUT_MS):
    """Types `text` (or runs what the prompt holds) and presses Enter; returns the entry once it has finished."""
    prompt = by_testid(page, "console-input")
    if text is not None:
        prompt.fill(text)
    before = console_entries(page).count()
    prompt.press("Enter")
    expect(console_entries(page)).to_have_count(before + 1)
    entry = console_entries(page).nth(before)
    expect(entry).not_to_have_attribute("data-status", "running", timeout=timeout_ms)
    return entry


class HeldRequests:
    """The requests of `context` to URLs matching `pattern`, held until the test releases them;
    once released, later ones are answered at once the same way. Playwright hands a request
    to the test while the test waits on a page."""

    def __init__(self, context, pattern):
        self.held = []
        self.answer = None
        context.route(pattern, self.hold)

    def hold(self, route):
        if self.answer:
            self.answer(route)
        else:
            self.held.append(route)

    def wait_for_one(self, page, what):
        deadline = time.monotonic() + PYTHON_LOAD_TIMEOUT_MS / 1000
        while not self.held:
            assert time.monotonic() < deadline, f"the page never asked for {what}"
            page.wait_for_timeout(20)

    def release(self, answer=lambda route: route.continue_()):
        """Answers the requests held, and those to come, with `answer(route)`."""
        self.answer = answer
        for route in self.held:
            answer(route)
        self.held.clear()
