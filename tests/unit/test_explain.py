"""Errors explained in the learner's own terms (harness.explain): each class of issue 16's
point 3, graded through the harness as a learner's code is, on the shipped contrastive-loss
suite (or a small suite of array results); and what explaining must never do: break a
verdict, run the learner's code again, or do unbounded work."""

import numpy as np
import pytest
from explained_submissions import SUBMISSIONS
from problem_folders import CONTRASTIVE, shipped_suite

import harness
from harness import Case, Suite, explain

# The reference example has integer inputs; "Identical similar pair" has three pairs of
# four numbers and leaves `margin` at its default.
REFERENCE_EXAMPLE, THREE_PAIRS = 0, 1
FOUR_ARGUMENTS = 3  # the coincident pair's test passes margin too


@pytest.fixture(scope="module")
def suite():
    return shipped_suite(CONTRASTIVE)


def result_of(suite, code, index):
    """The result of one test of the suite on `code`."""
    return harness.grade(code, suite)["tests"][index]


def explained(suite, submission, index):
    """The explanation and the raw message of one test on a named submission."""
    return explanation_and_raw(result_of(suite, SUBMISSIONS[submission], index)["message"])


def explanation_and_raw(message):
    """The explanation, and the raw message below it (which must still be there)."""
    explanation, separator, raw = message.partition("\n\n")
    assert separator, f"no explanation above the raw message:\n{message}"
    return explanation, raw


# Broadcasting.


def test_broadcasting_names_the_expression_and_its_operands_shapes(suite):
    result = result_of(suite, SUBMISSIONS["broadcasting"], THREE_PAIRS)
    explanation, raw = explanation_and_raw(result["message"])
    assert explanation.startswith("Line 6, `label[:, None] * d ** 2 * x1`: ")
    assert "`label[:, None] * d ** 2` has shape (3, 3) and `x1` has shape (3, 4)" in explanation
    assert "the last axes have lengths 3 and 4" in explanation
    # Where the unexpected (3, 3) came from.
    assert "`label[:, None] * d ** 2` is (3, 3) because broadcasting `label[:, None]` (3, 1) with `d ** 2` (3,) pairs every entry" in explanation
    assert "Other arrays on this line: `label` (3,), `d` (3,)." in explanation
    assert raw.startswith("ValueError: operands could not be broadcast together with shapes (3,3) (3,4)")
    assert "line 6, in contrastive_loss" in raw
    assert result["line"] == 6


def test_broadcasting_a_per_row_value_suggests_a_column_axis(suite):
    result = result_of(suite, SUBMISSIONS["per-row value"], THREE_PAIRS)
    explanation, _ = explanation_and_raw(result["message"])
    assert "`label` has shape (3,) and `(x1 - x2) ** 2` has shape (3, 4)" in explanation
    assert "give it a column axis: `label[:, None]` has shape (3, 1)" in explanation


def test_broadcasting_in_a_numpy_function_call_names_its_arguments(suite):
    explanation, _ = explained(suite, "broadcasting in np.add", THREE_PAIRS)
    assert "`np.add(d[:, None], x1.T)`: `d[:, None]` has shape (3, 1) and `x1.T` has shape (4, 3)" in explanation


def test_an_in_place_operation_that_would_grow_its_array_is_explained(suite):
    explanation, _ = explained(suite, "in-place growth", THREE_PAIRS)
    assert explanation == (
        "Line 6, `d += x1` would make an array of shape (3, 4), which does not fit in `d`, of shape (3, 1): "
        "an in-place operation cannot change an array's shape. Use `d + x1`, which makes a new array."
    )


def test_an_operand_that_calls_the_learners_code_is_named_with_numpys_shape(suite):
    # The helper is the learner's code, never run again: its shape comes from numpy's message.
    explanation, _ = explained(suite, "operand from a helper", THREE_PAIRS)
    assert "`per_pair(x1, x2)` has shape (3,) and `x1` has shape (3, 4)" in explanation


def test_an_operand_over_the_evaluation_budget_is_named_with_numpys_shape(suite):
    explanation, _ = explained(suite, "operand over the budget", THREE_PAIRS)
    assert "`big[:, None] * big` has shape (400, 400) and `x1` has shape (3, 4)" in explanation


# Casting in an in-place operation.


def test_in_place_subtraction_on_integer_inputs_says_to_make_a_new_array(suite):
    result = result_of(suite, SUBMISSIONS["in-place cast"], REFERENCE_EXAMPLE)
    explanation, raw = explanation_and_raw(result["message"])
    assert explanation == (
        "`x1` holds integers (int64); `x1 -= x2` would store floats (float64) in it, and an in-place operation "
        "keeps an array's dtype. Use `x1 - x2`, which makes a new array (and leaves the `x1` your function was given unchanged)."
    )
    assert raw.startswith("UFuncTypeError: Cannot cast ufunc 'subtract' output from dtype('float64') to dtype('int64')")


