"""Browser tests of comfort on the exercise page: light and dark themes (the system's setting
or the learner's choice), a 375 px phone, the keyboard, and a clear success state.

The screenshots each test writes to its tmp_path are for a person to look at:
comfort-light-desktop.png, comfort-dark-desktop.png, comfort-success.png and comfort-dark-phone.png.
"""

import re

import pytest
from known_mistakes import mistake_code
from page_actions import REFUSE_STORAGE, by_testid, rows, run_and_wait, run_in_console, set_code, wait_for_results
from page_actions import open_exercise
from playwright.sync_api import expect
from problem_folders import EXERCISE_PATH

DESKTOP = {"width": 1400, "height": 1000}
PHONE = {"width": 375, "height": 800}
AA_TEXT_CONTRAST = 4.5
MIN_TOUCH_TARGET_PX = 40

# Right formula, but halved: two tests pass and two fail (and a known mistake is named).
HALF_LOSS = mistake_code("half on both terms")

SYNTAX_ERROR = """\
def contrastive_loss(x1, x2, label, margin=1.0):
    return (x1
"""

# Prints while loading, so the results show a "Printed while your file was loading" panel.
PRINTS_WHILE_LOADING = """\
print("loaded")


def contrastive_loss(x1, x2, label, margin=1.0):
    return -1.0
"""

# The theme as it is when <body> is first parsed: before that, nothing can be painted.
RECORD_THEME_AT_FIRST_BODY = """
new MutationObserver((changes, observer) => {
  if (!document.body) return;
  window.themeAtFirstBody = document.documentElement.dataset.theme;
  observer.disconnect();
}).observe(document, { childList: true, subtree: true });
"""

# Text that must be readable in every theme: (what it is, CSS selector[, text pattern]).
PAGE_TEXT = [
    ("header link", ".site-header__home"),
    ("theme toggle", '[data-testid="theme-toggle"]'),
    ("title", '[data-testid="statement"] h1'),
    ("statement text", '[data-testid="statement"] p'),
    ("math", '[data-testid="statement"] .katex'),
    ("inline code", '[data-testid="statement"] p > code'),
    ("code block", '[data-testid="statement"] pre'),
    ("difficulty badge", ".difficulty"),
    ("Run button", '[data-testid="run-tests"]'),
    ("Reset button", '[data-testid="reset-code"]'),
    ("runtime status", '[data-testid="runtime-status"]'),
    ("editor hint", ".editor-hint"),
    ("notice", '[data-testid="notice"]'),
    ("results summary", '[data-testid="results-summary"]'),
    ("results note", ".results__note"),
]
EDITOR_TEXT = [
    ("line number", ".cm-gutterElement", r"^4$"),
    ("keyword", ".cm-line span", r"^import$"),
    ("function name", ".cm-line span", r"^contrastive_loss$"),
    ("number", ".cm-line span", r"^1\.0$"),
    ("string", ".cm-line span", r"Mean contrastive loss"),
    ("comment", ".cm-line span", r"^# Your code here\.$"),
    ("plain code", ".cm-line", r"^import numpy as np$"),
]
MIXED_RESULTS_TEXT = [
    ("passed verdict", ".result--passed .result__verdict"),
    ("failed verdict", ".result--failed .result__verdict"),
    ("test name", ".result__name"),
    ("failure message", ".result .results__message"),
    ("mistake hint", '[data-testid="mistake-hint"]'),
]
SUCCESS_TEXT = [
    ("success summary", '.results[data-outcome="passed"] [data-testid="results-summary"]'),
    ("success message", '[data-testid="results-success"]'),
]
CONSOLE_TEXT = [
    ("Try in console", '[data-testid="try-in-console"]'),
    ("console toggle", '[data-testid="console-toggle"]'),
    ("console intro", ".console__intro"),
    ("console entry", ".console-entry__input"),
    ("console value", '[data-testid="console-value"]'),
    ("array shape and dtype", ".console-entry__value-note"),
    ("console error", '[data-testid="console-error"]'),
    ("console prompt", '[data-testid="console-input"]'),
]
ERROR_TEXT = [
    ("error verdict", ".result--error .result__verdict"),
    ("load error", '[data-testid="results-error"]'),
]

# The text colour and every background from the element up to <html>, as computed.
COMPUTED_COLOURS = """element => {
  const backgrounds = [];
  for (let node = element; node; node = node.parentElement) backgrounds.push(getComputedStyle(node).backgroundColor);
  return { text: getComputedStyle(element).color, backgrounds };
}"""
RGB = re.compile(r"rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)")


# --- Helpers -------------------------------------------------------------------------------


def parse_colour(css):
    match = RGB.fullmatch(css)
    assert match, f"a colour this test cannot read: {css}"
    red, green, blue, alpha = match.groups()
    return (float(red), float(green), float(blue)), 1.0 if alpha is None else float(alpha)


def painted_over(css, background):
    rgb, alpha = parse_colour(css)
    return tuple(alpha * channel + (1 - alpha) * behind for channel, behind in zip(rgb, background))


