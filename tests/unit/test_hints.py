"""The hints of harness.hints in CPython, one kind at a time, on the problems' suites as they
ship: what real code gets wrong (a default, a parameter it ignores, two mistakes at once,
an epsilon, an overflow, a package the page lacks), each said in the learner's terms and
never claimed for more tests than it explains."""

import pytest
from problem_folders import CONTRASTIVE, shipped_suite, source

import harness
from harness.hints.overflow_hints import overflow_sentence

# Submissions below overflow on purpose. Under pytest, numpy's warnings are pytest's to
# record, not printed into the test's output, so the sentences they lead to are checked
# on printed text, and in tests/corpus/submissions/ (graded in a child process).
pytestmark = pytest.mark.filterwarnings("ignore::RuntimeWarning")

CONTRASTIVE_TEMPLATE = """\
import numpy as np


def contrastive_loss(x1, x2, label, margin={default}):
    {before}d = np.linalg.norm(x1 - x2{epsilon}, axis=1)
    return {wrap}(np.mean({similar} * d**2 + {dissimilar} * np.maximum(0, margin - d) ** 2))
"""


def contrastive(default="1.0", before="", epsilon="", wrap="", flipped=False):
    similar, dissimilar = ("(1 - label)", "label") if flipped else ("label", "(1 - label)")
    return CONTRASTIVE_TEMPLATE.format(default=default, before=before, epsilon=epsilon, wrap=wrap, similar=similar, dissimilar=dissimilar)


def graded(code, slug=CONTRASTIVE):
    return harness.grade(code, shipped_suite(slug))


def hints(results, kind=None):
    return [entry["text"] for entry in results["hints"] if kind in (None, entry["kind"])]


def statuses(results):
    return [test["status"] for test in results["tests"]]


# Signature.


def test_a_wrong_default_fails_the_test_that_leaves_it_out_and_is_named():
    results = graded(contrastive(default="5.0"))
    assert statuses(results) == ["failed", "passed", "passed", "passed"]
    assert hints(results, "signature") == [
        "Your default `margin` is 5.0; this exercise's is 1.0.",
        "Test 1 leaves `margin` out, so your default is used there; with `margin=1.0` passed, your function passes it.",
    ]
    assert results["hint"] == " ".join(hints(results))


def test_a_signature_note_shows_even_when_every_test_passes():
    code = contrastive().replace("margin=1.0):", "margin=1.0, eps=0.0):")
    results = graded(code)
    assert results["status"] == "passed"
    assert hints(results) == [
        "Your function takes `eps`, which this exercise does not have: the tests never pass it, so it always keeps your default, 0.0."
    ]


def test_parameters_in_another_order_are_named():
    code = "def contrastive_loss(x1, label, x2, margin=1.0):\n    return 0.0\n"
    [note] = hints(graded(code), "signature")
    assert note.startswith("Your parameters come in another order, (x1, label, x2, margin), than this exercise's, (x1, x2, label, margin=1.0).")
    assert "`label` and `x2` each get the argument meant for the parameter at their place" in note


def test_renamed_parameters_with_another_default_say_which_is_which():
    code = "def contrastive_loss(a, b, y, m=2.0):\n    return 0.0\n"
    notes = hints(graded(code), "signature")
    assert notes[0].startswith("Your parameters are named (a, b, y, m); this exercise's are (x1, x2, label, margin=1.0).")
    assert notes[1] == "Your default `m` (this exercise's `margin`) is 2.0; this exercise's is 1.0."


def test_the_reference_gets_no_hint():
    assert graded(contrastive())["hints"] == []


def test_a_numpy_default_equal_to_the_exercises_is_the_same_default():
    assert graded(contrastive(default="np.float64(1.0)"))["hints"] == []


# Parameter probes.


