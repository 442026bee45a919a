// The one place that knows where this site keeps the learner's data in the browser. GitHub Pages
// serves every project site of an account from one origin (user.github.io/course-a/,
// user.github.io/course-b/) and localStorage belongs to the origin, so every key names the site
// it belongs to by the path of its root: two copies or versions of the kit on one origin never
// read or overwrite each other's data. (sw.js names its caches the same way, from its scope.)

const KIT = "ml-exercise-kit";
// The page scripts are served from assets/, one folder below the site root. The exercise page's
// app.js is a module, which has no document.currentScript: every page's first script is one of them.
const SITE_PATH = new URL("../", document.querySelector("script[src]").src).pathname;

/** The site root's path (e.g. "/course-a/"): every page of this site is below it. */
export const SITE_ROOT_PATH = SITE_PATH;

/** The localStorage key of `name` (e.g. "draft:<slug>") for this site only. */
export function siteKey(name) {
  return `${KIT}:${SITE_PATH}:${name}`;
}

/**
 * The value this site keeps under `name`, or null. Kits before scoped keys kept one value per
 * origin, under `ml-exercise-kit:<name>`: the first site that reads `name` takes that value over
 * (moves it to its own key), so the learner's work is not lost and no other course opens with it
 * later. Throws as localStorage does when storage is refused.
 */
export function readSiteItem(name) {
  const key = siteKey(name);
  const value = window.localStorage.getItem(key);
  return value ?? takeOverUnscoped(name, key);
}

function takeOverUnscoped(name, key) {
  const unscopedKey = `${KIT}:${name}`;
  const value = window.localStorage.getItem(unscopedKey);
  if (value === null) return null;
  try {
    window.localStorage.setItem(key, value);
    window.localStorage.removeItem(unscopedKey);
  } catch {
    // Storage is full: the old key stays, and is taken over on a later visit.
  }
  return value;
}
