"""A failed test whose result is inf or nan where a finite one is expected: what overflowed,
as numpy's warnings (printed during the run) name it."""

import re

import numpy as np

from ..display import show_number
from .plain_outputs import is_finite
from ..explain.wording import tests_text

NUMPY_WARNING = re.compile(r"RuntimeWarning: ((overflow|divide by zero|invalid value) encountered in (?:scalar )?(\w+))")
# What each warning means, and the usual fix.
ADVICE = {
    ("overflow", "exp"): "exp(x) is inf for x above about 709: take each row's largest value out before exp, as log-sum-exp does",
    ("divide by zero", "log"): (
        "log(0) is -inf: a sum of exps underflowed to 0 (exp(x) is 0 below about -745), e.g. after taking one maximum "
        "out of the whole matrix instead of each row's own"
    ),
    ("divide by zero", "divide"): "x/0 is inf: look for a division by a distance, a length or a count that is 0",
    ("invalid value", "divide"): "inf/inf and 0/0 are nan: look for an exp that overflowed, or a division by a distance or a length that is 0",
}
GENERIC_ADVICE = "look for exp of a large number (inf above about 709), log of 0 (-inf), or a division by 0 (0/0 is nan)"


def overflow_sentence(suite, failing, outputs, printed, named_mistake=None):
    """A sentence about the failed tests whose result is not finite, or None. `printed`: what
    each test printed; `named_mistake`: a known mistake named for other tests, said to be
    finite on these when it is."""
    broken = [index for index in failing if outputs[index] is not None and not is_finite(outputs[index])]
    if not broken:
        return None
    warnings = list(dict.fromkeys(match.group(1) for text in printed for match in NUMPY_WARNING.finditer(text)))
    kinds = list(dict.fromkeys(match.group(2, 3) for text in printed for match in NUMPY_WARNING.finditer(text)))
    sentence = f"{_what_each_gives(broken, outputs)} where a finite value is expected"
    if named_mistake is not None and all(is_finite(named_mistake.outputs[index]) for index in broken):
        theirs = named_mistake.outputs[broken[0]]
        value = f" ({show_number(theirs)})" if not hasattr(theirs, "shape") else ""
        sentence += f", as the known mistake gives{value}"
    if warnings:
        advice = "; ".join(dict.fromkeys(ADVICE.get(kind, GENERIC_ADVICE) for kind in kinds))
        return f"{sentence}. numpy warned \"{'; '.join(warnings)}\": {advice}."
    return f"{sentence}: {GENERIC_ADVICE}."


def _what_each_gives(tests, outputs):
    """"Test 2 gives nan", "Tests 2 and 3 give nan, test 4 inf"."""
    kinds = {}
    for index in tests:
        kinds.setdefault(_non_finite(outputs[index]), []).append(index)
    parts = []
    for kind, indices in kinds.items():
        verb = "" if parts else " gives" if len(indices) == 1 else " give"
        named = tests_text(indices)
        parts.append(f"{named if not parts else named.lower()}{verb} {kind}")
    return ", ".join(parts)


def _non_finite(value):
    array = np.asarray(value, dtype=float)
    if np.isnan(array).any():
        return "nan"
    return "-inf" if np.all(array[~np.isfinite(array)] < 0) else "inf"
