"""Loads instructor code (solution.py, mistakes/*.py, starter.py) and runs it on every case of
a suite, and keeps what it returns as the site stores it. Each piece of instructor code is
announced first with `begin_step(where, doing, limit, fix)`, so that the parent process can
stop it when it overruns `limit` seconds (see instructor_code.py)."""

import math
import numbers
import traceback

import numpy as np

from harness.isolation import OsExitCalled, call_isolated
from harness.learner_code import EDITOR_FILENAME, LearnerError, load_function

from base.errors import BuildError
from base.paths import shown
from .sources import parse_python, read_text
from .stored_values import ARRAY_KINDS

TOP_LEVEL_FIX = "take the endless loop or slow work out of the file's top level: code outside functions runs each time the file is loaded"
RETURN_FIX = "return a finite number or a numpy array of numbers"
MESSAGE_LIMIT_CHARS = 300


def load_instructor_function(path, function_name, limit, begin_step, fix):
    """Runs the file as the page runs a learner's, and returns its function `function_name`."""
    source = read_text(path)
    parse_python(path, source)
    begin_step(shown(path), "the build ran its top-level code", limit, TOP_LEVEL_FIX)
    try:
        return load_function(source, function_name)
    except LearnerError as error:
        where = shown(path) if error.line is None else f"{shown(path)}, line {error.line}"
        raise BuildError(where, _one_line(error.message.splitlines()[0]), fix) from None


def call_on_cases(function, suite, path, timeout_fix, begin_step):
    """(case, value, error) of `function` on each case of `suite` in turn, on fresh inputs;
    `error` is what it raised (None if it returned)."""
    for index, case in enumerate(suite.cases):
        begin_step(shown(path), f"the build called {suite.function} on case {case.name!r}", suite.time_limit_seconds, timeout_fix)
        value, error = call_isolated(function, *suite.fresh_args(index))
        yield case, value, error


def outputs_on_cases(function, suite, path, fix, timeout_fix, begin_step):
    """`function`'s value on every case, as stored; a case it raises on, or returns something
    the site cannot store on, fails the build against `path` with `fix` as the advice."""
    outputs = []
    for case, value, error in call_on_cases(function, suite, path, timeout_fix, begin_step):
        if error is not None:
            raise failure_in(path, error, f"on case {case.name!r}", fix)
        stored, problem = as_expected_value(value)
        if problem:
            raise BuildError(shown(path), f"it returned {problem} on case {case.name!r}", RETURN_FIX)
        outputs.append(stored)
    return outputs


def failure_in(path, error, when, fix):
    """The BuildError for instructor code that raised `error` `when` (e.g. "on case 'x'")."""
    # The file's own frames: solution.py and the like load as the page loads a learner's file.
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename in (EDITOR_FILENAME, str(path))]
    where = f"{shown(path)}, line {frames[-1].lineno}" if frames else shown(path)
    return BuildError(where, f"it {_what_it_did(error)} {when}", fix)


def as_expected_value(output):
    """(the value as the site stores it: a float array or a finite float, None), or (None, what
    is wrong with it)."""
    if isinstance(output, np.ndarray) and output.ndim > 0:
        if output.dtype.kind not in ARRAY_KINDS or output.dtype.kind == "b":
            return None, f"an array of dtype {output.dtype}"
        return output.astype(float), None  # NaN entries stay: the page expects NaN exactly there
    if isinstance(output, np.ndarray):
        output = output[()]
    if output is None:
        return None, "None (is a `return` missing?)"
    if isinstance(output, (bool, np.bool_)) or not isinstance(output, numbers.Real):
        return None, f"a value of type {type(output).__name__}"
    try:
        value = float(output)
    except OverflowError:
        return None, "an integer too large to be a float"
    return (value, None) if math.isfinite(value) else (None, repr(value))


def _what_it_did(error):
    if isinstance(error, OsExitCalled):
        return "called os._exit()"
    if isinstance(error, SystemExit):
        return "called exit() or sys.exit()"
    detail = _one_line(str(error))
    return f"raised {type(error).__name__}: {detail}" if detail else f"raised {type(error).__name__}"


def _one_line(text):
    """`text` as part of a one-paragraph message: on one line, and not too long."""
    text = " ".join(text.split())
    return text if len(text) <= MESSAGE_LIMIT_CHARS else text[: MESSAGE_LIMIT_CHARS - 1] + "…"
