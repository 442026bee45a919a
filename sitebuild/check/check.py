"""`make check`: proves each problem is right before it ships. On top of everything the build
validates, it grades the reference (tests and examples) through the harness exactly as the
page does, in CPython and in Pyodide; makes sure the starter does not already pass; finds
placeholders of `make new` left in the folder; and searches the built site for solution code
(leaks.py). It also notes, without failing, what a person may want to know."""

import json
import re
import string
import tempfile
from pathlib import Path

from harness import entry
from harness.results import PASSED

from sitebuild.boot import boot_files as python_boot
from base.errors import BuildError
from base.node_scripts import run_node_script
from base.paths import PROBLEMS, shown
from sitebuild.authoring import scaffold
from sitebuild.check.leaks import leaked_sources
from sitebuild.site.build import build_site

PYODIDE_CHECK_SCRIPT = Path(__file__).parent / "check_in_pyodide.cjs"
SCAFFOLD_MARKER = "TODO"  # how each placeholder of scaffold.py's templates starts
# Booting Pyodide in Node and grading every reference takes seconds; this only ends a hang.
PYODIDE_CHECK_LIMIT_SECONDS = 300


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


def check_notes(problems, problems_dir=PROBLEMS):
    """What `make check` points out without failing: each problem whose statement has no example."""
    return [
        f"{shown(Path(problems_dir) / problem.slug / 'statement.md')} has no ```example block, so learners have no example "
        "to try first and the check proves none (to add one, see docs/authoring.md)"
        for problem in problems
        if not problem.suite.examples
    ]


def scaffold_leftovers(folder):
    """A finding for each line of the folder's .md and .py files still holding a placeholder
    `make new` wrote; an instructor's own TODO (a note to learners, say) is no placeholder."""
    placeholder = scaffold_placeholders()
    return [
        BuildError(f"{shown(path)}, line {number}", f"it still has {found.group(0)!r}, a placeholder of `make new`", "replace it with the real content")
        for path in sorted(folder.rglob("*"))
        if path.suffix in (".md", ".py")
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1)
        if (found := placeholder.search(line))
    ]


def scaffold_placeholders():
    """A pattern for every placeholder of scaffold.py's templates (each text constant it
    defines, in lists and dicts too, so a new template is covered): a template line from its
    TODO to its end, closing quotes and commas left off, a {field} standing for any text."""
    templates = [text for name, value in vars(scaffold).items() if name.isupper() for text in _texts_in(value)]
    phrases = {
        line[line.index(SCAFFOLD_MARKER) :].rstrip(" \"',")
        for template in templates
        for line in template.splitlines()
        if SCAFFOLD_MARKER in line
    }
    return re.compile("|".join(_format_pattern(phrase) for phrase in sorted(phrases, key=len, reverse=True)) or "(?!)")


def _texts_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts_in(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _texts_in(item)


def _format_pattern(template_text):
    try:
        parts = list(string.Formatter().parse(template_text))
    except ValueError:  # not a format string: taken as written
        return re.escape(template_text)
    return "".join(re.escape(literal) + (".+?" if field is not None else "") for literal, field, _, _ in parts)


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
