// Client of worker.js: starts the worker, sends requests, enforces the time limit.
// A run that overruns is stopped with worker.terminate() and a fresh worker is started:
// GitHub Pages cannot send the headers that interrupting Python through a
// SharedArrayBuffer would need.

import { resultsAfterCrash, resultsAfterTimeout } from "./results.js";

const RESTART_AFTER_TIME_LIMIT = "Restarting Python after the time limit…";
const RESTART_AFTER_CRASH = "Restarting Python after a crash…";

export class PythonRunner {
  /** urls: absolute {worker, pyodide, pythonBoot, tests, ...}; onStateChange(state, detail). */
  constructor({ urls, timeLimitSeconds, onStateChange }) {
    this.urls = urls;
    this.timeLimitSeconds = timeLimitSeconds;
    this.onStateChange = onStateChange;
    this.nextId = 0;
    this.pending = new Map();
    this.worker = null;
    this.ready = null;
    this.queue = Promise.resolve(); // runs and console entries, one at a time
    this.waiting = 0; // how many of them have not finished
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
    worker.loadedTests = this.urls.tests; // init loads them
    this.worker = worker;
    // Events a stopped worker had already queued must not touch its successor's requests.
    worker.onmessage = ({ data }) => worker === this.worker && this.pending.get(data.id)?.(data);
    // A worker that dies (e.g. the runtime aborts) fails whatever was waiting on it.
    worker.onerror = (event) => worker === this.worker && this.failPending(event.message || "the Python worker stopped");
    this.setState("loading", reason);
    const started = performance.now();
    this.ready = this.request({ type: "init", urls: this.urls }).then(
      (info) => {
        this.setState("ready", `Python ${info.python} ready (loaded in ${seconds(performance.now() - started)})`);
        // A run already waiting warms the engine itself; a warm-up before it would only delay it.
        if (this.waiting === 0) this.warmUp();
      },
      (error) => {
        this.setState("error", `Python could not be loaded: ${error.message}. Check your connection, then press Retry.`);
        throw error;
      },
    );
    this.ready.catch(() => {}); // shown through the state; run() sees it again
    return this.ready;
  }

  /** Another exercise is shown in the same page: later runs grade on its tests (`tests`: the
   *  absolute URL of its tests.json) under its time limit, in the same Python (not restarted).
   *  Resolves once the worker has them. */
  useProblem({ tests, timeLimitSeconds }) {
    this.urls = { ...this.urls, tests };
    this.timeLimitSeconds = timeLimitSeconds;
    if (!this.ready) return Promise.resolve(); // Python not started: it will load these tests itself
    this.setState("loading", "Loading this exercise's tests…");
    const switched = this.oneAtATime(async () => {
      await this.startOnce();
      // A worker started (or restarted) since this exercise was shown already loaded its tests.
      if (this.worker.loadedTests !== tests) await this.request({ type: "load-tests", url: tests });
      this.worker.loadedTests = tests;
    });
    switched.then(
      () => {
        this.setState("ready", "Python ready");
        if (this.waiting === 0) this.warmUp();
      },
      (error) => this.setState("error", `This exercise's tests could not be loaded: ${error.message}. Check your connection, then press Retry.`),
    );
    return switched;
  }

  warmUp() {
    this.oneAtATime(() => this.request({ type: "warm-up" })).catch((error) => console.warn(`Python's warm-up run failed: ${error.message}`));
  }

  /** Runs the learner's code on the hidden tests or the statement's examples (`cases`: "tests"
   *  or "examples", whose names are `names`); resolves with a results object whatever the code does. */
  run(code, options) {
    return this.oneAtATime(() => this.runCases(code, options));
  }

  async runCases(code, { cases, names, onTestStarted, onTestFinished }) {
    await this.startOnce();
    this.setState("running", cases === "examples" ? "Running examples…" : "Running tests…");
    const finished = [];
    let current = -1; // -1 while the learner's file itself is loading
    return this.requestWithTimeLimit(
      { type: "run", cases, code },
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
      (stopped, reason) => (stopped === "timeout" ? resultsAfterTimeout(names, finished, current, this.timeLimitSeconds) : resultsAfterCrash(names, finished, reason)),
    );
  }

  /** Runs a console entry on the learner's code, under the time limit of one test; resolves
   *  with the worker's reply (harness/console.py), or {stopped: "timeout" | "crash", reason}
   *  when Python had to be stopped (it is then restarted). */
  runInConsole(code, input) {
    return this.oneAtATime(async () => {
      await this.startOnce();
      this.setState("running", "Running your console entry…");
      return this.requestWithTimeLimit({ type: "console", code, input }, () => false, (stopped, reason) => ({ stopped, reason }));
    });
  }

  /** Sends `message` under the time limit of one test, which starts again whenever
   *  onProgress(progress) returns true; resolves with the worker's reply or, when Python had to
   *  be stopped, with onStopped("timeout" | "crash", reason), Python then being restarted. */
  requestWithTimeLimit(message, onProgress, onStopped) {
    return new Promise((resolve) => {
      let timer = null;
      const finish = (value, restartReason) => {
        clearTimeout(timer);
        this.settle(restartReason);
        resolve(value);
      };
      const armTimer = () => {
        clearTimeout(timer);
        timer = setTimeout(() => finish(onStopped("timeout"), RESTART_AFTER_TIME_LIMIT), this.timeLimitSeconds * 1000);
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

  /** A syntax error in `code` ({line, message}) or null. Only asked of a ready worker, so it never delays a run. */
  async syntaxError(code) {
    return this.state === "ready" ? this.request({ type: "syntax", code }) : null;
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
    this.state = state;
    this.detail = detail;
    this.onStateChange(state, detail);
  }
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}
