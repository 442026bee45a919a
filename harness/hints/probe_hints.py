"""Parameter probes: on a failed test, does the learner's result follow a parameter where the
reference's does? The build ships the reference's output on each test with one argument
changed (harness.parameters.Probe); here the learner's function gets the same change."""

import numpy as np

from ..display import show_number
from .plain_outputs import is_finite, matches, same


def probe_hints(suite, failing, outputs, calls):
    """Sentences about parameters the learner's results ignore, or seem fixed to the default of.
    Nothing for a function that returns one value on every test: it ignores everything alike."""
    given = [output for output in outputs if output is not None]
    if len(given) < 2 or all(same(output, given[0], suite.tolerance) for output in given):
        return []
    sentences = []
    for name in dict.fromkeys(probe.parameter for probe in suite.probes):
        probes = [probe for probe in suite.probes if probe.parameter == name and probe.case in failing and is_finite(outputs[probe.case])]
        unchanged = next((probe for probe in probes if _unchanged(probe, suite, outputs, calls)), None)
        as_default = next(
            (probe for probe in probes if _is_default_probe(probe, suite) and matches(probe.expected, outputs[probe.case], suite.tolerance)),
            None,
        )
        if unchanged is None and as_default is None:
            continue
        sentence = ""
        if unchanged is not None:
            sentence = _ignored(unchanged, suite, outputs)
        if as_default is not None:
            passed = suite.cases[as_default.case].args[name]
            sentence += (
                f"{' ' if sentence else ''}On test {as_default.case + 1}, which passes `{name}={_value(passed)}`, your result is "
                f"what `{name}={_value(as_default.value)}`, the default, gives."
            )
        sentence += f" Is `{name}` fixed in your code instead of read from the argument?"
        sentences.append(sentence)
    return sentences


def _unchanged(probe, suite, outputs, calls):
    if _is_default_probe(probe, suite):
        return False
    mine = calls.output(probe.case, {probe.parameter: probe.value})
    return same(mine, outputs[probe.case], suite.tolerance)


def _is_default_probe(probe, suite):
    """Whether the probe sets a parameter the test passes back to the default (harness.parameters)."""
    parameter = next(p for p in suite.parameters if p.name == probe.parameter)
    args = suite.cases[probe.case].args
    return parameter.has_default and probe.parameter in args and _equal(probe.value, parameter.default) and not _equal(args[probe.parameter], parameter.default)


def _ignored(probe, suite, outputs):
    name, case = probe.parameter, suite.cases[probe.case]
    before = case.args.get(name, next(p.default for p in suite.parameters if p.name == name))
    mine = outputs[probe.case]
    if isinstance(mine, np.ndarray):
        got, changes = "the same array again", "the expected array changes"
    else:
        got, changes = f"{show_number(mine)} again", f"the expected result changes to {show_number(probe.expected)}"
    return (
        f"Your result does not change with `{name}`: on test {probe.case + 1}, `{name}={_value(probe.value)}` in place of "
        f"{_value(before)} gives you {got}, where {changes}."
    )


def _value(value):
    return repr(value) if isinstance(value, (bool, int, float)) else str(value)


def _equal(first, second):
    try:
        return bool(first == second)
    except Exception:  # noqa: BLE001 - values without one answer to == are not equal here
        return False
