"""How values and errors that came from the learner's code are written for them to read:
short whatever their size, and never failing, whatever their type does."""

import math
import numbers
import reprlib

import numpy as np

from .values import MEMORY_ADDRESS, Shown

TEXT_LIMIT = 80
MESSAGE_LIMIT = 300  # an exception's message, e.g. one that quotes a 50 MB string
ARRAY_ITEMS_LISTED = 20  # a larger array is summarised
ARRAY_EDGE_ITEMS = 3


def show_number(number):
    """A float printed the way a person reads it: 0.625, not 0.6250000000000001."""
    return f"{float(number):.10g}"


def show_value(value):
    """A short, readable form of any returned value, e.g. for "Got" beside an example."""
    try:
        return _shorten(_readable(value))
    except Exception:  # noqa: BLE001 - a learner's class may define a __repr__ that fails
        return f"an object of type {type(value).__name__}"


def show_int_size(number):
    """"an int with 100,001 digits": Python refuses to write an int of more than 4,300 digits
    as text (sys.set_int_max_str_digits), and a reader could not use one that long anyway."""
    return f"an int with {int_digits(number):,} digits"


def int_digits(number):
    """How many decimal digits an int has, found without writing it as text."""
    number = abs(int(number))
    if number < 10:
        return 1
    digits = int(math.log10(number)) + 1  # log10 is exact enough to be off by one at most
    if number < 10 ** (digits - 1):
        return digits - 1
    return digits + 1 if number >= 10**digits else digits


def show_exception(error, detail=None):
    """"TypeError: its message", the message cut at MESSAGE_LIMIT characters. `detail` is the
    message when the caller has read it already (a learner's exception class computes it
    with their code, so that is read as learner code)."""
    if detail is None:
        detail = exception_message(error)
    if len(detail) > MESSAGE_LIMIT:
        detail = f"{detail[:MESSAGE_LIMIT]}… (message cut: {len(detail):,} characters in all)"
    name = type(error).__name__
    return f"{name}: {detail}" if detail else name


def exception_message(error, read=str):
    """The exception's message as `read` gets it; an exception whose message cannot be made
    (its __str__ raises) is still described."""
    try:
        detail = read(error)
    except Exception as problem:  # noqa: BLE001 - a learner's exception class may define a __str__ that fails
        return f"(its message could not be shown: {type(problem).__name__} in its __str__)"
    return detail if isinstance(detail, str) else ""


def _readable(value):
    if isinstance(value, Shown):  # an object of the exercise's class, as the reference's showed itself
        return value.text
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value[()]
    if isinstance(value, (bool, np.bool_)) or value is None:
        return repr(value) if value is None else str(bool(value))
    if isinstance(value, int) and _too_large_for_a_float(value):
        return show_int_size(value)
    if isinstance(value, numbers.Real):
        return show_number(value)
    if isinstance(value, np.ndarray):
        return f"array of shape {value.shape}: {_array_items(value)}"
    return SHORT_REPR.repr(value)


def _too_large_for_a_float(number):
    try:
        float(number)
    except OverflowError:
        return True
    return False


def _array_items(array):
    """Its values as a list, or for a large array its first and last few, in the order they are stored."""
    if array.size <= ARRAY_ITEMS_LISTED:
        return SHORT_REPR.repr(array.tolist())
    ends = (array.flat[:ARRAY_EDGE_ITEMS].tolist(), array.flat[-ARRAY_EDGE_ITEMS:].tolist())
    first, last = (", ".join(SHORT_REPR.repr(item) for item in items) for items in ends)
    return f"[{first}, …, {last}]"


class _ShortRepr(reprlib.Repr):
    """repr() with every part bounded: long containers and strings are cut, and ints too long
    for text are described."""

    def __init__(self):
        super().__init__()
        self.maxstring = self.maxother = TEXT_LIMIT
        self.maxlevel = 3  # a list that contains itself is shown three levels deep

    def repr_int(self, number, level):
        return show_int_size(number) if _too_large_for_a_float(number) else super().repr_int(number, level)

    def repr_instance(self, value, level):
        try:
            text = repr(value)
        except Exception:  # noqa: BLE001 - a learner's class may define a __repr__ that fails
            return f"an object of type {type(value).__name__}"
        return _shorten(MEMORY_ADDRESS.sub("", text))


SHORT_REPR = _ShortRepr()


def _shorten(text):
    return text if len(text) <= TEXT_LIMIT else text[: TEXT_LIMIT - 1] + "…"
