// What the learner ran in the console, kept per problem and per site (site_scope.js) in
// localStorage, newest last, so Up/Down find it again after a reload. Storage can be refused
// or full (private windows, quotas): the history then lasts as long as the page, and `kept`
// says so.

import { siteKey } from "./site_scope.js";
import { guardedStorage } from "./storage.js";

const MAX_ENTRIES = 100;

export function openConsoleHistory(slug) {
  // No kit before this one kept a console history, so there is no origin-wide key to take over.
  const key = siteKey(`console-history:${slug}`);
  const storage = guardedStorage();
  const attempt = storage.attempt;
  const entries = parseEntries(attempt(() => window.localStorage.getItem(key)));
  return {
    entries,
    /** Adds `entry` as the newest (once, if it repeats the last one) and saves the history. */
    add(entry) {
      if (entries[entries.length - 1] !== entry) entries.push(entry);
      entries.splice(0, entries.length - MAX_ENTRIES);
      attempt(() => window.localStorage.setItem(key, JSON.stringify(entries)));
    },
    get kept() {
      return storage.working;
    },
  };
}

/** The entries saved as JSON text; none if there are none, or the text is not ours. */
function parseEntries(text) {
  try {
    const stored = JSON.parse(text ?? "[]");
    return Array.isArray(stored) ? stored.filter((entry) => typeof entry === "string") : [];
  } catch {
    return [];
  }
}
