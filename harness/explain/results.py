"""Explainers of return values that are not what the tests expect (see harness.explain): a
coroutine (`async def`), a generator (`yield`), None after printing the answer, an array of
another shape or of integers where fractions are expected. harness.compare says what
differs; these say why it may have happened."""

import re
from types import CoroutineType, GeneratorType

import numpy as np

from ..compare import describe_mismatch
from .wording import axes, dtype_words, shape_text

# A number as print() writes one (not the digits of a name like x1).
_PRINTED_NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?(?![\w.])")
# The printed text quoted back to the learner, at most this long.
PRINTED_SHOWN_CHARS = 60


# What makes calling a function give an object without running its body, and the fix.
_BODY_NOT_RUN = {
    CoroutineType: ("is defined with `async def`, so calling it gives a coroutine", "define it with plain `def` (nothing here needs `await`)"),
    GeneratorType: ("contains `yield`, so calling it gives a generator", "give back the result with `return`"),
}


def body_not_run(returned):
    return type(returned.got) in _BODY_NOT_RUN


def explain_body_not_run(returned):
    expects = f"The tests call {_the_call(returned)} and expect {_expected_kind(returned)}"
    if type(returned.got) is GeneratorType and returned.got.gi_code.co_name == "<genexpr>":
        return (
            "Your function returns a generator expression, `(... for ...)`, which computes nothing until "
            f"something loops over it. {expects}: combine its items into one, e.g. with `sum(...)`, "
            "or build an array with numpy instead of a loop."
        )
    cause, fix = _BODY_NOT_RUN[type(returned.got)]
    return f"Your function {cause} and does not run its body. {expects}: {fix}."


def printed_instead_of_returned(returned):
    return returned.got is None and _printed_result(returned) is not None


def explain_printed_instead_of_returned(returned):
    line = _printed_result(returned)
    shown = line if len(line) <= PRINTED_SHOWN_CHARS else line[: PRINTED_SHOWN_CHARS - 1] + "…"
    answer = ", the expected answer," if _shows_expected(line, returned) else ""
    return (
        f"Your function printed `{shown}`{answer} but returned None: the tests see only what a function returns, "
        "not what it prints. Return the value instead of printing it (`return ...` in place of `print(...)`)."
    )


def array_of_another_shape(returned):
    got, expected = returned.got, returned.expected
    return isinstance(expected, np.ndarray) and type(got) is np.ndarray and got.shape != expected.shape


def explain_array_of_another_shape(returned):
    got, expected = returned.got.shape, returned.expected.shape
    if len(got) == len(expected):
        axis = next(axis for axis, (mine, theirs) in enumerate(zip(got, expected)) if mine != theirs)
        sentence = f"Axis {axis} of your array has length {got[axis]} where {expected[axis]} is expected."
        if got == expected[::-1]:
            sentence += " It looks transposed: `.T` swaps its axes."
        return sentence
    sentence = f"Your array has {axes(len(got))} where {axes(len(expected))} {'is' if len(expected) == 1 else 'are'} expected."
    if tuple(length for length in got if length != 1) == tuple(length for length in expected if length != 1):
        if len(got) > len(expected):
            return sentence + " The extra axis has length 1: a `keepdims=True`, `[:, None]` or `reshape` kept it, and `np.squeeze` removes it."
        return sentence + " The expected shape has an axis of length 1 that yours lacks: `[:, None]` or `keepdims=True` keeps one."
    if len(got) == 2 and got[0] == got[1] and expected == got[:1]:
        return sentence + (
            f" A {shape_text(got)} array where {shape_text(expected)} is expected usually comes from combining a {shape_text(expected)} "
            f"array with a ({expected[0]}, 1) one (from `keepdims=True`, `[:, None]` or `reshape(-1, 1)`): broadcasting "
            "paired every entry of one with every entry of the other."
        )
    if len(got) < len(expected):
        return sentence + " A sum, mean or norm over an axis removes that axis."
    return sentence


def array_of_another_dtype(returned):
    got, expected = returned.got, returned.expected
    return (
        isinstance(expected, np.ndarray) and type(got) is np.ndarray and got.shape == expected.shape
        and expected.dtype.kind == "f" and got.dtype.kind in "iuc"
    )


def explain_array_of_another_dtype(returned):
    got, expected = returned.got, returned.expected
    if got.dtype.kind == "c":
        return (
            f"Your array holds {dtype_words(got.dtype)}: a square root or fractional power of a negative Python number "
            "makes one. Check the signs of what you take roots of."
        )
    if np.all(np.mod(expected, 1) == 0):
        return None
    return (
        f"Your array holds {dtype_words(got.dtype)}, so every fraction stored in it was cut off. An array made with "
        "`np.zeros_like(x)`, `np.empty_like(x)` or `x.copy()` takes the dtype of `x`, integers when `x` holds integers: "
        "pass `dtype=float` (or use `x.astype(float)`)."
    )


def _the_call(returned):
    call = returned.call
    return f"`{call.text(call.arguments)}`" if call is not None else "your function"


def _expected_kind(returned):
    expected = returned.expected
    return f"an array of shape {shape_text(expected.shape)}" if isinstance(expected, np.ndarray) else "a number"


def _printed_result(returned):
    """The last printed line that looks like a result: one number, or a printed array when one is expected."""
    for line in reversed(returned.printed.splitlines()):
        numbers = _PRINTED_NUMBER.findall(line)
        if len(numbers) == 1 or numbers and isinstance(returned.expected, np.ndarray) and "[" in line:
            return line.strip()
    return None


def _shows_expected(line, returned):
    if isinstance(returned.expected, np.ndarray):
        return False
    numbers = [float(text) for text in _PRINTED_NUMBER.findall(line)]
    return len(numbers) == 1 and describe_mismatch(returned.expected, numbers[0], returned.tolerance) is None

