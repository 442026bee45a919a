"""The adversarial corpus (tests/submissions/) graded in CPython the way the page grades it:
in a separate Python process with a per-test time limit, restarted after a timeout or a
crash. Every case must end in its expected verdicts and messages, and the next run in the
same runner (the reference solution) must pass every test."""

import pytest
from submission_corpus import STATUSES, load_submissions, learner_visible_text
from submission_runner import HARNESS_PACKAGE, SubmissionRunner

import harness
from sitebuild.paths import PROBLEMS
from sitebuild.problems import load_problem

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
]
SUBMISSIONS = load_submissions()


@pytest.fixture(scope="module")
def suite():
    """The suite exactly as the page gets it, with the page's time limit: a shorter one would
    make the floods of output flaky on a busy 2-core machine."""
    return harness.Suite.from_json(load_problem(PROBLEMS / "contrastive-loss").suite.to_json())


@pytest.fixture
def runner(suite):
    runner = SubmissionRunner(suite)
    yield runner
    runner.close()


def test_the_corpus_has_every_case_the_issue_asks_for():
    assert sorted(REQUIRED_CASES) == sorted(submission.name for submission in SUBMISSIONS)


@pytest.mark.parametrize("submission", SUBMISSIONS, ids=lambda submission: submission.name)
def test_expectations_are_well_formed(submission):
    assert submission.why.strip()
    assert len(submission.statuses) == 4 and set(submission.statuses) <= STATUSES
    assert all(isinstance(text, str) and text for text in submission.message_contains)


@pytest.mark.parametrize("submission", SUBMISSIONS, ids=lambda submission: submission.name)
def test_submission_gets_its_verdicts_and_the_next_run_works(submission, runner, reference_solution):
    results = runner.run(submission.code)
    assert [test["status"] for test in results["tests"]] == submission.statuses, results
    shown = learner_visible_text(results)
    for expected_text in submission.message_contains:
        assert expected_text in shown, f"{expected_text!r} is not shown to the learner:\n{shown}"
    following = runner.run(reference_solution)
    assert [test["status"] for test in following["tests"]] == ["passed"] * 4, following


def test_a_submission_that_overwrites_the_harness_leaves_the_repository_alone(runner):
    overwriting = next(submission for submission in SUBMISSIONS if submission.name == "tamper-harness-files")
    before = {path: path.read_bytes() for path in HARNESS_PACKAGE.glob("*.py")}
    runner.run(overwriting.code)
    assert {path: path.read_bytes() for path in HARNESS_PACKAGE.glob("*.py")} == before
