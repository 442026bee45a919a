/* The only file that touches Pyodide. It runs Python off the page's main thread.

   Protocol: the page sends one request at a time, {id, type, ...}; the worker answers
   {id, result} or {id, error}, and may send {id, progress} before that.

     {id, type: "init", urls: {pyodide, harnessWheel, tests}}   (absolute URLs)
        -> {id, result: {python: "3.12.7"}}
     {id, type: "run", code}
        -> {id, progress: {event: "test-started", index}}
        -> {id, progress: {event: "test-finished", index, result}}   (one per test)
        -> {id, result: <results object of harness.grader>}

   Time limits are not enforced here: a worker busy in Python cannot read messages, so the
   page stops a run with worker.terminate() and starts a fresh worker. */

let runGrading = null;

// Calls harness.grade and hands JavaScript plain JSON strings, so no Python object
// outlives a call (no proxies to release, nothing to leak between runs).
const GRADE_AS_JSON = `
import json
import harness

def grade_as_json(suite_json):
    suite = harness.Suite.from_json(suite_json)

    def run(source, on_started, on_finished):
        return json.dumps(harness.grade(
            source, suite, on_started, lambda index, result: on_finished(index, json.dumps(result))))

    return run
`;

async function init({ urls }) {
  const testsText = fetchText(urls.tests);
  importScripts(urls.pyodide + "pyodide.js");
  const pyodide = await loadPyodide({ indexURL: urls.pyodide });
  await pyodide.loadPackage(["numpy", "micropip"], { messageCallback: () => {} });
  await pyodide.pyimport("micropip").install(urls.harnessWheel);
  pyodide.runPython(GRADE_AS_JSON);
  runGrading = pyodide.globals.get("grade_as_json")(await testsText);
  return { python: pyodide.runPython("import sys; sys.version.split()[0]") };
}

function run({ id, code }) {
  const resultJson = runGrading(
    code,
    (index) => postMessage({ id, progress: { event: "test-started", index } }),
    (index, result) => postMessage({ id, progress: { event: "test-finished", index, result: JSON.parse(result) } }),
  );
  return JSON.parse(resultJson);
}

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not download ${url} (HTTP ${response.status})`);
  return response.text();
}

const handlers = { init, run };

self.onmessage = async ({ data: request }) => {
  try {
    postMessage({ id: request.id, result: await handlers[request.type](request) });
  } catch (error) {
    postMessage({ id: request.id, error: String(error && error.message ? error.message : error) });
  }
};
