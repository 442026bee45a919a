"""The grading harness in CPython, on the real contrastive-loss suite as shipped (tests.json):
verdicts, explanations, output and the display of values (test_isolation.py: what a run leaves
behind)."""

import json
import sys

import numpy as np
import pytest
from contrastive_solutions import CORRECT, TOLERANCE, solution, statuses
from known_mistakes import COINCIDENT, REFERENCE
from problem_folders import CONTRASTIVE, case_names, shipped_suite, source

import harness
from harness.compare import describe_mismatch
from harness.display import int_digits, show_exception, show_value
from harness.learner_code import OUTPUT_LIMIT_CHARS


@pytest.fixture(scope="module")
def suite():
    return shipped_suite(CONTRASTIVE)


def test_reference_solution_passes_every_test(suite):
    results = harness.grade(source(CONTRASTIVE, "solution.py"), suite)
    assert [test["name"] for test in results["tests"]] == case_names()
    assert statuses(results) == ["passed"] * 4
    assert results["status"] == "passed"


def test_starter_fails_every_test_saying_it_returned_none(suite):
    results = harness.grade(source(CONTRASTIVE, "starter.py"), suite)
    assert statuses(results) == ["failed"] * 4
    assert results["status"] == "failed"
    assert all("returned None" in test["message"] for test in results["tests"])


def test_flipped_label_convention_fails_every_test(suite):
    flipped = "np.mean((1 - y) * d**2 + y * np.maximum(0, margin - d) ** 2)"
    assert statuses(harness.grade(solution(flipped), suite)) == ["failed"] * 4


def test_half_factor_fails_the_reference_example(suite):
    results = harness.grade(solution(f"0.5 * {CORRECT}"), suite)
    assert results["tests"][0]["status"] == "failed"
    assert results["tests"][0]["message"] == "Expected 0.625, got 0.3125."


@pytest.mark.parametrize(
    "mistake, failing_test",
    [
        ("np.sum(y * d**2 + (1 - y) * np.maximum(0, margin - d) ** 2)", REFERENCE),
        ("np.mean(y * d**2 + (1 - y) * np.maximum(0, 1.0 - d) ** 2)", COINCIDENT),
        ("np.mean(y * d**2 + (1 - y) * np.maximum(0, margin - d))", COINCIDENT),
    ],
    ids=["sum instead of mean", "margin ignored", "hinge not squared"],
)
def test_classic_mistakes_are_caught(suite, mistake, failing_test):
    assert harness.grade(solution(mistake), suite)["tests"][failing_test]["status"] == "failed"


def test_exception_is_an_error_on_the_learners_line(suite):
    code = "def contrastive_loss(x1, x2, label, margin=1.0):\n    scale = 0\n    return 1 / scale\n"
    results = harness.grade(code, suite)
    assert statuses(results) == ["error"] * 4
    first = results["tests"][0]
    assert first["line"] == 3
    assert first["message"].startswith("ZeroDivisionError: division by zero")
    assert "line 3, in contrastive_loss" in first["message"]
    assert "harness" not in first["message"]  # only the learner's own frames


def test_exception_in_a_helper_shows_each_learner_frame(suite):
    code = "def helper():\n    return [][1]\n\n\ndef contrastive_loss(x1, x2, label, margin=1.0):\n    return helper()\n"
    message = harness.grade(code, suite)["tests"][0]["message"]
    assert "line 6, in contrastive_loss" in message and "line 2, in helper" in message


def test_endless_recursion_gives_a_short_message_on_the_recursive_line(suite):
    code = "def contrastive_loss(x1, x2, label, margin=1.0):\n    return contrastive_loss(x1, x2, label, margin)\n"
    first = harness.grade(code, suite)["tests"][0]
    assert first["status"] == "error"
    assert first["line"] == 2
    assert first["message"].startswith("RecursionError")
    assert "repeated" in first["message"]
    assert len(first["message"]) < 1000


def test_mutual_recursion_keeps_the_traceback_short(suite):
    code = (
        "def ping(n):\n    return pong(n)\n\n\ndef pong(n):\n    return ping(n)\n\n\n"
        "def contrastive_loss(x1, x2, label, margin=1.0):\n    return ping(1)\n"
    )
    message = harness.grade(code, suite)["tests"][0]["message"]
    assert "line 10, in contrastive_loss" in message
    assert "more calls" in message
    assert len(message) < 2000


