"""The harness's entry points: the only Python every host calls. Hosts are the browser worker
(static/worker.js), `make check` in Node (sitebuild/check/check_in_pyodide.cjs) and in CPython
(sitebuild/check/check.py), and the CPython grading processes (grading/).

Text in, text out: a suite arrives as its tests.json text, and every answer leaves as JSON
text, so no Python object outlives a call in a JavaScript host (no proxies to release) and
each run decodes its own fresh suite (nothing of one run's data reaches the next).
"""

import json
import random
import sys

from .cases import Suite
from .grader import grade as grade_suite
from .learner_code import syntax_problem

CASES = ("tests", "examples")


def start():
    """Called once when a host's Python is up; returns the Python version ("3.12.7").

    A Python restored from a memory snapshot would otherwise draw the same random numbers
    on every visit: the snapshot froze `random`'s state at build time."""
    random.seed()
    return sys.version.split()[0]


def grade(suite_json, source, cases="tests", on_test_started=None, on_test_finished=None):
    """The results (JSON text, harness.results) of `source` on the suite's hidden tests
    (`cases` "tests") or its visible examples ("examples").

    on_test_started(index) is called before each case, on_test_finished(index, result JSON
    text) after it, so a host can show progress while a run goes on."""
    if cases not in CASES:
        raise ValueError(f"cases is {cases!r}; it must be one of {', '.join(CASES)}")
    suite = Suite.from_json(suite_json)
    if cases == "examples":
        suite = suite.examples_suite()
    finished = None
    if on_test_finished:

        def finished(index, result):
            on_test_finished(index, json.dumps(result))

    return json.dumps(grade_suite(source, suite, on_test_started, finished))


# What the harness grades in warm_up: a function of the problem's name that does, on each of
# a case's array inputs, what solutions commonly do with numpy, and returns 0.0.
STAND_IN = """\
import numpy as np


def {function}(*args, **kwargs):
    for value in (*args, *kwargs.values()):
        try:
            a = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            continue
        if a.ndim == 0:
            continue
        d = np.sqrt(np.sum((a - a) ** 2, axis=-1)) + np.linalg.norm(a, axis=-1)
        np.mean(np.maximum(0.0, 1.0 - d) ** 2 + np.exp(-np.abs(a)).sum() + np.log1p(np.abs(a)).max())
        if a.ndim == 2 and a.size <= 100_000:
            a @ a.T
    return 0.0
"""


def warm_up(suite_json):
    """Grades a stand-in for the learner's function once and forgets the results.

    A Python restored from a memory snapshot has run almost none of its code in this
    engine, which compiles WebAssembly functions on their first call: the grading's
    compiler, comparison and numpy's loops would otherwise be compiled during the learner's
    first run (in Chromium, a first run took about 220 ms instead of 60 ms). The run is
    isolated like any other (harness.isolation), so it leaves nothing behind."""
    suite = Suite.from_json(suite_json)
    grade_suite(STAND_IN.format(function=suite.function), suite)


def console(source, entry):
    """JSON text: what the console entry `entry` gives on the learner's code `source`
    (harness.console.ConsoleSession.run). The console's module is imported at its first
    use, so a page whose console is never used does no Python work for it."""
    from .console import SESSION

    return json.dumps(SESSION.run(source, entry))


def check_syntax(source):
    """JSON text: null if `source` compiles, else {"line", "message"}; nothing is run."""
    return json.dumps(syntax_problem(source))
