"""Results of any structure and scenario tests, in the harness: values travel through
tests.json unchanged, are compared part by part with the difference told where it is, and a
scenario's last expression is its result (harness.values, harness.compare, harness.scenarios)."""

import json

import numpy as np
import pytest

from harness import Case, Suite, grade
from harness.compare import describe_mismatch
from harness.values import Shown, Unstorable, decode_value, encode_value

TOLERANCE = {"rel": 1e-6, "abs": 1e-9}

VALUES = [
    0.625,
    7,
    float("nan"),
    float("-inf"),
    True,
    None,
    "recall",
    [1, [2.5, None], []],
    (np.array([[1.0, 2.0]]), np.array([0, 1], dtype=np.int32)),
    {"precision": 0.5, 3: (1, 2), (1, "a"): [True]},
    np.zeros((0, 3)),
    np.array([[True, False]]),
    np.array([1.0, np.nan, np.inf]),
    Shown("Value(data=3)"),
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_every_value_comes_back_from_tests_json_equal_and_of_its_kind(value):
    back = decode_value(json.loads(json.dumps(encode_value(value), allow_nan=False)))
    assert describe_mismatch(value, back, TOLERANCE, lists_equal_arrays=False) is None
    assert type(back) is type(value)


def test_a_value_tests_json_cannot_carry_is_named_where_it_is():
    with pytest.raises(Unstorable, match=r"item 1 of the value is of type set"):
        encode_value([1, {2}])
    with pytest.raises(Unstorable, match="dtype complex128"):
        encode_value(np.array([1j]))


@pytest.mark.parametrize(
    "expected, got, message",
    [
        ((np.array([1.0]), 0.5), (np.array([1.0]), 0.25), "Item 1 of the returned tuple: expected 0.5, got 0.25."),
        ({"precision": 0.5, "recall": 1.0}, {"precision": 0.5}, "Key 'recall' is missing from the returned dict (it has 'precision')."),
        ({"a": 1}, {"a": 1, "b": 2}, "The returned dict has the key 'b', which is not expected (expected keys: 'a')."),
        ([[1, 2], [3, 4]], [[1, 2], [3, 5]], "`result[1][1]` (in the returned list of lists): expected 4, got 5."),
        ([[1, 2], [3, 4]], [[1, 2], 7], "Row 1 of the returned list of lists: expected a list of 2 items, but it is the number 7."),
        ((1.0, 2.0), [1.0, 2.0], "Expected a tuple of 2 items, but your function returned a list of 2 items (`return a, b` returns a tuple; `[a, b]` is a list)."),
        ([1.0, 2.0], (1.0, 2.0), "Expected a list of 2 items, but your function returned a tuple of 2 items"),
        ([1, 2], (x for x in [1, 2]), "a generator"),
        ("cat", "dog", "Expected the string 'cat', got 'dog'."),
        (True, 1, "Expected the boolean True, but your function returned the number 1."),
        (None, 0.0, "Expected None, but your function returned the number 0."),
        (Shown("Value(data=3)"), 3, "Expected an object shown as 'Value(data=3)', but your function returned one shown as '3'."),
        (float("inf"), 1e308, "Expected inf"),
        ({"w": np.array([1.0, 2.0])}, {"w": np.array([1.0, 2.5])}, "Key 'w' of the returned dict: 1 of 2 entries"),
    ],
)
def test_a_difference_is_told_at_the_part_where_it_is(expected, got, message):
    assert message in describe_mismatch(expected, got, TOLERANCE)


@pytest.mark.parametrize(
    "expected, got",
    [
        ({"a": 0.1 + 0.2, "b": [1, (2, 3)]}, {"b": [1.0, (2, 3.0000000001)], "a": 0.3}),
        (float("nan"), np.float32("nan")),
        (np.array([1, 2]), [1.0, 2.0]),
        ([1.0, 2.0], np.array([1, 2])),
        (True, np.bool_(True)),
        (3, np.int64(3)),
    ],
)
def test_equal_values_of_any_structure_pass(expected, got):
    assert describe_mismatch(expected, got, TOLERANCE) is None


def test_a_problem_may_count_lists_and_arrays_as_different():
    assert "wrap it in np.array" in describe_mismatch(np.array([1.0, 2.0]), [1.0, 2.0], TOLERANCE, lists_equal_arrays=False)
    assert "numpy array of shape (2,)" in describe_mismatch([1.0, 2.0], np.array([1.0, 2.0]), TOLERANCE, lists_equal_arrays=False)


def test_a_subclass_is_judged_by_what_it_holds_not_by_what_it_says():
    class Lying(dict):
        def __eq__(self, other):
            return True

        def items(self):
            return iter([("recall", 1.0)])

        def __contains__(self, key):
            return True

    assert "Key 'recall' is missing" in describe_mismatch({"recall": 1.0}, Lying(precision=1.0), TOLERANCE)


COUNTER = '''
import numpy as np

class Counter:
    def __init__(self, start=0):
        self.count = start

    def add(self, amount):
        self.count += amount
        return self.count

    def __repr__(self):
        return f"Counter({self.count})"

def helper():
    return 10
'''


def scenario_suite(*cases):
    return Suite("Counter", list(cases))


def test_a_scenario_builds_a_class_calls_its_methods_and_sees_the_files_helpers():
    suite = scenario_suite(
        Case("two adds", code="c = Counter(1)\nc.add(2)\nc.add(helper())", expected=13),
        Case("a tuple of both", code="c = Counter()\n(c.add(1), c.count, np.zeros(2))", expected=(1, 1, np.zeros(2))),
        Case("the object itself", code="c = Counter(4)\nc", expected=Shown("Counter(4)")),
    )
    results = grade(COUNTER, suite)
    assert [test["status"] for test in results["tests"]] == ["passed"] * 3, results


def test_a_scenario_that_fails_says_where_in_the_tests_code():
    suite = scenario_suite(Case("a method that does not exist", code="c = Counter()\nc.add(1)\nc.subtract(1)", expected=0))
    test = grade(COUNTER, suite)["tests"][0]
    assert test["status"] == "error"
    assert test["message"].startswith("In line 3 of the test's code: `c.subtract(1)`:")
    assert "AttributeError" in test["message"]


def test_a_scenarios_names_do_not_reach_the_learners_module_or_the_next_test():
    suite = scenario_suite(
        Case("assigns", code="helper = None\nstored = 5\nstored", expected=5),
        Case("reads", code="helper()", expected=10),
    )
    assert [test["status"] for test in grade(COUNTER, suite)["tests"]] == ["passed", "passed"]


def test_a_learners_class_that_keeps_state_in_the_class_shows_it_in_the_next_test():
    leaky = COUNTER.replace("self.count = start", "Counter.total = getattr(Counter, 'total', 0) + start\n        self.count = Counter.total")
    suite = scenario_suite(Case("first", code="Counter(1).add(0)", expected=1), Case("second", code="Counter(1).add(0)", expected=1))
    assert [test["status"] for test in grade(leaky, suite)["tests"]] == ["passed", "failed"]


def test_try_in_console_runs_a_scenario_as_the_test_does():
    from harness.console import ConsoleSession

    suite = scenario_suite(Case("two adds", code="c = Counter(1)\nc.add(2)\nc.add(helper())", expected=13))
    reply = ConsoleSession().run(COUNTER, suite.call_source(0))
    assert reply["error"] is None and reply["value"] == "13"


def test_the_warm_up_runs_on_a_class_exercise_and_changes_no_result():
    from harness import entry

    suite = scenario_suite(Case("two adds", code="c = Counter(1)\nc.add(2)\nc.add(helper())", expected=13))
    before = json.loads(entry.grade(suite.to_json(), COUNTER))
    assert entry.warm_up(suite.to_json()) is None
    assert json.loads(entry.grade(suite.to_json(), COUNTER)) == before


def test_an_object_with_the_default_repr_is_shown_without_its_memory_address():
    source = "class Point:\n    def __init__(self, x):\n        self.x = x\n"
    suite = Suite("Point", [Case("a point", code="Point(1)", expected=Shown("<__main__.Point object>"))])
    assert grade(source, suite)["tests"][0]["status"] == "passed"
