/* Runs Python off the page's main thread, and holds no Python of its own: every request is
   answered by a call into harness/entry.py. Python's boot is python_boot/ (bundled into this
   file), which with sitebuild/boot/make_python_boot.cjs and sitebuild/check/check_in_pyodide.cjs
   is all that touches Pyodide.

   Protocol (formats/worker_messages.v1.schema.json describes every message): the page sends
   one request at a time, {id, type, ...}; the worker answers {id, result} or {id, error}, and
   may send {id, progress} before that.

     {id, type: "init", urls: {pyodide, pythonBoot}}   (absolute URLs)
        -> {id, result: {python: "3.12.7"}}
     {id, type: "syntax", code}
        -> {id, result: null | {line, message}}   (a syntax error, found without running the code)
     {id, type: "run", cases: "tests" | "examples", code, testsJson}
           (testsJson: the text of the tests.json of the exercise the run is for, fetched by the page)
        -> {id, progress: {event: "test-started", index}}
        -> {id, progress: {event: "test-finished", index, result}}   (one per test)
        -> {id, result: <results object, formats/results.v1.schema.json>}
     {id, type: "warm-up", testsJson}   (sent by the page once Python is ready, when no run is waiting)
        -> {id, result: null}   (harness.entry.warm_up: the grading runs once on a stand-in, so
           the engine compiles its code before the learner's first run, not during it)
     {id, type: "console", code, input}   (input: what the learner typed in the console; code: the editor's)
        -> {id, result: {loaded: null | "first" | "changed", load_error: null | {message, line},
                         output, value: null | text, value_note: null | text, error: null | {message, line}}}
           (harness/console.py: the code is loaded when it differs from the last entry's, and the
           names assigned in the console are kept until then)

   The worker keeps no exercise of its own: every run brings its tests, so showing another
   exercise in the same page asks nothing of it (nor waits behind a run or a warm-up).

   Time limits are not enforced here: a worker busy in Python cannot read messages, so the
   page stops a run with worker.terminate() and starts a fresh worker. */

import { startPython } from "../python_boot/start.js";
import { step } from "../python_boot/step.js";

// What loadPyodide fetches as the standard library when Python starts from its snapshot, which
// already holds every module the harness imports: an empty zip (the real one comes after ready).
const EMPTY_ZIP = "data:application/zip;base64,UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==";

let harnessEntry = null; // harness.entry, the Python this worker calls (JSON text in, JSON text out)

async function init({ urls }) {
  const python = await startPython({
    indexURL: urls.pyodide,
    manifest: urls.pythonBoot,
    read: (name, signal) => fetchChunks(new URL(name, urls.pythonBoot), signal),
    readSync: (name) => fetchSynchronously(new URL(name, urls.pythonBoot)),
    loadRuntime: async () => importScripts(urls.pyodide + "pyodide.js", urls.pyodide + "pyodide.asm.js"),
    stdLibURL: EMPTY_ZIP,
    warn: (message) => console.warn(message),
  });
  harnessEntry = await step("could not load the grading harness", () => python.pyodide.pyimport("harness.entry"));
  // After the answer below: the files Python did not need to get ready.
  setTimeout(() => python.installRemainingFiles().catch((error) => console.warn(`Python's remaining files could not be installed: ${error.message}`)));
  return { python: harnessEntry.start() };
}

function run({ id, cases, code, testsJson }) {
  const resultsJson = harnessEntry.grade(
    testsJson,
    code,
    cases,
    (index) => postMessage({ id, progress: { event: "test-started", index } }),
    (index, result) => postMessage({ id, progress: { event: "test-finished", index, result: JSON.parse(result) } }),
  );
  return JSON.parse(resultsJson);
}

/** A file's bytes in the chunks they arrived in (joining them would copy them once more). */
async function fetchChunks(url, signal) {
  const reader = (await fetchOk(url, { signal })).body.getReader();
  const chunks = [];
  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
  return chunks;
}

/** For an import that cannot wait: a worker may still block on a request. */
function fetchSynchronously(url) {
  const request = new XMLHttpRequest();
  request.open("GET", url, false);
  request.responseType = "arraybuffer";
  request.send();
  if (request.status !== 200) throw new Error(`could not download ${url} (HTTP ${request.status})`);
  return new Uint8Array(request.response);
}

async function fetchOk(url, options) {
  const response = await fetch(url, options);
  if (!response.ok) throw new Error(`could not download ${url} (HTTP ${response.status})`);
  return response;
}

function syntax({ code }) {
  return JSON.parse(harnessEntry.check_syntax(code));
}

function warmUp({ testsJson }) {
  harnessEntry.warm_up(testsJson);
  return null;
}

function runInConsole({ code, input }) {
  return JSON.parse(harnessEntry.console(code, input));
}

const handlers = { init, syntax, run, "warm-up": warmUp, console: runInConsole };

self.onmessage = async ({ data: request }) => {
  try {
    postMessage({ id: request.id, result: await handlers[request.type](request) });
  } catch (error) {
    postMessage({ id: request.id, error: String(error && error.message ? error.message : error) });
  }
};
