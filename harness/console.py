"""The console under the editor: runs what the learner types in a namespace where their
code has just been loaded (their function and helpers defined, numpy as np), as
`python -i their_file.py` would.

Names assigned in the console stay for the next entry, until the code changes: then it is
loaded afresh into a new namespace. Each entry is one isolated run (harness.isolation), as
a graded run is: what the file's top level sets (np.set_printoptions, a seed) is in force
for the entry and for showing its value, and whatever the entry changes in modules and
settings is undone when it ends, so a graded run, which loads the code into a namespace of
its own, sees nothing of the console.
"""

import ast
import linecache

import numpy as np

from .explain.expressions import CONSOLE_FILENAME
from .isolation import call_isolated, isolated_run
from .learner_code import (
    OUTPUT_LIMIT_CHARS,
    LearnerError,
    captured_output,
    explain_exception,
    explain_syntax_error,
    fresh_namespace,
    run_learner_file,
)

# How the reply says the learner's code was loaded for an entry.
FIRST_LOAD = "first"  # the first entry since Python started
RELOADED = "changed"  # the code changed since the last entry: earlier names are gone
VALUE_LIMIT_CHARS = OUTPUT_LIMIT_CHARS
# An entry that ends with a statement (x = 1) shows no value, as in Python's own console.
_NO_VALUE = object()


class ConsoleSession:
    """The namespace entries run in, and the source it was loaded from."""

    def __init__(self):
        self.source = None
        self.namespace = None

    def run(self, source, entry):
        """Runs `entry` (one or more lines) on the learner's code `source`; returns
        {loaded, load_error, output, value, value_note, error}:
          loaded      None (the namespace of the last entry was kept), FIRST_LOAD or RELOADED
          load_error  {message, line} if the code could not be loaded (the entry still runs,
                      with the names defined before the failure)
          output      what was printed (capped, as in a test's output)
          value       the entry's value as text, if it ends with an expression (else None);
                      value_note: "array of shape (2, 2), dtype float64" for an array
          error       {message, line} if the entry raised; line is the editor's, or None
        """
        with isolated_run(), captured_output() as output:
            loaded, load_error = self._load(source)
            value, error = self._run_entry(entry)
            shown, note = (None, None) if value is _NO_VALUE else _show(value)
        return {"loaded": loaded, "load_error": load_error, "output": output.text(), "value": shown, "value_note": note, "error": error}

    def _load(self, source):
        if source == self.source:
            return None, None
        loaded = FIRST_LOAD if self.source is None else RELOADED
        self.source, self.namespace = source, fresh_namespace()
        try:
            run_learner_file(source, self.namespace)
        except LearnerError as error:
            return loaded, _problem(error)
        finally:
            self.namespace.setdefault("np", np)  # after the code ran: the console must not hide a missing import
        return loaded, None

    def _run_entry(self, entry):
        """The value of the entry's last line if it is an expression (_NO_VALUE if not), and
        the problem it raised, if any."""
        try:
            statements, last_expression = _compile_entry(entry)
        except SyntaxError as error:
            return _NO_VALUE, {"message": explain_syntax_error(error), "line": None}
        linecache.cache[CONSOLE_FILENAME] = (len(entry), None, entry.splitlines(True), CONSOLE_FILENAME)
        _, error = call_isolated(exec, statements, self.namespace)
        if error is None and last_expression is not None:
            value, error = call_isolated(eval, last_expression, self.namespace)
        else:
            value = _NO_VALUE
        if error is not None:
            return _NO_VALUE, _problem(explain_exception(error))
        return value, None



def _compile_entry(entry):
    """The entry's code, split as Python's console does: everything but a last line that is
    an expression, and that expression (None if the entry ends with a statement). A bare
    print(...) at the end counts as a statement: it shows what it prints, not None."""
    tree = ast.parse(entry, CONSOLE_FILENAME, "exec")
    last = tree.body[-1] if tree.body else None
    if not isinstance(last, ast.Expr) or _is_print_call(last.value):
        return compile(tree, CONSOLE_FILENAME, "exec"), None
    tree.body.pop()
    return compile(tree, CONSOLE_FILENAME, "exec"), compile(ast.Expression(last.value), CONSOLE_FILENAME, "eval")


def _is_print_call(node):
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print"


def _show(value):
    """The value as text (its repr, capped) and, for an array, its shape and dtype."""
    text, error = call_isolated(repr, value)  # a learner's class may define __repr__
    if error is not None:
        text = f"<a {type(value).__name__} that cannot be shown: {type(error).__name__}: {error}>"
    if len(text) > VALUE_LIMIT_CHARS:
        text = text[:VALUE_LIMIT_CHARS] + f"\n… cut here: {len(text) - VALUE_LIMIT_CHARS:,} more characters."
    note = f"array of shape {value.shape}, dtype {value.dtype}" if isinstance(value, np.ndarray) else None
    return text, note


def _problem(error):
    return {"message": error.message, "line": error.line}


SESSION = ConsoleSession()  # one per Python: the worker's
