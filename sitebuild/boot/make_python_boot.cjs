// Makes the memory snapshots the worker's Python starts from (sitebuild/boot/boot_files.py packs and
// compresses what this writes; python_boot/ restores them):
//
//   node make_python_boot.cjs <pyodide folder> <site-packages folder> <output folder>
//
// <site-packages folder> holds numpy's and the harness's files as installed. A first Node
// process boots Python, keeps Pyodide's own snapshot of it (the plain boot's start, for engines
// where the restore below does not match), imports the harness (and so numpy) the plain way,
// to learn which of numpy's shared libraries that loads, and in which order, and compiles the
// modules it imported (the plain boot's bytecode). A second one, fresh, boots Python to be
// snapshotted, loads those libraries at memory and table addresses it chooses, imports the
// harness, and writes into <output folder>:
// - snapshot: Pyodide's snapshot header, then a bitmap of the memory pages that differ from a
//   fresh runtime's memory, then those pages (the others the restore takes from the runtime);
// - linking.json: where the libraries are and what the restore must replay, the snapshot's
//   layout, and where site-packages and the standard library are (for python-boot.json);
// - plain-snapshot: Pyodide's own snapshot of Python just started, before any import;
// - bytecode/: the .pyc of every module of site-packages the harness imports, at the paths
//   (relative to site-packages) where Python looks for them first.
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");
const { loadPythonBoot } = require("./python_boot_in_node.cjs");

const LOAD_PLAINLY = "--load-plainly";
// The function table grows while the runtime starts, by a few entries more in some engines
// (Node 20: 11916, Chromium: 11917): the libraries start this far above Node's length, and the
// restore checks that the table has not reached them.
const TABLE_GAP = 256;
const PAGE_BYTES = 4096;
const HARNESS = "harness";

/** Every module of the harness: some import others only when first used (the console). */
function importHarness(pyodide, sitePackagesDir) {
  const files = fs.readdirSync(path.join(sitePackagesDir, HARNESS), { recursive: true }).filter((name) => name.endsWith(".py")).sort();
  for (const file of files) {
    const module = [HARNESS, ...file.slice(0, -3).split(path.sep)].filter((part) => part !== "__init__").join(".");
    pyodide.pyimport(module).destroy();
  }
}

// Compiles every module of site-packages that is imported to the .pyc its import looks for
// first; unchecked, since the sources written on every visit get new timestamps. Returns
// their paths.
const COMPILE_IMPORTED_MODULES = `
import importlib.util, json, py_compile, sys

def compiled(site_packages):
    for name, module in sorted(sys.modules.items()):
        origin = getattr(getattr(module, "__spec__", None), "origin", None) or ""
        if origin.startswith(site_packages + "/") and origin.endswith(".py"):
            yield py_compile.compile(origin, importlib.util.cache_from_source(origin), doraise=True,
                                     invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
`;

/** The plain boot's files (plain-snapshot, bytecode/) and numpy's libraries in load order. */
async function loadPlainly(runtimeDir, sitePackagesDir, outDir) {
  const pyodide = await globalThis.loadPyodide({ indexURL: runtimeDir, _makeSnapshot: true, stdout: () => {}, stderr: () => {} });
  fs.writeFileSync(path.join(outDir, "plain-snapshot"), pyodide.makeMemorySnapshot());
  const sitePackages = pyodide._api.sitepackages;
  writeTree(pyodide, sitePackagesDir, sitePackages);
  importHarness(pyodide, sitePackagesDir);
  const libraries = Object.keys(pyodide._module.LDSO.loadedLibsByName)
    .filter((name) => name.startsWith(`${sitePackages}/`))
    .map((name) => name.slice(sitePackages.length + 1));
  pyodide.runPython(COMPILE_IMPORTED_MODULES);
  for (const pyc of JSON.parse(pyodide.runPython(`json.dumps(list(compiled(${JSON.stringify(sitePackages)})))`))) {
    const target = path.join(outDir, "bytecode", pyc.slice(sitePackages.length + 1));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, pyodide.FS.readFile(pyc));
  }
  return libraries;
}

