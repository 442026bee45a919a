"""Browser tests of the Python console under the editor and of "Try in console" on a failed
test, driven the way a learner uses them: click, type, press Enter, read the log.

The screenshots the last test writes to its tmp_path are for a person to look at:
console-{light,dark}-{desktop,phone}.png (the console) and console-*-results.png (the
results, with "Try in console" on the failed tests).
"""

import json

import pytest
from known_mistakes import mistake_code
from page_actions import (
    REFUSE_STORAGE,
    by_testid,
    console_entries,
    editor_text,
    open_console,
    open_exercise,
    rows,
    run_and_wait,
    run_in_console,
    set_code,
    statuses,
    wait_until_ready,
)
from playwright.sync_api import expect
from problem_folders import CONTRASTIVE, EXERCISE_PATH, case_names, shipped_suite

from harness import entry
from sitebuild.authoring.serve import serve_in_background

# Right formula, but halved: the reference example and the coincident pair fail.
HALF_LOSS = mistake_code("half on both terms")
TIME_LIMIT_SECONDS = 5


def grade_in_cpython(code):
    return json.loads(entry.grade(shipped_suite(CONTRASTIVE).to_json(), code))


def test_a_failed_test_is_tried_in_the_console_and_explored(exercise_page):
    page = exercise_page
    set_code(page, HALF_LOSS)
    assert run_and_wait(page) == "2 of 4 tests passed"
    # Only the failed tests offer to be tried.
    failed = [index for index, status in enumerate(statuses(page)) if status == "failed"]
    assert failed
    for index, row in enumerate(rows(page).all()):
        expect(row.get_by_test_id("try-in-console")).to_have_count(1 if index in failed else 0)
    expect(by_testid(page, "console-input")).to_be_hidden()

    first_failed = failed[0]
    rows(page).nth(first_failed).get_by_test_id("try-in-console").click()
    prompt = by_testid(page, "console-input")
    expect(prompt).to_be_focused()
    expect(by_testid(page, "console-toggle")).to_have_attribute("aria-expanded", "true")
    expect(prompt).to_have_value(shipped_suite(CONTRASTIVE).call_source(first_failed))

    # Enter runs the call: the console shows what the function returned, as the test got it.
    called = run_in_console(page)
    got = grade_in_cpython(HALF_LOSS)["tests"][first_failed]["got"]
    expect(called.get_by_test_id("console-value")).to_have_text(f"np.float64({got})")
    expect(called).to_have_attribute("data-status", "ok")
    expect(rows(page).nth(first_failed)).to_contain_text(got)

    # The inputs are names now: the learner types expressions on them.
    prompt.press_sequentially("x1.shape")
    shape = run_in_console(page)
    expect(shape.get_by_test_id("console-value")).to_have_text("(2, 2)")
    distances = run_in_console(page, "np.linalg.norm(x1 - x2, axis=1)")
    expect(distances.get_by_test_id("console-value")).to_contain_text("array of shape (2,), dtype float64")
    printed = run_in_console(page, "print('pairs:', len(label))")
    expect(printed.get_by_test_id("console-printed")).to_have_text("pairs: 2")
    expect(printed.get_by_test_id("console-value")).to_have_count(0)

    # An error in the learner's function is explained on its line, one click from the editor.
    broken = run_in_console(page, "contrastive_loss(x1, np.ones((3, 2)), label)")
    expect(broken).to_have_attribute("data-status", "error")
    error = broken.get_by_test_id("console-error")
    expect(error).to_contain_text("ValueError")
    expect(error).to_contain_text("line 5, in contrastive_loss")
    broken.get_by_role("button", name="Go to line 5").click()
    expect(page.locator(".cm-activeLine")).to_contain_text("diff = np.asarray(x1, dtype=float)")

    # Names last until the code changes; then it is loaded afresh, and the console says so.
    run_in_console(page, "kept = 41")
    expect(run_in_console(page, "kept + 1").get_by_test_id("console-value")).to_have_text("42")
    set_code(page, HALF_LOSS.replace("return np.mean", "return 2 * np.mean"))
    reloaded = run_in_console(page, "kept")
    expect(reloaded).to_contain_text("Your code changed, so it was loaded afresh")
    expect(reloaded.get_by_test_id("console-error")).to_contain_text("NameError: name 'kept' is not defined")

    # What the console did never reaches the verdicts: the doubled halves now pass.
    run_in_console(page, "np.linalg.norm = None\nnp.mean = None\ncontrastive_loss = None")
    assert run_and_wait(page) == "4 of 4 tests passed"


