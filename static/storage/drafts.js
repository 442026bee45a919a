// Saves the learner's code in localStorage, per problem and per site (site_scope.js). Storage
// can be missing or full (private windows, quotas): then the page keeps working and says drafts
// are not kept. Two tabs of one problem share one draft: the last edit wins, and the other tab is told.

import { readSiteItem, siteKey } from "./site_scope.js";
import { guardedStorage } from "./storage.js";

const nameOf = (slug) => `draft:${slug}`;

/** The code saved for problem `slug` in this browser, or null (none, or storage refused). */
export function savedDraft(slug) {
  return guardedStorage().attempt(() => readSiteItem(nameOf(slug)));
}

/** onSavedElsewhere(code) runs when another tab saves a new draft of this problem. */
export function openDrafts(slug, { onSavedElsewhere }) {
  const key = siteKey(nameOf(slug));
  const storage = guardedStorage();
  const attempt = storage.attempt;
  // Some browsers refuse storage outright (blocked cookies, some private modes): find out now,
  // not when the learner has typed for an hour.
  attempt(() => window.localStorage.getItem(key));
  const onStorage = (event) => {
    if (event.key === key && event.newValue !== null) onSavedElsewhere(event.newValue);
  };
  window.addEventListener("storage", onStorage);
  return {
    /** Stops listening for other tabs' drafts (the page shows another exercise). */
    close: () => window.removeEventListener("storage", onStorage),
    load: () => attempt(() => readSiteItem(nameOf(slug))),
    save: (code) => attempt(() => window.localStorage.setItem(key, code)),
    get available() {
      return storage.working;
    },
  };
}
