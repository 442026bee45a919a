"""Browser end-to-end tests of the exercise page, driven the way a learner uses it.

Everything is checked through the public hooks (data-testid attributes) and visible text:
the learner pastes code into the editor, presses Run (or Ctrl+Enter) and reads the results.
Each page load starts Pyodide (~5-7 s), so every test opens as few pages as it can.
"""

import re
import time

import pytest
from known_mistakes import mistake_code
from page_actions import (
    HeldRequests,
    by_testid,
    expect_rows_named,
    open_exercise,
    rows,
    run_and_wait,
    set_code,
    statuses,
    wait_for_editor_text,
    wait_for_results,
    wait_until_ready,
)
from playwright.sync_api import expect
from problem_folders import EXERCISE_PATH, case_names

from browsers.chromium import PYTHON_LOAD_TIMEOUT_MS

TIME_LIMIT_SECONDS = 5

# Label 1 treated as dissimilar: the convention the statement warns against.
FLIPPED_LABELS = """\
import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    d = np.linalg.norm(np.asarray(x1, dtype=float) - np.asarray(x2, dtype=float), axis=1)
    similar = 1 - np.asarray(label, dtype=float)  # wrong way round: 0 taken as similar
    return float(np.mean(similar * d**2 + (1 - similar) * np.maximum(0.0, margin - d) ** 2))
"""

# Right formula, but halved: zero-loss cases pass, the others fail.
HALF_LOSS = mistake_code("half on both terms")

# Line 5 opens a parenthesis that is never closed.
SYNTAX_ERROR_LINE_5 = """\
import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    d = (x1 - x2
    return 0.0
"""

# Line 6 raises.
RAISES_ON_LINE_6 = """\
import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    x = 1
    raise ValueError("boom")
"""

ENDLESS_LOOP = """\
import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    while True: pass
"""

# Prints HTML-looking text (at load time and in every test) and still returns the right value.
PRINTS_HTML = """\
import numpy as np

print("<i>loaded</i>")


def contrastive_loss(x1, x2, label, margin=1.0):
    print("<b>x</b>")
    print("<script>window.__pwned=1</script>")
    d = np.linalg.norm(np.asarray(x1, dtype=float) - np.asarray(x2, dtype=float), axis=1)
    y = np.asarray(label, dtype=float)
    return float(np.mean(y * d**2 + (1 - y) * np.maximum(0.0, margin - d) ** 2))
"""

RAISES_HTML = """\
def contrastive_loss(x1, x2, label, margin=1.0):
    raise ValueError("<img src=x onerror=alert(1)>")
"""

# Code a learner might be in the middle of writing: distinctive enough to recognise.
DRAFT = """\
import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    # draft 42: squared distances first
    squared = np.sum((x1 - x2) ** 2, axis=1)
    return float(np.mean(squared))
"""


# --- Tests -------------------------------------------------------------------------------


def test_statement_formula_starter_code_and_python_loads(exercise_page, starter_code):
    page = exercise_page
    statement = by_testid(page, "statement")
    expect(statement.get_by_role("heading", level=1)).to_have_text("Contrastive loss")
    expect(statement.locator(".katex").first).to_be_visible()
    # The displayed formula for L is typeset by KaTeX (not left as $$...$$ source).
    expect(statement.locator(".katex-display .katex-html").first).to_be_visible()
    expect(statement).not_to_contain_text("$$")
    wait_for_editor_text(page, starter_code)
    status = by_testid(page, "runtime-status")
    wait_until_ready(page)
    expect(status).to_contain_text("ready")
    expect(by_testid(page, "results-summary")).not_to_contain_text("tests passed")


def test_the_hidden_tests_are_listed_by_name_before_any_run(exercise_page, reference_solution):
    page = exercise_page
    expect_rows_named(page)
    assert statuses(page) == ["not-run-yet"] * len(case_names())
    expect(rows(page).first).to_contain_text("Not run yet")
    expect(by_testid(page, "results-summary")).to_contain_text(f"{len(case_names())} hidden tests")
    # A run fills the same rows with its verdicts.
    set_code(page, reference_solution)
    assert run_and_wait(page) == "4 of 4 tests passed"
    assert statuses(page) == ["passed"] * 4
    expect_rows_named(page)


def test_long_lines_wrap_inside_the_editor(context, site_url):
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + EXERCISE_PATH)
    wrapping = page.locator('[data-testid="editor"] .cm-content')
    expect(wrapping).to_be_visible()
    assert wrapping.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), "a line runs past the editor's right edge"
    assert page.locator('[data-testid="editor"] .cm-scroller').evaluate("e => e.scrollWidth <= e.clientWidth + 1")


def test_reference_solution_passes_every_test(exercise_page, reference_solution):
    page = exercise_page
    set_code(page, reference_solution)
    assert run_and_wait(page) == "4 of 4 tests passed"
    assert statuses(page) == ["passed"] * 4
    expect_rows_named(page)
    expect(by_testid(page, "results-error")).to_be_hidden()


