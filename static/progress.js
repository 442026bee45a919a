// What the learner has done on each problem, kept in this browser: "attempted" after a run of
// the tests, "solved" once every test passed (and for good). The catalog shows it.

const KEY_PREFIX = "ml-exercise-kit:progress:";
const SOLVED = "solved";
const ATTEMPTED = "attempted";

// Storage can be refused or full; progress is a nicety, so it is then simply not kept.
function attempt(action) {
  try {
    return action();
  } catch {
    return null;
  }
}

export function recordTestRun(slug, allPassed) {
  if (progressOf(slug) === SOLVED) return;
  attempt(() => window.localStorage.setItem(KEY_PREFIX + slug, allPassed ? SOLVED : ATTEMPTED));
}

/** "solved", "attempted" or null. */
export function progressOf(slug) {
  const stored = attempt(() => window.localStorage.getItem(KEY_PREFIX + slug));
  return stored === SOLVED || stored === ATTEMPTED ? stored : null;
}
