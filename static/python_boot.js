/* Python's boot, shared by the worker (worker.js) and `make check` in Node
   (sitebuild/check_in_pyodide.cjs); sitebuild/make_python_boot.cjs uses its linking half to
   make the files it boots from. These three files are the only ones that touch Pyodide.

   Python starts from a memory snapshot taken at build time with numpy and the harness already
   imported. A snapshot holds Python's memory, not what emscripten keeps outside it: the
   function table, the instantiated shared libraries (.so files) and their bookkeeping, the
   files. So the build loads the libraries `import numpy` needs at memory and table addresses it
   chooses and records in python-boot.json, and the restore instantiates the same libraries at
   the same addresses before Pyodide copies the snapshot in, checking at each step that the
   function table is exactly where the build left it. If anything does not match, Python boots
   the plain way instead (slower, same result) and says so in the console.
   docs/performance.md lists the Pyodide and emscripten internals this relies on.

   host: {
     indexURL: Pyodide's folder,
     manifest: the name of python-boot.json (sitebuild/python_boot.py writes it: which files to
       read, and what the build recorded), whose folder holds the files it names,
     read(name, signal) -> Promise<Uint8Array[]>: a file of that folder, in the chunks it arrived
       in (an AbortSignal may stop the download),
     readSync(name) -> Uint8Array: the same, blocking (for an import that cannot wait),
     loadRuntime() -> Promise: defines globalThis.loadPyodide and globalThis._createPyodideModule,
     stdLibURL: what loadPyodide should fetch as the standard library when booting from the
       snapshot (which holds the modules the harness imports; the real zip comes after ready),
     warn(message),
     stdout, stderr: where Python's own output goes (optional, as for loadPyodide),
   } */

import { ZSTDDecoder } from "zstddec/stream";

// Emscripten's `struct dso` (the handle dlopen allocates): loadWebAssemblyModule reads the
// library's memory and table addresses from it when its byte at 8 says they are allocated.
const DSO = { bytes: 40, allocated: 8, memoryBase: 12, memorySize: 16, tableBase: 20, tableSize: 24 };
// How Pyodide itself loads a package's library: not global, never unloaded.
const LIBRARY_FLAGS = { loadAsync: false, global: false, nodelete: true };
// Slot 6 of Pyodide's table of JavaScript objects is its `loadedPackages` object, which a
// snapshot must hold empty (it cannot serialize objects): the restore points it back.
const LOADED_PACKAGES_SLOT = 6;
const PACKAGE_CHANNEL = "default channel";
// Emscripten writes the program's name into memory before Python starts; left unset it is the
// script's path in Node and "./this.program" in a browser. Fixed, the fresh memory a snapshot
// is completed with is the same in the build's Node and in every browser.
export const SAME_RUNTIME_EVERYWHERE = { _sysExecutable: "./this.program" };

/** Something the restore found different from the build: Python boots the plain way. */
export class SnapshotMismatch extends Error {}

/** Each loading step names itself when it fails, so the page can say what went wrong. */
export async function step(what, action) {
  try {
    return await action();
  } catch (error) {
    // Python errors arrive as whole tracebacks; their last line says what happened.
    const lines = String(error && error.message ? error.message : error).trim().split("\n");
    throw new Error(`${what} (${lines[lines.length - 1]})`);
  }
}

/** Starts Python with numpy and the harness importable; resolves with {pyodide,
 *  fromSnapshot, installRemainingFiles}. installRemainingFiles() fetches the files Python did
 *  not need to reach this point (the standard library, the rest of numpy) and writes them; an
 *  import that needs them before then fetches them at once. */
export async function startPython(host) {
  const manifest = step("could not download Python's boot files", async () => JSON.parse(new TextDecoder().decode(join(await host.read(host.manifest)))));
  const libraries = step("could not load numpy", async () => unpackFiles(await readZstd(host, (await manifest).libraries)));
  const otherFiles = lazily(() => step("could not load numpy", async () => unpackFiles(await readZstd(host, (await manifest).otherFiles))));
  const snapshotDownload = new AbortController(); // the snapshot is not worth finishing once it cannot be used
  const snapshot = manifest.then((boot) => readZstd(host, boot.snapshot, snapshotDownload.signal));
  for (const download of [manifest, libraries, snapshot]) download.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
  // Both downloads are asked for before Pyodide's scripts load: importScripts holds this thread
  // until they have run, so a request made after it would start that much later.
  await manifest.catch(() => {});
  await step("could not start Python", () => host.loadRuntime());
  try {
    const pyodide = await restoreSnapshot(await manifest, libraries, snapshot, host);
    return { pyodide, fromSnapshot: true, installRemainingFiles: remainingFilesInstaller(host, pyodide, await manifest, otherFiles) };
  } catch (error) {
    snapshotDownload.abort();
    host.warn(`Python could not start from its snapshot, so it boots the plain way (a few seconds slower): ${error.message}`);
  }
  const pyodide = await bootPlainly(host, await manifest, libraries, otherFiles);
  return { pyodide, fromSnapshot: false, installRemainingFiles: async () => {} };
}

