/* Files written into Python's file system, and the packs they arrive in. */

import { decodeZstd, join } from "./decode.js";

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

