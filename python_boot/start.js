/* Python's boot, shared by the worker (worker.js) and `make check` in Node
   (sitebuild/check/check_in_pyodide.cjs); sitebuild/boot/make_python_boot.cjs uses its linking half
   (restore.js) to make the files it boots from. This folder, worker.js and those two scripts are
   the only code that touches Pyodide. Its parts: start.js (this: the order of the steps),
   restore.js (the snapshot restore), snapshot_header.js, plain_boot.js, files.js (files written
   into Python's file system) and decode.js (zstd and the downloads' chunks).

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
     manifest: the name of python-boot.json (sitebuild/boot/boot_files.py writes it: which files to
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

import { join, readZstd } from "./decode.js";
import { remainingFilesInstaller, unpackFiles } from "./files.js";
import { bootPlainly, startPlainDownloads } from "./plain_boot.js";
import { restoreSnapshot } from "./restore.js";
import { step } from "./step.js";

// formats/python_boot.v1.schema.json; sitebuild/boot/boot_files.py writes this version.
const BOOT_MANIFEST_VERSION = 1;

/** Starts Python with numpy and the harness importable; resolves with {pyodide,
 *  fromSnapshot, installRemainingFiles}. installRemainingFiles() fetches the files Python did
 *  not need to reach this point (the standard library, the rest of numpy) and writes them; an
 *  import that needs them before then fetches them at once. */
export async function startPython(host) {
  const manifest = step("could not download Python's boot files", async () => {
    const boot = JSON.parse(new TextDecoder().decode(join(await host.read(host.manifest))));
    if (boot.version !== BOOT_MANIFEST_VERSION) throw new Error(`python-boot.json has format version ${boot.version}, this page reads version ${BOOT_MANIFEST_VERSION}: reload the page`);
    return boot;
  });
  const libraries = step("could not load numpy", async () => unpackFiles(await readZstd(host, (await manifest).libraries)));
  const otherFiles = lazily(() => step("could not load numpy", async () => unpackFiles(await readZstd(host, (await manifest).otherFiles))));
  const snapshotDownload = new AbortController(); // the snapshot is not worth finishing once it cannot be used
  const snapshot = manifest.then((boot) => readZstd(host, boot.snapshot, snapshotDownload.signal));
  for (const download of [manifest, libraries, snapshot]) download.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
  // The downloads are asked for before Pyodide's scripts load: importScripts holds this thread
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
  const pyodide = await bootPlainly(host, await manifest, libraries, otherFiles, await startPlainDownloads(host, await manifest));
  return { pyodide, fromSnapshot: false, installRemainingFiles: async () => {} };
}

function lazily(start) {
  let started = null;
  return () => (started ??= start());
}