async function makeSnapshot(runtimeDir, sitePackagesDir, outDir) {
  const libraries = JSON.parse(execFileSync(process.execPath, [__filename, LOAD_PLAINLY, runtimeDir, sitePackagesDir, outDir], { encoding: "utf8" }));
  const { loadLibraryAt, unchangedPagesChecksum, withSnapshotHeader, SAME_RUNTIME_EVERYWHERE } = loadPythonBoot();
  // The memory a restore starts from: the runtime as it is before Python itself starts.
  let fresh = null;
  const createModule = globalThis._createPyodideModule;
  globalThis._createPyodideModule = (settings) => {
    settings.onRuntimeInitialized = function () {
      fresh = this.HEAPU8.slice(); // called as a method of the runtime's Module, a copy of `settings`
    };
    return createModule(settings);
  };
  const pyodide = await globalThis.loadPyodide({ ...SAME_RUNTIME_EVERYWHERE, indexURL: runtimeDir, _makeSnapshot: true, stdout: () => {}, stderr: () => {} });
  const Module = pyodide._module;
  const sitePackages = pyodide._api.sitepackages;
  writeTree(pyodide, sitePackagesDir, sitePackages);

  const table = Module.wasmTable;
  const tableStart = Math.ceil((table.length + TABLE_GAP) / TABLE_GAP) * TABLE_GAP;
  table.grow(tableStart - table.length);
  const placed = libraries.map((library) => {
    const binary = fs.readFileSync(path.join(sitePackagesDir, library));
    const { memorySize, memoryAlign, tableSize } = Module.getDylinkMetadata(binary);
    const alignment = 2 ** memoryAlign;
    const memoryBase = Math.ceil(Module.getMemory(memorySize + alignment) / alignment) * alignment;
    const at = { path: library, memoryBase, memorySize, tableBase: table.length, tableSize };
    const loaded = loadLibraryAt(Module, sitePackages, at, binary);
    return { ...at, tableLength: table.length, loaded };
  });
  Module.reportUndefinedSymbols();
  const tableLengthAfterSymbols = table.length;

  importHarness(pyodide, sitePackagesDir);
  const linking = {
    tableStart,
    libraries: placed.map(({ loaded, ...library }) => library),
    tableLengthAfterSymbols,
    slots: slotsAddedSince(Module, tableLengthAfterSymbols, placed),
    tableLength: table.length,
    dlopenHandles: Object.entries(Module.LDSO.loadedLibsByHandle).flatMap(([handle, library]) => {
      const ours = placed.find(({ loaded }) => loaded === library);
      return ours ? [{ handle: Number(handle), path: ours.path }] : [];
    }),
  };
  pyodide.pyimport("gc").collect();
  zeroFreeMemory(Module);

  const snapshot = pyodide.makeMemorySnapshot();
  const headerBytes = new DataView(snapshot.buffer, snapshot.byteOffset).getUint32(4, true);
  const memory = snapshot.subarray(headerBytes);
  const freshMemory = new Uint8Array(memory.length);
  freshMemory.set(fresh.subarray(0, Math.min(fresh.length, memory.length)));
  const pages = memory.length / PAGE_BYTES;
  const changed = new Uint8Array(Math.ceil(pages / 8));
  const changedPages = [];
  for (let page = 0; page < pages; page++) {
    const bytes = memory.subarray(page * PAGE_BYTES, (page + 1) * PAGE_BYTES);
    if (Buffer.compare(bytes, freshMemory.subarray(page * PAGE_BYTES, (page + 1) * PAGE_BYTES)) !== 0) {
      changed[page >> 3] |= 1 << (page & 7);
      changedPages.push(bytes);
    }
  }
  const body = Buffer.concat([snapshot.subarray(0, headerBytes), changed, ...changedPages]);
  fs.writeFileSync(path.join(outDir, "snapshot"), withSnapshotHeader(Module.API.version, body));
  const layout = { headerBytes, memoryBytes: memory.length, pageBytes: PAGE_BYTES, unchangedPagesChecksum: unchangedPagesChecksum(freshMemory, changed, PAGE_BYTES) };
  const stdlib = pyodide.pyimport("sys").path.toJs().find((entry) => entry.endsWith(".zip"));
  fs.writeFileSync(path.join(outDir, "linking.json"), JSON.stringify({ sitePackages, stdlib, snapshot: layout, linking }, null, 1));
}

/** Table entries that importing added after the libraries were linked (functions dlsym handed
 *  out): each is named by the library export it holds, for the restore to put back. */
function slotsAddedSince(Module, start, placed) {
  const slots = [];
  for (let slot = start; slot < Module.wasmTable.length; slot++) {
    const entry = Module.wasmTable.get(slot);
    const owner = placed.flatMap(({ path, loaded }) => Object.entries(loaded.exports).filter(([, value]) => value === entry).map(([name]) => ({ slot, path, name })))[0];
    if (!owner) throw new Error(`function table entry ${slot} holds a function that no linked library exports: the restore could not put it back`);
    slots.push(owner);
  }
  return slots;
}

/** Zeroes the memory malloc holds free, so the snapshot compresses better: takes every free
 *  block (largest first) below the top of the heap, zeroes it, gives it back, and zeroes the
 *  rest of memory from the top of the heap on. The memory does not grow. */
function zeroFreeMemory(Module) {
  const memoryBytes = Module.HEAPU8.length;
  const info = Module.getMemory(40); // struct mallinfo: keepcost (the top block's size) is its 10th int
  Module._mallinfo(info);
  const top = Module._sbrk(0) - Module.HEAP32[(info >> 2) + 9];
  Module._free(info);
  const taken = [];
  for (let size = 1 << 22; size >= 16; size >>= 1) {
    if (size + 65536 > memoryBytes - Module._sbrk(0)) continue; // a block from the top could grow the memory
    for (;;) {
      const block = Module._PyMem_RawMalloc(size);
      if (!block) break;
      if (block + size > top) {
        Module._free(block);
        break;
      }
      Module.HEAPU8.fill(0, block, block + size);
      taken.push(block);
    }
  }
  for (const block of taken) Module._free(block);
  if (Module.HEAPU8.length !== memoryBytes) throw new Error("zeroing free memory grew it");
  Module.HEAPU8.fill(0, top, memoryBytes);
}

function writeTree(pyodide, fromDir, toDir) {
  for (const entry of fs.readdirSync(fromDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const relative = path.relative(fromDir, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join("/");
    const target = `${toDir}/${relative}`;
    pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf("/")));
    pyodide.FS.writeFile(target, fs.readFileSync(path.join(fromDir, relative)));
  }
}

async function main() {
  const [mode, ...args] = process.argv.slice(2);
  const runtimeDir = path.resolve(mode === LOAD_PLAINLY ? args[0] : mode) + path.sep;
  require(path.join(runtimeDir, "pyodide.js"));
  require(path.join(runtimeDir, "pyodide.asm.js"));
  if (mode === LOAD_PLAINLY) process.stdout.write(JSON.stringify(await loadPlainly(runtimeDir, ...args.slice(1))));
  else await makeSnapshot(runtimeDir, ...args);
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
});
