// Wires the exercise page: statement (already in the HTML), editor, Run button, status
// line and results. Python starts loading in a worker as soon as the page is painted, and stays:
// moving to the catalog or another exercise happens inside this page (page_navigation.js), and
// the runner fetches the next exercise's tests, which its runs hand the same worker.

import { showCatalog } from "./catalog_view.js";
import { createConsole } from "./console.js";
import { openDrafts } from "./storage/drafts.js";
import { handInFileName, handInText, saveFile } from "./handin/handin.js";
import { lastRunOf, recordTestRun } from "./storage/progress.js";
import { createEditor } from "./editor/editor.js";
import { resultsWithoutPython } from "./results.js";
import { createResultsView } from "./results_view.js";
import { navigateWithinPage } from "./page_navigation.js";
import { PythonRunner } from "./runner.js";

const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);
const readConfig = () => JSON.parse(document.getElementById("problem-config").textContent);
const firstConfig = readConfig();
let exercise = null; // the exercise on show (mountExercise), null while the catalog is

const runner = new PythonRunner({
  urls: Object.fromEntries(Object.entries(firstConfig.urls).map(([name, url]) => [name, Array.isArray(url) ? url.map(absoluteURL) : absoluteURL(url)])),
  problem: problemOf(firstConfig),
  onStateChange: (state, detail) => exercise?.showRuntimeState(state, detail),
});
exercise = mountExercise(firstConfig);
// Python starts loading once the statement and the editor are painted (or at the first Run).
// Started earlier, on a 2-core machine, it only competed with them for the processor: the
// page became usable about 0.3 s later and Python was not ready any sooner
// (docs/performance.md).
afterFirstPaint(() =>
  runner.startOnce().then(() => {
    exercise?.checkSyntaxSoon();
    registerServiceWorker();
  }, () => {}),
);
navigateWithinPage((kind) => {
  exercise?.unmount();
  exercise = null;
  if (kind === "catalog") {
    showCatalog();
    return;
  }
  const config = readConfig();
  exercise = mountExercise(config);
  const shown = exercise;
  exercise.showRuntimeState(runner.state ?? "loading", runner.detail ?? "Loading Python…");
  runner.useProblem(problemOf(config)).then(() => shown === exercise && shown.checkSyntaxSoon(), () => {});
});
// Ctrl/Cmd+Enter runs the tests from anywhere on the page, not only inside the editor.
document.addEventListener("keydown", (event) => {
  if (exercise && event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) {
    event.preventDefault();
    exercise.runTests();
  }
});

/** What the runner needs of an exercise (`config`: its #problem-config). */
function problemOf(config) {
  return { tests: absoluteURL(config.urls.tests), timeLimitSeconds: config.timeLimitSeconds };
}

function absoluteURL(url) {
  return new URL(url, document.baseURI).href;
}

function afterFirstPaint(action) {
  requestAnimationFrame(() => setTimeout(action, 0));
}

// Registered once Python is ready: by then the browser's cache holds every file the service
// worker keeps, so keeping them costs no second download. Without it the site still works.
function registerServiceWorker() {
  navigator.serviceWorker?.register(new URL(firstConfig.urls.serviceWorker, document.baseURI), { updateViaCache: "none" }).catch(() => {});
}

/** Wires the exercise the page shows (`config`: its #problem-config) to `runner`; returns
 *  {runTests, checkSyntaxSoon, showRuntimeState, unmount}. */
