"""Browser: moving between exercises keeps Python. From an exercise, the catalog and the next
exercise are shown inside the same page (static/page_navigation.js): their URLs are the
document's, the back and forward buttons work, the worker is the one the first exercise started
(no second boot), every run still grades on the exercise shown, under its time limit, and a
run that overruns still restarts Python, which then grades the exercise shown. The page fetches
each exercise's tests itself and hands them to the worker with each run, so the next exercise is
ready without waiting for a run under way, and a run grades on the tests of the exercise it was
asked for on, even when another is shown before it starts."""

from page_actions import RECORD_WORKER_MESSAGES, HeldRequests, by_testid, run_and_wait, set_code, wait_for_results, wait_until_ready
from playwright.sync_api import expect
from problem_folders import CONTRASTIVE, EXERCISE_PATH, problem, source

from base.paths import site_problem_dir
from browsers.chromium import PYTHON_LOAD_TIMEOUT_MS

NEXT = "triplet-loss"
THIRD = "info-nce"
# Counts the workers the page creates, and marks the document, which a full load would replace.
COUNT_WORKERS = """
window.__workersCreated = 0;
const PageWorker = window.Worker;
window.Worker = class extends PageWorker {
  constructor(...args) { super(...args); window.__workersCreated += 1; }
};
"""
NEVER_ENDS = "def triplet_loss(*args, **kwargs):\n    while True:\n        pass\n"


def workers_created(page):
    return page.evaluate("window.__workersCreated")


def open_first_exercise(context, site_url):
    """The first exercise's page, its workers counted and its worker messages recorded."""
    page = context.new_page()
    page.add_init_script(COUNT_WORKERS)
    page.add_init_script(RECORD_WORKER_MESSAGES)
    page.goto(site_url + EXERCISE_PATH)
    return page


def show_exercise(page, slug):
    """From an exercise page, the catalog, then the exercise `slug`, as a learner clicks them."""
    page.get_by_role("link", name="All exercises").click()
    page.get_by_role("link", name=problem(slug).title, exact=True).click()
    expect(page.locator("h1")).to_have_text(problem(slug).title)


def waiting_at_every_call(slug, url):
    """`slug`'s reference solution, whose every call first waits for an answer from `url`."""
    function = problem(slug).suite.function
    return f"""{source(slug, "solution.py")}
from js import XMLHttpRequest

_reference = {function}


def {function}(*args, **kwargs):
    request = XMLHttpRequest.new()
    request.open("GET", "{url}", False)
    request.send()
    return _reference(*args, **kwargs)
"""


def graded_runs(page, built_site):
    """Each run the page sent its worker, in order: (the exercise whose tests.json it carried,
    its summary, e.g. "4 of 4", or None while it has no results)."""
    messages = page.evaluate("window.__workerMessages")
    results = {reply["id"]: reply["result"] for reply in messages["replies"] if "result" in reply}
    slugs = {(built_site / site_problem_dir(slug) / "tests.json").read_text(encoding="utf-8"): slug for slug in (CONTRASTIVE, NEXT, THIRD)}
    return [(slugs.get(request["testsJson"]), summary(results.get(request["id"]))) for request in messages["requests"] if request["type"] == "run"]


def summary(results):
    if results is None:
        return None
    return f"{sum(test['status'] == 'passed' for test in results['tests'])} of {len(results['tests'])}"


def every_test(slug):
    """How a summary counts every test of `slug` passed: "3 of 3"."""
    count = len(problem(slug).suite.cases)
    return f"{count} of {count}"


def all_passed(slug):
    return f"{every_test(slug)} tests passed"


def test_the_next_exercise_runs_in_the_same_python_and_history_works(context, site_url):
    page = context.new_page()
    page.add_init_script(COUNT_WORKERS)
    page.goto(site_url + EXERCISE_PATH)
    wait_until_ready(page)
    page.evaluate("window.__sameDocument = true")

    page.get_by_role("link", name="All exercises").click()
    expect(page).to_have_url(site_url)
    expect(by_testid(page, "catalog").locator("li")).not_to_have_count(0)
    page.get_by_role("link", name=problem(NEXT).title, exact=True).click()
    expect(page).to_have_url(site_url + site_problem_dir(NEXT))
    expect(page.locator("h1")).to_have_text(problem(NEXT).title)
    expect(page).to_have_title(f"{problem(NEXT).title} · ML exercises")
    wait_until_ready(page)
    set_code(page, source(NEXT, "solution.py"))
    assert run_and_wait(page) == all_passed(NEXT)
    assert page.evaluate("window.__sameDocument") is True
    assert workers_created(page) == 1

    page.go_back()  # the catalog, with the exercise just solved marked
    expect(page).to_have_url(site_url)
    expect(page.locator(f'[data-slug="{NEXT}"] [data-testid="progress"]')).to_have_attribute("data-progress", "solved")
    page.go_back()  # the first exercise, graded on its own tests again
    expect(page).to_have_url(site_url + EXERCISE_PATH)
    expect(page.locator("h1")).to_have_text(problem(CONTRASTIVE).title)
    wait_until_ready(page)
    set_code(page, source(CONTRASTIVE, "solution.py"))
    assert run_and_wait(page) == all_passed(CONTRASTIVE)
    page.go_forward()
    page.go_forward()
    expect(page).to_have_url(site_url + site_problem_dir(NEXT))
    expect(page.locator("h1")).to_have_text(problem(NEXT).title)
    assert page.evaluate("window.__sameDocument") is True
    assert workers_created(page) == 1

    page.reload()  # the URL is a page of its own
    expect(page.locator("h1")).to_have_text(problem(NEXT).title)
    assert page.evaluate("window.__sameDocument ?? null") is None


