// The regrade's grading process: the page's Python (Pyodide, booted by python_boot/start.js
// from the files the build makes) in Node, grading one submission after another, as the
// page's worker does. grading/pyodide_runner.py starts it inside the sandbox that
// grading/sandbox_command.py describes (Node's permission model: it reads only the runtime
// folder, writes nothing, starts no process or worker; no code from strings; on Linux, bwrap
// too) and kills it at a time limit, as the page terminates its worker.
//
//   node pyodide_host.cjs <runtime folder>   (grading/grading_runtime.py writes the folder)
//
// Protocol, one JSON object per line, the same as grading/worker_process.py's:
//     {"type": "init"}                        ->  {"result": {"python": "3.12.7"}}
//     {"type": "warm-up", "tests_json"}       ->  {"result": null}   (harness.entry.warm_up, as the page's
//                                                 worker does: the engine compiles the grading's code
//                                                 before the first run, not on its time limit)
//     {"type": "run", "tests_json": <tests.json text>, "code"}
//         ->  {"progress": {"event": "test-started", "index"}}
//             {"progress": {"event": "test-finished", "index", "result"}}
//             ... then {"result": <results object>, "trusted": false when the run changed the harness's files}
// Any request may be answered {"error": message} instead.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const readline = require("readline");

const RUNTIME = path.resolve(process.argv[2]) + path.sep;
const MEMORY_LIMIT_MIB = Number(process.argv[3]);
const WASM_PAGE_BYTES = 65536;
const COMMAND_NOT_FOUND = 127; // a shell's exit status for a program it cannot find
// What Python's `js` module sees: nothing of Node's (process, require, fetch...).
const PYTHON_GLOBALS = Object.freeze(Object.create(null));
// Node's globals that reach the network or run code; Pyodide needs none once Python is up.
const NETWORK_AND_CODE_GLOBALS = ["fetch", "WebSocket", "EventSource", "XMLHttpRequest", "Worker", "SharedWorker", "importScripts"];

// Node's process, kept here only: once Python is up, the global one is replaced by a stand-in.
const nodeProcess = process;
// One answer per line, whatever text a hijacked harness hands back.
const write = (line) => nodeProcess.stdout.write(String(line).replace(/[\r\n]/g, " ") + "\n");
const answer = (message) => write(JSON.stringify(message));

/** The permission model refuses process.binding, which emscripten's NODEFS reads file flag
 *  constants from as it starts: give it those constants and nothing else. */
function allowOnlyConstantsBinding() {
  const constants = { fs: fs.constants, os: os.constants };
  process.binding = (name) => {
    if (name === "constants") return constants;
    throw new Error(`process.binding(${JSON.stringify(name)}) is not available in the grading sandbox`);
  };
}

/** Emscripten's system() (os.system, ctypes) starts a shell through require("child_process") in
 *  Node, which the permission model refuses by ending Python; in a browser it fails and Python
 *  goes on. A stand-in makes it fail here too, as "command not found". */
function failProgramsAsBrowsersDo() {
  const Module = require("module");
  const requireModule = Module.prototype.require;
  const noPrograms = Object.freeze({ spawnSync: () => ({ status: COMMAND_NOT_FOUND, signal: null }) });
  Module.prototype.require = function (id) {
    return id === "child_process" || id === "node:child_process" ? noPrograms : requireModule.apply(this, arguments);
  };
}

/** Python's memory (WebAssembly's, up to 4 GiB in Pyodide) capped, so that a runaway
 *  allocation ends in MemoryError within this process's share of the machine. */
function capPythonMemory() {
  const WasmMemory = WebAssembly.Memory;
  const maximumPages = Math.floor((MEMORY_LIMIT_MIB * 1024 * 1024) / WASM_PAGE_BYTES);
  WebAssembly.Memory = function Memory(descriptor) {
    const capped = descriptor.shared ? descriptor : { ...descriptor, maximum: Math.min(descriptor.maximum ?? maximumPages, maximumPages) };
    return new WasmMemory(capped);
  };
  WebAssembly.Memory.prototype = WasmMemory.prototype;
}

