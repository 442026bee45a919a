"""Problem folders of every shape build: a class with scenario tests, results that are dicts,
tuples or objects of the exercise's class, statements with plain-text examples or a checked
scenario example; and what cannot work fails the build naming the file and the fix."""

import json

import pytest

import harness
from base.errors import BuildError
from sitebuild.authoring.scaffold import SHAPES, new_problem
from sitebuild.problems.load import load_problem

STATEMENT = '''\
---
title: Running mean
difficulty: Easy
function: RunningMean
signature: "RunningMean(start=0.0)"
---

A running mean keeps the mean of every value it was given.

{example}
'''
SCENARIO_EXAMPLE = '''\
```example
mean = RunningMean()
mean.add(1.0)
mean.add(3.0)
output = 2.0
```
'''
STARTER = '''\
class RunningMean:
    """The mean of every value added so far."""

    def __init__(self, start=0.0):
        pass

    def add(self, value):
        """Adds `value`; returns the mean so far."""
        pass
'''
SOLUTION = '''\
import numpy as np


class RunningMean:
    def __init__(self, start=0.0):
        self.total, self.count = start, 0

    def add(self, value):
        self.total += value
        self.count += 1
        return self.total / self.count

    def summary(self):
        return {"mean": self.total / max(self.count, 1), "count": self.count}

    def __repr__(self):
        return f"RunningMean(count={self.count})"


def values(n):
    return [float(v) for v in range(1, n + 1)]
'''
TESTS = '''\
from harness import Case

CASES = [
    Case(name="Two values -> their mean", code="m = RunningMean()\\nm.add(1.0)\\nm.add(3.0)", expected=2.0),
    Case(name="A helper of the file builds the input", code="m = RunningMean()\\n[m.add(v) for v in values(3)]", expected=[1.0, 1.5, 2.0]),
    Case(name="A summary dict", code="m = RunningMean()\\nm.add(2.0)\\nm.summary()", expected={{"mean": 2.0, "count": 1}}),
    Case(name="A tuple and the object itself", code="m = RunningMean()\\nm.add(4.0)\\n(m.count, m)"),
    Case(name="Seeded inside the test", code="np.random.seed(3)\\nm = RunningMean()\\nm.add(np.random.rand())"),
{extra}]
'''


def write_problem(tmp_path, example=SCENARIO_EXAMPLE, extra="", solution=SOLUTION):
    folder = tmp_path / "problems" / "running-mean"
    folder.mkdir(parents=True)
    (folder / "statement.md").write_text(STATEMENT.format(example=example))
    (folder / "starter.py").write_text(STARTER)
    (folder / "solution.py").write_text(solution)
    (folder / "tests.py").write_text(TESTS.format(extra=extra))
    return folder


def test_a_class_exercise_with_scenario_tests_builds_with_structured_expected_values(tmp_path):
    suite = json.loads(load_problem(write_problem(tmp_path)).suite.to_json())
    expected = [case["expected"] for case in suite["cases"]]
    assert expected[:3] == [2.0, [1.0, 1.5, 2.0], {"dict": [["mean", 2.0], ["count", 1]]}]
    assert expected[3] == {"tuple": [1, {"shown": "RunningMean(count=1)"}]}
    assert suite["cases"][0]["code"].startswith("m = RunningMean()")
    assert suite["examples"][0]["code"] == "mean = RunningMean()\nmean.add(1.0)\nmean.add(3.0)"


def test_a_statement_may_show_its_examples_as_plain_text(tmp_path):
    problem = load_problem(write_problem(tmp_path, example="For example, adding 1 then 3 gives a mean of 2."))
    assert problem.suite.examples == []


@pytest.mark.parametrize(
    "example, extra, solution, named",
    [
        (SCENARIO_EXAMPLE.replace("output = 2.0", "output = 2.5"), "", SOLUTION, "promises 2.5"),
        (SCENARIO_EXAMPLE.replace("mean.add(3.0)\n", "x = mean.add(3.0)\n"), "", SOLUTION, "does not end with an expression"),
        ("", '    Case(name="Both", args=dict(start=1.0), code="1"),\n', SOLUTION, "has both args and code"),
        ("", '    Case(name="Not Python", code="m = = 1\\nm"),\n', SOLUTION, "line 1 of its code is not Python"),
        ("", '    Case(name="Unseeded", code="m = RunningMean()\\nm.add(np.random.rand())"),\n', SOLUTION, "changes from one run to the next"),
        ("", '    Case(name="A set", code="{1, 2}"),\n', SOLUTION, "of type set"),
    ],
    ids=["scenario example wrong", "scenario example without a final expression", "args and code", "code not Python", "unseeded global generator", "unstorable result"],
)
def test_what_cannot_work_fails_the_build_naming_the_file_and_the_fix(tmp_path, example, extra, solution, named):
    with pytest.raises(BuildError) as raised:
        load_problem(write_problem(tmp_path, example, extra, solution))
    assert named in str(raised.value)
    assert "How to fix:" in str(raised.value)


@pytest.mark.parametrize("shape", SHAPES)
def test_make_new_starts_every_shape_as_a_folder_that_builds_and_grades(tmp_path, shape):
    folder = new_problem(f"new-{shape}", tmp_path / "problems", shape)
    suite = harness.Suite.from_json(load_problem(folder).suite.to_json())
    assert suite.examples, "the example is checked"
    reference = harness.grade((folder / "solution.py").read_text(), suite)
    starter = harness.grade((folder / "starter.py").read_text(), suite)
    assert [test["status"] for test in reference["tests"]] == ["passed"] and [test["status"] for test in starter["tests"]] == ["failed"]
