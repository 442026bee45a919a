// `make check`, browser half: grades each problem's reference solution with the harness
// wheel inside Pyodide (Node runs the same runtime, numpy and harness the site ships, and
// boots them as the worker does), since numpy versions and float behaviour can differ from CPython.
// stdin: {site, snapshot, bytecode, problems: [{slug, solution}]} (snapshot and bytecode: file names in site/pyodide/); stdout: [{slug, tests: results, examples: results}].
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { loadPyodide } = require("pyodide");

async function main() {
  const { site, snapshot: snapshotName, bytecode, problems } = JSON.parse(fs.readFileSync(0, "utf8"));
  const runtime = path.join(site, "pyodide") + path.sep;
  const snapshot = zlib.gunzipSync(fs.readFileSync(path.join(runtime, snapshotName)));
  const pyodide = await loadPyodide({ indexURL: runtime, _loadSnapshot: snapshot, stdout: () => {}, stderr: () => {} });
  const assets = path.join(site, "assets");
  const wheel = fs.readdirSync(assets).find((name) => name.startsWith("harness-") && name.endsWith(".whl"));
  await pyodide.loadPackage(["numpy", path.join(assets, wheel)], { messageCallback: () => {} });
  pyodide.unpackArchive(new Uint8Array(fs.readFileSync(path.join(runtime, bytecode))), "zip", { extractDir: "/" });
  const entry = pyodide.pyimport("harness.entry");
  entry.start();
  const graded = problems.map(({ slug, solution }) => {
    const suiteJson = fs.readFileSync(path.join(site, "problems", slug, "tests.json"), "utf8");
    const grade = (which) => JSON.parse(entry.grade(suiteJson, solution, which));
    return { slug, tests: grade("tests"), examples: grade("examples") };
  });
  process.stdout.write(JSON.stringify(graded));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
});
