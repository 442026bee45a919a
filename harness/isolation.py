"""Calls learner code so that nothing it changes outlives the call.

Learner code runs in the same interpreter as the harness, so it can reassign `np.isclose`,
`builtins.float` or `sys.stdout`, or delete entries of `sys.modules`. Every call into it
(loading the file, each test's call, each console entry) goes through `call_isolated`, which puts those
back afterwards: the harness then compares results on pristine modules, and each test
starts from the same environment. During the call `os._exit()` raises instead of ending
the process (in the browser: the whole runtime), so it becomes a verdict like sys.exit().

This protects verdicts from accidents and sloppy code, not from a learner who wants to fake
them: the grading runs in the learner's own browser, where they can change anything.
"""

import builtins
import contextlib
import copy
import difflib
import json
import linecache
import math
import numbers
import os
import sys
import traceback
from types import ModuleType

import numpy as np

# The modules whose attributes the harness (and the worker that turns its results into
# JSON) looks up; the modules of RESTORED_PACKAGES are added to them at each call.
RELIED_ON_MODULES = (builtins, sys, os, math, numbers, copy, json, traceback, linecache, difflib, contextlib, np)
# Packages whose every loaded module is restored: the harness's own, and numpy's submodules
# (np.linalg, np.random, ...), which learner code calls and may reassign (`np.linalg.norm = ...`).
RESTORED_PACKAGES = ("harness", "numpy")


class OsExitCalled(SystemExit):
    """Raised in place of os._exit(), which would otherwise end the process at once."""


def _raise_os_exit(status):
    raise OsExitCalled(status)


def call_isolated(function, *args):
    """Returns (value, None) if `function(*args)` returns, (None, error) if it raises anything.

    Afterwards every entry the call changed or removed in `sys.modules` or in the
    attributes of the modules the harness relies on is put back. Entries it added stay:
    the harness never looks one up, and removing them would unload modules the learner
    imported.
    """
    saved = [(namespace, dict(namespace)) for namespace in _namespaces_relied_on()]
    os._exit = _raise_os_exit
    try:
        return function(*args), None
    except BaseException as error:  # noqa: BLE001 - any failure of learner code becomes a verdict
        return None, error
    finally:
        # Uses no builtin and no module attribute, so it works whatever the call replaced.
        for namespace, entries in saved:
            namespace.update(entries)


def _namespaces_relied_on():
    package_modules = [
        module
        for name, module in sys.modules.items()
        if name.partition(".")[0] in RESTORED_PACKAGES and isinstance(module, ModuleType)
    ]
    return [sys.modules, *(vars(module) for module in (*RELIED_ON_MODULES, *package_modules))]
