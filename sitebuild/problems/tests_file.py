"""Reads a problem's tests.py (instructor code, run by the child process of instructor_code.py)
and validates every field it sets, each failure naming the file, the field and the fix."""

import difflib
import math
import numbers
import types

import harness
from harness.cases import DEFAULT_TIME_LIMIT_SECONDS, DEFAULT_TOLERANCE
from harness.isolation import call_isolated
from harness.scenarios import ScenarioProblem, compiled_scenario

from base.errors import BuildError
from .expected_values import failure_in
from base.paths import shown
from .sources import parse_python, read_text
from .stored_values import SUPPORTED, short_repr, unstorable

SETTINGS = ("CASES", "TIME_LIMIT_SECONDS", "TOLERANCE", "SHOW_INPUTS", "LISTS_EQUAL_ARRAYS")
MAX_TIME_LIMIT_SECONDS = 60  # a learner waits this long for one test at most
CASES_FIX = (
    "define CASES = [Case(name=..., args=dict(...)), Case(name=..., code=\"\"\"...\"\"\"), ...] with `from harness import Case`"
)
SCENARIO_FIX = "write the case's code as Python statements whose last line is an expression, e.g. code=\"opt = SGD(0.1)\\nopt.step(1.0)\""
READ_FIX = (
    "tests.py runs each time the site is built: take the endless loop or slow work out of its top level "
    "(write the inputs out, or make them with a seeded np.random.default_rng)"
)


def read_tests(path, function_name, begin_step):
    """The Suite that tests.py defines (cases with the arguments as the page receives them)."""
    module = _run(path, begin_step)
    where = shown(path)
    _check_setting_names(where, module)
    cases = _cases(where, module)
    suite = harness.Suite(
        function_name,
        cases,
        _time_limit(where, module),
        _tolerance(where, module),
        show_inputs=_flag(where, module, "SHOW_INPUTS", SHOW_INPUTS_FIX),
        lists_equal_arrays=_flag(where, module, "LISTS_EQUAL_ARRAYS", LISTS_EQUAL_ARRAYS_FIX),
    )
    return harness.Suite.from_json(suite.to_json())  # the arguments exactly as tests.json gives them back


def _run(path, begin_step):
    source = read_text(path)
    code = compile(parse_python(path, source), str(path), "exec")
    module = types.ModuleType(f"tests_of_{path.parent.name}")
    module.__file__ = str(path)
    begin_step(shown(path), "the build ran its top-level code", DEFAULT_TIME_LIMIT_SECONDS, READ_FIX)
    _, error = call_isolated(exec, code, vars(module))
    if error is not None:
        raise failure_in(path, error, "while the build read it", "fix the error on that line") from None
    return module


def _check_setting_names(where, module):
    """An upper-case name close to a setting is a typo the build would otherwise ignore."""
    for name in vars(module):
        if name.isupper() and name not in SETTINGS:
            close = difflib.get_close_matches(name, SETTINGS, n=1, cutoff=0.7)
            if close:
                raise BuildError(where, f"it sets {name}, which the build does not read", f"rename it to {close[0]}")


def _cases(where, module):
    cases = getattr(module, "CASES", None)
    if cases is None:
        lower = [name for name in vars(module) if name.upper() == "CASES"]
        also = f" (it has {lower[0]}: the name is upper case)" if lower else ""
        raise BuildError(where, f"it defines no CASES{also}", CASES_FIX)
    if not isinstance(cases, (list, tuple)) or not cases:
        raise BuildError(where, f"CASES is {'empty' if isinstance(cases, (list, tuple)) else f'a {type(cases).__name__}, not a list'}", CASES_FIX)
    names = set()
    for index, case in enumerate(cases):
        label = f"CASES[{index}]"
        if not isinstance(case, harness.Case):
            raise BuildError(where, f"{label} is a {type(case).__name__}, not a Case", CASES_FIX)
        if not isinstance(case.name, str) or not case.name.strip():
            problem = "has an empty name" if isinstance(case.name, str) or case.name is None else f"has the name {short_repr(case.name)}, which is not text"
            raise BuildError(where, f"{label} {problem}", "give every Case a name= that says what it checks")
        if case.name in names:
            raise BuildError(where, f"two cases are named {case.name!r}", "give every case its own name")
        names.add(case.name)
        _check_case_values(where, case)
    return list(cases)


