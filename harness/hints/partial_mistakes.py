"""Known mistakes that explain some of the failed tests. Real code often combines two
mistakes, or a mistake and an epsilon, so no known mistake matches every test; each one
that matches some failed tests is named with those tests, and never claimed for more. A
test counts only where the mistake fails it too (elsewhere the reference explains it as well)."""

from dataclasses import dataclass

from .near_miss import NEAR_ABSOLUTE, NEAR_RELATIVE
from .plain_outputs import matches
from ..explain.wording import tests_text

MOST_NAMED = 2  # more would read as guessing
FEWEST_EXPLAINED = 2  # tests a mistake must explain, unless they are every failed test: one alone may be chance


@dataclass
class PartialMatch:
    mistake: object  # harness.mistakes.Mistake
    exact: list  # the failed tests on which the learner's output is the mistake's, within the tolerance
    near: list  # those on which it is within NEAR_RELATIVE of it

    @property
    def tests(self):
        return sorted(self.exact + self.near)


def partial_mistakes(suite, failing, outputs):
    """The PartialMatches that explain the most failed tests, best first; a test is explained
    by one mistake at most."""
    near = {"rel": NEAR_RELATIVE, "abs": max(NEAR_ABSOLUTE, suite.tolerance["abs"])}
    left = [index for index in failing if outputs[index] is not None]
    named = []
    while left and len(named) < MOST_NAMED:
        candidates = [_match(mistake, suite, left, outputs, near) for mistake in suite.mistakes if mistake not in [m.mistake for m in named]]
        best = max(candidates, key=lambda match: (len(match.tests), len(match.exact)), default=None)
        if best is None or not best.tests or len(best.tests) < min(FEWEST_EXPLAINED, len(failing)):
            break
        named.append(best)
        left = [index for index in left if index not in best.tests]
    return named


def _match(mistake, suite, tests, outputs, near):
    telling = [index for index in tests if not matches(suite.cases[index].expected, mistake.outputs[index], suite.tolerance)]
    exact = [index for index in telling if matches(mistake.outputs[index], outputs[index], suite.tolerance)]
    nearly = [index for index in telling if index not in exact and matches(mistake.outputs[index], outputs[index], near)]
    return PartialMatch(mistake, exact, nearly)


def partial_mistake_sentence(match, aside=""):
    """`aside`, e.g. " (test 2 with ...)", follows the tests named."""
    if not match.near:
        verb = "fails" if len(match.exact) == 1 else "fail"
        return f"{tests_text(match.exact)}{aside} {verb} as this known mistake does: {match.mistake.hint}"
    verb = "misses" if len(match.tests) == 1 else "miss"
    return (
        f"{tests_text(match.tests)}{aside} {verb} the expected value as this known mistake does, give or take less than "
        f"1e-3 relative (an epsilon, float32 or rounding?): {match.mistake.hint}"
    )
