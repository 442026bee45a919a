// Shows a results object in the page. Everything the learner's code produced (messages,
// printed output) is set as textContent, never parsed as HTML.

import { summaryText, testsNotRunYet } from "./results.js";

const VERDICTS = {
  passed: "✓ Passed",
  failed: "✗ Failed",
  error: "⚠ Error",
  timeout: "⏱ Timed out",
  "not-run": "– Not run",
  "not-run-yet": "○ Not run yet",
  running: "… Running",
};

// How each kind of hint (harness/hints/of_run.py) is introduced above the results.
const HINT_LABELS = {
  mistake: "Likely mistake",
  "partial-mistake": "Partly explained",
  tuple: "Several values returned",
  signature: "Signature",
  parameter: "Parameter",
  scaled: "A factor off",
  "near-miss": "Near miss",
  overflow: "Not a finite number",
  package: "Missing package",
};

// The tests whose call the learner may want to try in the console.
const TRY_IN_CONSOLE = new Set(["failed", "error", "timeout"]);

/** onGoToLine(line) moves the editor's cursor to a line named by a message; `examples` holds
 *  each visible example's {name, input, expected, call} as shown beside its result; `testNames`
 *  the hidden tests', listed (as not run yet) until a run fills their rows; `testCalls` each
 *  hidden test's call, or null (the problem's SHOW_INPUTS is False); onTryInConsole(call)
 *  puts a call in the console. */
export function createResultsView(region, { onGoToLine, examples, testNames, testCalls, onTryInConsole }) {
  const summary = region.querySelector('[data-testid="results-summary"]');
  const hint = region.querySelector('[data-testid="mistake-hint"]');
  const loadError = region.querySelector('[data-testid="results-error"]');
  const loadOutput = region.querySelector('[data-testid="load-output"]');
  const list = region.querySelector('[data-testid="results-list"]');
  let suite = "tests"; // what the results on show are of: "tests" or "examples"
  // A case's row; `codeLoaded` is false when the learner's file did not load, so no call can be tried.
  const row = (result, index, codeLoaded = true) => {
    const shown = suite === "examples" ? exampleRow(result, examples[index], onGoToLine) : resultRow(result, onGoToLine);
    const call = suite === "examples" ? examples[index].call : testCalls?.[index];
    if (call && codeLoaded && TRY_IN_CONSOLE.has(result.status)) shown.append(tryInConsoleButton(call, onTryInConsole));
    return shown;
  };
  const listTestsNotRunYet = () => list.replaceChildren(...testsNotRunYet(testNames).map((test) => resultRow(test, onGoToLine)));
  listTestsNotRunYet();

  return {
    /** A run of `count` cases of `kind` ("tests" | "examples") was asked for; `waiting` says Python is still loading. */
    showStarted(kind, count, waiting) {
      suite = kind;
      region.setAttribute("aria-busy", "true");
      region.dataset.outcome = "running";
      region.dataset.suite = kind;
      // The hidden tests' rows are filled one by one as the tests finish; examples are listed as they finish.
      if (kind === "tests") listTestsNotRunYet();
      else list.replaceChildren();
      hint.hidden = loadError.hidden = loadOutput.hidden = true;
      summary.textContent = waiting
        ? `Waiting for Python to finish loading; your ${kind} will run as soon as it is ready…`
        : `Running ${count} ${kind}…`;
    },

    showTestStarted(index, count) {
      summary.textContent = `Running ${suite === "examples" ? "example" : "test"} ${index + 1} of ${count}…`;
      if (suite === "tests" && list.children[index]) showStatus(list.children[index], "running");
    },

    showTestFinished(index, result) {
      if (suite === "tests" && list.children[index]) list.children[index].replaceWith(row(result, index));
      else list.append(row(result, index));
    },

    showResults(results) {
      list.replaceChildren(...results.tests.map((result, index) => row(result, index, !results.message)));
      showHints(hint, results);
      showLoadError(loadError, results, onGoToLine);
      loadOutput.querySelector("pre").textContent = results.output || "";
      loadOutput.hidden = !results.output;
      summary.textContent = summaryText(results, suite);
      region.dataset.outcome = results.status;
      region.setAttribute("aria-busy", "false");
    },
  };
}

/** The run's hints, one paragraph each, introduced by their kind; results made by the page
 *  itself have none. */
function showHints(container, results) {
  const hints = results.hints || [];
  container.replaceChildren(
    ...hints.map(({ kind, text }) => {
      const paragraph = document.createElement("p");
      paragraph.dataset.testid = "hint";
      paragraph.dataset.kind = kind;
      paragraph.append(textBlock("span", "results__hint-label", `${HINT_LABELS[kind] || "Hint"}: `), document.createTextNode(text));
      return paragraph;
    }),
  );
  container.hidden = !hints.length;
}

/** The error that stopped the learner's file from loading, with a way to its line. */
function showLoadError(loadError, results, onGoToLine) {
  loadError.textContent = results.message || "";
  loadError.hidden = !results.message;
  loadError.nextElementSibling?.matches(".results__line-link") && loadError.nextElementSibling.remove();
  loadError.classList.remove("results__message--linked");
  loadError.onclick = null;
  if (results.message && results.line) loadError.after(linkToLine(loadError, results.line, onGoToLine));
}

/** A visible example: its input, the expected value and what the learner's function returned. */
function exampleRow(result, example, onGoToLine) {
  const row = resultRow(result, onGoToLine);
  row.dataset.testid = "example-result";
  const input = document.createElement("dd");
  input.append(textBlock("pre", "", example.input));
  const table = document.createElement("dl");
  table.className = "result__example";
  table.append(
    textBlock("dt", "", "Input"),
    input,
    textBlock("dt", "", "Expected"),
    textBlock("dd", "", example.expected),
    textBlock("dt", "", "Got"),
    textBlock("dd", "", result.got ?? "—"),
  );
  row.querySelector(".result__heading").after(table);
  return row;
}

function resultRow(test, onGoToLine) {
  const row = document.createElement("li");
  row.dataset.testid = "test-result";
  const heading = document.createElement("div");
  heading.className = "result__heading";
  heading.append(textBlock("span", "result__verdict", ""), textBlock("span", "result__name", test.name));
  row.append(heading);
  showStatus(row, test.status);
  if (test.message) {
    const message = textBlock("pre", "results__message", test.message);
    row.append(message);
    if (test.line) row.append(linkToLine(message, test.line, onGoToLine));
  }
  if (test.output) row.append(outputBlock("Printed output", test.output));
  return row;
}

/** Sets a row's status: its data-status hook, its colour and its verdict. */
function showStatus(row, status) {
  row.className = `result result--${status}`;
  row.dataset.status = status;
  row.querySelector(".result__verdict").textContent = VERDICTS[status] || status;
}

/** Makes a message that names an editor line clickable, and returns a button that goes there by keyboard. */
function linkToLine(message, line, onGoToLine) {
  message.classList.add("results__message--linked");
  message.title = `Click to go to line ${line}`;
  message.onclick = () => onGoToLine(line);
  const button = textBlock("button", "button button--small results__line-link", `Go to line ${line}`);
  button.type = "button";
  button.dataset.testid = "go-to-line";
  button.addEventListener("click", () => onGoToLine(line));
  return button;
}

function tryInConsoleButton(call, onTryInConsole) {
  const button = textBlock("button", "button button--small result__try", "Try in console");
  button.type = "button";
  button.dataset.testid = "try-in-console";
  button.title = "Put this test's call, with its inputs, in the Python console";
  button.addEventListener("click", () => onTryInConsole(call));
  return button;
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
