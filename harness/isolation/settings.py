"""Process-wide settings that code changes by calling a library, not by assigning a module
attribute: warnings filters, numpy's print options, the working directory, random seeds,
and so on. A module's namespace can be recorded and put back as data (module_state.py);
these live inside the interpreter or inside objects, so each is read and written through
its own functions. (The recursion limit and trace and profile functions are put back by
isolation.py itself, first, before any other code of the harness runs.)

Each Setting is put back either after every call into learner code, because the harness's
own work between calls depends on it (an "error" warnings filter would turn a warning in its
comparisons into an exception), or once at the end of the run, because only a later run
could notice it.
"""

import gc
import locale
import os
import random
import signal
import sys
import warnings
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Setting:
    name: str
    read: object  # () -> the current value, as plain data
    write: object  # (value) -> None
    after_every_call: bool
    module: str = None  # the setting exists only while this module is loaded


def _write_warnings_filters(filters):
    warnings.filters[:] = filters
    warnings._filters_mutated()  # so that warnings already shown once are judged afresh


def _write_list(name):
    def write(values):
        getattr(sys, name)[:] = values

    return write


def _write_environment(variables):
    for name in [name for name in os.environ if name not in variables]:
        del os.environ[name]
    for name, value in variables.items():
        if os.environ.get(name) != value:
            os.environ[name] = value


def _read_garbage_collector():
    return gc.isenabled(), gc.get_threshold(), gc.get_debug(), list(gc.callbacks)


def _write_garbage_collector(state):
    enabled, threshold, debug, callbacks = state
    gc.enable() if enabled else gc.disable()
    gc.set_threshold(*threshold)
    gc.set_debug(debug)
    gc.callbacks[:] = callbacks


TIMERS = [getattr(signal, name) for name in ("ITIMER_REAL", "ITIMER_VIRTUAL", "ITIMER_PROF") if hasattr(signal, "setitimer")]


def _read_signals():
    handlers = {number: signal.getsignal(number) for number in signal.valid_signals()}
    return handlers, [signal.getitimer(timer) for timer in TIMERS]


def _write_signals(state):
    handlers, timers = state
    for number, handler in handlers.items():
        if handler is not None and signal.getsignal(number) is not handler:  # None: set outside Python, cannot be set back
            signal.signal(number, handler)
    for timer, (delay, interval) in zip(TIMERS, timers):
        signal.setitimer(timer, delay, interval)


def _numpy_random():
    return sys.modules["numpy.random"]


def _read_loggers():
    logging = sys.modules["logging"]
    manager = logging.Logger.manager
    loggers = [logging.root, *(logger for logger in manager.loggerDict.values() if isinstance(logger, logging.Logger))]
    return manager.disable, dict(manager.loggerDict), [
        (logger, logger.level, list(logger.handlers), list(logger.filters), logger.propagate, logger.disabled) for logger in loggers
    ]


def _write_loggers(state):
    manager = sys.modules["logging"].Logger.manager
    disable, logger_dict, loggers = state
    manager.disable = disable
    manager.loggerDict.clear()
    manager.loggerDict.update(logger_dict)
    for logger, level, handlers, filters, propagate, disabled in loggers:
        logger.level, logger.handlers[:], logger.filters[:] = level, handlers, filters
        logger.propagate, logger.disabled = propagate, disabled
    manager._clear_cache()


DECIMAL_TEMPLATES = ("DefaultContext", "BasicContext", "ExtendedContext")  # new contexts copy DefaultContext
DECIMAL_FIELDS = ("prec", "rounding", "Emin", "Emax", "capitals", "clamp")


def _read_decimal_templates():
    decimal = sys.modules["decimal"]
    return [
        [*(getattr(template, field) for field in DECIMAL_FIELDS), dict(template.flags), dict(template.traps)]
        for template in (getattr(decimal, name) for name in DECIMAL_TEMPLATES)
    ]


def _write_decimal_templates(values):
    decimal = sys.modules["decimal"]
    for name, (*fields, flags, traps) in zip(DECIMAL_TEMPLATES, values):
        template = getattr(decimal, name)
        for field, value in zip(DECIMAL_FIELDS, fields):
            setattr(template, field, value)
        template.flags.update(flags)
        template.traps.update(traps)


SETTINGS = [
    Setting("sys.set_int_max_str_digits", sys.get_int_max_str_digits, sys.set_int_max_str_digits, True),
    Setting("warnings filters", lambda: list(warnings.filters), _write_warnings_filters, True),
    Setting("np.set_printoptions", np.get_printoptions, lambda options: np.set_printoptions(**options), True),
    Setting("the working directory", os.getcwd, os.chdir, False),
    Setting("sys.path", lambda: list(sys.path), _write_list("path"), False),
    Setting("sys.meta_path", lambda: list(sys.meta_path), _write_list("meta_path"), False),
    Setting("sys.path_hooks", lambda: list(sys.path_hooks), _write_list("path_hooks"), False),
    Setting("os.environ", lambda: dict(os.environ), _write_environment, False),
    Setting("random's state", random.getstate, random.setstate, False),
    Setting(
        "np.random's state",
        lambda: _numpy_random().get_state(legacy=False),
        lambda state: _numpy_random().set_state(state),
        False,
        module="numpy.random",
    ),
    Setting("the garbage collector", _read_garbage_collector, _write_garbage_collector, False),
    Setting("signal handlers and timers", _read_signals, _write_signals, False),
    Setting("the locale", lambda: locale.setlocale(locale.LC_ALL), lambda name: locale.setlocale(locale.LC_ALL, name), False),
    Setting("logging's loggers", _read_loggers, _write_loggers, False, module="logging"),
    Setting("decimal's template contexts", _read_decimal_templates, _write_decimal_templates, False, module="decimal"),
]


def loaded_settings(module_names):
    """The settings that exist while the modules `module_names` are loaded."""
    return [setting for setting in SETTINGS if setting.module is None or setting.module in module_names]


def same(first, second):
    """Whether two read values are the same setting, comparing any object by identity (so a
    learner's object is never asked whether it equals anything)."""
    if first is second:
        return True
    kind = type(first)
    if kind is not type(second):
        return False
    if kind in (tuple, list):
        return len(first) == len(second) and all(map(same, first, second))
    if kind is dict:
        return first.keys() == second.keys() and all(same(value, second[key]) for key, value in first.items())
    return kind in (int, float, str, bytes, bool) and first == second
