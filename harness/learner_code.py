"""Runs the learner's code: compiles it, captures what it prints, and explains what went wrong
in terms of the learner's own lines (line numbers match the editor)."""

import builtins
import contextlib
import difflib
import linecache
import sys
import traceback
from dataclasses import dataclass
from io import StringIO  # bound at import: learner code may replace io.StringIO
from types import FunctionType

from .display import exception_message, show_exception
from .explain import explain_error
from .explain.expressions import CONSOLE_FILENAME
from .isolation import OsExitCalled, call_isolated
from .hints.packages import missing_package, missing_package_hint

# The filename the learner's code is compiled under; frames with it are the learner's own.
EDITOR_FILENAME = "<editor>"
# The name the learner's file runs under, as a script would (`if __name__ == "__main__":` runs).
LEARNER_MODULE_NAME = "__main__"
OUTPUT_LIMIT_CHARS = 4000
TRACEBACK_FRAME_LIMIT = 10


class CappedOutput:
    """A stand-in for sys.stdout/stderr that keeps the first OUTPUT_LIMIT_CHARS characters."""

    def __init__(self, limit=OUTPUT_LIMIT_CHARS):
        self.limit = limit
        self.kept = []
        self.kept_chars = 0
        self.dropped_chars = 0

    def write(self, text):
        if self.kept_chars >= self.limit:  # a flood of prints: only count, as cheaply as possible
            self.dropped_chars += len(text)
            return len(text)
        text = str(text)
        room = self.limit - self.kept_chars
        self.kept.append(text[:room])
        self.kept_chars += min(len(text), room)
        self.dropped_chars += max(0, len(text) - room)
        return len(text)

    def flush(self):
        pass

    def text(self):
        kept = "".join(self.kept)
        if self.dropped_chars:
            kept += f"\n… output cut here: {self.dropped_chars:,} more characters were printed."
        return kept


@contextlib.contextmanager
def captured_output():
    """Captures what learner code prints, and gives it an empty stdin: nobody types here, so
    input() ends at once with EOFError, the same in every host (a browser worker has no
    keyboard, and CPython's grading process reads /dev/null)."""
    output = CappedOutput()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = StringIO()
    sys.stdout = sys.stderr = output
    try:
        yield output
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved


@dataclass(frozen=True)
class TestCall:
    """How a test called the learner's function, so explanations can show the call."""

    name: str  # the function's name, as the problem states it
    function: object  # the learner's function
    arguments: tuple  # the names of this test's arguments, in the order they are passed
    parameters: tuple  # the names of every argument the tests pass, in order

    @classmethod
    def of_case(cls, suite, index, function):
        parameters = dict.fromkeys(name for case in suite.cases for name in case.args)
        return cls(suite.function, function, tuple(suite.cases[index].args), tuple(parameters))

    def text(self, names):
        return f"{self.name}({', '.join(names)})"

    def definition_line(self):
        """The editor line of the learner's `def`, or None if the function is not one of theirs."""
        if isinstance(self.function, FunctionType) and self.function.__code__.co_filename == EDITOR_FILENAME:
            return self.function.__code__.co_firstlineno
        return None


