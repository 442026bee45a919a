// Saves the learner's code in localStorage, per problem. Storage can be missing or full
// (private windows, quotas): then the page keeps working and says drafts are not kept.
// Two tabs of one problem share one draft: the last edit wins, and the other tab is told.

const KEY_PREFIX = "ml-exercise-kit:draft:";

/** The code saved for problem `slug` in this browser, or null (none, or storage refused). */
export function savedDraft(slug) {
  try {
    return window.localStorage.getItem(KEY_PREFIX + slug);
  } catch {
    return null;
  }
}

/** onSavedElsewhere(code) runs when another tab saves a new draft of this problem. */
export function openDrafts(slug, { onSavedElsewhere }) {
  const key = KEY_PREFIX + slug;
  let available = true;
  const attempt = (action) => {
    try {
      return action();
    } catch {
      available = false;
      return null;
    }
  };
  // Some browsers refuse storage outright (blocked cookies, some private modes): find out now,
  // not when the learner has typed for an hour.
  attempt(() => window.localStorage.getItem(key));
  window.addEventListener("storage", (event) => {
    if (event.key === key && event.newValue !== null) onSavedElsewhere(event.newValue);
  });
  return {
    load: () => attempt(() => window.localStorage.getItem(key)),
    save: (code) => attempt(() => window.localStorage.setItem(key, code)),
    get available() {
      return available;
    },
  };
}
