"""Bundles and minifies the page scripts with esbuild (CodeMirror comes from node_modules)."""

import subprocess

from .errors import BuildError
from .paths import NODE_MODULES, STATIC

# app.js: the exercise page; catalog.js: the site root. theme.js is loaded on its own, in
# <head>, so the theme is set before the first paint.
ENTRY_POINTS = ("app.js", "catalog.js", "worker.js", "theme.js")


def bundle_scripts(out_dir):
    esbuild = NODE_MODULES / ".bin" / "esbuild"
    if not esbuild.exists():
        raise BuildError("node_modules/.bin/esbuild", "esbuild is not installed", "run `npm ci` (or `make build`, which runs it)")
    completed = subprocess.run(
        [str(esbuild), *(str(STATIC / name) for name in ENTRY_POINTS), "--bundle", "--minify", "--sourcemap",
         "--format=iife", "--target=es2020", "--log-level=warning", f"--outdir={out_dir}"],
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise BuildError("static/", f"esbuild could not bundle the page scripts:\n{completed.stderr}", "fix the JavaScript error it names")
