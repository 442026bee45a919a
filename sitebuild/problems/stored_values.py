"""Which values a case can hold: its arguments and results travel to the page in tests.json
(harness.values), and a promised value (`expected=`) is compared with the reference's."""

import numpy as np

from harness.values import Shown, Unstorable, decode_value, encode_value, shown_text

SUPPORTED = (
    "numbers (nan and infinity too), True/False, None, strings, lists, tuples and dicts of those "
    "(keys of any of those kinds), numpy arrays of numbers or booleans, and objects of classes the "
    "problem's own files define"
)
# Where instructor files and learners' files run (harness.learner_code): their classes live there.
FILE_MODULE = "__main__"


def unstorable(value):
    """None if tests.json can carry `value` so that the page gets it back equal; otherwise what
    is wrong, e.g. "item 1 of the value is of type Fraction, which tests.json cannot carry"."""
    try:
        encode_value(value)
    except Unstorable as problem:
        return str(problem)
    return None


def as_stored(value, where="it"):
    """`value` as the page receives it: objects of the file's own classes become what they show
    (Shown), numpy scalars plain numbers; Unstorable if some part cannot travel."""
    return decode_value(encode_value(_shown_objects(value), where))


def _shown_objects(value):
    if isinstance(value, (list, tuple)):
        return type(value)(_shown_objects(item) for item in value) if type(value) in (list, tuple) else value
    if type(value) is dict:
        return {key: _shown_objects(item) for key, item in value.items()}
    if type(value).__module__ == FILE_MODULE and not isinstance(value, (np.ndarray, np.generic, Shown)):
        return Shown(shown_text(value))
    return value


def short_repr(value, limit=80):
    """repr(value), cut to `limit` characters; never raises (a huge int's repr does)."""
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - instructor values may have a broken or refused repr
        return _kind_of(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _kind_of(value):
    kind = type(value)
    module = "" if kind.__module__ == "builtins" else f"{kind.__module__}."
    return f"a {module}{kind.__qualname__}"
