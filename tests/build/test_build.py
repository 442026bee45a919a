"""build.py: what lands in _site/, what must never land there, and how it fails."""

import hashlib
import json
import shutil
import subprocess
import sys
import zipfile

import pytest
from problem_folders import CONTRASTIVE, SLUGS, case_names

import harness
from sitebuild.site.build import build_site
from sitebuild.boot import pyodide_runtime
from base.errors import BuildError
from sitebuild.boot.harness_wheel import wheel_filename
from sitebuild.check.check import leaked_sources
from base.paths import PROBLEMS, PYODIDE_NPM, REPO, site_problem_dir



def site_files(site):
    return [path for path in site.rglob("*") if path.is_file()]


def test_site_has_catalog_pages_runtime_and_assets(built_site):
    for relative in [
        "index.html",
        *(f"problems/{slug}/{name}" for slug in SLUGS for name in ("index.html", "tests.json")),
        "assets/app.js",
        "assets/worker.js",
        "assets/style.css",
        "assets/katex/katex.min.css",
        f"assets/{wheel_filename()}",
        *(f"pyodide/{name}" for name in pyodide_runtime.RUNTIME_FILES),
    ]:
        assert (built_site / relative).is_file(), relative
    assert list((built_site / "assets/katex/fonts").glob("*.woff2"))
    catalog = (built_site / "index.html").read_text()
    for slug in SLUGS:
        assert f'href="problems/{slug}/"' in catalog, slug


def test_pyodide_packages_match_the_runtime_lock_file(built_site):
    """The site ships the files of these wheels (sitebuild/boot/boot_files.py), not the wheels."""
    lock = json.loads((PYODIDE_NPM / "pyodide-lock.json").read_text())
    wheels = {wheel.name: wheel for wheel in pyodide_runtime.package_wheels()}
    for package in pyodide_runtime.PACKAGES:
        entry = lock["packages"][package]
        assert hashlib.sha256(wheels[entry["file_name"]].read_bytes()).hexdigest() == entry["sha256"], package


def test_reference_solutions_and_known_mistakes_are_nowhere_in_the_site(built_site):
    """make check's own search, on every file of the site (wheels, zips and the snapshot unpacked)."""
    assert leaked_sources(built_site, [PROBLEMS / slug for slug in SLUGS]) == []
    shipped_names = {path.name for path in site_files(built_site)}
    assert "solution.py" not in shipped_names and not shipped_names & {
        path.name for slug in SLUGS for path in (PROBLEMS / slug / "mistakes").glob("*.py")
    }


def test_expected_values_are_what_the_test_names_promise(built_site):
    suite = harness.Suite.from_json((built_site / site_problem_dir(CONTRASTIVE) / "tests.json").read_text())
    reference, identical, beyond, coincident = suite.cases
    assert coincident.args["margin"] != 1.0  # otherwise ignoring the margin would pass
    promised = [0.625, 0.0, 0.0, coincident.args["margin"] ** 2]
    assert [case.expected for case in (reference, identical, beyond, coincident)] == pytest.approx(promised)


def test_pages_use_relative_urls_only(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text()
        for attribute in ('src="/', 'href="/', "url(/"):
            assert attribute not in html, f"{page.relative_to(built_site)} has an absolute URL ({attribute})"


@pytest.mark.parametrize("slug", SLUGS)
def test_statement_math_is_rendered_at_build_time(built_site, slug):
    html = (built_site / "problems" / slug / "index.html").read_text()
    assert 'class="katex"' in html
    assert "$$" not in html


def test_harness_wheel_imports_in_a_clean_interpreter(built_site):
    wheel = built_site / "assets" / wheel_filename()
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert "harness/grader.py" in names and any(name.endswith(".dist-info/RECORD") for name in names)
    completed = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(wheel)!r}); import harness; print(harness.__file__)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(wheel) in completed.stdout


@pytest.fixture
def problems_copy(tmp_path):
    copy = tmp_path / "problems"
    shutil.copytree(PROBLEMS, copy)
    return copy / CONTRASTIVE


