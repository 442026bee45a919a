"""Calls learner code so that nothing it changes outlives its run, and nothing it changes in
the modules the harness uses outlives the call.

Learner code runs in the same interpreter as the harness, and one interpreter serves many
runs (the browser's worker, CPython's grading process, a regrading tool grading many
learners' submissions in turn). So the grading of one submission is one `isolated_run()`,
as is each console entry (harness/console.py), and every call into learner code (loading
the file, each test's call, the entry) goes through `call_isolated`. When the run starts it takes the state below as its record; after every
call the harness puts it back before it compares anything; when the run ends all of it is
as the record says, so every run starts from the same state. The record is made by
construction, not from a list: every module loaded, and every class they hold.

Put back after every call, so the harness's own work never sees a change:
- every attribute of every module in `sys.modules` when the run started: numpy and all its
  submodules, the standard library (builtins included), the harness, everything; changed or
  deleted attributes come back, added ones go away (module_state.py);
- every attribute of every class that is an attribute of one of those modules and can be
  changed at all: pure-Python classes (`json.JSONEncoder.default`, `fractions.Fraction.__add__`,
  `abc.ABCMeta.__instancecheck__`); built-in and numpy's C types cannot be changed;
- `sys.modules` itself: replaced or deleted entries come back, and entries put there other
  than by importing go away;
- modules first imported during the run, as their import left them: they stay loaded, but a
  run that imports `fractions` and patches it leaves the next run no patch;
- `sys.stdout` and `sys.stderr`; a trace or profile function (`sys.settrace`, `sys.setprofile`);
  the recursion limit, the int-to-str digit limit, `warnings` filters and numpy's print
  options (settings.py); and every context variable, numpy's error handling (`np.seterr`)
  and decimal's current context among them: learner calls run in the run's own
  `contextvars.Context`.
Put back when the run ends, since only a later run could notice them (settings.py): the
working directory, `sys.path`, `sys.meta_path`, `sys.path_hooks`, `os.environ`, the states of
`random` and `np.random`, the garbage collector's settings and callbacks, signal handlers and
interval timers, the locale, logging's loggers (levels, handlers, filters) and decimal's
template contexts (`decimal.DefaultContext`).

Within one run, settings flow as in a program run once: what the file's top level sets
(np.seterr, np.set_printoptions, a seed, a warnings filter, the recursion limit) is in force
in its tests, each test seeing what the previous one left, while the harness's work in
between sees the record's. A replaced module or class attribute, by contrast, lasts only
until the call that replaced it returns. The learner's own namespace is emptied when the
run ends, so the objects it holds are freed (and their finalizers run) inside the run.

During a learner call, `os._exit()` raises instead of ending the process (in the browser:
the whole runtime), so it becomes a verdict like sys.exit(); and `sys.addaudithook()`
refuses, because an audit hook can never be removed.

Not put back: changes inside objects other than the settings above, such as an item put in
a dict or list a module holds (`copy._deepcopy_dispatch`), attributes of instances, of
functions (`__code__`, `__defaults__`) and of classes nested in classes; a module attribute
renamed while its value stays last in its module (keys are compared only when a run ends);
files written or deleted; threads the code started (in the browser Python cannot start any)
and `atexit` functions; `sys.monitoring` tools; finalizers of learner objects that only the
cycle collector frees, which may run later.

This protects verdicts and later runs from accidents and sloppy code, not from a learner who
wants to fake a verdict: the grading runs in the learner's own browser, where they can
change anything.
"""

import contextlib
import contextvars
import os
import sys

import numpy as np

from .module_state import ModuleState, attempt
from .settings import SETTINGS, loaded_settings, same

PLAIN_SCALAR_TYPES = frozenset({type(None), bool, int, float, complex, str, *np.sctypeDict.values()})
PLAIN_ARRAY_KINDS = "biufcmMSU"  # every dtype but objects and structured records
PLAIN_CONTAINER_ITEMS = 1000


class _Runs:
    """The open run, and the process's ModuleState. Attributes of an object, not module
    globals: a run puts every module global back as it recorded it."""

    run = None
    modules = None


RUNS = _Runs()


class OsExitCalled(SystemExit):
    """Raised in place of os._exit(), which would otherwise end the process at once."""


def _raise_os_exit(status):
    raise OsExitCalled(status)


def _refuse_audit_hook(hook):
    raise RuntimeError(
        "sys.addaudithook() is turned off here: a hook can never be removed, so it would stay for every later run."
    )


@contextlib.contextmanager
def isolated_run():
    """One run: the learner calls made inside share its settings, and it ends with everything
    as it was when it started. Nested, it joins the run already open."""
    if RUNS.run is not None:
        yield RUNS.run
        return
    run = RUNS.run = IsolatedRun()
    try:
        yield run
    finally:
        RUNS.run = None
        run.close()


def call_isolated(function, *args):
    """Returns (value, None) if learner code `function(*args)` returns, (None, error) if it
    raises anything; afterwards everything the harness relies on is as the run recorded it."""
    with isolated_run() as run:
        return run.call(function, args, as_learner=True)


