"""Test cases as data: what instructors write in tests.py and what ships as tests.json."""

import copy
import json
from dataclasses import dataclass, field

from .literals import literal
from .mistakes import Mistake
from .scenarios import scenario_source
from .values import decode_value, encode_value
from .parameters import parameter_from_json, parameter_to_json, probe_from_json, probe_to_json

# formats/tests_json.v1.schema.json
TESTS_JSON_VERSION = 1
DEFAULT_TIME_LIMIT_SECONDS = 5.0
DEFAULT_TOLERANCE = {"rel": 1e-6, "abs": 1e-9}


@dataclass
class Case:
    """One named test, of one of two kinds:
    - a call: `args`, the arguments passed to the function (in order), whose return value is
      the result;
    - a scenario: `code`, Python statements run with numpy as `np` and every top-level name of
      the learner's file in scope (harness.scenarios), whose last statement is an expression:
      its value is the result.
    `expected` is optional in tests.py: when given, it is the value the name promises and
    the build fails if the reference solution disagrees with it. The value shipped to the
    page is always the reference solution's own result.
    """

    name: str
    args: dict = field(default_factory=dict)
    expected: object = None
    code: str | None = None


@dataclass
class Suite:
    function: str
    cases: list
    time_limit_seconds: float = DEFAULT_TIME_LIMIT_SECONDS
    tolerance: dict = field(default_factory=lambda: dict(DEFAULT_TOLERANCE))
    mistakes: list = field(default_factory=list)  # harness.mistakes.Mistake, in the order they are tried
    examples: list = field(default_factory=list)  # Cases shown in the page, run by "Run examples"
    show_inputs: bool = True  # whether a failed test offers "Try in console" with its inputs (tests.py's SHOW_INPUTS)
    lists_equal_arrays: bool = True  # whether a list and an array of the same numbers are equal (tests.py's LISTS_EQUAL_ARRAYS)
    parameters: list = field(default_factory=list)  # harness.parameters.Parameter: the reference's, in order
    probes: list = field(default_factory=list)  # harness.parameters.Probe: the reference's outputs with one argument changed

    def to_json(self):
        return json.dumps(
            {
                "version": TESTS_JSON_VERSION,
                "function": self.function,
                "time_limit_seconds": self.time_limit_seconds,
                "tolerance": self.tolerance,
                "show_inputs": self.show_inputs,
                "lists_equal_arrays": self.lists_equal_arrays,
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
        if data.get("version") != TESTS_JSON_VERSION:
            raise ValueError(f"tests.json has format version {data.get('version')}; this harness reads version {TESTS_JSON_VERSION} (rebuild the site)")
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
            lists_equal_arrays=data["lists_equal_arrays"],
            parameters=[parameter_from_json(parameter, decode_value) for parameter in data["parameters"]],
            probes=[probe_from_json(probe, decode_value) for probe in data["probes"]],
        )

    def examples_suite(self):
        """The visible examples as a Suite of their own, graded like the hidden tests."""
        return Suite(self.function, self.examples, self.time_limit_seconds, self.tolerance, parameters=self.parameters, lists_equal_arrays=self.lists_equal_arrays)

    def fresh_args(self, index):
        """A deep copy of a case's arguments, so a learner who mutates inputs affects only that call."""
        return copy.deepcopy(list(self.cases[index].args.values()))

    def call_source(self, index):
        """Python that does what a case does: a scenario's own code, or a call of the function
        on the case's inputs as the tests make it (positionally, in the order of args), each
        input first assigned to its name, e.g. `x1 = np.array([[0, 0]])` ...
        `contrastive_loss(x1, x2, label, margin)`."""
        case = self.cases[index]
        if case.code is not None:
            return scenario_source(case.code)
        assignments = [f"{name} = {literal(value)}" for name, value in case.args.items()]
        return "\n".join([*assignments, f"{self.function}({', '.join(case.args)})"])


def _encode_case(case):
    encoded = {
        "name": case.name,
        "args": {key: encode_value(value, f"argument {key} of case {case.name!r}") for key, value in case.args.items()},
        "expected": encode_value(case.expected, f"the expected value of case {case.name!r}"),
    }
    if case.code is not None:
        encoded["code"] = case.code
    return encoded


def _decode_case(data):
    return Case(
        name=data["name"],
        args={key: decode_value(value) for key, value in data["args"].items()},
        expected=decode_value(data["expected"]),
        code=data.get("code"),
    )
