"""`make bench`: how fast the exercise page is, side by side with a naive Pyodide page.

Builds the site into a temporary folder, puts the naive page (bench/naive.html) in it,
serves it like GitHub Pages (bench/pages_server.py) and measures in Chromium, interleaved
(ours, naive, ours, naive…), every visit in a fresh browser context: first at loopback
speed, then under a throttled network, then with the whole browser on half of one core
(bench/slow_processor.py); then in Firefox ESR and WebKitGTK at loopback speed
(bench/other_engines.py). docs/performance.md explains each measure. It is a benchmark, not
a test: it exits 0 whatever the numbers.

    python -m bench.run [--rounds N] [--throttled-rounds N] [--slow-rounds N] [--engine-rounds N]
"""

import argparse
import os
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from playwright.sync_api import sync_playwright

from base.paths import PROBLEMS, SITE_PYODIDE, site_problem_dir
from sitebuild.boot.pyodide_runtime import package_wheels
from sitebuild.site.build import build_site
from browsers.chromium import launch_chromium

from . import other_engines, report
from . import slow_processor
from .network import THROTTLED
from .pages_server import serve_like_pages
from .visits import naive_visit, our_visit, reading_visit

BENCH = Path(__file__).parent
SLUG = "contrastive-loss"  # four hidden tests, like the measures
NEXT_SLUG = "triplet-loss"  # the exercise P6 moves to


def prepare_site(folder):
    """Builds the site into `folder`/site, with the naive page and the reference solution it
    runs in site/bench/ (the reference is never part of the real site), and the package wheels
    its loadPackage asks for in site/pyodide/ (the real site ships their files instead)."""
    site = Path(folder) / "site"
    build_site(site)
    for wheel in package_wheels():
        shutil.copy2(wheel, site / SITE_PYODIDE / wheel.name)
    (site / "bench").mkdir()
    for name in ("naive.html", "naive.js"):
        shutil.copy2(BENCH / name, site / "bench" / name)
    shutil.copy2(PROBLEMS / SLUG / "solution.py", site / "bench" / "solution.py")
    return site


def measure(browser, server, rounds, network=None, warm_up=True, reading_seconds=10, reruns=9, memory=True):
    """Runs `rounds` rounds of visits to the site `server` serves; returns {measure: [values]}
    (see visits.py)."""
    ours = server.url + site_problem_dir(SLUG)
    naive = f"{server.url}bench/naive.html?problem={SLUG}"
    solution = (PROBLEMS / SLUG / "solution.py").read_text()
    samples = defaultdict(list)
    if warm_up:  # the first launch of everything (disk cache, Chromium's own start) is not measured
        reading_visit(browser, ours, solution, network, reading_seconds=0)
        naive_visit(browser, server, naive, network)
    for number in range(1, rounds + 1):
        progress(f"round {number} of {rounds}{' (throttled)' if network else ''}")
        for visit in (
            lambda: our_visit(browser, server, ours, solution, NEXT_SLUG, network, reruns=reruns, memory=memory),
            lambda: naive_visit(browser, server, naive, network),
            lambda: reading_visit(browser, ours, solution, network, reading_seconds=reading_seconds),
        ):
            for name, value in visit().items():
                if value is not None:
                    samples[name].extend(value if isinstance(value, list) else [value])
    return dict(samples)


def run_benchmark(rounds, throttled_rounds, slow_rounds, engine_rounds):
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        progress("building the site")
        server = serve_like_pages(prepare_site(folder))
        slow, slow_note = {}, ""
        try:
            with sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                load_before = os.getloadavg()[0]
                full_speed_loop = slow_processor.busy_loop_ms(browser)
                loopback = measure(browser, server, rounds)
                throttled = measure(browser, server, throttled_rounds, THROTTLED, warm_up=False, memory=False) if throttled_rounds else {}
                machine = describe_machine(browser.version, load_before)
                browser.close()
                if slow_rounds:
                    try:
                        with slow_processor.browser_at_half_a_core(playwright.chromium, folder) as slow_browser:
                            slow_loop = slow_processor.busy_loop_ms(slow_browser)
                            slow = measure(slow_browser, server, slow_rounds, memory=False)
                        slow_note = f"a fixed busy loop took {report.duration(slow_loop)} in a page there, {report.duration(full_speed_loop)} at full speed"
                    except slow_processor.Unavailable as reason:
                        slow_note = f"skipped: {reason}"
            solution = (PROBLEMS / SLUG / "solution.py").read_text()
            engines = {
                engine.name: other_engines.measure(engine, server.url, SLUG, NEXT_SLUG, solution, engine_rounds, progress)
                for engine in (other_engines.ENGINES if engine_rounds else ())
            }
        finally:
            server.shutdown()
    print(f"Machine: {machine}\n")
    print(f"At loopback speed, {rounds} rounds:\n{report.goals_table(loopback, 'loopback')}\n")
    print(f"{report.milestones_table(loopback)}\n")
    print(f"{report.bytes_lines(loopback)}\n")
    if throttled:
        print(f"Throttled to 20 Mbit/s down, 40 ms latency, {throttled_rounds} rounds:\n{report.goals_table(throttled, 'throttled')}\n")
        print(f"{report.milestones_table(throttled)}\n")
        print(f"{report.bytes_lines(throttled)}\n")
    if slow_rounds:
        print(f"Slow processor, every browser process on half of one core, loopback network, {slow_rounds} rounds ({slow_note}):")
    if slow:
        print(f"{report.goals_table(slow, 'slow processor')}\n")
        print(f"{report.milestones_table(slow)}\n")
    print(report.memory_table(loopback))
    for engine, samples in engines.items():
        print(f"\n{engine}, loopback, {engine_rounds} rounds, each visit in a freshly started browser (bench/other_engines.py):")
        print(report.engine_table(samples, engine))


def describe_machine(chromium_version, load_before):
    memory_kb = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal:")), 0)
    return (
        f"{len(os.sched_getaffinity(0))} CPUs, {memory_kb / 1024 / 1024:.0f} GB RAM, Chromium {chromium_version}, "
        f"load average {load_before:.1f} before and {os.getloadavg()[0]:.1f} after"
    )


def progress(message):
    print(f"bench: {message}…", file=sys.stderr, flush=True)


def main():
    parser = argparse.ArgumentParser(description="Measure the exercise page's speed against a naive Pyodide page.")
    parser.add_argument("--rounds", type=int, default=5, help="rounds at loopback speed (default 5)")
    parser.add_argument("--throttled-rounds", type=int, default=3, help="rounds under a throttled network (default 3; 0 skips them)")
    parser.add_argument("--slow-rounds", type=int, default=3, help="rounds with the browser on half of one core (default 3; 0 skips them)")
    parser.add_argument("--engine-rounds", type=int, default=3, help="rounds in Firefox and in WebKitGTK, at loopback speed (default 3; 0 skips them)")
    args = parser.parse_args()
    run_benchmark(args.rounds, args.throttled_rounds, args.slow_rounds, args.engine_rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
