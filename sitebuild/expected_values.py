"""Runs a reference solution or a known wrong variant on every case of a suite, and keeps what
it returns as the site stores it."""

import math

import numpy as np

from .errors import BuildError
from .paths import shown


def as_expected_value(output, path, case):
    """A returned value as the site stores it: a float array, or a finite float."""
    if isinstance(output, np.ndarray) and output.ndim > 0:
        return output.astype(float)
    try:
        value = float(output)
    except (TypeError, ValueError):
        value = math.nan
    if not math.isfinite(value):
        raise BuildError(
            shown(path), f"it returned {output!r} on case {case.name!r}", "return a finite number or an array"
        )
    return value


def outputs_on_cases(function, suite, path, fix):
    """`function`'s value on every case of `suite` (fresh inputs each time); a case that raises
    fails the build against `path`, with `fix` as the advice."""
    outputs = []
    for index, case in enumerate(suite.cases):
        try:
            output = function(*suite.fresh_args(index))
        except Exception as error:  # noqa: BLE001 - reported with the case that triggered it
            raise BuildError(shown(path), f"it raised {type(error).__name__}: {error} on case {case.name!r}", fix) from None
        outputs.append(as_expected_value(output, path, case))
    return outputs
