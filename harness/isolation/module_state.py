"""The attribute bindings of every loaded module and of the classes they hold: recorded when
a run starts, then checked and put back after each call into learner code.

A ModuleState records the namespace (`__dict__`) of every module in `sys.modules`, the
namespace of every mutable class that is an attribute of one of them (pure-Python classes
such as `json.JSONEncoder` or `abc.ABCMeta`; built-in and numpy's C types cannot be changed),
and `sys.modules` itself. During a run, each module that gets imported is added to the record
as its import leaves it, before the code that imported it can change it (ImportRecorder,
below). `put_back()` compares every entry of every namespace with the record, by identity
(so no learner object is asked whether it equals anything) and in one pass, and restores only
the namespaces that differ: entries that were changed or removed come back, entries that were
added go away.
"""

import sys
from itertools import chain
from operator import is_, methodcaller
from types import ModuleType

IMMUTABLE_TYPE_FLAG = 1 << 8  # Py_TPFLAGS_IMMUTABLETYPE: built-in and most C types
is_class = type.__instancecheck__.__get__(type)
values_of = methodcaller("values")
MISSING = object()


class ModuleState:
    """One per process: made at the first run, and at the start of each later run brought up
    to date with what the host changed in between (it may import modules, and pytest's
    monkeypatch changes attributes), so every run's record is the state when it started."""

    def __init__(self):
        self.namespaces = []  # live views: module and sys.modules dicts, class mappingproxies
        self.keys = []  # per namespace, its keys as recorded (a tuple)
        self.values = []  # per namespace, its values as recorded (a tuple)
        self.classes = []  # per namespace, the class it belongs to, or None for a dict
        # id of a module dict or a class -> its position in the lists above. The harness sets
        # sys.stdout for every call, so sys is put back apart, entry by entry (sys_entries).
        self.index = {id(vars(sys)): None}
        self.sys_entries = {}
        self.essential = []  # (namespace, entries) of builtins and the harness: see put_back_essential
        self.on_import = None
        self._add_namespaces([sys.modules], [None])
        self._add_modules(list(sys.modules.values()))

    def start_run(self, on_import):
        """Takes the state now as the run's record (one identity pass when the host changed
        nothing since the last run); `on_import(names)` is told of imports until end_run()."""
        self.sys_entries = dict(vars(sys))
        self.essential = [
            (vars(module), dict(vars(module)))
            for name, module in list(sys.modules.items())
            if isinstance(module, ModuleType) and (name == "builtins" or name.partition(".")[0] == "harness")
        ]
        if not self._unchanged(keys_too=False):
            for position in range(len(self.namespaces)):
                if not self._namespace_unchanged(position):
                    self._rerecord(position)
        self.on_import = on_import
        IMPORTS.state = self

    def end_run(self):
        """Stops recording imports, and puts back everything."""
        IMPORTS.state = self.on_import = None
        self.put_back(keys_too=True)

    def put_back_essential(self):
        """Restores (with nothing but dict.update) what the harness's own code runs on: builtins
        and the harness's modules, so that it can go on to read and put back the rest."""
        for namespace, entries in self.essential:
            namespace.update(entries)

    def put_back(self, keys_too=False):
        """Restores every recorded namespace that differs from the record. Only the values
        are compared unless `keys_too`: a key can change unseen only if it is renamed and its
        value stays last in its namespace (the end of each run compares keys too)."""
        self.put_back_essential()
        _restore_dict(vars(sys), self.sys_entries)
        if self._unchanged(keys_too):
            return
        for position in range(len(self.namespaces)):
            if not self._namespace_unchanged(position):
                self._restore(position)

    def record_imports(self, name, added):
        """Called by the import recorder when importing `name` added the sys.modules entries `added`."""
        self._add_modules([sys.modules[added_name] for added_name in added])
        self._rerecord_sys_modules(added)
        parent, _, child = name.rpartition(".")
        parent_position = self.index.get(id(getattr(sys.modules.get(parent), "__dict__", None)))
        if parent_position is not None and name in sys.modules:
            # The import system binds the submodule to its parent right after loading it.
            self._record_entry(parent_position, child, sys.modules[name])
        if self.on_import:
            self.on_import(added)

    def _unchanged(self, keys_too):
        namespaces = self.namespaces
        return (
            list(map(len, namespaces)) == list(map(len, self.keys))
            and all(map(is_, chain.from_iterable(map(values_of, namespaces)), chain.from_iterable(self.values)))
            and (not keys_too or all(map(is_, chain.from_iterable(namespaces), chain.from_iterable(self.keys))))
        )

    def _namespace_unchanged(self, position):
        namespace = self.namespaces[position]
        return (
            len(namespace) == len(self.keys[position])
            and all(map(is_, namespace.values(), self.values[position]))
            and all(map(is_, namespace, self.keys[position]))
        )

    def _restore(self, position):
        entries = dict(zip(self.keys[position], self.values[position]))
        owner = self.classes[position]
        if owner is None:
            _restore_dict(self.namespaces[position], entries)
        else:
            _restore_class(owner, entries)

    def _rerecord(self, position):
        namespace = self.namespaces[position]
        self.keys[position], self.values[position] = tuple(namespace), tuple(namespace.values())
        if position == 0:  # sys.modules: the host imported modules
            self._add_modules(list(sys.modules.values()))
        elif self.classes[position] is None:  # a module's namespace: it may hold new classes
            self._add_classes(self.values[position])

    def _add_modules(self, modules):
        """Adds the namespaces of `modules` not recorded yet, and of the mutable classes they hold."""
        namespaces = {id(vars(module)): vars(module) for module in modules if isinstance(module, ModuleType)}
        namespaces = [namespace for key, namespace in namespaces.items() if key not in self.index]
        self._add_namespaces(namespaces, [None] * len(namespaces))
        self._add_classes(chain.from_iterable(map(values_of, namespaces)))

    def _add_classes(self, values):
        index = self.index
        classes = {}
        for value in filter(is_class, list(values)):
            if not value.__flags__ & IMMUTABLE_TYPE_FLAG and id(value) not in index:
                classes[id(value)] = value
        self._add_namespaces([value.__dict__ for value in classes.values()], list(classes.values()))

    def _add_namespaces(self, namespaces, classes):
        for namespace, owner in zip(namespaces, classes):
            self.index[id(namespace if owner is None else owner)] = len(self.namespaces)
            self.namespaces.append(namespace)
        self.keys.extend(map(tuple, namespaces))
        self.values.extend(map(tuple, map(values_of, namespaces)))
        self.classes.extend(classes)

    def _record_entry(self, position, key, value):
        keys, values = list(self.keys[position]), list(self.values[position])
        if key in keys:
            values[keys.index(key)] = value
        else:
            keys.append(key)
            values.append(value)
        self.keys[position], self.values[position] = tuple(keys), tuple(values)

    def _rerecord_sys_modules(self, added):
        """sys.modules as recorded plus the entries an import added, in the order they are in
        now (the import system moves each module it loads to the end)."""
        recorded = dict(zip(self.keys[0], self.values[0]))
        now = [name for name in sys.modules if name in recorded or name in added]
        gone = [name for name in recorded if name not in sys.modules]
        names = now + gone
        self.keys[0] = tuple(names)
        self.values[0] = tuple(recorded[name] if name in recorded else sys.modules[name] for name in names)


