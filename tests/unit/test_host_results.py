"""The results a host makes itself when Python cannot finish a run are the same in the page
(static/results.js) and in CPython's grading (grading/host_results.py): both are worded by
formats/host_results.json, and here both are built from the same inputs and compared whole."""

import pytest
from page_modules import call_page_function

from grading.host_results import results_after_crash, results_after_timeout
from harness.results import PASSED, result_of_test

NAMES = ["first", "second", "third"]
FINISHED = {0: result_of_test("first", PASSED, output="printed", got="0.625")}
CASES = [
    ("resultsAfterTimeout", results_after_timeout, [NAMES, FINISHED, -1, 5]),
    ("resultsAfterTimeout", results_after_timeout, [NAMES, FINISHED, 1, 2.5]),
    ("resultsAfterCrash", results_after_crash, [NAMES, FINISHED, "the Python worker stopped"]),
]


@pytest.mark.parametrize("name, function, args", CASES)
def test_the_page_and_cpython_make_the_same_results(name, function, args):
    # JSON objects have string keys: the page keeps finished results in an array, by index.
    as_page_passes = [args[0], [args[1].get(index) for index in range(len(NAMES))], *args[2:]]
    assert call_page_function("results.js", name, *as_page_passes) == function(*args)
