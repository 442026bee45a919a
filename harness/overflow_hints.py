"""A failed test whose result is inf or nan where a finite one is expected: what overflowed,
as numpy's warnings (printed during the run) name it."""

import re

import numpy as np

from .display import show_number
from .plain_outputs import is_finite, tests_text

NUMPY_WARNING = re.compile(r"RuntimeWarning: ((overflow|divide by zero|invalid value) encountered in (\w+))")
# What each warning means, and the usual fix.
ADVICE = {
    ("overflow", "exp"): "exp(x) is inf for x above about 709: take each row's largest value out before exp, as log-sum-exp does",
    ("divide by zero", "log"): (
        "log(0) is -inf: a sum of exps underflowed to 0 (exp(x) is 0 below about -745), e.g. after taking one maximum "
        "out of the whole matrix instead of each row's own"
    ),
    ("invalid value", "divide"): "inf/inf and 0/0 are nan: look for an exp that overflowed, or a division by a distance or a length that is 0",
}
GENERIC_ADVICE = "look for exp of a large number (inf above about 709), log of 0 (-inf), or a division by 0 (0/0 is nan)"


def overflow_sentence(suite, failing, outputs, printed, finite_elsewhere=None):
    """A sentence about the failed tests whose result is not finite, or None. `finite_elsewhere`:
    a known mistake named for other tests, whose outputs on these tests are finite."""
    broken = [index for index in failing if outputs[index] is not None and not is_finite(outputs[index])]
    if not broken:
        return None
    warnings = list(dict.fromkeys(match.group(1) for text in printed for match in NUMPY_WARNING.finditer(text)))
    kinds = list(dict.fromkeys(match.group(2, 3) for text in printed for match in NUMPY_WARNING.finditer(text)))
    verb = "gives" if len(broken) == 1 else "give"
    got = _non_finite(outputs[broken[0]])
    sentence = f"{tests_text(broken)} {verb} {got} where the expected value is finite"
    if finite_elsewhere is not None and all(is_finite(finite_elsewhere.outputs[index]) for index in broken):
        mine = finite_elsewhere.outputs[broken[0]]
        value = f" ({show_number(mine)})" if not hasattr(mine, "shape") else ""
        sentence += f", and so is the known mistake's{value}"
    if warnings:
        advice = "; ".join(dict.fromkeys(ADVICE.get(kind, GENERIC_ADVICE) for kind in kinds))
        return f"{sentence}. numpy warned \"{'; '.join(warnings)}\": {advice}."
    return f"{sentence}: {GENERIC_ADVICE}."


def _non_finite(value):
    array = np.asarray(value, dtype=float)
    if np.isnan(array).any():
        return "nan"
    return "-inf" if np.all(array[~np.isfinite(array)] < 0) else "inf"
