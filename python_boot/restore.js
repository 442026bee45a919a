/* The snapshot restore (see start.js): the runtime is created, the snapshot's memory completed and
   numpy's libraries put back at the build's addresses before Pyodide copies the memory in. */

import { writeFile } from "./files.js";
import { SnapshotMismatch, snapshotBody } from "./snapshot_header.js";
import { giveRuntimeSlotsTheirExports, loadingWithSlotsGivenTheirExports, tableKeepsExportIdentity } from "./table_identity.js";

// Emscripten's `struct dso` (the handle dlopen allocates): loadWebAssemblyModule reads the
// library's memory and table addresses from it when its byte at 8 says they are allocated.
const DSO = { bytes: 40, allocated: 8, memoryBase: 12, memorySize: 16, tableBase: 20, tableSize: 24 };
// How Pyodide itself loads a package's library: not global, never unloaded.
const LIBRARY_FLAGS = { loadAsync: false, global: false, nodelete: true };
// Slot 6 of Pyodide's table of JavaScript objects is its `loadedPackages` object, which a
// snapshot must hold empty (it cannot serialize objects): the restore points it back.
const LOADED_PACKAGES_SLOT = 6;
export const PACKAGE_CHANNEL = "default channel";
// Emscripten writes the program's name into memory before Python starts; left unset it is the
// script's path in Node and "./this.program" in a browser. Fixed, the fresh memory a snapshot
// is completed with is the same in the build's Node and in every browser.
export const SAME_RUNTIME_EVERYWHERE = { _sysExecutable: "./this.program" };

export async function restoreSnapshot(manifest, libraries, snapshot, host) {
  const compiled = libraries.then((files) => Promise.all(manifest.linking.libraries.map(({ path }) => WebAssembly.compile(files.get(path)))));
  compiled.catch(() => {});
  const layout = manifest.snapshot;
  const memory = new Uint8Array(layout.headerBytes + layout.memoryBytes); // what Pyodide's loader copies in
  const createModule = globalThis._createPyodideModule;
  const keepsIdentity = tableKeepsExportIdentity();
  // The loader creates the runtime, then copies the snapshot into its memory: in between, the
  // snapshot's memory is completed and the libraries are put back where the build had them.
  globalThis._createPyodideModule = async (settings) => {
    if (!keepsIdentity) giveRuntimeSlotsTheirExports(settings);
    const Module = await createModule(settings);
    // An engine whose table grew more while starting would also hold other function addresses
    // in its fresh memory: found out first.
    checkTableRoom(Module, manifest.linking);
    fillMemory(Module, memory, snapshotBody(await snapshot, Module.API.version), layout);
    const files = await libraries;
    for (const { path } of manifest.linking.libraries) writeFile(Module, `${manifest.sitePackages}/${path}`, files.get(path));
    relink(Module, manifest.sitePackages, manifest.linking, await compiled, keepsIdentity);
    return Module;
  };
  try {
    const pyodide = await loadPyodide({ ...SAME_RUNTIME_EVERYWHERE, indexURL: host.indexURL, stdout: host.stdout, stderr: host.stderr, stdLibURL: host.stdLibURL, _loadSnapshot: memory });
    afterRestore(pyodide);
    return pyodide;
  } finally {
    globalThis._createPyodideModule = createModule;
  }
}

/** The snapshot file holds, after our own header (snapshot_header.js), Pyodide's header, then a bitmap of the memory pages the build changed
 *  and those pages: every other page is as the fresh runtime has it, which the checksum proves. */
function fillMemory(Module, memory, file, layout) {
  const { headerBytes, memoryBytes, pageBytes } = layout;
  const pages = memoryBytes / pageBytes;
  const changed = file.subarray(headerBytes, headerBytes + Math.ceil(pages / 8));
  if (Module.HEAPU8.length < memoryBytes) throw new SnapshotMismatch(`the runtime has ${Module.HEAPU8.length} bytes of memory, the snapshot ${memoryBytes}`);
  const fresh = Module.HEAPU8.subarray(0, memoryBytes);
  if (unchangedPagesChecksum(fresh, changed, pageBytes) !== layout.unchangedPagesChecksum) {
    throw new SnapshotMismatch("this browser's fresh Python memory differs from the build's");
  }
  memory.set(file.subarray(0, headerBytes));
  const body = memory.subarray(headerBytes);
  body.set(fresh);
  let offset = headerBytes + changed.length;
  for (let page = 0; page < pages; page++) {
    if (isChanged(changed, page)) {
      body.set(file.subarray(offset, offset + pageBytes), page * pageBytes);
      offset += pageBytes;
    }
  }
  if (offset !== file.length) throw new SnapshotMismatch("the snapshot file does not match its page map");
}

/** FNV-1a over the 32-bit words of the pages `changed` does not mark. */
export function unchangedPagesChecksum(memory, changed, pageBytes) {
  const words = new Int32Array(memory.buffer, memory.byteOffset, memory.length / 4);
  const wordsPerPage = pageBytes / 4;
  let hash = 0x811c9dc5;
  for (let page = 0; page * wordsPerPage < words.length; page++) {
    if (isChanged(changed, page)) continue;
    for (let word = page * wordsPerPage, end = word + wordsPerPage; word < end; word++) hash = Math.imul(hash ^ words[word], 16777619);
  }
  return hash >>> 0;
}

