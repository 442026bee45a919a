"""Calls of the learner's function beyond the tests, for hints: a test's arguments with some
changed, to see what the function does with them. Each is isolated like a test's call and
its printed output is dropped. Only calls of tests that ran quickly are repeated, and only a
few: the page's time limit for the last test still runs while hints are made."""

from ..isolation import call_isolated
from ..learner_code import captured_output
from ..parameters import arguments_with
from .plain_outputs import plain

MAX_EXTRA_CALLS = 12
# A test's call is repeated only if it took less than this share of the time limit.
FAST_SHARE = 0.05


class ExtraCalls:
    def __init__(self, function, suite, seconds):
        """`seconds`: how long the function took on each test."""
        self.function, self.suite, self.seconds = function, suite, seconds
        self.left = MAX_EXTRA_CALLS

    def output(self, index, changes):
        """The learner's plain output on test `index` with `changes` ({parameter: value}), or
        None (it raised, returned no number, or the call was not made)."""
        if self.left <= 0 or self.seconds[index] > FAST_SHARE * self.suite.time_limit_seconds:
            return None
        if self.suite.cases[index].code is not None:  # a scenario makes its own calls, with arguments of its own
            return None
        args = arguments_with(self.suite, index, changes)
        if args is None:
            return None
        self.left -= 1
        with captured_output():
            value, error = call_isolated(self.function, *args)
        return None if error is not None else plain(value)