def test_an_endless_loop_in_the_console_is_stopped_and_the_page_recovers(exercise_page):
    page = exercise_page
    set_code(page, HALF_LOSS)
    code = editor_text(page)
    wait_until_ready(page)
    open_console(page)
    run_in_console(page, "before = 1")

    stopped = run_in_console(page, "while True: pass")
    expect(stopped).to_have_attribute("data-status", "timeout")
    expect(stopped.get_by_test_id("console-error")).to_contain_text(f"longer than {TIME_LIMIT_SECONDS} s")
    expect(stopped.get_by_test_id("console-error")).to_contain_text("Python restarted")
    assert editor_text(page) == code

    # A fresh Python: the console works again (its earlier names are gone), and so do the tests.
    wait_until_ready(page)
    expect(run_in_console(page, "contrastive_loss").get_by_test_id("console-value")).to_contain_text("<function contrastive_loss")
    expect(run_in_console(page, "before").get_by_test_id("console-error")).to_contain_text("NameError")
    assert run_and_wait(page) == "2 of 4 tests passed"


def test_a_timed_out_test_can_be_tried_but_not_the_tests_that_did_not_run(exercise_page):
    page = exercise_page
    # Loops for ever on the one test with three pairs (the second).
    set_code(page, HALF_LOSS.replace("    diff = ", "    while len(x1) > 2:\n        pass\n    diff = "))
    assert run_and_wait(page) == "0 of 4 tests passed"
    assert statuses(page) == ["failed", "timeout", "not-run", "not-run"]
    for row, offered in zip(rows(page).all(), (1, 1, 0, 0)):
        expect(row.get_by_test_id("try-in-console")).to_have_count(offered)
    rows(page).nth(1).get_by_test_id("try-in-console").click()
    call = shipped_suite(CONTRASTIVE).call_source(1)
    expect(by_testid(page, "console-input")).to_have_value(call)
    # The learner edits the call to try the first two pairs only: it returns.
    wait_until_ready(page)
    assignments, _, _ = call.rpartition("\n")
    tried = run_in_console(page, assignments + "\ncontrastive_loss(x1[:2], x2[:2], label[:2])")
    expect(tried.get_by_test_id("console-value")).to_have_text("np.float64(0.0)")


def test_keyboard_and_history_which_survives_a_reload(exercise_page):
    page = exercise_page
    wait_until_ready(page)
    toggle = by_testid(page, "console-toggle")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Tab")
    expect(by_testid(page, "console-clear")).to_be_focused()
    page.keyboard.press("Tab")
    prompt = by_testid(page, "console-input")
    expect(prompt).to_be_focused()
    page.keyboard.type("total = 0")
    page.keyboard.press("Enter")
    expect(console_entries(page)).to_have_count(1)
    # A line ending in ":" opens a block that Enter continues; an empty line ends and runs it.
    page.keyboard.type("for i in range(4):")
    page.keyboard.press("Enter")
    page.keyboard.type("total += i")
    page.keyboard.press("Enter")
    expect(console_entries(page)).to_have_count(1)
    page.keyboard.press("Enter")
    expect(console_entries(page)).to_have_count(2)
    # Shift+Enter adds a line to any entry.
    page.keyboard.type("total")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("total * 10")
    last = run_in_console(page)
    expect(last.get_by_test_id("console-value")).to_have_text("60")

    page.reload()
    open_console(page)
    expect(console_entries(page)).to_have_count(0)
    prompt.press("ArrowUp")
    expect(prompt).to_have_value("total\ntotal * 10")
    prompt.press("ArrowUp")  # a recalled entry has the caret on its first line, so Up goes further back
    expect(prompt).to_have_value("for i in range(4):\n    total += i")
    prompt.press("ArrowDown")  # within the entry, to its last line
    prompt.press("ArrowDown")  # then on, to the newer entry
    expect(prompt).to_have_value("total\ntotal * 10")
    prompt.press("ArrowDown")
    expect(prompt).to_have_value("")
    # Closing the console hides it; the toggle opens it again with the prompt where it was.
    toggle.click()
    expect(prompt).to_be_hidden()


