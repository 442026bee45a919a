"""Grades submissions in CPython the way the page does in the browser: the CPython
counterpart of static/runner.js.

A SubmissionRunner keeps one Python child process (worker_process.py) for several runs,
of any problem, as the page keeps one worker: harness/isolation.py puts back what a run
changed, so the next run starts clean. The per-test time limit is enforced from outside:
the timer starts with the run and restarts at each test-started event (as in runner.js);
when it fires, or when the child dies, the process is ended, the results are made by
host_results.py (worded as the page words them), and the next run starts a fresh one.
Each child imports its own copy of harness/, so a submission that overwrites the harness's
files never touches the repository; one that changed the copy is not trusted again either.
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
    def __init__(self):
        self.process = None
        self.harness_copy = None
        self.harness_files = None  # the copy's files as the child found them: (name, size, mtime) each

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
        self._send({"type": "init"})
        answer = self.answers.get(timeout=START_TIMEOUT_SECONDS)
        imported = answer and answer.get("result", {}).get("harness", "")
        if not imported or not imported.startswith(self.harness_copy.name):
            raise RuntimeError(f"the grading process did not start on the harness copy: {answer}")
        self.harness_files = self._harness_copy_files()

    def run(self, suite, code):
        """The results object the page would show for `code` on `suite`'s hidden tests."""
        if self.process is None or self._harness_copy_files() != self.harness_files:
            self.start()
        names = [case.name for case in suite.cases]
        limit = suite.time_limit_seconds
        finished = {}
        current = -1  # -1 while the learner's file itself is loading
        self._send({"type": "run", "suite": suite.to_json(), "code": code})
        deadline = time.monotonic() + limit
        while True:
            try:
                answer = self.answers.get(timeout=max(0, deadline - time.monotonic()))
            except queue.Empty:
                self.close()
                return results_after_timeout(names, finished, current, limit)
            if answer is None:
                reason = f"the Python process exited with code {self.process.wait()}"
                self.close()
                return results_after_crash(names, finished, reason)
            if "error" in answer:
                self.close()
                return results_after_crash(names, finished, answer["error"])
            if "result" in answer:
                return answer["result"]
            progress = answer["progress"]
            if progress["event"] == "test-started":
                current = progress["index"]
                deadline = time.monotonic() + limit
            else:
                finished[progress["index"]] = progress["result"]

    def _harness_copy_files(self):
        root = Path(self.harness_copy.name)
        return sorted((str(path.relative_to(root)), path.stat().st_size, path.stat().st_mtime_ns) for path in root.rglob("*") if "__pycache__" not in path.parts)

    def _send(self, request):
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()

    def close(self):
        """Ends the child (the next run starts a fresh one)."""
        if self.process:
            self.process.kill()
            self.process.wait()
            self.reader.join()  # it has read to the end: its stream can be closed
            self.process.stdin.close()
            self.process.stdout.close()
            self.process = None
        if self.harness_copy:
            self.harness_copy.cleanup()
            self.harness_copy = None


def _read_answers(stream, answers):
    for line in stream:
        answers.put(json.loads(line))
    answers.put(None)  # the process is gone
