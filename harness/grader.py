"""Grades a submission against a Suite, in the results format of harness.results. A run
whose code could not be loaded (syntax error, crash at import, missing function) has status
"error", says why in "message" and "line", and every test carries status "error".

A whole grading is one isolated run (harness.isolation): nothing the submission changes
reaches the harness's comparisons or the next run.
"""

import time

from .compare import describe_mismatch
from .display import show_exception, show_value
from .explain import explain_result
from .hints.of_run import PACKAGE, hint, hints_of_run
from .isolation import examine_returned, isolated_run
from .learner_code import LearnerError, TestCall, captured_output, explain_exception, load_file
from .mistakes import NO_OUTPUT
from .results import ERROR, FAILED, PASSED, results_of_run, result_of_test
from .scenarios import scenario_line, value_of_case

CODE_NOT_LOADED = "Not run: your code could not be loaded (see the error above)."


def grade(source, suite, on_test_started=None, on_test_finished=None):
    """Runs every case of `suite` on `source`.

    The callbacks let the browser worker stream progress: on_test_started(index) before a
    case runs, on_test_finished(index, result) after it.
    """
    with isolated_run():
        return _graded(source, suite, on_test_started, on_test_finished)


def _graded(source, suite, on_test_started, on_test_finished):
    with captured_output() as load_output:
        try:
            function, namespace = load_file(source, suite.function)
        except LearnerError as error:
            return _not_loaded(suite, error, load_output.text())
    tests, outputs, seconds = [], [], []
    for index in range(len(suite.cases)):
        if on_test_started:
            on_test_started(index)
        started = time.perf_counter()
        result, got = run_case(function, namespace, suite, index)
        seconds.append(time.perf_counter() - started)
        tests.append(result)
        outputs.append(got)
        if on_test_finished:
            on_test_finished(index, result)
    passed = all(test["status"] == PASSED for test in tests)
    hints = hints_of_run(suite, function, tests, outputs, seconds)
    _forget(namespace)
    return results_of_run(PASSED if passed else FAILED, tests, output=load_output.text(), hints=hints)


def run_case(function, namespace, suite, index):
    """The case's result, and what it gave (NO_OUTPUT if it raised)."""
    case = suite.cases[index]
    with captured_output() as output:
        got, error = value_of_case(suite, index, function, namespace)
        # How the test called the function, for explanations of a call that does not fit; a scenario makes its own calls.
        call = TestCall.of_case(suite, index, function) if case.code is None else None
        if error is None:
            mismatch, problem = examine_returned(got, describe_mismatch, case.expected, got, suite.tolerance, suite.lists_equal_arrays)
            shown, _ = examine_returned(got, show_value, got)
            if mismatch:
                explanation, _ = examine_returned(
                    got, explain_result, case.expected, got, output.text(), suite.tolerance, call
                )
                mismatch = f"{explanation}\n\n{mismatch}" if explanation else mismatch
    if error is not None:
        failure = explain_exception(error, call)
        during = case.code is not None and scenario_line(error, case.code)
        message = f"In {during}:\n{failure.message}" if during else failure.message
        return result_of_test(case.name, ERROR, message, output.text(), failure.line), NO_OUTPUT
    if problem is not None:
        mismatch = f"Your function returned a value that could not be checked ({show_exception(problem)})."
    status = FAILED if mismatch else PASSED
    return result_of_test(case.name, status, mismatch, output.text(), got=shown), got


def _forget(namespace):
    """Empties the learner's module namespace before the run ends: the objects it holds
    (arrays of any size) are freed now, and what their finalizers change is put back when
    the run ends, just after."""
    namespace.clear()


def _not_loaded(suite, error, output):
    tests = [result_of_test(case.name, ERROR, CODE_NOT_LOADED) for case in suite.cases]
    hints = [hint(PACKAGE, error.hint)] if error.hint else []
    return results_of_run(ERROR, tests, error.message, error.line, output, hints)
