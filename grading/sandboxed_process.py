"""A grading process in its sandbox (sandbox_command.py), spoken to in JSON lines: requests on
its stdin, answers on its stdout, read by a thread so that the parent waits for each answer
with a deadline. Nothing it writes reaches the instructor's terminal: its stderr is kept (the
end of it) to say why it stopped, and a line that is not an answer ends the conversation."""

import json
import os
import queue
import signal
import subprocess
import threading
import time
from collections import deque

STDERR_KEPT_CHUNKS = 16  # the last lines of stderr, to say why a process died
# How long closing waits for the process's streams to end before leaving them to their threads.
STREAMS_END_SECONDS = 5


class SandboxedProcess:
    def __init__(self, command, cwd):
        # Its own session, and process group: Ctrl-C in the terminal reaches the regrade only,
        # and close() ends the group, bubblewrap's own processes inside it included.
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, start_new_session=True
        )
        self.closed = False
        self.answers = queue.Queue()
        self.stderr_tail = deque(maxlen=STDERR_KEPT_CHUNKS)
        self.readers = [
            threading.Thread(target=_read_answers, args=(self.process.stdout, self.answers), daemon=True),
            threading.Thread(target=_keep_tail, args=(self.process.stderr, self.stderr_tail), daemon=True),
        ]
        for reader in self.readers:
            reader.start()

    def send(self, message):
        """Writes one request; a process that has already exited is found by next_answer()."""
        try:
            self.process.stdin.write((json.dumps(message) + "\n").encode())
            self.process.stdin.flush()
        except (BrokenPipeError, OSError):
            pass

    def next_answer(self, deadline):
        """The next answer; None once the process has stopped answering; TimeoutError at `deadline` (time.monotonic())."""
        try:
            return self.answers.get(timeout=max(0, deadline - time.monotonic()))
        except queue.Empty:
            raise TimeoutError from None

    def exit_reason(self):
        """How the process ended, e.g. "exit status 1" or "killed by SIGKILL", then the end of what it wrote to stderr."""
        self.close()
        code = self.process.returncode
        reason = f"killed by {signal.Signals(-code).name}" if code < 0 else f"exit status {code}"
        tail = b"".join(self.stderr_tail).decode("utf-8", "replace").strip().splitlines()
        return f"{reason}: {tail[-1]}" if tail else reason

    def close(self):
        if self.closed:
            return  # its group id may belong to another process group by now
        self.closed = True
        self._kill_group()
        self.process.wait()
        for reader in self.readers:
            reader.join(STREAMS_END_SECONDS)
        if any(reader.is_alive() for reader in self.readers):
            return  # a stream still open: its thread (a daemon) ends with it
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            try:
                stream.close()
            except OSError:
                pass  # stdin's last buffered bytes had no reader left

    def _kill_group(self):
        """Ends the process and every process of its group (bubblewrap starts two more)."""
        if hasattr(os, "killpg"):
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass  # the whole group has ended already
        elif self.process.poll() is None:
            self.process.kill()


def _read_answers(stream, answers):
    try:
        for line in stream:
            answers.put(json.loads(line))
    except ValueError:
        pass  # not an answer: the process is not trusted further
    finally:
        answers.put(None)
        for _ in iter(lambda: stream.read1(65536), b""):
            pass  # read to the end, so that the process never blocks on a full pipe


def _keep_tail(stream, tail):
    for chunk in iter(lambda: stream.read1(4096), b""):
        tail.append(chunk)
