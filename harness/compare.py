"""Compares a learner's return value with the expected one and explains any difference.

Values of any structure (harness.values) are compared part by part: numbers within the
problem's tolerance (nan where the reference has nan, infinity of the same sign), booleans,
None and strings exactly, lists, tuples and dicts item by item, arrays entry by entry, and an
object of the exercise's own class by what it shows. A list and a numpy array holding the same
numbers count as equal unless the problem says otherwise (tests.py's LISTS_EQUAL_ARRAYS); a
list and a tuple never do. A difference is told at the part where it is, in the learner's
terms: "Item 1 of the returned tuple: expected 0.5, got 0.25."

What the learner returned is read through the base types' own methods (dict.items(got), not
got.items()), so a subclass that lies about its contents is judged by what it holds.
"""

import math
import numbers
import types

import numpy as np

from .display import show_int_size, show_number, show_value
from .values import Shown, shown_text

WORST_SHOWN = 3  # entries named when an array differs
KEYS_LISTED = 5


def describe_mismatch(expected, got, tolerance, lists_equal_arrays=True):
    """None when `got` is acceptably close to `expected`; otherwise a sentence for the learner."""
    return _difference(expected, got, tolerance, lists_equal_arrays, ())


def _difference(expected, got, tolerance, lists_equal_arrays, path):
    if isinstance(expected, np.ndarray):
        if expected.dtype == bool:
            return _at(path, _boolean_array_mismatch(expected, got, _returned(path)))
        if not lists_equal_arrays and isinstance(got, (list, tuple)):
            return _at(path, f"Expected a numpy array of shape {expected.shape}, but {_returned(path)} {_kind(got)}: wrap it in np.array(...).")
        if got is None or not isinstance(got, (np.ndarray, list, tuple)):
            return _at(path, f"Expected an array of shape {expected.shape}, but {_returned(path)} {_kind(got)}.{_missing_return(got, path)}")
        return _at(path, _array_mismatch(expected, got, tolerance))
    if isinstance(expected, (bool, np.bool_)) or expected is None or isinstance(expected, str):
        return _exact_mismatch(expected, got, path)
    if isinstance(expected, numbers.Real):
        if path:
            return _nested_number_mismatch(expected, got, tolerance, path)
        return _number_mismatch(expected, got, tolerance)
    if isinstance(expected, Shown):
        return _shown_mismatch(expected, got, path)
    if isinstance(expected, (list, tuple)):
        return _sequence_mismatch(expected, got, tolerance, lists_equal_arrays, path)
    if isinstance(expected, dict):
        return _dict_mismatch(expected, got, tolerance, lists_equal_arrays, path)
    raise TypeError(f"no comparison for an expected value of type {type(expected).__name__}")


def _at(path, message):
    """`message` told at the part `path` names (none: the whole returned value)."""
    if message is None or not path:
        return message
    return f"{_place(path)}: {message[0].lower()}{message[1:]}"


def _place(path):
    """"Item 1 of the returned tuple", "Key 'recall' of the returned dict", or for a deeper
    part the expression that reaches it: "`result[1]['w']` (in the returned tuple)"."""
    (container, first), rest = path[0], path[1:]
    step = f"key {first!r}" if container == "dict" else f"row {first}" if container == "list of lists" else f"item {first}"
    if not rest:
        return f"{step[0].upper()}{step[1:]} of the returned {container}"
    indexing = "".join(f"[{index!r}]" for _, index in path)
    return f"`result{indexing}` (in the returned {container})"


def _returned(path):
    return "your function returned" if not path else "it is"


def _missing_return(got, path):
    return " Did you forget a `return` statement?" if got is None and not path else ""


def _kind(value):
    """What a value is, in a few words: "a list of 3 items", "a numpy array of shape (2,)"."""
    if isinstance(value, np.ndarray):
        return f"a numpy array of shape {value.shape}"
    if isinstance(value, tuple):
        return f"a tuple of {tuple.__len__(value)} items"
    if isinstance(value, list):
        return f"a list of {list.__len__(value)} items"
    if isinstance(value, dict):
        return f"a dict of {dict.__len__(value)} keys"
    if isinstance(value, types.GeneratorType):
        return "a generator (from `yield`, or a generator expression in parentheses), not its items: wrap it in list(...)"
    if value is None:
        return "None"
    if isinstance(value, (bool, np.bool_)):
        return f"the boolean {bool(value)}"
    if isinstance(value, str):
        return f"the string {_short_repr(value)}"
    if isinstance(value, numbers.Real):
        return f"the number {show_value(value)}"
    return f"a value of type {type(value).__name__}"


def _exact_mismatch(expected, got, path):
    if isinstance(expected, (bool, np.bool_)):
        if isinstance(got, (bool, np.bool_)) or (isinstance(got, np.ndarray) and got.shape == () and got.dtype == bool):
            return None if bool(got) == bool(expected) else _at(path, f"Expected {bool(expected)}, got {bool(got)}.")
        return _at(path, f"Expected the boolean {bool(expected)}, but {_returned(path)} {_kind(got)}.")
    if expected is None:
        return None if got is None else _at(path, f"Expected None, but {_returned(path)} {_kind(got)}.")
    if isinstance(got, str):
        return None if str.__eq__(got, expected) else _at(path, f"Expected the string {_short_repr(expected)}, got {_short_repr(got)}.")
    return _at(path, f"Expected the string {_short_repr(expected)}, but {_returned(path)} {_kind(got)}.")


