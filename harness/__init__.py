"""Grades a learner's submission against a problem's named test cases.

The same package runs in CPython (build time and pytest) and in Pyodide (the browser
worker installs it as a wheel), so a verdict never depends on where it was
computed.
"""

from .cases import Case, Suite
from .grader import grade

__all__ = ["Case", "Suite", "grade"]
__version__ = "0.1.0"
