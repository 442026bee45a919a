"""Grades a submission against a Suite and returns the one results format the page shows.

Results: {"status": "passed" | "failed" | "error", "message", "line", "output", "hint",
          "tests": [{"name", "status", "message", "output", "line", "got"}]}
"got" is a readable form of what the function returned (None if it raised).
"hint" names a known mistake (harness.mistakes) the learner's outputs match, or is None.
A test's status is "passed", "failed" or "error" here; the page adds "timeout" and
"not-run" when it has to stop a run that never finishes. A top-level "error" means the
code could not be loaded (syntax error, crash at import, missing function): "message"
and "line" say why and every test carries status "error".
"""

from .compare import describe_mismatch
from .display import show_value
from .isolation import call_isolated
from .learner_code import LearnerError, captured_output, explain_exception, load_function
from .mistakes import NO_OUTPUT, recognise

CODE_NOT_LOADED = "Not run: your code could not be loaded (see the error above)."


def grade(source, suite, on_test_started=None, on_test_finished=None):
    """Runs every case of `suite` on `source`.

    The callbacks let the browser worker stream progress: on_test_started(index) before a
    case runs, on_test_finished(index, result) after it.
    """
    with captured_output() as load_output:
        try:
            function = load_function(source, suite.function)
        except LearnerError as error:
            return _not_loaded(suite, error, load_output.text())
    tests, outputs = [], []
    for index in range(len(suite.cases)):
        if on_test_started:
            on_test_started(index)
        result, got = run_case(function, suite, index)
        tests.append(result)
        outputs.append(got)
        if on_test_finished:
            on_test_finished(index, result)
    passed = all(test["status"] == "passed" for test in tests)
    return {
        "status": "passed" if passed else "failed",
        "message": None,
        "line": None,
        "output": load_output.text(),
        "hint": None if passed else recognise(suite, outputs),
        "tests": tests,
    }


def run_case(function, suite, index):
    """The case's result, and what the function returned (NO_OUTPUT if it raised)."""
    case = suite.cases[index]
    with captured_output() as output:
        got, error = call_isolated(function, *suite.fresh_args(index))
    if error is not None:
        failure = explain_exception(error)
        return _test_result(case.name, "error", failure.message, output.text(), failure.line), NO_OUTPUT
    try:
        mismatch = describe_mismatch(case.expected, got, suite.tolerance)
    except Exception as error:  # noqa: BLE001 - a strange return value must still get a verdict
        mismatch = f"Your function returned a value that could not be checked ({type(error).__name__}: {error})."
    if mismatch:
        return _test_result(case.name, "failed", mismatch, output.text(), got=show_value(got)), got
    return _test_result(case.name, "passed", None, output.text(), got=show_value(got)), got


def _not_loaded(suite, error, output):
    return {
        "status": "error",
        "message": error.message,
        "line": error.line,
        "output": output,
        "hint": None,
        "tests": [_test_result(case.name, "error", CODE_NOT_LOADED) for case in suite.cases],
    }


def _test_result(name, status, message, output="", line=None, got=None):
    return {"name": name, "status": status, "message": message, "output": output, "line": line, "got": got}
