"""Writes the files the worker's Python boots from (made by make_python_boot.cjs): a memory
snapshot of the interpreter, gzipped by the build so its download is small whether or not the
server compresses it, and the bytecode of the numpy and harness modules the harness imports.

Making them boots Pyodide twice in Node (about 10 s), so they are kept in .cache/, under a
digest of everything they are made from: a rebuild that changes none of it reuses them.
"""

import gzip
import shutil
import subprocess
import tempfile
from pathlib import Path

from .digest import digest_of
from .errors import BuildError
from .paths import CACHE, REPO, shown

SNAPSHOT = "python-snapshot.gz"
BYTECODE = "python-bytecode.zip"
MAKE_BOOT_FILES_SCRIPT = REPO / "sitebuild" / "make_python_boot.cjs"


def write_python_boot_files(pyodide_dir, harness_wheel):
    """Writes SNAPSHOT and BYTECODE into `pyodide_dir`, which already holds the runtime and its wheels."""
    inputs = [MAKE_BOOT_FILES_SCRIPT, harness_wheel, *sorted(path for path in pyodide_dir.iterdir() if path.is_file())]
    cached = CACHE / f"python-boot-{digest_of((path.name, path) for path in inputs)}"
    if not cached.is_dir():
        _make_boot_files(pyodide_dir, harness_wheel, cached)
    for name in (SNAPSHOT, BYTECODE):
        shutil.copy2(cached / name, pyodide_dir / name)


def _make_boot_files(pyodide_dir, harness_wheel, destination):
    CACHE.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE, ignore_cleanup_errors=True) as temp:
        made = Path(temp)
        raw_snapshot = made / "snapshot"
        completed = subprocess.run(
            ["node", str(MAKE_BOOT_FILES_SCRIPT), f"{pyodide_dir}/", str(harness_wheel), str(raw_snapshot), str(made / BYTECODE)],
            capture_output=True, text=True, cwd=REPO, check=False,
        )
        if completed.returncode != 0:
            raise BuildError(
                shown(MAKE_BOOT_FILES_SCRIPT),
                f"Node could not make Python's boot files: {completed.stderr.strip()[-2000:]}",
                "run `npm ci` (or `make build`, which runs it), then build again",
            )
        (made / SNAPSHOT).write_bytes(gzip.compress(raw_snapshot.read_bytes(), compresslevel=6, mtime=0))
        raw_snapshot.unlink()
        for stale in CACHE.glob("python-boot-*"):
            shutil.rmtree(stale)
        made.rename(destination)  # last, so a build stopped halfway leaves no broken files behind

