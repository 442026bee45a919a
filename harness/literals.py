"""Values written as Python source that rebuilds them exactly, numpy arrays included: what
"Try in console" puts in the console for a test's inputs."""

import math

import numpy as np


def literal(value):
    """Source text that evaluates (with numpy imported as np) to an equal value of the same
    type, in CPython and in Pyodide: `np.array([1, 0], dtype=np.int64)` keeps an integer
    array's dtype, a float keeps its every digit."""
    if isinstance(value, np.ndarray):
        return _array_literal(value)
    if isinstance(value, float):
        return _float_literal(value)
    if isinstance(value, list):
        return "[" + ", ".join(literal(item) for item in value) + "]"
    if isinstance(value, tuple):
        return "(" + ", ".join(literal(item) for item in value) + ("," if len(value) == 1 else "") + ")"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{literal(key)}: {literal(item)}" for key, item in value.items()) + "}"
    return repr(value)


def _array_literal(array):
    dtype = _dtype_literal(array.dtype)
    elements = array.tolist()
    if array.size == 0 and np.array(elements).shape != array.shape:  # e.g. shape (0, 3): [] loses the 3
        return f"np.zeros({array.shape!r}, dtype={dtype})"
    # The dtype is written where numpy would not infer it from the elements, and for every
    # integer array: numpy makes Python ints int64 in CPython but int32 in Pyodide (wasm32).
    inferred = np.array(elements).dtype
    written_dtype = "" if inferred == array.dtype and array.dtype.kind not in "iu" else f", dtype={dtype}"
    return f"np.array({literal(elements)}{written_dtype})"


def _dtype_literal(dtype):
    """np.float32 for a dtype numpy names as an attribute, its string form otherwise ('<U3')."""
    return f"np.{dtype.name}" if getattr(np, dtype.name, None) is dtype.type else repr(dtype.str)


def _float_literal(number):
    if math.isnan(number):
        return "np.nan"
    if math.isinf(number):
        return "np.inf" if number > 0 else "-np.inf"
    return repr(number)