def test_a_hard_coded_parameter_is_caught_by_the_probes():
    results = graded(contrastive(before="margin = 1\n    "))
    assert statuses(results) == ["passed", "passed", "passed", "failed"]
    assert hints(results, "parameter") == [
        "Your result does not change with `margin`: on test 4, `margin=3.0` in place of 1.5 gives you 1.833333333 again, where the "
        "expected result changes to 4.5. On test 4, which passes `margin=1.5`, your result is what `margin=1.0`, the default, "
        "gives. Is `margin` fixed in your code instead of read from the argument?"
    ]


def test_a_constant_result_says_nothing_about_parameters():
    assert graded("def contrastive_loss(x1, x2, label, margin=1.0):\n    return 0.7\n")["hints"] == []


# Known mistakes that explain some tests.


def test_two_mistakes_combined_name_the_one_that_explains_tests_with_the_exercises_default():
    """Flipped labels with PyTorch's tutorial default margin=2.0: test 1 passes by chance,
    tests 3 and 4 fail as flipped labels do, and test 2 does too once margin=1.0 is passed."""
    results = graded(contrastive(default="2.0", flipped=True))
    assert statuses(results) == ["passed", "failed", "failed", "failed"]
    [partial] = hints(results, "partial-mistake")
    assert partial.startswith(
        "Tests 2, 3 and 4 (test 2 with this exercise's defaults passed) fail as this known mistake does: "
        "Your results match the convention where 1 means dissimilar"
    )
    assert "Your default `margin` is 2.0; this exercise's is 1.0." in hints(results, "signature")


def test_a_partial_match_names_only_the_tests_it_explains():
    code = (
        "import numpy as np\n\n\ndef info_nce(query, keys, temperature=0.1):\n"
        "    logits = query @ keys.T / temperature\n"
        "    logits = logits - logits.max()\n"
        "    e = np.exp(logits)\n"
        "    return -np.mean(np.log(np.diag(e) / e.sum(axis=1)))\n"
    )
    results = graded(code, "info-nce")
    [partial] = hints(results, "partial-mistake")
    assert partial.startswith("Tests 1, 2 and 3 fail as this known mistake does: Your results match dot products of the raw vectors")
    [overflow] = hints(results, "overflow")
    assert overflow.startswith("Test 4 gives nan where a finite value is expected, as the known mistake gives (2666.666667)")


def test_a_partial_match_within_an_epsilon_says_so():
    code = contrastive(epsilon=" + 1e-6", flipped=True)
    [partial] = hints(graded(code), "partial-mistake")
    assert partial.startswith(
        "Tests 1, 2, 3 and 4 miss the expected value as this known mistake does, give or take less than 1e-3 relative (an epsilon, float32 or rounding?):"
    )


def test_a_match_on_one_test_of_several_failures_is_not_claimed():
    """Divided by the closest pair's distance: test 1 doubles, as the sum over pairs does, by chance."""
    code = contrastive(wrap="(lambda loss: loss / np.min(d))")
    assert hints(graded(code), "partial-mistake") == []


# Near misses.


def info_nce_solution(*changes):
    code = source("info-nce", "solution.py")
    for old, new in changes:
        assert old in code
        code = code.replace(old, new)
    return code


@pytest.mark.parametrize(
    "slug, code, cause",
    [
        (CONTRASTIVE, contrastive(epsilon=" + 1e-6"), "an epsilon added for numerical stability"),
        (
            "info-nce",
            info_nce_solution(("dtype=float", "dtype=np.float32"), ("return float(", "return (")),
            "Your result is a float32 (about 6 significant digits): compute in float64",
        ),
        ("info-nce", info_nce_solution(("return float(", "return round(float("), (")))", "))), 4)")), "Your result looks rounded to 4 decimals"),
    ],
    ids=["epsilon", "float32", "rounding"],
)
def test_a_near_miss_names_the_gap_the_tolerance_and_the_likely_cause(slug, code, cause):
    results = graded(code, slug)
    failed = [test for test in results["tests"] if test["status"] == "failed"]
    assert failed and all("Your result is close: it differs by" in test["message"] for test in failed)
    assert all("the tests accept differences up to 1e-06 relative (or 1e-09 absolute)" in test["message"] for test in failed)
    [near] = hints(results, "near-miss")
    assert "just outside the tolerance (1e-06 relative, 1e-09 absolute)" in near and cause in near


