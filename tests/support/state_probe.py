"""A correct contrastive_loss that also prints what the Python it runs in looks like: the
settings a run can change, and a digest of every module's attributes. The corpus tests run it
before and after each submission, in the same Python (tests/cross_run_state.py reads what it
printed): any difference is something one run left to the next.

The output of one test is capped, so each test prints one part: the settings and random
draws, then the module digests in three slices."""

import decimal
import gc
import hashlib
import json
import locale
import logging
import os
import random
import signal
import sys
import types
import warnings

import numpy as np

PARTS = 4
MODULE_SLICES = PARTS - 1


def contrastive_loss(x1, x2, label, margin=1.0):
    part = len(PRINTED)
    PRINTED.append(part)
    print(f"STATE {part} " + json.dumps(state_part(part), sort_keys=True, separators=(",", ":")))
    distance = np.linalg.norm(np.asarray(x1, dtype=float) - np.asarray(x2, dtype=float), axis=1)
    label = np.asarray(label, dtype=float)
    return float(np.mean(label * distance**2 + (1 - label) * np.maximum(0.0, margin - distance) ** 2))


PRINTED = []


def state_part(part):
    if part == 0:
        return {"settings": settings(), "draws": [random.random(), float(np.random.random())], "learner objects": learner_objects()}
    digests = module_digests()
    names = sorted(digests)
    return {name: digests[name] for name in names[part - 1 :: MODULE_SLICES]}


def settings():
    root = logging.getLogger()
    context = decimal.getcontext()
    return {
        "np.geterr": np.geterr(),
        "np.geterrcall": describe(np.geterrcall()),
        "np.get_printoptions": {key: describe(value) for key, value in np.get_printoptions().items()},
        "recursion limit": sys.getrecursionlimit(),
        "int max str digits": sys.get_int_max_str_digits(),
        "warnings filters": [
            [action, getattr(message, "pattern", message), describe(category), getattr(module, "pattern", module), line]
            for action, message, category, module, line in warnings.filters
        ],
        "cwd": os.getcwd(),
        "sys.path": sys.path,
        "sys.meta_path": [describe(finder) for finder in sys.meta_path],
        "sys.path_hooks": [describe(hook) for hook in sys.path_hooks],
        "os.environ": digest(sorted(os.environ.items())),
        "trace and profile": [describe(sys.gettrace()), describe(sys.getprofile())],
        "gc": [gc.isenabled(), gc.get_threshold(), gc.get_debug(), len(gc.callbacks)],
        "signals": digest([(number, describe(signal.getsignal(number))) for number in sorted(signal.valid_signals())]),
        "locale": locale.setlocale(locale.LC_ALL),
        "decimal": [context.prec, context.rounding, decimal.DefaultContext.prec],
        "logging": [root.level, len(root.handlers), logging.Logger.manager.disable],
        "stdout": [describe(sys.stdout), describe(sys.stderr)],
    }


def learner_objects():
    """Where a module or class holds something a learner's file made (a function, a class or
    one of its instances), as "module.attribute"."""
    found = []
    for module_name, module in namespaces_of_modules():
        for key, value in module.items():
            if made_by_a_learner(value):
                found.append(f"{module_name}.{key}")
            if isinstance(value, type) and not value.__flags__ & (1 << 8):
                found += [f"{module_name}.{key}.{name}" for name, item in vars(value).items() if made_by_a_learner(item)]
    return sorted(set(found))


def made_by_a_learner(value):
    function = getattr(value, "__func__", value)
    code = getattr(function, "__code__", None) if isinstance(function, types.FunctionType) else None
    if code is not None:
        return code.co_filename == "<editor>"
    kind = value if isinstance(value, type) else type(value)
    return kind.__module__ == "__main__"


def module_digests():
    """Per module, a digest of its attribute names and what each one is (by name, so that it
    is the same in every Python process, not by address). Submodules are left out: importing
    one binds it to its parent, and a run's imports may stay."""
    return {
        name: digest(sorted((key, describe(value)) for key, value in namespace.items() if not is_submodule(value, name, key)))
        for name, namespace in namespaces_of_modules()
    }


def is_submodule(value, parent, key):
    return isinstance(value, types.ModuleType) and value.__name__ == f"{parent}.{key}"


def namespaces_of_modules():
    return [
        (name, dict(vars(module)))
        for name, module in sorted(sys.modules.items())
        if isinstance(module, types.ModuleType) and name != "__main__"
    ]


def describe(value):
    """What a value is, by name: a function, class or module by its qualified name, anything else by its type."""
    if isinstance(value, types.ModuleType):
        return f"module {value.__name__}"
    name = getattr(value, "__qualname__", None) if isinstance(value, (type, types.FunctionType, types.BuiltinFunctionType)) else None
    if isinstance(name, str):
        return f"{getattr(value, '__module__', None)}.{name}"
    if isinstance(value, (bool, int, float, str, type(None))):
        return repr(value)
    return type(value).__qualname__


def digest(value):
    return hashlib.sha256(repr(value).encode()).hexdigest()[:8]