function isChanged(changed, page) {
  return (changed[page >> 3] >> (page & 7)) & 1;
}

function checkTableRoom(Module, linking) {
  if (Module.wasmTable.length > linking.tableStart) {
    throw new SnapshotMismatch(`this browser's function table already has ${Module.wasmTable.length} entries, the snapshot's libraries start at ${linking.tableStart}`);
  }
}

/** Puts the libraries back at the build's addresses, replaying what the build did. */
function relink(Module, sitePackages, linking, compiled, keepsIdentity) {
  const table = Module.wasmTable;
  table.grow(linking.tableStart - table.length);
  const loaded = new Map();
  linking.libraries.forEach((library, index) => {
    const load = () => loadLibraryAt(Module, sitePackages, library, compiled[index]);
    const { tableBase, tableSize } = library;
    loaded.set(library.path, keepsIdentity ? load() : loadingWithSlotsGivenTheirExports(table, compiled[index], tableBase, tableBase + tableSize, load));
    expectTableLength(Module, library.tableLength, `after loading ${library.path}`);
  });
  Module.reportUndefinedSymbols();
  expectTableLength(Module, linking.tableLengthAfterSymbols, "after resolving the libraries' symbols");
  table.grow(linking.tableLength - table.length);
  for (const { slot, path, name } of linking.slots) {
    const exported = loaded.get(path).exports[name];
    if (typeof exported !== "function") throw new SnapshotMismatch(`${path} exports no function ${name}`);
    Module.setWasmTableEntry(slot, exported);
  }
  for (const { handle, path } of linking.dlopenHandles) Module.LDSO.loadedLibsByHandle[handle] = loaded.get(path);
}

function expectTableLength(Module, expected, when) {
  if (Module.wasmTable.length !== expected) {
    throw new SnapshotMismatch(`the function table has ${Module.wasmTable.length} entries ${when}, the build had ${expected}`);
  }
}

/** Instantiates a shared library at the given memory and table addresses (the memory is
 *  already reserved there) and registers it as dlopen would, under its site-packages path. */
export function loadLibraryAt(Module, sitePackages, { path, memoryBase, memorySize, tableBase, tableSize }, binary) {
  if (Module.wasmTable.length !== tableBase) throw new SnapshotMismatch(`the function table has ${Module.wasmTable.length} entries before ${path}, the build had ${tableBase}`);
  const handle = Module.getMemory(DSO.bytes);
  Module.HEAP8[handle + DSO.allocated] = 1;
  Module.HEAPU32[(handle + DSO.memoryBase) >> 2] = memoryBase;
  Module.HEAP32[(handle + DSO.memorySize) >> 2] = memorySize;
  Module.HEAPU32[(handle + DSO.tableBase) >> 2] = tableBase;
  Module.HEAP32[(handle + DSO.tableSize) >> 2] = tableSize;
  const file = `${sitePackages}/${path}`;
  const exports = Module.loadWebAssemblyModule(binary, LIBRARY_FLAGS, file, {}, handle);
  Module._free(handle);
  const library = Module.newDSO(file, undefined, exports);
  library.global = false;
  Module.LDSO.loadedLibsByName[file.slice(file.lastIndexOf("/") + 1)] = library; // as Pyodide's own loader does
  return library;
}

function afterRestore(pyodide) {
  const Module = pyodide._module;
  // The snapshot was made in Node, whose CPython found no call trampoline (it needs
  // WebAssembly GC): put back the one this runtime made before the snapshot overwrote it.
  const countArgs = Module.__PyRuntime + Module.HEAP32[Module.__PyEM_EMSCRIPTEN_COUNT_ARGS_OFFSET >> 2];
  Module.HEAP32[countArgs >> 2] = Module._PyEM_CountArgsPtr;
  const placeholder = Module.__hiwire_get(LOADED_PACKAGES_SLOT);
  if (placeholder === null || typeof placeholder !== "object" || Object.keys(placeholder).length) {
    throw new SnapshotMismatch(`slot ${LOADED_PACKAGES_SLOT} of Pyodide's object table is not the empty placeholder`);
  }
  Module.__hiwire_set(LOADED_PACKAGES_SLOT, pyodide.loadedPackages);
  pyodide.loadedPackages.numpy = PACKAGE_CHANNEL;
  proveNumpyWorks(pyodide);
}

/** numpy's own code runs through the relinked libraries' tables: a wrong address fails here. */
function proveNumpyWorks(pyodide) {
  const [numpy, linalg] = [pyodide.pyimport("numpy"), pyodide.pyimport("numpy.linalg")];
  let identity = null;
  try {
    identity = numpy.eye(2);
    const determinant = linalg.det(identity);
    if (determinant !== 1) throw new SnapshotMismatch(`numpy computed det(I) = ${determinant}`);
  } catch (error) {
    throw error instanceof SnapshotMismatch ? error : new SnapshotMismatch(`numpy failed after the restore: ${error.message}`);
  } finally {
    for (const proxy of [identity, linalg, numpy]) proxy?.destroy();
  }
}

