"""The console's Python side (harness/console.py, through harness.entry.console as the worker
calls it) and the calls "Try in console" puts in it (harness.literals, Suite.call_source,
the page config), in CPython."""

import json
import re
import shutil

import numpy as np
import pytest
from known_mistakes import SGD_MOMENTUM, mistake_code
from problem_folders import CONTRASTIVE, SLUGS, case_names, problem, shipped_suite, source
from shaped_mistakes import SGD_DEFAULTS

from harness import entry
from harness.console import FIRST_LOAD, RELOADED, VALUE_LIMIT_CHARS, ConsoleSession
from harness.learner_code import OUTPUT_LIMIT_CHARS
from harness.literals import literal
from harness.results import PASSED
from sitebuild.site.pages import problem_page
from base.paths import PROBLEMS
from sitebuild.problems.load import load_problem

LEARNER_CODE = """\
import numpy as np


def scale(x):
    return x * FACTOR


FACTOR = 2


def contrastive_loss(x1, x2, label, margin=1.0):
    print("distance of the first pair:", np.linalg.norm(x1 - x2, axis=1)[0])
    return scale(float(np.sum(x1)))
"""


@pytest.fixture
def session():
    return ConsoleSession()


def test_an_expression_shows_its_value(session):
    reply = session.run(LEARNER_CODE, "scale(21)")
    assert reply["value"] == "42"
    assert reply["error"] is None and reply["output"] == ""


def test_a_statement_shows_no_value_and_its_names_stay_for_the_next_entry(session):
    assert session.run(LEARNER_CODE, "y = scale(3)")["value"] is None
    assert session.run(LEARNER_CODE, "y + 1")["value"] == "7"


def test_several_lines_show_the_value_of_the_last_one_if_it_is_an_expression(session):
    reply = session.run(LEARNER_CODE, "a = 1\nb = a + 1\nb * 10")
    assert reply["value"] == "20"
    assert session.run(LEARNER_CODE, "for i in range(2):\n    a += i")["value"] is None
    assert session.run(LEARNER_CODE, "a")["value"] == "2"


def test_printed_output_is_captured_and_a_print_shows_no_none(session):
    reply = session.run(LEARNER_CODE, "print('hello')")
    assert reply["output"] == "hello\n"
    assert reply["value"] is None


def test_calling_the_learners_function_shows_what_it_printed_and_returned(session):
    reply = session.run(LEARNER_CODE, "contrastive_loss(np.array([[3.0, 4.0]]), np.array([[0.0, 0.0]]), np.array([1]))")
    assert reply["output"] == "distance of the first pair: 5.0\n"
    assert reply["value"] == "14.0"


def test_a_function_that_returns_nothing_shows_none(session):
    assert session.run("def f():\n    print('computed')\n", "f()") == {
        "loaded": FIRST_LOAD,
        "load_error": None,
        "output": "computed\n",
        "value": "None",
        "value_note": None,
        "error": None,
    }


def test_printed_output_is_capped_like_a_tests(session):
    reply = session.run(LEARNER_CODE, "for i in range(100_000):\n    print(i)")
    assert len(reply["output"]) < OUTPUT_LIMIT_CHARS + 200
    assert "more characters were printed" in reply["output"]


def test_a_long_value_is_cut(session):
    reply = session.run(LEARNER_CODE, "list(range(100_000))")
    assert len(reply["value"]) < VALUE_LIMIT_CHARS + 100
    assert reply["value"].endswith("more characters.")


def test_an_array_is_shown_with_its_shape_and_dtype(session):
    reply = session.run(LEARNER_CODE, "np.array([[1, 2], [3, 4]], dtype=np.int64)")
    assert reply["value_note"] == "array of shape (2, 2), dtype int64"
    assert reply["value"] == "array([[1, 2],\n       [3, 4]])"
    assert session.run(LEARNER_CODE, "np.float64(0.625)")["value_note"] is None


def test_a_value_whose_repr_fails_is_described(session):
    code = "class Odd:\n    def __repr__(self):\n        raise RuntimeError('no')\n"
    assert session.run(code, "Odd()")["value"] == "<a Odd that cannot be shown: RuntimeError: no>"


def test_an_error_in_the_learners_code_is_explained_on_the_editors_line(session):
    reply = session.run(LEARNER_CODE, "contrastive_loss(np.ones((2, 2)), np.ones((3, 2)), np.ones(2))")
    assert reply["value"] is None
    assert reply["error"]["line"] == 12
    # Explained as in a test's result (harness.explain), above Python's own message.
    assert reply["error"]["message"].startswith("Line 12, `x1 - x2`: `x1` has shape (2, 2) and `x2` has shape (3, 2)")
    assert "\n\nValueError: operands could not be broadcast together" in reply["error"]["message"]
    assert "line 12, in contrastive_loss" in reply["error"]["message"]