@pytest.mark.parametrize(
    "file, change, named_problem",
    [
        ("statement.md", lambda text: text.replace("difficulty: Medium\n", ""), "no `difficulty`"),
        ("statement.md", lambda text: text.split("---\n", 2)[2], "no front matter"),
        ("tests.py", lambda text: text.replace("expected=1.5**2", "expected=1.0"), "promises 1.0"),
        ("tests.py", lambda text: text.replace(f'"{case_names()[1]}"', f'"{case_names()[0]}"'), "two cases are named"),
        ("tests.py", lambda text: text + '\nSHOW_INPUTS = "no"\n', "SHOW_INPUTS is 'no', not True or False"),
        ("solution.py", lambda text: text.replace("def contrastive_loss", "def contrastive"), "no function named"),
        ("statement.md", lambda text: text.replace("output = 0.625", "output = 0.5"), "Example 1' promises 0.5"),
        ("statement.md", lambda text: text.replace("label  = [1, 0]", "y = [1, 0]"), "'Example 1' gives x1, x2, y, margin"),
        ("statement.md", lambda text: text.replace("output = 0.625", "0.625"), "has no `output = ...` line"),
        ("mistakes/sum_instead_of_mean.py", lambda text: text.replace('"""Your results', '# Your results'), "no hint"),
        ("mistakes/sum_instead_of_mean.py", lambda text: text.replace("np.sum(", "np.mean("), "passes every test"),
        ("mistakes/sum_instead_of_mean.py", lambda text: text.replace("np.sum(", "0.5 * np.mean("), "same values as mistakes/half_both_terms.py"),
    ],
    ids=[
        "missing field",
        "no front matter",
        "broken promise",
        "duplicate name",
        "show inputs not a bool",
        "solution misnamed",
        "example output wrong",
        "example argument misnamed",
        "example line malformed",
        "mistake without hint",
        "mistake the tests cannot catch",
        "two mistakes the tests cannot tell apart",
    ],
)
def test_a_broken_problem_fails_the_build_naming_the_file_and_leaves_the_old_site(
    problems_copy, tmp_path, file, change, named_problem
):
    out = tmp_path / "_site"
    build_site(out, problems_dir=problems_copy.parent)
    before = sorted(path.relative_to(out) for path in site_files(out))
    target = problems_copy / file
    target.write_text(change(target.read_text()))
    with pytest.raises(BuildError) as failure:
        build_site(out, problems_dir=problems_copy.parent)
    assert file in failure.value.where
    assert named_problem in failure.value.what
    assert failure.value.fix
    assert sorted(path.relative_to(out) for path in site_files(out)) == before
    assert not [path for path in tmp_path.iterdir() if "building" in path.name]


def test_a_tampered_pyodide_package_fails_the_build(tmp_path, monkeypatch):
    vendored = tmp_path / "vendored"
    shutil.copytree(pyodide_runtime.VENDORED_PYODIDE_PACKAGES, vendored)
    numpy_wheel = next(vendored.glob("numpy-*.whl"))
    numpy_wheel.write_bytes(numpy_wheel.read_bytes() + b"\0")
    monkeypatch.setattr(pyodide_runtime, "VENDORED_PYODIDE_PACKAGES", vendored)
    with pytest.raises(BuildError) as failure:
        build_site(tmp_path / "_site")
    assert numpy_wheel.name in failure.value.where
    assert "sha256" in failure.value.what


def build_command(out, problems_dir=PROBLEMS):
    return subprocess.run(
        [sys.executable, "build.py", "--out", str(out), "--problems", str(problems_dir)],
        cwd=REPO, capture_output=True, text=True, check=False, timeout=120,
    )


def test_build_command_reports_errors_for_a_person(problems_copy, tmp_path):
    out = tmp_path / "_site"
    completed = build_command(out, problems_copy.parent)
    assert completed.returncode == 0, completed.stderr
    assert f"Built {len(SLUGS)} problem" in completed.stdout
    solution = problems_copy / "solution.py"
    solution.write_text(solution.read_text().replace("return float(np.mean(", "return float(np.mean(undefined_name + "))
    completed = build_command(out, problems_copy.parent)
    assert completed.returncode == 1
    assert completed.stderr == (
        f"Build failed. {solution}, line 9: it raised NameError: name 'undefined_name' is not defined on case {case_names()[0]!r}\n"
        "  How to fix: fix solution.py, or the case's inputs\n"
        "The previous site, if any, was left as it was.\n"
    )
    assert (out / site_problem_dir(CONTRASTIVE) / "tests.json").is_file()


def test_line_endings_hidden_folders_and_instructor_output_do_not_break_the_build(problems_copy, tmp_path, capfd):
    """Windows line endings, a folder an editor or Jupyter leaves beside the problems, and a
    known mistake that prints thousands of lines: the build succeeds and prints none of it."""
    statement = problems_copy / "statement.md"
    statement.write_bytes(statement.read_bytes().replace(b"\n", b"\r\n"))
    (problems_copy.parent / ".ipynb_checkpoints").mkdir()
    chatty = problems_copy / "mistakes" / "sum_instead_of_mean.py"
    chatty.write_text(chatty.read_text().replace("import numpy as np", "import numpy as np\n\nfor _ in range(20_000):\n    print('flood')"))
    problem = next(problem for problem in build_site(tmp_path / "_site", problems_copy.parent) if problem.slug == CONTRASTIVE)
    assert problem.title == "Contrastive loss"
    assert "flood" not in capfd.readouterr().out
