"""Values as tests.json carries them (formats/tests_json.v1.schema.json): any nesting of None,
bool, int, float (nan and infinity included), str, list, tuple, dict (keys of any of these
kinds), numpy arrays of any numeric or boolean dtype and numpy scalars, and objects of the
exercise's own classes, which travel as what they show (their repr: see Shown).

JSON itself holds null, booleans, numbers, strings and lists; everything else is an object
with one tag: {"float": "nan" | "inf" | "-inf"}, {"tuple": [...]}, {"dict": [[key, value], ...]},
{"ndarray": [...], "dtype", "shape"}, {"shown": repr}. A plain JSON object never occurs, so
decoding is unambiguous.
"""

import math
import numbers
import re
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Shown:
    """An object of a class the exercise defines, as its repr shows it: the reference's object
    cannot travel to the page, and the learner's is of their own class, so the two are
    compared by what they show, as graders of printed output do."""

    text: str


# A default repr names where the object lives in memory ("<__main__.Point object at 0x7f…>"),
# which differs from one run to the next: left out, so two equal objects show alike.
MEMORY_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def shown_text(value):
    """What an object shows of itself: its repr, without memory addresses."""
    return MEMORY_ADDRESS.sub("", repr(value))


class Unstorable(ValueError):
    """A value tests.json cannot carry; the message names its type and where it was found."""


def encode_value(value, where="the value"):
    """`value` as JSON-ready data; Unstorable if some part of it cannot be carried."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, np.ndarray):
        return _encode_array(value, where)
    if isinstance(value, np.generic):
        return encode_value(value.item(), where)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else {"float": repr(value)}
    if isinstance(value, list):
        return [encode_value(item, f"item {index} of {where}") for index, item in enumerate(value)]
    if isinstance(value, tuple):
        return {"tuple": [encode_value(item, f"item {index} of {where}") for index, item in enumerate(value)]}
    if isinstance(value, dict):
        return {"dict": [[encode_value(key, f"a key of {where}"), encode_value(item, f"key {key!r} of {where}")] for key, item in value.items()]}
    if isinstance(value, Shown):
        return {"shown": value.text}
    raise Unstorable(f"{where} is of type {type(value).__name__}, which tests.json cannot carry")


def decode_value(data):
    if isinstance(data, list):
        return [decode_value(item) for item in data]
    if not isinstance(data, dict):
        return data
    if "float" in data:
        return float(data["float"])
    if "tuple" in data:
        return tuple(decode_value(item) for item in data["tuple"])
    if "dict" in data:
        return {decode_value(key): decode_value(item) for key, item in data["dict"]}
    if "ndarray" in data:
        return np.array(decode_value(data["ndarray"]), dtype=data["dtype"]).reshape(data["shape"])
    if "shown" in data:
        return Shown(data["shown"])
    raise ValueError(f"tests.json holds an object with keys {sorted(data)}, which is no value it knows")


def _encode_array(array, where):
    if array.dtype.kind not in "biuf":
        raise Unstorable(f"{where} is an array of dtype {array.dtype}; tests.json carries arrays of numbers or booleans")
    return {"ndarray": encode_value(array.ravel().tolist(), where), "dtype": str(array.dtype), "shape": list(array.shape)}
