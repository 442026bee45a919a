"""A function that returns several values, `return loss, distances`, where the tests expect
one: when one of them is the expected result on the failed tests, say which."""

from ..isolation import is_plain_data
from .plain_outputs import matches, plain
from ..explain.wording import counted, tests_text

ORDINALS = ("first", "second", "third", "fourth", "fifth")


def tuple_sentence(suite, failing, outputs):
    """The sentence, or None when the failed tests did not all return a tuple, or no one
    place of it holds the expected result on each of them."""
    tuples = [outputs[index] for index in failing]
    if not tuples or not all(type(value) is tuple and 1 < len(value) <= len(ORDINALS) and is_plain_data(value) for value in tuples):
        return None
    sizes = {len(value) for value in tuples}
    if len(sizes) != 1:
        return None
    for place in range(sizes.pop()):
        if all(matches(suite.cases[index].expected, plain(outputs[index][place]), suite.tolerance) for index in failing):
            return (
                f"Your function returns {counted(len(tuples[0]), 'value')} (a tuple), and its {ORDINALS[place]} value is the expected "
                f"result on {tests_text(failing).lower()}: return that value alone."
            )
    return None
