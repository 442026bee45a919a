// Makes the two files the worker's Python boots from (sitebuild/python_boot.py):
//
// - a memory snapshot: booting the interpreter costs seconds of CPU on every visit, restoring
//   a snapshot of its memory a fraction of that. Pyodide 0.27 can only snapshot the
//   interpreter before a package with compiled code (numpy) is loaded, so the snapshot holds
//   the interpreter plus the standard-library modules that loading numpy and importing the
//   harness would import;
// - a zip of the bytecode (.pyc) of the numpy and harness modules the harness imports, which
//   their wheels ship as source only: compiling them would cost most of the time importing
//   them takes. It unpacks at the root of Python's file system.
//
//   node make_python_boot.cjs <pyodide folder> <harness wheel> <snapshot file> <bytecode zip>
//
// A first Node process does the worker's loading for real, and finds the modules and writes
// the bytecode; a second one, fresh, imports those modules and writes its memory.
const fs = require("fs");
const { execFileSync } = require("child_process");
const { loadPyodide } = require("pyodide");

const LOAD_AS_THE_WORKER_DOES = "--load-as-the-worker-does";
const BYTECODE_IN_PYTHON = "/tmp/bytecode.zip";

const WATCH_IMPORTS = `
import json, sys
booted = set(sys.modules)
stdlib_zip = next(path for path in sys.path if path.endswith(".zip"))

def origin_of(module):
    return getattr(getattr(module, "__spec__", None), "origin", None) or ""
`;

// Prints the standard-library modules (in the stdlib zip, or built in) that loading added.
// Pyodide's own modules hold JavaScript objects, which a snapshot cannot keep.
const STDLIB_IMPORTS = `
def stdlib_imports():
    for name, module in list(sys.modules.items()):
        origin = origin_of(module)
        from_stdlib = origin.startswith(stdlib_zip + "/") or origin == "built-in"
        if name not in booted and from_stdlib and name.split(".")[0] not in ("pyodide", "_pyodide"):
            yield name

json.dumps(sorted(stdlib_imports()))
`;

// Compiles every imported module of site-packages to the .pyc its import looks for first.
// Unchecked: the unpacked sources get new timestamps on every visit.
const WRITE_BYTECODE = `
import importlib.util, py_compile, sysconfig, zipfile

site_packages = sysconfig.get_paths()["purelib"].replace("//", "/")
with zipfile.ZipFile("${BYTECODE_IN_PYTHON}", "w") as bytecode:
    for name, module in sorted(sys.modules.items()):
        origin = origin_of(module)
        if origin.startswith(site_packages + "/") and origin.endswith(".py"):
            pyc = py_compile.compile(origin, importlib.util.cache_from_source(origin), doraise=True,
                                     invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
            bytecode.writestr(zipfile.ZipInfo(pyc.lstrip("/"), (2024, 1, 1, 0, 0, 0)), open(pyc, "rb").read(), zipfile.ZIP_DEFLATED)
`;

async function loadAsTheWorkerDoes(pyodideDir, wheelPath, bytecodePath) {
  const pyodide = await loadPyodide({ indexURL: pyodideDir, stdout: () => {}, stderr: () => {} });
  pyodide.runPython(WATCH_IMPORTS);
  await pyodide.loadPackage(["numpy", wheelPath], { messageCallback: () => {} });
  pyodide.runPython("import harness.entry");
  const modules = pyodide.runPython(STDLIB_IMPORTS); // before writing the bytecode imports more
  pyodide.runPython(WRITE_BYTECODE);
  fs.writeFileSync(bytecodePath, pyodide.FS.readFile(BYTECODE_IN_PYTHON));
  return modules;
}

async function makeBootFiles(pyodideDir, wheelPath, snapshotPath, bytecodePath) {
  const modules = JSON.parse(
    execFileSync(process.execPath, [__filename, LOAD_AS_THE_WORKER_DOES, pyodideDir, wheelPath, bytecodePath], { encoding: "utf8" }),
  );
  const pyodide = await loadPyodide({ indexURL: pyodideDir, _makeSnapshot: true, stdout: () => {}, stderr: () => {} });
  pyodide.runPython(`import importlib\nfor name in ${JSON.stringify(modules)}: importlib.import_module(name)`);
  fs.writeFileSync(snapshotPath, pyodide.makeMemorySnapshot());
}

const [mode, ...args] = process.argv.slice(2);
const done = mode === LOAD_AS_THE_WORKER_DOES ? loadAsTheWorkerDoes(...args).then((names) => process.stdout.write(names)) : makeBootFiles(mode, ...args);
done.catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
});
