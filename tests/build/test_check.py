"""`make check` (build.py check) and `make new`: each mistake an instructor can make is caught
with a message naming the file and the fix; a new problem builds and explains what is left."""

import dataclasses
import re
import shutil
import subprocess
import sys
import zipfile

import pytest
from problem_folders import CONTRASTIVE, case_names

from sitebuild.boot.pyodide_runtime import package_wheels
from sitebuild.site.build import build_site
from sitebuild.check.check import check_notes, check_problems, scaffold_leftovers
from sitebuild.check.leaks import meaningful_lines
from sitebuild.problems.load import load_problem
from base.paths import PROBLEMS, REPO, site_problem_dir
from sitebuild.authoring.scaffold import new_problem

SLUG = CONTRASTIVE


@pytest.fixture
def problems_dir(tmp_path):
    copy = tmp_path / "problems"
    shutil.copytree(PROBLEMS / SLUG, copy / SLUG)
    return copy


def edit(path, change):
    path.write_text(change(path.read_text()))


def findings_of(problems_dir):
    _, findings = check_problems(problems_dir=problems_dir)
    return findings


def test_the_shipped_problems_pass_the_check():
    problems, findings = check_problems()
    assert findings == []
    assert SLUG in [problem.slug for problem in problems]


def remove_promises(text):
    return re.sub(r"\n\s*expected=[^\n]*,\n", "\n", text)


FIRST, IDENTICAL, _, COINCIDENT = case_names()
FAST = ("tests.py", lambda text: text + "\nTIME_LIMIT_SECONDS = 1\n")  # so that an overrun ends in 1 s
LOOP = "while True:\n    pass\n"
CHECK_DEADLINE_SECONDS = 60  # any broken folder must fail long before this; a hang fails the test


def mistake(body, header=""):
    """A mistakes/*.py whose contrastive_loss runs `body`."""
    return lambda _: f'"""A hint."""\n{header}\n\ndef contrastive_loss(x1, x2, label, margin=1.0):\n    {body}\n'


def first_line_of_function(code):
    return lambda text: text.replace("    distance = ", f"    {code}\n    distance = ", 1)


def with_args(args):
    return lambda text: text + f"\nCASES.append(Case(name='added', args={args}))\n"


class Broken:
    def __init__(self, name, edits, where, what, fix):
        self.name, self.edits, self.where, self.what, self.fix = name, dict(edits), where, what, fix


