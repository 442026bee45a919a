// Saves the learner's code in localStorage, per problem. Storage can be missing or full
// (private windows, quotas): then the page keeps working and says drafts are not kept.

const KEY_PREFIX = "ml-exercise-kit:draft:";

export function openDrafts(slug) {
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
  return {
    load: () => attempt(() => window.localStorage.getItem(key)),
    save: (code) => attempt(() => window.localStorage.setItem(key, code)),
    get available() {
      return available;
    },
  };
}
