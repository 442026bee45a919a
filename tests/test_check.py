"""`make check` (build.py check) and `make new`: each mistake an instructor can make is caught
with a message naming the file and the fix; a new problem builds and explains what is left."""

import re
import shutil
import subprocess
import sys

import pytest
from problem_folders import CONTRASTIVE, case_names

from sitebuild.site import build_site
from sitebuild.check import check_problems
from sitebuild.paths import PROBLEMS, REPO, site_problem_dir
from sitebuild.scaffold import new_problem

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


@pytest.mark.parametrize(
    "file, change, where, what",
    [
        ("statement.md", lambda text: text.replace("title: Contrastive loss\n", ""), "statement.md", "no `title`"),
        ("starter.py", lambda text: text.replace("def contrastive_loss", "def contrastive"), "starter.py", "does not define contrastive_loss"),
        ("statement.md", lambda text: text.replace("function: contrastive_loss", "function: contrast_loss"), "statement.md", "is not of the function"),
        ("tests.py", lambda text: text.replace(f'name="{case_names()[1]}"', 'name=""'), "tests.py", "empty name"),
        ("tests.py", lambda text: text.replace(f'"{case_names()[1]}"', f'"{case_names()[0]}"'), "tests.py", "two cases are named"),
        ("statement.md", lambda text: text.replace("output = 0.625", "output = 0.6"), "statement.md", "promises 0.6"),
    ],
    ids=["front matter", "starter misnamed", "statement names another function", "test without name", "duplicate test", "example disagrees"],
)
def test_build_level_mistakes_fail_the_check_naming_file_and_fix(problems_dir, file, change, where, what):
    edit(problems_dir / SLUG / file, change)
    [finding] = findings_of(problems_dir)
    assert finding.where.endswith(where) or f"{where}," in finding.where
    assert what in finding.what
    assert finding.fix


def test_a_reference_that_disagrees_with_itself_fails_the_check(problems_dir):
    # Without promises the build takes the reference's first answers; a reference with noise
    # (on batches of more than two pairs, so its example stays true) then fails its own test
    # when graded again, as it would in a learner's browser.
    edit(problems_dir / SLUG / "tests.py", remove_promises)
    edit(problems_dir / SLUG / "solution.py", lambda text: text.replace("return float(np.mean(", "return (len(label) > 2) * np.random.rand() + float(np.mean("))
    findings = findings_of(problems_dir)
    assert findings and all(finding.where.endswith("solution.py") for finding in findings)
    assert f"in CPython, the reference solution does not pass {case_names()[1]!r}" in findings[0].what


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
    assert "solution.py" in finding.what and finding.fix


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
