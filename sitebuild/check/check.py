"""`make check`: proves each problem is right before it ships. On top of everything the build
validates, it grades the reference (tests and examples) through the harness exactly as the
page does, in CPython and in Pyodide; makes sure the starter does not already pass; finds
scaffold TODOs left in the folder; and searches the built site for solution code."""

import json
import tempfile
import zipfile
from pathlib import Path

import zstandard

from harness import entry
from harness.results import PASSED

from sitebuild.boot import boot_files as python_boot
from base.errors import BuildError
from base.node_scripts import run_node_script
from sitebuild.problems.mistakes import MISTAKES_DIR
from base.paths import PROBLEMS, shown
from sitebuild.site.build import build_site

PYODIDE_CHECK_SCRIPT = Path(__file__).parent / "check_in_pyodide.cjs"
SCAFFOLD_MARKER = "TODO"
# Booting Pyodide in Node and grading every reference takes seconds; this only ends a hang.
PYODIDE_CHECK_LIMIT_SECONDS = 300
# Lines this long are specific enough that finding one in the site means code leaked.
DISTINCTIVE_LINE_CHARS = 26


def check_problems(slugs=(), problems_dir=PROBLEMS):
    """(problems checked, findings): each finding a BuildError saying where, what and how to fix."""
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "_site"
        try:
            problems = build_site(site, problems_dir, slugs)
        except BuildError as error:
            return [], [error]
        findings = []
        for problem in problems:
            folder = Path(problems_dir) / problem.slug
            findings += scaffold_leftovers(folder)
            findings += _check_in_cpython(problem, folder)
        findings += _check_in_pyodide(site, problems, Path(problems_dir))
        findings += leaked_sources(site, [Path(problems_dir) / problem.slug for problem in problems])
    return problems, findings


def scaffold_leftovers(folder):
    return [
        BuildError(f"{shown(path)}, line {number}", f"it still has a {SCAFFOLD_MARKER} from `make new`", "replace it with the real content")
        for path in sorted(folder.rglob("*"))
        if path.suffix in (".md", ".py")
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1)
        if SCAFFOLD_MARKER in line
    ]


def leaked_sources(site, folders):
    """Findings for every file of the built site holding a distinctive line of a reference
    solution or of a known mistake (their docstrings are hints and may ship)."""
    wanted = {}  # distinctive line -> the source file it comes from
    for folder in folders:
        starter = (folder / "starter.py").read_text(encoding="utf-8")
        for source in [folder / "solution.py", *sorted((folder / MISTAKES_DIR).glob("*.py"))]:
            for line in source.read_text(encoding="utf-8").splitlines():
                code = line.strip()
                if len(code) >= DISTINCTIVE_LINE_CHARS and code not in starter and not code.startswith('"""'):
                    wanted.setdefault(code, source)
    findings = []
    for path, text in _site_texts(site):
        leaked = sorted(line for line in wanted if line in text)
        if leaked:
            findings.append(
                BuildError(
                    f"{path.relative_to(site)} in the built site",
                    f"it contains code of {shown(wanted[leaked[0]])}: {leaked[0]!r}",
                    "keep solution code out of the statement, the starter and the page files",
                )
            )
    return findings


def _site_texts(site):
    """Each file of the site as text, compressed ones (wheels, zips, the Python boot's files) unpacked."""
    for path in sorted(site.rglob("*")):
        if path.suffix in (".whl", ".zip"):
            with zipfile.ZipFile(path) as archive:
                yield path, "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
        elif path.suffix == ".zst":
            yield path, zstandard.ZstdDecompressor().decompress(path.read_bytes()).decode("utf-8", "replace")
        elif path.is_file():
            yield path, path.read_bytes().decode("utf-8", "replace")


def _check_in_cpython(problem, folder):
    suite_json = problem.suite.to_json()  # exactly what the page receives

    def graded(path, cases="tests"):
        return json.loads(entry.grade(suite_json, path.read_text(encoding="utf-8"), cases))

    solution = folder / "solution.py"
    findings = _reference_failures(graded(solution), solution, "in CPython") + _reference_failures(
        graded(solution, "examples"), folder / "statement.md", "in CPython, on its example"
    )
    if graded(folder / "starter.py")["status"] == PASSED:
        findings.append(
            BuildError(
                shown(folder / "starter.py"),
                "the starter already passes every test, so a learner has nothing to do",
                "leave only the signature, the docstring and `pass` in starter.py",
            )
        )
    return findings


def grade_in_pyodide(site, solutions):
    """Grades each {slug, solution} in Pyodide, booted as the worker boots it, from the built
    `site`: a list of {slug, tests, examples} results; a BuildError if it cannot."""
    return run_node_script(
        PYODIDE_CHECK_SCRIPT,
        {"site": str(site), "bootManifest": python_boot.BOOT_MANIFEST, "problems": solutions},
        "Pyodide could not grade the references",
        "run `npm ci`, then `make check` again; if it ran out of time, look for a reference solution much slower in Pyodide than in CPython",
        PYODIDE_CHECK_LIMIT_SECONDS,
    )


def _check_in_pyodide(site, problems, problems_dir):
    try:
        graded_problems = grade_in_pyodide(
            site, [{"slug": p.slug, "solution": (problems_dir / p.slug / "solution.py").read_text(encoding="utf-8")} for p in problems]
        )
    except BuildError as error:
        return [error]
    findings = []
    for graded in graded_problems:
        folder = problems_dir / graded["slug"]
        findings += _reference_failures(graded["tests"], folder / "solution.py", "in Pyodide (the browser's Python)")
        findings += _reference_failures(graded["examples"], folder / "statement.md", "in Pyodide (the browser's Python), on its example")
    return findings


def _reference_failures(results, path, where):
    return [
        BuildError(
            shown(path),
            f"{where}, the reference solution does not pass {test['name']!r}: {test['message'] or results['message']}",
            "fix solution.py, or the test's inputs, tolerance or promised value",
        )
        for test in results["tests"]
        if test["status"] != PASSED
    ]
