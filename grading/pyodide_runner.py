"""Grades submissions the way the page does, in the page's own Python (Pyodide) in a sandboxed
Node process (pyodide_host.cjs, started by sandbox_command.py): the regrade's counterpart of
static/runner.js, as runner.py is for CPython.

A PyodideRunner keeps one process for several runs, of any problem, as the page keeps one
worker: harness/isolation/ puts back what a run changed. The per-test time limit is
enforced from outside: the timer starts with the run and restarts at each test-started
event. When it fires, or when the process dies, changed the harness's files or holds more
than its share of memory (memory_watch.py), the process is ended, the results are made by
host_results.py (worded as the page words them), and the next run starts a fresh one
(started ahead by spare_process.py).
"""

import time

from .host_results import results_after_crash, results_after_timeout
from .memory_watch import resident_bytes
from .sandbox_command import SandboxUnavailable
from .spare_process import STARTING_ANSWERS

# How long Node and Python may take to start on a busy machine.
START_LIMIT_SECONDS = 30
START_ATTEMPTS = 2
# A process's share of memory: Node and Python started (about 300 MB) and Python's whole
# memory (sandbox_command.PYTHON_MEMORY_MIB), with room to spare. Past it, the process is ended.
MEMORY_LIMIT_BYTES = 768 * 1024**2
# How often a run's memory is looked at while it goes on.
MEMORY_CHECK_SECONDS = 0.1


class PyodideRunner:
    def __init__(self, processes):
        """Takes its processes from `processes` (a spare_process.SpareProcess)."""
        self.processes = processes
        self.process = None

    def start(self):
        """Takes a started, warmed-up process; a second one if the first fails to start (a busy machine)."""
        for _ in range(START_ATTEMPTS):
            self.close()
            self.process = self.processes.take()
            deadline = time.monotonic() + START_LIMIT_SECONDS
            answers = [self._answer_by(deadline) for _ in range(STARTING_ANSWERS)]
            if all(answer and "result" in answer for answer in answers):
                return
            failed = next(answer for answer in answers if not answer or "result" not in answer)
            reason = (failed or {}).get("error") or self.process.exit_reason()
            self.close()
        raise SandboxUnavailable(f"the sandboxed grading process did not start ({reason}); run `npm ci`, then grade again")

    def _answer_by(self, deadline):
        try:
            return self.process.next_answer(deadline)
        except TimeoutError:
            return None

    def run(self, suite, code):
        """The results object the page would show for `code` on `suite`'s hidden tests."""
        if self.process is None:
            self.start()
        names = [case.name for case in suite.cases]
        limit = suite.time_limit_seconds
        finished = {}
        current = -1  # -1 while the learner's file itself is loading
        self.process.send({"type": "run", "suite": suite.to_json(), "code": code})
        deadline = time.monotonic() + limit
        while True:
            try:
                answer = self.process.next_answer(min(deadline, time.monotonic() + MEMORY_CHECK_SECONDS))
            except TimeoutError:
                timed_out = time.monotonic() >= deadline
                if not timed_out and not self._holds_too_much_memory():
                    continue
                self.close()
                if timed_out:
                    return results_after_timeout(names, finished, current, limit)
                return results_after_crash(names, finished, f"it held more than {MEMORY_LIMIT_BYTES // 1024**2} MiB of memory")
            if answer is None:
                reason = f"the grading process stopped ({self.process.exit_reason()})"
                self.close()
                return results_after_crash(names, finished, reason)
            if "error" in answer:
                self.close()
                return results_after_crash(names, finished, answer["error"])
            if "result" in answer:
                if not answer.get("trusted") or self._holds_too_much_memory():
                    self.close()
                return answer["result"]
            progress = answer["progress"]
            if progress["event"] == "test-started":
                current = progress["index"]
                deadline = time.monotonic() + limit
            else:
                finished[progress["index"]] = progress["result"]

    def _holds_too_much_memory(self):
        return resident_bytes(self.process.process.pid) > MEMORY_LIMIT_BYTES

    def close(self):
        """Ends the process (the next run starts a fresh one)."""
        if self.process:
            self.process.close()
            self.process = None
