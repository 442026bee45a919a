"""`make bench-grade` still works: a small class is generated and regraded, and every number is
printed. Only that they are there is checked: timings belong to the benchmark, not to tests."""

import subprocess
import sys

from base.paths import REPO


def test_a_small_class_is_regraded_and_its_numbers_printed():
    completed = subprocess.run([sys.executable, "-m", "bench.grading", "--count", "30", "--jobs", "2"], cwd=REPO, capture_output=True, text=True, timeout=300, check=True)
    assert "Regraded 30 hand-ins (10 mistakes, 3 crashes, 2 timeouts, 15 correct)" in completed.stdout
    for line in ("submissions per second", "The time-limited ones must take at least", "correct   median"):
        assert line in completed.stdout
