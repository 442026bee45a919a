"""A Python child process that takes JSON lines on its stdin and answers in JSON lines on its
stdout (its side: worker_process.protocol_streams), for code that must not hang or crash the
parent: learners' submissions (runner.py) and instructors' problem code at build time
(sitebuild/instructor_code.py). A thread reads the answers, so that the parent waits for
each one with a deadline and kills the child when it is not met."""

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time

START_LIMIT_SECONDS = 60  # how long Python and numpy may take to start on a busy machine


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
        self.answers = queue.Queue()
        self.reader = threading.Thread(target=_read_answers, args=(self.process.stdout, self.answers), daemon=True)
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
            return self.answers.get(timeout=max(0, deadline - time.monotonic()))
        except queue.Empty:
            raise TimeoutError from None

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