def relative_luminance(rgb):
    def linear(channel):
        channel /= 255
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = map(linear, rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(locator):
    """WCAG contrast between an element's text and what shows behind it (backgrounds stacked up)."""
    colours = locator.evaluate(COMPUTED_COLOURS)
    background = (255.0, 255.0, 255.0)  # the canvas, behind <html>
    for css in reversed(colours["backgrounds"]):
        background = painted_over(css, background)
    lighter, darker = sorted((relative_luminance(painted_over(colours["text"], background)), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def low_contrast(page, elements):
    """(name, ratio) of each element in `elements` (the first one shown) whose text is below WCAG AA."""
    failures = []
    for name, selector, *text in elements:
        found = page.locator(selector)
        if text:
            found = found.filter(has_text=re.compile(text[0]))
        shown = [element for element in found.all() if element.is_visible()]
        assert shown, f"no {name} is shown ({selector})"
        ratio = contrast_ratio(shown[0])
        if ratio < AA_TEXT_CONTRAST:
            failures.append((name, round(ratio, 2)))
    return failures


def page_background_luminance(page):
    return relative_luminance(painted_over(page.evaluate("getComputedStyle(document.documentElement).backgroundColor"), (255, 255, 255)))


def expect_theme(page, theme):
    expect(page.locator("html")).to_have_attribute("data-theme", theme)
    expect(by_testid(page, "theme-toggle")).to_have_attribute("aria-pressed", "true" if theme == "dark" else "false")
    luminance = page_background_luminance(page)
    assert (luminance < 0.05) if theme == "dark" else (luminance > 0.8), f"the {theme} page has background luminance {luminance:.2f}"


def focused(page):
    """What has the keyboard focus: its data-testid, or a short description."""
    return page.evaluate(
        """() => {
          const element = document.activeElement;
          if (element.dataset.testid) return element.dataset.testid;
          if (element.closest('[data-testid="editor"]')) return "editor";
          return element.className ? `${element.tagName.toLowerCase()}.${element.className}` : element.tagName.toLowerCase();
        }"""
    )


def leave_editor(page, key):
    """Escape then `key` (Tab or Shift+Tab), as a learner leaves the editor. CodeMirror honours
    the Escape for 2 s, which a busy test machine can overrun: then try again."""
    for _ in range(3):
        page.keyboard.press("Escape")
        page.keyboard.press(key)
        if focused(page) != "editor":
            return


def full_page_screenshot(page, path):
    """Grows the viewport to the whole page first: Playwright's full_page capture drops touch emulation."""
    width = page.viewport_size["width"]
    page.set_viewport_size({"width": width, "height": page.evaluate("document.documentElement.scrollHeight")})
    page.screenshot(path=path)


@pytest.fixture
def open_in_profile(browser, site_url):
    """open_in_profile(**context_options): the exercise in a fresh browser profile, editor shown."""
    contexts = []

    def open_page(init_script=None, **options):
        context = browser.new_context(**{"viewport": DESKTOP, **options})
        contexts.append(context)
        return open_exercise(context, site_url, init_script)

    yield open_page
    for context in contexts:
        context.close()


# --- Tests ---------------------------------------------------------------------------------


def test_toggle_switches_the_theme_and_the_choice_survives_a_reload(open_in_profile, site_url):
    page = open_in_profile(color_scheme="light", init_script=RECORD_THEME_AT_FIRST_BODY)
    toggle = page.get_by_role("button", name="Dark theme")
    expect(toggle).to_have_attribute("data-testid", "theme-toggle")
    expect_theme(page, "light")
    toggle.click()
    expect_theme(page, "dark")
    editor_background = page.locator(".cm-editor").evaluate("e => getComputedStyle(e).backgroundColor")
    assert relative_luminance(painted_over(editor_background, (255, 255, 255))) < 0.05, "the editor stayed light"
    page.reload()
    expect_theme(page, "dark")
    # The choice is in place before the page is painted, so it never flashes light first.
    assert page.evaluate("window.themeAtFirstBody") == "dark"
    page.goto(site_url)  # the catalog follows the same choice
    expect_theme(page, "dark")
    by_testid(page, "theme-toggle").click()
    expect_theme(page, "light")
    page.goto(site_url + EXERCISE_PATH)
    expect_theme(page, "light")


def test_system_dark_setting_is_followed_until_the_learner_chooses(open_in_profile):
    page = open_in_profile(color_scheme="dark")
    expect_theme(page, "dark")
    by_testid(page, "theme-toggle").click()
    expect_theme(page, "light")
    page.reload()
    expect_theme(page, "light")


def test_toggle_works_when_storage_is_refused(open_in_profile):
    page = open_in_profile(color_scheme="light", init_script=REFUSE_STORAGE)
    by_testid(page, "theme-toggle").click()
    expect_theme(page, "dark")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_contrast_meets_wcag_aa_in_both_themes(open_in_profile, reference_solution, scheme, tmp_path):
    page = open_in_profile(color_scheme=scheme)
    expect_theme(page, scheme)
    by_testid(page, "reset-code").click()  # shows the notice
    expect(by_testid(page, "notice")).to_be_visible()
    assert low_contrast(page, PAGE_TEXT + EDITOR_TEXT) == []

    set_code(page, HALF_LOSS)
    assert run_and_wait(page) == "2 of 4 tests passed"
    assert low_contrast(page, MIXED_RESULTS_TEXT) == []
    page.screenshot(path=tmp_path / f"comfort-{scheme}-desktop.png")
    rows(page).first.get_by_test_id("try-in-console").click()
    run_in_console(page)
    run_in_console(page, "x1")
    run_in_console(page, "undefined_name")
    by_testid(page, "console-input").fill("x1.shape")
    assert low_contrast(page, CONSOLE_TEXT) == []

    set_code(page, reference_solution)
    assert run_and_wait(page) == "4 of 4 tests passed"
    assert low_contrast(page, SUCCESS_TEXT) == []

    set_code(page, SYNTAX_ERROR)
    assert run_and_wait(page) == "0 of 4 tests passed"
    assert low_contrast(page, ERROR_TEXT) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_width_fits_and_has_finger_sized_buttons(open_in_profile, scheme, tmp_path):
    page = open_in_profile(viewport=PHONE, has_touch=True, is_mobile=True, color_scheme=scheme)
    expect_theme(page, scheme)
    width = PHONE["width"]
    for testid in ("theme-toggle", "run-tests", "reset-code", "download-code"):
        box = by_testid(page, testid).bounding_box()
        assert box["height"] >= MIN_TOUCH_TARGET_PX, f"{testid} is {box['height']} px tall"
        assert 0 <= box["x"] and box["x"] + box["width"] <= width, f"{testid} is cut off: {box}"
    assert page.locator(".site-header__home").bounding_box()["height"] >= MIN_TOUCH_TARGET_PX
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"

    set_code(page, HALF_LOSS)
    assert run_and_wait(page) == "2 of 4 tests passed"
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the results make the page scroll sideways"
    if scheme == "dark":
        full_page_screenshot(page, tmp_path / "comfort-dark-phone.png")


def test_keyboard_reaches_every_control_in_order(open_in_profile):
    page = open_in_profile()
    wanted = ["link to all exercises", "theme-toggle", "run-tests", "reset-code", "download-code", "editor"]
    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        stop = focused(page)
        reached.append("link to all exercises" if stop == "a.site-header__home" else stop)
        if stop == "editor":
            break
    assert [stop for stop in reached if stop in wanted] == wanted, f"Tab went: {reached}"

    # Back to Run with Escape (the editor keeps Shift+Tab for itself) and Shift+Tab; Enter runs the tests.
    leave_editor(page, "Shift+Tab")
    for _ in range(len(reached)):
        if focused(page) == "run-tests":
            break
        page.keyboard.press("Shift+Tab")
    assert focused(page) == "run-tests"
    page.keyboard.press("Enter")
    assert wait_for_results(page) == "0 of 4 tests passed"

    # In the editor Tab indents; Escape then Tab leaves it, as the hint near the editor says.
    expect(page.locator(".editor-hint")).to_contain_text("Esc")
    set_code(page, PRINTS_WHILE_LOADING)
    page.keyboard.press("Control+Enter")
    assert wait_for_results(page) == "0 of 4 tests passed"
    page.keyboard.press("Tab")
    assert focused(page) == "editor"
    leave_editor(page, "Tab")
    assert focused(page) == "console-toggle"  # the console, closed, sits between the editor and the results
    page.keyboard.press("Tab")
    load_output = by_testid(page, "load-output")
    assert page.evaluate("document.activeElement.closest('[data-testid=\"load-output\"]') !== null"), f"focus is on {focused(page)}"
    expect(load_output).to_have_attribute("open", "")
    page.keyboard.press("Enter")
    expect(load_output).not_to_have_attribute("open", "")


def test_all_tests_passing_shows_a_success_banner_and_nothing_less_does(exercise_page, reference_solution, tmp_path):
    page = exercise_page
    success = by_testid(page, "results-success")
    summary = by_testid(page, "results-summary")
    expect(success).to_be_hidden()
    # The results region is live; it is busy while rows stream in, so the outcome is read once.
    results = by_testid(page, "results")
    expect(results).to_have_attribute("aria-live", "polite")
    assert summary.evaluate("e => e.closest('[aria-live]') === e.closest('[data-testid=\"results\"]')")
    assert success.evaluate("e => e.closest('[aria-live]') !== null")

    assert run_and_wait(page) == "0 of 4 tests passed"
    expect(results).to_have_attribute("aria-busy", "false")
    expect(success).to_be_hidden()
    set_code(page, HALF_LOSS)
    assert run_and_wait(page) == "2 of 4 tests passed"
    expect(success).to_be_hidden()

    set_code(page, reference_solution)
    assert run_and_wait(page) == "4 of 4 tests passed"
    expect(success).to_be_visible()
    expect(success).to_contain_text("Well done")
    expect(rows(page)).to_have_count(4)
    page.screenshot(path=tmp_path / "comfort-success.png")

    set_code(page, HALF_LOSS)
    assert run_and_wait(page) == "2 of 4 tests passed"
    expect(success).to_be_hidden()
