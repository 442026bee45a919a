"""Firefox ESR (through Marionette) and WebKitGTK (WebKitWebDriver's MiniBrowser, under Xvfb),
driven for the cross-engine test and `make bench`. Both are Debian packages that
scripts/ensure-other-browsers installs. Each start is a fresh profile: empty cache and storage.
Marionette's execute_script does not see the page's own globals: scripts read the DOM."""

import glob
import importlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

INSTALL_HINT = "run `sudo scripts/ensure-other-browsers` (CI does)"
STARTUP_TIMEOUT_S = 60


class Unavailable(Exception):
    """The engine or its driver is not installed here (the message says what is missing)."""


class Firefox:
    """Firefox ESR, headless, with Marionette listening on a free port."""

    name = "Firefox"

    def __init__(self):
        marionette = _module("marionette_driver.marionette", "marionette-driver")
        executable = shutil.which("firefox-esr")
        if not executable:
            raise Unavailable(f"Firefox ESR is not installed: {INSTALL_HINT}")
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

    name = "WebKitGTK"

    def __init__(self):
        webdriver = _module("selenium.webdriver", "selenium")
        browsers = glob.glob("/usr/lib/*/webkit2gtk-4.*/MiniBrowser")
        missing = [name for name in ("WebKitWebDriver", "xvfb-run") if not shutil.which(name)] + ([] if browsers else ["MiniBrowser"])
        if missing:
            raise Unavailable(f"WebKitGTK is not installed ({', '.join(missing)} missing): {INSTALL_HINT}")
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


def _module(name, package):
    try:
        return importlib.import_module(name)
    except ImportError:
        raise Unavailable(f"{package} is not installed: {INSTALL_HINT}") from None


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
