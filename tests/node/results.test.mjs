import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { RESULTS_FORMAT_VERSION, resultsAfterCrash, resultsAfterTimeout, resultsWithoutPython, summaryText, testsNotRunYet } from "../../static/results.js";

const schema = JSON.parse(readFileSync(new URL("../../formats/results.v1.schema.json", import.meta.url)));
const passed = { name: "a", status: "passed", message: null, output: "", line: null, got: "0.625" };

test("results carry the schema's version and its fields", () => {
  assert.equal(RESULTS_FORMAT_VERSION, schema.properties.version.const);
  const results = resultsAfterCrash(["a", "b"], [passed], "killed");
  assert.deepEqual(Object.keys(results).sort(), [...schema.required].sort());
  assert.deepEqual(Object.keys(results.tests[1]).sort(), [...schema.$defs.test.required].sort());
});

test("a timeout in a test keeps the finished ones, names the limit and leaves the rest not run", () => {
  const results = resultsAfterTimeout(["a", "b", "c"], [passed], 1, 2.5);
  assert.equal(results.status, "failed");
  assert.deepEqual(results.tests.map((t) => t.status), ["passed", "timeout", "not-run"]);
  assert.match(results.tests[1].message, /2\.5 s/);
});

test("a timeout while the file loads is an error of the whole run", () => {
  const results = resultsAfterTimeout(["a", "b"], [], -1, 5);
  assert.equal(results.status, "error");
  assert.match(results.message, /5 s/);
  assert.deepEqual(results.tests.map((t) => t.status), ["timeout", "timeout"]);
});

test("without Python, the examples say examples", () => {
  const results = resultsWithoutPython(["x"], "examples", "offline");
  assert.match(results.message, /examples/);
  assert.match(results.message, /offline/);
  assert.equal(summaryText(results, "examples"), "0 of 1 examples passed");
});

test("tests not run yet are listed by name", () => {
  assert.deepEqual(testsNotRunYet(["a"]).map((t) => [t.name, t.status]), [["a", "not-run-yet"]]);
});
