"""Small pieces of the sentences explanations are made of (harness.explain)."""

import numpy as np

_DTYPE_KINDS = {"b": "booleans (True/False)", "i": "integers", "u": "unsigned integers", "f": "floats", "c": "complex numbers"}


def listed(items, last="and"):
    """"a", "a and b", "a, b and c"."""
    items = list(items)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {last} {items[-1]}"


def counted(count, noun, plural=None):
    """"1 argument", "2 arguments"."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def tests_text(indices):
    """"Test 4", "Tests 1 and 4": tests (indices in the suite) numbered as the page lists them."""
    shown = [str(index + 1) for index in sorted(indices)]
    return f"Test {shown[0]}" if len(shown) == 1 else f"Tests {listed(shown)}"


def axes(ndim):
    """"no axes", "1 axis", "2 axes"."""
    return "no axes" if ndim == 0 else counted(ndim, "axis", "axes")


def code_list(names):
    """"`a`, `b` and `c`"."""
    return listed(f"`{name}`" for name in names)


def shape_text(shape):
    """A shape as Python prints it: (3,), (3, 4), ()."""
    return str(tuple(shape))


def dtype_words(dtype):
    """"integers (int64)"."""
    dtype = np.dtype(dtype)
    return f"{_DTYPE_KINDS.get(dtype.kind, 'values')} ({dtype})"
