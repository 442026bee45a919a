"""Runs one of the build's Node scripts (KaTeX, Pyodide in Node): JSON on stdin, JSON on stdout."""

import json
import subprocess

from .errors import BuildError
from .paths import NODE_MODULES, shown


def run_node_script(script, request, failure, fix, limit_seconds=None):
    """The script's answer, decoded; a BuildError naming `script`, `failure` and `fix` if it
    fails or runs past `limit_seconds`."""
    try:
        completed = subprocess.run(
            ["node", str(script)],
            input=json.dumps(request),
            capture_output=True,
            text=True,
            cwd=NODE_MODULES.parent,
            check=False,
            timeout=limit_seconds,
        )
    except subprocess.TimeoutExpired:
        raise BuildError(shown(script), f"{failure}: it did not finish within {limit_seconds} s", fix) from None
    if completed.returncode != 0:
        raise BuildError(shown(script), f"{failure}: {completed.stderr.strip()[-2000:]}", fix)
    return json.loads(completed.stdout)
