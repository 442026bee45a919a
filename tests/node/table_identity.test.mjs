import assert from "node:assert/strict";
import { test } from "node:test";

import { giveSlotsTheirExports, loadingWithSlotsGivenTheirExports, tableKeepsExportIdentity } from "../../python_boot/table_identity.js";

// (module (import "e" "g" (func)) (func $a (result i32) i32.const 1) (func $b (result i32) i32.const 2)
//   (table (export "t") 4 funcref) (export "a" (func $a)) (export "b" (func $b)) (export "g" (func 0))
//   (elem (i32.const 1) $a $b))
const BYTES = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 8, 2, 96, 0, 0, 96, 0, 1, 127, 2, 7, 1, 1, 101, 1, 103, 0, 0, 3, 3, 2, 1, 1, 4, 4, 1, 112, 0, 4, 7, 17, 4, 1, 116, 1, 0, 1,
  97, 0, 1, 1, 98, 0, 2, 1, 103, 0, 0, 9, 8, 1, 0, 65, 1, 11, 2, 1, 2, 10, 11, 2, 4, 0, 65, 1, 11, 4, 0, 65, 2, 11,
]);
const LIBRARY = new WebAssembly.Module(BYTES);
const instantiate = (module = LIBRARY) => new WebAssembly.Instance(module, { e: { g() {} } });
// (module (func $f (result i32) i32.const 7) (export "f" (func $f))): its function is named "0",
// as the library's import is.
const ANOTHER_MODULES_FUNCTION = new WebAssembly.Instance(
  new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 127, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 6, 1, 4, 0, 65, 7, 11])),
).exports.f;

/** A table as JavaScriptCore hands it out: a new object for a slot on every read, unless the
 *  slot was given one with set, which it then keeps (measured in WebKitGTK 2.50). */
function tableLikeJavaScriptCore(table) {
  const given = new Map();
  return {
    get length() {
      return table.length;
    },
    get(slot) {
      const entry = table.get(slot);
      return given.get(slot) ?? (entry && Object.defineProperty(() => entry(), "name", { value: entry.name }));
    },
    set(slot, value) {
      given.set(slot, value);
      table.set(slot, value);
    },
  };
}

test("Node's engine hands out one object per WebAssembly function: nothing to do there", () => {
  assert.equal(tableKeepsExportIdentity(), true);
});

test("each slot holding one of the instance's own exports is given that export", () => {
  const instance = instantiate();
  instance.exports.t.set(3, ANOTHER_MODULES_FUNCTION);
  const table = tableLikeJavaScriptCore(instance.exports.t);
  assert.notEqual(table.get(1), instance.exports.a, "the engine this stands for");
  giveSlotsTheirExports(table, instance, LIBRARY, 0, table.length);
  assert.equal(table.get(1), instance.exports.a);
  assert.equal(table.get(2), instance.exports.b);
  assert.equal(table.get(1)(), 1);
  assert.equal(table.get(0), null, "empty slots stay empty");
  assert.notEqual(table.get(3), instance.exports.g, "an import the instance exports again is not one of its own functions");
  assert.equal(table.get(3)(), 7);
});

test("only the slots of the given range change", () => {
  const instance = instantiate();
  const table = tableLikeJavaScriptCore(instance.exports.t);
  giveSlotsTheirExports(table, instance, LIBRARY, 2, 3);
  assert.notEqual(table.get(1), instance.exports.a);
  assert.equal(table.get(2), instance.exports.b);
});

test("while a library loads, only its own instance gives its slots their exports", () => {
  const instance = instantiate();
  const table = tableLikeJavaScriptCore(instance.exports.t);
  const Instance = WebAssembly.Instance;
  const otherModule = new WebAssembly.Module(BYTES); // an emscripten wrapper, say: its exports must not land in the table
  const other = loadingWithSlotsGivenTheirExports(table, LIBRARY, 0, table.length, () => instantiate(otherModule));
  assert.notEqual(table.get(1), other.exports.a);
  const loaded = loadingWithSlotsGivenTheirExports(table, LIBRARY, 0, table.length, instantiate);
  assert.equal(table.get(1), loaded.exports.a);
  assert.equal(WebAssembly.Instance, Instance, "put back after the load");
  const failing = () => {
    throw new Error("the load failed");
  };
  assert.throws(() => loadingWithSlotsGivenTheirExports(table, LIBRARY, 0, 1, failing), /the load failed/);
  assert.equal(WebAssembly.Instance, Instance, "put back after a failed load too");
});
