"""Explainers of calls that do not fit (see harness.explain): the learner's function defined
with other parameters than the tests pass, a call to one of their own functions with the
wrong number of arguments, and input(), which has nobody to type an answer."""

import ast
import inspect
import re
from types import FunctionType

from .wording import code_list, counted

TAKES_PATTERN = r"(?P<name>[\w.<>]+)\(\) takes (?P<takes>\d+|from \d+ to \d+) positional arguments? but (?P<given>\d+) (?:was|were) given"
MISSING_PATTERN = r"(?P<name>[\w.<>]+)\(\) missing (?P<count>\d+) required positional arguments?: (?P<names>.+)"
# A default value longer than this is shown as "…" in the learner's definition.
DEFAULT_SHOWN_CHARS = 20


SIGNATURE_FIX = "give it the parameters of the signature shown under the title"


def too_many_arguments(failure, match):
    return _call_does_not_fit(failure, f"takes {match['takes']}", SIGNATURE_FIX)


def missing_arguments(failure, match):
    names = _quoted_names(match["names"])
    # A parameter the tests never pass is not in the statement's signature at all.
    passed_by_some_test = failure.call is not None and set(names) <= set(failure.call.parameters)
    fix = "give it the default the statement's signature shows" if passed_by_some_test else SIGNATURE_FIX
    return _call_does_not_fit(failure, f"has no default value for {code_list(names)}", fix)


def _call_does_not_fit(failure, requirement, fix):
    if failure.call is not None and failure.learner_entry is None:  # the test's own call failed, before any line of theirs ran
        return _test_call_does_not_fit(failure.call, requirement, fix)
    return _own_call_does_not_fit(failure.spot, requirement)


def keyboard_input(failure, match):
    call = failure.call
    where = f"{failure.spot.place}: " if failure.spot is not None else ""
    arguments = f", as in `{call.text(call.parameters)}`" if call is not None else ""
    return (
        f"{where}`input()` waits for someone to type, but nobody can type here: the tests pass the values "
        f"to your function as its arguments{arguments}. Use the parameters instead of `input()`."
    )


def _test_call_does_not_fit(call, requirement, fix):
    count = len(call.parameters)
    sentence = f"The tests call your function with {counted(count, 'argument')}, in this order: `{call.text(call.parameters)}`."
    left_out = [name for name in call.parameters if name not in call.arguments]
    if left_out:
        sentence += f" This test leaves {code_list(left_out)} at its default: `{call.text(call.arguments)}`."
    line = call.definition_line()
    definition = f"`def {_definition(call.function)}` (line {line})" if line else "function"
    return sentence + f" Your {definition} {requirement}: {fix}."


def _own_call_does_not_fit(spot, requirement):
    node = spot.node if spot is not None else None
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
        return None
    function = spot.variable(node.func.id)
    if not isinstance(function, FunctionType) or function.__code__.co_filename != spot.frame.f_code.co_filename:
        return None
    passed = len(node.args) + len(node.keywords)
    return (
        f"Line {spot.line}, `{spot.text(node)}` passes {counted(passed, 'argument')}, but "
        f"`def {_definition(function)}` (line {function.__code__.co_firstlineno}) {requirement}."
    )


def _definition(function):
    """The learner's function as its def line reads: name(a, b, margin=1.0), name(a, *, margin=1.0)."""
    code = function.__code__
    names = code.co_varnames[: code.co_argcount]
    defaults = function.__defaults__ or ()
    first_default = len(names) - len(defaults)
    shown = [*names[:first_default], *(f"{name}={_short(default)}" for name, default in zip(names[first_default:], defaults))]
    keyword_only = code.co_varnames[code.co_argcount : code.co_argcount + code.co_kwonlyargcount]
    if code.co_flags & inspect.CO_VARARGS:
        shown.append(f"*{code.co_varnames[code.co_argcount + code.co_kwonlyargcount]}")
    elif keyword_only:
        shown.append("*")
    keyword_defaults = function.__kwdefaults__ or {}
    shown += [f"{name}={_short(keyword_defaults[name])}" if name in keyword_defaults else name for name in keyword_only]
    return f"{function.__name__}({', '.join(shown)})"


def _short(value):
    text = repr(value) if isinstance(value, (int, float, str, bool, type(None))) else "…"
    return text if len(text) <= DEFAULT_SHOWN_CHARS else "…"


def _quoted_names(text):
    """The parameter names of "'b' and 'c'", as Python's message lists them."""
    return re.findall(r"'(\w+)'", text)

