// Client of worker.js: starts the worker, sends requests, enforces the time limit.
// A run that overruns is stopped with worker.terminate() and a fresh worker is started:
// GitHub Pages cannot send the headers that interrupting Python through a
// SharedArrayBuffer would need.

import { resultsAfterCrash, resultsAfterTimeout } from "./results.js";

const RESTART_AFTER_TIME_LIMIT = "Restarting Python after the time limit…";
const RESTART_AFTER_CRASH = "Restarting Python after a crash…";
const RETRY = "Check your connection, then press Retry.";

export class PythonRunner {
  /** urls: absolute {worker, pyodide, pythonBoot, ...}; problem: the exercise shown, as
   *  useProblem takes it; onStateChange(state, detail). */
  constructor({ urls, problem, onStateChange }) {
    this.urls = urls;
    this.problem = exercise(problem);
    this.onStateChange = onStateChange;
    this.stateChanges = 0;
    this.nextId = 0;
    this.pending = new Map();
    this.worker = null;
    this.ready = null; // Python's start in the current worker
    this.queue = Promise.resolve(); // runs and console entries, one at a time
    this.waiting = 0; // how many of them have not finished
    this.timing = false; // whether a run or an entry is under its time limit
  }

  /** Starts loading Python unless it has been started already; resolves when it is ready. */
  startOnce() {
    return this.ready ?? this.start();
  }

  /** Starts (or restarts) the worker and loads Python in the background. */
  start(reason = "Loading Python…") {
    this.worker?.terminate();
    this.pending.clear();
    const worker = new Worker(this.urls.worker);
    this.worker = worker;
    // Events a stopped worker had already queued must not touch its successor's requests.
    worker.onmessage = ({ data }) => worker === this.worker && this.pending.get(data.id)?.(data);
    // A worker that dies (e.g. the runtime aborts) fails whatever was waiting on it.
    worker.onerror = (event) => worker === this.worker && this.failPending(event.message || "the Python worker stopped");
    this.setState("loading", reason);
    const started = performance.now();
    const urls = { pyodide: this.urls.pyodide, pythonBoot: this.urls.pythonBoot };
    this.ready = this.request({ type: "init", urls });
    this.ready.catch(() => {}); // shown through the state; run() sees it again
    // The tests are fetched meanwhile (by sayReadyWhenLoaded), so they never delay Python.
    this.sayReadyWhenLoaded(this.problem, (info) => `Python ${info.python} ready (loaded in ${seconds(performance.now() - started)})`).catch(() => {});
    return this.ready;
  }

  /** Another exercise is shown in the same page (`tests`: the absolute URL of its tests.json):
   *  later runs grade on its tests under its time limit, in the same Python (not restarted).
   *  Resolves once its tests are in hand and Python is ready, without waiting for a run. */
  useProblem({ tests, timeLimitSeconds }) {
    this.problem = exercise({ tests, timeLimitSeconds });
    if (!this.ready) return Promise.resolve(); // Python not started: start() fetches these tests
    this.setState("loading", this.state === "loading" ? this.detail : "Loading this exercise's tests…");
    return this.sayReadyWhenLoaded(this.problem, () => "Python ready");
  }

  /** After an error, what the Retry button does: restarts Python if it failed to load, else
   *  fetches the exercise's tests again. */
  async retry() {
    const pythonFailed = await this.ready.then(() => false, () => true);
    if (pythonFailed) return this.start();
    this.setState("loading", "Loading this exercise's tests…");
    return this.sayReadyWhenLoaded(this.problem, () => "Python ready");
  }

  /** Says ready (`readyDetail(info)`, info: init's reply) once Python has started and `problem`'s
   *  tests are in hand, or says which failed; unless the state has changed since it was called
   *  (a run, another exercise, a restart): the latest word is theirs. */
  async sayReadyWhenLoaded(problem, readyDetail) {
    const changesBefore = this.stateChanges;
    const [python, tests] = await Promise.allSettled([this.ready, this.testsOf(problem)]);
    if (this.stateChanges !== changesBefore) return;
    if (python.status === "rejected") {
      this.setState("error", `Python could not be loaded: ${python.reason.message}. ${RETRY}`);
      throw python.reason;
    }
    if (tests.status === "rejected") {
      this.setState("error", `This exercise's tests could not be loaded: ${tests.reason.message}. ${RETRY}`);
      throw tests.reason;
    }
    this.setState("ready", readyDetail(python.value));
    // A run already waiting warms the engine itself; a warm-up before it would only delay it.
    if (this.waiting === 0) this.warmUp(problem);
  }

  /** The text of `problem`'s tests.json, fetched once (again after a failure). */
  testsOf(problem) {
    problem.testsJson ??= fetchText(problem.tests).catch((error) => {
      problem.testsJson = null;
      throw error;
    });
    return problem.testsJson;
  }

