"""The formats of formats/ as the harness writes them: results, tests.json, and the hand-in
header as grading/handin.py reads it."""

import json

import pytest
from formats import SCHEMAS, assert_valid
from jsonschema import Draft202012Validator
from problem_folders import CONTRASTIVE, SLUGS, problem, source
from page_modules import call_page_function
from submission_corpus import golden_results_path, load_submissions

from grading.handin import read_header
from grading.host_results import results_after_crash, results_after_timeout
from harness import entry
from harness.cases import TESTS_JSON_VERSION
from harness.results import RESULTS_FORMAT_VERSION


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_schema_is_a_valid_schema_with_its_version_in_its_name(name):
    Draft202012Validator.check_schema(SCHEMAS[name])
    assert ".v" in name and SCHEMAS[name]["$id"] == name


def test_the_versions_the_code_writes_are_the_schemas():
    assert SCHEMAS["results.v1.schema.json"]["properties"]["version"]["const"] == RESULTS_FORMAT_VERSION
    assert SCHEMAS["tests_json.v1.schema.json"]["properties"]["version"]["const"] == TESTS_JSON_VERSION


@pytest.mark.parametrize("slug", SLUGS)
def test_every_problems_tests_json_follows_its_schema(slug):
    assert_valid(json.loads(problem(slug).suite.to_json()), "tests_json.v1.schema.json")


@pytest.mark.parametrize("submission", load_submissions(), ids=lambda submission: submission.name)
def test_the_results_of_every_corpus_submission_follow_the_schema(submission):
    # The golden results are CPython's grading's own (tests/corpus/test_submissions.py compares them whole).
    assert_valid(json.loads(golden_results_path(submission).read_text()), "results.v1.schema.json")


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("file", ["solution.py", "starter.py"])
def test_the_results_of_the_references_and_starters_follow_the_schema(slug, file):
    tests_json = problem(slug).suite.to_json()
    for cases in ("tests", "examples"):
        assert_valid(json.loads(entry.grade(tests_json, source(slug, file), cases)), "results.v1.schema.json")


def test_results_a_host_makes_itself_follow_the_schema():
    names = ["a", "b", "c"]
    passed = json.loads(entry.grade(problem(CONTRASTIVE).suite.to_json(), source(CONTRASTIVE, "solution.py")))["tests"][0]
    assert_valid(results_after_timeout(names, {0: passed}, 1, 5), "results.v1.schema.json")
    assert_valid(results_after_timeout(names, {}, -1, 5), "results.v1.schema.json")
    assert_valid(results_after_crash(names, {0: passed}, "killed by SIGKILL"), "results.v1.schema.json")


@pytest.mark.parametrize("ran_this_code", [True, False])
def test_the_hand_in_header_the_page_writes_reads_as_its_schema_says(ran_this_code):
    last_run = {"code": "x = 1" if ran_this_code else "x = 2", "tests": [{"name": "Reference example: 0.625", "status": "passed"}, {"name": "b", "status": "timeout"}]}
    text = call_page_function("handin/handin.js", "handInText", {"slug": CONTRASTIVE, "code": "x = 1", "kitVersion": "1.1.0", "testsDigest": "0123456789abcdef", "lastRun": last_run})
    header = read_header(text)
    assert_valid(vars(header), "handin_header.v1.schema.json")
    assert header.claimed_statuses == (["passed", "timeout"] if ran_this_code else None)
