"""Writes the files the worker's Python boots from (python_boot/ reads them):

- python-boot.json: the files below, and what the build recorded for the restore;
- python-snapshot.zst: Python's memory with numpy and the harness imported, made in Node by
  make_python_boot.cjs (only the pages a fresh runtime does not already hold);
- numpy-libraries.zst: numpy's shared libraries that importing it loads, which the restore
  instantiates where the snapshot expects them;
- site-packages.zst: every other file of numpy and the harness, written into Python's file
  system once it is ready (or at the first import that needs one);
- python-plain-snapshot.zst and site-packages-bytecode.zst, fetched only by the plain boot (an
  engine whose function table does not match the build's, as WebKit's): Pyodide's own snapshot
  of Python just started, which it restores instead of starting Python, and the bytecode of the
  modules the harness imports, so that importing them compiles nothing.

The build compresses them with zstd itself: about a third smaller than gzip, as fast to
decode, and the same size whether or not the server compresses what it sends.

Making them boots Pyodide twice in Node and compresses 53 MB (about 30 s), so they are kept
in .cache/, under a digest of everything they are made from: a rebuild that changes none of
it reuses them.
"""

import json
import shutil
import struct
import subprocess
import tempfile
import zipfile
from pathlib import Path

import zstandard

from base.digest import digest_of
from base.errors import BuildError
from base.paths import CACHE, PYTHON_BOOT_CODE, REPO, shown
from .pyodide_runtime import STDLIB

BOOT_MANIFEST = "python-boot.json"
BOOT_MANIFEST_VERSION = 1  # formats/python_boot.v1.schema.json; python_boot/start.js reads this version
SNAPSHOT = "python-snapshot.zst"
LIBRARIES = "numpy-libraries.zst"
OTHER_FILES = "site-packages.zst"
PLAIN_SNAPSHOT = "python-plain-snapshot.zst"
BYTECODE = "site-packages-bytecode.zst"
# Fetched only when the restore does not match: the service worker keeps them once fetched.
PLAIN_BOOT_FILES = (PLAIN_SNAPSHOT, BYTECODE)
BOOT_FILES = (BOOT_MANIFEST, SNAPSHOT, LIBRARIES, OTHER_FILES, *PLAIN_BOOT_FILES)
MAKE_BOOT_FILES_SCRIPT = Path(__file__).parent / "make_python_boot.cjs"
# What the Node script runs besides itself: its boot code is the worker's.
MADE_WITH = (Path(__file__).parent / "python_boot_in_node.cjs", *sorted(PYTHON_BOOT_CODE.glob("*.js")), Path(__file__))
ZSTD_LEVEL = 19


def write_python_boot_files(pyodide_dir, wheels):
    """Writes BOOT_FILES into `pyodide_dir`, which already holds the runtime; `wheels` are the
    wheels whose files Python imports (numpy's and the harness's)."""
    inputs = [MAKE_BOOT_FILES_SCRIPT, *MADE_WITH, *wheels, *sorted(path for path in pyodide_dir.iterdir() if path.is_file())]
    cached = CACHE / f"python-boot-{digest_of((path.name, path) for path in inputs)}"
    if not cached.is_dir():
        _make_boot_files(pyodide_dir, wheels, cached)
    for name in BOOT_FILES:
        shutil.copy2(cached / name, pyodide_dir / name)


def _make_boot_files(pyodide_dir, wheels, destination):
    CACHE.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE, ignore_cleanup_errors=True) as temp:
        work = Path(temp)
        site_packages = work / "site-packages"
        for wheel in wheels:
            with zipfile.ZipFile(wheel) as archive:
                archive.extractall(site_packages)
        made = work / "made"
        made.mkdir()
        completed = subprocess.run(
            ["node", str(MAKE_BOOT_FILES_SCRIPT), f"{pyodide_dir}/", str(site_packages), str(made)],
            capture_output=True, text=True, cwd=REPO, check=False,
        )
        if completed.returncode != 0:
            raise BuildError(
                shown(MAKE_BOOT_FILES_SCRIPT),
                f"Node could not make Python's boot files: {completed.stderr.strip()[-2000:]}",
                "run `npm ci` (or `make build`, which runs it), then build again",
            )
        recorded = json.loads((made / "linking.json").read_text())
        library_paths = [library["path"] for library in recorded["linking"]["libraries"]]
        files = {path.relative_to(site_packages).as_posix(): path for path in sorted(site_packages.rglob("*")) if path.is_file()}
        bytecode = made / "bytecode"
        output = work / "output"
        output.mkdir()
        manifest = {
            "version": BOOT_MANIFEST_VERSION,
            "sitePackages": recorded["sitePackages"],
            "snapshot": {**_compressed((made / "snapshot").read_bytes(), output / SNAPSHOT), **recorded["snapshot"]},
            "libraries": _compressed(_pack([(path, files[path]) for path in library_paths]), output / LIBRARIES),
            "otherFiles": _compressed(_pack([(path, file) for path, file in files.items() if path not in library_paths]), output / OTHER_FILES),
            "stdlib": {"file": STDLIB, "path": recorded["stdlib"]},
            "plainBoot": {
                "snapshot": _compressed((made / "plain-snapshot").read_bytes(), output / PLAIN_SNAPSHOT),
                "bytecode": _compressed(_pack([(path.relative_to(bytecode).as_posix(), path) for path in sorted(bytecode.rglob("*.pyc"))]), output / BYTECODE),
            },
            "linking": recorded["linking"],
        }
        (output / BOOT_MANIFEST).write_text(json.dumps(manifest, indent=1))
        for stale in CACHE.glob("python-boot-*"):
            shutil.rmtree(stale)
        output.rename(destination)  # last, so a build stopped halfway leaves no broken files behind


def _pack(files):
    """The files as python_boot/files.js's unpackFiles reads them: the length of a JSON index
    [[path, bytes]...], the index, then the files' bytes one after the other."""
    contents = [(path, file.read_bytes()) for path, file in files]
    index = json.dumps([[path, len(data)] for path, data in contents]).encode()
    return struct.pack("<I", len(index)) + index + b"".join(data for _, data in contents)


def _compressed(data, destination):
    destination.write_bytes(zstandard.ZstdCompressor(level=ZSTD_LEVEL, write_content_size=True).compress(data))
    return {"file": destination.name, "bytes": len(data)}