def test_a_far_miss_is_no_near_miss():
    assert hints(graded(contrastive(wrap="1.01 * ")), "near-miss") == []


# Overflow.


def test_an_overflow_in_exp_is_named():
    code = (
        "import numpy as np\n\n\ndef info_nce(query, keys, temperature=0.1):\n"
        "    q = query / np.linalg.norm(query, axis=1, keepdims=True)\n"
        "    k = keys / np.linalg.norm(keys, axis=1, keepdims=True)\n"
        "    e = np.exp(q @ k.T / temperature)\n"
        "    return -np.mean(np.log(np.diag(e) / e.sum(axis=1)))\n"
    )
    results = graded(code, "info-nce")
    assert statuses(results) == ["passed", "passed", "passed", "failed"]
    assert hints(results, "overflow") == [
        "Test 4 gives nan where a finite value is expected: look for exp of a large number (inf above about 709), "
        "log of 0 (-inf), or a division by 0 (0/0 is nan)."
    ]


def test_numpys_warnings_say_what_overflowed():
    suite = shipped_suite("info-nce")
    printed = ["", "", "", "<editor>:7: RuntimeWarning: overflow encountered in exp\n"]
    sentence = overflow_sentence(suite, [3], [0.1, 0.2, 0.3, float("nan")], printed)
    assert sentence == (
        'Test 4 gives nan where a finite value is expected. numpy warned "overflow encountered in exp": exp(x) is inf for x '
        "above about 709: take each row's largest value out before exp, as log-sum-exp does."
    )


def test_a_method_that_returns_nothing_is_no_overflow():
    """sgd-momentum's scenarios put what `step` returns in a tuple: a step without `return`
    gives (None, None, None), which is no nan (numpy would read None as nan)."""
    results = graded(source("sgd-momentum", "starter.py"), "sgd-momentum")
    assert set(statuses(results)) == {"failed"}
    assert hints(results, "overflow") == []


# Packages, and several values returned.


def test_a_package_the_page_lacks_is_named_with_what_it_has():
    results = graded("from scipy.special import logsumexp\n\n\ndef contrastive_loss(x1, x2, label, margin=1.0):\n    return 0.0\n")
    assert results["status"] == "error"
    assert results["message"].startswith(
        "ModuleNotFoundError: No module named 'scipy'. Only numpy and Python's standard library are available here. "
        "This page cannot install scipy; do it with numpy instead:"
    )
    assert hints(results, "package") == ["`scipy` is not available in this page: its Python has numpy and the standard library only."]


def test_a_tuple_holding_the_result_says_which_value_to_return():
    code = contrastive(wrap="(lambda loss: (loss, 0.0))")
    assert hints(graded(code), "tuple") == [
        "Your function returns 2 values (a tuple), and its first value is the expected result on tests 1, 2, 3 and 4: return that value alone."
    ]


# A factor off.


def test_results_off_by_one_factor_say_so_when_no_known_mistake_does():
    code = (
        "import numpy as np\n\n\ndef contrastive_loss_grad(x1, x2, label, margin=1.0):\n"
        "    u = x2 - x1\n"
        "    d = np.linalg.norm(u, axis=1, keepdims=True)\n"
        "    y = label.reshape(-1, 1)\n"
        "    return (y * u - (1 - y) * np.maximum(0, margin - d) * u / np.maximum(d, 1e-12)) / len(u)\n"
    )
    results = graded(code, "contrastive-loss-grad")
    assert hints(results) == [
        "On tests 1, 3 and 4, your results are exactly -1/2 times the expected ones: look for a factor that your formula has "
        "and this exercise's does not, or the other way round, such as a 1/2, a 2, or a sum where a mean belongs."
    ]


def test_factors_that_differ_from_test_to_test_are_no_hint():
    """A quarter of the sum: half the mean with two pairs, three quarters of it with three."""
    assert hints(graded(contrastive(wrap="0.25 * len(d) * "))) == []
