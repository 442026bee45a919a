"""Grades submissions in CPython the way the page does in the browser: the CPython
counterpart of static/runner.js.

A SubmissionRunner keeps one Python child process (worker_process.py) for several runs,
as the page keeps one worker. The per-test time limit is enforced from outside: the timer
starts with the run and restarts at each test-started event (as in runner.js); when it
fires, or when the child dies, the process is replaced by a fresh one and the results are
made by host_results.py, worded as the page words them. Each child imports its own copy of
harness/, so a submission that overwrites the harness's files never touches the repository.
"""

import shutil
import tempfile
import time
from pathlib import Path

import harness

from .host_results import results_after_crash, results_after_timeout
from .python_child import PythonChild

WORKER = Path(__file__).parent / "worker_process.py"
HARNESS_PACKAGE = Path(harness.__file__).parent
START_TIMEOUT_SECONDS = 60


class SubmissionRunner:
    def __init__(self, suite):
        self.suite = suite
        self.test_names = [case.name for case in suite.cases]
        self.child = None
        self.harness_copy = None
        self.start()

    def start(self):
        """Starts (or restarts) the child on a fresh copy of the harness."""
        self.close()
        self.harness_copy = tempfile.TemporaryDirectory(prefix="harness-copy-")
        shutil.copytree(HARNESS_PACKAGE, Path(self.harness_copy.name) / "harness", ignore=shutil.ignore_patterns("__pycache__"))
        self.child = PythonChild([str(WORKER)], cwd=self.harness_copy.name, python_path=self.harness_copy.name)
        self.child.send({"type": "init", "suite": self.suite.to_json()})
        answer = self.child.next_answer(time.monotonic() + START_TIMEOUT_SECONDS)
        imported = answer and answer.get("result", {}).get("harness", "")
        if not imported or not imported.startswith(self.harness_copy.name):
            raise RuntimeError(f"the grading process did not start on the harness copy: {answer}")

    def run(self, code):
        """The results object the page would show for `code`."""
        finished = {}
        current = -1  # -1 while the learner's file itself is loading
        self.child.send({"type": "run", "code": code})
        deadline = time.monotonic() + self.suite.time_limit_seconds
        while True:
            try:
                answer = self.child.next_answer(deadline)
            except TimeoutError:
                self.start()
                return results_after_timeout(self.test_names, finished, current, self.suite.time_limit_seconds)
            if answer is None:
                reason = f"the Python process exited with code {self.child.process.wait()}"
                self.start()
                return results_after_crash(self.test_names, finished, reason)
            if "error" in answer:
                self.start()
                return results_after_crash(self.test_names, finished, answer["error"])
            if "result" in answer:
                return answer["result"]
            progress = answer["progress"]
            if progress["event"] == "test-started":
                current = progress["index"]
                deadline = time.monotonic() + self.suite.time_limit_seconds
            else:
                finished[progress["index"]] = progress["result"]

    def close(self):
        if self.child:
            self.child.close()
        if self.harness_copy:
            self.harness_copy.cleanup()
