"""The results a host makes itself when Python cannot finish a run are the same in the page
(static/results.js) and in CPython's grading (grading/host_results.py): both are worded by
static/host_results.json, and here both are built from the same inputs and compared whole."""

import json
import subprocess

import pytest

from grading.host_results import results_after_crash, results_after_timeout
from harness.results import PASSED, result_of_test
from sitebuild.paths import NODE_MODULES, REPO, STATIC

NAMES = ["first", "second", "third"]
FINISHED = {0: result_of_test("first", PASSED, output="printed", got="0.625")}
CASES = [
    ("resultsAfterTimeout", results_after_timeout, [NAMES, FINISHED, -1, 5]),
    ("resultsAfterTimeout", results_after_timeout, [NAMES, FINISHED, 1, 2.5]),
    ("resultsAfterCrash", results_after_crash, [NAMES, FINISHED, "the Python worker stopped"]),
]
# Calls each function of results.js named in the input with its arguments; prints the results.
CALL_EACH = """
const results = require(process.argv[1]);
const calls = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(calls.map(([name, args]) => results[name](...args))));
"""


@pytest.fixture(scope="module")
def results_js(tmp_path_factory):
    """static/results.js bundled for Node, as esbuild bundles it for the page."""
    bundled = tmp_path_factory.mktemp("results") / "results.cjs"
    subprocess.run(
        [str(NODE_MODULES / ".bin" / "esbuild"), str(STATIC / "results.js"), "--bundle", "--format=cjs", "--platform=node", f"--outfile={bundled}", "--log-level=warning"],
        check=True,
    )
    return bundled


def in_javascript(results_js, calls):
    # JSON objects have string keys: the page keeps finished results in an array, by index.
    as_page_passes = [[name, [args[0], [args[1].get(index) for index in range(len(NAMES))], *args[2:]]] for name, args in calls]
    completed = subprocess.run(["node", "-e", CALL_EACH, str(results_js)], input=json.dumps(as_page_passes), capture_output=True, text=True, cwd=REPO, check=True)
    return json.loads(completed.stdout)


def test_the_page_and_cpython_make_the_same_results(results_js):
    page_made = in_javascript(results_js, [(name, args) for name, _, args in CASES])
    assert page_made == [function(*args) for _, function, args in CASES]
