"""Every run starts clean: what learner code changes, at load time, in its function, in a
finalizer or through a returned value, is put back (harness/isolation/)."""

import builtins
import gc
import math
import os
import sys
import warnings

import numpy as np
import pytest
from contrastive_solutions import CORRECT, TOLERANCE, solution, statuses
from problem_folders import CONTRASTIVE, shipped_suite

import harness
from harness.compare import describe_mismatch
from harness.isolation import call_isolated


@pytest.fixture(scope="module")
def suite():
    return shipped_suite(CONTRASTIVE)


TAMPERING = """\
import builtins, math, os, sys
import numpy as np
np.isclose = np.allclose = lambda *args, **kwargs: True
math.isclose = lambda *args, **kwargs: True
builtins.float = int
builtins.print = None
sys.stdout = sys.stderr = None
os._exit = None
for name in [name for name in sys.modules if name.startswith("harness")]:
    del sys.modules[name]
sys.modules["numpy"] = None
"""


def pristine_state():
    """What the tampering above replaces, as identities."""
    return [
        np.isclose, np.allclose, math.isclose, builtins.float, builtins.print, sys.stdout, sys.stderr, os._exit,
        *(sys.modules[name] for name in ("numpy", "harness", "harness.grader", "harness.compare")),
    ]


@pytest.mark.parametrize("where", ["at load time", "in the function"])
def test_tampering_with_the_environment_does_not_change_the_verdicts(suite, where):
    before = pristine_state()
    function = "def contrastive_loss(x1, x2, label, margin=1.0):\n"
    if where == "at load time":
        code = TAMPERING + function + "    return 123.0\n"
    else:
        code = function + "".join(f"    {line}\n" for line in TAMPERING.splitlines()) + "    return 123.0\n"
    results = harness.grade(code, suite)
    assert statuses(results) == ["failed"] * 4
    assert results["tests"][0]["message"] == "Expected 0.625, got 123."
    assert all(now is then for now, then in zip(pristine_state(), before))
    assert statuses(harness.grade(solution(CORRECT), suite)) == ["passed"] * 4


def test_os_exit_becomes_an_error_and_os_exit_is_restored(suite):
    real_exit = os._exit
    code = "import os\n\ndef contrastive_loss(x1, x2, label, margin=1.0):\n    os._exit(1)\n"
    results = harness.grade(code, suite)
    assert statuses(results) == ["error"] * 4
    assert results["tests"][0]["message"].startswith("Your code called os._exit(), which stops the program.")
    assert results["tests"][0]["line"] == 4
    assert os._exit is real_exit


def test_os_exit_at_load_time_is_a_load_error(suite):
    results = harness.grade("import os\nos._exit(0)\n", suite)
    assert results["status"] == "error"
    assert results["message"].startswith("Your code called os._exit()")
    assert results["line"] == 2


def test_isolated_call_puts_back_what_it_changed_added_or_removed():
    real_isclose, real_len = np.isclose, builtins.len

    def tamper():
        np.isclose = None
        del builtins.len
        np.added_by_the_learner = True
        sys.modules["harness"] = None
        sys.modules["module_added_by_the_learner"] = math
        return "returned"

    assert call_isolated(tamper) == ("returned", None)
    assert np.isclose is real_isclose and builtins.len is real_len and sys.modules["harness"] is harness
    assert not hasattr(np, "added_by_the_learner") and "module_added_by_the_learner" not in sys.modules


