// What the page modules use of the browser, for node --test: localStorage (working, or refusing
// every access as a private window may), window's storage events, and the page's first script.

export class MemoryStorage {
  constructor() {
    this.items = new Map();
  }
  getItem(key) {
    return this.items.has(key) ? this.items.get(key) : null;
  }
  setItem(key, value) {
    this.items.set(key, String(value));
  }
  removeItem(key) {
    this.items.delete(key);
  }
}

export class RefusingStorage {
  getItem() {
    throw new DOMException("The operation is insecure.", "SecurityError");
  }
  setItem() {
    throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  }
  removeItem() {}
}

/** Makes the globals a page module reads; `siteRoot` is the URL of the site the page is in. */
export function pretendPage({ siteRoot = "https://learner.github.io/course-a/", storage = new MemoryStorage() } = {}) {
  globalThis.window = globalThis;
  globalThis.localStorage = storage;
  globalThis.addEventListener = () => {};
  globalThis.document = { querySelector: () => ({ src: `${siteRoot}assets/app.js` }) };
  return storage;
}
