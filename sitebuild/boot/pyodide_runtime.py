"""Copies the Pyodide runtime (npm package) into the site, and finds the vendored wheels of the
packages Python imports, after checking each one's sha256 against the runtime's own
pyodide-lock.json (sitebuild/boot/boot_files.py ships their files, not the wheels)."""

import hashlib
import json
import shutil

from base.errors import BuildError
from base.paths import PYODIDE_NPM, VENDORED_PYODIDE_PACKAGES, shown

PYODIDE_VERSION = "0.27.7"
STDLIB = "python_stdlib.zip"
RUNTIME_FILES = ("pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm", STDLIB, "pyodide-lock.json")
# What Python imports besides the standard library; their dependencies are read from the lock file.
PACKAGES = ("numpy",)


def copy_runtime(out_dir):
    _check_npm_version()
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copy2(PYODIDE_NPM / name, out_dir / name)


def package_wheels():
    """The vendored wheels of PACKAGES and their dependencies, each checked against the lock file."""
    lock = json.loads((PYODIDE_NPM / "pyodide-lock.json").read_text())
    wheels = []
    for package in _with_dependencies(PACKAGES, lock):
        entry = lock["packages"][package]
        wheel = VENDORED_PYODIDE_PACKAGES / entry["file_name"]
        if not wheel.is_file():
            raise BuildError(
                shown(wheel),
                f"Pyodide package {package!r} is missing",
                "vendor it as described in vendor/pyodide-packages/README.md",
            )
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        if digest != entry["sha256"]:
            raise BuildError(
                shown(wheel),
                f"sha256 is {digest}, but pyodide-lock.json of Pyodide {PYODIDE_VERSION} says {entry['sha256']}",
                "replace it with the official release file (see vendor/pyodide-packages/README.md)",
            )
        wheels.append(wheel)
    return wheels


def _check_npm_version():
    package_json = PYODIDE_NPM / "package.json"
    version = json.loads(package_json.read_text())["version"] if package_json.is_file() else None
    if version != PYODIDE_VERSION:
        raise BuildError(
            "node_modules/pyodide",
            f"found Pyodide {version or 'nothing'}, the kit needs {PYODIDE_VERSION}",
            "run `npm ci` (or `make build`, which runs it)",
        )


def _with_dependencies(names, lock):
    seen = []
    pending = list(names)
    while pending:
        name = pending.pop()
        if name not in seen:
            seen.append(name)
            pending.extend(lock["packages"][name]["depends"])
    return seen