BROKEN = [
    # The reference solution
    Broken("reference loops on one case", [FAST, ("solution.py", first_line_of_function("while len(label) == 3:\n        pass"))],
           "solution.py", f"did not finish within 1 s when the build called contrastive_loss on case {IDENTICAL!r}", "TIME_LIMIT_SECONDS"),
    Broken("reference waits inside C code", [FAST, ("solution.py", first_line_of_function("__import__('time').sleep(10**6)"))],
           "solution.py", f"did not finish within 1 s when the build called contrastive_loss on case {FIRST!r}", "loop that never ends"),
    Broken("reference loops at its top level", [FAST, ("solution.py", lambda text: text + LOOP)],
           "solution.py", "did not finish within 1 s when the build ran its top-level code", "top level"),
    Broken("reference kills its process", [("solution.py", first_line_of_function("import os, signal; os.kill(os.getpid(), signal.SIGKILL)"))],
           "solution.py", f"ended the build's Python process (killed by SIGKILL) when the build called contrastive_loss on case {FIRST!r}", "take it out"),
    Broken("reference calls sys.exit", [("solution.py", first_line_of_function("raise SystemExit(1)"))],
           "solution.py, line 5", f"called exit() or sys.exit() on case {FIRST!r}", "fix solution.py"),
    Broken("reference returns None", [("solution.py", lambda text: text.replace("return float(", "float("))],
           "solution.py", "returns None on every case (is a `return` missing?)", "return the result"),
    Broken("reference returns a set", [("solution.py", lambda text: text.replace("return float(", "return {1} or float("))],
           "solution.py", f"on case {FIRST!r}, the result is of type set, which tests.json cannot carry", "return what tests.json can carry"),
    Broken("reference with a syntax error", [("solution.py", lambda text: text.replace("def contrastive_loss(", "def contrastive_loss(:"))],
           "solution.py, line 4", "it is not valid Python", "fix the syntax"),
    # tests.py
    Broken("tolerance not a number", [("tests.py", lambda text: text + '\nTOLERANCE = {"rel": "tight"}\n')],
           "tests.py", "TOLERANCE['rel'] is 'tight'", "the keys rel and abs, each a number of at least 0"),
    Broken("tolerance with an unknown key", [("tests.py", lambda text: text + '\nTOLERANCE = {"relative": 1e-3}\n')],
           "tests.py", "TOLERANCE has the key 'relative' (did you mean 'rel'?)", "the keys rel and abs"),
    Broken("negative time limit", [("tests.py", lambda text: text + "\nTIME_LIMIT_SECONDS = -1\n")],
           "tests.py", "TIME_LIMIT_SECONDS is -1", "more than 0 and at most 60"),
    Broken("time limit of an hour", [("tests.py", lambda text: text + "\nTIME_LIMIT_SECONDS = 3600\n")],
           "tests.py", "TIME_LIMIT_SECONDS is 3600", "at most 60"),
    Broken("misspelt setting", [("tests.py", lambda text: text + "\nTIMELIMIT_SECONDS = 2\n")],
           "tests.py", "it sets TIMELIMIT_SECONDS, which the build does not read", "rename it to TIME_LIMIT_SECONDS"),
    Broken("cases under a lower-case name", [("tests.py", lambda text: text.replace("CASES = [", "cases = ["))],
           "tests.py", "it defines no CASES (it has cases: the name is upper case)", "CASES = [Case("),
    Broken("argument named after no parameter", [("tests.py", lambda text: text.replace("label=np.array([1, 0])", "labels=np.array([1, 0])", 1))],
           "tests.py", f"case {FIRST!r} gives x1, x2, labels, but the parameters of contrastive_loss are x1, x2, label, margin (labels where label belongs)", "after solution.py's parameters, in their order"),
    Broken("required argument left out", [("tests.py", lambda text: text.replace("            label=np.array([1, 0]),\n", "", 1))],
           "tests.py", f"case {FIRST!r} leaves out label, which contrastive_loss needs", "in their order"),
    Broken("argument the page cannot receive", [("tests.py", lambda text: text.replace("import numpy as np", "import fractions\n\nimport numpy as np").replace("margin=1.5", "margin=fractions.Fraction(3, 2)"))],
           "tests.py", f"argument margin of case {COINCIDENT!r}: the value is of type Fraction, which tests.json cannot carry", "numpy arrays of numbers or booleans"),
    Broken("args that are no dict", [("tests.py", with_args("[1, 2]"))],
           "tests.py", "case 'added' has args of type list", "args=dict(name=value, ...)"),
    Broken("a case that is no Case", [("tests.py", lambda text: text + "\nCASES.append({'name': 'a dict'})\n")],
           "tests.py", "CASES[4] is a dict, not a Case", "Case(name=..."),
    Broken("promise written as text", [("tests.py", lambda text: text.replace("expected=0.625", 'expected="0.625"'))],
           "tests.py", f"case {FIRST!r} promises '0.625' but the reference solution returns 0.625 (Expected the string '0.625'", "fix the case's inputs or promised value"),
    Broken("inputs of megabytes", [("tests.py", with_args("dict(x1=np.ones((30000, 8)), x2=np.zeros((30000, 8)), label=np.ones(30000))"))],
           "tests.py", "the largest part is x1 of case 'added'", "use smaller inputs"),
    Broken("tests.py loops at its top level", [("tests.py", lambda text: text + LOOP)],
           "tests.py", "did not finish within 5 s when the build ran its top-level code", "take the endless loop or slow work out of its top level"),
    Broken("tests.py raises at its top level", [("tests.py", lambda text: text + "\nCASES.append(undefined_name)\n")],
           "tests.py, line", "raised NameError: name 'undefined_name' is not defined while the build read it", "fix the error on that line"),
    Broken("tests.py with a syntax error", [("tests.py", lambda text: text + "\nCASES = [\n")],
           "tests.py, line", "it is not valid Python", "fix the syntax"),
    # Known mistakes
    Broken("mistake loops at its top level", [FAST, ("mistakes/loops.py", lambda _: f'"""A hint."""\n{LOOP}')],
           "mistakes/loops.py", "did not finish within 1 s when the build ran its top-level code", "top level"),
    Broken("mistake loops on a case", [FAST, ("mistakes/loops.py", mistake("while True:\n        print('flood')"))],
           "mistakes/loops.py", f"did not finish within 1 s when the build called contrastive_loss on case {FIRST!r}", "loop that never ends"),
    Broken("mistake kills its process", [("mistakes/kills.py", mistake("os.kill(os.getpid(), signal.SIGKILL)", "import os\nimport signal"))],
           "mistakes/kills.py", "ended the build's Python process (killed by SIGKILL)", "take it out"),
    Broken("mistake calls os._exit", [("mistakes/exits.py", mistake("os._exit(3)", "import os"))],
           "mistakes/exits.py", f"called os._exit() on case {FIRST!r}", "a known mistake must return its wrong value"),
    Broken("mistake exhausts memory", [("mistakes/greedy.py", mistake("return bytearray(8 * 1024**3)"))],
           "mistakes/greedy.py", f"raised MemoryError on case {FIRST!r}", "a known mistake must return its wrong value"),
    Broken("mistake with a syntax error", [("mistakes/sum_instead_of_mean.py", lambda text: text.replace("def contrastive_loss(", "def contrastive_loss(:"))],
           "mistakes/sum_instead_of_mean.py, line", "it is not valid Python", "fix the syntax"),
    # The starter
    Broken("starter loops at its top level", [FAST, ("starter.py", lambda text: text + LOOP)],
           "starter.py", "did not finish within 1 s when the build ran its top-level code", "top level"),
    Broken("starter loops when run", [FAST, ("starter.py", lambda text: text.replace("    pass\n", "    while True:\n        pass\n"))],
           "starter.py", f"did not finish within 1 s when the build called contrastive_loss on case {FIRST!r}", "make its function return at once"),
    Broken("starter that cannot load", [("starter.py", lambda text: "import torch\n" + text)],
           "starter.py, line 1", "ModuleNotFoundError", "make it load without errors"),
    Broken("starter with another default", [("starter.py", lambda text: text.replace("margin=1.0", "margin=2.0"))],
           "starter.py", "its contrastive_loss takes (x1, x2, label, margin=2.0), but solution.py's takes (x1, x2, label, margin=1.0)", "same parameters"),
    Broken("starter misnamed", [("starter.py", lambda text: text.replace("def contrastive_loss", "def contrastive"))],
           "starter.py", "does not define contrastive_loss", "same function name"),
    # The statement
    Broken("signature naming a parameter the function lacks", [("statement.md", lambda text: text.replace("(x1, x2, label, margin=1.0) ->", "(x1, x2, labels, margin=1.0) ->"))],
           "statement.md", "the signature shows (x1, x2, labels, margin=1.0), but solution.py's contrastive_loss takes (x1, x2, label, margin=1.0)", "same parameters"),
    Broken("statement not UTF-8", [("statement.md", lambda text: text.replace("## Background", "## Background (café)").encode("latin-1"))],
           "statement.md, line 9", "it is not UTF-8 text", "save the file as UTF-8"),
    Broken("statement without text", [("statement.md", lambda text: "---\n" + text.split("---\n")[1] + "---\n\n")],
           "statement.md", "the statement has no text after the front matter", "write the problem"),
    Broken("front matter field of the wrong type", [("statement.md", lambda text: text.replace("title: Contrastive loss", "title: [Contrastive, loss]"))],
           "statement.md", "`title` is list ['Contrastive', 'loss'], not text", 'quotes make YAML read it as written'),
    Broken("front matter field misspelt", [("statement.md", lambda text: text.replace("summary:", "sumary:"))],
           "statement.md", "the front matter has `sumary`, which the kit does not use", "rename it to `summary`"),
    Broken("front matter field missing", [("statement.md", lambda text: text.replace("title: Contrastive loss\n", ""))],
           "statement.md", "no `title`", "add a line `title: ...`"),
    Broken("front matter not YAML", [("statement.md", lambda text: text.replace("title: Contrastive loss", "title: Contrastive: loss"))],
           "statement.md, line 2", "the front matter is not valid YAML", "quote a value that holds a colon"),
    Broken("statement names another function", [("statement.md", lambda text: text.replace("function: contrastive_loss", "function: contrast_loss"))],
           "statement.md", "is not of the function", "start the signature with the function's name"),
    Broken("example value the page cannot receive", [("statement.md", lambda text: text.replace("margin = 1.0", "margin = 1j"))],
           "statement.md, line", "margin in Example 1: the value is of type complex, which tests.json cannot carry", "numbers (nan and infinity too), True/False"),
    Broken("example with ragged rows", [("statement.md", lambda text: text.replace("x1     = [[0, 0], [0, 0]]", "x1     = [[0, 0], [0]]"))],
           "solution.py, line", "ValueError: setting an array element with a sequence", "fix solution.py, or the case's inputs"),
    Broken("example output disagrees", [("statement.md", lambda text: text.replace("output = 0.625", "output = 0.6"))],
           "statement.md", "case 'Example 1' promises 0.6", "fix the case's inputs or promised value"),
    Broken("test without name", [("tests.py", lambda text: text.replace(f'name="{IDENTICAL}"', 'name=""'))],
           "tests.py", "CASES[1] has an empty name", "give every Case a name="),
    Broken("duplicate test", [("tests.py", lambda text: text.replace(f'"{IDENTICAL}"', f'"{FIRST}"'))],
           "tests.py", f"two cases are named {FIRST!r}", "give every case its own name"),
]


