/* The only file that touches Pyodide. It runs Python off the page's main thread, and holds
   no Python of its own: every request is answered by a call into harness/entry.py.

   Protocol: the page sends one request at a time, {id, type, ...}; the worker answers
   {id, result} or {id, error}, and may send {id, progress} before that.

     {id, type: "init", urls: {pyodide, pythonSnapshot, pythonBytecode, packageWheels: [...], harnessWheel, tests}}   (absolute URLs)
        -> {id, result: {python: "3.12.7"}}
     {id, type: "check", code}
        -> {id, result: null | {line, message}}   (a syntax error, found without running the code)
     {id, type: "run", suite: "tests" | "examples", code}
        -> {id, progress: {event: "test-started", index}}
        -> {id, progress: {event: "test-finished", index, result}}   (one per test)
        -> {id, result: <results object, harness/results.py>}
     {id, type: "console", code, entry}   (entry: what the learner typed in the console; code: the editor's)
        -> {id, result: {loaded: null | "first" | "changed", load_error: null | {message, line},
                         output, value: null | text, value_note: null | text, error: null | {message, line}}}
           (harness/console.py: the code is loaded when it differs from the last entry's, and the
           names assigned in the console are kept until then)

   Time limits are not enforced here: a worker busy in Python cannot read messages, so the
   page stops a run with worker.terminate() and starts a fresh worker. */

let entry = null; // harness.entry, the Python this worker calls (JSON text in, JSON text out)
let suiteJson = null; // the problem's tests.json, decoded afresh by every run

// Each loading step names itself when it fails, so the page can say what went wrong.
async function init({ urls }) {
  const testsText = step("could not download the tests", () => fetchText(urls.tests));
  // Python starts from a memory snapshot made at build time, downloaded in parallel with the
  // runtime files loadPyodide fetches.
  const snapshot = fetchGunzipped(urls.pythonSnapshot);
  const bytecode = step("could not download the bytecode of numpy and the harness", () => fetchBytes(urls.pythonBytecode));
  for (const download of [testsText, snapshot, bytecode]) download.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
  // numpy's wheel downloads while Python boots too, into the browser's cache, where
  // loadPackage finds it; at low priority, so the runtime and the snapshot come first.
  const wheelsCached = Promise.all(urls.packageWheels.map((url) => fetch(url, { priority: "low" }).then((response) => response.arrayBuffer())));
  const pyodide = await step("could not start Python", () => {
    importScripts(urls.pyodide + "pyodide.js");
    return loadPyodide({ indexURL: urls.pyodide, _loadSnapshot: snapshot });
  });
  await wheelsCached.catch(() => {}); // loadPackage downloads a wheel that failed again, and reports it
  await step("could not load numpy", () => loadPackage(pyodide, "numpy"));
  await step("could not install the grading harness", () => loadPackage(pyodide, urls.harnessWheel, "harness"));
  // The wheels hold source only; with this bytecode, importing them compiles nothing.
  pyodide.unpackArchive(await bytecode, "zip", { extractDir: "/" });
  entry = pyodide.pyimport("harness.entry");
  suiteJson = await testsText;
  return { python: entry.start() };
}

/** pyodide.loadPackage reports a failed download through a callback, not by throwing.
 *  `what` is a package of the runtime's lock file or a wheel's URL. */
async function loadPackage(pyodide, what, name = what) {
  const errors = [];
  await pyodide.loadPackage(what, { messageCallback: () => {}, errorCallback: (message) => errors.push(message) });
  if (!(name in pyodide.loadedPackages)) throw new Error(errors.join(" ") || `${name} did not load`);
}

async function step(what, action) {
  try {
    return await action();
  } catch (error) {
    // Python errors arrive as whole tracebacks; their last line says what happened.
    const lines = String(error && error.message ? error.message : error).trim().split("\n");
    throw new Error(`${what} (${lines[lines.length - 1]})`);
  }
}

function run({ id, suite, code }) {
  const resultsJson = entry.grade(
    suiteJson,
    code,
    suite,
    (index) => postMessage({ id, progress: { event: "test-started", index } }),
    (index, result) => postMessage({ id, progress: { event: "test-finished", index, result: JSON.parse(result) } }),
  );
  return JSON.parse(resultsJson);
}

async function fetchText(url) {
  return (await fetchOk(url)).text();
}

async function fetchBytes(url) {
  return new Uint8Array(await (await fetchOk(url)).arrayBuffer());
}

/** The build gzips the snapshot itself: servers need not compress it, and may add their own gzip on top. */
async function fetchGunzipped(url) {
  const response = await fetchOk(url);
  return new Uint8Array(await new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
}

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not download ${url} (HTTP ${response.status})`);
  return response;
}

function check({ code }) {
  return JSON.parse(entry.check_syntax(code));
}

function runInConsole({ code, entry: typed }) {
  return JSON.parse(entry.console(code, typed));
}

const handlers = { init, check, run, console: runInConsole };

self.onmessage = async ({ data: request }) => {
  try {
    postMessage({ id: request.id, result: await handlers[request.type](request) });
  } catch (error) {
    postMessage({ id: request.id, error: String(error && error.message ? error.message : error) });
  }
};
