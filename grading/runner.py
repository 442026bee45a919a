"""Grades submissions in CPython the way the page does in the browser: the CPython
counterpart of static/runner.js.

A SubmissionRunner keeps one Python child process (worker_process.py) for several runs,
of any problem, as the page keeps one worker: harness/isolation/ puts back what a run
changed, so the next run starts clean. The per-test time limit is enforced from outside:
the timer starts with the run and restarts at each test-started event (as in runner.js);
when it fires, or when the child dies, the process is ended, the results are made by
host_results.py (worded as the page words them), and the next run starts a fresh one.
Each child imports its own copy of harness/, so a submission that overwrites the harness's
files never touches the repository; one that changed the copy is not trusted again either.
"""

import shutil
import tempfile
import time
from pathlib import Path

import base
import harness

from base.child_process import START_LIMIT_SECONDS, PythonChild

from .host_results import followed_run

WORKER = Path(__file__).parent / "worker_process.py"
HARNESS_PACKAGE = Path(harness.__file__).parent
BASE_PACKAGE = Path(base.__file__).parent


class SubmissionRunner:
    def __init__(self):
        self.child = None
        self.harness_copy = None
        self.harness_files = None  # the copy's files as the child found them: (name, size, mtime) each

    def start(self):
        """Starts (or restarts) the child on a fresh copy of the harness."""
        self.close()
        self.harness_copy = tempfile.TemporaryDirectory(prefix="harness-copy-")
        for package in (HARNESS_PACKAGE, BASE_PACKAGE):  # the child imports both
            shutil.copytree(package, Path(self.harness_copy.name) / package.name, ignore=shutil.ignore_patterns("__pycache__"))
        self.child = PythonChild([str(WORKER)], cwd=self.harness_copy.name, python_path=self.harness_copy.name)
        self.child.send({"type": "init"})
        answer = self.child.next_answer(time.monotonic() + START_LIMIT_SECONDS)
        imported = answer and answer.get("result", {}).get("harness", "")
        if not imported or not imported.startswith(self.harness_copy.name):
            raise RuntimeError(f"the grading process did not start on the harness copy: {answer}")
        self.harness_files = self._harness_copy_files()

    def run(self, suite, code):
        """The results object the page would show for `code` on `suite`'s hidden tests."""
        if self.child is None or self._harness_copy_files() != self.harness_files:
            self.start()
        self.child.send({"type": "run", "tests_json": suite.to_json(), "code": code})
        results, last = followed_run(self.child.answers, suite, "the Python process")
        if last is None:
            self.close()
        return results

    def _harness_copy_files(self):
        root = Path(self.harness_copy.name)
        return sorted((str(path.relative_to(root)), path.stat().st_size, path.stat().st_mtime_ns) for path in root.rglob("*") if "__pycache__" not in path.parts)

    def close(self):
        """Ends the child (the next run starts a fresh one)."""
        if self.child:
            self.child.close()
            self.child = None
        if self.harness_copy:
            self.harness_copy.cleanup()
            self.harness_copy = None
