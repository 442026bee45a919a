"""Known mistakes in CPython, beyond what tests/build/test_problems.py checks for every problem:
a wrong answer that matches no known mistake gets no hint."""

import pytest

from problem_folders import CONTRASTIVE, shipped_suite

import harness


@pytest.fixture(scope="module")
def suite():
    return shipped_suite(CONTRASTIVE)


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
