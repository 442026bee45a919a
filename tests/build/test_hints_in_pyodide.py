"""The hints of harness.hints in Pyodide, the browser's Python (its own numpy build): each
submission of tests/corpus/submissions/ whose hints are about real code (no overflow: numpy's
warnings reach the results in a page, not under pytest) gets exactly the results it gets in
CPython, graded by the script `make check` uses to boot Pyodide as the worker does."""

from problem_folders import shipped_suite
from submission_corpus import SUBMISSIONS, load_submission

import harness
from sitebuild.check.check import grade_in_pyodide

HINTED = ["wrong-default-margin", "hard-coded-margin", "two-mistakes-combined", "epsilon-in-the-distance", "imports-scipy"]


def test_pyodide_gives_the_hints_cpython_gives(built_site):
    submissions = [load_submission(SUBMISSIONS / name) for name in HINTED]
    graded = grade_in_pyodide(built_site, [{"slug": submission.problem, "solution": submission.code} for submission in submissions])
    for submission, in_pyodide in zip(submissions, graded, strict=True):
        in_cpython = harness.grade(submission.code, shipped_suite(submission.problem))
        assert in_pyodide["tests"]["hints"] and in_pyodide["tests"] == in_cpython, submission.name