  /** The grading runs once on `problem`'s tests, so the engine compiles its code before the learner's run. */
  warmUp(problem) {
    this.oneAtATime(async () => this.request({ type: "warm-up", testsJson: await this.testsOf(problem) })).catch((error) =>
      console.warn(`Python's warm-up run failed: ${error.message}`),
    );
  }

  /** Runs the learner's code on the hidden tests or the statement's examples (`cases`: "tests"
   *  or "examples", whose names are `names`) of the exercise shown now, even if another is
   *  shown before the run starts; resolves with a results object whatever the code does. */
  run(code, options) {
    const problem = this.problem;
    return this.oneAtATime(() => this.runCases(problem, code, options));
  }

  async runCases(problem, code, { cases, names, onTestStarted, onTestFinished }) {
    await this.startOnce();
    const testsJson = await this.testsOf(problem);
    this.setState("running", cases === "examples" ? "Running examples…" : "Running tests…");
    const finished = [];
    let current = -1; // -1 while the learner's file itself is loading
    return this.requestWithTimeLimit(
      { type: "run", cases, code, testsJson },
      problem.timeLimitSeconds,
      (progress) => {
        if (progress.event === "test-started") {
          current = progress.index;
          onTestStarted?.(progress.index);
          return true; // each test has the whole time limit
        }
        finished[progress.index] = progress.result;
        onTestFinished?.(progress.index, progress.result);
        return false;
      },
      (stopped, reason) => (stopped === "timeout" ? resultsAfterTimeout(names, finished, current, problem.timeLimitSeconds) : resultsAfterCrash(names, finished, reason)),
    );
  }

  /** Runs a console entry on the learner's code, under the time limit of one test; resolves
   *  with the worker's reply (harness/console.py), or {stopped: "timeout" | "crash", reason}
   *  when Python had to be stopped (it is then restarted). */
  runInConsole(code, input) {
    const { timeLimitSeconds } = this.problem;
    return this.oneAtATime(async () => {
      await this.startOnce();
      this.setState("running", "Running your console entry…");
      return this.requestWithTimeLimit({ type: "console", code, input }, timeLimitSeconds, () => false, (stopped, reason) => ({ stopped, reason }));
    });
  }

  /** Sends `message` under a time limit (`timeLimitSeconds`, one test's), which starts again
   *  whenever onProgress(progress) returns true; resolves with the worker's reply or, when Python
   *  had to be stopped, with onStopped("timeout" | "crash", reason), Python then being restarted. */
  requestWithTimeLimit(message, timeLimitSeconds, onProgress, onStopped) {
    this.timing = true;
    return new Promise((resolve) => {
      let timer = null;
      const finish = (value, restartReason) => {
        clearTimeout(timer);
        this.timing = false;
        this.settle(restartReason);
        resolve(value);
      };
      const armTimer = () => {
        clearTimeout(timer);
        timer = setTimeout(() => finish(onStopped("timeout"), RESTART_AFTER_TIME_LIMIT), timeLimitSeconds * 1000);
      };
      armTimer();
      this.request(message, (progress) => onProgress(progress) && armTimer()).then(
        (reply) => finish(reply),
        (error) => finish(onStopped("crash", error.message), RESTART_AFTER_CRASH),
      );
    });
  }

  /** Runs `task` once the runs and entries asked for before it are over: the worker answers one
   *  request at a time, and a time limit must count only the request it is for. */
  oneAtATime(task) {
    this.waiting += 1;
    const done = this.queue.then(task).finally(() => (this.waiting -= 1));
    this.queue = done.catch(() => {});
    return done;
  }

  /** After a run or an entry: a fresh Python if this one had to be stopped, else ready. */
  settle(restartReason) {
    if (restartReason) this.start(restartReason);
    else this.setState("ready", "Python ready");
  }

  /** A syntax error in `code` ({line, message}) or null. Only asked of a ready worker, so it never
   *  delays a run; not while a run goes on (the page may say ready during one, for another
   *  exercise), as a run stopped at its time limit takes the worker, and the question, with it. */
  async syntaxError(code) {
    return this.state === "ready" && !this.timing ? this.request({ type: "syntax", code }) : null;
  }

  request(message, onProgress) {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (reply) => {
        if (reply.progress) return onProgress?.(reply.progress);
        this.pending.delete(id);
        if ("error" in reply) reject(new Error(reply.error));
        else resolve(reply.result);
      });
      this.worker.postMessage({ id, ...message });
    });
  }

  failPending(message) {
    for (const reply of [...this.pending.values()]) reply({ error: message });
  }

  setState(state, detail) {
    this.stateChanges += 1;
    this.state = state;
    this.detail = detail;
    this.onStateChange(state, detail);
  }
}

/** An exercise as the runner keeps it: {tests: its tests.json's URL, timeLimitSeconds, testsJson:
 *  a promise of that file's text, once asked for}. */
function exercise({ tests, timeLimitSeconds }) {
  return { tests, timeLimitSeconds, testsJson: null };
}

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not download ${url} (HTTP ${response.status})`);
  return response.text();
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}
