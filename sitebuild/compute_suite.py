"""The child process of instructor_code.py: runs one problem's instructor code (tests.py,
solution.py, mistakes/*.py, starter.py) and answers with the problem's Suite as it ships.

    python -m sitebuild.compute_suite    (started by grading.python_child.PythonChild)

Its one request, a JSON line on stdin: {"folder", "signature", "suite": <the function's name
and the statement's examples, as tests.json>}. Its answers, JSON lines on stdout:
{"step": {"where", "doing", "limit", "fix"}} just before each piece of instructor code runs,
{"warning": {"where", "what", "fix"}} for each authoring warning, then {"suite": <tests.json text>}, or {"error": {"where", "what", "fix"}} for a problem in
the folder, or {"kit_error": <traceback>} for a bug in the kit. The parent stops this
process when a step overruns its limit. Instructor code gets /dev/null as stdin, stdout and
stderr (what it prints is not shown) and the memory limit of CPython's grading processes.
"""

import ctypes
import json
import os
import resource
import signal
import sys
import traceback
from pathlib import Path

import harness
from grading.worker_process import MEMORY_LIMIT_BYTES, protocol_streams
from harness.cases import encode_value
from harness.compare import describe_mismatch

from .errors import BuildError
from .expected_values import call_on_cases, load_instructor_function, outputs_on_cases
from .mistakes import load_mistakes
from .parameter_probes import ReferenceCalls, probes_of, reference_parameters, unexercised_defaults
from .parameters import check_arguments, check_same_parameters, check_signature
from .paths import shown
from .tests_file import read_tests

# tests.json is downloaded on each visit, on phones and school networks too.
MAX_TESTS_JSON_BYTES = 1_000_000
REFERENCE_FIX = "fix solution.py, or the case's inputs"
REFERENCE_TIMEOUT_FIX = (
    "make solution.py return within the time limit on every case (look for a loop that never ends), "
    "or raise TIME_LIMIT_SECONDS in tests.py (the page gives a learner's code the same limit)"
)
STARTER_FIX = "learners start from starter.py: make it load without errors, with only the signature, a docstring and `pass`"
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
STARTER_TIMEOUT_FIX = "a learner pressing Run on the starter would see every test time out: make its function return at once (e.g. only `pass`)"


def compute_suite(folder, signature, given, begin_step, warn):
    """The problem's Suite, with expected values and known mistakes; `given` holds its
    function name and the statement's examples. `warn(where, what, fix)` reports what the
    build accepts but the author should fix."""
    tests_path, statement, solution = folder / "tests.py", shown(folder / "statement.md"), folder / "solution.py"
    suite = read_tests(tests_path, given.function, begin_step)
    suite.examples = given.examples
    reference = load_instructor_function(
        solution, suite.function, suite.time_limit_seconds, begin_step, "make the reference solution load and define the function"
    )
    check_signature(statement, signature, reference)
    check_arguments(suite.cases, reference, shown(tests_path))
    check_arguments(suite.examples, reference, statement)
    for promises, cases in ((tests_path, suite), (folder / "statement.md", suite.examples_suite())):
        _set_expected(reference, solution, promises, cases, begin_step)
    _check_one_kind_of_output(solution, [*suite.cases, *suite.examples])
    suite.mistakes = load_mistakes(folder, suite, begin_step)
    suite.parameters = reference_parameters(reference)
    calls = ReferenceCalls(reference, suite, solution, begin_step)
    suite.probes = probes_of(calls)
    for name, default in unexercised_defaults(calls):
        warn(
            shown(tests_path),
            f"no test leaves {name} out where its value matters, so a learner whose default {name} is not {default!r} passes every test",
            f"leave {name} out of a case whose result changes when {name} does",
        )
    _check_starter(folder / "starter.py", suite, reference, begin_step)
    _check_size(suite, tests_path, statement)
    return suite


def _set_expected(reference, solution, promises_path, suite, begin_step):
    """Replaces each case's expected value by the reference output, after checking it against
    the case's promise (written in `promises_path`: tests.py, or the statement for examples)."""
    outputs = outputs_on_cases(reference, suite, solution, REFERENCE_FIX, REFERENCE_TIMEOUT_FIX, begin_step)
    for case, output in zip(suite.cases, outputs):
        if case.expected is not None:
            mismatch = describe_mismatch(case.expected, output, suite.tolerance)
            if mismatch:
                raise BuildError(
                    shown(promises_path),
                    f"case {case.name!r} promises {case.expected!r} but the reference solution returns {output!r} ({mismatch})",
                    "fix the case's inputs or promised value, or the reference solution",
                )
        case.expected = output


def _check_one_kind_of_output(solution, cases):
    """A learner's function returns one kind of value; so must the reference, on every case."""
    number = next((case for case in cases if isinstance(case.expected, float)), None)
    array = next((case for case in cases if not isinstance(case.expected, float)), None)
    if number and array:
        raise BuildError(
            shown(solution),
            f"it returns a number on case {number.name!r} but an array of shape {array.expected.shape} on case {array.name!r}",
            "return the same kind of value on every case, the one the statement's Output describes",
        )


def _check_starter(path, suite, reference, begin_step):
    """The starter loads, has the reference's parameters, and ends on every case (returning anything or raising)."""
    starter = load_instructor_function(path, suite.function, suite.time_limit_seconds, begin_step, STARTER_FIX)
    check_same_parameters(shown(path), starter, reference)
    for _ in call_on_cases(starter, suite, path, STARTER_TIMEOUT_FIX, begin_step):
        pass


def _check_size(suite, tests_path, statement):
    size = len(suite.to_json().encode())
    if size <= MAX_TESTS_JSON_BYTES:
        return
    sizes = [
        (len(json.dumps(encode_value(value))), name, case, where)
        for cases, where in ((suite.cases, shown(tests_path)), (suite.examples, statement))
        for case in cases
        for name, value in [*case.args.items(), ("the expected value", case.expected)]
    ]
    largest, name, case, where = max(sizes, key=lambda entry: entry[0])
    raise BuildError(
        where,
        f"tests.json would be {size / 1e6:.1f} MB, more than the {MAX_TESTS_JSON_BYTES / 1e6:g} MB a page may download; "
        f"the largest part is {name} of case {case.name!r} ({largest / 1e3:,.0f} kB)",
        "use smaller inputs: a few rows catch the same mistakes as thousands",
    )


def main():
    requests, answers = protocol_streams()
    request = json.loads(requests.readline())
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)  # what instructor code prints (warnings included) is not shown
    os.close(null)
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # Should the build be killed mid-step, the kernel ends this process too, loop or not (Linux only).
    if sys.platform == "linux":
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    sys.dont_write_bytecode = True  # no __pycache__ in problem folders

    def answer(message):
        answers.write(json.dumps(message) + "\n")
        answers.flush()

    def begin_step(where, doing, limit, fix):
        answer({"step": {"where": where, "doing": doing, "limit": limit, "fix": fix}})

    def warn(where, what, fix):
        answer({"warning": {"where": where, "what": what, "fix": fix}})

    try:
        given = harness.Suite.from_json(request["suite"])
        suite = compute_suite(Path(request["folder"]), request["signature"], given, begin_step, warn)
        answer({"suite": suite.to_json()})
    except BuildError as error:
        answer({"error": {"where": error.where, "what": error.what, "fix": error.fix}})
    except Exception:  # noqa: BLE001 - a bug in the kit: the parent shows the traceback
        answer({"kit_error": traceback.format_exc()})
    os._exit(0)  # without waiting for threads instructor code may have left running


if __name__ == "__main__":
    main()
