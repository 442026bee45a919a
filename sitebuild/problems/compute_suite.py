"""The child process of instructor_code.py: runs one problem's instructor code (tests.py,
solution.py, mistakes/*.py, starter.py) and answers with the problem's Suite as it ships.

    python -m sitebuild.problems.compute_suite    (started by base.child_process.PythonChild)

Its one request, a JSON line on stdin: {"folder", "signature", "given": <the function's name
and the statement's examples, as tests.json>}. Its answers, JSON lines on stdout:
{"step": {"where", "doing", "limit", "fix"}} just before each piece of instructor code runs,
{"warning": {"where", "what", "fix"}} for each authoring warning, then {"tests_json": <tests.json text>},
or {"error": {"where", "what", "fix"}} for a problem in
the folder, or {"kit_error": <traceback>} for a bug in the kit. The parent stops this
process when a step overruns its limit. Instructor code gets /dev/null as stdin, stdout and
stderr (what it prints is not shown) and the memory limit of CPython's grading processes.
"""

import ctypes
import json
import os
import random
import resource
import signal
import sys
import traceback
from pathlib import Path

import numpy as np

import harness
from base.child_process import MEMORY_LIMIT_BYTES, protocol_streams
from base.errors import BuildError
from base.paths import shown
from harness.compare import describe_mismatch
from harness.values import encode_value

from .expected_values import load_instructor_file, outputs_on_cases, results_on_cases
from .mistakes import load_mistakes
from .parameter_probes import ReferenceCalls, probes_of, reference_parameters, unexercised_defaults
from .parameters import check_arguments, check_same_parameters, check_signature
from .stored_values import short_repr
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
SECOND_RUN_SEED = 20261206  # where the random generators start for the reference's second run
STARTER_TIMEOUT_FIX = "a learner pressing Run on the starter would see every test time out: make its function return at once (e.g. only `pass`)"


def compute_suite(folder, signature, given, begin_step, warn):
    """The problem's Suite, with expected values and known mistakes; `given` holds its
    function name and the statement's examples. `warn(where, what, fix)` reports what the
    build accepts but the author should fix."""
    tests_path, statement, solution = folder / "tests.py", shown(folder / "statement.md"), folder / "solution.py"
    suite = read_tests(tests_path, given.function, begin_step)
    suite.examples = given.examples
    reference = load_instructor_file(
        solution, suite.function, suite.time_limit_seconds, begin_step, "make the reference solution load and define the function or class"
    )
    check_signature(statement, signature, reference.function)
    check_arguments(suite.cases, reference.function, shown(tests_path))
    check_arguments(suite.examples, reference.function, statement)
    for promises, cases in ((tests_path, suite), (folder / "statement.md", suite.examples_suite())):
        _set_expected(reference, promises, cases, begin_step)
    suite.mistakes = load_mistakes(folder, suite, begin_step)
    suite.parameters = reference_parameters(reference)
    calls = ReferenceCalls(reference, suite, begin_step)
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


def _set_expected(reference, promises_path, suite, begin_step):
    """Replaces each case's expected value by the reference's result, after checking it against
    the case's promise (written in `promises_path`: tests.py, or the statement for examples) and
    that the reference gives it again when the random generators start elsewhere."""
    outputs = outputs_on_cases(reference, suite, REFERENCE_FIX, REFERENCE_TIMEOUT_FIX, begin_step)
    if outputs and all(output is None for output in outputs):
        raise BuildError(
            shown(reference.path),
            "it returns None on every case (is a `return` missing?): a learner's starter that only says `pass` would pass every test",
            "return the result",
        )
    _check_same_on_a_second_run(reference, suite, outputs, begin_step)
    for case, output in zip(suite.cases, outputs):
        if case.expected is not None:
            mismatch = describe_mismatch(case.expected, output, suite.tolerance, suite.lists_equal_arrays)
            if mismatch:
                raise BuildError(
                    shown(promises_path),
                    f"case {case.name!r} promises {short_repr(case.expected)} but the reference solution returns {short_repr(output)} ({mismatch})",
                    "fix the case's inputs or promised value, or the reference solution",
                )
        case.expected = output


def _check_same_on_a_second_run(reference, suite, outputs, begin_step):
    """Every learner's run starts numpy's and Python's global random generators elsewhere: a
    result that depends on where they start cannot be the expected value of a test."""
    np.random.seed(SECOND_RUN_SEED)
    random.seed(SECOND_RUN_SEED)
    again = outputs_on_cases(reference, suite, REFERENCE_FIX, REFERENCE_TIMEOUT_FIX, begin_step)
    for case, first, second in zip(suite.cases, outputs, again):
        if describe_mismatch(first, second, suite.tolerance, suite.lists_equal_arrays):
            raise BuildError(
                shown(reference.path),
                f"its result on case {case.name!r} changes from one run to the next ({short_repr(first)}, then {short_repr(second)}): "
                "it draws from a random generator that nothing seeds (numpy's global np.random, or Python's random), "
                "so no learner could match it",
                "seed the generator in the case itself (np.random.seed(0) in its code, before the call), "
                "or pass a seeded np.random.default_rng(0) to the function",
            )


def _check_starter(path, suite, reference, begin_step):
    """The starter loads, has the reference's parameters, and ends on every case (returning anything or raising)."""
    starter = load_instructor_file(path, suite.function, suite.time_limit_seconds, begin_step, STARTER_FIX)
    check_same_parameters(shown(path), starter.function, reference.function)
    for _ in results_on_cases(starter, suite, STARTER_TIMEOUT_FIX, begin_step):
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
        given = harness.Suite.from_json(request["given"])
        suite = compute_suite(Path(request["folder"]), request["signature"], given, begin_step, warn)
        answer({"tests_json": suite.to_json()})
    except BuildError as error:
        answer({"error": {"where": error.where, "what": error.what, "fix": error.fix}})
    except Exception:  # noqa: BLE001 - a bug in the kit: the parent shows the traceback
        answer({"kit_error": traceback.format_exc()})
    os._exit(0)  # without waiting for threads instructor code may have left running


if __name__ == "__main__":
    main()
