"""Calls a function of a page module (static/, an ES module) in Node, as the page would, with
JSON arguments; for tests that compare the page's side of a format with the tools' side."""

import json
import subprocess

from base.paths import REPO

# Imports the module named in argv, calls the function named in the input with its arguments.
CALL = """
const [modulePath] = process.argv.slice(1);
const module = await import(modulePath);
const [name, args] = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(module[name](...args)));
"""


def call_page_function(module, name, *args):
    """What `name(*args)` of static/`module` returns, decoded from JSON."""
    script = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);\n" + CALL
    completed = subprocess.run(
        ["node", "--input-type=module", "-e", script, str(REPO / "static" / module)],
        input=json.dumps([name, list(args)]), capture_output=True, text=True, cwd=REPO, check=True,
    )
    return json.loads(completed.stdout)
