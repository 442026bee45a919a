"""Browser: exercises whose answers have a shape of their own, driven as a learner does. A
class whose state carries across calls (sgd-momentum, graded by scenarios), a function that
returns a tuple (kmeans-step) and one that returns a dict (classification-metrics): the
reference passes, a known mistake is named above the results, a wrong part of the answer is
told where it is ("Item 0 of the returned tuple", "Key 'precision'"), and "Try in console" on
a failed scenario test puts the scenario's own code in the console, where it runs.

Each test leaves a screenshot of the page after a failed run in its tmp_path, for a person
to look at: <slug>-failed.png."""

from known_mistakes import CLASSIFICATION_METRICS, KMEANS_STEP, SGD_MOMENTUM
from page_actions import by_testid, open_console, rows, run_and_wait, run_in_console, set_code, statuses, wait_until_ready
from playwright.sync_api import expect
from problem_folders import case_names, shipped_suite, source
from shaped_mistakes import KMEANS_TEN_STEPS, METRICS_TWO_HUNDRED, SGD_DEFAULTS

from base.paths import site_problem_dir


def open_problem(context, site_url, slug):
    """The exercise's page, once Python is ready, as for a learner who reads the statement first."""
    page = context.new_page()
    page.goto(site_url + site_problem_dir(slug))
    wait_until_ready(page)
    return page


def expected_statuses(known, mistake):
    failing = known.failing(mistake)
    return ["failed" if name in failing else "passed" for name in case_names(known.slug)]


def run_mistake(page, known, mistake):
    """Pastes the known mistake, runs the tests, and checks the verdicts and the hint above the results."""
    set_code(page, known.code(mistake))
    run_and_wait(page)
    assert statuses(page) == expected_statuses(known, mistake), mistake
    hint = by_testid(page, "mistake-hint")
    expect(hint).to_be_visible()
    expect(hint).to_contain_text(known.hint_words(mistake))
    assert hint.bounding_box()["y"] < rows(page).first.bounding_box()["y"]


def try_scenario_in_console(page, slug, index, shown):
    """Clicks "Try in console" on failed scenario test `index`: the prompt holds the scenario's
    code; Enter runs it, and the console shows its last expression's value, containing `shown`."""
    row = rows(page).nth(index)
    expect(row).to_have_attribute("data-status", "failed")
    row.get_by_test_id("try-in-console").click()
    prompt = by_testid(page, "console-input")
    expect(prompt).to_be_focused()
    code = shipped_suite(slug).cases[index].code.strip("\n")
    expect(prompt).to_have_value(code)
    wait_until_ready(page)
    entry = run_in_console(page)
    expect(entry).to_have_attribute("data-status", "ok")
    expect(entry.get_by_test_id("console-value")).to_contain_text(shown)
    return entry


def pass_with_the_reference(page, slug):
    set_code(page, source(slug, "solution.py"))
    total = len(case_names(slug))
    assert run_and_wait(page) == f"{total} of {total} tests passed"
    expect(by_testid(page, "results-success")).to_be_visible()
    expect(by_testid(page, "mistake-hint")).to_be_hidden()


def test_a_class_with_state_is_graded_by_scenarios(context, site_url, tmp_path):
    slug = SGD_MOMENTUM.slug
    page = open_problem(context, site_url, slug)
    run_mistake(page, SGD_MOMENTUM, "moving average of the gradients")
    # Three steps return a tuple of three arrays: the first that differs is named, with its entries.
    expect(rows(page).nth(SGD_DEFAULTS)).to_contain_text(
        "Item 0 of the returned tuple: 3 of 3 entries of the array of shape (3,) differ. "
        "The largest differences: at [0] expected -0.02, got -0.002"
    )
    page.screenshot(path=tmp_path / f"{slug}-failed.png", full_page=True)
    # The scenario builds its own optimiser: the console runs the same steps on the learner's class.
    try_scenario_in_console(page, slug, SGD_DEFAULTS, "(array([-0.002 ,  0.001 , -0.0005]), array([-0.0058 ,")
    # The names the scenario made stay in the console, to explore.
    expect(run_in_console(page, "opt.v").get_by_test_id("console-value")).to_contain_text("array([ 0.542")
    pass_with_the_reference(page, slug)


def test_a_tuple_result_is_compared_item_by_item(context, site_url, tmp_path):
    slug = KMEANS_STEP.slug
    page = open_problem(context, site_url, slug)
    # A list where a tuple is expected: said in the message and named by the known mistake.
    run_mistake(page, KMEANS_STEP, "a list, not a tuple")
    expect(rows(page).first).to_contain_text(
        "Expected a tuple of 2 items, but your function returned a list of 2 items (`return a, b` returns a tuple; `[a, b]` is a list)."
    )
    # Wrong centroids: the item of the tuple, then the entries of its array.
    run_mistake(page, KMEANS_STEP, "argmax")
    expect(rows(page).first).to_contain_text(
        "Item 0 of the returned tuple: 4 of 6 entries of the array of shape (3, 2) differ. The largest differences: at [2, 1] expected 50, got 1"
    )
    page.screenshot(path=tmp_path / f"{slug}-failed.png", full_page=True)
    # The ten-step scenario: the console runs the learner's loop and shows the final pair.
    try_scenario_in_console(page, slug, KMEANS_TEN_STEPS, "(array([[")
    pass_with_the_reference(page, slug)


def test_a_dict_result_is_compared_key_by_key(context, site_url, tmp_path):
    slug = CLASSIFICATION_METRICS.slug
    page = open_problem(context, site_url, slug)
    run_mistake(page, CLASSIFICATION_METRICS, "key f1_score")
    expect(rows(page).first).to_contain_text(
        "Key 'f1' is missing from the returned dict (it has 'accuracy', 'precision', 'recall', 'f1_score')."
    )
    run_mistake(page, CLASSIFICATION_METRICS, "precision and recall swapped")
    second = rows(page).nth(1)
    expect(second).to_contain_text("Key 'precision' of the returned dict: expected 0.6666666667, got 0.5.")
    page.screenshot(path=tmp_path / f"{slug}-failed.png", full_page=True)
    # A scenario that builds its own labels: the console shows the learner's dict for them.
    try_scenario_in_console(page, slug, METRICS_TWO_HUNDRED, "'precision': np.float64(0.8021978021978022), 'recall': np.float64(0.7684210526315789)")
    open_console(page)
    expect(run_in_console(page, "int(y_true.sum()), len(y_pred)").get_by_test_id("console-value")).to_have_text("(91, 200)")
    pass_with_the_reference(page, slug)
