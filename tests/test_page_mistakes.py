"""Browser: a learner who makes a classic mistake is told which one, above the results."""

from known_mistakes import KNOWN_MISTAKES, mistake_code
from page_actions import TEST_NAMES, by_testid, rows, run_and_wait, set_code, statuses
from playwright.sync_api import expect


def test_each_known_mistake_is_named_and_a_correct_answer_is_not(exercise_page, reference_solution):
    page = exercise_page
    hint = by_testid(page, "mistake-hint")
    for name, (_, hint_words, failing) in KNOWN_MISTAKES.items():
        set_code(page, mistake_code(name))
        run_and_wait(page)
        expected_statuses = ["failed" if test in failing else "passed" for test in TEST_NAMES]
        assert statuses(page) == expected_statuses, name
        expect(hint).to_be_visible()
        expect(hint).to_contain_text(hint_words)
        # The hint sits above the results it explains.
        assert hint.bounding_box()["y"] < rows(page).first.bounding_box()["y"]
    set_code(page, reference_solution)
    assert run_and_wait(page) == "4 of 4 tests passed"
    expect(hint).to_be_hidden()