class LearnerError(Exception):
    """The learner's code failed; `message` is for the learner, `line` is the editor line or
    None, `hint` a sentence for the run's hints or None."""

    def __init__(self, message, line=None, hint=None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.hint = hint


def syntax_problem(source):
    """None if `source` compiles; else {"line", "message"} for marking the editor before a run."""
    try:
        compile(source, EDITOR_FILENAME, "exec")
    except SyntaxError as error:
        return {"line": error.lineno, "message": explain_syntax_error(error)}
    return None


def load_file(source, function_name):
    """Runs the learner's file as a fresh module: (the function or class the tests call, the
    module's namespace, which scenarios see)."""
    namespace = fresh_namespace()
    run_learner_file(source, namespace)
    function = namespace.get(function_name)
    if function is None:
        raise LearnerError(_explain_missing_function(function_name, namespace))
    if not callable(function):
        raise LearnerError(
            f"`{function_name}` is not a function, it is a value of type {type(function).__name__}. "
            f"Define it with `{_definition(function_name)}`."
        )
    return function, namespace


def fresh_namespace():
    """The globals of a fresh module named __main__, as the learner's file runs in."""
    return {"__name__": LEARNER_MODULE_NAME, "__builtins__": builtins}


def run_learner_file(source, namespace):
    """Runs the learner's file in `namespace`; raises LearnerError if it does not compile or
    raises (the names it defined before that stay in `namespace`)."""
    try:
        code = compile(source, EDITOR_FILENAME, "exec")
    except SyntaxError as error:
        raise LearnerError(explain_syntax_error(error), error.lineno) from None
    # Lets tracebacks quote the learner's lines (mtime None: linecache never evicts it).
    linecache.cache[EDITOR_FILENAME] = (len(source), None, source.splitlines(True), EDITOR_FILENAME)
    _, error = call_isolated(exec, code, namespace)
    if error is not None:
        raise explain_exception(error) from None


def explain_exception(error, call=None):
    """A LearnerError describing an exception raised while the learner's code ran: what it
    means in the learner's terms when an explainer knows (harness.explain), then the
    exception itself and the learner's own frames.

    `call` (a TestCall) is how a test called the function, when one did."""
    everything = list(_traceback_entries(error.__traceback__))
    entries = [entry for entry in everything if entry.tb_frame.f_code.co_filename == EDITOR_FILENAME]
    # The explanation is about the innermost line the learner wrote: in the editor or typed in the console.
    written = [entry for entry in everything if entry.tb_frame.f_code.co_filename in (EDITOR_FILENAME, CONSOLE_FILENAME)]
    frames = traceback.StackSummary.extract((entry.tb_frame, entry.tb_lineno) for entry in entries)
    detail = _message_of(error)
    explanation = explain_error(error, detail, written[-1] if written else None, call)
    lines = [explanation, ""] if explanation else []
    lines.append(_headline(error, detail))
    if frames:
        lines.append("Traceback (your code, most recent call last):")
        lines.extend(_describe_frames(frames))
    # A call that failed before any line of the function ran is blamed on its def line.
    line = frames[-1].lineno if frames else call.definition_line() if call else None
    hint = missing_package_hint(error) if isinstance(error, ModuleNotFoundError) else None
    return LearnerError("\n".join(lines), line, hint)


def _traceback_entries(entry):
    while entry is not None:
        yield entry
        entry = entry.tb_next


def _describe_frames(frames):
    """Traceback lines for the learner's frames, with runs of one repeated frame (recursion)
    folded into one line, and at most TRACEBACK_FRAME_LIMIT entries kept, so the message stays readable."""
    entries = []
    for frame in frames:
        if entries and entries[-1][0] == (frame.lineno, frame.name):
            entries[-1][2] += 1
        else:
            entries.append([(frame.lineno, frame.name), frame, 0])
    if len(entries) > TRACEBACK_FRAME_LIMIT:
        dropped = len(entries) - TRACEBACK_FRAME_LIMIT
        keep_first = TRACEBACK_FRAME_LIMIT // 2
        entries = entries[:keep_first] + [None] + entries[keep_first + dropped :]
    else:
        dropped = 0
    lines = []
    for entry in entries:
        if entry is None:
            lines.append(f"  … {dropped:,} more calls …")
            continue
        _, frame, repeats = entry
        lines.append(f"  line {frame.lineno}, in {frame.name}")
        if frame.line:
            lines.append(f"    {frame.line}")
        if repeats:
            lines.append(f"  [the line above repeated {repeats:,} more times]")
    return lines


def _message_of(error):
    """The exception's message. An exception class of the learner's file computes it with
    their code, so it is read like any call into their code."""
    if type(error).__module__ != LEARNER_MODULE_NAME:
        return exception_message(error)
    return exception_message(error, read=_read_isolated)


def _read_isolated(error):
    detail, failure = call_isolated(str, error)
    if failure is not None:
        raise failure
    return detail


def _headline(error, detail):
    if isinstance(error, OsExitCalled):
        return "Your code called os._exit(), which stops the program. Return a value instead."
    if isinstance(error, SystemExit):
        return "Your code called exit() or sys.exit(), which stops the program. Return a value instead."
    if isinstance(error, KeyboardInterrupt):
        return "Your code raised KeyboardInterrupt. Return a value instead."
    if isinstance(error, ModuleNotFoundError):
        return missing_package(error)
    if isinstance(error, RecursionError):
        return "RecursionError: the function calls itself too deeply (endless recursion?)."
    if isinstance(error, MemoryError):
        return "MemoryError: your code ran out of memory. Is an array much larger than intended?"
    return show_exception(error, detail)


def explain_syntax_error(error):
    kind = type(error).__name__
    message = f"{kind} on line {error.lineno}: {error.msg}"
    if error.text:
        shown = error.text.rstrip("\n")
        message += f"\n    {shown.strip()}"
        if error.offset:
            caret_column = error.offset - 1 - (len(shown) - len(shown.lstrip()))
            message += "\n    " + " " * max(caret_column, 0) + "^"
    return message


def _explain_missing_function(function_name, namespace):
    message = f"Your code has no {'class' if function_name[:1].isupper() else 'function'} named `{function_name}`."
    defined = [name for name, value in namespace.items() if callable(value) and not name.startswith("__")]
    close = difflib.get_close_matches(function_name, defined, n=1)
    if close:
        return message + f" Did you mean `{close[0]}`? Rename it to `{function_name}`."
    return message + f" Define it with `{_definition(function_name)}`."


def _definition(name):
    """How the tests' function or class is defined: exercises name classes in CamelCase."""
    return f"class {name}:" if name[:1].isupper() else f"def {name}(...):"