async function restoreSnapshot(manifest, libraries, snapshot, host) {
  const compiled = libraries.then((files) => Promise.all(manifest.linking.libraries.map(({ path }) => WebAssembly.compile(files.get(path)))));
  compiled.catch(() => {});
  const layout = manifest.snapshot;
  const memory = new Uint8Array(layout.headerBytes + layout.memoryBytes); // what Pyodide's loader copies in
  const createModule = globalThis._createPyodideModule;
  // The loader creates the runtime, then copies the snapshot into its memory: in between, the
  // snapshot's memory is completed and the libraries are put back where the build had them.
  globalThis._createPyodideModule = async (settings) => {
    const Module = await createModule(settings);
    // Engines that grow the function table more while starting (WebKit: by about a thousand
    // entries) also hold other function addresses in their fresh memory: found out first.
    checkTableRoom(Module, manifest.linking);
    fillMemory(Module, memory, await snapshot, layout);
    const files = await libraries;
    for (const { path } of manifest.linking.libraries) writeFile(Module, `${manifest.sitePackages}/${path}`, files.get(path));
    relink(Module, manifest.sitePackages, manifest.linking, await compiled);
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

/** The snapshot file holds Pyodide's header, then a bitmap of the memory pages the build changed
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
function relink(Module, sitePackages, linking, compiled) {
  const table = Module.wasmTable;
  table.grow(linking.tableStart - table.length);
  const loaded = new Map();
  linking.libraries.forEach((library, index) => {
    loaded.set(library.path, loadLibraryAt(Module, sitePackages, library, compiled[index]));
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

/** The plain boot: Pyodide restores its own snapshot of Python just started (made by the same
 *  build, before any import), numpy's and the harness's files and their bytecode are written
 *  into site-packages, and numpy's libraries are compiled and loaded as Pyodide's loadPackage
 *  does (asynchronously: Python's import would compile them blocking). The two files only this
 *  boot fetches may be missing (offline, if no visit fetched them before): Python then starts
 *  and compiles the modules itself, slower. */
async function bootPlainly(host, manifest, libraries, otherFiles) {
  const optional = (download) => download.catch((error) => host.warn(`the plain boot goes on without one of its files (slower): ${error.message}`));
  const snapshot = optional(readZstd(host, manifest.plainBoot.snapshot));
  const bytecode = optional(readZstd(host, manifest.plainBoot.bytecode).then(unpackFiles));
  const pyodide = await step("could not start Python", async () =>
    loadPyodide({ indexURL: host.indexURL, stdout: host.stdout, stderr: host.stderr, _loadSnapshot: await snapshot }),
  );
  // Python's import sees these files without being told: the folder's time of change is newer
  // than the one its snapshot recorded (importlib.invalidate_caches, which imports
  // importlib.metadata, cost seconds in WebKit).
  for (const files of [await libraries, await otherFiles(), (await bytecode) ?? new Map()]) writeFiles(pyodide._module, manifest.sitePackages, files);
  await step("could not load numpy", async () => {
    for (const { path } of manifest.linking.libraries) await pyodide._api.loadDynlib(`${manifest.sitePackages}/${path}`, false);
  });
  pyodide.loadedPackages.numpy = PACKAGE_CHANNEL;
  return pyodide;
}

/** Until the remaining files are written, an import that Python cannot satisfy from memory
 *  (a standard-library module the snapshot lacks, numpy.random...) writes them first: a finder
 *  placed first in sys.meta_path does that, synchronously, and then lets the import go on. */
function remainingFilesInstaller(host, pyodide, manifest, otherFiles) {
  let installed = false;
  const install = (stdlib, files) => {
    if (installed) return;
    installed = true;
    pyodide.FS.writeFile(manifest.stdlib.path, stdlib);
    writeFiles(pyodide._module, manifest.sitePackages, files);
    const importlib = pyodide.pyimport("importlib");
    importlib.invalidate_caches();
    importlib.destroy();
  };
  const finder = {
    find_spec: () => {
      if (!installed) install(host.readSync(manifest.stdlib.file), unpackFiles(decodeZstd([host.readSync(manifest.otherFiles.file)], manifest.otherFiles.bytes)));
    },
  };
  const sys = pyodide.pyimport("sys");
  sys.meta_path.insert(0, finder);
  sys.destroy();
  return async () => {
    const [stdlib, files] = await Promise.all([host.read(manifest.stdlib.file).then(join), otherFiles()]);
    install(stdlib, files);
  };
}

function writeFiles(Module, folder, files) {
  for (const [path, bytes] of files) writeFile(Module, `${folder}/${path}`, bytes);
}

function writeFile(Module, path, bytes) {
  Module.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
  Module.FS.writeFile(path, bytes);
}

/** A pack (sitebuild/python_boot.py): the length of a JSON index [[path, bytes]...], the index,
 *  then the files' bytes one after the other. */
function unpackFiles(pack) {
  const indexBytes = new DataView(pack.buffer, pack.byteOffset).getUint32(0, true);
  const index = JSON.parse(new TextDecoder().decode(pack.subarray(4, 4 + indexBytes)));
  const files = new Map();
  let offset = 4 + indexBytes;
  for (const [path, bytes] of index) {
    files.set(path, pack.subarray(offset, offset + bytes));
    offset += bytes;
  }
  return files;
}

const decoder = new ZSTDDecoder();
const decoderReady = decoder.init();

/** The build compresses its files with zstd itself (a quarter smaller than gzip, decoded as
 *  fast): they arrive small whether or not the server compresses them. */
async function readZstd(host, { file, bytes }, signal) {
  const [chunks] = await Promise.all([host.read(file, signal), decoderReady]);
  return decodeZstd(chunks, bytes);
}

/** Decoded piece by piece, so the decoder's own memory stays small (it is never given back). */
function decodeZstd(chunks, bytes) {
  const decoded = new Uint8Array(bytes);
  let offset = 0;
  for (const piece of decoder.decodeStreaming(chunks)) {
    decoded.set(piece, offset);
    offset += piece.length;
  }
  if (offset !== bytes) throw new Error(`a boot file decoded to ${offset} bytes instead of ${bytes}`);
  return decoded;
}

function join(chunks) {
  if (chunks.length === 1) return chunks[0];
  const joined = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

function lazily(start) {
  let started = null;
  return () => (started ??= start());
}
