// localStorage can be missing, refused or full (private windows, quotas, blocked cookies): the
// page keeps working without it. Every access goes through one of these guards, which never
// throws and remembers whether storage has refused anything.

export function guardedStorage() {
  let working = true;
  return {
    /** action()'s value, or null if storage refused it (`working` is then false for good). */
    attempt(action) {
      try {
        return action();
      } catch {
        working = false;
        return null;
      }
    },
    get working() {
      return working;
    },
  };
}