function mountExercise(config) {
  const runButton = byTestId("run-tests");
  const resetButton = byTestId("reset-code");
  const status = byTestId("runtime-status");
  const notice = byTestId("notice");
  const examplesButton = byTestId("run-examples");
  const pythonConsole = createConsole(byTestId("console"), {
    slug: config.slug,
    timeLimitSeconds: config.timeLimitSeconds,
    run: (input) => runner.runInConsole(editor.getCode(), input),
    onGoToLine: (line) => editor.goToLine(line),
  });
  const results = createResultsView(byTestId("results"), {
    onGoToLine: (line) => editor.goToLine(line),
    examples: config.examples,
    testNames: config.testNames,
    testCalls: config.testCalls,
    onTryInConsole: (call) => pythonConsole.tryCall(call),
  });
  const drafts = openDrafts(config.slug, {
    onSavedElsewhere: (otherCode) =>
      showNotice("You edited this exercise in another tab, so that tab's code is now the saved one. The code here is unchanged: edit it to save it instead.", {
        label: "Use the other tab's code",
        run: () => editor.replaceCode(otherCode),
      }),
  });
  // The case names of the hidden tests and of the examples.
  const caseNames = { tests: config.testNames, examples: config.examples.map((example) => example.name) };

  const NO_DRAFTS = "Your browser does not let this page save your code, so it will be lost when you leave. Use Download to keep a copy.";
  const editorElement = byTestId("editor");
  const editor = createEditor({
    parent: editorElement,
    code: drafts.load() ?? config.starter,
    onChange: (code) => {
      drafts.save(code);
      if (drafts.available) hideNotice();
      else showNotice(NO_DRAFTS);
      checkSyntaxSoon();
    },
    onRun: runTests,
  });
  if (!drafts.available) showNotice(NO_DRAFTS);

  let running = false;
  let runsStarted = 0;
  let syntaxCheckTimer = null;

  // After a pause in typing, a syntax error is marked in the editor without running anything.
  // The marks a run leaves (errors on their lines) last until the next edit; a run under way
  // (even one still waiting for Python) will set its own marks.
  // The editor's data-syntax-check says whether a check is "pending" or "done" (a public hook).
  function checkSyntaxSoon() {
    clearTimeout(syntaxCheckTimer);
    editorElement.dataset.syntaxCheck = running ? "done" : "pending";
    if (running) return;
    const runsBefore = runsStarted;
    syntaxCheckTimer = setTimeout(async () => {
      const code = editor.getCode();
      const problem = await runner.syntaxError(code);
      if (code === editor.getCode() && runsStarted === runsBefore) editor.markProblems(problem ? [problem] : []);
      if (code === editor.getCode()) editorElement.dataset.syntaxCheck = "done";
    }, 400);
  }

  /** The editor lines a results object blames, each once, with the first message about it. */
  function problemsIn(outcome) {
    const byLine = new Map();
    for (const item of [outcome, ...outcome.tests]) {
      if (item.line && item.message && !byLine.has(item.line)) byLine.set(item.line, item.message);
    }
    return [...byLine].sort(([a], [b]) => a - b).map(([line, message]) => ({ line, message }));
  }

  function runTests() {
    runCases("tests");
  }

  /** Runs the learner's code on the hidden tests or on the visible examples (`cases`: "tests" or
   *  "examples"), and shows the results. */
  async function runCases(cases) {
    if (running) return;
    running = true;
    runsStarted += 1;
    runButton.disabled = examplesButton.disabled = true;
    const names = caseNames[cases];
    results.showStarted(cases, names.length, runner.state === "loading");
    const code = editor.getCode();
    try {
      const outcome = await runner.run(code, {
        cases,
        names,
        onTestStarted: (index) => results.showTestStarted(index, names.length),
        onTestFinished: (index, result) => results.showTestFinished(index, result),
      });
      results.showResults(outcome);
      editor.markProblems(problemsIn(outcome));
      if (cases === "tests") recordTestRun(config.slug, code, outcome);
    } catch (error) {
      results.showResults(resultsWithoutPython(names, cases, error.message));
    } finally {
      running = false;
      runButton.disabled = examplesButton.disabled = false;
    }
  }

  function showRuntimeState(state, detail) {
    status.dataset.state = state;
    status.textContent = detail;
    if (state === "error") {
      const retry = document.createElement("button");
      retry.type = "button";
      retry.className = "button";
      retry.dataset.testid = "retry-python";
      retry.textContent = "Retry";
      retry.addEventListener("click", () => runner.retry().catch(() => {}));
      status.append(" ", retry);
    }
  }

  function showNotice(text, action) {
    notice.replaceChildren(text);
    if (action) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "button button--small";
      button.textContent = action.label;
      button.addEventListener("click", action.run);
      notice.append(" ", button);
    }
    notice.hidden = false;
  }

  function hideNotice() {
    notice.hidden = true;
  }

  runButton.addEventListener("click", runTests);
  examplesButton.addEventListener("click", () => runCases("examples"));
  examplesButton.hidden = caseNames.examples.length === 0;
  // Download saves a hand-in file: the code, headed by what the page saw of it (static/handin/handin.js).
  byTestId("download-code").addEventListener("click", () => {
    const text = handInText({ ...config.handIn, slug: config.slug, code: editor.getCode(), lastRun: lastRunOf(config.slug) });
    saveFile(handInFileName(config.slug), new Blob([text], { type: "text/x-python" }));
  });
  // The shortcut hint names the key the learner's keyboard has.
  if (/Mac|iPhone|iPad/.test(navigator.platform)) byTestId("run-shortcut").textContent = "⌘";
  // The learner's code from before the last Reset, so Undo still works after pressing Reset twice.
  let codeBeforeReset = null;
  resetButton.addEventListener("click", () => {
    const current = editor.getCode();
    if (current !== config.starter) {
      codeBeforeReset = current;
      editor.replaceCode(config.starter);
    }
    if (codeBeforeReset === null) {
      showNotice("This is already the starter code.");
      return;
    }
    showNotice("The starter code is back.", {
      label: "Undo",
      run: () => {
        editor.replaceCode(codeBeforeReset);
        editor.focus();
      },
    });
  });

  return {
    runTests,
    checkSyntaxSoon,
    showRuntimeState,
    unmount() {
      clearTimeout(syntaxCheckTimer);
      drafts.close();
      editor.destroy();
    },
  };
}
