"""A run followed from outside, for both grading runners (runner.py in CPython,
pyodide_runner.py in the sandbox), and the results a host makes itself when Python could not
finish it: built with harness.results and worded by formats/host_results.json, the file the
page's static/results.js builds its own from, so a regrade says what the page said."""

import json

from base.child_process import ChildEnded, ChildOverran, ChildStopped
from base.paths import FORMATS
from harness.results import ERROR, FAILED, NOT_RUN, TIMEOUT, results_of_run, result_of_test

WORDING = json.loads((FORMATS / "host_results.json").read_text(encoding="utf-8"))


def followed_run(answers_of, suite, process_name):
    """(results, the process's last answer) of one run of `suite`'s hidden tests, as the page's
    runner.js follows a run: `answers_of(limit, next_limit)` gives the process's answers
    (base.child_process.answers_within), the clock restarting as each test starts. The answer
    is None when the process failed the run (an error, an overrun, an end, a stop): it must
    then be replaced, and the results are the host's own."""
    names = [case.name for case in suite.cases]
    limit = suite.time_limit_seconds
    finished = {}
    current = -1  # -1 while the learner's file itself is loading
    restarts_at_each_test = lambda answer: limit if answer.get("progress", {}).get("event") == "test-started" else None  # noqa: E731
    try:
        for answer in answers_of(limit, restarts_at_each_test):
            if "error" in answer:
                return results_after_crash(names, finished, answer["error"]), None
            if "result" in answer:
                return answer["result"], answer
            progress = answer["progress"]
            if progress["event"] == "test-started":
                current = progress["index"]
            else:
                finished[progress["index"]] = progress["result"]
    except ChildOverran:
        return results_after_timeout(names, finished, current, limit), None
    except ChildEnded as ended:
        return results_after_crash(names, finished, f"{process_name} ended ({ended})"), None
    except ChildStopped as stopped:
        return results_after_crash(names, finished, str(stopped)), None


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
