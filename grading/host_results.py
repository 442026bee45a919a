"""The results a host makes itself when Python could not finish a run, for CPython's runner:
built with harness.results and worded by formats/host_results.json, the file the page's
static/results.js builds its own from, so a regrade says what the page said."""

import json

from harness.results import ERROR, FAILED, NOT_RUN, TIMEOUT, results_of_run, result_of_test
from base.paths import FORMATS

WORDING = json.loads((FORMATS / "host_results.json").read_text(encoding="utf-8"))


def results_after_timeout(test_names, finished, current, time_limit_seconds):
    """A run stopped at the time limit while loading the file (`current` -1) or in test `current`;
    `finished` maps the index of each finished test to its result."""
    limit = f"{time_limit_seconds:g} s"
    if current < 0:
        tests = [result_of_test(name, TIMEOUT, WORDING["test_not_run_file_did_not_load"]) for name in test_names]
        return results_of_run(ERROR, tests, WORDING["file_did_not_load_in_time"].format(limit=limit))
    tests = []
    for index, name in enumerate(test_names):
        if index < current:
            tests.append(finished[index])
        elif index == current:
            tests.append(result_of_test(name, TIMEOUT, WORDING["test_timed_out"].format(limit=limit)))
        else:
            tests.append(result_of_test(name, NOT_RUN, WORDING["test_not_run_after_timeout"]))
    return results_of_run(FAILED, tests)


def results_after_crash(test_names, finished, reason):
    """Python stopped (`reason`) during a run; the tests it finished keep their results."""
    tests = [finished.get(index) or result_of_test(name, ERROR, WORDING["test_not_finished"]) for index, name in enumerate(test_names)]
    return results_of_run(ERROR, tests, WORDING["python_stopped"].format(reason=reason))
