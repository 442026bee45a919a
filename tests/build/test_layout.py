"""The layout the README describes is the layout there is: every source file is named in its
table, no source folder holds more than 16 files, no source file passes 400 lines, and the
imports run one way (the build never imports the regrade; the harness and the base layer
import nothing of ours but themselves; nothing imports the tests)."""

import ast
import subprocess

import pytest

from base.paths import REPO

SOURCE_FOLDERS = ("base", "bench", "browsers", "formats", "grading", "harness", "python_boot", "scripts", "sitebuild", "static", "tests")
DATA = ("tests/corpus/submissions/", "tests/corpus/hostile/")  # learners' files, named by their folders
MAX_FILES_IN_A_FOLDER = 16
MAX_LINES = 400


def source_files():
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", *SOURCE_FOLDERS], cwd=REPO, capture_output=True, text=True, check=True)
    return [path for path in listed.stdout.split() if not path.startswith(DATA) and (REPO / path).is_file()]


def readme_layout():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return readme[readme.index("## Repository layout") : readme.index("## Development")]


def test_every_source_file_is_named_in_the_readmes_layout_table():
    layout = readme_layout()
    missing = [path for path in source_files() if path.rsplit("/", 1)[-1] not in layout]
    assert not missing, f"name these in README.md's layout table: {missing}"


def test_no_source_folder_holds_more_than_16_files_and_no_file_passes_400_lines():
    files = source_files()
    folders = {}
    for path in files:
        folders.setdefault(path.rpartition("/")[0], []).append(path)
    assert {folder: len(paths) for folder, paths in folders.items() if len(paths) > MAX_FILES_IN_A_FOLDER} == {}
    long = {path: lines for path in files if path.endswith((".py", ".js", ".cjs", ".mjs", ".css", ".html")) and (lines := len((REPO / path).read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def imported_packages(path):
    tree = ast.parse((REPO / path).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


@pytest.mark.parametrize(
    "folder, may_not_import",
    [
        ("base", {"harness", "sitebuild", "grading", "tests", "bench", "browsers"}),
        ("harness", {"base", "sitebuild", "grading", "tests", "bench", "browsers"}),
        ("sitebuild", {"grading", "tests", "bench", "browsers"}),
        ("grading", {"tests", "bench", "browsers"}),
    ],
)
def test_imports_run_one_way(folder, may_not_import):
    wrong = {path: sorted(set(imported_packages(path)) & may_not_import) for path in source_files() if path.startswith(f"{folder}/") and path.endswith(".py")}
    assert {path: packages for path, packages in wrong.items() if packages} == {}
