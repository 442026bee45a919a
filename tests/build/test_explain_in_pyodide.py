"""The explanations of harness.explain in Pyodide, the browser's Python (Python 3.12 and its
own numpy build, where CPython here is 3.11): every submission of explained_submissions.py
gets exactly the results it gets in CPython, graded by the script `make check` uses to boot
Pyodide as the worker does (sitebuild/check/check_in_pyodide.cjs)."""

import json
import re

import pytest
from explained_submissions import SUBMISSIONS
from problem_folders import CONTRASTIVE, shipped_suite

import harness
from sitebuild.check.check import grade_in_pyodide


# A coroutine returned by `async def` is never awaited, and Python says so when it is discarded.
@pytest.mark.filterwarnings("ignore:coroutine 'contrastive_loss' was never awaited")
def test_pyodide_explains_every_submission_as_cpython_does(built_site):
    graded_submissions = grade_in_pyodide(built_site, [{"slug": CONTRASTIVE, "solution": code} for code in SUBMISSIONS.values()])
    suite = shipped_suite(CONTRASTIVE)
    for (name, code), graded in zip(SUBMISSIONS.items(), graded_submissions, strict=True):
        assert without_addresses(graded["tests"]) == without_addresses(harness.grade(code, suite)), name


def without_addresses(results):
    """The results with memory addresses blanked: a returned coroutine or generator shows one."""
    return json.loads(re.sub(r" at 0x[0-9a-f]+", " at 0x…", json.dumps(results)))
