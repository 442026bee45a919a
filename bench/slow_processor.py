"""The slow-processor profile (a phone-class device): the whole browser, every one of its
processes, runs in a cgroup v1 `cpu` group allowed half of one core (cfs_quota_us 50000 per
cfs_period_us 100000), at loopback network speed. The server stays outside the group.

CDP's Emulation.setCPUThrottlingRate is not used: it slows only the page's main thread, not
a worker's, and would flatter our worker against the naive page's main thread."""

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from browsers.chromium import CHROMIUM_ARGS

CPU_CGROUPS = Path("/sys/fs/cgroup/cpu")
QUOTA_US = 50_000
PERIOD_US = 100_000
# A fixed amount of work, timed in a page to show what the quota does (about 0.2 s at full speed).
BUSY_LOOP = "() => { const start = performance.now(); let x = 0; for (let i = 0; i < 3e8; i++) x ^= i; return performance.now() - start; }"


class Unavailable(Exception):
    """The machine gives no writable cgroup v1 `cpu` controller (not root, or cgroup v2 only)."""


@contextmanager
def browser_at_half_a_core(chromium_type, folder):
    """Yields Chromium (launched through Playwright's `chromium_type`) started inside a `cpu`
    group limited to half of one core; the group is removed once the browser has closed."""
    chromium = shutil.which("chromium")
    if not chromium:
        raise Unavailable("Chromium is not installed")
    if not os.access(CPU_CGROUPS, os.W_OK):
        raise Unavailable(f"{CPU_CGROUPS} is not a writable cgroup v1 cpu controller (run as root on a cgroup v1 machine)")
    group = CPU_CGROUPS / f"ml-exercise-kit-bench-{os.getpid()}"
    group.mkdir()
    try:
        (group / "cpu.cfs_period_us").write_text(str(PERIOD_US))
        (group / "cpu.cfs_quota_us").write_text(str(QUOTA_US))
        # Chromium joins the group before it starts, so every process it forks is in it too.
        launcher = Path(folder) / "chromium-at-half-a-core"
        launcher.write_text(f'#!/bin/sh\necho $$ > "{group}/cgroup.procs"\nexec "{chromium}" "$@"\n')
        launcher.chmod(0o755)
        browser = chromium_type.launch(executable_path=str(launcher), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        # A helper Chromium left running (its crash handler) goes back to the root group first.
        for pid in (group / "cgroup.procs").read_text().split():
            (CPU_CGROUPS / "cgroup.procs").write_text(pid)
        group.rmdir()


def busy_loop_ms(browser):
    """How long the fixed busy loop takes in a page of `browser`."""
    page = browser.new_page()
    try:
        return page.evaluate(BUSY_LOOP)
    finally:
        page.close()
