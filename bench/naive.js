// The baseline of the benchmark: what a page without any of our work would do. On the main
// thread: loadPyodide, loadPackage("numpy"), then the reference solution once on the hidden
// tests' inputs (naive.html?problem=<slug>; bench/run.py puts the solution beside this file).
// Each step is a performance mark, in ms since navigation start; the result also goes on
// <html data-result="4 of 4">.

const CHECK_TESTS = `
import json
import numpy as np

def decoded(value):
    if isinstance(value, dict) and "ndarray" in value:
        return np.array(value["ndarray"], dtype=value["dtype"]).reshape(value.get("shape", -1))
    return value

def passed_of(suite_json):
    suite = json.loads(suite_json)
    function = globals()[suite["function"]]
    tolerance = dict(rtol=suite["tolerance"]["rel"], atol=suite["tolerance"]["abs"])
    passed = sum(
        bool(np.allclose(function(**{name: decoded(value) for name, value in case["args"].items()}), decoded(case["expected"]), **tolerance))
        for case in suite["cases"]
    )
    return f"{passed} of {len(suite['cases'])}"

passed_of
`;

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

async function main() {
  const problem = new URLSearchParams(location.search).get("problem");
  const texts = Promise.all([fetchText("solution.py"), fetchText(`../problems/${problem}/tests.json`)]);
  const pyodide = await loadPyodide({ indexURL: new URL("../pyodide/", location.href).href });
  performance.mark("naive-python-started");
  await pyodide.loadPackage("numpy");
  performance.mark("naive-numpy-loaded");
  const [solution, tests] = await texts;
  pyodide.runPython(solution);
  const passed = pyodide.runPython(CHECK_TESTS)(tests);
  performance.mark("naive-result");
  document.documentElement.dataset.result = passed;
}

main().catch((error) => {
  document.documentElement.dataset.result = `error: ${error.message}`;
});
