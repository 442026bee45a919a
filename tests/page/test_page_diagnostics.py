"""Browser: errors point at the learner's line. The editor marks the line, a click on the
message moves the cursor there, and syntax errors are marked before any run."""

from page_actions import by_testid, rows, run_and_wait, set_code, statuses, wait_until_ready
from playwright.sync_api import expect

NAME_ERROR_ON_LINE_7 = """\
import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    d = np.linalg.norm(x1 - x2, axis=1)
    y = np.asarray(label, dtype=float)
    return np.mean(y * distance ** 2)
"""

UNCLOSED_BRACKET_ON_LINE_5 = """\
import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    d = np.linalg.norm((x1 - x2, axis=1)
    return d
"""


def marked_lines(page):
    """Editor line numbers (1-based) that carry an error mark."""
    return page.locator('[data-testid="editor"] .cm-line').evaluate_all(
        "lines => lines.flatMap((line, index) => line.querySelector('.cm-lintRange-error') ? [index + 1] : [])"
    )


def cursor_line_text(page):
    return page.locator('[data-testid="editor"] .cm-activeLine').text_content()


def test_a_name_error_is_reported_and_marked_on_its_line(exercise_page):
    page = exercise_page
    set_code(page, NAME_ERROR_ON_LINE_7)
    assert run_and_wait(page) == "0 of 4 tests passed"
    assert statuses(page) == ["error"] * 4
    first = rows(page).first
    expect(first).to_contain_text("NameError: name 'distance' is not defined")
    expect(first).to_contain_text("line 7")
    # The mark stays after the page's own syntax check (400 ms after an edit) has had its turn.
    expect(by_testid(page, "editor")).to_have_attribute("data-syntax-check", "done")
    assert marked_lines(page) == [7]
    # The learner clicks in the editor elsewhere, then follows the message back to the line.
    page.locator('[data-testid="editor"] .cm-line').first.click()
    first.locator(".results__message").click()
    assert cursor_line_text(page) == "    return np.mean(y * distance ** 2)"
    page.locator('[data-testid="editor"] .cm-line').first.click()
    first.get_by_role("button", name="Go to line 7").press("Enter")
    assert cursor_line_text(page) == "    return np.mean(y * distance ** 2)"


def test_a_syntax_error_is_marked_before_running(exercise_page):
    page = exercise_page
    wait_until_ready(page)
    summary_before = by_testid(page, "results-summary").text_content()
    set_code(page, UNCLOSED_BRACKET_ON_LINE_5)
    expect(page.locator('[data-testid="editor"] .cm-lintRange-error')).to_have_count(1)
    assert marked_lines(page) == [5]
    assert by_testid(page, "results-summary").text_content() == summary_before
    # Fixing the line removes the mark.
    set_code(page, UNCLOSED_BRACKET_ON_LINE_5.replace("((x1", "(x1"))
    expect(page.locator('[data-testid="editor"] .cm-lintRange-error')).to_have_count(0)
