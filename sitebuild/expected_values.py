"""What the build keeps of a value returned by a reference solution or a known wrong variant."""

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
