"""What a case gives: for a call, the function on fresh copies of the case's inputs; for a
scenario (a Case with `code`), the value of the code's last expression, its statements run
with numpy as `np` and every top-level name of the file under test in scope (its functions,
classes and constants), as a test script would see them after `from solution import *`.

A scenario runs in a scope of its own: the names it assigns do not reach the file's module,
and each run of a scenario builds its inputs afresh, so it needs no copies.
"""

import ast
import builtins
import textwrap

import numpy as np

from .isolation import call_isolated

SCENARIO_FILENAME = "<test>"  # the scenario's frames in tracebacks; the learner's are "<editor>"


class ScenarioProblem(ValueError):
    """A scenario that cannot run at all: it does not parse, or does not end on an expression."""


def value_of_case(suite, index, function, namespace):
    """(value, None), or (None, the exception the case raised): what the case gives on the
    file whose top-level names are `namespace` and whose function under test is `function`.
    Runs isolated (harness.isolation)."""
    case = suite.cases[index]
    if case.code is None:
        return call_isolated(function, *suite.fresh_args(index))
    statements, last = compiled_scenario(case.code)
    return call_isolated(_run, statements, last, namespace)


def scenario_source(code):
    """The scenario as it runs and as the console shows it: without the blank lines and the
    indentation a triple-quoted string in tests.py gives it, so its line numbers are the
    ones the learner sees."""
    return textwrap.dedent(code).strip("\n")


def compiled_scenario(code):
    """The scenario's statements before its last expression, and that expression, compiled."""
    try:
        tree = ast.parse(scenario_source(code), SCENARIO_FILENAME)
    except SyntaxError as error:
        raise ScenarioProblem(f"line {error.lineno} of its code is not Python: {error.msg}") from None
    if not tree.body or not isinstance(tree.body[-1], ast.Expr):
        raise ScenarioProblem("its code does not end with an expression, whose value would be the test's result")
    statements = compile(ast.Module(tree.body[:-1], type_ignores=[]), SCENARIO_FILENAME, "exec")
    last = compile(ast.Expression(tree.body[-1].value), SCENARIO_FILENAME, "eval")
    return statements, last


def scenario_line(error, code):
    """"line 3 of the test's code: `opt.step(grad)`" for the innermost line of the scenario the
    error passed through, or None."""
    line = None
    entry = error.__traceback__
    while entry is not None:
        if entry.tb_frame.f_code.co_filename == SCENARIO_FILENAME:
            line = entry.tb_lineno
        entry = entry.tb_next
    if line is None:
        return None
    lines = scenario_source(code).splitlines()
    text = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    return f"line {line} of the test's code" + (f": `{text}`" if text else "")


def _run(statements, last, namespace):
    scope = {name: value for name, value in namespace.items() if not name.startswith("__")}
    scope.update({"__builtins__": builtins, "__name__": "__test__", "np": np})
    exec(statements, scope)
    return eval(last, scope)