def break_folder(folder, edits):
    for name, change in edits.items():
        path = folder / name
        changed = change(path.read_text(encoding="utf-8") if path.exists() else "")
        path.write_bytes(changed if isinstance(changed, bytes) else changed.encode("utf-8"))


def check_command(problems_dir, *slugs):
    return subprocess.run(
        [sys.executable, "build.py", "--problems", str(problems_dir), "check", *slugs],
        cwd=REPO, capture_output=True, text=True, check=False, timeout=CHECK_DEADLINE_SECONDS,
    )


@pytest.mark.parametrize("broken", BROKEN, ids=[broken.name for broken in BROKEN])
def test_a_broken_folder_fails_the_check_in_one_paragraph_naming_file_and_fix(problems_dir, broken):
    break_folder(problems_dir / SLUG, broken.edits)
    completed = check_command(problems_dir, SLUG)
    assert completed.returncode == 1, completed.stdout + completed.stderr
    message = completed.stderr
    assert "Traceback" not in message
    assert message.startswith(f"✗ {problems_dir / SLUG}/{broken.where}"), message
    what, fix = message.split("\n  How to fix: ")
    assert broken.what in what, message
    assert broken.fix in fix, message
    assert "\n" not in what and fix.splitlines()[1].startswith("Check failed: 1 problem(s) to fix"), message


