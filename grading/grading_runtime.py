"""The folder the regrade's sandboxed Node processes (pyodide_host.cjs) read, and nothing else:
the page's Pyodide runtime and Python boot files, made by the build's own code (so the
verdicts are the page's), the worker's boot code bundled for Node, and the host script."""

import shutil
import subprocess
import tempfile
from pathlib import Path

from base.errors import BuildError
from base.paths import NODE_MODULES, PYTHON_BOOT_CODE
from sitebuild.boot.boot_files import write_python_boot_files
from sitebuild.boot.harness_wheel import write_harness_wheel
from sitebuild.boot.pyodide_runtime import copy_runtime, package_wheels

HOST_SCRIPT = Path(__file__).parent / "pyodide_host.cjs"
BOOT_BUNDLE = "python_boot.cjs"


def write_grading_runtime(folder):
    """Fills `folder` (a fresh one); returns the host script's path in it. The boot files take
    about 30 s to make the first time, then come from the build's cache (.cache/)."""
    folder = Path(folder)
    copy_runtime(folder)
    with tempfile.TemporaryDirectory() as wheels:
        write_python_boot_files(folder, [*package_wheels(), write_harness_wheel(Path(wheels))])
    _bundle_python_boot(folder / BOOT_BUNDLE)
    shutil.copy2(HOST_SCRIPT, folder / HOST_SCRIPT.name)
    return folder / HOST_SCRIPT.name


def _bundle_python_boot(destination):
    esbuild = NODE_MODULES / ".bin" / "esbuild"
    if not esbuild.exists():
        raise BuildError("node_modules/.bin/esbuild", "esbuild is not installed", "run `npm ci` (or `make build`, which runs it)")
    completed = subprocess.run(
        [str(esbuild), str(PYTHON_BOOT_CODE / "start.js"), "--bundle", "--format=cjs", "--platform=node", "--log-level=warning", f"--outfile={destination}"],
        capture_output=True, text=True, check=False,
    )
    if completed.returncode != 0:
        raise BuildError("python_boot/start.js", f"esbuild could not bundle Python's boot code for the regrade:\n{completed.stderr}", "fix the JavaScript error it names")