def _check_case_values(where, case):
    if case.code is not None:
        _check_scenario(where, case)
    elif not isinstance(case.args, dict) or not all(isinstance(name, str) for name in case.args):
        raise BuildError(
            where,
            f"case {case.name!r} has args of type {type(case.args).__name__}{'' if not isinstance(case.args, dict) else ' with names that are not text'}",
            "write args=dict(name=value, ...), one entry per parameter of the function, in order",
        )
    for name, value in case.args.items():
        problem = unstorable(value)
        if problem:
            raise BuildError(where, f"argument {name} of case {case.name!r}: {problem}", f"use {SUPPORTED}, or build the input in a scenario (Case(name=..., code=...))")
    problem = unstorable(case.expected)
    if problem:
        raise BuildError(where, f"the promised value of case {case.name!r}: {problem}", f"promise {SUPPORTED}, or leave expected out")


def _check_scenario(where, case):
    if not isinstance(case.code, str) or not case.code.strip():
        raise BuildError(where, f"case {case.name!r} has code that is {'empty' if isinstance(case.code, str) else f'a {type(case.code).__name__}, not text'}", SCENARIO_FIX)
    if case.args:
        raise BuildError(where, f"case {case.name!r} has both args and code", "give a case either args= (one call of the function) or code= (a scenario), not both")
    try:
        compiled_scenario(case.code)
    except ScenarioProblem as problem:
        raise BuildError(where, f"case {case.name!r}: {problem}", SCENARIO_FIX) from None


def _time_limit(where, module):
    value = getattr(module, "TIME_LIMIT_SECONDS", DEFAULT_TIME_LIMIT_SECONDS)
    if not _is_number(value) or not 0 < value <= MAX_TIME_LIMIT_SECONDS:
        raise BuildError(
            where,
            f"TIME_LIMIT_SECONDS is {short_repr(value)}",
            f"set it to the seconds one test may take, more than 0 and at most {MAX_TIME_LIMIT_SECONDS} (without it, {DEFAULT_TIME_LIMIT_SECONDS:g})",
        )
    return float(value)


def _tolerance(where, module):
    value = getattr(module, "TOLERANCE", DEFAULT_TOLERANCE)
    fix = f'give TOLERANCE the keys rel and abs, each a number of at least 0 (without it: {DEFAULT_TOLERANCE})'
    if not isinstance(value, dict):
        raise BuildError(where, f"TOLERANCE is a {type(value).__name__}, not a dict", fix)
    for key, number in value.items():
        if key not in DEFAULT_TOLERANCE:
            close = difflib.get_close_matches(str(key), DEFAULT_TOLERANCE, n=1, cutoff=0.5)
            raise BuildError(where, f"TOLERANCE has the key {short_repr(key)}{f' (did you mean {close[0]!r}?)' if close else ''}", fix)
        if not _is_number(number) or number < 0:
            raise BuildError(where, f"TOLERANCE[{key!r}] is {short_repr(number)}", fix)
    return {**DEFAULT_TOLERANCE, **{key: float(number) for key, number in value.items()}}


SHOW_INPUTS_FIX = 'set SHOW_INPUTS = False to keep the hidden tests\' inputs out of sight (no "Try in console" on a failed test), or leave it out (True)'
LISTS_EQUAL_ARRAYS_FIX = (
    "set LISTS_EQUAL_ARRAYS = False when a list and a numpy array of the same numbers must count as different, or leave it out (True)"
)


def _flag(where, module, name, fix):
    value = getattr(module, name, True)
    if not isinstance(value, bool):
        raise BuildError(where, f"{name} is {short_repr(value, 60)}, not True or False", fix)
    return value


def _is_number(value):
    """A finite real number, not a bool."""
    if not isinstance(value, numbers.Real) or isinstance(value, bool):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an int too large for a float
        return False