def test_starter_code_fails_every_test_and_says_why(exercise_page, starter_code):
    page = exercise_page
    wait_for_editor_text(page, starter_code)
    assert run_and_wait(page) == "0 of 4 tests passed"
    assert statuses(page) == ["failed"] * 4
    expect_rows_named(page)
    for row in rows(page).all():
        expect(row).to_contain_text("returned None")
        expect(row).to_contain_text("return")


def test_flipped_label_convention_fails_the_reference_example(exercise_page):
    page = exercise_page
    set_code(page, FLIPPED_LABELS)
    summary = run_and_wait(page)
    assert summary != "4 of 4 tests passed"
    assert summary.endswith("of 4 tests passed")
    assert statuses(page) != ["passed"] * 4
    expect_rows_named(page)
    reference_row = rows(page).filter(has_text=case_names()[0])
    expect(reference_row).to_have_attribute("data-status", "failed")
    expect(reference_row).to_contain_text("Expected 0.625")


def test_syntax_error_is_shown_with_its_line(exercise_page):
    page = exercise_page
    set_code(page, SYNTAX_ERROR_LINE_5)
    assert run_and_wait(page) == "0 of 4 tests passed"
    assert statuses(page) == ["error"] * 4
    expect_rows_named(page)
    banner = by_testid(page, "results-error")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("SyntaxError")
    expect(banner).to_contain_text("line 5")


def test_exception_in_the_function_is_shown_with_its_line(exercise_page):
    page = exercise_page
    set_code(page, RAISES_ON_LINE_6)
    assert run_and_wait(page) == "0 of 4 tests passed"
    assert statuses(page) == ["error"] * 4
    expect_rows_named(page)
    for row in rows(page).all():
        expect(row).to_contain_text("ValueError: boom")
        expect(row).to_contain_text("line 6")
    expect(by_testid(page, "results-error")).to_be_hidden()


def test_endless_loop_is_stopped_and_python_restarts(exercise_page, reference_solution):
    page = exercise_page
    summary = by_testid(page, "results-summary")
    status = by_testid(page, "runtime-status")
    wait_until_ready(page)
    set_code(page, ENDLESS_LOOP)
    started = time.monotonic()
    by_testid(page, "run-tests").click()
    # While the first test hangs the page says so, and does not claim a result.
    expect(summary).to_contain_text("Running test 1 of 4", timeout=PYTHON_LOAD_TIMEOUT_MS)
    expect(status).to_have_attribute("data-state", "running")
    expect(by_testid(page, "run-tests")).to_be_disabled()
    assert wait_for_results(page) == "0 of 4 tests passed"
    waited = time.monotonic() - started
    assert waited >= TIME_LIMIT_SECONDS - 0.5, f"stopped after {waited:.1f} s, before the {TIME_LIMIT_SECONDS} s limit"
    assert statuses(page) == ["timeout", "not-run", "not-run", "not-run"]
    expect_rows_named(page)
    expect(rows(page).first).to_contain_text(f"{TIME_LIMIT_SECONDS} s")
    # A fresh worker is started; once it is ready the learner can run again.
    wait_until_ready(page)
    expect(by_testid(page, "run-tests")).to_be_enabled()
    set_code(page, reference_solution)
    assert run_and_wait(page) == "4 of 4 tests passed"
    assert statuses(page) == ["passed"] * 4


def test_edited_code_survives_a_reload(exercise_page, starter_code):
    page = exercise_page
    wait_for_editor_text(page, starter_code)
    set_code(page, DRAFT)
    page.reload()
    expect(page.locator('[data-testid="editor"] .cm-content')).to_be_visible()
    wait_for_editor_text(page, DRAFT)


def test_reset_brings_back_the_starter_and_undo_restores_the_edit(exercise_page, starter_code):
    page = exercise_page
    notice = by_testid(page, "notice")
    set_code(page, DRAFT)
    expect(notice).to_be_hidden()
    by_testid(page, "reset-code").click()
    wait_for_editor_text(page, starter_code)
    expect(notice).to_be_visible()
    undo = notice.get_by_role("button", name="Undo")
    expect(undo).to_be_visible()
    # A second Reset must not make the learner's code unreachable.
    by_testid(page, "reset-code").click()
    wait_for_editor_text(page, starter_code)
    expect(undo).to_be_visible()
    undo.click()
    wait_for_editor_text(page, DRAFT)
    expect(notice).to_be_hidden()


