"""`make check`'s search of the built site for solution code. A line of solution.py or of a
known mistake (mistakes/*.py) counts when it is meaningful code (see `meaningful_lines`) that
the site holds for no other reason: it is a line of no problem's starter, of no other problem's
statement, and of none of the library sources the site ships (Pyodide's runtime and standard
library, numpy, the harness). A problem's lines are looked for in its own page folder and in
the files every page shares, never in another problem's folder, which holds that problem's own
material: so problems checked together find exactly what each finds alone."""

import ast
import html
import io
import re
import tokenize
import zipfile

import zstandard

from base.errors import BuildError
from base.paths import HARNESS, PYODIDE_NPM, shown, site_problem_dir
from sitebuild.boot.pyodide_runtime import RUNTIME_FILES, package_wheels
from sitebuild.problems.mistakes import MISTAKES_DIR

# A line of code with fewer characters than this, spaces aside, may be anywhere by chance.
MIN_SIGNIFICANT_CHARS = 20
# Code that tells nothing of the answer however long it is: an import, or a lone name
# (`pass`, `return result`, `self.weights`).
TRIVIAL_CODE = re.compile(r"(import|from) .*|(return |yield )?[\w.]*")
HTML_TAG = re.compile(r"<[^>]*>")
FRONT_MATTER_LINE = re.compile(r"\w+:(.*)")


def leaked_sources(site, folders):
    """Findings for every file of the built `site` holding a counted line of the solution or
    of a known mistake of one of the problem `folders` (all the problems the site was built from)."""
    lines = {folder: list(_solution_lines(folder)) for folder in folders}
    everyones = {key for numbered in lines.values() for _, _, key in numbered}
    held_anyway = _keys_in(_library_sources(), everyones)
    statements = {folder: _numbered_keys(_read(folder / "statement.md"), _statement_line_keys) for folder in folders}
    for folder in folders:
        held_anyway |= set(_line_keys(_read(folder / "starter.py")))  # the starter is given to learners
    wanted = {}  # key -> [(folder, source, line number)]
    for folder, numbered in lines.items():
        for source, number, key in numbered:
            in_another_statement = any(key in keys for other, keys in statements.items() if other != folder)
            if key not in held_anyway and not in_another_statement:
                wanted.setdefault(key, []).append((folder, source, number))
    return _findings(site, folders, wanted, statements)


def meaningful_lines(source):
    """(line number, code) of each line of Python `source` that counts: its code without the
    comment, spaces collapsed; blank, comment, docstring and trivial lines are left out."""
    comment_starts, text_lines = _comments_and_docstrings(source)
    for number, line in enumerate(source.splitlines(), start=1):
        code = _normalised(line[: comment_starts.get(number, len(line))])
        if number not in text_lines and len(code.replace(" ", "")) >= MIN_SIGNIFICANT_CHARS and not TRIVIAL_CODE.fullmatch(code):
            yield number, code


def _findings(site, folders, wanted, statements):
    found = {}  # (site file, source) -> [(line number, key, folder)]
    for path in sorted(path for path in site.rglob("*") if path.is_file()):
        place = path.relative_to(site).as_posix()
        owner = next((folder for folder in folders if place.startswith(site_problem_dir(folder.name))), None)
        for key in sorted(_keys_in([path], wanted)):
            for folder, source, number in wanted[key]:
                if owner in (None, folder):
                    found.setdefault((place, source), []).append((number, key, folder))
    findings = []
    for (place, source), leaked in found.items():
        number, key, folder = min(leaked)
        more = f" (and {len(leaked) - 1} more of its lines)" if len(leaked) > 1 else ""
        statement_line = statements[folder].get(key)
        fix = (
            f"take it out of {shown(folder / 'statement.md')} (line {statement_line}): say what to compute, not the code that computes it"
            if statement_line
            else "keep solution code out of the statement and the page files; if none of your files holds it, the build put it there: report it"
        )
        findings.append(BuildError(f"{place} in the built site", f"it contains line {number} of {shown(source)}: {key!r}{more}", fix))
    return findings


def _solution_lines(folder):
    for source in [folder / "solution.py", *sorted((folder / MISTAKES_DIR).glob("*.py"))]:
        for number, key in meaningful_lines(_read(source)):
            yield source, number, key


def _comments_and_docstrings(source):
    """{line number: column its comment starts at}, and the line numbers of string statements
    (docstrings: a mistake's is its hint, and ships)."""
    comment_starts, text_lines = {}, set()
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT:
                comment_starts[token.start[0]] = token.start[1]
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                text_lines.update(range(node.lineno, node.end_lineno + 1))
    except (SyntaxError, tokenize.TokenError):  # the build reports it; here each line is taken as it is
        pass
    return comment_starts, text_lines


def _line_keys(text, is_page=False):
    """Each line of `text` written as meaningful_lines writes code, in every form the site may
    hold it: as it is, without a trailing comment, inside a JSON string, and between a page's tags."""
    texts = [text, html.unescape(HTML_TAG.sub("\n", text))] if is_page else [text]
    for each in texts:
        for line in each.splitlines():
            if len(line) < MIN_SIGNIFICANT_CHARS:
                continue
            parts = [line]
            if "\\" in line:  # JSON: lines joined by \n, quotes escaped
                parts += line.replace('\\"', '"').replace("<\\/", "</").split("\\n")
            for part in parts:
                yield _normalised(part)
                if "#" in part:
                    yield _normalised(part.partition("#")[0])


def _statement_line_keys(text):
    """A statement's lines, and its front matter's values (`summary: ...`) as the catalog shows them."""
    yield from _line_keys(text)
    for line in text.splitlines():
        if value := FRONT_MATTER_LINE.fullmatch(line):
            yield _normalised(value.group(1).strip().strip("\"'"))


def _numbered_keys(text, keys_of):
    numbered = {}
    for number, line in enumerate(text.splitlines(), start=1):
        for key in keys_of(line):
            numbered.setdefault(key, number)
    return numbered


def _keys_in(paths, wanted):
    """Which of the `wanted` keys the files at `paths` hold (zips, wheels and zstd packs unpacked)."""
    return {key for path in paths for text in _texts_of(path) for key in _line_keys(text, path.suffix == ".html") if key in wanted}


def _library_sources():
    """The files the site ships for Python as they come from upstream (not as copied into the
    site, so that a solution line the build wrongly packed with them is still found)."""
    return [*(PYODIDE_NPM / name for name in RUNTIME_FILES), *package_wheels(), *sorted(HARNESS.rglob("*.py"))]


def _texts_of(path):
    if path.suffix in (".whl", ".zip"):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                yield archive.read(name).decode("utf-8", "replace")
    elif path.suffix == ".zst":
        yield zstandard.ZstdDecompressor().decompress(path.read_bytes()).decode("utf-8", "replace")
    else:
        yield path.read_bytes().decode("utf-8", "replace")


def _read(path):
    return path.read_bytes().decode("utf-8", "replace").replace("\r\n", "\n")


def _normalised(line):
    return " ".join(line.split())
