// The results format (harness/results.py) in the page: the one JavaScript place that builds
// results. The page makes them itself when Python cannot finish a run (a time limit was hit,
// the worker crashed, Python could not be loaded), worded as formats/host_results.json says, the same
// file grading/host_results.py builds CPython's from.

import WORDING from "../formats/host_results.json" with { type: "json" };

// formats/results.v1.schema.json; harness/results.py builds the same version.
export const RESULTS_FORMAT_VERSION = 1;

/** A run stopped at the time limit while loading the file (`current` -1) or in test `current`. */
export function resultsAfterTimeout(testNames, finished, current, timeLimitSeconds) {
  const limit = `${timeLimitSeconds} s`;
  if (current < 0) {
    const tests = testNames.map((name) => testResult(name, "timeout", WORDING.test_not_run_file_did_not_load));
    return runResult("error", tests, fill(WORDING.file_did_not_load_in_time, { limit }));
  }
  const tests = testNames.map((name, index) => {
    if (index < current) return finished[index];
    if (index === current) return testResult(name, "timeout", fill(WORDING.test_timed_out, { limit }));
    return testResult(name, "not-run", WORDING.test_not_run_after_timeout);
  });
  return runResult("failed", tests);
}

/** Python stopped (`reason`) during a run; the tests it finished keep their results. */
export function resultsAfterCrash(testNames, finished, reason) {
  const tests = testNames.map((name, index) => finished[index] || testResult(name, "error", WORDING.test_not_finished));
  return runResult("error", tests, fill(WORDING.python_stopped, { reason }));
}

/** Python could not be loaded (`reason`); `noun` is "tests" or "examples". */
export function resultsWithoutPython(testNames, noun, reason) {
  const tests = testNames.map((name) => testResult(name, "not-run", WORDING.test_not_run_python_unavailable));
  return runResult("error", tests, fill(WORDING.python_unavailable, { noun, reason }));
}

/** The hidden tests before they run: each listed by name, with a status of its own. */
export function testsNotRunYet(testNames) {
  return testNames.map((name) => testResult(name, "not-run-yet", null));
}

/** "3 of 4 tests passed"; `noun` is "tests" or "examples". */
export function summaryText(results, noun = "tests") {
  const passed = results.tests.filter((test) => test.status === "passed").length;
  return `${passed} of ${results.tests.length} ${noun} passed`;
}

function testResult(name, status, message) {
  return { name, status, message, output: "", line: null, got: null };
}

function runResult(status, tests, message = null) {
  return { version: RESULTS_FORMAT_VERSION, status, message, line: null, output: "", hint: null, hints: [], tests };
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, name) => values[name]);
}
