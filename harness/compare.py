"""Compares a learner's return value with the expected one and explains any difference."""

import math
import numbers

import numpy as np

from .display import show_int_size, show_number

WORST_SHOWN = 3  # entries named when an array differs


def describe_mismatch(expected, got, tolerance):
    """None when `got` is acceptably close to `expected`; otherwise a sentence for the learner."""
    if isinstance(expected, np.ndarray):
        return _array_mismatch(expected, got, tolerance)
    return _number_mismatch(expected, got, tolerance)


def _number_mismatch(expected, got, tolerance):
    problem = _not_a_real_number(got)
    if problem:
        return f"Expected the number {show_number(expected)}, but {problem}"
    try:
        number = float(got)
    except OverflowError:
        size = show_int_size(got) if isinstance(got, int) else "a number"
        return f"Expected {show_number(expected)}, but your function returned {size}, too large to be a float."
    if math.isnan(number):
        return (
            f"Expected {show_number(expected)}, got nan (not a number). This usually comes from 0/0, "
            "the square root of a negative number, or an operation on an empty array."
        )
    if math.isinf(number):
        return f"Expected {show_number(expected)}, got {number} (infinity). Look for a division by zero or an overflow."
    if not math.isclose(number, expected, rel_tol=tolerance["rel"], abs_tol=tolerance["abs"]):
        return f"Expected {show_number(expected)}, got {show_number(number)}.{_wrong_number_hint(expected, got)}"
    return None


def _wrong_number_hint(expected, got):
    """A clue to a wrong number's likely cause (starting with a space), or an empty string."""
    if got < 0 <= expected:
        return " Your result is negative, but the expected value is not: check the signs in your formula."
    if isinstance(got, numbers.Integral) and not float(expected).is_integer():
        return " Your function returned a whole number: was the result rounded, or computed with integer division (//)?"
    return ""


def _not_a_real_number(got):
    """Why `got` cannot be read as one real number (a clause ending in a full stop), or None if it can."""
    if got is None:
        return "your function returned None. Did you forget a `return` statement?"
    if isinstance(got, (bool, np.bool_)):
        return f"your function returned the boolean {got}."
    if isinstance(got, np.ndarray):
        if got.ndim == 0:
            return _not_a_real_number(got[()])
        return (
            f"your function returned an array of shape {got.shape}{_dtype_problem(got, ', and its ')}. "
            "Did you forget to reduce it to one number (for example with np.mean)?"
        )
    if isinstance(got, (complex, np.complexfloating)):
        return f"your function returned the complex number {got}. Is a square root taken of a negative value?"
    if isinstance(got, numbers.Real):
        return None
    if isinstance(got, str):
        return f"your function returned the string {_short_repr(got)}. Return the number itself, not text."
    if isinstance(got, tuple):
        return (
            f"your function returned a tuple of length {len(got)}, not one number: "
            "`return a, b` returns both values as a tuple. Return only the result."
        )
    if isinstance(got, list):
        return (
            f"your function returned a list of length {len(got)}, not one number. "
            "Did you forget to reduce it to one number (for example with np.mean)?"
        )
    return f"your function returned a value of type {type(got).__name__}."


def _array_mismatch(expected, got, tolerance):
    if got is None:
        return f"Expected an array of shape {expected.shape}, but your function returned None. Did you forget a `return` statement?"
    if not isinstance(got, (np.ndarray, list, tuple)):
        return f"Expected an array of shape {expected.shape}, but your function returned a {type(got).__name__}."
    if isinstance(got, np.ndarray) and _dtype_problem(got):
        problem = _dtype_problem(got, "your array's ")
        return f"Expected an array of numbers of shape {expected.shape}, but {problem}."
    try:
        got = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return f"Expected an array of numbers of shape {expected.shape}, but the result could not be read as numbers."
    if got.shape != expected.shape:
        return f"Expected an array of shape {expected.shape}, got shape {got.shape}."
    if np.isnan(got).any() and not np.isnan(expected).any():
        where = np.argwhere(np.isnan(got))
        listed = ", ".join(str([int(i) for i in index]) for index in where[:WORST_SHOWN])
        more = f" and {len(where) - WORST_SHOWN} more" if len(where) > WORST_SHOWN else ""
        return (
            f"Your array contains nan (not a number) at {listed}{more}. "
            "This usually comes from 0/0 (a distance of zero?) or a square root of a negative number."
        )
    close = np.isclose(got, expected, rtol=tolerance["rel"], atol=tolerance["abs"], equal_nan=True)
    if close.all():
        return None
    differing = np.argwhere(~close)
    # The largest differences first (nan counts as the largest), at most WORST_SHOWN of them.
    gaps = np.nan_to_num(np.abs(got - expected)[~close], nan=np.inf)
    worst = [tuple(int(i) for i in differing[k]) for k in np.argsort(-gaps, kind="stable")[:WORST_SHOWN]]
    listed = "; ".join(f"at {list(index)} expected {show_number(expected[index])}, got {show_number(got[index])}" for index in worst)
    largest = "The largest difference" if len(worst) == 1 else "The largest differences"
    return f"{len(differing)} of {close.size} entries of the array of shape {expected.shape} differ. {largest}: {listed}."


def _dtype_problem(array, lead=""):
    """`lead` + why the array's dtype means it holds no plain numbers, or "" if it does."""
    if array.dtype.kind == "b":
        return f"{lead}dtype is bool: it holds True/False values, not numbers (did a comparison end up in the result?)"
    if array.dtype.kind in "USO":
        return f"{lead}dtype is {array.dtype}: it holds text or Python objects, not numbers"
    return ""


def _short_repr(text, limit=60):
    shown = repr(text[: limit + 1])  # a slice: the text may be megabytes long
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"
