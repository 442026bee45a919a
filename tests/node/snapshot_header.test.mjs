import assert from "node:assert/strict";
import { test } from "node:test";

import { SNAPSHOT_FORMAT_VERSION, SnapshotMismatch, snapshotBody, withSnapshotHeader } from "../../python_boot/snapshot_header.js";

const body = new Uint8Array([1, 2, 3, 4]);

test("a snapshot made for this Pyodide comes back whole", () => {
  assert.deepEqual(snapshotBody(withSnapshotHeader("0.27.7", body), "0.27.7"), body);
});

test("a snapshot made for another Pyodide, of another format, or not ours is refused", () => {
  assert.throws(() => snapshotBody(withSnapshotHeader("0.27.6", body), "0.27.7"), SnapshotMismatch);
  const otherFormat = withSnapshotHeader("0.27.7", body);
  new DataView(otherFormat.buffer).setUint32(8, SNAPSHOT_FORMAT_VERSION + 1, true);
  assert.throws(() => snapshotBody(otherFormat, "0.27.7"), /format/);
  assert.throws(() => snapshotBody(body, "0.27.7"), /header/);
});
