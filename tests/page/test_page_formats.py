"""Every message between the real page and its Python worker follows
formats/worker_messages.v1.schema.json: a person runs the tests and the examples, types a
syntax error, uses the console and moves to another exercise, while the page's own Worker
traffic is recorded. Every run and warm-up carries the tests.json of the exercise it grades."""

import json

from formats import assert_valid
from page_actions import RECORD_WORKER_MESSAGES, by_testid, open_console, open_exercise, run_and_wait, run_in_console, set_code, wait_until_ready
from playwright.sync_api import expect
from problem_folders import CONTRASTIVE, problem, source

from base.paths import site_problem_dir

NEXT = "triplet-loss"


def test_the_page_and_its_worker_speak_the_schemas_messages(context, site_url, built_site, reference_solution):
    page = open_exercise(context, site_url, RECORD_WORKER_MESSAGES)
    wait_until_ready(page)
    set_code(page, reference_solution)
    assert run_and_wait(page) == "4 of 4 tests passed"
    by_testid(page, "run-examples").click()
    expect(by_testid(page, "results-summary")).to_contain_text("examples passed", timeout=30_000)
    open_console(page)
    run_in_console(page, "contrastive_loss(np.zeros((1, 2)), np.ones((1, 2)), np.array([1]))")
    set_code(page, "def contrastive_loss(x1, x2, label, margin=1.0)\n    return 0\n")
    expect(by_testid(page, "editor")).to_have_attribute("data-syntax-check", "done")
    page.get_by_role("link", name="All exercises").click()
    page.get_by_role("link", name=problem(NEXT).title, exact=True).click()
    wait_until_ready(page)
    set_code(page, source(NEXT, "solution.py"))
    count = len(problem(NEXT).suite.cases)
    assert run_and_wait(page) == f"{count} of {count} tests passed"
    messages = page.evaluate("window.__workerMessages")
    requests = messages["requests"]
    assert {request["type"] for request in requests} >= {"init", "warm-up", "run", "console", "syntax"}
    for request in requests:
        assert_valid(request, "worker_messages.v1.schema.json", "request")
    assert any("progress" in reply for reply in messages["replies"])
    for reply in messages["replies"]:
        assert_valid(reply, "worker_messages.v1.schema.json", "reply")
    tests_json = {slug: (built_site / site_problem_dir(slug) / "tests.json").read_text(encoding="utf-8") for slug in (CONTRASTIVE, NEXT)}
    graded = [exercise_of(request["testsJson"], tests_json) for request in requests if request["type"] in ("run", "warm-up")]
    assert graded == [CONTRASTIVE, CONTRASTIVE, CONTRASTIVE, NEXT, NEXT], graded  # warm-up, tests, examples; warm-up, tests
    for text in tests_json.values():
        assert_valid(json.loads(text), "tests_json.v1.schema.json")


def exercise_of(text, tests_json):
    """The exercise whose tests.json `text` is (None: none of them)."""
    return next((slug for slug, its_text in tests_json.items() if its_text == text), None)