def test_in_place_update_of_an_integer_array_says_to_create_it_with_floats(suite):
    explanation, _ = explained(suite, "in-place cast of an element", REFERENCE_EXAMPLE)
    assert explanation.startswith("`diff` holds integers (int64); `diff[0] -= x2[0]` would store floats (float64) in it")
    assert "Create `diff` as an array of floats instead, e.g. with `dtype=float`." in explanation


# Axes.


@pytest.mark.parametrize("submission, call", [("axis of np.sum", "np.sum(d, axis=1)"), ("axis of a method", "d.sum(axis=1)")])
def test_axis_out_of_range_names_the_array_and_its_axes(suite, submission, call):
    explanation, raw = explained(suite, submission, THREE_PAIRS)
    assert explanation.startswith(f"Line 6, `{call}`: `d` has 1 axis (shape (3,)), so its only axis is 0 (or -1); there is no axis 1.")
    assert raw.startswith("AxisError: axis 1 is out of bounds for array of dimension 1")


def test_axis_out_of_range_of_a_two_dimensional_expression(suite):
    explanation, _ = explained(suite, "axis of an expression", THREE_PAIRS)
    assert "`x1 - x2` has 2 axes (shape (3, 4)), so its axes are 0 and 1 (or -2 and -1 counting from the end); there is no axis 2." in explanation


# Arrays where one number, or one True/False, is needed.


def test_pythons_max_on_an_array_suggests_np_maximum(suite):
    explanation, _ = explained(suite, "python max", REFERENCE_EXAMPLE)
    assert explanation.startswith("Line 6, Python's `max(0, margin - d)` compares whole arrays")
    assert "`np.maximum(0, margin - d)` compares entry by entry." in explanation


def test_an_array_as_an_if_condition_is_explained(suite):
    explanation, _ = explained(suite, "array as condition", REFERENCE_EXAMPLE)
    assert explanation.startswith("Line 6, `label == 1` is an array of shape (2,), one True/False per entry, but `if` needs a single True or False.")
    assert "`np.where(label == 1, a, b)`" in explanation


def test_math_on_an_array_suggests_numpys_function(suite):
    explanation, _ = explained(suite, "math on an array", THREE_PAIRS)
    assert "needs a single number, but `np.sum((x1 - x2) ** 2, axis=1)` is an array of shape (3,)" in explanation
    assert "`np.sqrt` works on whole arrays" in explanation


def test_subtracting_booleans_says_to_make_them_numbers(suite):
    explanation, _ = explained(suite, "boolean subtraction", REFERENCE_EXAMPLE)
    assert explanation == (
        "Line 5, `(label == 1) - (label == 0)`: `label == 1` holds booleans (True/False), and numpy does not subtract "
        "booleans. Turn them into numbers first, e.g. `(label == 1).astype(float)` (True becomes 1.0, False 0.0)."
    )


def test_too_many_indices_names_the_array_and_its_axes(suite):
    explanation, _ = explained(suite, "too many indices", THREE_PAIRS)
    assert explanation.startswith("Line 5, `label[:, 0]` uses 2 indices, but `label` has 1 axis (shape (3,)).")


def test_a_matrix_product_of_mismatched_shapes_is_explained(suite):
    explanation, _ = explained(suite, "matrix product", THREE_PAIRS)
    assert explanation.startswith(
        "Line 5, `x1 @ x2` is a matrix product: `x1` has shape (3, 4) and `x2` has shape (3, 4), but it needs the last "
        "length of `x1` (4) to equal the second-to-last length of `x2` (3)."
    )
    assert "`np.sum(x1 * x2, axis=1)`" in explanation and "`x1 @ x2.T`" in explanation


# Calls that do not fit.


def test_a_function_with_too_few_parameters_is_told_how_the_tests_call_it(suite):
    results = harness.grade(SUBMISSIONS["too few parameters"], suite)
    first, three_arguments = results["tests"][FOUR_ARGUMENTS], results["tests"][THREE_PAIRS]
    explanation, raw = explanation_and_raw(first["message"])
    assert explanation == (
        "The tests call your function with 4 arguments, in this order: `contrastive_loss(x1, x2, label, margin)`. "
        "Your `def contrastive_loss(x1, x2)` (line 4) takes 2: give it the parameters of the signature shown under the title."
    )
    assert raw == "TypeError: contrastive_loss() takes 2 positional arguments but 4 were given"
    assert first["line"] == 4  # the def line: no line of the function ran
    assert "This test leaves `margin` at its default: `contrastive_loss(x1, x2, label)`." in three_arguments["message"]