def _nested_number_mismatch(expected, got, tolerance, path):
    if isinstance(got, np.ndarray) and got.shape == ():
        got = got[()]
    if isinstance(got, (bool, np.bool_)) or not isinstance(got, numbers.Real):
        return _at(path, f"Expected the number {show_number(expected)}, but it is {_kind(got)}.")
    try:
        number = float(got)
    except OverflowError:
        return _at(path, f"Expected {show_number(expected)}, got {show_int_size(got)}, too large to be a float.")
    if _same_number(expected, number, tolerance):
        return None
    return _at(path, f"Expected {show_number(expected)}, got {show_number(number)}.")


def _same_number(expected, number, tolerance):
    expected = float(expected)
    if math.isnan(expected) or math.isinf(expected):
        return (math.isnan(expected) and math.isnan(number)) or expected == number
    return math.isclose(number, expected, rel_tol=tolerance["rel"], abs_tol=tolerance["abs"])


def _shown_mismatch(expected, got, path):
    # Two shipped results (a known mistake's and the reference's) are both Shown already; a
    # learner's object shows itself with its own __repr__, read isolated as every returned value.
    shown = got.text if isinstance(got, Shown) else shown_text(got)
    if not isinstance(shown, str) or not str.__eq__(shown, expected.text):
        return _at(path, f"Expected an object shown as {_short_repr(expected.text)}, but {_returned(path)} one shown as {_short_repr(str(shown))}.")
    return None


def _sequence_mismatch(expected, got, tolerance, lists_equal_arrays, path):
    container = "tuple" if isinstance(expected, tuple) else "list of lists" if expected and all(isinstance(item, list) for item in expected) else "list"
    wanted = f"a {'tuple' if isinstance(expected, tuple) else 'list'} of {len(expected)} items"
    if isinstance(got, np.ndarray) and isinstance(expected, list) and lists_equal_arrays:
        return _list_as_array_mismatch(expected, got, tolerance, path)
    if isinstance(expected, tuple) and not isinstance(got, tuple) or isinstance(expected, list) and not isinstance(got, list):
        because = " (`return a, b` returns a tuple; `[a, b]` is a list)" if isinstance(got, (list, tuple)) else ""
        return _at(path, f"Expected {wanted}, but {_returned(path)} {_kind(got)}{because}.")
    items = list(tuple.__iter__(got) if isinstance(got, tuple) else list.__iter__(got))
    if len(items) != len(expected):
        return _at(path, f"Expected {wanted}, but {_returned(path)} {_kind(got)}.")
    for index, (wanted_item, got_item) in enumerate(zip(expected, items)):
        difference = _difference(wanted_item, got_item, tolerance, lists_equal_arrays, path + ((container, index),))
        if difference:
            return difference
    return None


def _list_as_array_mismatch(expected, got, tolerance, path):
    """A list expected, an array returned: equal if it holds the same numbers (LISTS_EQUAL_ARRAYS)."""
    try:
        wanted = np.array(expected, dtype=float)
    except (TypeError, ValueError):
        return _at(path, f"Expected a list of {len(expected)} items, but {_returned(path)} {_kind(got)}.")
    return _at(path, _array_mismatch(wanted, got, tolerance))


def _dict_mismatch(expected, got, tolerance, lists_equal_arrays, path):
    if not isinstance(got, dict):
        return _at(path, f"Expected a dict with the keys {_keys(expected)}, but {_returned(path)} {_kind(got)}.")
    held = dict(dict.items(got))
    missing = [key for key in expected if key not in held]
    if missing:
        where = "the returned dict" if not path else f"the dict at {_place(path)}"
        has = f" (it has {_keys(held)})" if held else " (it is empty)"
        return f"Key {missing[0]!r} is missing from {where}{has}."
    extra = [key for key in held if key not in expected]
    if extra:
        where = "The returned dict" if not path else f"The dict at {_place(path)}"
        return f"{where} has the key {extra[0]!r}, which is not expected (expected keys: {_keys(expected)})."
    for key, wanted in expected.items():
        difference = _difference(wanted, held[key], tolerance, lists_equal_arrays, path + (("dict", key),))
        if difference:
            return difference
    return None


def _keys(mapping):
    keys = [repr(key) for key in list(mapping)[:KEYS_LISTED]]
    return ", ".join(keys) + (f" and {len(mapping) - KEYS_LISTED} more" if len(mapping) > KEYS_LISTED else "")


def _number_mismatch(expected, got, tolerance):
    problem = _not_a_real_number(got)
    if problem:
        return f"Expected the number {show_number(expected)}, but {problem}"
    try:
        number = float(got)
    except OverflowError:
        size = show_int_size(got) if isinstance(got, int) else "a number"
        return f"Expected {show_number(expected)}, but your function returned {size}, too large to be a float."
    if not math.isfinite(expected):
        return None if _same_number(expected, number, tolerance) else f"Expected {show_number(expected)}, got {show_number(number)}."
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


def _boolean_array_mismatch(expected, got, returned):
    """True/False values are right or wrong, with no tolerance."""
    if isinstance(got, (list, tuple)):
        got = np.array(got, dtype=object)
    if not isinstance(got, np.ndarray) or got.shape != expected.shape or not all(isinstance(item, (bool, np.bool_)) for item in got.flat):
        return f"Expected an array of True/False values of shape {expected.shape}, but {returned} {_kind(got)}{'' if not isinstance(got, np.ndarray) else ' of dtype ' + str(got.dtype)}."
    differing = np.argwhere(got.astype(bool) != expected)
    if not len(differing):
        return None
    listed = "; ".join(f"at {[int(i) for i in index]} expected {bool(expected[tuple(index)])}" for index in differing[:WORST_SHOWN])
    return f"{len(differing)} of {expected.size} entries of the array of shape {expected.shape} differ: {listed}."


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
