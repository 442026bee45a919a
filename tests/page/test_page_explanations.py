"""Browser: a learner whose code meets a numpy error, a signature the tests cannot call or
input() reads what it means in their own terms, in the failing test's row, above Python's
own message (which stays)."""

from explained_submissions import SUBMISSIONS
from page_actions import rows, run_and_wait, set_code
from playwright.sync_api import expect
from problem_folders import case_names

REFERENCE_EXAMPLE, THREE_PAIRS = 0, 1
FOUR_ARGUMENTS = 3  # the coincident pair's test passes margin too
# (submission, the test whose row is read, what the explanation says, how the raw message starts)
EXPLAINED = [
    (
        "broadcasting",
        THREE_PAIRS,
        [
            "Line 6, `label[:, None] * d ** 2 * x1`: `label[:, None] * d ** 2` has shape (3, 3) and `x1` has shape (3, 4)",
            "because broadcasting `label[:, None]` (3, 1) with `d ** 2` (3,) pairs every entry of one with every entry of the other",
        ],
        "ValueError: operands could not be broadcast together with shapes (3,3) (3,4)",
    ),
    (
        "in-place cast",
        REFERENCE_EXAMPLE,
        ["`x1` holds integers (int64); `x1 -= x2` would store floats (float64) in it", "Use `x1 - x2`, which makes a new array"],
        "UFuncTypeError: Cannot cast ufunc 'subtract' output from dtype('float64') to dtype('int64')",
    ),
    (
        "too few parameters",
        FOUR_ARGUMENTS,
        ["The tests call your function with 4 arguments, in this order: `contrastive_loss(x1, x2, label, margin)`."],
        "TypeError: contrastive_loss() takes 2 positional arguments but 4 were given",
    ),
    (
        "input in the function",
        REFERENCE_EXAMPLE,
        ["`input()` waits for someone to type, but nobody can type here: the tests pass the values to your function as its arguments"],
        "EOFError: EOF when reading a line",
    ),
]


def test_each_explanation_is_shown_above_the_raw_message(exercise_page):
    page = exercise_page
    for submission, index, explanation, raw in EXPLAINED:
        set_code(page, SUBMISSIONS[submission])
        run_and_wait(page)
        row = rows(page).nth(index)
        expect(row).to_have_attribute("data-status", "error")
        expect(row).to_contain_text(case_names()[index])
        message = row.locator(".results__message").text_content()
        for words in explanation:
            assert words in message, f"{submission}: {words!r} is not shown:\n{message}"
        assert raw in message, f"{submission}: Python's own message is gone:\n{message}"
        assert message.index(explanation[0]) < message.index(raw), submission


def test_a_signature_the_tests_cannot_call_points_at_the_def_line(exercise_page):
    page = exercise_page
    set_code(page, SUBMISSIONS["too few parameters"])
    run_and_wait(page)
    expect(rows(page).first.get_by_role("button", name="Go to line 4")).to_be_visible()
