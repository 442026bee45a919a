"""Test cases as data: what instructors write in tests.py and what ships as tests.json."""

import copy
import json
from dataclasses import dataclass, field

import numpy as np

from .literals import literal
from .mistakes import Mistake
from .parameters import parameter_from_json, parameter_to_json, probe_from_json, probe_to_json

DEFAULT_TIME_LIMIT_SECONDS = 5.0
DEFAULT_TOLERANCE = {"rel": 1e-6, "abs": 1e-9}


@dataclass
class Case:
    """One named test: the arguments passed (in order) and the value the learner must return.

    `expected` is optional in tests.py: when given, it is the value the name promises and
    the build fails if the reference solution disagrees with it. The value shipped to the
    page is always the reference solution's own output.
    """

    name: str
    args: dict
    expected: object = None


@dataclass
class Suite:
    function: str
    cases: list
    time_limit_seconds: float = DEFAULT_TIME_LIMIT_SECONDS
    tolerance: dict = field(default_factory=lambda: dict(DEFAULT_TOLERANCE))
    mistakes: list = field(default_factory=list)  # harness.mistakes.Mistake, in the order they are tried
    examples: list = field(default_factory=list)  # Cases shown in the page, run by "Run examples"
    show_inputs: bool = True  # whether a failed test offers "Try in console" with its inputs (tests.py's SHOW_INPUTS)
    parameters: list = field(default_factory=list)  # harness.parameters.Parameter: the reference's, in order
    probes: list = field(default_factory=list)  # harness.parameters.Probe: the reference's outputs with one argument changed

    def to_json(self):
        return json.dumps(
            {
                "function": self.function,
                "time_limit_seconds": self.time_limit_seconds,
                "tolerance": self.tolerance,
                "show_inputs": self.show_inputs,
                "cases": [_encode_case(case) for case in self.cases],
                "examples": [_encode_case(case) for case in self.examples],
                "mistakes": [
                    {"name": mistake.name, "hint": mistake.hint, "outputs": [encode_value(output) for output in mistake.outputs]}
                    for mistake in self.mistakes
                ],
                "parameters": [parameter_to_json(parameter, encode_value) for parameter in self.parameters],
                "probes": [probe_to_json(probe, encode_value) for probe in self.probes],
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text):
        data = json.loads(text)
        return cls(
            function=data["function"],
            time_limit_seconds=data["time_limit_seconds"],
            tolerance=data["tolerance"],
            cases=[_decode_case(case) for case in data["cases"]],
            examples=[_decode_case(case) for case in data["examples"]],
            mistakes=[
                Mistake(name=mistake["name"], hint=mistake["hint"], outputs=[decode_value(output) for output in mistake["outputs"]])
                for mistake in data["mistakes"]
            ],
            show_inputs=data["show_inputs"],
            parameters=[parameter_from_json(parameter, decode_value) for parameter in data["parameters"]],
            probes=[probe_from_json(probe, decode_value) for probe in data["probes"]],
        )

    def examples_suite(self):
        """The visible examples as a Suite of their own, graded like the hidden tests."""
        return Suite(self.function, self.examples, self.time_limit_seconds, self.tolerance, parameters=self.parameters)

    def fresh_args(self, index):
        """A deep copy of a case's arguments, so a learner who mutates inputs affects only that call."""
        return copy.deepcopy(list(self.cases[index].args.values()))

    def call_source(self, index):
        """Python that calls the function on a case's inputs as the tests do (positionally, in
        the order of args), each input first assigned to its name, e.g.
        `x1 = np.array([[0, 0]])` ... `contrastive_loss(x1, x2, label, margin)`."""
        args = self.cases[index].args
        assignments = [f"{name} = {literal(value)}" for name, value in args.items()]
        return "\n".join([*assignments, f"{self.function}({', '.join(args)})"])


def _encode_case(case):
    return {
        "name": case.name,
        "args": {key: encode_value(value) for key, value in case.args.items()},
        "expected": encode_value(case.expected),
    }


def _decode_case(data):
    return Case(
        name=data["name"],
        args={key: decode_value(value) for key, value in data["args"].items()},
        expected=decode_value(data["expected"]),
    )


def encode_value(value):
    if isinstance(value, np.ndarray):
        return {"ndarray": value.tolist(), "dtype": str(value.dtype)}
    if isinstance(value, np.generic):
        return value.item()
    return value


def decode_value(value):
    if isinstance(value, dict) and "ndarray" in value:
        return np.array(value["ndarray"], dtype=value["dtype"])
    return value
