"""Every message between the real page and its Python worker follows
formats/worker_messages.v1.schema.json: a person runs the tests and the examples, types a
syntax error and uses the console, while the page's own Worker traffic is recorded."""

from formats import assert_valid
from page_actions import by_testid, open_console, open_exercise, run_and_wait, run_in_console, set_code, wait_until_ready
from playwright.sync_api import expect

# Wraps Worker before the page's scripts run: what the page posts and what the worker answers.
RECORD_WORKER_MESSAGES = """
window.__workerMessages = { requests: [], replies: [] };
const PageWorker = window.Worker;
window.Worker = class extends PageWorker {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", ({ data }) => window.__workerMessages.replies.push(structuredClone(data)));
  }
  postMessage(message, ...rest) {
    window.__workerMessages.requests.push(structuredClone(message));
    return super.postMessage(message, ...rest);
  }
};
"""


def test_the_page_and_its_worker_speak_the_schemas_messages(context, site_url, reference_solution):
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
    messages = page.evaluate("window.__workerMessages")
    assert {request["type"] for request in messages["requests"]} >= {"init", "warm-up", "run", "console", "syntax"}
    for request in messages["requests"]:
        assert_valid(request, "worker_messages.v1.schema.json", "request")
    assert any("progress" in reply for reply in messages["replies"])
    for reply in messages["replies"]:
        assert_valid(reply, "worker_messages.v1.schema.json", "reply")
