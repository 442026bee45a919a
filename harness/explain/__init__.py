"""Explanations of what went wrong, in the learner's own terms: numpy's shape and dtype errors
named by the learner's variables, a call that does not match how the tests call the
function, and return values that are not what the tests expect.

Explainers are data: each entry of ERROR_EXPLAINERS says which exceptions it explains (a
class and a pattern of the message) and builds a sentence; each of RESULT_EXPLAINERS
recognises a returned value and builds a sentence. The first that matches wins. An
explainer may give up (return None) or even fail: the learner then gets the raw message
alone, never a crash of the grader.
"""

import functools
import re
from dataclasses import dataclass
from types import TracebackType

import numpy as np

from . import calls as explain_calls, numpy_errors as explain_numpy, results as explain_results
from ..hints import near_miss
from .expressions import spot_of

# The head of an exception's message that explainers read (a learner's own exception can
# carry a huge one).
MESSAGE_READ_CHARS = 1000


@dataclass
class Failure:
    """An exception raised by the learner's code, as explainers see it."""

    error: BaseException
    learner_entry: TracebackType | None  # the traceback entry of the learner's innermost frame
    call: object  # how the test called the function (learner_code.TestCall), when a test did

    @functools.cached_property
    def spot(self):
        """The learner's expression that was running (expressions.Spot), or None."""
        return spot_of(self.learner_entry) if self.learner_entry is not None else None


@dataclass(frozen=True)
class Returned:
    """A value the learner's function returned that is not the expected one."""

    expected: object
    got: object
    printed: str  # what the function printed during this call
    tolerance: dict  # how close counts as equal (harness.cases.DEFAULT_TOLERANCE)
    call: object  # learner_code.TestCall, or None


@dataclass(frozen=True)
class ErrorExplainer:
    kind: type  # the exception class explained
    pattern: str  # a regular expression the start of its message matches
    explain: object  # (Failure, re.Match) -> a sentence, or None to give up


@dataclass(frozen=True)
class ResultExplainer:
    matches: object  # Returned -> bool
    explain: object  # Returned -> a sentence, or None to give up


ERROR_EXPLAINERS = [
    ErrorExplainer(ValueError, r"operands could not be broadcast together", explain_numpy.broadcasting),
    ErrorExplainer(ValueError, r"non-broadcastable output operand", explain_numpy.broadcasting),
    ErrorExplainer(ValueError, r"matmul: Input operand \d has a mismatch in its core dimension", explain_numpy.matrix_product),
    ErrorExplainer(ValueError, r"shapes \(.*\) and \(.*\) not aligned", explain_numpy.matrix_product),
    ErrorExplainer(TypeError, explain_numpy.CAST_PATTERN, explain_numpy.in_place_cast),
    ErrorExplainer(np.exceptions.AxisError, r"axis (?P<axis>-?\d+) is out of bounds for array of dimension (?P<ndim>\d+)", explain_numpy.axis_out_of_range),
    ErrorExplainer(ValueError, r"The truth value of an array with more than one element is ambiguous", explain_numpy.array_as_condition),
    ErrorExplainer(TypeError, r"only (length-1|0-dimensional) arrays can be converted to Python scalars", explain_numpy.array_as_number),
    ErrorExplainer(TypeError, r"(The )?numpy boolean (subtract|negative), the `-` operator, is not supported", explain_numpy.boolean_subtraction),
    ErrorExplainer(IndexError, r"too many indices for array: array is (?P<ndim>\d+)-dimensional, but (?P<used>\d+) were indexed", explain_numpy.too_many_indices),
    ErrorExplainer(TypeError, explain_calls.TAKES_PATTERN, explain_calls.too_many_arguments),
    ErrorExplainer(TypeError, explain_calls.MISSING_PATTERN, explain_calls.missing_arguments),
    ErrorExplainer(EOFError, r"EOF when reading a line", explain_calls.keyboard_input),
]

RESULT_EXPLAINERS = [
    ResultExplainer(explain_results.body_not_run, explain_results.explain_body_not_run),
    ResultExplainer(explain_results.printed_instead_of_returned, explain_results.explain_printed_instead_of_returned),
    ResultExplainer(explain_results.array_of_another_shape, explain_results.explain_array_of_another_shape),
    ResultExplainer(explain_results.array_of_another_dtype, explain_results.explain_array_of_another_dtype),
    ResultExplainer(near_miss.near_miss, near_miss.explain_near_miss),
]


def explain_error(error, message, learner_entry=None, call=None):
    """A sentence explaining `error`, whose message is `message`, in the learner's terms, or
    None when no explainer can."""
    try:
        failure = Failure(error, learner_entry, call)
        message = message[:MESSAGE_READ_CHARS]
        for explainer in ERROR_EXPLAINERS:
            match = re.match(explainer.pattern, message) if isinstance(error, explainer.kind) else None
            if match:
                return explainer.explain(failure, match)
    except Exception:  # noqa: BLE001 - an explainer's failure leaves the raw message alone
        return None
    return None


def explain_result(expected, got, printed, tolerance, call=None):
    """A sentence explaining why `got`, which differs from `expected`, may be wrong, or None."""
    try:
        returned = Returned(expected, got, printed, tolerance, call)
        for explainer in RESULT_EXPLAINERS:
            if explainer.matches(returned):
                return explainer.explain(returned)
    except Exception:  # noqa: BLE001 - an explainer's failure leaves the raw message alone
        return None
    return None
