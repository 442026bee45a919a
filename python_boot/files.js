/* Files written into Python's file system, and the packs they arrive in. */

import { decodeZstd, join } from "./decode.js";

// What importlib.invalidate_caches() does for the folders and zips on sys.path, without the
// import of importlib.metadata it also makes (seconds in WebKit, measured 3-4 s): the finders
// forget the listings they read before the new files were written (a finder left as None, e.g.
// for the empty standard-library zip, is dropped so that the real zip gets one).
const FORGET_FOLDER_LISTINGS = `
import sys
from importlib import _bootstrap_external
for path, finder in list(sys.path_importer_cache.items()):
    if finder is None or not path.startswith("/"):
        del sys.path_importer_cache[path]
    elif hasattr(finder, "invalidate_caches"):
        finder.invalidate_caches()
_bootstrap_external._NamespacePath._epoch += 1
if "importlib.metadata" in sys.modules:
    sys.modules["importlib.metadata"].MetadataPathFinder.invalidate_caches()
`;

/** Until the remaining files are written, an import that Python cannot satisfy from memory
 *  (a standard-library module the snapshot lacks, numpy.random...) writes them first: a finder
 *  placed first in sys.meta_path does that, synchronously, and then lets the import go on. */
export function remainingFilesInstaller(host, pyodide, manifest, otherFiles) {
  let installed = false;
  const install = (stdlib, files) => {
    if (installed) return;
    installed = true;
    pyodide.FS.writeFile(manifest.stdlib.path, stdlib);
    writeFiles(pyodide._module, manifest.sitePackages, files);
    const scope = pyodide.toPy({}); // not __main__'s names
    pyodide.runPython(FORGET_FOLDER_LISTINGS, { globals: scope });
    scope.destroy();
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

export function writeFiles(Module, folder, files) {
  for (const [path, bytes] of files) writeFile(Module, `${folder}/${path}`, bytes);
}

export function writeFile(Module, path, bytes) {
  Module.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
  Module.FS.writeFile(path, bytes);
}

/** A pack (sitebuild/boot/boot_files.py): the length of a JSON index [[path, bytes]...], the index,
 *  then the files' bytes one after the other. */
export function unpackFiles(pack) {
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

