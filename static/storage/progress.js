// What the learner has done on each problem of this site, kept in this browser: "attempted"
// after a run of the tests, "solved" once every test passed (and for good), which the catalog
// shows; and the last run of the tests (its code and each test's status), which hand-in files report.

import { readSiteItem, siteKey } from "./site_scope.js";
import { guardedStorage } from "./storage.js";

const SOLVED = "solved";
const ATTEMPTED = "attempted";
const progressName = (slug) => `progress:${slug}`;
const lastRunName = (slug) => `last-run:${slug}`;

// Storage can be refused or full; progress is a nicety, so it is then simply not kept.
const { attempt } = guardedStorage();

/** A run of the hidden tests on `code` ended with `results`. */
export function recordTestRun(slug, code, results) {
  const lastRun = { code, tests: results.tests.map(({ name, status }) => ({ name, status })) };
  attempt(() => window.localStorage.setItem(siteKey(lastRunName(slug)), JSON.stringify(lastRun)));
  if (progressOf(slug) === SOLVED) return;
  attempt(() => window.localStorage.setItem(siteKey(progressName(slug)), results.status === "passed" ? SOLVED : ATTEMPTED));
}

/** "solved", "attempted" or null. */
export function progressOf(slug) {
  const stored = attempt(() => readSiteItem(progressName(slug)));
  return stored === SOLVED || stored === ATTEMPTED ? stored : null;
}

/** {code, tests: [{name, status}]} of the last run of the hidden tests, or null. */
export function lastRunOf(slug) {
  return attempt(() => JSON.parse(readSiteItem(lastRunName(slug))));
}
