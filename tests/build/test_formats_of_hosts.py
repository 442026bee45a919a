"""What each host emits follows formats/: the CPython grading child's and the build's child's
JSON lines, `make check`'s Pyodide in Node, and the built site's files."""

import json

import pytest
from formats import assert_valid
from problem_folders import CONTRASTIVE, SLUGS, shipped_suite, source

from base.child_process import PythonChild
from base.paths import PROBLEMS
from grading.regrade import regrade
from grading.runner import SubmissionRunner
from grading.sandboxed_process import SandboxedProcess
from sitebuild.boot.boot_files import BOOT_MANIFEST
from sitebuild.check.check import grade_in_pyodide
from sitebuild.problems.load import load_problem

CRASHES = "import os\n\ndef contrastive_loss(x1, x2, label, margin=1.0):\n    os.abort()\n"


@pytest.fixture
def child_messages(monkeypatch):
    """Every request sent to a PythonChild and every answer received, as they cross."""
    sent, received = [], []
    send, next_answer = PythonChild.send, PythonChild.next_answer

    def recording_send(child, message):
        sent.append(message)
        send(child, message)

    def recording_next_answer(child, deadline):
        answer = next_answer(child, deadline)
        if answer is not None:
            received.append(answer)
        return answer

    monkeypatch.setattr(PythonChild, "send", recording_send)
    monkeypatch.setattr(PythonChild, "next_answer", recording_next_answer)
    return sent, received


def test_the_grading_childs_messages_follow_the_schema(child_messages):
    suite = shipped_suite(CONTRASTIVE)
    sent, received = child_messages
    sent.clear(), received.clear()  # the build's child, which computed the suite
    runner = SubmissionRunner()
    try:
        for code in (source(CONTRASTIVE, "solution.py"), source(CONTRASTIVE, "starter.py"), CRASHES):
            runner.run(suite, code)
    finally:
        runner.close()
    assert {message["type"] for message in sent} == {"init", "run"}
    assert any("progress" in answer for answer in received) and any("result" in answer for answer in received)
    assert_all_valid(sent, "gradingRequest", received, "gradingAnswer")


def test_the_regrade_hosts_messages_follow_the_schema(monkeypatch, tmp_path):
    sent, received = [], []
    send, next_answer = SandboxedProcess.send, SandboxedProcess.next_answer
    monkeypatch.setattr(SandboxedProcess, "send", lambda process, message: (sent.append(message), send(process, message))[1])
    monkeypatch.setattr(SandboxedProcess, "next_answer", lambda process, deadline: _recorded(received, next_answer(process, deadline)))
    hand_ins = tmp_path / "hand-ins"
    hand_ins.mkdir()
    for name, code in (("reference.py", source(CONTRASTIVE, "solution.py")), ("crash.py", CRASHES)):
        (hand_ins / name).write_text(code)
    rows = regrade([hand_ins], PROBLEMS, tmp_path / "grades.csv", CONTRASTIVE)
    assert len(rows) == 2
    assert {message["type"] for message in sent} == {"init", "warm-up", "run"}
    assert any("progress" in answer for answer in received) and any("trusted" in answer for answer in received)
    assert_all_valid(sent, "gradingRequest", received, "gradingAnswer")


def _recorded(received, answer):
    if answer is not None:
        received.append(answer)
    return answer


def test_the_build_childs_messages_follow_the_schema(child_messages):
    load_problem(PROBLEMS / CONTRASTIVE)
    sent, received = child_messages
    assert any("step" in answer for answer in received) and any("tests_json" in answer for answer in received)
    assert_all_valid(sent, "buildRequest", received, "buildAnswer")


def assert_all_valid(sent, request_definition, received, answer_definition):
    for messages, definition in ((sent, request_definition), (received, answer_definition)):
        for message in messages:
            assert_valid(message, "child_messages.v1.schema.json", definition)


def test_pyodide_in_node_grades_into_the_results_format(built_site):
    graded = grade_in_pyodide(built_site, [{"slug": slug, "solution": source(slug, "starter.py")} for slug in SLUGS])
    for problem in graded:
        assert_valid(problem["tests"], "results.v1.schema.json")
        assert_valid(problem["examples"], "results.v1.schema.json")


def test_the_built_sites_boot_manifest_and_tests_follow_their_schemas(built_site):
    assert_valid(json.loads((built_site / "pyodide" / BOOT_MANIFEST).read_text()), "python_boot.v1.schema.json")
    for tests_json in built_site.glob("problems/*/tests.json"):
        assert_valid(json.loads(tests_json.read_text()), "tests_json.v1.schema.json")