def test_two_courses_on_one_origin_keep_their_own_console_history(context, built_site, tmp_path):
    """GitHub Pages serves an account's course sites from one origin: each keeps its own history."""
    for course in ("course-a", "course-b"):
        (tmp_path / course).symlink_to(built_site, target_is_directory=True)
    server, url = serve_in_background(tmp_path)
    try:
        course_a = open_exercise(context, url + "course-a/")
        open_console(course_a)
        by_testid(course_a, "console-input").fill("typed_in_course_a = 1")
        by_testid(course_a, "console-input").press("Enter")  # saved at once, before Python has run it
        course_b = open_exercise(context, url + "course-b/")
        open_console(course_b)
        by_testid(course_b, "console-input").press("ArrowUp")
        expect(by_testid(course_b, "console-input")).to_have_value("")
        course_a.reload()
        open_console(course_a)
        by_testid(course_a, "console-input").press("ArrowUp")
        expect(by_testid(course_a, "console-input")).to_have_value("typed_in_course_a = 1")
    finally:
        server.shutdown()


def test_refused_storage_keeps_the_console_working_and_says_history_is_not_kept(context, site_url):
    page = open_exercise(context, site_url, REFUSE_STORAGE)
    open_console(page)
    expect(by_testid(page, "console-storage-note")).to_be_visible()
    run_in_console(page, "answer = 6 * 7")
    by_testid(page, "console-input").press("ArrowUp")
    expect(by_testid(page, "console-input")).to_have_value("answer = 6 * 7")
    expect(run_in_console(page, "answer").get_by_test_id("console-value")).to_have_text("42")


def test_show_inputs_false_offers_no_try_in_console(context, site_url):
    """The build leaves the calls out of the page when tests.py sets SHOW_INPUTS = False
    (tests/unit/test_console.py); the page then offers no "Try in console"."""

    def without_calls(route):
        if route.request.resource_type != "document":
            return route.continue_()
        html = route.fetch().text()
        config_start = html.index('"testCalls": [')
        config_end = html.index('], "examples"', config_start)
        route.fulfill(body=html[:config_start] + '"testCalls": null' + html[config_end + 1 :], content_type="text/html")

    context.route(f"**{EXERCISE_PATH}", without_calls)
    page = open_exercise(context, site_url)
    set_code(page, HALF_LOSS)
    assert run_and_wait(page) == "2 of 4 tests passed"
    expect(rows(page)).to_have_count(len(case_names()))
    expect(by_testid(page, "try-in-console")).to_have_count(0)
    open_console(page)  # the console itself is still there
    expect(run_in_console(page, "contrastive_loss.__name__").get_by_test_id("console-value")).to_have_text("'contrastive_loss'")
    # The visible examples still offer it: their inputs are on show anyway.
    by_testid(page, "run-examples").click()
    failed_example = page.locator('[data-testid="example-result"][data-status="failed"]').first
    failed_example.get_by_test_id("try-in-console").click()
    expect(by_testid(page, "console-input")).to_have_value(shipped_suite(CONTRASTIVE).examples_suite().call_source(0))
    expect(run_in_console(page).get_by_test_id("console-value")).to_have_text("np.float64(0.3125)")
    # The service worker may still be fetching the page through the route: let it go quietly.
    context.unroute_all(behavior="ignoreErrors")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [{"width": 1400, "height": 1000}, {"width": 375, "height": 800}], ids=["desktop", "phone"])
def test_console_screenshots(browser, site_url, scheme, viewport, tmp_path):
    phone = viewport["width"] < 600
    context = browser.new_context(viewport=viewport, color_scheme=scheme, has_touch=phone, is_mobile=phone)
    try:
        page = open_exercise(context, site_url)
        set_code(page, HALF_LOSS)
        run_and_wait(page)
        rows(page).nth(0).get_by_test_id("try-in-console").click()
        run_in_console(page)
        run_in_console(page, "np.linalg.norm(x1 - x2, axis=1)")
        run_in_console(page, "contrastive_loss(x1, np.ones((3, 2)), label)")
        by_testid(page, "console-input").fill("x1.shape")
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], "the console makes the page scroll sideways"
        name = f"console-{scheme}-{'phone' if phone else 'desktop'}"
        by_testid(page, "console").screenshot(path=tmp_path / f"{name}.png")
        by_testid(page, "results").screenshot(path=tmp_path / f"{name}-results.png")
    finally:
        context.close()
