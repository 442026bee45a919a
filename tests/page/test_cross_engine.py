"""Cross-engine check: the exercise page reaches ready and grades the reference solution 4 of 4
in Firefox ESR (driven through Marionette) and WebKitGTK (WebKitWebDriver's MiniBrowser, under
Xvfb), as the other browser tests show it does in Chromium. Both are Debian packages that
scripts/ensure-other-browsers installs (`make test` runs it); where they cannot be installed,
these tests say so and skip.

WebDriver cannot paste, so the code goes in as a paste's text would: the editor is clicked,
everything selected, and the text inserted at the selection."""

import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from problem_folders import EXERCISE_PATH

from browsers.chromium import PYTHON_LOAD_TIMEOUT_MS

INSTALL_HINT = "run `sudo scripts/ensure-other-browsers` (CI does)"
READY = "return document.querySelector('[data-testid=runtime-status]')?.dataset.state"
SUMMARY = "return document.querySelector('[data-testid=results-summary]')?.textContent ?? ''"
PASTE = "document.execCommand('selectAll'); document.execCommand('insertText', false, arguments[0]);"
EDITOR = "[data-testid=editor] .cm-content"
RUN = "[data-testid=run-tests]"
STARTUP_TIMEOUT_S = 60


class Firefox:
    """Firefox ESR, headless, with Marionette listening on a free port."""

    def __init__(self):
        marionette = pytest.importorskip("marionette_driver.marionette", reason=f"marionette-driver is not installed: {INSTALL_HINT}")
        executable = shutil.which("firefox-esr")
        if not executable:
            pytest.skip(f"Firefox ESR is not installed: {INSTALL_HINT}")
        self.profile = tempfile.mkdtemp(prefix="firefox-profile-")
        port = free_port()
        Path(self.profile, "user.js").write_text(f'user_pref("marionette.port", {port});\n')
        self.process = start([executable, "--headless", "--marionette", "--no-remote", "-profile", self.profile])
        self.client = marionette.Marionette(host="127.0.0.1", port=port)
        self.client.raise_for_port(timeout=STARTUP_TIMEOUT_S)
        self.client.start_session()

    def open(self, url):
        self.client.navigate(url)

    def script(self, source, *args):
        return self.client.execute_script(source, script_args=list(args))

    def click(self, css):
        self.client.find_element("css selector", css).click()

    def quit(self):
        self.client.delete_session()
        stop(self.process)
        shutil.rmtree(self.profile, ignore_errors=True)


class WebKit:
    """WebKitGTK's MiniBrowser, driven by WebKitWebDriver on a free port, in a virtual display."""

    def __init__(self):
        webdriver = pytest.importorskip("selenium.webdriver", reason=f"selenium is not installed: {INSTALL_HINT}")
        browsers = glob.glob("/usr/lib/*/webkit2gtk-4.*/MiniBrowser")
        missing = [name for name in ("WebKitWebDriver", "xvfb-run") if not shutil.which(name)] + ([] if browsers else ["MiniBrowser"])
        if missing:
            pytest.skip(f"WebKitGTK is not installed ({', '.join(missing)} missing): {INSTALL_HINT}")
        port = free_port()
        self.process = start(["xvfb-run", "-a", "WebKitWebDriver", f"--port={port}"])
        options = webdriver.WebKitGTKOptions()
        options.binary_location = browsers[0]
        options.add_argument("--automation")
        self.driver = until(lambda: webdriver.Remote(command_executor=f"http://127.0.0.1:{port}", options=options), STARTUP_TIMEOUT_S, "WebKitWebDriver to answer")

    def open(self, url):
        self.driver.get(url)

    def script(self, source, *args):
        return self.driver.execute_script(source, *args)

    def click(self, css):
        self.driver.find_element("css selector", css).click()

    def quit(self):
        self.driver.quit()
        stop(self.process)


@pytest.fixture(params=[Firefox, WebKit], ids=["firefox-esr", "webkitgtk"])
def other_browser(request):
    browser = request.param()
    yield browser
    browser.quit()


def test_the_page_gets_ready_and_grades_the_reference_in_other_engines(other_browser, site_url, reference_solution):
    other_browser.open(site_url + EXERCISE_PATH)
    until(lambda: other_browser.script(READY) == "ready", PYTHON_LOAD_TIMEOUT_MS / 1000, "Python to be ready")
    other_browser.click(EDITOR)
    other_browser.script(PASTE, reference_solution)
    other_browser.click(RUN)
    until(lambda: "tests passed" in other_browser.script(SUMMARY), PYTHON_LOAD_TIMEOUT_MS / 1000, "the results")
    assert other_browser.script(SUMMARY).strip() == "4 of 4 tests passed"


def until(condition, timeout_s, what):
    """Polls `condition` until it is true (or returns something), failing after `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            result = condition()
            if result:
                return result
        except Exception:  # noqa: BLE001 - a driver still starting refuses connections
            if time.monotonic() > deadline:
                raise
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout_s:.0f} s for {what}")
        time.sleep(0.2)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(command):
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def stop(process):
    """Ends the process group started for one browser (xvfb-run starts Xvfb and the driver)."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
