"""Grading processes started ahead of need. Node and Python take about a second to start,
which a runner whose process just ended (after a timeout, say) would otherwise wait for. One
spare is shared by every runner, so it costs one idle process's memory (about 300 MB)."""

import threading
from concurrent.futures import ThreadPoolExecutor

from .sandboxed_process import SandboxedProcess

STARTING_ANSWERS = 2  # to init and to warm-up


class SpareProcess:
    def __init__(self, command, cwd, warm_up_suite):
        """Processes run `command` (sandbox_command.sandboxed_command) in `cwd`, and warm up
        on `warm_up_suite` (a tests.json text) before their first run."""
        self.command = command
        self.cwd = cwd
        self.warm_up_suite = warm_up_suite
        self.lock = threading.Lock()
        self.spare = None
        self.closed = False
        # Every process is started from this one thread, which lives as long as this object:
        # bubblewrap's --die-with-parent ends a process when the thread that started it ends
        # (PR_SET_PDEATHSIG), and the runners' threads end one after another.
        self.starter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="grading-process-starter")

    def take(self):
        """A started process (asked to start Python and warm up: STARTING_ANSWERS answers not
        read yet); the next spare starts behind it."""
        with self.lock:
            taken = self.spare or self._started()
            self.spare = None if self.closed else self._started()
        return taken

    def _started(self):
        return self.starter.submit(self._start).result()

    def _start(self):
        process = SandboxedProcess(self.command, self.cwd)
        process.send({"type": "init"})
        process.send({"type": "warm-up", "tests_json": self.warm_up_suite})
        return process

    def close(self):
        with self.lock:
            self.closed = True
            if self.spare:
                self.spare.close()
                self.spare = None
        self.starter.shutdown()
