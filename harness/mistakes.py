"""Known wrong answers of a problem. A problem folder may hold wrong variants of the
solution (mistakes/*.py); the build runs them and ships only their outputs and a hint.
When a learner's outputs match one variant's on every test, the page shows its hint."""

from dataclasses import dataclass

from .compare import describe_mismatch


# Stands for "this case produced no value" (it raised, or did not run).
NO_OUTPUT = object()


@dataclass
class Mistake:
    name: str
    hint: str
    outputs: list  # the variant's return value on each case, in the suite's order


def recognise(suite, outputs):
    """The hint of the first known mistake whose outputs match `outputs` on every case, or None.

    `outputs` holds the learner's return value per case, or NO_OUTPUT where a case raised."""
    if any(output is NO_OUTPUT for output in outputs):
        return None
    for mistake in suite.mistakes:
        if outputs_match(mistake.outputs, outputs, suite.tolerance):
            return mistake.hint
    return None


def outputs_match(first, second, tolerance):
    """Whether two lists of return values agree on every case, within `tolerance`."""
    return all(_same(a, b, tolerance) for a, b in zip(first, second))


def _same(expected, got, tolerance):
    try:
        return describe_mismatch(expected, got, tolerance) is None
    except Exception:  # noqa: BLE001 - an answer that cannot be compared matches nothing
        return False
