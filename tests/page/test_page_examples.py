"""Browser: "Run examples" runs the statement's visible examples and shows input, expected
and got; "Run tests" runs the hidden tests, which the page says are hidden, not secret."""

from known_mistakes import mistake_code
from page_actions import by_testid, run_and_wait, set_code
from playwright.sync_api import expect

from browsers.chromium import PYTHON_LOAD_TIMEOUT_MS


def run_examples(page):
    by_testid(page, "run-examples").click()
    summary = by_testid(page, "results-summary")
    expect(summary).to_contain_text("examples passed", timeout=PYTHON_LOAD_TIMEOUT_MS)
    return summary.text_content()


def test_examples_show_input_expected_and_got(exercise_page, reference_solution):
    page = exercise_page
    example = by_testid(page, "example-result")

    set_code(page, mistake_code("half on both terms"))
    assert run_examples(page) == "0 of 1 examples passed"
    expect(example).to_have_attribute("data-status", "failed")
    expect(example).to_contain_text("Example 1")
    expect(example.locator("dd").nth(0)).to_have_text(
        "x1 = [[0, 0], [0, 0]]\nx2 = [[1.0, 0.0], [0.5, 0.0]]\nlabel = [1, 0]\nmargin = 1.0"
    )
    expect(example.locator("dd").nth(1)).to_have_text("0.625")
    expect(example.locator("dd").nth(2)).to_have_text("0.3125")
    expect(by_testid(page, "test-result")).to_have_count(0)

    set_code(page, reference_solution)
    assert run_examples(page) == "1 of 1 examples passed"
    expect(example).to_have_attribute("data-status", "passed")
    expect(example.locator("dd").nth(2)).to_have_text("0.625")
    # Passing the examples is not solving the problem: no success banner yet.
    expect(by_testid(page, "results-success")).to_be_hidden()
    # The hidden tests are another button away, and the page is honest about them.
    assert run_and_wait(page) == "4 of 4 tests passed"
    expect(by_testid(page, "results-success")).to_be_visible()
    expect(example).to_have_count(0)
    expect(by_testid(page, "results")).to_contain_text("hidden from view, not secret")