def test_a_parameter_without_the_default_a_test_relies_on_is_named(suite):
    explanation, _ = explained(suite, "no default margin", THREE_PAIRS)
    assert explanation.endswith(
        "Your `def contrastive_loss(x1, x2, label, margin)` (line 1) has no default value for `margin`: "
        "give it the default the statement's signature shows."
    )


def test_a_parameter_the_tests_never_pass_points_at_the_signature(suite):
    explanation, _ = explained(suite, "parameter the tests never pass", THREE_PAIRS)
    assert explanation.endswith(
        "Your `def contrastive_loss(x1, x2, label, eps, margin=1.0)` (line 1) has no default value for `eps`: "
        "give it the parameters of the signature shown under the title."
    )


def test_a_keyword_only_parameter_shows_in_the_definition(suite):
    explanation, _ = explained(suite, "keyword-only margin", FOUR_ARGUMENTS)
    assert "Your `def contrastive_loss(x1, x2, label, *, margin=1.0)` (line 1) takes 3" in explanation


def test_a_call_to_the_learners_own_function_with_the_wrong_arguments(suite):
    explanation, _ = explained(suite, "own call", REFERENCE_EXAMPLE)
    assert explanation == "Line 6, `helper(x1, x2, label)` passes 3 arguments, but `def helper(a, b)` (line 1) takes 2."


def test_input_in_the_function_says_the_tests_pass_arguments(suite):
    result = result_of(suite, SUBMISSIONS["input in the function"], REFERENCE_EXAMPLE)
    explanation, raw = explanation_and_raw(result["message"])
    assert explanation == (
        "Line 5: `input()` waits for someone to type, but nobody can type here: the tests pass the values to your "
        "function as its arguments, as in `contrastive_loss(x1, x2, label, margin)`. Use the parameters instead of `input()`."
    )
    assert raw.startswith("EOFError: EOF when reading a line")
    assert result["output"] == "margin? "


def test_input_at_the_top_of_the_file_stops_the_load_with_an_explanation(suite):
    results = harness.grade(SUBMISSIONS["input at the top"], suite)
    assert results["status"] == "error" and results["line"] == 1
    assert results["message"].startswith("Line 1: `input()` waits for someone to type, but nobody can type here")


# Return values that are not what the tests expect.


# The tests never await what the function returns, so Python warns when it is discarded.
@pytest.mark.filterwarnings("ignore:coroutine 'contrastive_loss' was never awaited")
def test_async_def_returns_a_coroutine_which_is_explained(suite):
    result = result_of(suite, SUBMISSIONS["async def"], FOUR_ARGUMENTS)
    assert result["status"] == "failed"
    explanation, raw = explanation_and_raw(result["message"])
    assert explanation == (
        "Your function is defined with `async def`, so calling it gives a coroutine and does not run its body. "
        "The tests call `contrastive_loss(x1, x2, label, margin)` and expect a number: define it with plain `def` "
        "(nothing here needs `await`)."
    )
    assert raw == "Expected the number 2.25, but your function returned a value of type coroutine."


def test_a_generator_function_is_explained(suite):
    result = result_of(suite, SUBMISSIONS["generator"], REFERENCE_EXAMPLE)
    explanation, _ = explanation_and_raw(result["message"])
    assert explanation.startswith("Your function contains `yield`, so calling it gives a generator and does not run its body.")


def test_a_generator_expression_returned_is_explained(suite):
    """Its body did run: the explanation must not blame `yield`."""
    result = result_of(suite, SUBMISSIONS["generator expression"], REFERENCE_EXAMPLE)
    explanation, _ = explanation_and_raw(result["message"])
    assert explanation.startswith("Your function returns a generator expression, `(... for ...)`, which computes nothing")
    assert "`sum(...)`" in explanation and "yield" not in explanation


def test_printing_the_answer_instead_of_returning_it_is_explained(suite):
    result = result_of(suite, SUBMISSIONS["print the answer"], REFERENCE_EXAMPLE)
    explanation, raw = explanation_and_raw(result["message"])
    assert explanation.startswith("Your function printed `loss: 0.625`, the expected answer, but returned None")
    assert "Return the value instead of printing it" in explanation
    assert raw.startswith("Expected the number 0.625, but your function returned None.")


def test_printing_a_wrong_value_is_not_called_the_answer(suite):
    explanation, _ = explained(suite, "print a wrong value", REFERENCE_EXAMPLE)
    assert explanation.startswith("Your function printed `1.5` but returned None")


