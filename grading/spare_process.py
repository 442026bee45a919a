"""Grading processes started ahead of need. Node and Python take about a second to start,
which a runner whose process just ended (after a timeout, say) would otherwise wait for. One
spare is shared by every runner, so it costs one idle process's memory (about 300 MB)."""

import threading

from .sandboxed_process import SandboxedProcess


class SpareProcess:
    def __init__(self, command, cwd):
        """Processes run `command` (sandbox_command.sandboxed_command) in `cwd`."""
        self.command = command
        self.cwd = cwd
        self.lock = threading.Lock()
        self.spare = None
        self.closed = False

    def take(self):
        """A started process (asked to start Python, its answer not read yet); the next spare
        starts behind it."""
        with self.lock:
            taken = self.spare or self._started()
            self.spare = None if self.closed else self._started()
        return taken

    def _started(self):
        process = SandboxedProcess(self.command, self.cwd)
        process.send({"type": "init"})
        return process

    def close(self):
        with self.lock:
            self.closed = True
            if self.spare:
                self.spare.close()
                self.spare = None
