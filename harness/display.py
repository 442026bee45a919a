"""How a value returned by the learner's function is written for them to read."""

import numbers

import numpy as np

TEXT_LIMIT = 80


def show_number(number):
    """A float printed the way a person reads it: 0.625, not 0.6250000000000001."""
    return f"{float(number):.10g}"


def show_value(value):
    """A short, readable form of any returned value, e.g. for "Got" beside an example."""
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value[()]
    if isinstance(value, (bool, np.bool_)) or value is None:
        return repr(value) if value is None else str(bool(value))
    if isinstance(value, numbers.Real):
        return show_number(value)
    if isinstance(value, np.ndarray):
        return _shorten(f"array of shape {value.shape}: {value.tolist()}")
    try:
        return _shorten(repr(value))
    except Exception:  # noqa: BLE001 - a learner's class may define a __repr__ that fails
        return f"an object of type {type(value).__name__}"


def _shorten(text):
    return text if len(text) <= TEXT_LIMIT else text[: TEXT_LIMIT - 1] + "…"
