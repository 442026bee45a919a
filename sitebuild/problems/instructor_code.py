"""Runs a problem's instructor code (tests.py, solution.py, mistakes/*.py, starter.py) in a
child process, sitebuild/problems/compute_suite.py, and gets back the problem's Suite.

Instructor code is arbitrary Python run at build time: it may loop for ever (in Python or
inside C code), end the process, or exhaust memory. One child per problem runs all of it;
before each piece (reading tests.py, loading a file, one call on one case) the child
announces a step with its time limit, and the step that overruns is stopped here, by killing
the child, and reported as a BuildError naming the file, what it was doing, and the fix. The
children of several problems run side by side.
"""

import sys
from pathlib import Path

import harness
from base.child_process import START_LIMIT_SECONDS, ChildEnded, ChildOverran, PythonChild

from base.errors import BuildError
from base.paths import REPO, shown

CHILD = Path(__file__).parent / "compute_suite.py"
CRASH_FIX = "find what ends Python there and take it out (os.kill, a signal, a crash inside C code or ctypes)"


class SuiteComputation:
    """One problem's child process, started at once; .suite() waits for its answer."""

    def __init__(self, folder, signature, given):
        """`given`: a Suite holding the function's name and the statement's examples."""
        self.folder = folder
        self.child = PythonChild(["-m", "sitebuild.problems.compute_suite"], cwd=REPO, python_path=REPO)
        self.child.send({"folder": str(folder), "signature": signature, "given": given.to_json()})

    def suite(self):
        """The Suite; a BuildError if the folder is at fault (a step overran, raised or crashed)."""
        step = None
        try:
            for answer in self.child.answers(START_LIMIT_SECONDS, lambda answer: answer["step"]["limit"] if "step" in answer else None):
                if "step" in answer:
                    step = answer["step"]
                elif "warning" in answer:
                    print(f"Warning: {BuildError(**answer['warning'])}", file=sys.stderr, flush=True)
                elif "tests_json" in answer:
                    return harness.Suite.from_json(answer["tests_json"])
                elif "error" in answer:
                    raise BuildError(**answer["error"])
                else:
                    during = f" at {step['where']}" if step else ""
                    raise RuntimeError(f"The build failed{during}; this is a bug in the kit, not in the problem folder.\n{answer['kit_error']}")
        except ChildOverran:
            raise self._overran(step) from None
        except ChildEnded as ended:
            raise self._ended(step, str(ended)) from None
        finally:
            self.stop()

    def stop(self):
        self.child.close()

    def _overran(self, step):
        if step is None:
            return BuildError(
                shown(CHILD), f"the build's Python process for {shown(self.folder)} did not start within {START_LIMIT_SECONDS} s", "try again when the machine is less busy"
            )
        return BuildError(step["where"], f"it did not finish within {step['limit']:g} s when {step['doing']}", step["fix"])

    def _ended(self, step, how):
        if step is None:
            return BuildError(shown(CHILD), f"the build's Python process for {shown(self.folder)} ended as it started ({how})", "run `make setup`, then build again")
        return BuildError(step["where"], f"it ended the build's Python process ({how}) when {step['doing']}", CRASH_FIX)
