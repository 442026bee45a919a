"""The adversarial corpus (tests/corpus/submissions/) graded in CPython the way the page grades it:
in a separate Python process with a per-test time limit, restarted after a timeout or a
crash (grading.runner). Every case must end in its expected verdicts, and in exactly the
results stored beside it (results.json: the whole results object, so a change of wording
shows in review); the next run in the same runner (the reference solution) must pass
every test; and the state probe (tests/state_probe.py), run before the case and after the
reference, must find the same Python both times.

After a reviewed change of wording, rewrite the stored results with
    FIX_GOLDEN_RESULTS=1 .venv/bin/python -m pytest tests/corpus/test_submissions.py
and read the diff before committing it.
"""

import json
import os
import re

import pytest
from cross_run_state import PROBE, differences, reading_of
from problem_folders import CONTRASTIVE, shipped_suite
from submission_corpus import golden_results_path, learner_visible_text, load_submissions

from grading.runner import HARNESS_PACKAGE, SubmissionRunner
from harness.results import TEST_STATUSES

FIX_GOLDEN_RESULTS = os.environ.get("FIX_GOLDEN_RESULTS") == "1"
# Where this machine's Python keeps numpy, as its warnings name it.
SITE_PACKAGES = re.compile(r"[^\s\"']*/site-packages/")


def normalised(results):
    """The results as JSON text, without what depends on the machine that graded them."""
    return SITE_PACKAGES.sub("<site-packages>/", json.dumps(results, indent=1, ensure_ascii=False)) + "\n"

# Every case the issue asks for, by its folder name.
REQUIRED_CASES = [
    # Code that cannot load, or has no function to call.
    "syntax-error",
    "indentation-error",
    "name-error",
    "import-torch",
    "function-missing",
    "function-misspelled",
    # Time.
    "infinite-loop-at-module-level",
    "infinite-loop-in-function",
    "slow-but-finite-function",
    # Leaving, crashing, exhausting.
    "sys-exit",
    "raise-system-exit",
    "raise-keyboard-interrupt",
    "os-exit",
    "exit-builtin",
    "deep-recursion",
    "huge-array",
    "list-grows-until-memory-runs-out",
    # Floods of output.
    "print-a-million-lines",
    "print-a-50-mb-string",
    # Wrong kinds of return value.
    "returns-none",
    "returns-string",
    "returns-list",
    "returns-tuple",
    "returns-per-pair-array",
    "returns-0d-array",
    "returns-nan",
    "returns-inf",
    "returns-negative",
    "returns-complex",
    "returns-python-int",
    # Side effects.
    "mutates-inputs",
    "tamper-at-module-level",
    "tamper-inside-function",
    "tamper-sys-modules",
    "tamper-harness-files",
    # Learner text that looks like HTML.
    "html-in-output",
    "html-in-exception",
    # State one run could leave to the next (the state probe checks each case for all of it).
    "replaces-numpy-submodule-functions",
    "replaces-standard-library-class-methods",
    "changes-numpy-and-recursion-settings",
    "changes-python-settings",
    "imports-and-patches-a-new-module",
    "fakes-a-module-not-imported-yet",
    "seeds-random-generators",
    "changes-warnings-filters",
    "changes-directory-paths-and-environment",
    "sets-trace-and-profile-functions",
    "configures-logging",
    "installs-signal-handlers-and-an-alarm",
    "adds-an-audit-hook",
    # Return values (and errors) that cannot be shown as they are.
    "returns-huge-int",
    "returns-object-whose-repr-fails",
    "returns-recursive-list",
    "returns-large-array",
    "returns-float-subclass-with-broken-methods",
    "returns-list-subclass-whose-len-fails",
    "returns-value-whose-conversion-never-ends",
    "returns-generator",
    "raises-exception-whose-message-fails",
    "raises-a-50-mb-message",
    "prints-a-huge-int",
    # Mistakes of real code, named by the hints (harness.hints).
    "wrong-default-margin",
    "hard-coded-margin",
    "two-mistakes-combined",
    "epsilon-in-the-distance",
    "overflow-in-exp",
    "imports-scipy",
    # Results of other shapes and classes (sgd-momentum, kmeans-step, classification-metrics).
    "class-keeps-state-between-tests",
    "method-mutates-its-input",
    "returns-a-generator-in-a-tuple",
    "dict-subclass-with-lying-eq",
]
CORPUS = load_submissions()


@pytest.fixture(scope="module")
def suite():
    """The suite exactly as the page gets it, with the page's time limit: a shorter one would
    make the floods of output flaky on a busy 2-core machine."""
    return shipped_suite(CONTRASTIVE)


@pytest.fixture
def runner():
    runner = SubmissionRunner()
    yield runner
    runner.close()


def test_the_corpus_has_every_case_the_issue_asks_for():
    assert sorted(REQUIRED_CASES) == sorted(submission.name for submission in CORPUS)


@pytest.mark.parametrize("submission", CORPUS, ids=lambda submission: submission.name)
def test_expectations_are_well_formed(submission):
    assert submission.why.strip()
    assert len(submission.statuses) == len(shipped_suite(submission.problem).cases)
    assert set(submission.statuses) <= set(TEST_STATUSES)
    assert all(isinstance(text, str) and text for text in submission.message_contains)


def probe(runner, suite):
    """The state probe's reading of the runner's Python."""
    results = runner.run(suite, PROBE)
    assert [test["status"] for test in results["tests"]] == ["passed"] * 4, results
    return reading_of([test["output"] for test in results["tests"]])


@pytest.mark.parametrize("submission", CORPUS, ids=lambda submission: submission.name)
def test_submission_gets_its_results_and_the_next_run_works(submission, runner, suite, reference_solution):
    before, process = probe(runner, suite), runner.child.process.pid
    results = runner.run(shipped_suite(submission.problem), submission.code)
    assert [test["status"] for test in results["tests"]] == submission.statuses, results
    shown = learner_visible_text(results)
    for expected_text in submission.message_contains:
        assert expected_text in shown, f"{expected_text!r} is not shown to the learner:\n{shown}"
    golden = golden_results_path(submission)
    if FIX_GOLDEN_RESULTS:
        golden.write_text(normalised(results), encoding="utf-8")
    assert golden.is_file(), f"{golden} is missing: run once with FIX_GOLDEN_RESULTS=1 and review it"
    assert normalised(results) == golden.read_text(encoding="utf-8")
    following = runner.run(suite, reference_solution)
    assert [test["status"] for test in following["tests"]] == ["passed"] * 4, following
    assert differences(before, probe(runner, suite), same_process=runner.child.process.pid == process) == []


def test_a_warning_shown_in_one_run_is_shown_again_in_the_next(runner, suite):
    """Python shows a warning once per place; a run must not use up the next one's."""
    empty_mean = next(submission for submission in CORPUS if submission.name == "returns-nan")
    for _ in range(2):
        assert all("RuntimeWarning: Mean of empty slice." in test["output"] for test in runner.run(suite, empty_mean.code)["tests"])


def test_a_submission_that_overwrites_the_harness_leaves_the_repository_alone(runner, suite):
    overwriting = next(submission for submission in CORPUS if submission.name == "tamper-harness-files")
    before = {path: path.read_bytes() for path in HARNESS_PACKAGE.glob("*.py")}
    runner.run(suite, overwriting.code)
    assert {path: path.read_bytes() for path in HARNESS_PACKAGE.glob("*.py")} == before
