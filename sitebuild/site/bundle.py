"""Bundles and minifies the page scripts with esbuild (CodeMirror comes from node_modules)."""

import json
import subprocess
import tempfile
from pathlib import Path

from base.errors import BuildError
from base.paths import NODE_MODULES, STATIC

# app.js: the exercise page, an ES module split in chunks, so the editor's later extensions
# (editor_later.js) load after the first paint; catalog.js: the site root; worker.js: the
# Python worker (a classic worker script, for importScripts); theme.js is loaded on its own, in
# <head>, so the theme is set before the first paint.
SPLIT_MODULES = ("app.js",)
SCRIPTS = ("catalog.js", "worker.js", "theme.js")


def bundle_scripts(out_dir):
    """Writes the bundles into `out_dir`; returns the chunks app.js imports at once (paths
    relative to `out_dir`), which the page asks for alongside app.js rather than after it."""
    esbuild = NODE_MODULES / ".bin" / "esbuild"
    if not esbuild.exists():
        raise BuildError("node_modules/.bin/esbuild", "esbuild is not installed", "run `npm ci` (or `make build`, which runs it)")
    with tempfile.TemporaryDirectory() as temp:
        metafile = Path(temp) / "meta.json"
        _bundle(esbuild, SPLIT_MODULES, ["--format=esm", "--splitting", "--chunk-names=chunks/[name]-[hash]", f"--metafile={metafile}"], out_dir)
        outputs = json.loads(metafile.read_text())["outputs"]
    _bundle(esbuild, SCRIPTS, ["--format=iife"], out_dir)
    app = next(output for path, output in outputs.items() if output.get("entryPoint", "").endswith("/app.js"))
    return [Path(chunk["path"]).resolve().relative_to(Path(out_dir).resolve()).as_posix() for chunk in app["imports"] if chunk["kind"] == "import-statement"]


def _bundle(esbuild, entry_points, format_options, out_dir):
    completed = subprocess.run(
        [str(esbuild), *(str(STATIC / name) for name in entry_points), "--bundle", "--minify", "--sourcemap",
         *format_options, "--target=es2020", "--log-level=warning", f"--outdir={out_dir}"],
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise BuildError("static/", f"esbuild could not bundle the page scripts:\n{completed.stderr}", "fix the JavaScript error it names")