def examine_returned(value, function, *args):
    """(function(*args), None), or (None, error) if it raised: for harness code that inspects
    `value`, something learner code returned. Unless `value` is plain data (numbers, text,
    numeric arrays, small lists of those), inspecting it may call the learner's own methods
    (`__float__`, `__repr__`, `__len__`, `__array__`), so the call is isolated like learner code."""
    if is_plain_data(value):
        try:
            return function(*args), None
        except Exception as error:  # noqa: BLE001 - a strange value must still get a verdict
            return None, error
    with isolated_run() as run:
        return run.call(function, args, as_learner=False)


def is_plain_data(value, depth=0):
    """Whether looking at `value` can run no learner code."""
    kind = type(value)
    if kind in PLAIN_SCALAR_TYPES:
        return True
    if kind is np.ndarray:
        return value.dtype.kind in PLAIN_ARRAY_KINDS
    if kind in (list, tuple) and depth < 2 and len(value) <= PLAIN_CONTAINER_ITEMS:
        return all(is_plain_data(item, depth + 1) for item in value)
    return False


class IsolatedRun:
    """The grading of one submission: its record of the state, its contextvars.Context, and the
    settings its learner calls carry from one call to the next."""

    def __init__(self):
        self.context = contextvars.copy_context()
        decimal = sys.modules.get("decimal")
        if decimal:  # a fresh current context, not one shared with the host's
            self.context.run(decimal.setcontext, decimal.Context())
        self.settings = loaded_settings(sys.modules)
        self.baseline = [setting.read() for setting in self.settings]
        self.carried = {}  # position in self.settings -> the value learner code left it at
        self.recursion_limit = sys.getrecursionlimit()
        self.carried_recursion_limit = None
        self.trace, self.profile = sys.gettrace(), sys.getprofile()
        if RUNS.modules is None:
            RUNS.modules = ModuleState()
        self.modules = RUNS.modules
        self.modules.start_run(on_import=self._imported)

    def call(self, function, args, as_learner):
        # Everything the clean-up below uses is taken now: during the call, learner code may
        # replace any module attribute, builtins included.
        gettrace, settrace, getprofile, setprofile = sys.gettrace, sys.settrace, sys.getprofile, sys.setprofile
        getrecursionlimit, setrecursionlimit = sys.getrecursionlimit, sys.setrecursionlimit
        put_back_essential, put_back = self.modules.put_back_essential, self.modules.put_back
        output = sys.stdout, sys.stderr
        os_namespace, os_exit = vars(os), os._exit
        if as_learner:
            self._apply_carried_settings()
            os._exit = _raise_os_exit
            sys.addaudithook = _refuse_audit_hook
        context = self.context if as_learner else contextvars.copy_context()
        try:
            return context.run(function, *args), None
        except BaseException as error:  # noqa: BLE001 - any failure of learner code becomes a verdict
            return None, error
        finally:
            if getprofile() is not self.profile:  # first: until then, a learner's profile or trace function may run
                setprofile(self.profile)
            if gettrace() is not self.trace:
                settrace(self.trace)
            limit = getrecursionlimit()
            setrecursionlimit(self.recursion_limit)
            put_back_essential()
            os_namespace["_exit"] = os_exit  # sys.addaudithook is put back with the rest of sys
            changed = self._changed_settings()
            put_back()
            self._settle_settings(changed, limit if as_learner else None)
            sys.stdout, sys.stderr = output

    def close(self):
        self.modules.end_run()
        for setting, value in zip(self.settings, self.baseline):
            attempt(setting.write, value)

    def _apply_carried_settings(self):
        if self.carried_recursion_limit is not None:
            attempt(sys.setrecursionlimit, self.carried_recursion_limit)
        for position, value in self.carried.items():
            attempt(self.settings[position].write, value)

    def _changed_settings(self):
        """The settings restored after every call that the call changed: position -> value."""
        changed = {}
        for position, setting in enumerate(self.settings):
            if setting.after_every_call:
                try:
                    value = setting.read()
                except Exception:  # noqa: BLE001 - its functions were replaced: put_back restores them
                    continue
                if not same(value, self.baseline[position]):
                    changed[position] = value
        return changed

    def _settle_settings(self, changed, recursion_limit):
        """Puts back the `changed` settings; after a learner call (`recursion_limit` is what it
        left), keeps them for the run's next learner calls."""
        for position in changed:
            attempt(self.settings[position].write, self.baseline[position])
        if recursion_limit is not None:
            self.carried = changed
            self.carried_recursion_limit = None if recursion_limit == self.recursion_limit else recursion_limit

    def _imported(self, names):
        """Modules imported during the run bring their settings (np.random's state): recorded as the import left them."""
        for setting in SETTINGS:
            if setting.module in names and setting not in self.settings:
                self.settings.append(setting)
                self.baseline.append(setting.read())
