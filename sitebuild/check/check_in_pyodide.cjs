// `make check`, browser half: grades each problem's reference solution with the harness inside
// Pyodide (Node runs the same runtime, numpy and harness the site ships, and boots them with the
// worker's own boot code, from the same snapshot), since numpy versions and float behaviour can
// differ from CPython. A snapshot that does not restore fails the check: the page would fall
// back to the slow boot.
// stdin: {site, bootManifest, problems: [{slug, solution}]} (bootManifest: a file name in site/pyodide/);
// stdout: [{slug, tests: results, examples: results}].
const fs = require("fs");
const path = require("path");
const { loadPythonBoot, nodeHost } = require("../boot/python_boot_in_node.cjs");

async function main() {
  const { site, bootManifest, problems } = JSON.parse(fs.readFileSync(0, "utf8"));
  const warnings = [];
  const python = await loadPythonBoot().startPython(nodeHost(path.join(site, "pyodide"), bootManifest, warnings));
  if (!python.fromSnapshot) throw new Error(warnings.join("\n"));
  await python.installRemainingFiles();
  const entry = python.pyodide.pyimport("harness.entry");
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
