"""Drives a page the way a learner would, through the exercise page's public hooks
(data-testid), and reads the times bench/probe.js records inside the page, in ms since
navigation start. Nothing here knows how the page works inside."""

from pathlib import Path

from browsers.chromium import EDITOR, paste_code  # noqa: F401 - visits.py pastes through this module

PROBE = (Path(__file__).parent / "probe.js").read_text()
TIMEOUT_MS = 180_000  # a cold start on a busy 2-core machine under a throttled network
RESULTS = r"\d+ of \d+ tests passed"


def new_context(browser):
    """A fresh browser profile (empty cache and storage) whose pages all carry the probe."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(PROBE)
    return context


def new_page(context, network=None):
    """A new page of `context` under `network` (CDP emulateNetworkConditions parameters;
    None: loopback speed); returns (page, its CDP session)."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    if network:
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", network)
    return page, cdp


def navigate(page, url):
    """Returns as soon as the navigation commits: the page's own times are read from the probe."""
    page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)


def wait_for_editor(page):
    page.wait_for_selector(EDITOR, timeout=TIMEOUT_MS)


def append_line(page, text):
    page.locator(EDITOR).click()
    page.keyboard.press("Control+End")
    page.keyboard.insert_text("\n" + text)


def press_run(page):
    """Clicks Run; returns when the click reached the page."""
    page.locator('[data-testid="run-tests"]').click()
    return page.evaluate("window.__bench.runClicks.at(-1)")


def wait_for(page, condition, arg=None):
    """Waits until the JS function `condition(arg)` returns something truthy; returns it."""
    return page.wait_for_function(condition, arg=arg, polling=50, timeout=TIMEOUT_MS).json_value()


def usable_at(page):
    """P2: when the statement and the editor were both shown (the first paint counts too)."""
    return wait_for(
        page,
        """() => {
          const { statement, editor } = window.__bench;
          const paint = performance.getEntriesByName("first-contentful-paint")[0];
          return statement !== null && editor !== null && paint && Math.max(statement, editor, paint.startTime);
        }""",
    )


def results_after(page, since):
    """[time, summary] of the first complete results shown at or after `since`."""
    return wait_for(
        page,
        """([since, pattern]) => window.__bench.summaries.find(([time, text]) => time >= since && new RegExp(pattern).test(text))""",
        [since, RESULTS],
    )


def ready_at(page):
    """When Python was first ready: the page says "ready", or, when a run was waiting for Python,
    goes from "loading" straight to "running"."""
    return wait_for(page, """() => window.__bench.states.find(([, state]) => state === "ready" || state === "running")?.[0]""")


def recovery_after(page, since):
    """After a run that never ends, started at `since`: [when the page stopped it (left the
    "running" state), when Python was "ready" again]."""
    return wait_for(
        page,
        """since => {
          const states = window.__bench.states;
          const running = states.findIndex(([time, state]) => time >= since && state === "running");
          const stopped = states.findIndex(([, state], index) => running >= 0 && index > running && state !== "running");
          const ready = states.findIndex(([, state], index) => stopped >= 0 && index >= stopped && state === "ready");
          return ready >= 0 && [states[stopped][0], states[ready][0]];
        }""",
        since,
    )


def another_exercise_ready(page, slug):
    """P6: from the exercise page, the learner goes to the catalog and clicks the exercise `slug`:
    ms from that click to the exercise page saying ready (whether the click loaded a new page
    or showed it in this one)."""
    page.locator("a.site-header__home").click()
    page.locator(f'[data-slug="{slug}"] a').click()
    return wait_for(
        page,
        """slug => {
          const clicked = Number(sessionStorage.getItem("bench-link-click"));
          const status = document.querySelector('[data-testid="runtime-status"]');
          if (!location.pathname.includes(`/${slug}/`) || !window.__bench || status?.dataset.state !== "ready") return false;
          const ready = window.__bench.states.findLast(([, state]) => state === "ready");
          return ready && performance.timeOrigin + ready[0] - clicked;
        }""",
        slug,
    )


def naive_marks(page):
    """The naive page's performance marks, {name: ms since navigation start}, once it has a result."""
    result = wait_for(page, "() => document.documentElement.dataset.result")
    passed, _, total = result.partition(" of ")
    if passed != total:
        raise RuntimeError(f"the naive page did not pass every test: {result}")
    return page.evaluate("Object.fromEntries(performance.getEntriesByType('mark').map((mark) => [mark.name, mark.startTime]))")