def test_returning_none_without_printing_keeps_the_plain_message(suite):
    assert result_of(suite, SUBMISSIONS["return nothing"], REFERENCE_EXAMPLE)["message"] == (
        "Expected the number 0.625, but your function returned None. Did you forget a `return` statement?"
    )


def per_pair_suite(expected):
    """A suite whose one test expects an array: the per-pair squared distances."""
    x1 = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 0.5]])
    return Suite("per_pair", [Case("Per-pair squared distances", dict(x1=x1, x2=np.zeros((3, 2))), expected)])


def per_pair_result(returned_expression, expected=np.array([0.0, 2.0, 4.25])):
    code = f"import numpy as np\n\n\ndef per_pair(x1, x2):\n    d = np.sum((x1 - x2) ** 2, axis=1)\n    return {returned_expression}\n"
    return harness.grade(code, per_pair_suite(expected))["tests"][0]


def test_a_returned_array_of_another_shape_names_the_first_mismatching_axis():
    explanation, raw = explanation_and_raw(per_pair_result("np.stack([d, d])", np.zeros((3, 2)))["message"])
    assert explanation == "Axis 0 of your array has length 2 where 3 is expected. It looks transposed: `.T` swaps its axes."
    assert raw == "Expected an array of shape (3, 2), got shape (2, 3)."


def test_a_square_array_where_a_vector_is_expected_points_at_broadcasting():
    explanation, _ = explanation_and_raw(per_pair_result("d[:, None] * d")["message"])
    assert explanation.startswith("Your array has 2 axes where 1 axis is expected. A (3, 3) array where (3,) is expected usually comes from combining")


def test_an_extra_axis_of_length_one_is_explained():
    explanation, _ = explanation_and_raw(per_pair_result("d[:, None]")["message"])
    assert "The extra axis has length 1" in explanation and "`np.squeeze`" in explanation


def test_an_integer_array_where_fractions_are_expected_is_explained():
    explanation, raw = explanation_and_raw(per_pair_result("d.astype(int)")["message"])
    assert explanation.startswith("Your array holds integers (int64), so every fraction stored in it was cut off.")
    assert "pass `dtype=float`" in explanation
    assert raw.startswith("1 of 3 entries of the array of shape (3,) differ.")


# What explaining must never do.


def test_an_error_no_explainer_knows_keeps_its_plain_message(suite):
    message = result_of(suite, SUBMISSIONS["unexplained error"], REFERENCE_EXAMPLE)["message"]
    assert message.startswith("NameError: name 'distnce' is not defined\nTraceback")


def test_the_learners_own_raise_of_a_numpy_like_message_is_not_explained(suite):
    message = result_of(suite, SUBMISSIONS["own raise like numpy's"], REFERENCE_EXAMPLE)["message"]
    assert message.startswith("ValueError: operands could not be broadcast together with shapes (1,) (2,)\nTraceback")


def test_an_exception_whose_message_fails_still_gets_a_verdict(suite):
    result = result_of(suite, SUBMISSIONS["exception without a readable message"], REFERENCE_EXAMPLE)
    assert result["status"] == "error"
    assert result["message"].startswith("Broken: (its message could not be shown: RuntimeError in its __str__)")


def test_an_explainer_that_fails_leaves_the_raw_message(suite, monkeypatch):
    def broken(failure, match):
        raise RuntimeError("explainer bug")

    monkeypatch.setattr(explain, "ERROR_EXPLAINERS", [explain.ErrorExplainer(ValueError, "operands", broken)])
    result = result_of(suite, SUBMISSIONS["per-row value"], THREE_PAIRS)
    assert result["status"] == "error"
    assert result["message"].startswith("ValueError: operands could not be broadcast together")


@pytest.mark.parametrize(
    "submission, operand, printed",
    [("learner's operator", "`Loud() * label` has shape (3, 3)", "multiplied\n"), ("learner's objects in an array", "`loud * label[:, None]` has shape (3, 3)", "multiplied\n" * 9)],
)
def test_explaining_never_runs_the_learners_code_again(suite, capsys, submission, operand, printed):
    # The learner's `*` prints (captured while the test runs): the explanation must not call
    # it a second time, so nothing reaches the real stdout, and the shape is numpy's.
    result = result_of(suite, SUBMISSIONS[submission], THREE_PAIRS)
    explanation, _ = explanation_and_raw(result["message"])
    assert f"{operand} and `x1` has shape (3, 4)" in explanation
    assert result["output"] == printed
    assert capsys.readouterr().out == ""
