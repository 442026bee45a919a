"""Failed results that are the expected ones times one factor: a 1/2, a 2 or a sign too many
or too few in the formula. Said only when no known mistake explains those tests."""

from fractions import Fraction

import numpy as np

from ..explain.wording import tests_text
from .plain_outputs import finite_alike

# A factor shown as a fraction must be this simple; any other is shown only when several tests share it.
SIMPLEST_DENOMINATOR = 4
SIMPLEST_NUMERATOR = 4
FEWEST_TESTS = 2  # unless they are every failed test


def scaled_sentence(suite, failing, outputs):
    """The sentence, or None when the failed results do not share one factor."""
    factors = {index: _factor(suite.cases[index].expected, outputs[index], suite.tolerance) for index in failing}
    factors = {index: factor for index, factor in factors.items() if factor is not None}
    if not factors:
        return None
    first = next(iter(factors.values()))
    tests = [index for index, factor in factors.items() if np.isclose(factor, first, rtol=suite.tolerance["rel"])]
    simple = _simple(first)
    if len(tests) < min(FEWEST_TESTS, len(failing)) or (len(tests) < FEWEST_TESTS and simple is None):
        return None
    several = len(tests) > 1
    lead = f"On {tests_text(tests).lower()}, your {'results are' if several else 'result is'}"
    if first == -1:
        return f"{lead} the expected {'ones' if several else 'one'} with the opposite sign: look for a sign in your formula."
    return (
        f"{lead} exactly {simple or f'{first:.4g}'} times the expected {'ones' if several else 'one'}: look for a factor that "
        "your formula has and this exercise's does not, or the other way round, such as a 1/2, a 2, or a sum where a mean belongs."
    )


def _factor(expected, got, tolerance):
    """The one number f with got = f * expected (every entry alike), or None."""
    arrays = finite_alike(expected, got)
    if arrays is None:
        return None
    expected, got = arrays
    nonzero = np.abs(expected) > tolerance["abs"]
    if not nonzero.any() or not np.allclose(got[~nonzero], 0, atol=tolerance["abs"]):
        return None
    ratios = got[nonzero] / expected[nonzero]
    if not np.allclose(ratios, ratios[0], rtol=tolerance["rel"]) or np.isclose(ratios[0], 1, rtol=tolerance["rel"]) or ratios[0] == 0:
        return None
    return float(ratios[0])


def _simple(factor):
    fraction = Fraction(factor).limit_denominator(SIMPLEST_DENOMINATOR)
    if abs(float(fraction) - factor) > 1e-9 * abs(factor) or abs(fraction.numerator) > SIMPLEST_NUMERATOR:
        return None
    return str(fraction)
