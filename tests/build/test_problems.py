"""Every problem folder in CPython, graded through the suite as it ships (tests.json): the
reference passes every test and example, the starter fails every test, and each known
mistake fails the tests it should and is named by its hint."""

import pytest
from known_mistakes import BY_PROBLEM
from problem_folders import CONTRASTIVE, SLUGS, case_names, shipped_suite, source

import harness

# One known mistake of InfoNCE overflows on purpose; its warnings are expected.
pytestmark = [
    pytest.mark.filterwarnings("ignore:overflow encountered in exp:RuntimeWarning"),
    pytest.mark.filterwarnings("ignore:invalid value encountered in divide:RuntimeWarning"),
    # So do one of classification metrics (0/0) and one of k-means (the mean of an empty cluster).
    pytest.mark.filterwarnings("ignore:invalid value encountered in scalar divide:RuntimeWarning"),
    pytest.mark.filterwarnings("ignore:Mean of empty slice:RuntimeWarning"),
]

KNOWN = [(slug, name) for slug in SLUGS for name in BY_PROBLEM[slug].mistakes]


def test_the_contrastive_loss_exercise_has_the_four_tests_it_names():
    """The specification of the first exercise: these names, in this order."""
    assert case_names(CONTRASTIVE) == [
        "Reference example: 0.625",
        "Identical similar pair -> 0",
        "Dissimilar pair beyond the margin -> 0",
        "Coincident dissimilar pair -> margin squared",
    ]


def test_every_problem_has_known_mistakes_written_here():
    assert sorted(BY_PROBLEM) == SLUGS


@pytest.mark.parametrize("slug", SLUGS)
def test_each_problem_has_at_least_four_tests_and_one_example(slug):
    suite = shipped_suite(slug)
    assert len(suite.cases) >= 4 and suite.examples


@pytest.mark.parametrize("slug", SLUGS)
def test_the_reference_passes_every_test_and_every_example_without_a_hint(slug):
    suite = shipped_suite(slug)
    for graded in (suite, suite.examples_suite()):
        results = harness.grade(source(slug, "solution.py"), graded)
        assert [test["status"] for test in results["tests"]] == ["passed"] * len(graded.cases)
        assert results["hint"] is None


@pytest.mark.parametrize("slug", SLUGS)
def test_the_starter_fails_every_test(slug):
    suite = shipped_suite(slug)
    results = harness.grade(source(slug, "starter.py"), suite)
    # A scenario that goes on using what the starter returned (None) stops with an error.
    allowed = [{"failed", "error"} if case.code is not None else {"failed"} for case in suite.cases]
    assert all(test["status"] in statuses for test, statuses in zip(results["tests"], allowed)), results["tests"]


@pytest.mark.parametrize("slug, name", KNOWN, ids=[f"{slug}: {name}" for slug, name in KNOWN])
def test_each_known_mistake_fails_its_tests_and_is_named(slug, name):
    known = BY_PROBLEM[slug]
    hint_words = known.hint_words(name)
    results = harness.grade(known.code(name), shipped_suite(slug))
    assert [test["name"] for test in results["tests"] if test["status"] == "failed"] == known.failing(name)
    if hint_words is None:
        assert results["hint"] is None
    else:
        assert results["hint"] and hint_words in results["hint"]


@pytest.mark.parametrize("slug", SLUGS)
def test_every_shipped_hint_is_reached_by_a_known_mistake(slug):
    known = BY_PROBLEM[slug]
    reached = {harness.grade(known.code(name), shipped_suite(slug))["hint"] for name in known.mistakes}
    assert {mistake.hint for mistake in shipped_suite(slug).mistakes} <= reached
