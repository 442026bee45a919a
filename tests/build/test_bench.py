"""`make bench` still works: its server answers like GitHub Pages, and one quick round of
its measures yields every number. Only that the numbers are there and positive is checked,
never their size: timings belong to the benchmark (docs/performance.md), not to tests."""

import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bench import slow_processor
from bench.pages_server import serve_like_pages
from bench.run import measure, prepare_site


@pytest.fixture(scope="module")
def bench_server(tmp_path_factory):
    server = serve_like_pages(prepare_site(tmp_path_factory.mktemp("bench")))
    yield server
    server.shutdown()


def get(url, **headers):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, b""


def test_the_bench_server_gzips_wasm_and_revalidates_like_github_pages(bench_server):
    wasm = bench_server.url + "pyodide/pyodide.asm.wasm"
    status, headers, body = get(wasm, **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip" and body[:2] == b"\x1f\x8b"
    assert headers["Cache-Control"] == "max-age=600"
    assert get(wasm, **{"Accept-Encoding": "gzip", "If-None-Match": headers["ETag"]})[0] == 304
    assert get(wasm, **{"If-Modified-Since": headers["Last-Modified"]})[0] == 304
    status, headers, body = get(wasm)
    assert "Content-Encoding" not in headers and body[:4] == b"\0asm"


def test_one_round_of_the_benchmark_yields_every_measure(browser, bench_server):
    samples = measure(browser, bench_server, rounds=1, warm_up=False, reading_seconds=0, reruns=2)
    positive = ["P1", "P1b", "P2", "P3", "P4", "P5", "P6", "naive cold", "naive repeat", "bytes, first visit", "naive bytes, first visit"]
    positive += ["bytes before ready", "naive bytes before ready", "ours: snapshot downloaded", "ours: ready"]
    for point in ("after 1 run", "after 3 runs", "after a timeout and restart"):
        positive += [f"memory {point}: page JS heap", f"memory {point}: worker JS heap"]
    for name in positive:
        assert samples.get(name) and all(value > 0 for value in samples[name]), f"{name}: {samples.get(name)}"
    assert len(samples["P3"]) == 2
    assert samples["bytes before ready"][0] < samples["bytes, first visit"][0], "the remaining files arrive after ready"


def test_the_slow_processor_profile_runs_every_browser_process_in_the_cpu_group(browser, tmp_path):
    try:
        with slow_processor.browser_at_half_a_core(browser.browser_type, tmp_path) as slow_browser:
            slow_browser.new_page().goto("about:blank")
            group = next(slow_processor.CPU_CGROUPS.glob("ml-exercise-kit-bench-*"))
            assert (group / "cpu.cfs_quota_us").read_text().strip() == str(slow_processor.QUOTA_US)
            processes = (group / "cgroup.procs").read_text().split()
            assert len(processes) >= 3, "the browser, its renderer and its helpers"
            names = {(Path("/proc") / pid / "comm").read_text().strip() for pid in processes}
            assert any("chrom" in name for name in names), names
    except slow_processor.Unavailable as reason:
        pytest.skip(str(reason))
    assert not list(slow_processor.CPU_CGROUPS.glob("ml-exercise-kit-bench-*")), "the group is removed afterwards"