def test_a_run_that_overruns_on_the_next_exercise_restarts_python_for_that_exercise(context, site_url):
    page = open_first_exercise(context, site_url)
    wait_until_ready(page)
    show_exercise(page, NEXT)
    wait_until_ready(page)
    set_code(page, NEVER_ENDS)
    by_testid(page, "run-tests").click()
    expect(by_testid(page, "results-summary")).to_contain_text("tests passed", timeout=PYTHON_LOAD_TIMEOUT_MS)
    expect(by_testid(page, "results")).to_contain_text(f"{problem(NEXT).suite.time_limit_seconds:g} s")
    wait_until_ready(page)
    assert workers_created(page) == 2  # the restart
    set_code(page, source(NEXT, "solution.py"))
    assert run_and_wait(page) == all_passed(NEXT)


def test_the_next_exercise_is_ready_while_a_run_goes_on_and_each_run_grades_its_own_tests(context, site_url, built_site):
    held_run = HeldRequests(context, "**/held-run")
    page = open_first_exercise(context, site_url)
    wait_until_ready(page)
    set_code(page, waiting_at_every_call(CONTRASTIVE, site_url + "held-run"))
    by_testid(page, "run-tests").click()
    held_run.wait_for_one(page, "the run's first call")
    show_exercise(page, NEXT)
    wait_until_ready(page)  # while the first exercise's run still waits
    assert workers_created(page) == 1  # not a restart after that run's time limit
    assert graded_runs(page, built_site) == [(CONTRASTIVE, None)]
    set_code(page, source(NEXT, "solution.py"))
    by_testid(page, "run-tests").click()  # waits for the run under way
    held_run.release(lambda route: route.fulfill(status=200, body=""))
    assert wait_for_results(page) == all_passed(NEXT)
    assert graded_runs(page, built_site) == [(CONTRASTIVE, every_test(CONTRASTIVE)), (NEXT, every_test(NEXT))]


def test_runs_asked_for_before_python_is_ready_grade_the_tests_of_their_own_exercise(context, site_url, built_site):
    held_boot = HeldRequests(context, "**/pyodide/python-boot.json")
    page = open_first_exercise(context, site_url)
    set_code(page, source(CONTRASTIVE, "solution.py"))
    by_testid(page, "run-tests").click()
    expect(by_testid(page, "results-summary")).to_contain_text("Waiting for Python")
    show_exercise(page, NEXT)
    set_code(page, source(NEXT, "solution.py"))
    by_testid(page, "run-tests").click()
    held_boot.wait_for_one(page, "Python's boot manifest")
    held_boot.release()
    assert wait_for_results(page) == all_passed(NEXT)
    assert graded_runs(page, built_site) == [(CONTRASTIVE, every_test(CONTRASTIVE)), (NEXT, every_test(NEXT))]


def test_the_last_exercise_shown_wins_and_tests_that_fail_to_load_are_retried_in_the_same_python(context, site_url, built_site):
    held_tests = HeldRequests(context, f"**/{site_problem_dir(NEXT)}tests.json")
    page = open_first_exercise(context, site_url)
    wait_until_ready(page)
    status = by_testid(page, "runtime-status")
    show_exercise(page, NEXT)
    held_tests.wait_for_one(page, "the next exercise's tests")
    expect(status).to_have_attribute("data-state", "loading")
    show_exercise(page, THIRD)
    wait_until_ready(page)
    # The tests of the exercise left behind fail late: that is not this exercise's business.
    with page.expect_request_finished(lambda request: request.url.endswith(f"{NEXT}/tests.json")):
        held_tests.release(lambda route: route.fulfill(status=503, body="unavailable"))
    expect(status).to_have_attribute("data-state", "ready")
    set_code(page, source(THIRD, "solution.py"))
    assert run_and_wait(page) == all_passed(THIRD)

    page.go_back()
    page.go_back()  # the exercise whose tests cannot be had
    expect(page.locator("h1")).to_have_text(problem(NEXT).title)
    expect(status).to_have_attribute("data-state", "error")
    expect(status).to_contain_text("This exercise's tests could not be loaded")
    expect(status).to_contain_text("Check your connection, then press Retry.")
    context.unroute(f"**/{site_problem_dir(NEXT)}tests.json")
    by_testid(page, "retry-python").click()
    wait_until_ready(page)
    set_code(page, source(NEXT, "solution.py"))
    assert run_and_wait(page) == all_passed(NEXT)
    assert [exercise for exercise, _ in graded_runs(page, built_site)] == [THIRD, NEXT]
    assert workers_created(page) == 1  # Retry fetched the tests again, and kept Python