def test_learner_text_is_shown_as_text_not_html(exercise_page):
    page = exercise_page
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    set_code(page, PRINTS_HTML)
    assert run_and_wait(page) == "4 of 4 tests passed"
    first_row = rows(page).first
    expect(first_row).to_contain_text("<b>x</b>")
    expect(first_row).to_contain_text("<script>window.__pwned=1</script>")
    # What the file printed while loading is shown too (wherever the page puts it), as text.
    expect(page.get_by_text("<i>loaded</i>", exact=True)).to_be_visible()
    assert rows(page).locator("b, i, script, img").count() == 0
    assert page.locator("b", has_text=re.compile(r"^x$")).count() == 0
    assert page.locator("i", has_text=re.compile(r"^loaded$")).count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"

    set_code(page, RAISES_HTML)
    assert run_and_wait(page) == "0 of 4 tests passed"
    assert statuses(page) == ["error"] * 4
    expect(rows(page).first).to_contain_text("ValueError: <img src=x onerror=alert(1)>")
    assert page.locator('img[src="x"]').count() == 0
    assert dialogs == []
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_ctrl_enter_in_the_editor_runs_the_tests(exercise_page, reference_solution):
    page = exercise_page
    set_code(page, reference_solution)  # leaves the focus in the editor
    page.keyboard.press("Control+Enter")
    assert wait_for_results(page) == "4 of 4 tests passed"
    # The shortcut ran the tests; it did not also insert a line into the code.
    wait_for_editor_text(page, reference_solution)


def test_run_pressed_while_python_loads_is_queued(exercise_page, starter_code):
    page = exercise_page
    status = by_testid(page, "runtime-status")
    summary = by_testid(page, "results-summary")
    expect(status).to_have_attribute("data-state", "loading")
    by_testid(page, "run-tests").click()
    expect(summary).to_contain_text("Waiting for Python")
    assert wait_for_results(page) == "0 of 4 tests passed"
    assert statuses(page) == ["failed"] * 4
    expect(status).to_have_attribute("data-state", "ready")


# Records the type of every request the page sends its Python worker (worker.js's protocol).
RECORD_WORKER_REQUESTS = """
window.workerRequests = [];
const post = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (message, ...rest) {
  window.workerRequests.push(message.type);
  return post.call(this, message, ...rest);
};
"""


def test_python_warms_up_once_when_ready_and_grades_as_before(context, site_url, reference_solution):
    page = open_exercise(context, site_url, RECORD_WORKER_REQUESTS)
    warnings = []
    page.on("console", lambda message: message.type == "warning" and warnings.append(message.text))
    wait_until_ready(page)
    set_code(page, reference_solution)
    assert run_and_wait(page) == "4 of 4 tests passed"
    requests = page.evaluate("workerRequests")
    assert requests.count("warm-up") == 1
    assert requests.index("warm-up") < requests.index("run"), requests
    assert not [text for text in warnings if "warm-up" in text], warnings


def test_a_run_waiting_for_python_is_not_delayed_by_a_warm_up(context, site_url, starter_code):
    held_boot = HeldRequests(context, "**/pyodide/python-boot.json")  # until Run has been pressed
    page = open_exercise(context, site_url, RECORD_WORKER_REQUESTS)
    expect(by_testid(page, "runtime-status")).to_have_attribute("data-state", "loading")
    by_testid(page, "run-tests").click()
    expect(by_testid(page, "results-summary")).to_contain_text("Waiting for Python")
    held_boot.wait_for_one(page, "Python's boot manifest")
    held_boot.release()
    assert wait_for_results(page) == "0 of 4 tests passed"
    requests = page.evaluate("workerRequests")
    assert requests[requests.index("init") + 1] == "run", requests
    assert "warm-up" not in requests


def test_mixed_results_screenshot(exercise_page, tmp_path):
    page = exercise_page
    set_code(page, HALF_LOSS)
    assert run_and_wait(page) == "2 of 4 tests passed"
    assert statuses(page) == ["failed", "passed", "passed", "failed"]
    expect(rows(page).first).to_contain_text("Expected 0.625, got 0.3125")
    page.screenshot(path=tmp_path / "page-results.png", full_page=True)


@pytest.fixture
def phone_page(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(site_url + EXERCISE_PATH)
    yield page
    context.close()


def test_narrow_screen_stacks_statement_and_editor(phone_page, tmp_path):
    page = phone_page
    width = page.viewport_size["width"]
    statement = by_testid(page, "statement").bounding_box()
    editor = by_testid(page, "editor").bounding_box()
    assert editor["y"] > statement["y"], "the editor should be below the statement"
    assert editor["y"] >= statement["y"] + statement["height"] - 1, "the editor overlaps the statement"
    for name, box in [("statement", statement), ("editor", editor)]:
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"the {name} is wider than the screen: {box}"
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    formula = page.locator(".statement .katex-display").first
    assert formula.evaluate("f => f.scrollWidth <= f.parentElement.clientWidth"), "the formula is cut off"
    run = by_testid(page, "run-tests")
    expect(run).to_be_visible()
    run_box = run.bounding_box()
    assert 0 <= run_box["x"] and run_box["x"] + run_box["width"] <= width
    # Results on a phone, for the screenshot.
    set_code(page, HALF_LOSS)
    assert run_and_wait(page) == "2 of 4 tests passed"
    page.screenshot(path=tmp_path / "page-phone.png", full_page=True)
