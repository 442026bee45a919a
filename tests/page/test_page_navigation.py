"""Browser: moving between exercises keeps Python. From an exercise, the catalog and the next
exercise are shown inside the same page (static/page_navigation.js): their URLs are the
document's, the back and forward buttons work, the worker is the one the first exercise started
(no second boot), every run still grades on the exercise shown, under its time limit, and a
run that overruns still restarts Python, which then grades the exercise shown."""

from page_actions import by_testid, run_and_wait, set_code, wait_until_ready
from playwright.sync_api import expect
from problem_folders import CONTRASTIVE, EXERCISE_PATH, problem, source

from base.paths import site_problem_dir
from browsers.chromium import PYTHON_LOAD_TIMEOUT_MS

NEXT = "triplet-loss"
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


def all_passed(slug):
    count = len(problem(slug).suite.cases)
    return f"{count} of {count} tests passed"


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
    page = context.new_page()
    page.add_init_script(COUNT_WORKERS)
    page.goto(site_url + EXERCISE_PATH)
    wait_until_ready(page)
    page.get_by_role("link", name="All exercises").click()
    page.get_by_role("link", name=problem(NEXT).title, exact=True).click()
    expect(page.locator("h1")).to_have_text(problem(NEXT).title)
    wait_until_ready(page)
    set_code(page, NEVER_ENDS)
    by_testid(page, "run-tests").click()
    expect(by_testid(page, "results-summary")).to_contain_text("tests passed", timeout=PYTHON_LOAD_TIMEOUT_MS)
    expect(by_testid(page, "results")).to_contain_text(f"{problem(NEXT).suite.time_limit_seconds:g} s")
    wait_until_ready(page)
    assert workers_created(page) == 2  # the restart
    set_code(page, source(NEXT, "solution.py"))
    assert run_and_wait(page) == all_passed(NEXT)
