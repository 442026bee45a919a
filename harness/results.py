"""The results format, as code: the one Python place that builds results. static/results.js
is the one JavaScript place; both build the same fields, described by
formats/results.v1.schema.json.

A run's results: {"version", "status", "message", "line", "output", "hint", "hints", "tests": [test results]}
  version  RESULTS_FORMAT_VERSION, the schema's version
  status   "passed" (every test passed) | "failed" | "error" (the code could not be loaded,
           or the host stopped Python: then "message" and "line" say why)
  output   what the learner's file printed while loading (capped)
  hints    what the run's results suggest (harness.hints), each {"kind", "text"}: a known mistake
           they match, or one that explains some tests, the signature, a parameter the results
           ignore, a near miss, an overflow, a package the page lacks; kinds in harness.hints
  hint     the texts of `hints` joined into one, or None when there are none
A test's result: {"name", "status", "message", "output", "line", "got"}
  status   "passed" | "failed" | "error", set by the harness; "timeout" | "not-run", set by the
           host (the page, or grading/ in CPython) when it had to stop a run that never ended
  message  why it did not pass (None when it passed); line: the editor line it blames, or None
  got      a readable form of what the function returned (None if it raised or did not run)
"""

PASSED = "passed"
FAILED = "failed"
ERROR = "error"
TIMEOUT = "timeout"
NOT_RUN = "not-run"
TEST_STATUSES = (PASSED, FAILED, ERROR, TIMEOUT, NOT_RUN)
RESULTS_FORMAT_VERSION = 1


def result_of_test(name, status, message=None, output="", line=None, got=None):
    return {"name": name, "status": status, "message": message, "output": output, "line": line, "got": got}


def results_of_run(status, tests, message=None, line=None, output="", hints=()):
    hint = " ".join(entry["text"] for entry in hints) or None
    return {"version": RESULTS_FORMAT_VERSION, "status": status, "message": message, "line": line, "output": output, "hint": hint, "hints": list(hints), "tests": tests}
