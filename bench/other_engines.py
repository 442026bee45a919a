"""The exercise page in Firefox ESR and WebKitGTK beside the naive page, driven through
WebDriver (browsers/other_engines.py): every visit in a freshly started browser (empty cache
and storage), ours and naive interleaved. Marionette's scripts do not see the page's globals,
so the times are written into the DOM by a recorder added once the page has loaded, in ms of
the page's clock (performance.timeOrigin + performance.now(), so that a time taken in one page
and one taken in the next compare).

P1 cold first result: navigation start → "4 of 4 tests passed" (the reference is put in the
editor and Run clicked as soon as the page has loaded). Ready: navigation start → ready.
P4 repeat visit: the same browser opens the page again → ready. P6r another exercise right
after ready: as soon as that page says ready (its warm-up run just sent), the learner goes to
the catalog and clicks another exercise: that click → the exercise page says ready (whether the
click loads a new page or not). P6 another exercise: the page is opened again, the reference
is run, then the same moves."""

from browsers.other_engines import Firefox, Unavailable, WebKit, until

TIMEOUT_S = 120
# Records, on <html data-bench-...>, when the page says ready and when it shows a result, and
# (in every page it is added to) when a link is clicked, kept in sessionStorage across loads.
RECORDER = """
const root = document.documentElement;
const clock = () => performance.timeOrigin + performance.now();
const hook = (id) => document.querySelector(`[data-testid="${id}"]`);
const note = () => {
  if (!root.dataset.benchReady && hook("runtime-status")?.dataset.state === "ready") root.dataset.benchReady = clock();
  if (!root.dataset.benchResult && /tests passed/.test(hook("results-summary")?.textContent ?? "")) root.dataset.benchResult = clock();
};
if (!root.dataset.benchRecorder) {
  root.dataset.benchRecorder = "on";
  root.dataset.benchAlreadyReady = hook("runtime-status")?.dataset.state === "ready" ? "yes" : "";
  new MutationObserver(note).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["data-state"] });
  document.addEventListener("click", (event) => { if (event.target.closest?.("a")) sessionStorage.setItem("bench-click", clock()); }, true);
  note();
}
return performance.timeOrigin;
"""
PASTE = "document.execCommand('selectAll'); document.execCommand('insertText', false, arguments[0]);"
EDITOR = "[data-testid=editor] .cm-content"
RUN = "[data-testid=run-tests]"
HOME = "a.site-header__home"


def read(browser, name):
    value = browser.script(f"return document.documentElement.dataset.{name} ?? null")
    return float(value) if value else None


def our_visits(engine, url, next_slug, solution):
    """P1 and ready of a cold visit, then P4, P6r and P6 in the same browser."""
    browser = engine()
    try:
        browser.open(url)
        origin = browser.script(RECORDER)
        until(lambda: browser.script(f"return !!document.querySelector('{EDITOR}')"), TIMEOUT_S, "the editor")
        browser.click(EDITOR)
        browser.script(PASTE, solution)
        browser.click(RUN)
        result = until(lambda: read(browser, "benchResult"), TIMEOUT_S, "the first result")
        summary = browser.script("return document.querySelector('[data-testid=results-summary]').textContent.trim()")
        if summary != "4 of 4 tests passed":
            raise RuntimeError(f"the reference solution should pass every test, but the page says: {summary}")
        measures = {"P1": result - origin, "ready": until(lambda: read(browser, "benchReady"), TIMEOUT_S, "ready") - origin}
        browser.open(url)  # P4: the same browser, its cache warm
        origin = browser.script(RECORDER)
        if browser.script("return document.documentElement.dataset.benchAlreadyReady") != "yes":
            measures["P4"] = until(lambda: read(browser, "benchReady"), TIMEOUT_S, "ready again") - origin
            measures["P6r"] = another_exercise_ready(browser, next_slug)
            browser.open(url)
            browser.script(RECORDER)
        # P6, as in Chromium after the learner has run their code.
        browser.click(EDITOR)
        browser.script(PASTE, solution)
        browser.script("delete document.documentElement.dataset.benchResult")
        browser.click(RUN)
        until(lambda: read(browser, "benchResult"), TIMEOUT_S, "the repeat visit's result")
        measures["P6"] = another_exercise_ready(browser, next_slug)
        return measures
    finally:
        browser.quit()


def another_exercise_ready(browser, next_slug):
    """From the exercise page, to the catalog, then the exercise `next_slug`: ms from that click to ready."""
    browser.click(HOME)
    until(lambda: browser.script(f"return !!document.querySelector('[data-slug=\"{next_slug}\"] a')"), TIMEOUT_S, "the catalog")
    browser.script(RECORDER)
    browser.script("delete document.documentElement.dataset.benchReady")  # the page may stay: ready again is the next exercise's
    browser.click(f'[data-slug="{next_slug}"] a')
    until(lambda: next_slug in browser.script("return location.pathname") and browser.script(RECORDER), TIMEOUT_S, "the next exercise")
    ready = until(lambda: read(browser, "benchReady"), TIMEOUT_S, "the next exercise to be ready")
    return ready - float(browser.script("return sessionStorage.getItem('bench-click')"))


def naive_visit(engine, url):
    browser = engine()
    try:
        browser.open(url)
        result = until(lambda: browser.script("return document.documentElement.dataset.result ?? null"), TIMEOUT_S, "the naive page's result")
        if not result.startswith("4 of 4"):
            raise RuntimeError(f"the naive page says {result}")
        return {"naive cold": browser.script("return performance.getEntriesByName('naive-result')[0].startTime")}
    finally:
        browser.quit()


def measure(engine, server_url, slug, next_slug, solution, rounds, progress):
    """{measure: [values]} for `engine`, or {"unavailable": reason}."""
    ours = f"{server_url}problems/{slug}/"
    naive = f"{server_url}bench/naive.html?problem={slug}"
    samples = {}
    try:
        progress(f"{engine.name}: warm-up")
        our_visits(engine, ours, next_slug, solution)
        naive_visit(engine, naive)
    except Unavailable as reason:
        return {"unavailable": str(reason)}
    for number in range(1, rounds + 1):
        progress(f"{engine.name}: round {number} of {rounds}")
        for visit in (lambda: our_visits(engine, ours, next_slug, solution), lambda: naive_visit(engine, naive)):
            for name, value in visit().items():
                samples.setdefault(name, []).append(value)
    return samples


ENGINES = (Firefox, WebKit)