def test_a_numpy_error_in_what_the_learner_typed_is_explained_in_the_consoles_terms(session):
    session.run(LEARNER_CODE, "a = np.ones((3, 3)); b = np.ones((3, 4))")
    reply = session.run(LEARNER_CODE, "a + b")
    assert reply["error"]["line"] is None
    assert reply["error"]["message"].startswith("In the console, `a + b`: `a` has shape (3, 3) and `b` has shape (3, 4)")
    typed = session.run(LEARNER_CODE, "c = a.T\nc @ b.T")
    assert typed["error"]["message"].startswith("Line 2 of the console entry, `c @ b.T` is a matrix product")


def test_an_error_in_the_entry_itself_names_no_editor_line(session):
    reply = session.run(LEARNER_CODE, "x = 1\nundefined_name")
    assert reply["error"] == {"message": "NameError: name 'undefined_name' is not defined", "line": None}
    assert session.run(LEARNER_CODE, "x")["value"] == "1"  # the lines before the error ran


def test_a_syntax_error_in_the_entry_is_explained(session):
    error = session.run(LEARNER_CODE, "x = (1,")["error"]
    assert error["line"] is None
    assert error["message"].startswith("SyntaxError on line 1: '(' was never closed")


def test_exit_in_the_console_is_an_error_not_the_end_of_python(session):
    assert session.run(LEARNER_CODE, "exit()")["error"]["message"].startswith("Your code called exit()")
    assert session.run(LEARNER_CODE, "scale(1)")["value"] == "2"


def test_the_code_is_loaded_once_and_again_when_it_changes(session):
    assert session.run(LEARNER_CODE, "kept = 1")["loaded"] == FIRST_LOAD
    assert session.run(LEARNER_CODE, "kept")["loaded"] is None
    changed = LEARNER_CODE.replace("FACTOR = 2", "FACTOR = 3")
    reply = session.run(changed, "scale(1)")
    assert reply["loaded"] == RELOADED
    assert reply["value"] == "3"
    assert session.run(changed, "kept")["error"]["message"] == "NameError: name 'kept' is not defined"


def test_what_the_code_prints_while_loading_is_shown_with_the_entry(session):
    assert session.run("print('loading')\n", "1 + 1")["output"] == "loading\n"
    assert session.run("print('loading')\n", "1 + 1")["output"] == ""


def test_code_that_does_not_load_is_explained_and_the_entry_still_runs(session):
    reply = session.run("def ok():\n    return 1\n\nraise ValueError('boom')\n", "ok() + np.ones(1)")
    assert reply["load_error"]["line"] == 4
    assert reply["load_error"]["message"].startswith("ValueError: boom")
    assert reply["value"] == "array([2.])"
    assert session.run("def broken(:\n", "np.zeros(1)")["load_error"]["line"] == 1


def test_numpy_is_np_even_if_the_code_forgot_to_import_it_but_the_code_still_fails(session):
    code = "def f():\n    return np.ones(1)\n"
    assert session.run(code, "np.ones(2)")["value"] == "array([1., 1.])"
    # The console defines np only after the code ran, so the learner still sees their code's own mistake.
    assert session.run("value = np.ones(1)\n", "1")["load_error"]["message"].startswith("NameError: name 'np' is not defined")


def test_the_learners_own_np_is_kept(session):
    assert session.run("np = 'mine'\n", "np")["value"] == "'mine'"


def test_what_an_entry_does_to_numpy_is_undone_after_it(session):
    session.run(LEARNER_CODE, "np.linalg.norm = None\nnp.mean = None")
    reply = session.run(LEARNER_CODE, "np.linalg.norm(np.array([3.0, 4.0])), np.mean([1, 3])")
    assert reply["value"] == "(np.float64(5.0), np.float64(2.0))"


def test_the_console_never_changes_the_next_graded_run():
    """What the console does (with the worker's one session, as the page uses it) reaches
    neither numpy nor the names of the code a graded run loads."""
    suite_json = problem(CONTRASTIVE).suite.to_json()
    solution = source(CONTRASTIVE, "solution.py")
    for typed in ("np.linalg.norm = None", "np.sqrt = lambda x: 0", "import builtins\nbuiltins.float = int", "contrastive_loss = None"):
        reply = json.loads(entry.console(solution, typed))
        assert reply["error"] is None, reply
        results = json.loads(entry.grade(suite_json, solution))
        assert results["status"] == PASSED, (typed, results)


def test_entry_console_answers_json_text():
    reply = json.loads(entry.console(LEARNER_CODE, "scale(2)"))
    assert set(reply) == {"loaded", "load_error", "output", "value", "value_note", "error"}
    assert reply["value"] == "4"


# --- "Try in console": the calls ----------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        np.array([[0, 0], [0, 0]]),
        np.array([1, 0], dtype=np.int32),
        np.array([[1.0, 0.0], [0.5, 0.0]]),
        np.array([0.1, 1e-300, -2.5e17]),
        np.array([0.1], dtype=np.float32),
        np.array([np.nan, np.inf, -np.inf]),
        np.array([True, False]),
        np.array(3.5),
        np.zeros((0, 3)),
        np.zeros((2, 0), dtype=np.uint8),
        np.array(["ab", "c"]),
    ],
    ids=repr,
)
def test_an_array_literal_rebuilds_the_array_with_its_dtype(value):
    rebuilt = eval(literal(value), {"np": np})  # noqa: S307 - our own literal
    assert rebuilt.dtype == value.dtype and rebuilt.shape == value.shape
    assert np.array_equal(rebuilt, value, equal_nan=value.dtype.kind == "f")


