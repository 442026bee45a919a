"""A Python child process that takes JSON lines on its stdin and answers in JSON lines on its
stdout (its side: protocol_streams), for code that must not hang or crash the parent:
learners' submissions (grading/runner.py) and instructors' problem code at build time
(sitebuild/problems/instructor_code.py). A thread reads the answers, so that the parent waits
for each one with a deadline (answers()) and kills the child when it is not met; the caller then
starts a fresh child for what comes next, as the page starts a fresh worker (static/runner.js).
The messages are described in formats/child_messages.v1.schema.json."""

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time

START_LIMIT_SECONDS = 60  # how long Python and numpy may take to start on a busy machine
# Like the browser's WebAssembly heap (4 GiB at most), so that runaway allocations in a child
# end in MemoryError instead of taking the machine's memory.
MEMORY_LIMIT_BYTES = 3 * 1024**3


class ChildOverran(Exception):
    """The child did not answer within its time limit (it has been killed)."""


class ChildEnded(Exception):
    """The child exited before its last answer; the message says how (e.g. "killed by SIGKILL")."""


class ChildStopped(Exception):
    """A watch over the child asked for it to be stopped (it has been killed); the message says why."""


def answers_within(child, limit, next_limit, watch=None, watch_every=None):
    """The answers of `child` (any process with send/next_answer/exit_reason/close), until the
    caller stops asking: each must arrive within the time limit in force, `limit` seconds at
    first; `next_limit(answer)` gives the limit that starts with an answer (None keeps the clock
    running). While it waits, `watch()` is called every `watch_every` seconds and may return a
    reason to stop the child. Raises ChildOverran, ChildEnded or ChildStopped, the child
    closed in each case, so the caller starts a fresh one for what comes next."""
    deadline = time.monotonic() + limit
    while True:
        wait_until = deadline if watch is None else min(deadline, time.monotonic() + watch_every)
        try:
            answer = child.next_answer(wait_until)
        except TimeoutError:
            reason = watch() if watch is not None and time.monotonic() < deadline else None
            if watch is not None and time.monotonic() < deadline and reason is None:
                continue
            child.close()
            raise ChildStopped(reason) if reason is not None else ChildOverran() from None
        if answer is None:
            ended = ChildEnded(child.exit_reason())
            child.close()
            raise ended
        restarted = next_limit(answer)
        if restarted is not None:
            deadline = time.monotonic() + restarted
        yield answer


class PythonChild:
    def __init__(self, arguments, cwd, python_path):
        """Starts `python ARGUMENTS` in `cwd`, importing first from `python_path`."""
        # One BLAS thread: a core per child, and the same arithmetic as the page's single-threaded numpy.
        environment = {**os.environ, "PYTHONPATH": str(python_path), "OPENBLAS_NUM_THREADS": "1"}
        self.process = subprocess.Popen(
            [sys.executable, *arguments],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=cwd,
            env=environment,
            text=True,
            encoding="utf-8",
        )
        self.received = queue.Queue()
        self.reader = threading.Thread(target=_read_answers, args=(self.process.stdout, self.received), daemon=True)
        self.reader.start()

    def send(self, message):
        """Writes one request; a child that has already exited is found by next_answer()."""
        try:
            self.process.stdin.write(json.dumps(message) + "\n")
            self.process.stdin.flush()
        except BrokenPipeError:
            pass

    def next_answer(self, deadline):
        """The next answer; None once the child has exited; TimeoutError at `deadline` (time.monotonic())."""
        try:
            return self.received.get(timeout=max(0, deadline - time.monotonic()))
        except queue.Empty:
            raise TimeoutError from None

    def answers(self, limit, next_limit):
        """answers_within(self, limit, next_limit): this child's answers under its time limits."""
        return answers_within(self, limit, next_limit)

    def exit_reason(self):
        """How the child ended, e.g. "exit status 1" or "killed by SIGKILL" (it waits for the end)."""
        code = self.process.wait()
        return f"killed by {signal.Signals(-code).name}" if code < 0 else f"exit status {code}"

    def close(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.reader.join()  # it has read to the end: its stream can be closed
        self.process.stdin.close()
        self.process.stdout.close()


def _read_answers(stream, answers):
    for line in stream:
        answers.put(json.loads(line))
    answers.put(None)  # the process is gone


def protocol_streams():
    """The child's side: the protocol keeps private copies of stdin and stdout; the code run in
    the child gets /dev/null there, so its input() or os.write(1, ...) cannot disturb the protocol."""
    requests = os.fdopen(os.dup(0), "r", encoding="utf-8")
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    for descriptor, mode in ((0, os.O_RDONLY), (1, os.O_WRONLY)):
        null = os.open(os.devnull, mode)
        os.dup2(null, descriptor)
        os.close(null)
    return requests, answers
