"""The hints of a run: what the learner's results have in common with known mistakes, their
signature, the parameters and the tolerance, each a sentence in the learner's terms (see
harness.results for the format). A hint says only what was seen: the tests it is about are
named, and nothing is claimed for the others."""

from .extra_calls import ExtraCalls
from ..isolation import examine_returned
from .learner_signature import compare_signature
from ..mistakes import NO_OUTPUT, recognise
from .near_miss import is_near, likely_cause, relative_gap
from .overflow_hints import overflow_sentence
from ..parameters import NO_DEFAULT
from .partial_mistakes import partial_mistake_sentence, partial_mistakes
from .plain_outputs import matches, plain
from .probe_hints import probe_hints
from ..results import PASSED
from .scaled_results import scaled_sentence
from .tuple_hints import tuple_sentence
from ..explain.wording import tests_text

# The kinds of hint (static/results_view.js names each above its text).
MISTAKE, PARTIAL_MISTAKE, TUPLE, SIGNATURE, PARAMETER, SCALED, NEAR_MISS, OVERFLOW, PACKAGE = (
    "mistake", "partial-mistake", "tuple", "signature", "parameter", "scaled", "near-miss", "overflow", "package",
)


def hint(kind, text):
    return {"kind": kind, "text": text}


def hints_of_run(suite, function, tests, outputs, seconds):
    """The hints of a graded run; `outputs` holds what the function returned on each test
    (NO_OUTPUT where it raised), `seconds` how long each call took."""
    try:
        return _hints(suite, function, tests, outputs, seconds)
    except Exception:  # noqa: BLE001 - a hint that fails leaves the results as they are, a known mistake still named
        full, _ = examine_returned(outputs, recognise, suite, outputs)
        return [hint(MISTAKE, full)] if full is not None and any(test["status"] != PASSED for test in tests) else []


def _hints(suite, function, tests, outputs, seconds):
    signature = compare_signature(function, suite.parameters)
    failing = [index for index, test in enumerate(tests) if test["status"] != PASSED]
    if not failing:
        return [hint(SIGNATURE, note) for note in signature.notes]
    several = tuple_sentence(suite, failing, outputs)
    if several:
        return [hint(TUPLE, several)] + [hint(SIGNATURE, note) for note in signature.notes]
    plains = [None if output is NO_OUTPUT else plain(output) for output in outputs]
    calls = ExtraCalls(function, suite, seconds)
    mine, run_again, passing_with_defaults = _with_exercise_defaults(suite, failing, plains, signature.other_defaults, calls)
    hints, explained = _mistake_hints(suite, failing, outputs, mine, passing_with_defaults, run_again, [test["output"] for test in tests])
    notes = list(signature.notes)
    if passing_with_defaults:
        notes.append(_defaults_sentence(suite, passing_with_defaults, signature.other_defaults))
    hints += [hint(SIGNATURE, note) for note in notes]
    unexplained = [index for index in failing if index not in passing_with_defaults and index not in explained]
    hints += [hint(PARAMETER, sentence) for sentence in probe_hints(suite, unexplained, plains, calls)]
    scaled = scaled_sentence(suite, unexplained, plains)
    if scaled:
        hints.append(hint(SCALED, scaled))
    near = [index for index in unexplained if is_near(suite.cases[index].expected, plains[index], suite.tolerance)]
    if near:
        hints.append(hint(NEAR_MISS, _near_miss_sentence(suite, near, plains, outputs)))
    return hints


def _with_exercise_defaults(suite, failing, plains, other_defaults, calls):
    """The learner's outputs with the failed tests that leave out a parameter whose default
    differs run again with the exercise's defaults passed; the tests run again; and those
    that then pass."""
    mine, again, passing = list(plains), [], []
    for index in failing:
        if suite.cases[index].code is not None:
            continue  # a scenario: its calls are its own
        left_out = {name: _default(suite, name) for name in other_defaults if name not in suite.cases[index].args}
        if not left_out:
            continue
        mine[index] = calls.output(index, left_out)
        again.append(index)
        if matches(suite.cases[index].expected, mine[index], suite.tolerance):
            passing.append(index)
    return mine, again, passing


def _mistake_hints(suite, failing, outputs, mine, passing_with_defaults, run_again, printed):
    full, _ = examine_returned(outputs, recognise, suite, outputs)
    if full is not None:
        return [hint(MISTAKE, full)], failing
    full = next((mistake.hint for mistake in suite.mistakes if all(matches(e, m, suite.tolerance) for e, m in zip(mistake.outputs, mine))), None)
    if full is not None:
        return [hint(MISTAKE, f"{full} On {tests_text(run_again).lower()}, that holds once this exercise's defaults are passed.")], failing
    left = [index for index in failing if index not in passing_with_defaults]
    named = partial_mistakes(suite, left, mine)
    hints = [hint(PARTIAL_MISTAKE, partial_mistake_sentence(match, _with_defaults(match.tests, run_again))) for match in named]
    overflow = overflow_sentence(suite, left, mine, printed, named[0].mistake if named else None)
    return hints + ([hint(OVERFLOW, overflow)] if overflow else []), [index for match in named for index in match.tests]


def _with_defaults(tests, run_again):
    """What a sentence about `tests` must add when some of them were run again with the exercise's defaults, or ""."""
    again = [index for index in tests if index in run_again]
    return f" ({tests_text(again).lower()} with this exercise's defaults passed)" if again else ""


def _defaults_sentence(suite, tests, other_defaults):
    names = [name for name in other_defaults if any(name not in suite.cases[index].args for index in tests)]
    leave = "leaves" if len(tests) == 1 else "leave"
    it = "it" if len(tests) == 1 else "them"
    shown = ", ".join(f"`{name}={_default(suite, name)!r}`" for name in names)
    return f"{tests_text(tests)} {leave} {', '.join(f'`{name}`' for name in names)} out, so your default is used there; with {shown} passed, your function passes {it}."


def _near_miss_sentence(suite, tests, plains, outputs):
    worst = max(tests, key=lambda index: relative_gap(suite.cases[index].expected, plains[index]))
    gap = relative_gap(suite.cases[worst].expected, plains[worst])
    verb = "misses" if len(tests) == 1 else "miss"
    return (
        f"{tests_text(tests)} {verb} by only {gap:.2g} relative, just outside the tolerance "
        f"({suite.tolerance['rel']:g} relative, {suite.tolerance['abs']:g} absolute). {likely_cause(suite.cases[worst].expected, outputs[worst])}"
    )


def _default(suite, name):
    return next((parameter.default for parameter in suite.parameters if parameter.name == name), NO_DEFAULT)