def test_integer_arrays_name_their_dtype_because_pyodide_would_infer_int32():
    assert literal(np.array([1, 0])) == "np.array([1, 0], dtype=np.int64)"
    assert literal(np.array([[2.0, -1.0], [0.0, 0.0]])) == "np.array([[2.0, -1.0], [0.0, 0.0]])"


@pytest.mark.parametrize("value", [1.5, 2, True, None, "text", [1.0, 2], (1,), {"a": float("inf")}, 0.1 + 0.2])
def test_plain_values_are_written_as_python(value):
    rebuilt = eval(literal(value), {"np": np})  # noqa: S307 - our own literal
    assert rebuilt == value and type(rebuilt) is type(value)


def test_a_call_passes_the_inputs_as_the_tests_do():
    suite = shipped_suite(CONTRASTIVE)
    call = suite.call_source(case_names().index("Coincident dissimilar pair -> margin squared"))
    assert call == (
        "x1 = np.array([[2.0, -1.0], [0.0, 0.0], [1.0, 1.0]])\n"
        "x2 = np.array([[2.0, -1.0], [1.5, 0.0], [2.5, 1.0]])\n"
        "label = np.array([0, 1, 1], dtype=np.int64)\n"
        "margin = 1.5\n"
        "contrastive_loss(x1, x2, label, margin)"
    )


@pytest.mark.parametrize("slug", SLUGS)
def test_each_call_rebuilds_exactly_the_inputs_a_test_receives(slug):
    suite = shipped_suite(slug)
    for index in range(len(suite.cases)):
        if suite.cases[index].code is not None:
            continue  # a scenario builds its own inputs: its code is what the console gets (test below)
        names = {"np": np}
        exec(suite.call_source(index).rpartition("\n")[0], names)  # noqa: S102 - the assignments of our own call
        for given, expected in zip((names[name] for name in suite.cases[index].args), suite.fresh_args(index)):
            assert type(given) is type(expected)
            if isinstance(expected, np.ndarray):
                assert given.dtype == expected.dtype and np.array_equal(given, expected)
            else:
                assert given == expected


def test_a_tried_call_gives_in_the_console_what_the_test_got():
    suite = shipped_suite(CONTRASTIVE)
    wrong = mistake_code("half on both terms")
    results = json.loads(entry.grade(suite.to_json(), wrong))
    failed = next(index for index, test in enumerate(results["tests"]) if test["status"] == "failed")
    reply = ConsoleSession().run(wrong, suite.call_source(failed))
    assert reply["error"] is None
    assert reply["value"] == f"np.float64({results['tests'][failed]['got']})"  # 0.3125, half of 0.625
    assert ConsoleSession().run(wrong, suite.call_source(failed) + "\nx1.shape")["value"] == "(2, 2)"


def test_a_tried_scenario_is_its_own_code_and_gives_in_the_console_what_the_test_got():
    """A scenario test (sgd-momentum's: build an optimiser, step it three times) is tried as
    the code it runs; its last expression shows the value the test got."""
    suite = shipped_suite("sgd-momentum")
    wrong = SGD_MOMENTUM.code("step uphill")
    results = json.loads(entry.grade(suite.to_json(), wrong))
    failed = SGD_DEFAULTS  # the params after each of 3 steps: a tuple of three arrays
    assert results["tests"][failed]["status"] == "failed"
    assert suite.call_source(failed) == suite.cases[failed].code.strip("\n")
    reply = ConsoleSession().run(wrong, suite.call_source(failed))
    assert reply["error"] is None
    assert reply["value"].startswith("(array([") and reply["value"].count("array(") == 3


def page_config(page_html):
    return json.loads(re.search(r'<script type="application/json" id="problem-config">(.*?)</script>', page_html, re.S).group(1))


def test_the_page_carries_each_tests_call_and_each_examples():
    config = page_config(problem_page(problem(CONTRASTIVE)))
    suite = shipped_suite(CONTRASTIVE)
    assert config["testCalls"] == [suite.call_source(index) for index in range(len(suite.cases))]
    assert all(example["call"].startswith("x1 = np.array(") for example in config["examples"])


def test_show_inputs_false_leaves_the_calls_out_of_the_page(tmp_path):
    folder = tmp_path / CONTRASTIVE
    shutil.copytree(PROBLEMS / CONTRASTIVE, folder)
    (folder / "tests.py").write_text(source(CONTRASTIVE, "tests.py") + "\nSHOW_INPUTS = False\n")
    hidden = load_problem(folder)
    assert hidden.suite.show_inputs is False
    assert page_config(problem_page(hidden))["testCalls"] is None
