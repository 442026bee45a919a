"""Reads what the state probe (tests/state_probe.py) printed in one run, and says how two
readings differ: the corpus tests take one before and one after each submission, in the same
Python, and expect none. Readings from two different Python processes (the submission made
the host restart Python) are compared on what does not depend on the process."""

import base64
import json
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

# The probe as a learner would paste it, packed into one line: the page's editor only draws
# the lines in view, and the page tests read the editor's text to see that the paste is done.
PROBE = "import base64, zlib\nexec(zlib.decompress(base64.b64decode({!r})))\n".format(
    base64.b64encode(zlib.compress((Path(__file__).parent / "state_probe.py").read_bytes(), 9)).decode()
)
PART = re.compile(r"^STATE (\d) (.*)$", re.MULTILINE)
# Settings that differ between two processes of CPython's runner (each has its own copy of
# the harness in a temporary folder, named in the working directory, sys.path and PYTHONPATH).
PER_PROCESS_SETTINGS = ("cwd", "sys.path", "os.environ")


@dataclass(frozen=True)
class Reading:
    settings: dict
    draws: list
    learner_objects: list
    modules: dict  # module name -> digest of its attributes


def reading_of(test_outputs):
    """The Reading in the printed outputs of the probe's tests."""
    parts = {}
    for output in test_outputs:
        for number, text in PART.findall(output or ""):
            parts[int(number)] = json.loads(text)
    assert sorted(parts) == [0, 1, 2, 3], f"the probe printed parts {sorted(parts)}: {test_outputs}"
    first = parts.pop(0)
    modules = {name: digest for part in parts.values() for name, digest in part.items()}
    return Reading(first["settings"], first["draws"], first["learner objects"], modules)


def differences(before, after, same_process):
    """What differs between two readings, one line each."""
    found = [
        f"{name}: {before.settings[name]!r} before, {after.settings[name]!r} after"
        for name in before.settings
        if before.settings[name] != after.settings.get(name) and (same_process or name not in PER_PROCESS_SETTINGS)
    ]
    found += [f"a module or class holds {name}, made by the submission" for name in after.learner_objects]
    if same_process:
        found += [f"module {name} has other attributes" for name in sorted(before.modules.keys() & after.modules.keys()) if before.modules[name] != after.modules[name]]
        if before.draws != after.draws:
            found.append(f"random draws: {before.draws} before, {after.draws} after")
    return found
