"""What the build learns by calling the reference with other arguments
(sitebuild/problems/parameter_probes.py): the signature and probes it ships for the hints, and the
authoring warning for a default that no test exercises."""

import shutil

from problem_folders import CONTRASTIVE, shipped_suite

from harness.parameters import Parameter, Probe
from base.paths import PROBLEMS
from sitebuild.problems.load import load_all


def test_the_build_ships_the_references_signature_and_its_outputs_with_a_parameter_changed():
    suite = shipped_suite(CONTRASTIVE)
    assert suite.parameters == [Parameter("x1"), Parameter("x2"), Parameter("label"), Parameter("margin", 1.0)]
    # The coincident pair's test passes margin=1.5: twice that, and the default, change its result.
    assert [probe for probe in suite.probes if probe.case == 3] == [Probe(3, "margin", 3.0, 4.5), Probe(3, "margin", 1.0, 5.5 / 3)]
    # A test whose result no value of margin changes gets no probe.
    assert not [probe for probe in suite.probes if probe.case == 1]


def test_the_problems_exercise_every_default(capsys):
    load_all(PROBLEMS)
    assert "Warning" not in capsys.readouterr().err


def test_a_default_no_test_exercises_is_warned_about(tmp_path, capsys):
    """contrastive-loss as it was: the only test that left margin out had identical similar
    pairs, where the margin plays no part, so a default of 5.0 passed every test."""
    folder = tmp_path / "problems" / CONTRASTIVE
    shutil.copytree(PROBLEMS / CONTRASTIVE, folder)
    tests = folder / "tests.py"
    tests.write_text(tests.read_text().replace("label=np.array([1, 0]),\n        ),", "label=np.array([1, 0]),\n            margin=1.0,\n        ),", 1))
    load_all(folder.parent)
    assert capsys.readouterr().err == (
        f"Warning: {folder / 'tests.py'}: no test leaves margin out where its value matters, so a learner whose default "
        "margin is not 1.0 passes every test\n  How to fix: leave margin out of a case whose result changes when margin does\n"
    )
