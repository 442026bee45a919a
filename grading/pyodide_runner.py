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

from base.child_process import answers_within

from .host_results import followed_run
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
        self.process.send({"type": "run", "tests_json": suite.to_json(), "code": code})
        answers_of = lambda limit, next_limit: answers_within(self.process, limit, next_limit, self._memory_reason, MEMORY_CHECK_SECONDS)  # noqa: E731
        results, last = followed_run(answers_of, suite, "the grading process")
        # A run that changed the harness's files, or left the process holding too much, is its last.
        if last is None or not last.get("trusted") or self._memory_reason():
            self.close()
        return results

    def _memory_reason(self):
        """Why the process must be ended for its memory, or None."""
        if resident_bytes(self.process.process.pid) > MEMORY_LIMIT_BYTES:
            return f"it held more than {MEMORY_LIMIT_BYTES // 1024**2} MiB of memory"
        return None

    def close(self):
        """Ends the process (the next run starts a fresh one)."""
        if self.process:
            self.process.close()
            self.process = None
