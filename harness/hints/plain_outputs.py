"""The learner's return values as plain floats or float arrays, so hints can compare them
with each other and with the shipped outputs without running learner code again."""

import numbers

import numpy as np

from ..compare import describe_mismatch
from ..isolation import examine_returned


def plain(value):
    """`value` as a float or an array of floats, or None when it is neither a number nor an
    array of numbers (None, text, an object, NO_OUTPUT...)."""
    result, error = examine_returned(value, _plain, value)
    return None if error is not None else result


def _plain(value):
    if isinstance(value, (bool, np.bool_, str)):
        return None
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in "iuf":
            return None
        return float(value) if value.ndim == 0 else value.astype(float)
    if isinstance(value, numbers.Real):
        return float(value)
    if isinstance(value, (list, tuple)):
        try:
            return np.asarray(value, dtype=float) if np.asarray(value).dtype.kind in "biuf" else None  # None would become nan
        except (TypeError, ValueError):
            return None
    return None


def matches(expected, got, tolerance):
    """Whether `got` passes as `expected` (a shipped output), as a test would judge it."""
    if got is None:
        return False
    try:
        return describe_mismatch(expected, got, tolerance) is None
    except Exception:  # noqa: BLE001 - what cannot be compared matches nothing
        return False


def same(first, second, tolerance):
    """Whether two of the learner's outputs agree within `tolerance` (nan agrees with nan)."""
    if first is None or second is None:
        return False
    first, second = np.asarray(first, dtype=float), np.asarray(second, dtype=float)
    return first.shape == second.shape and bool(
        np.allclose(first, second, rtol=tolerance["rel"], atol=tolerance["abs"], equal_nan=True)
    )


def finite_alike(expected, got):
    """`expected` and plain `got` as float arrays, when they have one shape and `got` is finite
    throughout (what a hint can measure a gap or a ratio between); else None."""
    if got is None:
        return None
    expected, got = np.asarray(expected, dtype=float), np.asarray(got, dtype=float)
    if expected.shape != got.shape or not np.all(np.isfinite(got)):
        return None
    return expected, got


def is_finite(value):
    return value is not None and bool(np.all(np.isfinite(value)))

