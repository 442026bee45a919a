"""One visit each, in a fresh browser context: the measures of the exercise page (P1–P5 and
its memory), the page opened for a while before Run (P1b), and the naive page. Each returns
{measure name: value or list of values}; times are in ms, sizes in bytes."""

from . import page_driver as driver
from .heap import HeapReader
from .network import Requests
from .process_memory import largest_renderer_bytes

NEVER_ENDS = "while True:\n    pass\n"
# Milestones of a cold start, told apart by the files the page asks for when it reaches them.
WORKER_SCRIPT = r"^worker\.js$"
PYODIDE_LOADER = r"^pyodide\.js$"
RUNTIME = r"^pyodide\.asm\.wasm$"
SNAPSHOT = r"^python-snapshot\."  # Python's memory, numpy and the harness imported (sitebuild/boot/boot_files.py)
NUMPY_LIBRARIES = r"^numpy-libraries\."


def our_visit(browser, server, url, solution, next_slug, network=None, reruns=9, memory=True):
    """P1, P2, P3 (one per re-run), P5, P6 (to the exercise `next_slug`) and P4; the cold start's milestones and the bytes
    `server` sent; memory after the first run, after 1 + `reruns` runs and after a timeout
    (when `memory`)."""
    context = driver.new_context(browser)
    try:
        page, cdp = driver.new_page(context, network)
        requests = Requests(page)
        sent_before = server.bytes_sent
        driver.navigate(page, url)
        driver.wait_for_editor(page)
        driver.paste_code(page, solution)
        first_result, summary = driver.results_after(page, driver.press_run(page))
        _expect_all_passed(summary)
        measures = {"P1": first_result, "P2": driver.usable_at(page)}
        measures |= _cold_start_milestones(page, requests, first_result)
        measures["bytes before ready"] = requests.bytes_before(page.evaluate("performance.timeOrigin"), measures["ours: ready"])
        heap = HeapReader(page, cdp) if memory else None
        if heap:
            measures |= _memory(heap, "after 1 run")
        measures["P3"] = [_rerun(page, edit) for edit in range(reruns)]
        if heap:
            measures |= _memory(heap, f"after {1 + reruns} runs")
        driver.paste_code(page, NEVER_ENDS)
        stopped, ready_again = driver.recovery_after(page, driver.press_run(page))
        measures["P5"] = ready_again - stopped
        if heap:
            measures |= _memory(heap, "after a timeout and restart")
        measures["P6"] = driver.another_exercise_ready(page, next_slug)
        # Everything the visit downloaded, what arrived after ready (and the service worker's
        # copies) included.
        measures["bytes, first visit"] = server.bytes_sent - sent_before
        page.close()
        return measures | _repeat_visit(context, server, url, network)
    finally:
        context.close()


def reading_visit(browser, url, solution, network=None, reading_seconds=10):
    """P1b: the page is open for `reading_seconds` (the learner reads), then Run."""
    context = driver.new_context(browser)
    try:
        page, _ = driver.new_page(context, network)
        driver.navigate(page, url)
        driver.wait_for_editor(page)
        driver.paste_code(page, solution)
        page.wait_for_timeout(max(0, reading_seconds * 1000 - page.evaluate("performance.now()")))
        click = driver.press_run(page)
        result, summary = driver.results_after(page, click)
        _expect_all_passed(summary)
        return {"P1b": result - click}
    finally:
        context.close()


def naive_visit(browser, server, url, network=None):
    """The naive page's cold first result, its milestones and the bytes `server` sent; then
    its repeat visit."""
    context = driver.new_context(browser)
    try:
        page, _ = driver.new_page(context, network)
        requests = Requests(page)
        sent_before = server.bytes_sent
        driver.navigate(page, url)
        marks = driver.naive_marks(page)
        origin = page.evaluate("performance.timeOrigin")
        measures = {
            "naive cold": marks["naive-result"],
            "naive: pyodide.js requested": requests.started(PYODIDE_LOADER, origin),
            "naive: runtime downloaded": requests.finished(RUNTIME, origin),
            "naive: Python started": marks["naive-python-started"],
            "naive: numpy loaded": marks["naive-numpy-loaded"],
            "naive: first result": marks["naive-result"],
            "naive bytes, first visit": server.bytes_sent - sent_before,
            "naive bytes before ready": requests.bytes_before(origin, marks["naive-result"]),
        }
        page.close()
        page, _ = driver.new_page(context, network)
        driver.navigate(page, url)
        measures["naive repeat"] = driver.naive_marks(page)["naive-result"]
        return measures
    finally:
        context.close()


def _repeat_visit(context, server, url, network):
    """P4: the learner comes back, in the same browser profile (its cache is warm)."""
    page, _ = driver.new_page(context, network)
    sent_before = server.bytes_sent
    driver.navigate(page, url)
    return {"P4": driver.ready_at(page), "bytes, repeat visit": server.bytes_sent - sent_before}


def _rerun(page, edit):
    """P3: an edit, then Run; ms from the click to the results."""
    driver.append_line(page, f"# edit {edit}")
    click = driver.press_run(page)
    result, _ = driver.results_after(page, click)
    return result - click


def _cold_start_milestones(page, requests, first_result):
    origin = page.evaluate("performance.timeOrigin")
    return {
        "ours: worker requested": requests.started(WORKER_SCRIPT, origin),
        "ours: pyodide.js requested": requests.started(PYODIDE_LOADER, origin),
        "ours: runtime downloaded": requests.finished(RUNTIME, origin),
        "ours: numpy's libraries downloaded": requests.finished(NUMPY_LIBRARIES, origin),
        "ours: snapshot downloaded": requests.finished(SNAPSHOT, origin),
        "ours: ready": driver.ready_at(page),
        "ours: first result": first_result,
    }


def _memory(heap, when):
    memory = heap.read() | {"renderer process": largest_renderer_bytes()}
    return {f"memory {when}: {name}": value for name, value in memory.items()}


def _expect_all_passed(summary):
    passed, _, total = summary.partition(" of ")
    if not total.startswith(passed + " "):
        raise RuntimeError(f"the reference solution should pass every test, but the page says: {summary}")
