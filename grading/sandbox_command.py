"""The command that starts one grading process (pyodide_host.cjs) in the regrade's sandbox, and
what that sandbox holds on this machine (docs/teaching.md, "What the sandbox guarantees").

Learner code runs in WebAssembly (Pyodide), which reaches the machine only through what Node
gives it. Layers, each closing what the one before leaves open:
- Python's `js` module sees an empty object, not Node's globals (pyodide_host.cjs);
- Node runs no code made from strings, so no JavaScript object leads back to `process` or
  `require` through a function's constructor;
- Node's permission model: reading only the runtime folder, no writes, no child processes,
  no workers, no native addons;
- on Linux with bubblewrap: no network, no view of the machine's files but the system's
  programs and the runtime folder (read-only), its own process numbers, no capabilities,
  and it dies with the regrade. Node's permission model does not cover the network, so
  without bubblewrap (macOS, Windows) the last door is Pyodide's own: it has no sockets.
"""

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

# Python's memory (WebAssembly's) per grading process: MemoryError past it, as in the page
# past the browser's limit. JavaScript's own heap gets its share on top.
PYTHON_MEMORY_MIB = 384
JAVASCRIPT_HEAP_MIB = 256
BUBBLEWRAP = "bwrap"
# What Node needs of the system to start: its libraries; nothing of the user's.
SYSTEM_FOLDERS = ("/usr", "/lib", "/lib64", "/bin", "/etc/alternatives", "/etc/ld.so.cache")


class SandboxUnavailable(Exception):
    """The sandbox cannot be made on this machine; the message says what to install."""


@functools.cache
def node_version():
    """Node's major version, or None when there is no `node` on the PATH."""
    node = shutil.which("node")
    if not node:
        return None
    completed = subprocess.run([node, "--version"], capture_output=True, text=True, check=False)
    return int(completed.stdout.strip().lstrip("v").split(".")[0]) if completed.returncode == 0 else None


def node_command(host_script, runtime_folder):
    """Node, with its permission model, running the host on the runtime folder."""
    version = node_version()
    if version is None or version < 20:
        raise SandboxUnavailable(
            f"the regrade needs Node.js 20 or later for its sandbox, and found {'no node' if version is None else f'Node {version}'}: "
            "install Node.js 20+ (the README's set-up), then grade again"
        )
    permission = "--experimental-permission" if version < 22 else "--permission"
    return [
        shutil.which("node"),
        permission,
        f"--allow-fs-read={Path(runtime_folder).resolve()}{os.sep}",
        "--disallow-code-generation-from-strings",
        "--no-addons",
        f"--max-old-space-size={JAVASCRIPT_HEAP_MIB}",
        "--no-warnings",
        str(host_script),
        str(runtime_folder),
        str(PYTHON_MEMORY_MIB),
    ]


def bubblewrap_command(command, runtime_folder):
    """`command` inside bubblewrap: no network, no IPC, its own process numbers, a read-only
    view of the system and of the runtime folder only, an empty /tmp, no capabilities."""
    runtime = str(Path(runtime_folder).resolve())
    node = str(Path(command[0]).resolve())
    binds = [argument for folder in SYSTEM_FOLDERS for argument in ("--ro-bind-try", folder, folder)]
    if not node.startswith("/usr/"):
        binds += ["--ro-bind", node, node]  # a Node installed elsewhere (nvm, /opt)
    return [
        # No --new-session: the runner starts bubblewrap in a session of its own (no terminal to
        # reach), and ends the whole session at once, which a new one inside would escape.
        BUBBLEWRAP, "--unshare-all", "--die-with-parent", "--cap-drop", "ALL", "--clearenv",
        # /tmp first: the runtime folder may be in it, and a later mount hides an earlier one.
        "--tmpfs", "/tmp", *binds, "--ro-bind", runtime, runtime, "--proc", "/proc", "--dev", "/dev",
        "--chdir", runtime, "--", node, *command[1:],
    ]


@functools.cache
def bubblewrap_works():
    """Whether bubblewrap can make its sandbox here (it needs Linux user namespaces)."""
    if not sys.platform.startswith("linux") or not shutil.which(BUBBLEWRAP):
        return False
    completed = subprocess.run(
        [BUBBLEWRAP, "--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", "--", "true"], capture_output=True, check=False
    )
    return completed.returncode == 0


def sandboxed_command(host_script, runtime_folder):
    command = node_command(host_script, runtime_folder)
    return bubblewrap_command(command, runtime_folder) if bubblewrap_works() else command


def sandbox_description():
    """One line for the instructor's terminal: which layers hold on this machine."""
    if bubblewrap_works():
        return "Learner code runs sandboxed: Pyodide in Node's permission model, inside bubblewrap (no network, no access to your files)."
    return (
        "Learner code runs sandboxed: Pyodide in Node's permission model (no access to your files, no programs). "
        "bubblewrap is not available here, so the network is closed by Pyodide alone (see docs/teaching.md)."
    )
