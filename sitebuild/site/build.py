"""Writes the static site: gather problems -> validate -> compute expected values -> write.

Everything is validated and written to a staging folder first; only a complete build
replaces the output folder, so a failed build leaves the previous site intact.
"""

import shutil
import tempfile
from pathlib import Path

from base import paths
from .bundle import bundle_scripts
from sitebuild.boot.harness_wheel import write_harness_wheel
from .pages import catalog_page, problem_page
from sitebuild.problems.load import loading_all
from sitebuild.boot.pyodide_runtime import copy_runtime, package_wheels
from sitebuild.boot.boot_files import write_python_boot_files
from .service_worker import write_service_worker

KATEX_FILES = ("katex.min.css",)


def build_site(out_dir=paths.DEFAULT_OUT, problems_dir=paths.PROBLEMS, slugs=()):
    """Builds the problems of `problems_dir` (or only `slugs`) into `out_dir`; returns them."""
    out_dir = Path(out_dir).resolve()
    with loading_all(problems_dir, slugs) as loaded_problems:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.building-", dir=out_dir.parent))
        try:
            problems = _write_site(staging, loaded_problems)
            _replace_dir(staging, out_dir)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return problems


def _write_site(site, loaded_problems):
    """Writes the files every page shares while the problems' instructor code runs, then
    (`loaded_problems()` waits for them) the pages; returns the problems."""
    assets = site / paths.SITE_ASSETS
    assets.mkdir(parents=True)
    app_chunks = bundle_scripts(assets)
    shutil.copy2(paths.STATIC / "style.css", assets / "style.css")
    harness_wheel = write_harness_wheel(assets)
    katex = site / paths.SITE_KATEX
    shutil.copytree(paths.KATEX_DIST / "fonts", katex / "fonts", ignore=_all_but_woff2)
    for name in KATEX_FILES:
        shutil.copy2(paths.KATEX_DIST / name, katex / name)
    copy_runtime(site / paths.SITE_PYODIDE)
    write_python_boot_files(site / paths.SITE_PYODIDE, [*package_wheels(), harness_wheel])
    problems = loaded_problems()
    for problem in problems:
        page_dir = site / paths.site_problem_dir(problem.slug)
        page_dir.mkdir(parents=True)
        (page_dir / "index.html").write_text(problem_page(problem, app_chunks), encoding="utf-8")
        (page_dir / "tests.json").write_text(problem.suite.to_json(), encoding="utf-8")
    (site / "index.html").write_text(catalog_page(problems), encoding="utf-8")
    (site / ".nojekyll").write_text("")  # GitHub Pages: serve files as they are
    write_service_worker(site)  # last: it lists every file written above
    return problems


def _all_but_woff2(directory, names):
    """Every browser the kit supports reads woff2; the older font formats are dead weight."""
    return [name for name in names if not name.endswith(".woff2")]


def _replace_dir(new, old):
    retired = old.with_name(f".{old.name}.old")
    shutil.rmtree(retired, ignore_errors=True)
    if old.exists():
        old.rename(retired)
    new.rename(old)
    shutil.rmtree(retired, ignore_errors=True)