def test_a_notes_file_that_is_not_utf8_is_still_searched_for_placeholders(problems_dir):
    """Files the build does not read (an instructor's notes) need not be UTF-8 for the check."""
    (problems_dir / SLUG / "notes.md").write_bytes("Café: TODO: why this matters, in a few sentences.".encode("latin-1"))
    [finding] = scaffold_leftovers(problems_dir / SLUG)
    assert finding.where.endswith("notes.md, line 1") and "TODO: why this matters" in finding.what


def test_an_instructors_own_todo_is_no_leftover_of_make_new(problems_dir):
    edit(problems_dir / SLUG / "starter.py", lambda text: text.replace("    pass\n", "    # TODO: implement\n    pass\n"))
    edit(problems_dir / SLUG / "statement.md", lambda text: text + "\nTODO for you: try a margin of 2 as well.\n")
    assert scaffold_leftovers(problems_dir / SLUG) == []


def test_every_placeholder_make_new_writes_is_a_leftover(tmp_path):
    folder = new_problem("pairwise-distance", tmp_path)
    written = {(path.name, number) for path in folder.iterdir() for number, line in enumerate(path.read_text().splitlines(), start=1) if "TODO" in line}
    flagged = {(finding.where.split(",")[0].rsplit("/", 1)[-1], int(finding.where.rsplit(" ", 1)[-1])) for finding in scaffold_leftovers(folder)}
    assert written and flagged == written


