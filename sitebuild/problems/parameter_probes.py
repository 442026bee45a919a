"""What the build learns about the reference's parameters by calling it (in the child process
of instructor_code.py): its signature as the page needs it, probes (its output on a test with
one argument changed, shipped so the page can tell whether a learner's result follows that
argument), and the authoring warning for a default no test exercises."""

import inspect
import math
import numbers

from base.paths import shown
from harness.compare import describe_mismatch
from harness.isolation import call_isolated
from harness.parameters import Parameter, Probe, arguments_with
from harness.values import Unstorable

from .parameters import POSITIONAL
from .stored_values import as_stored, unstorable

PROBE_TIMEOUT_FIX = "make solution.py return within the time limit for other values of its parameters too"


def reference_parameters(reference):
    """The positional parameters of the reference's function (or its class's constructor),
    with each default tests.json can carry."""
    parameters = []
    for parameter in inspect.signature(reference.function).parameters.values():
        if parameter.kind not in POSITIONAL:
            continue
        default = parameter.default
        storable = default is not inspect.Parameter.empty and unstorable(default) is None
        parameters.append(Parameter(parameter.name, default) if storable else Parameter(parameter.name))
    return parameters


def other_values(value):
    """Values to try a parameter with instead of `value`: a bool flipped, a number doubled,
    halved or plus one; nothing for other kinds."""
    if isinstance(value, bool):
        return [not value]
    if isinstance(value, numbers.Real) and math.isfinite(value):
        return [2.0 * value, value / 2, value + 1.0] if value else [1.0, 0.5]
    return []


class ReferenceCalls:
    """Calls the reference on a suite's cases with arguments changed, under the build's limits."""

    def __init__(self, reference, suite, begin_step):
        self.reference, self.suite, self.begin_step = reference, suite, begin_step

    def output(self, index, changes):
        """The reference's stored output on case `index` with `changes`, or None when it
        raises or returns what the site cannot store (such a probe is simply not made)."""
        args = arguments_with(self.suite, index, changes)
        if args is None:
            return None
        case = self.suite.cases[index]
        change = ", ".join(f"{name}={value!r}" for name, value in changes.items())
        self.begin_step(
            shown(self.reference.path), f"the build called {self.suite.function} on case {case.name!r} with {change}", self.suite.time_limit_seconds, PROBE_TIMEOUT_FIX
        )
        value, error = call_isolated(self.reference.function, *args)
        if error is not None:
            return None
        try:
            return as_stored(value)
        except Unstorable:
            return None

    def differs(self, index, output):
        return describe_mismatch(self.suite.cases[index].expected, output, self.suite.tolerance, self.suite.lists_equal_arrays) is not None


def probes_of(calls):
    """For each case and each bool or number parameter: the reference's output with that
    argument changed to the first other value that changes it, and, where the case passes a
    value other than the default, with the default."""
    suite = calls.suite
    probes = []
    for index, case in enumerate(suite.cases):
        if case.code is not None:  # a scenario makes its own calls
            continue
        for parameter in suite.parameters:
            value = case.args.get(parameter.name, parameter.default)
            for other in other_values(value):
                output = calls.output(index, {parameter.name: other})
                if output is not None and calls.differs(index, output):
                    probes.append(Probe(index, parameter.name, other, output))
                    break
            tried = [probe.value for probe in probes if (probe.case, probe.parameter) == (index, parameter.name)]
            if parameter.has_default and parameter.name in case.args and all(_differ(parameter.default, other) for other in [value, *tried]):
                output = calls.output(index, {parameter.name: parameter.default})
                if output is not None and calls.differs(index, output):
                    probes.append(Probe(index, parameter.name, parameter.default, output))
    return probes


def unexercised_defaults(calls):
    """(parameter, default) of each default that no case leaving it out depends on: a learner
    whose default differs would pass every test."""
    suite = calls.suite
    unexercised = []
    for parameter in suite.parameters:
        if not parameter.has_default or not other_values(parameter.default):
            continue
        passed = [case.args[parameter.name] for case in suite.cases if parameter.name in case.args]
        others = [value for value in _distinct([*passed, *other_values(parameter.default)]) if _differ(value, parameter.default)]
        leaving_out = [index for index, case in enumerate(suite.cases) if case.code is None and parameter.name not in case.args]
        if not leaving_out and any(case.code is not None for case in suite.cases):
            continue  # scenarios make their own calls: whether they rely on a default is theirs to say
        if not any(_depends(calls, index, parameter.name, others) for index in leaving_out):
            unexercised.append((parameter.name, parameter.default))
    return unexercised


def _depends(calls, index, name, values):
    for value in values:
        output = calls.output(index, {name: value})
        if output is not None and calls.differs(index, output):
            return True
    return False


def _distinct(values):
    """`values` without repeats, in order (they may be unhashable: arrays, lists)."""
    distinct = []
    for value in values:
        if all(_differ(value, seen) for seen in distinct):
            distinct.append(value)
    return distinct


def _differ(first, second):
    try:
        return bool(first != second)
    except Exception:  # noqa: BLE001 - e.g. arrays, whose != gives no single answer
        return True
