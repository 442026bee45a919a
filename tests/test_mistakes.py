"""Known mistakes in CPython: each classic wrong answer fails the tests it should and is named
by its hint; right answers and unknown wrong answers get no hint."""

import pytest
from known_mistakes import KNOWN_MISTAKES, mistake_code

import harness
from sitebuild.paths import PROBLEMS
from sitebuild.problems import load_problem


@pytest.fixture(scope="module")
def suite():
    return harness.Suite.from_json(load_problem(PROBLEMS / "contrastive-loss").suite.to_json())


@pytest.mark.parametrize("name", KNOWN_MISTAKES)
def test_each_known_mistake_fails_its_tests_and_is_named(suite, name):
    _, hint_words, failing = KNOWN_MISTAKES[name]
    results = harness.grade(mistake_code(name), suite)
    assert [test["name"] for test in results["tests"] if test["status"] == "failed"] == failing
    assert results["hint"] and hint_words in results["hint"]


def test_a_correct_answer_gets_no_hint(suite):
    results = harness.grade((PROBLEMS / "contrastive-loss" / "solution.py").read_text(), suite)
    assert results["status"] == "passed" and results["hint"] is None


@pytest.mark.parametrize(
    "code",
    [
        "def contrastive_loss(x1, x2, label, margin=1.0):\n    return 0.7\n",
        "def contrastive_loss(x1, x2, label, margin=1.0):\n    return None\n",
        "def contrastive_loss(x1, x2, label, margin=1.0):\n    raise ValueError('no')\n",
    ],
    ids=["unknown number", "None", "exception"],
)
def test_an_unknown_wrong_answer_gets_no_hint(suite, code):
    assert harness.grade(code, suite)["hint"] is None