def test_comments_docstrings_and_trivial_lines_are_no_solution_code():
    source = (
        '"""A hint for the learner, long enough to count if it were code."""\n'
        "import numpy as np\n"
        "from numpy.linalg import norm as vector_norm\n"
        "\n\n"
        "def smooth(values, weight=0.5):\n"
        '    """Returns the values, each blended with the one before it."""\n'
        "    # A comment as long as any line of code that would count.\n"
        "    result = np.cumsum(values * weight, axis=0)  # why: the running sum\n"
        "    if result.size:\n"
        "        return result\n"
        "    else:\n"
        "        pass\n"
        "    return (\n"
        "        normalised_result_of_the_smoothing\n"
        "    )\n"
    )
    # The def line counts: the starter holds it, and lines the starter holds are no leak.
    assert list(meaningful_lines(source)) == [(6, "def smooth(values, weight=0.5):"), (9, "result = np.cumsum(values * weight, axis=0)")]


def numpy_lines():
    """A comment line and a line of code of numpy's __init__.py, as the site ships it."""
    numpy_wheel = next(wheel for wheel in package_wheels() if wheel.name.startswith("numpy-"))
    source = zipfile.ZipFile(numpy_wheel).read("numpy/__init__.py").decode()
    comment = next(line.strip() for line in source.splitlines() if line.strip().startswith("#") and len(line.strip()) > 40)
    code = next(code for _, code in meaningful_lines(source) if "(" in code and compiles(code))
    return comment, code


def compiles(code):
    try:
        compile(code, "<numpy>", "exec")
    except SyntaxError:
        return False
    return True


def test_problems_sharing_lines_check_clean_together_as_each_does_alone(problems_dir):
    """One problem's solution line is another's starter line, and its solution has a comment
    and a line of code that numpy's source holds too: none of them is a leak."""
    other = "triplet-loss"
    shutil.copytree(PROBLEMS / other, problems_dir / other)
    helper = "\n\ndef rounded(probability):\n    return round(probability, 5)\n"
    numpy_comment, numpy_code = numpy_lines()
    edit(problems_dir / SLUG / "solution.py", lambda text: text + helper + f"\n\n{numpy_comment}\nif False:\n    {numpy_code}\n")
    edit(problems_dir / other / "starter.py", lambda text: text + helper)
    alone = {slug: [str(finding) for finding in check_problems([slug], problems_dir)[1]] for slug in (SLUG, other)}
    together = [str(finding) for finding in check_problems(problems_dir=problems_dir)[1]]
    assert alone == {SLUG: [], other: []}
    assert together == []


def test_a_problem_without_an_example_gets_a_note_not_a_finding():
    problem = load_problem(PROBLEMS / SLUG)
    assert check_notes([problem]) == []
    without = dataclasses.replace(problem, suite=dataclasses.replace(problem.suite, examples=[]))
    [note] = check_notes([without])
    assert note.startswith(f"problems/{SLUG}/statement.md has no ```example block"), note