def test_a_module_first_imported_in_a_call_stays_loaded_as_its_import_left_it(tmp_path, monkeypatch):
    (tmp_path / "first_imported_here.py").write_text("def answer():\n    return 42\n\n\nclass Loss:\n    scale = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))

    def import_and_patch():
        import first_imported_here

        first_imported_here.answer = lambda: 0
        first_imported_here.Loss.scale = 0
        return first_imported_here

    module, error = call_isolated(import_and_patch)
    try:
        assert error is None and sys.modules["first_imported_here"] is module
        assert module.answer() == 42 and module.Loss.scale == 1
    finally:
        del sys.modules["first_imported_here"]


def test_isolated_call_returns_any_exception_instead_of_raising():
    value, error = call_isolated(sys.exit, 3)
    assert value is None and isinstance(error, SystemExit) and error.code == 3


def test_a_returned_object_that_cannot_be_shown_still_gets_a_verdict(suite):
    code = (
        "class Odd:\n    def __repr__(self):\n        raise ValueError('no repr')\n\n\n"
        "def contrastive_loss(x1, x2, label, margin=1.0):\n    return Odd()\n"
    )
    first = harness.grade(code, suite)["tests"][0]
    assert first["status"] == "failed"
    assert first["got"] == "an object of type Odd"


@pytest.mark.parametrize(
    "expected, got, explanation",
    [
        (0.625, np.array(["0.625"]), "dtype is <U5: it holds text"),
        (np.array([1.0, 2.0]), np.array([True, False]), "dtype is bool: it holds True/False values"),
        (np.array([1.0, 2.0]), np.array(["1", "2"]), "your array's dtype is <U1"),
    ],
)
def test_a_wrong_dtype_is_explained(expected, got, explanation):
    assert explanation in describe_mismatch(expected, got, TOLERANCE)


def test_integer_arrays_are_numbers():
    assert describe_mismatch(np.array([1.0, 2.0]), np.array([1, 2]), TOLERANCE) is None


def test_settings_made_at_the_top_of_the_file_hold_in_its_tests_and_are_gone_after(suite):
    code = (
        "import sys, warnings\nimport numpy as np\n"
        "np.seterr(all='raise')\nnp.set_printoptions(precision=2)\nsys.setrecursionlimit(4321)\nwarnings.simplefilter('error')\n"
        "def contrastive_loss(x1, x2, label, margin=1.0):\n"
        "    print(np.geterr()['divide'], np.get_printoptions()['precision'], sys.getrecursionlimit(), warnings.filters[0][0])\n"
        "    return 123.0\n"
    )
    before = np.geterr(), np.get_printoptions(), sys.getrecursionlimit(), list(warnings.filters)
    results = harness.grade(code, suite)
    assert {test["output"] for test in results["tests"]} == {"raise 2 4321 error\n"}
    assert results["tests"][0]["message"] == "Expected 0.625, got 123."
    assert (np.geterr(), np.get_printoptions(), sys.getrecursionlimit(), list(warnings.filters)) == before


def test_learner_code_run_by_inspecting_a_returned_value_leaves_nothing_behind(suite):
    """The harness calls a returned object's __float__ while comparing it: what that changes,
    context variables (np.seterr) included, must not outlive the run."""
    code = (
        "import numpy as np\n"
        "class Loss(float):\n"
        "    def __float__(self):\n"
        "        np.seterr(all='raise')\n"
        "        raise ValueError('no float here')\n"
        "def contrastive_loss(x1, x2, label, margin=1.0):\n    return Loss(0.625)\n"
    )
    errors = np.geterr()
    results = harness.grade(code, suite)
    assert [test["message"] for test in results["tests"]] == [
        "Your function returned a value that could not be checked (ValueError: no float here)."
    ] * 4
    assert np.geterr() == errors


def test_what_a_learners_finalizer_changes_is_put_back_when_the_run_ends(suite):
    code = (
        "import numpy as np\n"
        "class Sneaky:\n    def __del__(self, np=np):\n        np.linalg.norm = lambda *args, **kwargs: 0.0\n"
        "kept = Sneaky()\n"
        "def contrastive_loss(x1, x2, label, margin=1.0):\n    return 123.0\n"
    )
    real_norm = np.linalg.norm
    harness.grade(code, suite)
    gc.collect()  # had the learner's objects outlived the run, their finalizer would run now
    assert np.linalg.norm is real_norm


def test_what_the_host_changes_between_runs_is_kept(suite, monkeypatch):
    """pytest's monkeypatch, or a build step, may change a module between runs: the next run
    takes the state it starts from as its record, and puts that back."""
    harness.grade(solution(CORRECT), suite)
    monkeypatch.setattr(math, "tau", 6.0)
    assert statuses(harness.grade(solution(CORRECT), suite)) == ["passed"] * 4
    assert math.tau == 6.0
