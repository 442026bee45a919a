"""Browser: after a first visit, the service worker keeps the site and the Python runtime, so
the exercise loads and grades offline, and the catalog opens offline too."""

from page_actions import by_testid, run_and_wait, set_code, wait_for_editor_text, wait_for_service_worker, wait_until_ready
from playwright.sync_api import expect
from problem_folders import EXERCISE_PATH

DRAFT = "def contrastive_loss(x1, x2, label, margin=1.0):\n    return 0.625  # offline draft\n"


def test_the_exercise_works_offline_after_the_first_visit(context, site_url, reference_solution):
    page = context.new_page()
    page.goto(site_url + EXERCISE_PATH)
    wait_until_ready(page)
    wait_for_service_worker(page)
    set_code(page, DRAFT)

    context.set_offline(True)
    page.reload()
    wait_for_editor_text(page, DRAFT)
    expect(page.locator(".katex").first).to_be_visible()
    wait_until_ready(page)
    set_code(page, reference_solution)
    assert run_and_wait(page) == "4 of 4 tests passed"
    page.get_by_role("link", name="All exercises").click()
    expect(by_testid(page, "catalog").locator("li")).not_to_have_count(0)
    context.set_offline(False)


def test_the_runtime_comes_from_the_cache_on_a_repeat_visit(context, site_url):
    page = context.new_page()
    page.goto(site_url + EXERCISE_PATH)
    wait_until_ready(page)
    wait_for_service_worker(page)
    from_service_worker = []
    page.on("response", lambda response: from_service_worker.append((response.url, response.from_service_worker)))
    page.reload()
    wait_until_ready(page)
    runtime = [served for url, served in from_service_worker if "/pyodide/" in url]
    assert runtime and all(runtime), from_service_worker