def _restore_dict(namespace, entries):
    for key in [key for key in namespace if key not in entries]:
        del namespace[key]
    namespace.update(entries)
    if not all(map(is_, namespace, entries)):
        for key in entries:  # an entry removed and put back moved to the end: restore the order too
            namespace[key] = namespace.pop(key)


def _restore_class(owner, entries):
    namespace = owner.__dict__
    for key in [key for key in namespace if key not in entries]:
        attempt(type.__delattr__, owner, key)
    for key, value in entries.items():
        if namespace.get(key, MISSING) is not value:
            attempt(type.__setattr__, owner, key, value)  # a slot Python refuses to set could not be changed either


def attempt(function, *args):
    """Calls `function(*args)`, ignoring any error: things are put back one by one, and one that
    cannot be (a working directory deleted since) must not keep the others from it."""
    try:
        function(*args)
    except Exception:  # noqa: BLE001
        pass


class ImportRecorder:
    """Wraps the import system's `_load_unlocked`, which loads each module not yet in
    sys.modules, so that the open ModuleState (if any) records each new module right after
    its import, as the import left it. A learner's run that imports `fractions` for the
    first time and then patches it leaves the next run an unpatched `fractions`."""

    def __init__(self):
        self.state = None  # the open ModuleState

    def install(self):
        bootstrap = sys.modules["_frozen_importlib"]
        load = bootstrap._load_unlocked
        if getattr(load, "records_imports", False):
            return
        recorder = self

        def _load_unlocked(spec, load=load, modules=sys.modules, names_of=set):
            state = recorder.state
            if state is None:
                return load(spec)
            before = names_of(modules)
            module = load(spec)
            try:
                state.record_imports(spec.name, [name for name in modules if name not in before])
            except Exception:  # noqa: BLE001 - the import itself worked: never fail it for our bookkeeping
                pass
            return module

        _load_unlocked.records_imports = True
        bootstrap._load_unlocked = _load_unlocked


IMPORTS = ImportRecorder()
IMPORTS.install()
