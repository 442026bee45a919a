/* The function table's layout in JavaScriptCore (WebKit, Safari), made the build's.

   Emscripten's addFunction finds the slot a function already has by the function's JavaScript
   identity (a WeakMap filled from the table's entries). V8 and SpiderMonkey hand out one object
   per WebAssembly function, read from an instance's exports or from a table; JavaScriptCore
   makes a new one for each table slot, so every export the runtime registers while starting
   (and every library's) takes a new slot: 13071 entries where Node has 11916, and a layout
   from slot 6649 up that the snapshot's function pointers do not match.

   JavaScriptCore does keep the object a slot was given with table.set. So, right after an
   instance is created and before emscripten reads its table range, each slot holding one of the
   instance's exported functions is given the export itself: the lookups then find the slots V8
   finds, and the table grows exactly as in the build's Node, which the restore checks at every
   step. A WebAssembly function's `name` is its index in its module; wasm-ld's element segments
   hold only the module's own functions (another module's come through GOT.func), checked for
   Pyodide's runtime and numpy's libraries, so an entry and an export with one name are one function. */

// (module (table (export "t") 2 funcref) (func $f (result i32) i32.const 7) (export "f" (func $f)) (elem (i32.const 0) $f))
const TABLE_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 127, 3, 2, 1, 0, 4, 4, 1, 112, 0, 2, 7, 9, 2, 1, 116, 1, 0, 1, 102, 0, 0, 9, 7, 1, 0, 65, 0, 11,
  1, 0, 10, 6, 1, 4, 0, 65, 7, 11,
]);

/** Whether this engine hands out the same object for a function read from an instance's exports
 *  and from its table (V8 and SpiderMonkey, as in the build's Node: nothing to do), checked on a
 *  60-byte module before any runtime is created. */
export function tableKeepsExportIdentity() {
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(TABLE_PROBE));
  return exports.t.get(0) === exports.f;
}

/** Gives the table slots `first`..`end` (exclusive) that hold one of `instance`'s exported
 *  functions that export's own object. */
export function giveSlotsTheirExports(table, instance, module, first, end) {
  const firstOwnFunction = WebAssembly.Module.imports(module).filter((imported) => imported.kind === "function").length;
  const exportsByIndex = new Map();
  for (const value of Object.values(instance.exports)) {
    if (typeof value === "function" && Number(value.name) >= firstOwnFunction) exportsByIndex.set(value.name, value);
  }
  for (let slot = first; slot < end; slot++) {
    const exported = exportsByIndex.get(table.get(slot)?.name);
    if (exported) table.set(slot, exported);
  }
}

/** Makes the runtime these settings create give its table's slots their exports as soon as it
 *  is instantiated (through emscripten's instantiateWasm hook, which Pyodide's loader sets). */
export function giveRuntimeSlotsTheirExports(settings) {
  const instantiate = settings.instantiateWasm;
  if (!instantiate) throw new Error("Pyodide's loader no longer instantiates its runtime through instantiateWasm");
  settings.instantiateWasm = (imports, receiveInstance) =>
    instantiate(imports, (instance, module) => {
      const table = imports.env.__indirect_function_table;
      giveSlotsTheirExports(table, instance, module, 0, table.length);
      return receiveInstance(instance, module);
    });
}

/** Runs `load`, which instantiates `library` (a WebAssembly.Module) synchronously, with the
 *  library's table slots `first`..`end` given their exports before emscripten reads them. Other
 *  modules instantiated meanwhile (emscripten's small wrappers of JavaScript functions) are left alone. */
export function loadingWithSlotsGivenTheirExports(table, library, first, end, load) {
  const Instance = WebAssembly.Instance;
  WebAssembly.Instance = function (module, imports) {
    const instance = new Instance(module, imports);
    if (module === library) giveSlotsTheirExports(table, instance, module, first, end);
    return instance;
  };
  try {
    return load();
  } finally {
    WebAssembly.Instance = Instance;
  }
}
