"""Near misses: a result just outside the tolerance. The formula is right; something added a
small error: an epsilon for numerical stability, float32, or rounding."""

import numpy as np

from .plain_outputs import finite_alike, plain

# Closer than this (relative, or absolute near 0) is a near miss; farther is a wrong result.
NEAR_RELATIVE = 1e-3
NEAR_ABSOLUTE = 1e-6
ROUNDED_DECIMALS = range(0, 9)
# Returned types whose dtype can be read without running learner code.
DTYPED = (np.ndarray, np.float16, np.float32, np.float64)


def is_near(expected, got, tolerance):
    """Whether plain `got` misses plain `expected` by a little: outside the tolerance, within NEAR_*."""
    arrays = finite_alike(expected, got)
    if arrays is None:
        return False
    expected, got = arrays
    within = np.isclose(got, expected, rtol=tolerance["rel"], atol=tolerance["abs"])
    near = np.isclose(got, expected, rtol=NEAR_RELATIVE, atol=max(NEAR_ABSOLUTE, tolerance["abs"]))
    return bool(np.all(near) and not np.all(within))


def near_miss(returned):
    """Whether a test's returned value (harness.explain.Returned) is a near miss."""
    return is_near(returned.expected, plain(returned.got), returned.tolerance)


def explain_near_miss(returned):
    expected, got = np.asarray(returned.expected, dtype=float), np.asarray(plain(returned.got), dtype=float)
    gap = relative_gap(expected, got)
    tolerance = returned.tolerance
    return (
        f"Your result is close: it differs by {gap:.2g} relative, but the tests accept differences up to "
        f"{tolerance['rel']:g} relative (or {tolerance['abs']:g} absolute). {likely_cause(returned.expected, returned.got)}"
    )


def relative_gap(expected, got):
    """The largest difference of an entry, relative to the expected entry (absolute where it is 0)."""
    gaps = np.abs(got - expected) / np.where(expected == 0, 1.0, np.abs(expected))
    return float(np.max(gaps))


def likely_cause(expected, got):
    """Why a result may miss by a little, from what was returned."""
    dtype = got.dtype if type(got) in DTYPED else None
    if dtype == np.float32 or dtype == np.float16:
        return (
            f"Your result is a {dtype} (about {np.finfo(dtype).precision} significant digits): compute in float64, "
            "numpy's default (look for `dtype=np.float32` or `.astype(np.float32)`)."
        )
    decimals = _rounded_to(expected, plain(got))
    if decimals is not None:
        return f"Your result looks rounded to {decimals} decimal{'s' if decimals != 1 else ''}: return it unrounded."
    return (
        "A difference this small usually comes from an epsilon added for numerical stability, such as the 1e-6 that "
        "PyTorch's pairwise_distance adds to x1 − x2, or a + 1e-8 under a square root or in a denominator; "
        "this exercise's formula has none."
    )


def _rounded_to(expected, got):
    expected, got = np.asarray(expected, dtype=float), np.asarray(got, dtype=float)
    for decimals in ROUNDED_DECIMALS:
        if np.array_equal(np.round(expected, decimals), got) and not np.array_equal(expected, got):
            return decimals
    return None
