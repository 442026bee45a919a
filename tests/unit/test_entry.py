"""harness.entry, the only Python the hosts call (the worker, make check, CPython's grading):
JSON text in, JSON text out, in CPython."""

import json
import random

import pytest
from problem_folders import CONTRASTIVE, SLUGS, case_names, problem, source

from harness import entry
from harness.results import ERROR, FAILED, PASSED


@pytest.fixture(scope="module")
def suite_json():
    return problem(CONTRASTIVE).suite.to_json()


def test_grade_answers_the_results_of_the_hidden_tests_as_json(suite_json):
    results = json.loads(entry.grade(suite_json, source(CONTRASTIVE, "solution.py")))
    assert results["status"] == PASSED
    assert [test["name"] for test in results["tests"]] == case_names()
    assert set(results) == {"version", "status", "message", "line", "output", "hint", "hints", "tests"}
    assert set(results["tests"][0]) == {"name", "status", "message", "output", "line", "got"}


def test_grade_runs_the_examples_when_asked(suite_json):
    results = json.loads(entry.grade(suite_json, source(CONTRASTIVE, "solution.py"), "examples"))
    assert [test["name"] for test in results["tests"]] == [case.name for case in problem(CONTRASTIVE).suite.examples]


def test_grade_streams_each_test_as_it_starts_and_finishes(suite_json):
    events = []
    final = json.loads(
        entry.grade(
            suite_json,
            source(CONTRASTIVE, "starter.py"),
            "tests",
            lambda index: events.append(("started", index)),
            lambda index, result_json: events.append(("finished", index, json.loads(result_json))),
        )
    )
    count = len(case_names())
    assert [event[:2] for event in events] == [(kind, index) for index in range(count) for kind in ("started", "finished")]
    assert [event[2] for event in events if event[0] == "finished"] == final["tests"]


def test_grade_refuses_an_unknown_suite(suite_json):
    with pytest.raises(ValueError, match="tests, examples"):
        entry.grade(suite_json, "", "hidden")


def test_a_run_cannot_change_the_suite_the_next_run_decodes(suite_json):
    """Each run decodes its own suite: code that reaches up the stack and rewrites the
    suite's expected values changes nothing for the next run."""
    rewrites_the_suite = (
        "import sys\n"
        "frame = sys._getframe()\n"
        "while frame:\n"
        "    for value in list(frame.f_locals.values()):\n"
        "        cases = getattr(value, 'cases', None)\n"
        "        for case in cases if isinstance(cases, list) else []:\n"
        "            case.expected = 7.0\n"
        "    frame = frame.f_back\n"
        "def contrastive_loss(x1, x2, label, margin=1.0):\n    return 7.0\n"
    )
    assert json.loads(entry.grade(suite_json, rewrites_the_suite))["status"] == PASSED  # it did reach them
    assert json.loads(entry.grade(suite_json, source(CONTRASTIVE, "solution.py")))["status"] == PASSED


def test_code_that_cannot_load_is_an_error_result_not_an_exception(suite_json):
    results = json.loads(entry.grade(suite_json, "def contrastive_loss(:\n"))
    assert results["status"] == ERROR and results["line"] == 1
    assert all(test["status"] == ERROR for test in results["tests"])


def test_check_syntax_finds_a_syntax_error_without_running_anything():
    assert json.loads(entry.check_syntax("print('ran')\n")) is None
    problem_found = json.loads(entry.check_syntax("x = (1,\n"))
    assert problem_found["line"] == 1 and "never closed" in problem_found["message"]


def test_start_reseeds_random_and_names_the_python_version():
    random.seed(0)
    frozen = random.random()
    random.seed(0)
    version = entry.start()
    assert random.random() != frozen
    assert version.count(".") == 2 and version.split(".")[0] == "3"


@pytest.mark.parametrize("slug", SLUGS)
def test_warm_up_grades_a_stand_in_and_leaves_the_next_runs_as_they_were(slug):
    suite_json = problem(slug).suite.to_json()
    before = [json.loads(entry.grade(suite_json, source(slug, name))) for name in ("solution.py", "starter.py")]
    assert entry.warm_up(suite_json) is None
    after = [json.loads(entry.grade(suite_json, source(slug, name))) for name in ("solution.py", "starter.py")]
    assert after == before
    assert before[0]["status"] == PASSED


@pytest.mark.parametrize("slug", SLUGS)
def test_the_warm_up_stand_in_loads_and_returns_on_every_case(slug):
    suite = problem(slug).suite
    results = json.loads(entry.grade(suite.to_json(), entry.STAND_IN.format(function=suite.function)))
    assert results["message"] is None
    # A scenario goes on using what the stand-in returned (0.0), e.g. calls a method of it: that may stop with an error.
    calls = [test for test, case in zip(results["tests"], suite.cases) if case.code is None]
    assert {test["status"] for test in calls} <= {PASSED, FAILED}, results
    assert {test["status"] for test in results["tests"]} <= {PASSED, FAILED, ERROR}, results
