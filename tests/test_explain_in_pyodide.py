"""The explanations of harness.explain in Pyodide, the browser's Python (Python 3.12 and its
own numpy build, where CPython here is 3.11): every submission of explained_submissions.py
gets exactly the results it gets in CPython, graded by the script `make check` uses to boot
Pyodide as the worker does (sitebuild/check_in_pyodide.cjs)."""

import json
import re
import subprocess

import pytest
from explained_submissions import SUBMISSIONS
from problem_folders import CONTRASTIVE, shipped_suite

import harness
from sitebuild import python_boot
from sitebuild.check import PYODIDE_CHECK_SCRIPT
from sitebuild.paths import NODE_MODULES


# A coroutine returned by `async def` is never awaited, and Python says so when it is discarded.
@pytest.mark.filterwarnings("ignore:coroutine 'contrastive_loss' was never awaited")
def test_pyodide_explains_every_submission_as_cpython_does(built_site):
    request = {
        "site": str(built_site),
        "snapshot": python_boot.SNAPSHOT,
        "bytecode": python_boot.BYTECODE,
        "problems": [{"slug": CONTRASTIVE, "solution": code} for code in SUBMISSIONS.values()],
    }
    completed = subprocess.run(
        ["node", str(PYODIDE_CHECK_SCRIPT)], input=json.dumps(request), capture_output=True, text=True, cwd=NODE_MODULES.parent, check=False
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    suite = shipped_suite(CONTRASTIVE)
    for (name, code), graded in zip(SUBMISSIONS.items(), json.loads(completed.stdout), strict=True):
        assert without_addresses(graded["tests"]) == without_addresses(harness.grade(code, suite)), name


def without_addresses(results):
    """The results with memory addresses blanked: a returned coroutine or generator shows one."""
    return json.loads(re.sub(r" at 0x[0-9a-f]+", " at 0x…", json.dumps(results)))
