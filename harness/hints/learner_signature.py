"""The learner's parameters against the exercise's (harness.parameters): names, order and
defaults. The tests pass arguments by position, so a parameter is compared with the
exercise's at the same place."""

import inspect
import math
from dataclasses import dataclass, field

import numpy as np

from ..display import show_value
from ..isolation import examine_returned
from ..parameters import NO_DEFAULT, Parameter
from ..explain.wording import code_list

POSITIONAL = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
# Defaults of these exact types are shown with repr (5.0, not 5); others as harness.display shows values.
PLAIN_DEFAULT_TYPES = (int, float, bool, str, type(None))
NUMPY_SCALAR_TYPES = (np.float64, np.float32, np.int64, np.int32, np.bool_)


@dataclass
class SignatureFindings:
    notes: list = field(default_factory=list)  # sentences for the learner
    # The exercise's name -> the learner's default, for each default of the exercise the learner does not share.
    other_defaults: dict = field(default_factory=dict)


def compare_signature(function, exercise):
    """SignatureFindings of the learner's `function` against `exercise` (Parameters, in order)."""
    learner, error = examine_returned(function, _positional_parameters, function)
    if error is not None or learner is None or not exercise:
        return SignatureFindings()
    findings = SignatureFindings()
    names, theirs = [p.name for p in learner], [p.name for p in exercise]
    if names[: len(theirs)] != theirs and len(names) >= len(theirs):
        findings.notes.append(_order_or_names(names[: len(theirs)], theirs, exercise))
    for mine, reference in zip(learner, exercise):
        if reference.has_default and not _same_default(mine.default, reference.default):
            findings.other_defaults[reference.name] = mine.default
            findings.notes.append(_default_note(mine, reference))
    for extra in learner[len(exercise) :]:
        if extra.has_default:
            findings.notes.append(
                f"Your function takes `{extra.name}`, which this exercise does not have: the tests never pass it, "
                f"so it always keeps your default, {_shown(extra.default)}."
            )
    return findings


def _positional_parameters(function):
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):  # not a function whose parameters can be read
        return None
    return [
        Parameter(p.name, NO_DEFAULT if p.default is inspect.Parameter.empty else p.default)
        for p in signature.parameters.values()
        if p.kind in POSITIONAL
    ]


def _order_or_names(names, theirs, exercise):
    exercise_shown = ", ".join(p.name if not p.has_default else f"{p.name}={_shown(p.default)}" for p in exercise)
    if sorted(names) == sorted(theirs):
        moved = [name for name, their in zip(names, theirs) if name != their]
        return (
            f"Your parameters come in another order, ({', '.join(names)}), than this exercise's, ({exercise_shown}). "
            f"The tests pass arguments by position, in this exercise's order, so {code_list(moved)} each get the argument "
            "meant for the parameter at their place."
        )
    return (
        f"Your parameters are named ({', '.join(names)}); this exercise's are ({exercise_shown}). The tests pass "
        "arguments by position, so only their order counts there, but a caller who names an argument uses this exercise's names."
    )


def _default_note(mine, reference):
    name = f"`{mine.name}`" if mine.name == reference.name else f"`{mine.name}` (this exercise's `{reference.name}`)"
    if not mine.has_default:
        return f"Your {name} has no default; this exercise's is {_shown(reference.default)}."
    return f"Your default {name} is {_shown(mine.default)}; this exercise's is {_shown(reference.default)}."


def _same_default(mine, theirs):
    if mine is NO_DEFAULT:
        return False
    if type(mine) in NUMPY_SCALAR_TYPES:  # np.float64(1.0) is the default 1.0
        mine = mine.item()
    if type(mine) not in PLAIN_DEFAULT_TYPES:
        return False  # an object of the learner's: shown, never compared (== would run their code)
    if isinstance(mine, float) and isinstance(theirs, float) and math.isnan(mine) and math.isnan(theirs):
        return True
    if isinstance(mine, bool) or isinstance(theirs, bool):
        return mine is theirs
    return mine == theirs


def _shown(value):
    if type(value) in PLAIN_DEFAULT_TYPES:
        return repr(value)
    shown, error = examine_returned(value, show_value, value)
    return shown if error is None else f"an object of type {type(value).__name__}"
