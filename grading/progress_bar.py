"""A progress bar on the terminal while a long job runs: redrawn in place on a terminal, a
line at each tenth of the way otherwise (a log, CI)."""

import sys
import time

WIDTH = 30


class ProgressBar:
    def __init__(self, total, noun, stream=sys.stderr):
        self.total = total
        self.noun = noun
        self.stream = stream
        self.done = 0
        self.started = time.monotonic()
        self.interactive = stream.isatty()
        self.last_tenth = -1

    def advance(self):
        self.done += 1
        tenth = self.done * 10 // max(self.total, 1)
        if self.interactive:
            self.stream.write("\r" + self._line())
        elif tenth != self.last_tenth:
            self.stream.write(self._line() + "\n")
        self.last_tenth = tenth
        if self.done == self.total and self.interactive:
            self.stream.write("\n")
        self.stream.flush()

    def _line(self):
        filled = WIDTH * self.done // max(self.total, 1)
        elapsed = int(time.monotonic() - self.started)
        return f"[{'#' * filled}{'.' * (WIDTH - filled)}] {self.done}/{self.total} {self.noun}, {elapsed // 60}:{elapsed % 60:02d}"
