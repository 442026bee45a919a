// Hand-in files: the learner's code with a header of comment lines (Python ignores them) that
// says which problem it is for, which kit and tests, when it was saved, and what the page
// showed on its last run of the tests on this very code. grading/handin.py reads the header
// back when an instructor regrades (`build.py grade`), with the format described there; both
// take the header's first and last lines and its version from formats/handin_header.json.

import HEADER from "../../formats/handin_header.json" with { type: "json" };

export function handInFileName(slug) {
  return `${slug.replaceAll("-", "_")}.py`;
}

/** The file's text. `lastRun` is {code, tests: [{name, status}]} of the last run of the hidden
 *  tests, or null; its results are claimed only if it ran this very code. */
export function handInText({ slug, code, kitVersion, testsDigest, lastRun, savedAt = new Date() }) {
  const body = withoutHeader(code);
  const lines = [HEADER.start, `# format: ${HEADER.version}`, `# problem: ${slug}`, `# kit: ${kitVersion}`, `# tests: ${testsDigest}`, `# saved: ${savedAt.toISOString()}`];
  if (lastRun && withoutHeader(lastRun.code) === body) {
    const passed = lastRun.tests.filter((test) => test.status === "passed").length;
    lines.push(`# browser results: ${passed} of ${lastRun.tests.length} passed (as seen in the browser, not a grade)`);
    lastRun.tests.forEach((test, index) => lines.push(`# test ${index + 1}: ${test.status} | ${oneLine(test.name)}`));
  } else {
    lines.push("# browser results: none (the tests were not run on this code)");
  }
  return [...lines, HEADER.end, body].join("\n");
}

/** Offers `blob` as a download named `name`. */
export function saveFile(name, blob) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** Code that was itself a hand-in file (pasted back in) keeps one header: the new one. */
function withoutHeader(code) {
  if (!code.startsWith(HEADER.start)) return code;
  const end = code.indexOf(HEADER.end);
  return end < 0 ? code : code.slice(end + HEADER.end.length).replace(/^\n/, "");
}

function oneLine(text) {
  return text.replace(/\s+/g, " ");
}
