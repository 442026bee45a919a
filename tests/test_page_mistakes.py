"""Browser: a learner who makes a classic mistake is told which one, above the results."""

from known_mistakes import CONTRASTIVE
from page_actions import by_testid, rows, run_and_wait, set_code, statuses
from playwright.sync_api import expect
from problem_folders import case_names


def test_each_known_mistake_is_named_and_a_correct_answer_is_not(exercise_page, reference_solution):
    page = exercise_page
    hint = by_testid(page, "mistake-hint")
    for name in CONTRASTIVE.mistakes:
        set_code(page, CONTRASTIVE.code(name))
        run_and_wait(page)
        failing = CONTRASTIVE.failing(name)
        expected_statuses = ["failed" if test in failing else "passed" for test in case_names()]
        assert statuses(page) == expected_statuses, name
        expect(hint).to_be_visible()
        expect(hint).to_contain_text(CONTRASTIVE.hint_words(name))
        # The hint sits above the results it explains.
        assert hint.bounding_box()["y"] < rows(page).first.bounding_box()["y"]
    set_code(page, reference_solution)
    assert run_and_wait(page) == "4 of 4 tests passed"
    expect(hint).to_be_hidden()
