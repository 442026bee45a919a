"""What the build ships about the reference's parameters, so hints can speak of them without
the reference's code: its signature (names, order, defaults) and probes, its outputs on a test
with one argument changed."""

from dataclasses import dataclass

# Stands for "this parameter has no default".
NO_DEFAULT = object()


@dataclass(frozen=True)
class Parameter:
    name: str
    default: object = NO_DEFAULT  # as tests.json carries it (harness.cases.encode_value)

    @property
    def has_default(self):
        return self.default is not NO_DEFAULT


@dataclass(frozen=True)
class Probe:
    """The reference's output on case `case` with argument `parameter` set to `value`."""

    case: int  # its index in the suite's cases
    parameter: str
    value: object
    expected: object


def parameter_to_json(parameter, encode):
    return {"name": parameter.name, "default": encode(parameter.default)} if parameter.has_default else {"name": parameter.name}


def parameter_from_json(data, decode):
    return Parameter(data["name"], decode(data["default"])) if "default" in data else Parameter(data["name"])


def probe_to_json(probe, encode):
    return {"case": probe.case, "parameter": probe.parameter, "value": encode(probe.value), "expected": encode(probe.expected)}


def probe_from_json(data, decode):
    return Probe(data["case"], data["parameter"], decode(data["value"]), decode(data["expected"]))


def arguments_with(suite, index, changes):
    """A fresh copy of case `index`'s arguments, in order, with `changes` ({name: value})
    applied. A parameter the case leaves out is added at its place, with the defaults of the
    reference's parameters before it, so every argument is still passed by position."""
    args = dict(zip(suite.cases[index].args, suite.fresh_args(index)))
    names = [parameter.name for parameter in suite.parameters]
    last = max((names.index(name) for name in changes), default=-1)
    for parameter in suite.parameters[len(args) : last + 1]:
        if not parameter.has_default:
            return None
        args[parameter.name] = parameter.default
    args.update(changes)
    return list(args.values())
