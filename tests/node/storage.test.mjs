import assert from "node:assert/strict";
import { test } from "node:test";

import { RefusingStorage, pretendPage } from "./browser_globals.mjs";

const storage = pretendPage({ siteRoot: "https://learner.github.io/course-a/" });
const { siteKey, readSiteItem } = await import("../../static/storage/site_scope.js");
const { guardedStorage } = await import("../../static/storage/storage.js");
const { openDrafts, savedDraft } = await import("../../static/storage/drafts.js");
const { lastRunOf, progressOf, recordTestRun } = await import("../../static/storage/progress.js");
const { openConsoleHistory } = await import("../../static/storage/console_history.js");

test("keys name the site by its path, so two courses on one origin stay apart", () => {
  assert.equal(siteKey("draft:x"), "ml-exercise-kit:/course-a/:draft:x");
});

test("a value kept before keys were scoped is taken over by the first site that reads it", () => {
  storage.setItem("ml-exercise-kit:draft:old", "code");
  assert.equal(readSiteItem("draft:old"), "code");
  assert.equal(storage.getItem("ml-exercise-kit:draft:old"), null);
  assert.equal(storage.getItem(siteKey("draft:old")), "code");
});

test("a guard returns null when storage refuses, and remembers it", () => {
  const guard = guardedStorage();
  assert.equal(guard.attempt(() => 1), 1);
  assert.equal(guard.working, true);
  assert.equal(guard.attempt(() => new RefusingStorage().getItem("k")), null);
  assert.equal(guard.working, false);
});

test("drafts are saved and read back; refused storage is said, not thrown", () => {
  const drafts = openDrafts("p", { onSavedElsewhere: () => {} });
  drafts.save("print(1)");
  assert.equal(drafts.load(), "print(1)");
  assert.equal(savedDraft("p"), "print(1)");
  globalThis.localStorage = new RefusingStorage();
  try {
    const refused = openDrafts("q", { onSavedElsewhere: () => {} });
    assert.equal(refused.available, false);
    assert.equal(refused.save("x"), null);
    assert.equal(savedDraft("q"), null);
  } finally {
    globalThis.localStorage = storage;
  }
});

test("solved stays solved, and the last run is kept", () => {
  recordTestRun("p", "code", { status: "passed", tests: [{ name: "a", status: "passed", message: null }] });
  recordTestRun("p", "code 2", { status: "failed", tests: [{ name: "a", status: "failed", message: "no" }] });
  assert.equal(progressOf("p"), "solved");
  assert.deepEqual(lastRunOf("p"), { code: "code 2", tests: [{ name: "a", status: "failed" }] });
  assert.equal(progressOf("never-run"), null);
});

test("the console history keeps each entry once in a row, the newest last, at most 100", () => {
  const history = openConsoleHistory("p");
  history.add("a");
  history.add("a");
  for (let index = 0; index < 120; index++) history.add(`entry ${index}`);
  assert.equal(history.entries.length, 100);
  assert.equal(history.entries.at(-1), "entry 119");
  assert.deepEqual(openConsoleHistory("p").entries, history.entries);
});