def test_syntax_error_is_reported_once_with_its_line(suite):
    code = "import numpy as np\n\ndef contrastive_loss(x1, x2, label, margin=1.0):\n    d = (x1 - x2\n    return d\n"
    results = harness.grade(code, suite)
    assert results["status"] == "error"
    assert results["message"].startswith("SyntaxError on line 4")
    assert results["line"] == 4
    assert statuses(results) == ["error"] * 4


def test_crash_at_import_time_is_a_load_error(suite):
    results = harness.grade("import torch\n", suite)
    assert results["status"] == "error"
    assert results["message"].startswith("ModuleNotFoundError: No module named 'torch'")
    assert results["line"] == 1


@pytest.mark.parametrize(
    "code, expected_hint",
    [
        ("def contrastive_los(x1, x2, label, margin=1.0):\n    return 0.0\n", "Did you mean `contrastive_los`?"),
        ("x = 1\n", "Define it with `def contrastive_loss(...):`"),
        ("contrastive_loss = 3\n", "is not a function, it is a value of type int"),
    ],
    ids=["misspelled", "missing", "not callable"],
)
def test_missing_function_is_explained(suite, code, expected_hint):
    results = harness.grade(code, suite)
    assert results["status"] == "error"
    assert expected_hint in results["message"]


@pytest.mark.parametrize(
    "returned, explanation",
    [
        ("None", "returned None. Did you forget a `return` statement?"),
        ("'0.625'", "returned the string '0.625'"),
        ("d**2", "returned an array of shape (2,)"),
        ("float('nan')", "got nan (not a number)"),
        ("[0.625]", "returned a list of length 1"),
        ("complex(0.625, 1)", "returned the complex number"),
        ("True", "returned the boolean True"),
        ("float('inf')", "(infinity)"),
        ("(0.625, d)", "returned a tuple of length 2, not one number: `return a, b` returns both values as a tuple"),
        (f"-{CORRECT}", "got -0.625. Your result is negative, but the expected value is not"),
        (f"int({CORRECT})", "got 0. Your function returned a whole number: was the result rounded"),
    ],
)
def test_wrong_return_values_fail_with_an_explanation(suite, returned, explanation):
    first = harness.grade(solution(returned), suite)["tests"][0]
    assert first["status"] == "failed"
    assert explanation in first["message"]


@pytest.mark.parametrize("returned", ["np.float32(0.625)", "np.array(0.625)", "0.625 + 1e-12", "np.float64(0.625)"])
def test_equivalent_numbers_pass(returned):
    assert describe_mismatch(0.625, eval(returned), TOLERANCE) is None


def test_float_rounding_passes_but_a_small_factor_fails():
    assert describe_mismatch(0.625, 0.1 + 0.2 + 0.325 - 1e-16, TOLERANCE) is None
    assert describe_mismatch(0.625, 0.625 * 1.001, TOLERANCE) is not None
    assert describe_mismatch(0.0, 1e-12, TOLERANCE) is None


def test_integer_results_are_accepted(suite):
    results = harness.grade("def contrastive_loss(x1, x2, label, margin=1.0):\n    return 0\n", suite)
    assert statuses(results)[1:3] == ["passed", "passed"]


def test_inputs_mutated_by_the_learner_are_fresh_again_on_every_run(suite):
    mutating = solution(CORRECT).replace(
        "    return ", "    x1[:] = 0\n    x2[:] = 99\n    label[:] = 7\n    return "
    )
    first_run = harness.grade(mutating, suite)
    second_run = harness.grade(mutating, suite)
    assert statuses(first_run) == statuses(second_run) == ["passed"] * 4
    assert suite.cases[0].args["label"].tolist() == [1, 0]


def test_printed_output_is_captured_per_test_and_capped(suite):
    code = solution(CORRECT).replace("    d = ", "    print('pairs:', len(label))\n    print('x' * 100_000)\n    d = ")
    results = harness.grade(code, suite)
    first = results["tests"][0]
    assert first["status"] == "passed"
    assert first["output"].startswith("pairs: 2\n")
    assert len(first["output"]) < OUTPUT_LIMIT_CHARS + 200
    assert "more characters were printed" in first["output"]
    assert results["tests"][1]["output"].startswith("pairs: 3\n")


