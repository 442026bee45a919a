// Lets the build's Node scripts use python_boot/, the worker's own boot code (bundled
// here by esbuild, as the build bundles it into worker.js), and gives it a host that reads the
// files of a built site's runtime folder from disk.
const fs = require("fs");
const path = require("path");
const esbuild = require("esbuild");

const PYTHON_BOOT = path.join(__dirname, "..", "..", "python_boot");
// What the scripts use of it: the boot, and the linking and snapshot-header halves the build's own snapshot needs.
const EXPORTS = 'export * from "./start.js"; export * from "./restore.js"; export * from "./snapshot_header.js";';

function loadPythonBoot() {
  const { outputFiles } = esbuild.buildSync({ stdin: { contents: EXPORTS, resolveDir: PYTHON_BOOT }, bundle: true, format: "cjs", platform: "node", write: false, logLevel: "warning" });
  const module = { exports: {} };
  new Function("module", "exports", "require", outputFiles[0].text)(module, module.exports, require);
  return module.exports;
}

/** A host for startPython (see python_boot/start.js) that reads `runtimeDir` (a site's pyodide/). */
function nodeHost(runtimeDir, manifest, warnings) {
  const indexURL = path.resolve(runtimeDir) + path.sep;
  const readSync = (name) => new Uint8Array(fs.readFileSync(path.join(indexURL, name)));
  return {
    indexURL,
    manifest,
    read: async (name) => [readSync(name)],
    readSync,
    loadRuntime: async () => {
      require(path.join(indexURL, "pyodide.js"));
      require(path.join(indexURL, "pyodide.asm.js"));
    },
    stdLibURL: path.join(indexURL, "python_stdlib.zip"), // Node has no use for an empty stand-in
    warn: (message) => warnings.push(message),
    stdout: () => {}, // stdout carries the scripts' answers
    stderr: () => {},
  };
}

module.exports = { loadPythonBoot, nodeHost };