def test_the_check_command_notes_a_statement_without_example_and_passes(problems_dir):
    edit(problems_dir / SLUG / "statement.md", lambda text: re.sub(r"```example\n.*?```\n", "", text, flags=re.S))
    completed = check_command(problems_dir, SLUG)
    if "it has no example" in completed.stderr:
        pytest.skip("the build still requires an example; this runs once examples are optional")
    assert completed.returncode == 0, completed.stderr
    assert f"Note: {problems_dir / SLUG}/statement.md has no ```example block" in completed.stdout


def test_a_reference_that_disagrees_with_itself_fails_the_check(problems_dir):
    # Without promises the build would take the reference's first answers; a reference with
    # noise (on batches of more than two pairs, so its example stays true) is caught when the
    # build runs it a second time, as a learner's browser would.
    edit(problems_dir / SLUG / "tests.py", remove_promises)
    edit(problems_dir / SLUG / "solution.py", lambda text: text.replace("return float(np.mean(", "return (len(label) > 2) * np.random.rand() + float(np.mean("))
    findings = findings_of(problems_dir)
    assert findings and all(finding.where.endswith("solution.py") for finding in findings)
    assert f"its result on case {case_names()[1]!r} changes from one run to the next" in findings[0].what


def test_a_reference_that_differs_in_the_browser_runtime_fails_the_check(problems_dir):
    edit(
        problems_dir / SLUG / "solution.py",
        lambda text: text.replace("return float(np.mean(", "import sys\n    return (sys.platform == 'emscripten') + float(np.mean("),
    )
    findings = findings_of(problems_dir)
    assert findings
    assert all("in Pyodide (the browser's Python)" in finding.what for finding in findings)
    assert findings[0].where.endswith("solution.py")


def test_a_starter_that_already_passes_fails_the_check(problems_dir):
    shutil.copy(problems_dir / SLUG / "solution.py", problems_dir / SLUG / "starter.py")
    [finding] = findings_of(problems_dir)
    assert finding.where.endswith("starter.py")
    assert "already passes every test" in finding.what


def test_solution_code_in_the_site_fails_the_check(problems_dir):
    leaked_line = next(line.strip() for line in (PROBLEMS / SLUG / "solution.py").read_text().splitlines() if "dissimilar_cost =" in line)
    edit(problems_dir / SLUG / "statement.md", lambda text: text + f"\n```python\n{leaked_line}\n```\n")
    [finding] = findings_of(problems_dir)
    assert finding.where.startswith(site_problem_dir(SLUG) + "index.html")
    assert "solution.py" in finding.what and leaked_line in finding.what
    statement_line = (problems_dir / SLUG / "statement.md").read_text().splitlines().index(leaked_line) + 1
    assert f"statement.md (line {statement_line})" in finding.fix


def test_a_new_problem_builds_and_its_check_lists_every_todo(tmp_path):
    problems_dir = tmp_path / "problems"
    folder = new_problem("pairwise-distance", problems_dir)
    assert sorted(path.name for path in folder.iterdir()) == ["solution.py", "starter.py", "statement.md", "tests.py"]
    assert "def pairwise_distance(" in (folder / "starter.py").read_text()
    build_site(tmp_path / "_site", problems_dir)
    findings = findings_of(problems_dir)
    assert {finding.where.split(",")[0].rsplit("/", 1)[-1] for finding in findings} == {"statement.md", "starter.py", "solution.py", "tests.py"}
    assert all("TODO" in finding.what and finding.fix for finding in findings)


@pytest.mark.parametrize("slug, message", [("Bad Name", "not a valid problem name"), (SLUG, "already exists")])
def test_new_refuses_bad_or_taken_names(slug, message):
    completed = subprocess.run([sys.executable, "build.py", "new", slug], cwd=REPO, capture_output=True, text=True, check=False)
    assert completed.returncode == 1
    assert message in completed.stderr


def test_check_command_exits_non_zero_and_says_why():
    completed = subprocess.run([sys.executable, "build.py", "check", "no-such-problem"], cwd=REPO, capture_output=True, text=True, check=False)
    assert completed.returncode == 1
    assert "no problem folder 'no-such-problem'" in completed.stderr
