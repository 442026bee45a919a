"""Grades submissions in CPython the way the page does in the browser: the CPython
counterpart of static/runner.js.

A SubmissionRunner keeps one Python child process (worker_process.py) for several runs,
as the page keeps one worker. The per-test time limit is enforced from outside: the timer
starts with the run and restarts at each test-started event (as in runner.js); when it
fires, or when the child dies, the process is replaced by a fresh one and the results are
made by host_results.py, worded as the page words them. Each child imports its own copy of
harness/, so a submission that overwrites the harness's files never touches the repository.
"""

import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import harness

from .host_results import results_after_crash, results_after_timeout

WORKER = Path(__file__).parent / "worker_process.py"
HARNESS_PACKAGE = Path(harness.__file__).parent
START_TIMEOUT_SECONDS = 60


class SubmissionRunner:
    def __init__(self, suite):
        self.suite = suite
        self.test_names = [case.name for case in suite.cases]
        self.process = None
        self.harness_copy = None
        self.start()

    def start(self):
        """Starts (or restarts) the child on a fresh copy of the harness."""
        self.close()
        self.harness_copy = tempfile.TemporaryDirectory(prefix="harness-copy-")
        shutil.copytree(HARNESS_PACKAGE, Path(self.harness_copy.name) / "harness", ignore=shutil.ignore_patterns("__pycache__"))
        environment = {**os.environ, "PYTHONPATH": self.harness_copy.name, "OPENBLAS_NUM_THREADS": "1"}
        self.process = subprocess.Popen(
            [sys.executable, str(WORKER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=self.harness_copy.name,
            env=environment,
            text=True,
            encoding="utf-8",
        )
        self.answers = queue.Queue()
        self.reader = threading.Thread(target=_read_answers, args=(self.process.stdout, self.answers), daemon=True)
        self.reader.start()
        self._send({"type": "init", "suite": self.suite.to_json()})
        answer = self.answers.get(timeout=START_TIMEOUT_SECONDS)
        imported = answer and answer.get("result", {}).get("harness", "")
        if not imported or not imported.startswith(self.harness_copy.name):
            raise RuntimeError(f"the grading process did not start on the harness copy: {answer}")

    def run(self, code):
        """The results object the page would show for `code`."""
        finished = {}
        current = -1  # -1 while the learner's file itself is loading
        self._send({"type": "run", "code": code})
        deadline = time.monotonic() + self.suite.time_limit_seconds
        while True:
            try:
                answer = self.answers.get(timeout=max(0, deadline - time.monotonic()))
            except queue.Empty:
                self.start()
                return results_after_timeout(self.test_names, finished, current, self.suite.time_limit_seconds)
            if answer is None:
                reason = f"the Python process exited with code {self.process.wait()}"
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

    def _send(self, request):
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()

    def close(self):
        if self.process:
            self.process.kill()
            self.process.wait()
            self.reader.join()  # it has read to the end: its stream can be closed
            self.process.stdin.close()
            self.process.stdout.close()
        if self.harness_copy:
            self.harness_copy.cleanup()


def _read_answers(stream, answers):
    for line in stream:
        answers.put(json.loads(line))
    answers.put(None)  # the process is gone
