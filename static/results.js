// Results the page has to make itself, in the same format as harness/grader.py, for runs
// that Python could not finish: a time limit was hit or the worker crashed.

export function resultsAfterTimeout(testNames, finished, current, timeLimitSeconds) {
  const limit = `${timeLimitSeconds} s`;
  if (current < 0) {
    const message = `Your file did not finish loading within ${limit}. Is there a loop outside the function that never ends?`;
    return {
      status: "error",
      message,
      line: null,
      output: "",
      tests: testNames.map((name) => testResult(name, "timeout", "Not run: your code did not finish loading.")),
    };
  }
  return {
    status: "failed",
    message: null,
    line: null,
    output: "",
    tests: testNames.map((name, index) => {
      if (index < current) return finished[index];
      if (index === current) {
        return testResult(
          name,
          "timeout",
          `Stopped after ${limit}: your function did not return in time. Look for a loop that never ends, or work that grows much faster than the input.`,
        );
      }
      return testResult(name, "not-run", "Not run: an earlier test was stopped at the time limit.");
    }),
  };
}

export function resultsAfterCrash(testNames, finished, reason) {
  const message = `Python stopped unexpectedly (${reason}). It has been restarted; your code is unchanged.`;
  return {
    status: "error",
    message,
    line: null,
    output: "",
    tests: testNames.map((name, index) => finished[index] || testResult(name, "error", "Not finished: Python stopped during the run.")),
  };
}

/** "3 of 4 tests passed"; `noun` is "tests" or "examples". */
export function summaryText(results, noun = "tests") {
  const passed = results.tests.filter((test) => test.status === "passed").length;
  return `${passed} of ${results.tests.length} ${noun} passed`;
}

function testResult(name, status, message) {
  return { name, status, message, output: "", line: null };
}
