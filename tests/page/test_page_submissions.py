"""The adversarial corpus (tests/corpus/submissions/) in the real page: every case marked
"browser" (loops, exits, crashes, floods, memory, tampering, leftover state, values that
cannot be shown, HTML) is pasted into the editor and run the way a learner runs it. Each
must end in its expected verdicts and messages, leave the learner's code in the editor,
keep learner text inert, and leave the page able to run the next submission without a
reload; and the state probe (tests/state_probe.py), run before the case and after the
reference, must find the same Python both times.

One page serves the whole module (each load starts Pyodide, ~5-7 s); every case first
waits for Python to be ready and ends by running the reference solution on the same page.
"""

import pytest
from cross_run_state import PROBE, differences, reading_of
from page_actions import by_testid, rows, run_and_wait, set_code, statuses, wait_for_editor_text, wait_until_ready
from playwright.sync_api import expect

from problem_folders import CONTRASTIVE, EXERCISE_PATH
from submission_corpus import load_submissions

from grading.host_results import WORDING

from base.paths import site_problem_dir
from browsers.chromium import PYTHON_LOAD_TIMEOUT_MS

BROWSER_SUBMISSIONS = [submission for submission in load_submissions() if submission.browser and submission.problem == CONTRASTIVE]
# Cases of the other exercises run in their own pages.
OTHER_EXERCISES = [submission for submission in load_submissions() if submission.browser and submission.problem != CONTRASTIVE]
SUBMISSIONS_BY_NAME = {submission.name: submission for submission in BROWSER_SUBMISSIONS}
ALL_PASSED = "4 of 4 tests passed"
# Elements that learner text would create if it were ever inserted as HTML.
LEARNER_MARKUP = "img, script, b, i"
# What each test's row shows as printed output.
PRINTED_OUTPUTS = "rows => rows.map(row => row.querySelector('.result__output pre')?.textContent ?? '')"
PYTHON_RESTARTED = WORDING["python_stopped"].partition(" (")[0]


@pytest.fixture(scope="module")
def page(browser, site_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(site_url + EXERCISE_PATH)
    yield page
    context.close()


def visible_results_text(page):
    """Everything the results area shows: the message above the results, what loading
    printed, and every test's row (the learner-visible text of submission_corpus.py)."""
    return by_testid(page, "results").inner_text()


def expect_learner_text_inert(page):
    assert by_testid(page, "results").locator(LEARNER_MARKUP).count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []


def run_submission(page, submission):
    """Pastes and runs `submission`; returns the summary line once the run is over."""
    wait_until_ready(page)
    set_code(page, submission.code)
    return run_and_wait(page)


def expect_next_run_works(page, reference_solution):
    """Python is (again) ready without a reload, and the reference passes every test."""
    wait_until_ready(page)
    expect(by_testid(page, "run-tests")).to_be_enabled()
    set_code(page, reference_solution)
    assert run_and_wait(page) == ALL_PASSED
    assert statuses(page) == ["passed"] * 4


def probe(page):
    """The state probe's reading of the page's Python, from what its tests printed."""
    wait_until_ready(page)
    set_code(page, PROBE)
    assert run_and_wait(page) == ALL_PASSED
    return reading_of(rows(page).evaluate_all(PRINTED_OUTPUTS))


@pytest.mark.parametrize("submission", BROWSER_SUBMISSIONS, ids=lambda submission: submission.name)
def test_submission_in_the_page(page, submission, reference_solution):
    before = probe(page)
    summary = run_submission(page, submission)
    assert statuses(page) == submission.statuses
    assert summary == f"{submission.statuses.count('passed')} of 4 tests passed"
    shown = visible_results_text(page)
    for expected_text in submission.message_contains:
        assert expected_text in shown, f"{expected_text!r} is not shown to the learner:\n{shown}"
    expect_learner_text_inert(page)
    wait_for_editor_text(page, submission.code)
    restarted = "timeout" in submission.statuses or PYTHON_RESTARTED in shown
    expect_next_run_works(page, reference_solution)
    assert differences(before, probe(page), same_process=not restarted) == []


@pytest.mark.parametrize("submission", OTHER_EXERCISES, ids=lambda submission: submission.name)
def test_submission_of_another_exercise_in_its_page(context, site_url, submission):
    page = context.new_page()
    page.goto(site_url + site_problem_dir(submission.problem))
    run_submission(page, submission)
    assert statuses(page) == submission.statuses
    shown = visible_results_text(page)
    for expected_text in submission.message_contains:
        assert expected_text in shown, f"{expected_text!r} is not shown to the learner:\n{shown}"
    assert by_testid(page, "results").locator(LEARNER_MARKUP).count() == 0


def test_loop_then_os_exit_then_reference_in_a_row(page, reference_solution):
    """A learner who does not wait: each run is pressed as soon as the previous one ends,
    even while Python restarts after the time limit."""
    wait_until_ready(page)
    set_code(page, SUBMISSIONS_BY_NAME["infinite-loop-in-function"].code)
    run_and_wait(page)
    assert statuses(page) == ["timeout", "not-run", "not-run", "not-run"]
    set_code(page, SUBMISSIONS_BY_NAME["os-exit"].code)
    run_and_wait(page)
    assert statuses(page) == ["error"] * 4
    expect(rows(page).first).to_contain_text("Your code called os._exit()")
    set_code(page, reference_solution)
    assert run_and_wait(page) == ALL_PASSED
    expect(by_testid(page, "runtime-status")).to_have_attribute("data-state", "ready", timeout=PYTHON_LOAD_TIMEOUT_MS)