def test_exit_and_keyboard_interrupt_become_errors(suite):
    for statement in ("import sys; sys.exit()", "raise SystemExit(3)", "raise KeyboardInterrupt"):
        code = f"def contrastive_loss(x1, x2, label, margin=1.0):\n    {statement}\n"
        assert statuses(harness.grade(code, suite)) == ["error"] * 4, statement


def test_streaming_callbacks_see_every_test_in_order(suite):
    events = []
    harness.grade(
        solution(CORRECT),
        suite,
        on_test_started=lambda index: events.append(("started", index)),
        on_test_finished=lambda index, result: events.append(("finished", index, result["status"])),
    )
    assert events == [event for index in range(4) for event in (("started", index), ("finished", index, "passed"))]


def test_results_are_plain_json(suite):
    results = harness.grade(solution("float('nan')"), suite)
    assert json.loads(json.dumps(results, allow_nan=False)) == results


def test_array_answers_are_compared_by_shape_and_value():
    expected = np.array([[1.0, 0.5], [0.5, 1.0]])
    assert describe_mismatch(expected, expected + 1e-12, TOLERANCE) is None
    assert "got shape (4,)" in describe_mismatch(expected, expected.ravel(), TOLERANCE)
    assert describe_mismatch(expected, [[1.0, 0.6], [0.5, 1.0]], TOLERANCE) == (
        "1 of 4 entries of the array of shape (2, 2) differ. The largest difference: at [0, 1] expected 0.5, got 0.6."
    )


def test_a_wrong_array_is_shown_by_its_largest_differences_with_their_indices():
    expected = np.zeros((3, 4))
    got = expected.copy()
    got[0, 0], got[1, 2], got[2, 3], got[2, 0] = 0.1, -5.0, 2.0, 0.5
    assert describe_mismatch(expected, got, TOLERANCE) == (
        "4 of 12 entries of the array of shape (3, 4) differ. The largest differences: "
        "at [1, 2] expected 0, got -5; at [2, 3] expected 0, got 2; at [2, 0] expected 0, got 0.5."
    )
    got[1, 1] = np.nan
    assert "contains nan (not a number) at [1, 1]" in describe_mismatch(expected, got, TOLERANCE)
    assert "returned None" in describe_mismatch(expected, None, TOLERANCE)


@pytest.mark.parametrize(
    "value, shown",
    [
        (10**100000, "an int with 100,001 digits"),
        (10**400, "an int with 401 digits"),
        ([1, 10**5000], "[1, an int with 5,001 digits]"),
        (np.arange(2_000_000, dtype=float), "array of shape (2000000,): [0.0, 1.0, 2.0, …, 1999997.0, 1999998.0, 1999999.0]"),
        (np.array([0.5, 0.25]), "array of shape (2,): [0.5, 0.25]"),
        ("x" * 50_000_000, "'" + "x" * 37 + "..." + "x" * 38 + "'"),
    ],
    ids=["huge int", "int beyond floats", "huge int in a list", "large array", "small array", "50 MB string"],
)
def test_any_value_is_shown_in_one_short_line(value, shown):
    assert show_value(value) == shown


def test_a_list_that_contains_itself_is_shown_three_levels_deep():
    losses = [0.625]
    losses.append(losses)
    assert show_value(losses) == "[0.625, [0.625, [0.625, [...]]]]"


@pytest.mark.parametrize("power, offset", [(0, -1), (0, 8), (1, 0), (2, -1), (4299, 0), (4300, -1), (100000, 0), (100000, -1), (50, 0)])
def test_int_digits_counts_without_writing_the_int(power, offset):
    number = 10**power + offset
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        assert int_digits(number) == int_digits(-number) == len(str(number))
    finally:
        sys.set_int_max_str_digits(limit)


def test_an_exception_message_is_cut_and_one_that_cannot_be_made_is_named():
    class Unspeakable(Exception):
        def __str__(self):
            raise ValueError

    assert show_exception(Unspeakable()) == "Unspeakable: (its message could not be shown: ValueError in its __str__)"
    assert show_exception(ValueError("x" * 50_000)).endswith("… (message cut: 50,000 characters in all)")
    assert len(show_exception(ValueError("x" * 50_000))) < 400
