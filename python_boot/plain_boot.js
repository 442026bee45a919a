/* The plain boot (see start.js), for when the restore does not match. */

import { readZstd } from "./decode.js";
import { unpackFiles, writeFiles } from "./files.js";
import { PACKAGE_CHANNEL } from "./restore.js";
import { step } from "./step.js";

/** Asks for the two files only the plain boot reads (startPython does so once the restore has
 *  failed); each resolves with its contents, or undefined when it could not be had. */
export function startPlainDownloads(host, manifest) {
  const optional = (download) => download.catch((error) => host.warn(`the plain boot goes on without one of its files (slower): ${error.message}`));
  return {
    snapshot: optional(readZstd(host, manifest.plainBoot.snapshot)),
    bytecode: optional(readZstd(host, manifest.plainBoot.bytecode).then(unpackFiles)),
  };
}

/** The plain boot: Pyodide restores its own snapshot of Python just started (made by the same
 *  build, before any import), numpy's and the harness's files and their bytecode are written
 *  into site-packages, and numpy's libraries are compiled and loaded as Pyodide's loadPackage
 *  does (asynchronously: Python's import would compile them blocking). The two files only this
 *  boot fetches may be missing (offline, if no visit fetched them before): Python then starts
 *  and compiles the modules itself, slower. */
export async function bootPlainly(host, manifest, libraries, otherFiles, { snapshot, bytecode }) {
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

