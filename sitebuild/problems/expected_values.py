"""Loads instructor code (solution.py, mistakes/*.py, starter.py) and runs it on every case of
a suite, and keeps what it returns as the site stores it. Each piece of instructor code is
announced first with `begin_step(where, doing, limit, fix)`, so that the parent process can
stop it when it overruns `limit` seconds (see instructor_code.py)."""

import traceback
from dataclasses import dataclass

from harness.isolation import OsExitCalled
from harness.learner_code import EDITOR_FILENAME, LearnerError, load_file
from harness.scenarios import SCENARIO_FILENAME, value_of_case
from harness.values import Unstorable

from base.errors import BuildError
from base.paths import shown
from .sources import parse_python, read_text
from .stored_values import SUPPORTED, as_stored

TOP_LEVEL_FIX = "take the endless loop or slow work out of the file's top level: code outside functions runs each time the file is loaded"
RETURN_FIX = f"return what tests.json can carry: {SUPPORTED}"
MESSAGE_LIMIT_CHARS = 300


@dataclass
class InstructorFile:
    """A loaded solution.py, mistakes/*.py or starter.py: its function (or class) under test,
    and its top-level names, which scenarios see."""

    path: object
    function: object
    namespace: dict


def load_instructor_file(path, function_name, limit, begin_step, fix):
    """Runs the file as the page runs a learner's; its function or class `function_name`."""
    source = read_text(path)
    parse_python(path, source)
    begin_step(shown(path), "the build ran its top-level code", limit, TOP_LEVEL_FIX)
    try:
        function, namespace = load_file(source, function_name)
    except LearnerError as error:
        where = shown(path) if error.line is None else f"{shown(path)}, line {error.line}"
        raise BuildError(where, _one_line(error.message.splitlines()[0]), fix) from None
    return InstructorFile(path, function, namespace)


def results_on_cases(file, suite, timeout_fix, begin_step):
    """(case, value, error) of `file` on each case of `suite` in turn, on fresh inputs;
    `error` is what it raised (None if it returned)."""
    for index, case in enumerate(suite.cases):
        doing = f"the build ran case {case.name!r}" if case.code is not None else f"the build called {suite.function} on case {case.name!r}"
        begin_step(shown(file.path), doing, suite.time_limit_seconds, timeout_fix)
        value, error = value_of_case(suite, index, file.function, file.namespace)
        yield case, value, error


def outputs_on_cases(file, suite, fix, timeout_fix, begin_step):
    """`file`'s result on every case, as the page receives it; a case it raises on, or gives
    something tests.json cannot carry on, fails the build against its path with `fix`."""
    outputs = []
    for case, value, error in results_on_cases(file, suite, timeout_fix, begin_step):
        if error is not None:
            raise failure_in(file.path, error, f"on case {case.name!r}", fix)
        try:
            outputs.append(as_stored(value, "the result"))
        except Unstorable as problem:
            raise BuildError(shown(file.path), f"on case {case.name!r}, {problem}", RETURN_FIX) from None
    return outputs


def failure_in(path, error, when, fix):
    """The BuildError for instructor code that raised `error` `when` (e.g. "on case 'x'")."""
    # The file's own frames: solution.py and the like load as the page loads a learner's file.
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename in (EDITOR_FILENAME, str(path))]
    in_test = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename == SCENARIO_FILENAME]
    where = f"{shown(path)}, line {frames[-1].lineno}" if frames else shown(path)
    if in_test:
        when = f"{when} (line {in_test[-1].lineno} of the case's code)"
    return BuildError(where, f"it {_what_it_did(error)} {when}", fix)


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