function host() {
  const readSync = (name) => new Uint8Array(fs.readFileSync(path.join(RUNTIME, name)));
  return {
    indexURL: RUNTIME,
    manifest: "python-boot.json",
    read: async (name) => [readSync(name)],
    readSync,
    loadRuntime: async () => {
      require(path.join(RUNTIME, "pyodide.js"));
      require(path.join(RUNTIME, "pyodide.asm.js"));
      const loadPyodide = globalThis.loadPyodide;
      // stdin: end of file. Node's own stdin carries the requests, the next learners' code among them.
      globalThis.loadPyodide = (options) => loadPyodide({ ...options, jsglobals: PYTHON_GLOBALS, stdin: () => null });
    },
    stdLibURL: path.join(RUNTIME, "python_stdlib.zip"),
    warn: (message) => nodeProcess.stderr.write(`${message}\n`), // kept by the runner, to say why a process did not start
    stdout: () => {}, // the harness captures what learner code prints; the rest goes nowhere
    stderr: () => {},
  };
}

/** The harness's files in Python's file system, as (path, size, modified) text: a run that
 *  changed them leaves a process not to be trusted with the next one. Python starts with the
 *  harness imported from its snapshot, before its source files are written: none yet is "". */
function harnessFiles({ analyzePath, readdir, stat }, harnessDir) {
  if (!analyzePath(harnessDir).exists) return "";
  return readdir(harnessDir)
    .filter((name) => name.endsWith(".py"))
    .map((name) => {
      const { size, mtime } = stat(`${harnessDir}/${name}`);
      return `${name} ${size} ${Number(mtime)}`;
    })
    .join("\n");
}

/** What learner code might still reach from Python through a JavaScript object it is given
 *  leads to nothing of Node's: no network globals, no `process` (V8 hands a function set as
 *  Error.prepareStackTrace the stack's frames, and a frame of sloppy-mode code its `this`,
 *  which may be globalThis), and no console writing into the answers on stdout. */
function closeTheWayOut() {
  for (const name of NETWORK_AND_CODE_GLOBALS) delete globalThis[name];
  Object.defineProperty(Error, "prepareStackTrace", { value: undefined, writable: false, configurable: false });
  // What emscripten still reads of `process` once Python runs (exit() sets exitCode).
  const standIn = { argv: [], env: {}, platform: nodeProcess.platform, versions: nodeProcess.versions, exitCode: undefined };
  Object.defineProperty(globalThis, "process", { value: standIn, writable: false, configurable: false, enumerable: false });
  for (const method of ["log", "info", "debug", "warn", "trace", "dir", "table"]) console[method] = console.error;
}

async function main() {
  allowOnlyConstantsBinding();
  failProgramsAsBrowsersDo();
  capPythonMemory();
  const { startPython } = require(path.join(RUNTIME, "python_boot.cjs"));
  const python = await startPython(host());
  // As the page does once Python is ready: the files the snapshot did not need (the rest of
  // the standard library and numpy) are written now, not during a learner's first import.
  await python.installRemainingFiles();
  closeTheWayOut();
  const { pyodide } = python;
  const entry = pyodide.pyimport("harness.entry");
  const harnessDir = path.posix.dirname(pyodide.pyimport("harness").__file__);
  // Kept before any learner code runs: it could replace the API object's members.
  const FS = Object.fromEntries(["analyzePath", "readdir", "stat"].map((name) => [name, pyodide.FS[name].bind(pyodide.FS)]));
  const version = entry.start();
  const harnessBefore = harnessFiles(FS, harnessDir);

  // Results leave as the JSON text Python made: JavaScript's JSON, which learner code could
  // reach through Object.prototype, never touches them.
  const handlers = {
    init: () => answer({ result: { python: version } }),
    "warm-up": ({ tests_json }) => {
      entry.warm_up(tests_json);
      answer({ result: null });
    },
    run: ({ tests_json, code }) => {
      const results = entry.grade(
        tests_json,
        code,
        "tests",
        (index) => write(`{"progress": {"event": "test-started", "index": ${Number(index)}}}`),
        (index, result) => write(`{"progress": {"event": "test-finished", "index": ${Number(index)}, "result": ${result}}}`),
      );
      let trusted = false;
      try {
        trusted = harnessFiles(FS, harnessDir) === harnessBefore;
      } catch {} // a harness file removed: not trusted
      write(`{"result": ${results}, "trusted": ${trusted}}`);
    },
  };
  for await (const line of readline.createInterface({ input: nodeProcess.stdin, crlfDelay: Infinity })) {
    try {
      const request = JSON.parse(line);
      handlers[request.type](request);
    } catch (error) {
      answer({ error: String(error && error.message ? error.message : error) });
    }
  }
  nodeProcess.exit(0); // the runner closed stdin: done
}

main().catch((error) => {
  answer({ error: `Python could not start in the grading sandbox: ${error && error.message ? error.message : JSON.stringify(error)}` });
  nodeProcess.exit(1);
});
