import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { handInFileName, handInText } from "../../static/handin/handin.js";
import { zipFiles } from "../../static/handin/zip.js";

const HEADER = JSON.parse(readFileSync(new URL("../../formats/handin_header.json", import.meta.url)));
const lastRun = { code: "x = 1", tests: [{ name: "Reference example: 0.625", status: "passed" }, { name: "b\nc", status: "failed" }] };

test("a hand-in file is named after its problem, as a Python module", () => {
  assert.equal(handInFileName("contrastive-loss"), "contrastive_loss.py");
});

test("the header starts and ends as formats/handin_header.json says, with its version", () => {
  const lines = handInText({ slug: "p", code: "x = 1", kitVersion: "1.1.0", testsDigest: "0123456789abcdef", lastRun, savedAt: new Date(0) }).split("\n");
  assert.equal(lines[0], HEADER.start);
  assert.equal(lines[1], `# format: ${HEADER.version}`);
  assert.ok(lines.includes("# browser results: 1 of 2 passed (as seen in the browser, not a grade)"));
  assert.ok(lines.includes("# test 2: failed | b c"), "a name stays on one line");
  assert.equal(lines.at(-2), HEADER.end);
  assert.equal(lines.at(-1), "x = 1");
});

test("results are claimed only for the code they ran on, and a pasted-back header is not kept twice", () => {
  const once = handInText({ slug: "p", code: "x = 2", kitVersion: "1", testsDigest: "0123456789abcdef", lastRun });
  assert.match(once, /browser results: none/);
  const twice = handInText({ slug: "p", code: once, kitVersion: "1", testsDigest: "0123456789abcdef", lastRun: null });
  assert.equal(twice.split(HEADER.start).length, 2);
  assert.ok(twice.endsWith("\nx = 2"));
});

test("a zip holds each file under its name, stored, readable by any unzip", async () => {
  const bytes = new Uint8Array(await zipFiles([{ name: "a.py", text: "print('é')" }, { name: "b.py", text: "" }]).arrayBuffer());
  const view = new DataView(bytes.buffer);
  assert.equal(view.getUint32(0, true), 0x04034b50);
  const nameLength = view.getUint16(26, true);
  assert.equal(new TextDecoder().decode(bytes.subarray(30, 30 + nameLength)), "a.py");
  const size = view.getUint32(18, true);
  assert.equal(new TextDecoder().decode(bytes.subarray(30 + nameLength, 30 + nameLength + size)), "print('é')");
  const end = bytes.length - 22;
  assert.equal(view.getUint32(end, true), 0x06054b50);
  assert.equal(view.getUint16(end + 10, true), 2);
});
