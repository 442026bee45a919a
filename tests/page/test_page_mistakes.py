"""Browser: a learner who makes a classic mistake is told which one, above the results."""

from known_mistakes import CONTRASTIVE, CONTRASTIVE_GRAD
from page_actions import by_testid, rows, run_and_wait, set_code, statuses
from playwright.sync_api import expect
from problem_folders import case_names

from base.paths import site_problem_dir


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


def test_an_array_result_is_explained_and_its_mistake_named(context, site_url):
    """The gradient problem returns an array: a wrong one is shown by its worst entries, with
    their indices, and the known mistake behind it is named."""
    page = context.new_page()
    page.goto(site_url + site_problem_dir(CONTRASTIVE_GRAD.slug))
    set_code(page, CONTRASTIVE_GRAD.code("no hinge"))
    run_and_wait(page)
    failing = CONTRASTIVE_GRAD.failing("no hinge")
    assert statuses(page) == ["failed" if test in failing else "passed" for test in case_names(CONTRASTIVE_GRAD.slug)]
    row = rows(page).filter(has_text=failing[0])
    expect(row).to_contain_text("3 of 6 entries of the array of shape (2, 3) differ. The largest differences: at [0, 1] expected 0, got -2.4")
    expect(by_testid(page, "mistake-hint")).to_contain_text(CONTRASTIVE_GRAD.hint_words("no hinge"))


# PyTorch's Siamese-network tutorial, in numpy: labels where 1 means dissimilar, and margin=2.0.
TUTORIAL_CODE = """\
import numpy as np


def contrastive_loss(x1, x2, label, margin=2.0):
    d = np.linalg.norm(x1 - x2, axis=1)
    return np.mean((1 - label) * d**2 + label * np.maximum(0, margin - d) ** 2)
"""


def test_a_partial_match_and_a_wrong_default_are_named_above_the_results(exercise_page, reference_solution):
    page = exercise_page
    set_code(page, TUTORIAL_CODE)
    run_and_wait(page)
    assert statuses(page) == ["passed", "failed", "failed", "failed"]
    hints = by_testid(page, "mistake-hint").get_by_test_id("hint")
    expect(hints).to_have_count(2)
    expect(hints.nth(0)).to_have_attribute("data-kind", "partial-mistake")
    expect(hints.nth(0)).to_contain_text(
        "Partly explained: Tests 2, 3 and 4 (test 2 with this exercise's defaults passed) fail as this known mistake does: "
        "Your results match the convention where 1 means dissimilar"
    )
    expect(hints.nth(1)).to_have_attribute("data-kind", "signature")
    expect(hints.nth(1)).to_have_text("Signature: Your default `margin` is 2.0; this exercise's is 1.0.")
    # Hints name tests by number: the rows show theirs (a CSS counter, outside the text of the row).
    assert rows(page).nth(1).locator(".result__name").evaluate("name => getComputedStyle(name, '::before').content") == 'counter(test) ". "'
    # A note on the signature shows when every test passes, too.
    set_code(page, reference_solution.replace("margin=1.0):", "margin=1.0, eps=1e-08):"))
    assert run_and_wait(page) == "4 of 4 tests passed"
    expect(by_testid(page, "results-success")).to_be_visible()
    expect(hints).to_have_count(1)
    expect(hints.nth(0)).to_have_text(
        "Signature: Your function takes `eps`, which this exercise does not have: the tests never pass it, so it always keeps your default, 1e-08."
    )
