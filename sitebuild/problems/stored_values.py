"""Which values a case can hold: its arguments travel to the page in tests.json (JSON, through
harness.cases.encode_value) and its promised value is compared with the reference's output."""

import math
import numbers

import numpy as np

SUPPORTED = (
    "numbers, True/False, None, strings, lists and dicts (string keys) of those, "
    "and numpy arrays of numbers or booleans"
)
ARRAY_KINDS = "biuf"  # numpy dtype kinds tests.json can hold: bool, int, unsigned, float
# encode_value writes an array as {"ndarray": ..., "dtype": ...}, so a dict with this key would come back as an array.
ARRAY_MARKER = "ndarray"


def unstorable(value):
    """None if tests.json can hold `value` so that the page gets it back as it is; otherwise
    what it is, e.g. "a fractions.Fraction"."""
    if isinstance(value, np.ndarray):
        return _unstorable_array(value)
    if isinstance(value, np.generic):  # a numpy scalar is stored as the Python number it holds
        value = value.item()
    return _unstorable_plain(value)


def promise_problem(value):
    """None if `value` can be a case's promised value (`expected=`); otherwise what it is."""
    if isinstance(value, np.ndarray):  # NaN entries are allowed: a learner must give NaN there
        return None if value.dtype.kind in "iuf" else f"a numpy array of dtype {value.dtype}"
    if isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_)):
        try:
            finite = math.isfinite(value)
        except OverflowError:
            return "an integer too large to be a float"
        return None if finite else f"{value!r}, not a finite number"
    return f"{_kind_of(value)}, not a number or a numpy array of numbers"


def _unstorable_array(array):
    if array.dtype.kind not in ARRAY_KINDS:
        return f"a numpy array of dtype {array.dtype}"
    if array.dtype.kind == "f" and not np.isfinite(array).all():
        return "a numpy array holding NaN or infinity (JSON has neither)"
    if array.size == 0 and array.ndim > 1:
        return f"an empty array of shape {array.shape} (stored as [], it would come back with shape (0,))"
    return None


def _unstorable_plain(value):
    if value is None or isinstance(value, (bool, int, str)):
        return None
    if isinstance(value, float):
        return None if math.isfinite(value) else f"the number {value!r} (JSON has no NaN or infinity)"
    if isinstance(value, list):
        return next((f"a list holding {reason}" for reason in map(_unstorable_plain, value) if reason), None)
    if isinstance(value, dict):
        if not all(isinstance(key, str) for key in value):
            return "a dict with keys that are not strings"
        if ARRAY_MARKER in value:
            return f"a dict with the key {ARRAY_MARKER!r}, which tests.json uses to mark arrays"
        return next((f"a dict holding {reason}" for reason in map(_unstorable_plain, value.values()) if reason), None)
    if isinstance(value, tuple):
        return "a tuple (tests.json would give the learner a list)"
    if isinstance(value, (np.ndarray, np.generic)):
        return "a numpy value (make the whole argument one numpy array, or use plain numbers)"
    return _kind_of(value)


def short_repr(value, limit=80):
    """repr(value), cut to `limit` characters; never raises (a huge int's repr does)."""
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - instructor values may have a broken or refused repr
        return _kind_of(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _kind_of(value):
    kind = type(value)
    module = "" if kind.__module__ == "builtins" else f"{kind.__module__}."
    return f"a {module}{kind.__qualname__}"
