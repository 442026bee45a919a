"""Browser: after a first visit, the service worker keeps the site and the Python runtime, so
the exercise loads and grades offline, and the catalog opens offline too."""

from page_actions import by_testid, run_and_wait, set_code, wait_for_editor_text, wait_for_service_worker, wait_until_ready
from playwright.sync_api import expect
from problem_folders import EXERCISE_PATH

from sitebuild.boot.boot_files import PLAIN_BOOT_FILES

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


def test_the_plain_boot_files_are_kept_once_fetched_not_downloaded_by_every_browser(context, site_url, built_site):
    """Only a browser whose function table does not match the snapshot's (WebKit) fetches them."""
    page = context.new_page()
    page.goto(site_url + EXERCISE_PATH)
    wait_until_ready(page)
    wait_for_service_worker(page)
    urls = [f"{site_url}pyodide/{name}" for name in PLAIN_BOOT_FILES]
    sizes = [(built_site / "pyodide" / name).stat().st_size for name in PLAIN_BOOT_FILES]
    assert page.evaluate(CACHED, urls) == [False, False], "not precached"
    assert page.evaluate(FETCHED_SIZES, urls) == sizes
    page.wait_for_function(f"async (urls) => ({CACHED})(urls).then((cached) => cached.every(Boolean))", arg=urls)
    context.set_offline(True)
    page.reload()
    wait_until_ready(page)
    assert page.evaluate(FETCHED_SIZES, urls) == sizes
    context.set_offline(False)


CACHED = "async (urls) => Promise.all(urls.map(async (url) => (await caches.match(url)) !== undefined))"
FETCHED_SIZES = "async (urls) => Promise.all(urls.map(async (url) => (await (await fetch(url)).arrayBuffer()).byteLength))"
