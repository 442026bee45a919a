// Shows a results object in the page. Everything the learner's code produced (messages,
// printed output) is set as textContent, never parsed as HTML.

import { summaryText } from "./results.js";

const VERDICTS = {
  passed: "✓ Passed",
  failed: "✗ Failed",
  error: "⚠ Error",
  timeout: "⏱ Timed out",
  "not-run": "– Not run",
};

export function createResultsView(region) {
  const summary = region.querySelector('[data-testid="results-summary"]');
  const hint = region.querySelector('[data-testid="mistake-hint"]');
  const loadError = region.querySelector('[data-testid="results-error"]');
  const loadOutput = region.querySelector('[data-testid="load-output"]');
  const list = region.querySelector('[data-testid="results-list"]');

  return {
    /** A run was asked for; `waiting` says Python is still loading. */
    showStarted(testCount, waiting) {
      region.setAttribute("aria-busy", "true");
      region.dataset.outcome = "running";
      list.replaceChildren();
      hint.hidden = loadError.hidden = loadOutput.hidden = true;
      summary.textContent = waiting
        ? "Waiting for Python to finish loading; your tests will run as soon as it is ready…"
        : `Running ${testCount} tests…`;
    },

    showTestStarted(index, testCount) {
      summary.textContent = `Running test ${index + 1} of ${testCount}…`;
    },

    showTestFinished(result) {
      list.append(resultRow(result));
    },

    showResults(results) {
      list.replaceChildren(...results.tests.map(resultRow));
      hint.textContent = results.hint || "";
      hint.hidden = !results.hint;
      loadError.textContent = results.message || "";
      loadError.hidden = !results.message;
      loadOutput.querySelector("pre").textContent = results.output || "";
      loadOutput.hidden = !results.output;
      summary.textContent = summaryText(results);
      region.dataset.outcome = results.status;
      region.setAttribute("aria-busy", "false");
    },
  };
}

function resultRow(test) {
  const row = document.createElement("li");
  row.className = `result result--${test.status}`;
  row.dataset.testid = "test-result";
  row.dataset.status = test.status;
  const heading = document.createElement("div");
  heading.className = "result__heading";
  heading.append(textBlock("span", "result__verdict", VERDICTS[test.status] || test.status), textBlock("span", "result__name", test.name));
  row.append(heading);
  if (test.message) row.append(textBlock("pre", "results__message", test.message));
  if (test.output) row.append(outputBlock("Printed output", test.output));
  return row;
}

function outputBlock(label, text) {
  const details = document.createElement("details");
  details.className = "result__output";
  details.open = true;
  details.append(textBlock("summary", "", label), textBlock("pre", "", text));
  return details;
}

function textBlock(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.textContent = text;
  return element;
}
